/**
 * The scope of cause inference (DESIGN §4): the alert's subject, then what its own evidence
 * names. Starting from the alert's names (report-scope.ts) — or, when the alert names nothing
 * (a person's report), the findings whose names its words match or that serve its word as a
 * route (route-words.ts) — it adds the dependencies and
 * nodes the subject's in-scope evidence names, and the cluster-autoscaler when the subject's
 * pods cannot be scheduled. Everything else (a red herring in another namespace, a caller
 * complaining about the subject) stays evidence and is never cited by a cause.
 */
import type { AlertFacts } from "./alert-facts.js"
import { awsResourcesIn } from "./aws-endpoint.js"
import { isCallOnResource } from "./aws-resource-user.js"
import { cacheNamedInPassing } from "./cache-passing-mention.js"
import { idleConfiguredCache } from "./cause-configured-cache.js"
import { namesHost, reportedHosts } from "./cause-host-words.js"
import { isAudienceWord, namesProduct } from "./cause-product-words.js"
import { bystanderIds } from "./causes-bystanders.js"
import { cacheNodeAliases } from "./causes-cache-node.js"
import { modeOf } from "./causes-modes.js"
import { clusterDnsNames, dependencyNamesIn, namesOf, type Subject, subjectKey } from "./causes-names.js"
import { ipShortagesUnder, limitsUnder, placementOfFindings, unifyNodeSubjects } from "./causes-placement.js"
import { withUnscheduledWorkloads } from "./causes-unscheduled.js"
import { clusterDnsCallerIds, withClusterDns } from "./cluster-dns-relation.js"
import { fullUnderClients } from "./datastore-full.js"
import type { Finding } from "./finding.js"
import { flagKeyOf, flagSubjectOf } from "./flag-change-scope.js"
import { kafkaUnderProducers } from "./kafka-partitions.js"
import { isConsumerKin, isKin, sharedWords } from "./log-group-kin.js"
import { cpuNeighboursUnder } from "./metric-cpu-neighbour.js"
import { explainsStall } from "./migration-lock.js"
import { type AlertScope, inScope, mentions, parseResource, scopeOf, textOf } from "./report-scope.js"
import { namesReportRoute } from "./route-words.js"
import { sharesStem } from "./word-stems.js"

/** subject: the alert's own; dependency: named by its evidence; infra: explains its scheduling. */
export type Role = "subject" | "dependency" | "infra"

export interface Scoped {
  readonly finding: Finding
  readonly subject: Subject
  readonly role: Role
}

// Alert words too common to pick a service by ("api" would match every *-api).
const vague = new Set(
  "api web app apps service services server worker job prod production staging main core data error errors memory timeout timeouts latency down slow broken failing outage".split(
    " ",
  ),
)

// "checkout" names checkout-web; "orders-api-alb-5xx" (an alarm) names orders-api.
export const matchesHint = (name: string, hint: string): boolean =>
  name === hint ||
  (hint.length >= 4 && !vague.has(hint) && name.split(/[-_.]/).includes(hint)) ||
  (name.length >= 4 && !vague.has(name) && hint.startsWith(`${name}-`))

/**
 * An alarm on a resource no workload finding is about (a dead-letter queue, a topic, a consumer
 * group whose only evidence is its own lag) is about what is named with its words — the queue's
 * consumer, the topic's publisher (log-group-kin.ts); in the alert's own namespace one shared
 * distinctive word is enough (`fulfillment-orders` → the `fulfillment-consumer` Deployment).
 */
const withKin = (base: AlertScope, findings: ReadonlyArray<Finding>): AlertScope => {
  const evidence = findings.filter((f) => modeOf(f) !== "context")
  const aboutWorkloads = evidence.some((f) => f.agent !== "prometheus" && inScope(base, f))
  if (base.names.size === 0 || aboutWorkloads) return base
  const sameNamespace = (f: Finding) =>
    base.namespace !== null && parseResource(f.resource)?.namespace === base.namespace
  const kin = evidence.flatMap((f) => {
    // Or by what it was throttled on: the table `ledger-entries` behind the queue `ledger-postings`,
    // whatever the workload is called.
    const throttledOn =
      f.kind === "aws_throttled" ? (/throttling on ([\w.:/-]+) —/.exec(f.title)?.[1] ?? null) : null
    const viaResource =
      (throttledOn !== null && [...base.names].some((b) => sharedWords(throttledOn, b).length >= 1)) ||
      // Or by an AWS error on the alert's resource its own lines name (aws-resource-user.ts).
      (f.kind === "log_signature" && isCallOnResource(textOf(f), [...base.names]))
    return namesOf(f).filter(
      (n) =>
        viaResource ||
        [...base.names].some(
          (b) =>
            isKin(n, b) ||
            isConsumerKin(n, b) ||
            // A workload an AWS API throttled (its table, its key) is the likeliest consumer held
            // back: one shared distinctive word is enough (`seat-assignment-worker` for `checkin-seat-requests`).
            // So is one a third party rate-limits (provider_rate_limited).
            ((sameNamespace(f) || f.kind === "aws_throttled" || f.kind === "provider_rate_limited") &&
              sharedWords(n, b).length >= 1),
        ),
    )
  })
  return kin.length === 0 ? base : { ...base, names: new Set([...base.names, ...kin]) }
}

