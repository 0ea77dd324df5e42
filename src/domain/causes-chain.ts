/**
 * Causal chains: the in-scope findings of each subject, split by failure mode, joined to the
 * change they followed ("rollout → OOMKilled"), with what users see (no ready replica) and
 * context (a similar past incident) attached as supporting evidence. A caller's symptoms that
 * name a failing dependency or node (timeouts to inventory-api, pods on a NotReady node) are
 * moved under that deeper failure as its consequences, so the deeper one is the cause.
 */

import { isExplainable, isRootMode, type Mode, modeOf, modeRank, textMode } from "./causes-modes.js"
import { namesOf, type Subject } from "./causes-names.js"
import type { Role, Scoped } from "./causes-scope.js"
import type { Finding } from "./finding.js"
import { mentions, textOf } from "./report-scope.js"
import { severityRank } from "./severity.js"

/** Symptoms of another subject that this chain's failure explains. */
export interface Consequence {
  readonly subject: Subject
  readonly modes: ReadonlyArray<Mode>
  readonly findings: ReadonlyArray<Finding>
}

export interface Chain {
  readonly subject: Subject
  readonly role: Role
  /** The failure modes, deeper first; ["outcome"] when only what users see is known. */
  readonly modes: ReadonlyArray<Mode>
  /** The failure's own findings, strongest first. */
  readonly roots: ReadonlyArray<Finding>
  /** The change it followed: the system's record first, then a chat announcement. */
  readonly changes: ReadonlyArray<Finding>
  /** What users see of it (no ready replica, latency), strongest first. */
  readonly outcomes: ReadonlyArray<Finding>
  readonly consequences: ReadonlyArray<Consequence>
  /** Context matching its mode (a similar incident), and a named dependency's own symptoms. */
  readonly support: ReadonlyArray<Finding>
}

export type Order = (a: Finding, b: Finding) => number

interface Group {
  readonly subject: Subject
  readonly role: Role
  readonly findings: Array<Finding>
}

const timeOf = (f: Finding): number | null => f.observedAt?.epochMillis ?? null

const groupsOf = (scoped: ReadonlyArray<Scoped>): ReadonlyArray<Group> => {
  const groups = new Map<string, Group>()
  for (const s of scoped) {
    const existing = groups.get(s.subject.key)
    if (existing === undefined) groups.set(s.subject.key, { ...s, findings: [s.finding] })
    else existing.findings.push(s.finding)
  }
  return [...groups.values()]
}

/** Strongest first: severity, then the deeper mode, then evidence order. */
const strongest =
  (order: Order) =>
  (a: Finding, b: Finding): number =>
    severityRank(b.severity) - severityRank(a.severity) ||
    modeRank(textMode(a)) - modeRank(textMode(b)) ||
    order(a, b)

/**
 * How long after a change its symptoms may begin and still be laid at its door. A change that
 * breaks a workload breaks it as it rolls out (crashing, unready, unpullable, OOM under the
 * first load); symptoms that begin hours after a change that ran fine point elsewhere.
 */
export const changeEffectMs = 60 * 60_000

/**
 * The latest change of `changes` (latest first) at most `changeEffectMs` before `t0`, the
 * system's record and the announcement; an untimed change is taken as preceding.
 */
const changeBefore = (changes: ReadonlyArray<Finding>, t0: number): ReadonlyArray<Finding> => {
  const before = changes.filter((c) => {
    const t = timeOf(c)
    return t === null || (t <= t0 && t0 - t <= changeEffectMs)
  })
  const system = before.find((c) => c.kind !== "deploy_announcement")
  const told = before.find((c) => c.kind === "deploy_announcement")
  return [system, told].filter((c): c is Finding => c !== undefined)
}

const firstTime = (findings: ReadonlyArray<Finding>, alertMs: number): number => {
  const times = findings.flatMap((f) => {
    const t = timeOf(f)
    return t === null ? [] : [t]
  })
  return times.length === 0 ? alertMs : Math.min(...times)
}

const severityOf = (findings: ReadonlyArray<Finding>): number =>
  Math.max(-1, ...findings.map((f) => severityRank(f.severity)))

