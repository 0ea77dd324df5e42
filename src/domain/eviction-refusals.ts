/**
 * Evictions the API server refused for a PodDisruptionBudget, read from its audit log
 * (kubernetes-audit.ts): a `create` on a pod's `eviction` subresource answered 429 "Cannot evict
 * pod as it would violate the pod's disruption budget" (or 500 when more than one budget selects
 * the pod). A node drain — a managed nodegroup update, Karpenter's or the cluster autoscaler's
 * consolidation, `kubectl drain` — retries such evictions until the budget allows one, so the
 * same pods refused again and again is a drain that cannot finish. Per workload (its pods named
 * the way the rest of the code resolves them, alert-facts-names.ts): how many refusals, since
 * when, which budget and who was draining. A 429 of the API's own flow control ("Too many
 * requests, please try again later") is throttling, not a budget, and is not read here. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import { workloadFromPod } from "./alert-facts-names.js"
import type { Finding } from "./finding.js"
import { type AuditEvent, type AuditRecord, auditRecords, auditRequester } from "./kubernetes-audit.js"
import type { LogLine } from "./log-clusters.js"
import { clipText, oneLine } from "./report-text.js"
import { utcHhmm } from "./utc-clock.js"

export interface EvictionRefusal {
  readonly namespace: string
  readonly workload: string
  readonly pods: ReadonlyArray<string>
  readonly count: number
  readonly firstMs: number
  readonly lastMs: number
  /** The budget the answer names ("The disruption budget ledger-api needs 3 healthy pods …"). */
  readonly budget: string | null
  /** The answer's own words: its cause when it gives one, else its message. */
  readonly reason: string
  readonly requesters: ReadonlyArray<string>
  readonly groups: ReadonlyArray<string>
  readonly example: LogLine
}

const evictionUri = /\/namespaces\/([^/]+)\/pods\/([^/?]+)\/eviction\b/
const budgetWords = /disruption ?budget/i
const budgetNamed = /disruption budget ([a-z0-9][a-z0-9.-]*) (?:needs|is)\b/i

/** The pod an eviction request was for, when the event is one. */
const evictedPod = (e: AuditEvent): { readonly namespace: string; readonly pod: string } | null => {
  const ref = e.objectRef
  if (ref?.subresource === "eviction" && ref.name !== undefined)
    return { namespace: ref.namespace ?? "", pod: ref.name }
  const uri = evictionUri.exec(e.requestURI ?? "")
  return uri?.[1] === undefined || uri[2] === undefined ? null : { namespace: uri[1], pod: uri[2] }
}

const answerTexts = (e: AuditEvent): ReadonlyArray<string> => [
  ...(e.responseStatus?.details?.causes ?? []).flatMap((c) => [c.reason ?? "", c.message ?? ""]),
  e.responseStatus?.message ?? "",
]

/** Whether the API server refused this eviction for a disruption budget. */
export const refusedForBudget = (e: AuditEvent): boolean => {
  const code = e.responseStatus?.code ?? 0
  return (
    (e.verb === undefined || e.verb === "create") &&
    evictedPod(e) !== null &&
    code >= 400 &&
    answerTexts(e).some((t) => budgetWords.test(t))
  )
}

const reasonOf = (e: AuditEvent): string => {
  const cause = (e.responseStatus?.details?.causes ?? []).find((c) => budgetWords.test(c.message ?? ""))
  return oneLine(cause?.message ?? e.responseStatus?.message ?? "")
}

const budgetOf = (e: AuditEvent): string | null => {
  for (const t of answerTexts(e)) {
    const m = budgetNamed.exec(t)
    if (m?.[1] !== undefined) return m[1]
  }
  return null
}

const distinct = (xs: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(xs)].sort()

/** The refused evictions among `lines` at or after `sinceMs`, per workload, most refused first. */
export const evictionRefusals = (
  lines: ReadonlyArray<LogLine>,
  sinceMs = Number.NEGATIVE_INFINITY,
): ReadonlyArray<EvictionRefusal> => {
  const byWorkload = new Map<
    string,
    Array<AuditRecord & { readonly namespace: string; readonly pod: string }>
  >()
  for (const r of auditRecords(lines)) {
    const target = evictedPod(r.event)
    if (target === null || r.line.timestampMs < sinceMs || !refusedForBudget(r.event)) continue
    const workload = workloadFromPod(target.pod) ?? target.pod
    const key = `${target.namespace}/${workload}`
    const list = byWorkload.get(key) ?? []
    list.push({ ...r, ...target })
    byWorkload.set(key, list)
  }
  return [...byWorkload.values()]
    .flatMap((records) => {
      const first = records.reduce((a, b) => (b.line.timestampMs < a.line.timestampMs ? b : a))
      const last = records.reduce((a, b) => (b.line.timestampMs > a.line.timestampMs ? b : a))
      return [
        {
          namespace: first.namespace,
          workload: workloadFromPod(first.pod) ?? first.pod,
          pods: distinct(records.map((r) => r.pod)),
          count: records.length,
          firstMs: first.line.timestampMs,
          lastMs: last.line.timestampMs,
          budget: records.map((r) => budgetOf(r.event)).find((b) => b !== null) ?? null,
          reason: reasonOf(last.event),
          requesters: distinct(records.map((r) => auditRequester(r.event))),
          groups: distinct(records.map((r) => r.line.group)),
          example: last.line,
        },
      ]
    })
    .sort((a, b) => b.count - a.count || b.lastMs - a.lastMs)
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/**
 * One finding per workload whose evictions were refused: a drain blocked by its budget. At most
 * `max`, most refused first; `link` opens the audit lines behind one.
 */
export const evictionRefusalFindings = (
  agent: AgentId,
  refusals: ReadonlyArray<EvictionRefusal>,
  options: { readonly max: number; readonly link: (r: EvictionRefusal) => string | null },
): ReadonlyArray<Finding> =>
  refusals.slice(0, Math.max(0, options.max)).map((r) => {
    const budget = r.budget === null ? "its PodDisruptionBudget" : `PodDisruptionBudget ${r.budget}`
    const span =
      r.firstMs === r.lastMs ? `at ${utcHhmm(r.lastMs)}` : `${utcHhmm(r.firstMs)}–${utcHhmm(r.lastMs)} UTC`
    const who = r.requesters.join(", ")
    return {
      id: "",
      agent,
      title: clipText(
        `${r.workload}: ${plural(r.count, "eviction")} of its pods refused by ${budget} (${span}): the node drain by ${who} is blocked`,
        200,
      ),
      detail:
        `The API server's audit log (${r.groups.join(", ")}) shows ${who} asking to evict ${r.pods.join(", ")} ` +
        `in ${r.namespace} ${plural(r.count, "time")} between ${utcHhmm(r.firstMs)} and ${utcHhmm(r.lastMs)} UTC, ` +
        `each refused: "${clipText(r.reason, 200)}". Until the budget allows a disruption the drain retries and the node ` +
        "(and the nodegroup update or consolidation it belongs to) cannot finish.",
      severity: "medium",
      kind: "eviction_refused",
      observedAt: DateTime.unsafeMake(r.lastMs),
      resource:
        r.budget === null
          ? `pod/${r.namespace}/${r.pods[0] ?? r.workload}`
          : `poddisruptionbudget/${r.namespace}/${r.budget}`,
      service: r.workload,
      link: options.link(r),
      excerpt: clipText(r.example.message, 500),
    }
  })
