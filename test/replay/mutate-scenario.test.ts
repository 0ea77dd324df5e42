/**
 * The public scenarios and their mutated twins (test/support/mutate-scenario.ts), which the eval
 * uses as "unseen" scenarios: every example decodes with the strict loader; a mutated example
 * still does (the message id still encodes posted_at), keeps no original namespace, workload or
 * time anywhere in its text, keeps every time's order and spacing, keeps its Kubernetes
 * references (owners, pod-template hashes, log keys) and its `expect` terms pointing at the renamed
 * things. Fixed seeds, plus a fast-check property over seeds (fixed fast-check seed).
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import fc from "fast-check"
import { parse, stringify } from "yaml"
import { decodeScenario } from "../../src/replay/scenario.js"
import { mutateScenario, planMutation, snowflakeTime } from "../support/mutate-scenario.js"

const dir = join(import.meta.dirname, "../../examples/scenarios")
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
const load = (file: string): unknown => parse(readFileSync(join(dir, file), "utf8"))
const yamlText = (doc: unknown): string => stringify(doc, { lineWidth: 0 })
const seeds = [1, 7, 42, 2026, 918_273] as const

// ── Reading the scenario documents (independently of the mutation's own discovery) ──────────

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)
const at = (u: unknown, ...path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((acc, key) => (isRecord(acc) ? acc[key] : undefined), u)
const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)
const list = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
const objects = (doc: unknown) => list(at(doc, "kubernetes", "objects"))
const systemNamespaces = new Set([
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "ingress-nginx",
])
const nameKinds = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Pod",
  "Job",
  "CronJob",
  "HorizontalPodAutoscaler",
])

/** Namespaces, workload/ReplicaSet/pod names, the cluster, and history's services and namespaces. */
const originalNames = (doc: unknown): ReadonlySet<string> => {
  const names = new Set<string>()
  const add = (s: string | undefined) => {
    if (s !== undefined && !systemNamespaces.has(s)) names.add(s)
  }
  for (const o of objects(doc)) {
    const ns = str(at(o, "metadata", "namespace"))
    if (ns !== undefined && systemNamespaces.has(ns)) continue
    add(ns)
    if (nameKinds.has(str(at(o, "kind")) ?? "")) add(str(at(o, "metadata", "name")))
  }
  add(str(at(doc, "kubernetes", "cluster")))
  for (const h of list(at(doc, "history"))) {
    add(str(at(h, "service")))
    add(str(at(h, "namespace")))
  }
  return names
}
/** A name as a whole word (a namespace like `media` may be part of `eks-media-prod`, renamed as a whole). */
const occurs = (name: string, text: string): boolean =>
  name.includes("-") ? text.includes(name) : new RegExp(`(?<![A-Za-z0-9])${name}(?![A-Za-z0-9])`).test(text)

const isoStamps = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/g)].map((m) => m[0].replace(" ", "T"))
const slackTimestamps = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/(?<![\d.])\d{10}\.\d{6}(?!\d)/g)].map((m) => m[0])

const discordIds = (doc: unknown): ReadonlyArray<string> => {
  const ids: Array<string> = []
  if (at(doc, "alert", "platform") === "discord")
    for (const k of ["channel", "message_id", "thread_id"]) {
      const v = str(at(doc, "alert", k))
      if (v !== undefined) ids.push(v)
    }
  const channels = at(doc, "chat", "discord")
  if (isRecord(channels))
    for (const [id, channel] of Object.entries(channels)) {
      ids.push(id)
      for (const m of list(at(channel, "messages"))) {
        const v = str(at(m, "id"))
        if (v !== undefined) ids.push(v)
      }
    }
  return ids
}

const withoutExpect = (doc: unknown): unknown =>
  isRecord(doc) ? Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "expect")) : doc
const expectTerms = (doc: unknown): ReadonlyArray<string> => [
  ...list(at(doc, "expect", "cause_terms")).flatMap((group) => list(group).flatMap((t) => str(t) ?? [])),
  ...list(at(doc, "expect", "must_not_contain")).flatMap((t) => str(t) ?? []),
]