// A workload's namespace is a product word too (`billing`), for a report's family words.
const namespaceOf = (f: Finding): string | null => parseResource(f.resource)?.namespace ?? null

// "allocation failed" names inventory-allocator: a long, distinctive word in another form.
const stemHint = (name: string, hint: string): boolean =>
  hint.length >= 6 &&
  !vague.has(hint) &&
  name.split(/[-_.]/).some((w) => w.length >= 6 && !vague.has(w) && sharesStem(w, hint))

/** The alert's names, or those of the findings its words (service, keywords) match when it names none. */
const alertScope = (facts: AlertFacts, findings: ReadonlyArray<Finding>): AlertScope => {
  const base = scopeOf(facts)
  if (!base.everything && facts.source !== "human")
    return withKin(withUnscheduledWorkloads(base, findings), findings)
  const hints = [facts.service, facts.workload, ...facts.keywords].flatMap((h) =>
    h === null || h.trim() === "" ? [] : [h.trim().toLowerCase()],
  )
  const evidence = findings.filter((f) => modeOf(f) !== "context")
  const matchedBy = (words: ReadonlyArray<string>): ReadonlyArray<string> => [
    ...evidence.flatMap(namesOf).filter((n) => words.some((h) => matchesHint(n, h) || stemHint(n, h))),
    // "the payments page spins": `charge-worker` in namespace `billing` (cause-product-words.ts).
    ...evidence
      .filter((f) => words.some((h) => namesOf(f).some((n) => namesProduct(h, n, namespaceOf(f)))))
      .flatMap(namesOf),
  ]
  // "portal.example.com shows a certificate error": what serves the quoted host (its Certificate,
  // its Ingress) is the subject, ahead of the report's looser words (cause-host-words.ts).
  const hosts = reportedHosts(facts)
  const hosted = evidence.filter((f) => hosts.some((h) => namesHost(textOf(f), h))).flatMap(namesOf)
  // "members in live chat say …": who complains names a workload only when nothing else does.
  const product = matchedBy(hints.filter((h) => !isAudienceWord(h)))
  const matched = [
    ...(hosted.length > 0 ? hosted : product.length > 0 ? product : matchedBy(hints)),
    // "login is slow": the service whose own lines or series serve `/v1/login`.
    ...evidence.filter((f) => namesReportRoute(facts, textOf(f))).flatMap(namesOf),
  ]
  if (matched.length === 0) return base
  return { ...base, everything: false, names: new Set([...base.names, ...matched]) }
}

const chatKinds = new Set(["deploy_announcement", "related_alert", "similar_incident"])
// What people said or a past incident recorded: words about a name, not a failure seen today.
const hearsayKinds = new Set(["deploy_announcement", "similar_incident"])

/** A chat or history finding with no service that names one of `names` in its words. */
const namedInChat = (f: Finding, names: ReadonlySet<string>): string | null => {
  const r = parseResource(f.resource)
  if (!chatKinds.has(f.kind) || (f.service ?? "").trim() !== "" || r?.namespace) return null
  const text = textOf(f)
  return [...names].sort().find((n) => n.length >= 3 && mentions(text, n)) ?? null
}

const scopedAs = (f: Finding, role: Role, key: string | null = null): Scoped => {
  const own = subjectKey(f)
  return {
    finding: f,
    role,
    subject: key === null ? own : { key: key.toLowerCase(), display: key, node: false },
  }
}