/** One subject's chains: root modes joined by the change they followed, outcomes and context attached. */
const chainsOf = (group: Group, alertMs: number, order: Order): Array<Chain> => {
  const byTime = (a: Finding, b: Finding) =>
    (timeOf(b) ?? Number.NEGATIVE_INFINITY) - (timeOf(a) ?? Number.NEGATIVE_INFINITY) || order(a, b)
  const changes = group.findings.filter((f) => modeOf(f) === "change").sort(byTime)
  const outcomes = group.findings.filter((f) => modeOf(f) === "outcome").sort(strongest(order))
  const context = group.findings.filter((f) => modeOf(f) === "context")
  const clusters = new Map<Mode, Array<Finding>>()
  for (const f of group.findings) {
    const m = modeOf(f)
    if (isRootMode(m)) clusters.set(m, [...(clusters.get(m) ?? []), f])
  }
  const joined = new Map<
    string,
    { modes: Array<Mode>; roots: Array<Finding>; changes: ReadonlyArray<Finding> }
  >()
  for (const [mode, roots] of [...clusters].sort(([a], [b]) => modeRank(a) - modeRank(b))) {
    const linked = changeBefore(changes, firstTime(roots, alertMs))
    // WARN-level evidence (low) does not join a stronger failure as another mode: it stays apart.
    const weak = severityOf(roots) <= severityRank("low")
    const key = weak || linked[0] === undefined ? `mode:${mode}` : linked[0].id
    const chain = joined.get(key) ?? { modes: [], roots: [], changes: linked }
    chain.modes.push(mode)
    chain.roots.push(...roots)
    joined.set(key, chain)
  }
  const base = { subject: group.subject, role: group.role, consequences: [] }
  const chains: Array<Chain> = [...joined.values()].map((c) => ({
    ...base,
    modes: c.modes,
    roots: c.roots.sort(strongest(order)),
    changes: c.changes,
    outcomes: [],
    support: [],
  }))
  if (chains.length === 0 && outcomes.length > 0) {
    const linked = changeBefore(changes, firstTime(outcomes, alertMs))
    return [{ ...base, modes: ["outcome"], roots: [], changes: linked, outcomes, support: [] }]
  }
  const best = [...chains].sort(
    (a, b) =>
      severityOf(b.roots) - severityOf(a.roots) ||
      modeRank(a.modes[0] ?? "errors") - modeRank(b.modes[0] ?? "errors"),
  )[0]
  return chains.map((c) => ({
    ...c,
    outcomes: c === best ? outcomes : [],
    support: context.filter((f) => c.modes.includes(textMode(f))),
  }))
}

/** Whether `chain`'s findings name one of `names`. */
const names = (chain: Chain, targets: ReadonlySet<string>): boolean =>
  [...chain.roots, ...chain.outcomes].some((f) => {
    const text = textOf(f)
    return [...targets].some((n) => mentions(text, n))
  })

const depth = (c: Chain): number => (c.role === "subject" && !c.subject.node ? 0 : 1)

const linkedToSystemChange = (c: Chain): boolean => c.changes.some((f) => f.kind !== "deploy_announcement")

/** A symptom a deeper failure can explain (a caller's timeouts; a pod's NotReady on its node). */
const explainedBy = (c: Chain, target: Chain): boolean =>
  depth(c) === 0 &&
  depth(target) === 1 &&
  !linkedToSystemChange(c) &&
  c.modes.every((m) => isExplainable(m) || (m === "node" && target.subject.node))

/**
 * Every chain of the in-scope findings, unranked: a symptom explained by a named dependency's or
 * node's own failure becomes that failure's consequence, and a named dependency that shows only
 * outcomes (connections at max) supports the chain that names it.
 */
export const buildChains = (scoped: ReadonlyArray<Scoped>, alertMs: number, order: Order): Array<Chain> => {
  const groups = groupsOf(scoped)
  const namesByKey = new Map(
    groups.map((g) => [g.subject.key, new Set([g.subject.key, ...g.findings.flatMap(namesOf)])]),
  )
  const chains = groups.flatMap((g) => chainsOf(g, alertMs, order))
  const named = (c: Chain, t: Chain) => names(c, namesByKey.get(t.subject.key) ?? new Set())
  // Targets are deeper (depth 1) than what moves (depth 0), so nothing moves twice.
  const targetOf = (c: Chain): number => {
    const candidates = chains
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => t.roots.length > 0 && explainedBy(c, t) && named(c, t))
      .sort((a, b) => severityOf(b.t.roots) - severityOf(a.t.roots) || a.i - b.i)
    return candidates[0]?.i ?? -1
  }
  const explained = chains.map(targetOf)
  // A named dependency showing only outcomes supports the first chain that names it.
  const supporter = chains.map((c, i) =>
    depth(c) === 1 && c.roots.length === 0
      ? chains.findIndex((m, j) => explained[j] === -1 && depth(m) === 0 && named(m, c) && j !== i)
      : -1,
  )
  return chains.flatMap((c, i) => {
    if (explained[i] !== -1 || supporter[i] !== -1) return []
    const consequences = chains.flatMap((from, j) =>
      explained[j] === i
        ? [
            {
              subject: from.subject,
              modes: from.outcomes.length > 0 ? [...from.modes, "outcome" as const] : from.modes,
              findings: [...from.roots, ...from.outcomes],
            },
          ]
        : [],
    )
    const related = chains.flatMap((d, j) => (supporter[j] === i ? d.outcomes : []))
    return [{ ...c, consequences: [...c.consequences, ...consequences], support: [...c.support, ...related] }]
  })
}