/** Kubernetes references that must survive a rename: owners, pod-template hashes, log keys. */
const referenceProblems = (doc: unknown): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const byKey = new Set(
    objects(doc).map(
      (o) => `${str(at(o, "kind"))}/${str(at(o, "metadata", "namespace"))}/${str(at(o, "metadata", "name"))}`,
    ),
  )
  for (const o of objects(doc)) {
    const kind = str(at(o, "kind")) ?? ""
    const ns = str(at(o, "metadata", "namespace"))
    const name = str(at(o, "metadata", "name")) ?? ""
    for (const ref of list(at(o, "metadata", "ownerReferences"))) {
      const key = `${str(at(ref, "kind"))}/${ns}/${str(at(ref, "name"))}`
      if (!byKey.has(key)) problems.push(`${kind} ${name}: owner ${key} is missing`)
      const owner = str(at(ref, "name")) ?? ""
      if (kind === "Pod" && at(ref, "kind") === "ReplicaSet" && !name.startsWith(`${owner}-`))
        problems.push(`pod ${name} is not named after its ReplicaSet ${owner}`)
      if (
        kind === "ReplicaSet" &&
        name !== `${owner}-${str(at(o, "metadata", "labels", "pod-template-hash"))}`
      )
        problems.push(`ReplicaSet ${name} is not <deployment>-<pod-template-hash>`)
    }
    const involved = at(o, "involvedObject")
    if (kind === "Event" && at(involved, "kind") !== "Node") {
      const key = `${str(at(involved, "kind"))}/${str(at(involved, "namespace"))}/${str(at(involved, "name"))}`
      if (!byKey.has(key)) problems.push(`event ${name}: involved ${key} is missing`)
    }
  }
  const logs = at(doc, "kubernetes", "logs")
  if (isRecord(logs))
    for (const key of Object.keys(logs)) {
      const [ns, pod] = key.split("/")
      if (!byKey.has(`Pod/${ns}/${pod}`)) problems.push(`log key ${key} names no pod`)
    }
  return problems
}

// ── The examples themselves ────────────────────────────────────────────────────────────

describe("the public example scenarios", () => {
  it("are at least ten, with unique names, at least two on Discord and one that is gated", () => {
    const docs = files.map(load)
    expect(docs.length).toBeGreaterThanOrEqual(10)
    expect(new Set(docs.map((d) => at(d, "name"))).size).toBe(docs.length)
    expect(docs.filter((d) => at(d, "alert", "platform") === "discord").length).toBeGreaterThanOrEqual(2)
    expect(docs.some((d) => at(d, "expect", "decision") === "gate")).toBe(true)
  })

  it.each(files)("%s decodes with the strict loader and keeps its own invariants", (file) => {
    const doc = load(file)
    const decoded = decodeScenario(doc, file)
    if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
    const s = decoded.right
    expect(`${s.name}.yaml`).toBe(file)
    expect(referenceProblems(doc)).toEqual([])
    // `now` is a few minutes after the alert; Discord chat ids encode their timestamps.
    const lag = s.now.epochMillis - s.alert.posted_at.epochMillis
    expect(lag).toBeGreaterThan(0)
    expect(lag).toBeLessThanOrEqual(15 * 60_000)
    for (const channel of Object.values(s.chat?.discord ?? {}))
      for (const m of channel.messages) expect(snowflakeTime(m.id)).toBe(m.timestamp.epochMillis)
  })
})

// ── Mutation ───────────────────────────────────────────────────────────────────────────