/** Names the subject's own evidence points at, among those of `others` and in its words. */
const namedBy = (
  direct: ReadonlyArray<Finding>,
  others: ReadonlyArray<Finding>,
  own: ReadonlySet<string>,
): ReadonlySet<string> => {
  const known = new Set(others.flatMap(namesOf))
  // "not found in tix-sessions" names the cache whose node `tix-sessions-0001-001` a metric is about.
  const caches = cacheNodeAliases(others)
  const named = new Set<string>()
  for (const f of direct) {
    // Context never names a dependency, but a workload's own configuration does (its REDIS_URL).
    if (modeOf(f) === "context" && f.kind !== "configured_dependencies") continue
    const text = textOf(f)
    for (const n of known) if (mentions(text, n)) named.add(n)
    for (const [cache, nodes] of caches) if (mentions(text, cache)) for (const n of nodes) named.add(n)
    for (const n of dependencyNamesIn(text)) named.add(n)
    // An AWS endpoint names its resource (`master.sessions-cache.…` → sessions-cache), not "master".
    for (const n of awsResourcesIn(text)) named.add(n)
    // Every lookup goes through the cluster's DNS: names that do not resolve name it.
    if (modeOf(f) === "dns") for (const n of clusterDnsNames) if (known.has(n)) named.add(n)
  }
  for (const n of own) named.delete(n)
  return named
}

const autoscalerFor = (f: Finding, names: ReadonlySet<string>): boolean => {
  if (f.kind !== "autoscaler") return false
  const r = parseResource(f.resource)
  const text = textOf(f)
  return r?.namespace == null || r.namespace === "kube-system" || [...names].some((n) => mentions(text, n))
}

/**
 * The in-scope findings of `findings` (numbered, in window, in evidence order), each with the
 * subject it is grouped under and why it is in scope.
 */
