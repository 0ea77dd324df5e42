/**
 * Causal chains: the in-scope findings of each subject, split by failure mode, joined to the
 * change they followed ("rollout → OOMKilled"), with what users see (no ready replica) and
 * context (a similar past incident) attached as supporting evidence. A caller's symptoms that
 * name a failing dependency or node (timeouts to inventory-api, pods on a NotReady node) are
 * moved under that deeper failure as its consequences, so the deeper one is the cause.
 */

import { awsResourcesIn } from "./aws-endpoint.js"
import { loadSaturation, refusedAtAdmission } from "./cause-admission-refusal.js"
import { lastWordsOfOomKilled, oomKilledContainers } from "./cause-oom-last-words.js"
import { cacheAtMaxmemory, cacheNodeAliases } from "./causes-cache-node.js"
import {
  isDependencyMode,
  isExplainable,
  isHardMode,
  isRootMode,
  kindAndText,
  type Mode,
  modeOf,
  modeRank,
  rateLimitedWords,
  textMode,
} from "./causes-modes.js"
import {
  clusterDnsNames,
  containerNamesIn,
  dependencyNamesIn,
  namesOf,
  nodeOf,
  type Subject,
} from "./causes-names.js"
import {
  citedConditions,
  type NodeCondition,
  nodeConditionsIn,
  sharesCondition,
  taintConditionsIn,
} from "./causes-nodes.js"
import { failsOnLimitedNode, placementOfFindings } from "./causes-placement.js"
import type { Role, Scoped } from "./causes-scope.js"
import { schemaChange } from "./chat-terms.js"
import { cpuLimitCutEffectMs, cpuThrottlingWords, lowersCpuLimit } from "./cpu-limit-cut.js"
import { switchSymptomWords } from "./datastore-failover.js"
import { datastoreLogsStorageFull, quotesServerStorageFull } from "./datastore-full.js"
import type { Finding } from "./finding.js"
import { inScopeVersion } from "./finding-relevance.js"
import { saturatedAtMax } from "./hpa-saturation.js"
import { kafkaUnderProducers } from "./kafka-partitions.js"
import { explainsStall } from "./migration-lock.js"
import { mentions, textOf } from "./report-scope.js"
import { severityRank } from "./severity.js"