describe.each(files)("mutating %s", (file) => {
  const doc = load(file)
  const before = yamlText(doc)
  const names = originalNames(doc)
  const stamps = isoStamps(before)
  const cache = new Map<number, unknown>()
  const mutated = (seed: number): unknown => {
    if (!cache.has(seed)) cache.set(seed, mutateScenario(doc, seed))
    return cache.get(seed)
  }

  it.each(seeds)("seed %i: still a valid scenario, ids still encoding their times", (seed) => {
    const decoded = decodeScenario(mutated(seed), `${file} (seed ${seed})`)
    if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
    for (const channel of Object.values(decoded.right.chat?.discord ?? {}))
      for (const m of channel.messages) expect(snowflakeTime(m.id)).toBe(m.timestamp.epochMillis)
    expect(referenceProblems(mutated(seed))).toEqual([])
    expect(yamlText(doc)).toBe(before) // the input is untouched
  })

  it.each(seeds)("seed %i: no original namespace, workload, cluster or time survives", (seed) => {
    const after = yamlText(mutated(seed))
    expect([...names].filter((n) => occurs(n, after))).toEqual([])
    expect(stamps.filter((t) => after.includes(t) || after.includes(t.replace("T", " ")))).toEqual([])
    expect(slackTimestamps(before).filter((ts) => after.includes(ts))).toEqual([])
    expect(discordIds(doc).filter((id) => after.includes(id))).toEqual([])
  })

  it.each(seeds)("seed %i: every time moves by the same offset, so order and spacing are kept", (seed) => {
    const after = mutated(seed)
    const offset = planMutation(doc, seed).offsetMs
    expect(offset).not.toBe(0)
    expect(Math.abs(offset) % 60_000).toBe(0)
    expect(Date.parse(str(at(after, "now")) ?? "") - Date.parse(str(at(doc, "now")) ?? "")).toBe(offset)
    const moved = isoStamps(yamlText(after))
    expect(moved.length).toBe(stamps.length)
    expect(
      moved.map((t, i) => Date.parse(`${t}Z`) - Date.parse(`${stamps[i]}Z`)).filter((d) => d !== offset),
    ).toEqual([])
    const ts = slackTimestamps(before)
    const movedTs = slackTimestamps(yamlText(after))
    expect(
      movedTs.map((t, i) => (Number(t) - Number(ts[i])) * 1000).filter((d) => Math.round(d) !== offset),
    ).toEqual([])
    const ids = discordIds(doc)
    expect(
      discordIds(after).map((id, i) => (snowflakeTime(id) ?? 0) - (snowflakeTime(ids[i] ?? "") ?? 0)),
    ).toEqual(ids.map(() => offset))
  })

  it.each(seeds)("seed %i: expect terms follow the renamed things", (seed) => {
    const body = yamlText(withoutExpect(mutated(seed)))
    const originalBody = yamlText(withoutExpect(doc))
    const terms = expectTerms(doc)
    const movedTerms = expectTerms(mutated(seed))
    expect(movedTerms.length).toBe(terms.length)
    for (const [i, term] of terms.entries()) {
      const moved = movedTerms[i] ?? ""
      if ([...names].some((n) => occurs(n, term))) expect(moved).not.toBe(term)
      // A term that named something in the scenario still names it after the rename.
      if (originalBody.includes(term)) expect(body).toContain(moved)
    }
  })

  it("is deterministic for a seed and differs across seeds", () => {
    expect(mutateScenario(doc, 99)).toEqual(mutateScenario(doc, 99))
    expect(yamlText(mutateScenario(doc, 99))).not.toBe(yamlText(mutateScenario(doc, 100)))
  })
})

describe("mutation over arbitrary seeds (fast-check seed 20261127)", () => {
  const docs = files.map((f) => [f, load(f)] as const)
  it("always yields a valid scenario with a non-zero whole-minute offset and no original time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: docs.length - 1 }),
        (seed, i) => {
          const [file, doc] = docs[i] ?? docs[0] ?? ["", null]
          const mutated = mutateScenario(doc, seed)
          const decoded = decodeScenario(mutated, `${file} (seed ${seed})`)
          if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
          const { offsetMs } = planMutation(doc, seed)
          expect(offsetMs !== 0 && offsetMs % 60_000 === 0).toBe(true)
          const after = yamlText(mutated)
          expect(isoStamps(yamlText(doc)).filter((t) => after.includes(t))).toEqual([])
        },
      ),
      { seed: 20261127, numRuns: 40 },
    )
  })
})