export const resolveScope = (facts: AlertFacts, findings: ReadonlyArray<Finding>): ReadonlyArray<Scoped> => {
  // A failing cluster DNS when the alert or several callers say names do not resolve (cluster-dns-relation.ts).
  const scope = withClusterDns(facts, alertScope(facts, findings), findings)
  const scoped: Array<Scoped> = []
  const taken = new Set<string>()
  const take = (s: Scoped) => {
    scoped.push(s)
    taken.add(s.finding.id)
  }
  for (const f of findings) {
    if (inScope(scope, f)) take(scopedAs(f, "subject"))
    else {
      const named = scope.everything ? null : namedInChat(f, scope.names)
      if (named !== null) take(scopedAs(f, "subject", displayOf(findings, named)))
    }
  }
  const rest = () => findings.filter((f) => !taken.has(f.id))
  // A credential rotated under an in-scope service (a rotation function's log names no namespace)
  // is that service's change, however the alert scoped it.
  const subjects = new Set(scoped.map((s) => s.subject.key))
  for (const f of rest())
    if (f.kind === "credential_rotation" && subjects.has(subjectKey(f).key)) take(scopedAs(f, "subject"))
  // Evictions the audit log shows refused for an in-scope workload's budget (they name no node
  // or namespace the alert does): the same blocked drain, seen from the API server.
  for (const f of rest())
    if (f.kind === "eviction_refused" && subjects.has(subjectKey(f).key)) take(scopedAs(f, "subject"))
  // A feature flag turned, read as its own subject (chat-flag-change.ts): the change of the failing
  // subject named like it or whose own lines name it (flag-change-scope.ts).
  const failingSubjects = scoped.filter(
    (s) => s.role === "subject" && modeOf(s.finding) !== "context" && modeOf(s.finding) !== "change",
  )
  for (const [i, s] of scoped.entries()) {
    if (flagKeyOf(s.finding)?.toLowerCase() !== s.subject.key) continue
    const linked = flagSubjectOf(s.finding, failingSubjects)
    if (linked !== null) scoped[i] = { ...s, subject: linked }
  }
  for (const f of rest()) {
    const linked = flagSubjectOf(f, failingSubjects)
    if (linked !== null) take({ finding: f, role: "subject", subject: linked })
  }
  const own = new Set([...scope.names, ...scoped.flatMap((s) => [s.subject.key, ...namesOf(s.finding)])])
  const named = namedBy(
    scoped.map((s) => s.finding),
    rest(),
    own,
  )
  // What only the subject's configuration names (its ORDER_CACHE_URL) and none of its own failing
  // findings does — a past incident or a chat remark naming it ("order-cache is evicting a lot but
  // it always does") is no failure of today's.
  const ownFailing = failingSubjects.map((s) => s.finding).filter((f) => !hearsayKinds.has(f.kind))
  const configured = scoped.some((s) => s.finding.kind === "configured_dependencies")
  const byFailure = namedBy(ownFailing, rest(), own)
  const onlyConfigured = (f: Finding) => configured && namesOf(f).every((n) => !byFailure.has(n))
  for (const f of rest()) {
    // A configured cache full as it always is, under a subject failing on something else (cause-configured-cache.ts).
    if (onlyConfigured(f) && idleConfiguredCache(f, namesOf(f), ownFailing, byFailure)) continue
    // A full cache the subject's lines name only in passing (a slow-but-served GET) while they fail
    // on something else (cache-passing-mention.ts).
    if (cacheNamedInPassing(f, namesOf(f), ownFailing)) continue
    if (namesOf(f).some((n) => named.has(n))) take(scopedAs(f, "dependency"))
    else {
      const chat = namedInChat(f, named)
      if (chat !== null) take(scopedAs(f, "dependency", displayOf(findings, chat)))
    }
  }
  // A node at its own network limit where the subject's pods run: what they stand on, unnamed.
  const subject = scoped.filter((s) => s.role === "subject").map((s) => s.finding)
  const failing = subject.filter((f) => modeOf(f) !== "context" && modeOf(f) !== "change")
  // A migration's table lock on the database named like the subject, whose queries time out.
  const subjectNames = [...new Set([...scope.names, ...subject.map((f) => subjectKey(f).key)])]
  for (const f of rest()) if (explainsStall(f, failing, subjectNames)) take(scopedAs(f, "dependency"))
  // A database out of storage whose server words the subject's failed writes quote (datastore-full.ts).
  for (const f of rest()) if (fullUnderClients(f, failing)) take(scopedAs(f, "dependency"))
  // A Kafka cluster's partitions offline / under min ISR, whose refusals the subject's producer quotes
  // (NOT_ENOUGH_REPLICAS, expired sends) though its lines never name the cluster (kafka-partitions.ts).
  for (const f of rest()) if (kafkaUnderProducers(f, failing)) take(scopedAs(f, "dependency"))
  // A replica measured behind its primary, where the subject's own lag checks say it reads stale:
  // those lines never name the replica they read from (replica-lag-lines.ts).
  if (failing.some((f) => modeOf(f) === "replication" && f.kind !== "replica_lag"))
    for (const f of rest()) if (f.kind === "replica_lag") take(scopedAs(f, "dependency"))
  // A node whose VPC CNI has no IP for a pod, where the subject's sandboxes fail: the same failure
  // (FailedCreatePodSandBox) in the node's own words, naming the subnet: the subject's evidence.
  const sandboxes = scoped.find((s) => s.role === "subject" && s.finding.kind === "sandbox_failed")
  if (sandboxes !== undefined)
    for (const f of ipShortagesUnder(placementOfFindings(subject), rest(), failing))
      take({ finding: f, role: "subject", subject: sandboxes.subject })
  for (const f of limitsUnder(placementOfFindings(subject), rest(), failing)) take(scopedAs(f, "dependency"))
  // A neighbour that took the CPU of the nodes where the subject's failing pods run (metric-cpu-neighbour.ts).
  for (const f of cpuNeighboursUnder(placementOfFindings(subject), rest(), failing))
    take(scopedAs(f, "dependency"))
  // Another namespace's pod waiting for a node kind that does not exist, beside the subject's
  // own shortage, is a bystander (causes-bystanders.ts): evidence, never a cause.
  // So are the cluster DNS's other callers when it leads (cluster-dns-relation.ts).
  const bystanders = new Set([...bystanderIds(scoped, scope), ...clusterDnsCallerIds(scoped)])
  for (let i = scoped.length - 1; i >= 0; i--)
    if (bystanders.has(scoped[i]?.finding.id ?? "")) scoped.splice(i, 1)
  const pending = scoped.find((s) => modeOf(s.finding) === "scheduling")
  if (pending !== undefined) {
    const names = new Set([...scope.names, pending.subject.key])
    for (const f of rest())
      if (autoscalerFor(f, names)) scoped.push({ finding: f, role: "infra", subject: pending.subject })
  }
  return unifyNodeSubjects(scoped)
}

/** The display name findings use for `name` (a service keeps its case), else the name itself. */
const displayOf = (findings: ReadonlyArray<Finding>, name: string): string =>
  findings.map(subjectKey).find((s) => s.key === name)?.display ?? name
