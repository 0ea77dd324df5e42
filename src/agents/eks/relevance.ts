/**
 * Which workloads an alert is about, from its facts alone. Each candidate (a workload, or before
 * the workloads are known, a pod's owner) is scored against the alert's names: its own name or
 * one of its pods named exactly (100), a label value naming it (60), a pod on the alerting node
 * (60), a name that extends or is extended by an alert name at a `-` boundary (30), and keyword
 * hits on names, labels and the namespace (a few points each, generic words ignored). The scope
 * is every strong match; failing that, the named node's or namespace's workloads, the best
 * keyword matches, or — when the alert names nothing — everything. Pure and deterministic.
 */
import type { AlertFacts } from "../../domain/alert-facts.js"
import { workloadFromPod } from "../../domain/alert-facts-names.js"
import type { Pod } from "../../domain/kubernetes.js"
import { isNameKin } from "../../domain/name-kinship.js"
import { resourceTermsOf, resourceUserPoints } from "./resource-users.js"

export interface AlertTerms {
  readonly names: ReadonlySet<string>
  readonly pod: string | null
  readonly node: string | null
  readonly namespace: string | null
  readonly keywords: ReadonlyArray<string>
  /** The AWS resource an alarm is on, by its names (resource-users.ts); none otherwise. */
  readonly resources?: ReadonlyArray<string>
}

export interface Candidate {
  readonly namespace: string
  readonly name: string
  readonly labelValues: ReadonlyArray<string>
  readonly podNames: ReadonlyArray<string>
  readonly nodeNames: ReadonlyArray<string>
  /** Its containers' env values: a queue URL, a table name (resource-users.ts). */
  readonly envValues?: ReadonlyArray<string>
}

const lower = (s: string | null): string | null =>
  s === null || s.trim() === "" ? null : s.trim().toLowerCase()

/** "PaymentsApiHighLatency" → "payments-api-high-latency" (a name an alert rule often embeds). */
const slug = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()

export const alertTerms = (facts: AlertFacts): AlertTerms => {
  const pod = lower(facts.pod)
  const names = [lower(facts.workload), lower(facts.service), pod === null ? null : workloadFromPod(pod)]
  return {
    names: new Set(names.filter((n): n is string => n !== null)),
    pod,
    node: lower(facts.node),
    namespace: lower(facts.namespace),
    keywords: [
      ...facts.keywords.map((k) => k.toLowerCase()),
      ...(facts.alertName === null ? [] : [slug(facts.alertName)]),
    ],
    resources: resourceTermsOf(facts),
  }
}

export const namesNothing = (t: AlertTerms): boolean =>
  t.names.size === 0 && t.pod === null && t.node === null && t.namespace === null

const generic = new Set(
  "api app apps web svc service services server worker workers backend frontend prod production staging stage dev test default main core http https pod pods job jobs node nodes cluster".split(
    " ",
  ),
)

const extendsAtDash = (a: string, b: string): boolean => a.startsWith(`${b}-`) || b.startsWith(`${a}-`)

export const relevance = (t: AlertTerms, c: Candidate): number => {
  const name = c.name.toLowerCase()
  const labels = c.labelValues.map((l) => l.toLowerCase())
  let score = 0
  if (t.names.has(name) || (t.pod !== null && c.podNames.includes(t.pod))) score += 100
  else if (labels.some((l) => t.names.has(l))) score += 60
  else if ([...t.names].some((n) => extendsAtDash(name, n) || labels.some((l) => extendsAtDash(l, n))))
    score += 30
  // An alarm's name with its account, environment and metric words ("haulwise-prod-rate-quote")
  // names the workload sharing its distinctive words (`rate-quote-engine`): a strong match.
  else if ([...t.names].some((n) => isNameKin(n, name))) score += strongMatch
  if (t.node !== null && c.nodeNames.includes(t.node)) score += 60
  // The alarm's AWS resource in its env, or its consumer by name, when nothing else names it.
  if (score === 0) score += resourceUserPoints(t.resources ?? [], name, c.envValues ?? [])
  const tokens = new Set(name.split("-").filter((w) => w.length >= 4 && !generic.has(w)))
  let keywordPoints = 0
  for (const k of t.keywords) {
    if (k === name || labels.includes(k)) keywordPoints += 10
    else if (tokens.has(k)) keywordPoints += 3
    else if (k.length >= 6 && extendsAtDash(k, name)) keywordPoints += 5
    if (k === c.namespace.toLowerCase() && !generic.has(k)) keywordPoints += 2
  }
  return score + Math.min(40, keywordPoints)
}

export const strongMatch = 60

/**
 * Whether one of the alert's words is the candidate's own name or a label value, exactly, and
 * distinctive (two words at least, like `label-renderer`; not `api` or `shipping`): a word that
 * names one workload, not a kind of workload.
 */
const namedByKeyword = (t: AlertTerms, c: Candidate): boolean => {
  const own = new Set([c.name, ...c.labelValues].map((n) => n.toLowerCase()))
  return t.keywords.some(
    (k) => k.includes("-") && !generic.has(k) && k !== c.namespace.toLowerCase() && own.has(k),
  )
}

export interface Scored<C> {
  readonly candidate: C
  readonly score: number
}

/** Which candidates are in scope (see the module header). */
/**
 * The alert's node as the cluster names it: people and tools write an EKS node's short hostname
 * ("ip-10-50-2-34"), the API's name is its private DNS name ("ip-10-50-2-34.eu-central-1.compute.internal").
 */
export const withNodeAsNamed = (t: AlertTerms, pods: ReadonlyArray<Pod>): AlertTerms => {
  const short = t.node
  if (short === null) return t
  const full = pods
    .map((p) => p.spec.nodeName?.toLowerCase())
    .find((n) => n !== undefined && (n === short || n.startsWith(`${short}.`)))
  return full === undefined || full === short ? t : { ...t, node: full }
}

export const inScopeOf = <C extends Candidate>(
  t: AlertTerms,
  scored: ReadonlyArray<Scored<C>>,
): ReadonlySet<C> => {
  const pick = (xs: ReadonlyArray<Scored<C>>) => new Set(xs.map((s) => s.candidate))
  const strong = scored.filter((s) => s.score >= strongMatch)
  if (strong.length > 0) return pick(strong)
  if (t.node !== null) return pick(scored.filter((s) => s.candidate.nodeNames.includes(t.node ?? "")))
  if (t.namespace !== null) {
    const ofNamespace = scored.filter((s) => s.candidate.namespace.toLowerCase() === t.namespace)
    // An alert whose labels name only the namespace may still name its workload in its words
    // ("3 containers of label-renderer were OOMKilled"): then that workload is what it is about,
    // and a neighbour's own trouble in the namespace (a readiness flap it explains itself) is
    // not. The rest stay out of scope but keep their failures as low-relevance findings, which
    // the causes can restore when one turns out to be the root (a failing dependency).
    const worded = ofNamespace.filter((s) => namedByKeyword(t, s.candidate))
    return pick(worded.length > 0 ? worded : ofNamespace)
  }
  const best = Math.max(0, ...scored.map((s) => s.score))
  if (best > 0) return pick(scored.filter((s) => s.score * 2 >= best))
  return namesNothing(t) ? pick(scored) : new Set()
}