/** Symptoms of another subject that this chain's failure explains. */
export interface Consequence {
  readonly subject: Subject
  readonly modes: ReadonlyArray<Mode>
  readonly findings: ReadonlyArray<Finding>
  /** The failing container or workload its error lines name, when not the chain's own subject. */
  readonly via: string | null
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

/** Failures that say why a subject errs: its generic errors, 503s and timeouts are their symptoms. */
const deepModes: ReadonlySet<string> = new Set([
  "limits",
  // A poison message: the consumer's errors and timeouts on it are that message failing again.
  "poison",
  // A batch run on the service's database at its peak: the service's timeouts are its symptom.
  "schedule",
  // A datastore's primary switched: its clients' resets, 5xx and refused writes are that switch.
  "failover",
  "connections",
  "locks",
  "dns",
  "certificate",
  "auth",
])

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
 * A change whose failure builds up — a log file filling the pod's storage until it is evicted,
 * a volume filling, a leak growing to an OOM kill — may take hours to show.
 */
const slowChangeEffectMs = 6 * 60 * 60_000
const accumulating: ReadonlySet<Mode> = new Set(["eviction", "volume", "oom"])

/**
 * The latest change of `changes` (latest first) at most `changeEffectMs` before `t0`, the
 * system's record and the announcement; an untimed change is taken as preceding.
 */
const schemaWordsEvery = new RegExp(schemaChange.source, "gi")

const changeBefore = (
  changes: ReadonlyArray<Finding>,
  t0: number,
  effectMs: number = changeEffectMs,
): ReadonlyArray<Finding> => {
  const before = changes.filter((c) => {
    const t = timeOf(c)
    // A release's failed migration leaves the schema missing from then on: it explains pods that
    // began crashing a minute before it gave up as well as after (migration-failures.ts).
    if (c.kind === "migration_failed") return t === null || Math.abs(t0 - t) <= effectMs
    return t === null || (t <= t0 && t0 - t <= effectMs)
  })
  // The failed migration before its release's rollout: the rollout is only when the code arrived.
  const system =
    before.find((c) => c.kind === "migration_failed") ?? before.find((c) => c.kind !== "deploy_announcement")
  const announcements = before.filter((c) => c.kind === "deploy_announcement")
  // Of a burst of announcements, the one saying what changed in the data (a migration) first.
  const schemaWords = (c: Finding) => c.title.match(schemaWordsEvery)?.length ?? 0
  const told = [...announcements].sort((a, b) => schemaWords(b) - schemaWords(a))[0] ?? announcements[0]
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

const inScopeSeverityOf = (findings: ReadonlyArray<Finding>): number =>
  Math.max(-1, ...findings.map((f) => severityRank(inScopeVersion(f.detail)?.severity ?? f.severity)))

const rebalanceWords =
  /rebalanc|partitions? (?:revoked|assigned|lost)|commitfailedexception|group is rebalancing/i

const probeExplainers: ReadonlySet<Mode> = new Set([
  "limits",
  "locks",
  "connections",
  "dns",
  "auth",
  "certificate",
])

/** An exception's name as a runtime prints it ("TypeError:", "java.lang.NullPointerException"). */
const exceptionSignature =
  /\b[A-Z][A-Za-z]*(?:Error|Exception)\b(?::|\s+at\b|")|\bpanic: |\bTraceback \(most recent/

/** A server's words for a client that hung up before its answer was written. */
const clientGone =
  /broken pipe|clientabortexception|client (?:disconnected|went away|closed (?:the )?connection)|connection reset by peer|context canceled|epipe\b|premature close|exception while writing response/i

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
  let crashKey: string | null = null
  let capacityKey: string | null = null
  let flappingKey: string | null = null
  let probeKey: string | null = null
  let deepKey: string | null = null
  // A batch run on the subject's database (scheduled-jobs.ts): the connections it exhausts, the
  // locks it holds there are its doing, not causes beside it.
  let scheduleKey: string | null = null
  // A deeper failure the crashed container's own last lines state ("previous … container logged
  // FATAL … certificate expired"): the crash loop is that failure, not a cause beside it.
  let lastWordsKey: string | null = null
  let proxyCutKey: string | null = null
  // A NetworkPolicy that drops the subject's DNS (network-policies.ts: "not 53 (DNS)"): its
  // lookups timing out are that policy, not a DNS failure beside it.
  let blockedDnsKey: string | null = null
  // The containers the kubelet OOMKilled and their chain: what they logged before they died (a
  // provider throttling their output, a retry) joins the kill (cause-oom-last-words.ts).
  let oomKey: string | null = null
  let oomKilled: ReadonlySet<string> = new Set()
  // Pod creations a ResourceQuota or LimitRange refuses (cause-admission-refusal.ts): the pods the
  // workload has are overloaded for the ones it cannot get — their pools full, their requests
  // timing out — one failure with the refusal.
  let refusedKey: string | null = null
  for (const [mode, roots] of [...clusters].sort(([a], [b]) => modeRank(a) - modeRank(b))) {
    // CPU throttling is laid first at a lowered CPU limit's door, up to a day back (cpu-limit-cut.ts).
    const limitCut =
      mode === "limits" && roots.some((f) => cpuThrottlingWords.test(textOf(f)))
        ? changeBefore(
            changes.filter((c) => lowersCpuLimit(textOf(c))),
            firstTime(roots, alertMs),
            cpuLimitCutEffectMs,
          )
        : []
    // The failure began with its first line that is not WARN-level noise: an earlier low finding
    // that only shares the mode (a cache reconnecting, whose excerpt also quotes the 401s) must not
    // move the onset before the change that caused it.
    const strong = roots.filter((f) => inScopeSeverityOf([f]) > severityRank("low"))
    // An exception's signature (TypeError, NullPointerException) that first appears after a
    // rollout is that rollout's: its onset is its own first line, not an earlier line of another
    // kind the log reader also rated an error (a build step's "0 errors", a retry).
    const thrown = mode === "errors" ? strong.filter((f) => exceptionSignature.test(f.title)) : []
    const onsetOf = thrown.length > 0 ? thrown : strong.length > 0 ? strong : roots
    const linked =
      limitCut.length > 0
        ? limitCut
        : changeBefore(
            changes,
            firstTime(onsetOf, alertMs),
            accumulating.has(mode) ? slowChangeEffectMs : changeEffectMs,
          )
    // WARN-level evidence (low) does not join a stronger failure as another mode: it stays apart.
    // A workload the alert does not name is rated low throughout (finding-relevance.ts): among
    // its own findings, what they would be in scope tells a FATAL line from a WARN one.
    const weak = inScopeSeverityOf(roots) <= severityRank("low")
    const ownMode = weak || linked[0] === undefined ? `mode:${mode}` : linked[0].id
    // Taken as the cluster's own key, so the probes and errors it would explain follow it too.
    const own =
      oomKey !== null && modeRank(mode) > modeRank("oom") && lastWordsOfOomKilled(roots, oomKilled)
        ? oomKey
        : ownMode
    // A container that exits on its own (a crash loop, not an OOM kill) says why in its own error
    // lines ("FATAL … certificate expired"): they are the same failure, not a second cause.
    // A workload that cannot get the replicas it needs (pods unschedulable, the HPA at its
    // maximum) times out under the load the missing replicas would have carried: one failure.
    // A consumer group that keeps rebalancing while its HPA see-saws fails because of the
    // rescaling: the rebalance errors join the flapping.
    // Probes fail because the process cannot answer: out of file descriptors or threads, stuck on
    // locks, its pool or its DNS, its credentials or certificate refused. The probe failures (and
    // the liveness kills) are that failure's symptom, not a cause of their own.
    const rebalancing = roots.some((f) => rebalanceWords.test(textOf(f)))
    // A proxy that cut the subject's slow requests at its timeout (proxy-timeout.ts): the
    // subject's own "broken pipe" / "client went away" when it finally answers is that cut.
    const cutShort =
      mode === "errors" && proxyCutKey !== null && roots.every((f) => clientGone.test(textOf(f)))
    const overloaded =
      mode === "limits" &&
      !weak &&
      refusedKey !== null &&
      roots.every((f) => loadSaturation.test(kindAndText(f)) && !rateLimitedWords.test(kindAndText(f)))
    const key: string =
      mode === "dns" && !weak && blockedDnsKey !== null
        ? blockedDnsKey
        : overloaded && refusedKey !== null
          ? refusedKey
          : cutShort && proxyCutKey !== null
            ? proxyCutKey
            : (mode === "connections" || mode === "locks") && !weak && scheduleKey !== null
              ? scheduleKey
              : mode === "crash" && lastWordsKey !== null
                ? lastWordsKey
                : mode === "errors" && !weak && crashKey !== null
                  ? crashKey
                  : mode === "timeout" && capacityKey !== null
                    ? capacityKey
                    : (mode === "errors" || mode === "timeout" || mode === "limits") &&
                        rebalancing &&
                        flappingKey !== null
                      ? flappingKey
                      : mode === "probe" && probeKey !== null
                        ? probeKey
                        : (mode === "unavailable" || mode === "timeout" || mode === "errors") &&
                            !weak &&
                            deepKey !== null
                          ? deepKey
                          : own
    if (mode === "crash") crashKey = key
    // Set before the deeper-failure key, so the timeouts, 503s and probe failures follow it unless
    // a deeper failure (DNS, a certificate, credentials) came first in the mode order.
    if (mode === "create" && !weak && roots.some(refusedAtAdmission)) {
      refusedKey ??= own
      deepKey ??= own
      probeKey ??= own
    }
    if (mode === "oom" && !weak && oomKey === null) {
      oomKilled = oomKilledContainers(roots)
      if (oomKilled.size > 0) oomKey = key
    }
    if (mode === "timeout" && !weak && roots.some((f) => f.kind === "proxy_timeout")) proxyCutKey ??= key
    if (mode === "schedule" && !weak) scheduleKey ??= own
    if (
      modeRank(mode) < modeRank("crash") &&
      !weak &&
      roots.some((f) => f.kind === "container_logs" && /\bprevious\b/i.test(f.title))
    )
      lastWordsKey ??= own
    // The deepest named failure of the subject (a limit, its pool or locks, DNS, a certificate,
    // credentials refused): its surface errors, 503s and timeouts join it.
    // A NetworkPolicy dropping the subject's traffic is as deep: its timeouts, 503s and failing
    // readiness are what the dropped connections look like.
    const dropsTraffic = roots.some((f) => f.kind === "network_policy")
    if (!weak && roots.some((f) => f.kind === "network_policy" && /\b53 \(DNS\)/.test(f.title)))
      blockedDnsKey ??= own
    // Requests refused for a rate limit (429) failed, though a client that retries logs them at
    // WARN: the errors that follow are theirs.
    const rateLimited = mode === "limits" && roots.some((f) => rateLimitedWords.test(textOf(f)))
    if ((deepModes.has(mode) || dropsTraffic) && (!weak || rateLimited)) deepKey ??= own
    if ((probeExplainers.has(mode) || dropsTraffic) && !weak) probeKey ??= own
    if ((mode === "scheduling" || mode === "capacity") && !weak) capacityKey ??= own
    // An HPA at its ceiling with its metric far past target: the pods it has are saturated and
    // their probes time out; the probe failures and liveness kills are that (hpa-saturation.ts).
    if (mode === "capacity" && !weak && roots.some(saturatedAtMax)) probeKey ??= own
    // A rollout that moved the probe: the probe failures are its doing (probe-changes.ts).
    if (mode === "config" && !weak && roots.some((f) => f.kind === "probe_changed")) probeKey ??= own
    if (mode === "capacity" && roots.some((f) => f.kind === "hpa_flapping")) flappingKey ??= own
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
  // Only WARN-level roots (low) while what users see is stronger (a lag, a latency the metrics
  // measure): the outcome leads its own chain; the WARN lines stay apart, a cause only if
  // nothing stronger is.
  const onlyWeak = chains.every((c) => severityOf(c.roots) <= severityRank("low"))
  if (
    outcomes.length > 0 &&
    (chains.length === 0 || (onlyWeak && severityOf(outcomes) > severityRank("low")))
  ) {
    const linked = changeBefore(changes, firstTime(outcomes, alertMs))
    // The WARN lines that name a dependency ("slow dependency call target=rail-gateway") say
    // where the latency comes from: they support the outcome and name it.
    const naming = chains.flatMap((c) => c.roots.filter((f) => dependencyNamesIn(textOf(f)).length > 0))
    return [
      { ...base, modes: ["outcome"], roots: [], changes: linked, outcomes, support: naming },
      ...chains.map((c) => ({ ...c, support: context.filter((f) => c.modes.includes(textMode(f))) })),
    ]
  }
  const best = [...chains].sort(
    (a, b) =>
      severityOf(b.roots) - severityOf(a.roots) ||
      modeRank(a.modes[0] ?? "errors") - modeRank(b.modes[0] ?? "errors"),
  )[0]
  // Where the subject is configured to connect names the database its pool is exhausted on.
  const configured = context.filter((f) => f.kind === "configured_dependencies")
  return chains.map((c) => ({
    ...c,
    outcomes: c === best ? outcomes : [],
    support: [
      ...(c.modes.includes("connections") ? configured : []),
      ...context.filter((f) => c.modes.includes(textMode(f)) && !configured.includes(f)),
    ],
  }))
}

/**
 * A reader's lag checks ("reader lag 1096s exceeds soft limit 30s") under a replica whose own lag
 * was measured (a replica_lag finding): those lines never name the replica they read from, and
 * they are what its lag does to its readers (replica-lag.ts), not a failure of the reader's own.
 */
const readsLaggingReplica = (c: Chain, t: Chain): boolean =>
  depth(c) === 0 &&
  c.subject.key !== t.subject.key &&
  c.modes.every((m) => m === "replication") &&
  c.modes.includes("replication") &&
  !c.roots.some((f) => f.kind === "replica_lag") &&
  t.roots.some((f) => f.kind === "replica_lag")

const isFailover = (t: Chain): boolean => t.roots.some((f) => f.kind === "datastore_failover")

/** A chain with a failing root in a client's words for a primary switch (reset, READONLY, read-only). */
const switchedCaller = (c: Chain): boolean =>
  c.roots.some(
    (f) => severityRank(f.severity) >= severityRank("medium") && switchSymptomWords.test(textOf(f)),
  )

/** A chain whose every root is a client's words for a primary switch, under a datastore's failover. */
const failedOverUnder = (c: Chain, t: Chain): boolean =>
  t.roots.some((f) => f.kind === "datastore_failover") &&
  c.roots.length > 0 &&
  c.roots.every((f) => switchSymptomWords.test(textOf(f)))

/** Whether `chain`'s findings name one of `names`. */
const names = (chain: Chain, targets: ReadonlySet<string>): boolean =>
  [...chain.roots, ...chain.outcomes].some((f) => {
    const text = textOf(f)
    return [...targets].some((n) => mentions(text, n))
  })

const depth = (c: Chain): number => (c.role === "subject" && !c.subject.node ? 0 : 1)

const linkedToSystemChange = (c: Chain): boolean => c.changes.some((f) => f.kind !== "deploy_announcement")

/** A symptom a deeper failure can explain (a caller's timeouts; a pod's NotReady on its node). */
const explainedBy = (c: Chain, target: Chain, uses = false): boolean =>
  depth(c) === 0 &&
  // A dependency, or another subject the chain's own configuration says it connects to (the
  // alert's "orders" names both orders-api and its database orders-db).
  (depth(target) === 1 || (uses && target.subject.key !== c.subject.key)) &&
  !linkedToSystemChange(c) &&
  c.modes.every((m) => isExplainable(m) || (m === "node" && target.subject.node))

/**
 * A client whose writes fail on a database's full storage (datastore-full.ts): its lines quote the
 * server's own words while the database's log says the same. A full volume is a hard failure, so
 * explainedBy never moves it; here the volume that is full is the database's, not the client's.
 */
const fullUnder = (c: Chain, t: Chain): boolean =>
  !c.subject.node &&
  t.subject.key !== c.subject.key &&
  !linkedToSystemChange(c) &&
  c.roots.some(quotesServerStorageFull) &&
  !c.roots.some(datastoreLogsStorageFull) &&
  c.modes.every((m) => m === "volume" || isExplainable(m)) &&
  t.roots.some(datastoreLogsStorageFull)

/**
 * A client refused or answered "not found" for what a full cache evicted: its sessions, carts,
 * tokens ("session … not found in tix-sessions; responding 401"). Its 401s read as auth, which no
 * dependency explains (a key rotation would be the subject's own), but here every failing line
 * names the cache that is at maxmemory: that cache's evictions are the cause.
 */
const evictedUnder = (c: Chain, t: Chain, cacheNames: ReadonlySet<string>): boolean =>
  depth(c) === 0 &&
  depth(t) === 1 &&
  !linkedToSystemChange(c) &&
  c.roots.length > 0 &&
  c.modes.every((m) => m === "auth" || isExplainable(m)) &&
  t.roots.some(cacheAtMaxmemory) &&
  c.roots.every((f) => [...cacheNames].some((n) => mentions(textOf(f), n)))

/** The roots of `c` that are a hard failure (OOMKilled, crash loop, bad image or config, evicted). */
const hardRoots = (c: Chain): ReadonlyArray<Finding> =>
  c.roots.filter((f) => isHardMode(modeOf(f)) && severityRank(f.severity) >= severityRank("medium"))

/** What a hard failure answers to: its findings' names and the containers they state. */
const hardNames = (c: Chain): ReadonlySet<string> =>
  new Set(hardRoots(c).flatMap((f) => [...namesOf(f), ...containerNamesIn(textOf(f))]))

/** The dependencies an error-line chain names ("pdf-renderer unavailable"). */
const dependencyNames = (c: Chain): ReadonlyArray<string> =>
  c.modes.every(isDependencyMode) ? [...new Set(c.roots.flatMap((f) => dependencyNamesIn(textOf(f))))] : []

/** The node conditions a chain's roots cite for its pods (a pressure taint, an eviction). */
const citedBy = (c: Chain): ReadonlySet<NodeCondition> =>
  new Set(c.roots.flatMap((f) => [...citedConditions(f)]))

const nodeConditions = (c: Chain): ReadonlySet<NodeCondition> =>
  new Set(
    c.roots.flatMap(
      (f): ReadonlyArray<NodeCondition> => [
        ...nodeConditionsIn(textOf(f)),
        ...(f.kind === "node_not_ready" ? ["notready" as const] : []),
      ],
    ),
  )

/**
 * A chain a node condition explains: pods evicted, or unschedulable because of the taint the
 * condition puts on its node (node.kubernetes.io/disk-pressure), and nothing the node does not
 * explain (an OOM kill, a bad image).
 */
const nodeExplainable = (c: Chain): boolean => {
  if (c.subject.node || c.roots.length === 0 || linkedToSystemChange(c)) return false
  const evicted = c.modes.includes("eviction")
  const taints = c.roots.some((f) => modeOf(f) === "scheduling" && taintConditionsIn(textOf(f)).size > 0)
  // The cluster-autoscaler's own event ("max node group size reached") says why no node was
  // added, not why the pods could not go where they were: it cites no taint and is no objection.
  const scheduling = c.roots.filter((f) => modeOf(f) === "scheduling" && f.kind !== "autoscaler")
  const allTainted = scheduling.every((f) => taintConditionsIn(textOf(f)).size > 0)
  return (
    (evicted || taints) &&
    allTainted &&
    c.modes.every((m) => m === "eviction" || m === "scheduling" || isExplainable(m))
  )
}

const nodeNames = (c: Chain): ReadonlySet<string> =>
  new Set([
    c.subject.key.replace(/^node /, ""),
    ...c.roots.flatMap((f) => (nodeOf(f) === null ? [] : [nodeOf(f) ?? ""])),
  ])

/** Whether node chain `t`'s condition is the one `c` cites (any, when it cites none), on the node it names if it names one. */
const nodeMatches = (c: Chain, t: Chain, nodes: ReadonlyArray<ReadonlySet<string>>): boolean => {
  if (!t.subject.node || t.roots.length === 0) return false
  if (nodes.some((n) => names(c, n)) && !names(c, nodeNames(t))) return false
  const cited = citedBy(c)
  return cited.size === 0 || sharesCondition(cited, nodeConditions(t))
}

/** A chain moved under another, and the name its evidence reached it by (when not its subject). */
interface Move {
  readonly target: number
  readonly via: string | null
}

const strongestTarget = (candidates: ReadonlyArray<{ t: Chain; i: number }>): number =>
  [...candidates].sort((a, b) => severityOf(b.t.roots) - severityOf(a.t.roots) || a.i - b.i)[0]?.i ?? -1

/**
 * Where each chain moves, if anywhere: under the named dependency or node whose failure explains
 * it (explainedBy); under the node condition its pods were evicted for or whose taint kept them
 * unscheduled, else under its own evictions; under the hard failure (OOMKilled, crash loop, …) of
 * the container, workload or service its error lines name ("pdf-renderer unavailable" while
 * container pdf-renderer is OOMKilled). No chain moves into one that moves back to it.
 */
const movesOf = (
  chains: ReadonlyArray<Chain>,
  named: (c: Chain, t: Chain) => boolean,
  uses: (c: Chain, t: Chain) => boolean,
  cachesOf: (t: Chain) => ReadonlySet<string> = () => new Set(),
): Array<Move | null> => {
  const indexed = chains.map((t, i) => ({ t, i }))
  const nodes = chains.filter((c) => c.subject.node).map(nodeNames)
  const moves: Array<Move | null> = chains.map((c) => {
    const target = strongestTarget(
      indexed.filter(
        ({ t }) =>
          t.roots.length > 0 &&
          ((explainedBy(c, t)
            ? named(c, t)
            : explainedBy(c, t, uses(c, t)) && deepModes.has(t.modes[0] ?? "")) ||
            fullUnder(c, t) ||
            evictedUnder(c, t, cachesOf(t)) ||
            readsLaggingReplica(c, t)),
      ),
    )
    return target === -1 ? null : { target, via: null }
  })
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>()
    for (let j: number | undefined = from; j !== undefined && !seen.has(j); j = moves[j]?.target) {
      if (j === to) return true
      seen.add(j)
    }
    return false
  }
  chains.forEach((c, i) => {
    if (moves[i] !== null) return
    const free = indexed.filter(({ i: j }) => j !== i && !reaches(j, i))
    if (nodeExplainable(c)) {
      const node = strongestTarget(free.filter(({ t }) => nodeMatches(c, t, nodes)))
      const cited = citedBy(c)
      const evictions = strongestTarget(
        free.filter(
          ({ t }) =>
            t.subject.key === c.subject.key &&
            !c.modes.includes("eviction") &&
            t.modes.includes("eviction") &&
            (cited.size === 0 || citedBy(t).size === 0 || sharesCondition(cited, citedBy(t))),
        ),
      )
      const target = node !== -1 ? node : evictions
      if (target !== -1) {
        moves[i] = { target, via: null }
        return
      }
    }
    const deps = linkedToSystemChange(c) ? [] : dependencyNames(c)
    if (deps.length === 0) return
    const hard = free.flatMap(({ t, i: j }) => {
      const known = hardNames(t)
      const via = deps.find((d) => known.has(d))
      return via === undefined ? [] : [{ t, i: j, via }]
    })
    const target = strongestTarget(hard)
    const via = hard.find((h) => h.i === target)?.via
    if (via !== undefined) moves[i] = { target, via: via === c.subject.key ? null : via }
  })
  return moves
}

/** The chain `i` ends up under, following moves (none form a cycle). */
const finalTarget = (moves: ReadonlyArray<Move | null>, i: number): number => {
  let j = i
  for (let n = 0; n <= moves.length; n++) {
    const next = moves[j]?.target
    if (next === undefined) break
    j = next
  }
  return j === i ? -1 : j
}

/**
 * Every chain of the in-scope findings, unranked: a symptom explained by a named dependency's,
 * node's or container's own failure becomes that failure's consequence (movesOf), and a named
 * dependency that shows only outcomes (connections at max) supports the chain that names it.
 */
export const buildChains = (scoped: ReadonlyArray<Scoped>, alertMs: number, order: Order): Array<Chain> => {
  const groups = groupsOf(scoped)
  const namesByKey = new Map(
    groups.map((g) => [g.subject.key, new Set([g.subject.key, ...g.findings.flatMap(namesOf)])]),
  )
  const chains = groups.flatMap((g) => chainsOf(g, alertMs, order))
  // Where a subject is configured to connect (its REDIS_URL, DATABASE_HOST): its timeouts on a
  // database that never names itself in them ("canceling statement due to statement timeout")
  // are that database's to explain when it fails.
  const configured = new Map(
    groups.map((g) => [
      g.subject.key,
      g.findings
        .filter((f) => f.kind === "configured_dependencies")
        .map(textOf)
        .join("\n"),
    ]),
  )
  // A migration's table lock on the database named like the subject whose queries time out.
  const stalledOn = (c: Chain, t: Chain) =>
    t.roots.some((f) => explainsStall(f, [...c.roots, ...c.outcomes], [c.subject.key]))
  const uses = (c: Chain, t: Chain) => {
    if (stalledOn(c, t)) return true
    const setup = configured.get(c.subject.key) ?? ""
    // An AWS endpoint (`sessions-cache-001.x7k2pq.0001.use1.cache.amazonaws.com`) names its resource.
    const resources = awsResourcesIn(setup)
    return (
      setup !== "" &&
      [...(namesByKey.get(t.subject.key) ?? [])].some(
        (n) => n.length >= 3 && (mentions(setup, n) || resources.includes(n)),
      )
    )
  }
  // Where a subject's pods run: a node at its own network limit is where its failing pods are.
  const placements = new Map(groups.map((g) => [g.subject.key, placementOfFindings(g.findings)]))
  const onLimitedNode = (c: Chain, t: Chain) =>
    t.subject.node &&
    failsOnLimitedNode(placements.get(c.subject.key) ?? [], t.roots, [...c.roots, ...c.outcomes])
  const named = (c: Chain, t: Chain) =>
    // A failover explains only a caller that errs the way a switch makes clients err.
    (isFailover(t) ? switchedCaller(c) : true) &&
    (names(c, namesByKey.get(t.subject.key) ?? new Set()) ||
      uses(c, t) ||
      onLimitedNode(c, t) ||
      // A lookup that failed went through the cluster's DNS, whatever name it was for.
      (c.modes.includes("dns") && t.modes.includes("dns") && clusterDnsNames.has(t.subject.key)) ||
      // Resets and refused writes (READONLY, read-only transaction) are what a named datastore's
      // failover does to its clients, though those lines never name it.
      failedOverUnder(c, t) ||
      // A producer refused or expiring its sends on a Kafka cluster whose partitions lost their
      // replicas, though its lines name a topic, never the cluster (kafka-partitions.ts).
      t.roots.some((f) => kafkaUnderProducers(f, [...c.roots, ...c.outcomes])))
  // A cache node's finding (`tix-sessions-0001-001`) answers to its cache's name too (causes-cache-node.ts).
  const caches = new Map(
    groups.map((g) => [g.subject.key, new Set(cacheNodeAliases(g.findings).keys())] as const),
  )
  const moves = movesOf(chains, named, uses, (t) => caches.get(t.subject.key) ?? new Set())
  const explained = chains.map((_, i) => finalTarget(moves, i))
  // A named dependency showing only outcomes supports the first chain that names it.
  const supporter = chains.map((c, i) =>
    depth(c) === 1 && c.roots.length === 0
      ? chains.findIndex((m, j) => explained[j] === -1 && depth(m) === 0 && named(m, c) && j !== i)
      : -1,
  )
  return chains.flatMap((c, i) => {
    if (explained[i] !== -1 || supporter[i] !== -1) return []
    const consequences: Array<Consequence> = []
    chains.forEach((from, j) => {
      if (explained[j] !== i) return
      const via = moves[j]?.via ?? null
      const modes = from.outcomes.length > 0 ? [...from.modes, "outcome" as const] : from.modes
      const findings = [...from.roots, ...from.outcomes]
      const k = consequences.findIndex((x) => x.subject.key === from.subject.key && x.via === via)
      const same = consequences[k]
      if (same === undefined) consequences.push({ subject: from.subject, modes, findings, via })
      else
        consequences[k] = {
          ...same,
          modes: [...new Set([...same.modes, ...modes])],
          findings: [...same.findings, ...findings],
        }
    })
    const related = chains.flatMap((d, j) => (supporter[j] === i ? d.outcomes : []))
    // A dependency's failover that explains none of the subject's errors is a red herring here.
    if (depth(c) === 1 && isFailover(c) && c.consequences.length + consequences.length === 0) return []
    return [{ ...c, consequences: [...c.consequences, ...consequences], support: [...c.support, ...related] }]
  })
}
