/**
 * Whether any node's VPC CNI failed to get pods an IP address in the incident window, in ipamd's
 * own metrics (aws-node's `:61678/metrics`): EC2 refusing it addresses for the reasons that mean
 * "no more" (`awscni_aws_api_error_count{error="InsufficientFreeAddressesInSubnet"}`, the prefix
 * mode's `InsufficientCidrBlocks`, the node's own `AttachmentLimitExceeded` /
 * `PrivateIpAddressLimitExceeded`), and pods asking for one when none was left
 * (`awscni_no_available_ip_addresses`). Pods placed there stay ContainerCreating and export
 * nothing, so no metric of the alerting service says it. Counters: what counts is that they rose
 * inside the window (a count left from last week is history, not this incident). One finding per
 * node (`node/<name>`), so cause inference ties it to the pods placed there.
 */
import { DateTime, Effect } from "effect"
import { counterIncrease } from "../../domain/counter-increase.js"
import type { Finding } from "../../domain/finding.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

/** EC2's error codes that mean the subnet or the node has no address left for a pod. */
export const exhaustionErrors = [
  "InsufficientFreeAddressesInSubnet",
  "InsufficientCidrBlocks",
  "AttachmentLimitExceeded",
  "PrivateIpAddressLimitExceeded",
] as const

export const apiErrorQuery = `awscni_aws_api_error_count{error=~"${exhaustionErrors.join("|")}"}`
export const noAddressQuery = "awscni_no_available_ip_addresses"

const maxNodes = 3

export { counterIncrease } from "../../domain/counter-increase.js"

/** The first sample at which a counter rose (the onset), else null. */
const firstRise = (samples: ReadonlyArray<{ readonly t: number; readonly v: number }>): number | null => {
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1]?.v ?? 0
    const cur = samples[i]
    if (cur !== undefined && cur.v !== prev) return cur.t
  }
  return null
}

/** The node a CNI series is about: the scrape config's node label, else its target without the port. */
export const nodeOfSeries = (labels: Readonly<Record<string, string>>): string | null => {
  const named = (labels.node ?? labels.kubernetes_node ?? labels.nodename ?? "").trim()
  if (named !== "") return named
  const instance = (labels.instance ?? "").trim().replace(/:\d{1,5}$/, "")
  return instance === "" ? null : instance
}

interface NodeShortage {
  readonly node: string
  readonly errors: Map<string, number>
  noAddress: number
  onsetMs: number | null
}

/**
 * One finding per node whose CNI counters rose in the window (`apiErrors`: the EC2 errors
 * series, `noAddress`: the pods-refused series), most refusals first. EC2 refusing addresses is
 * high; pods refused alone (ipamd may still be adding addresses) is medium.
 */
export const podIpFindings = (
  apiErrors: ReadonlyArray<MetricSeries>,
  noAddress: ReadonlyArray<MetricSeries>,
  incident: TimeWindow,
  link: (expr: string) => string | null,
): ReadonlyArray<Finding> => {
  const byNode = new Map<string, NodeShortage>()
  const entry = (node: string): NodeShortage => {
    const e = byNode.get(node) ?? { node, errors: new Map<string, number>(), noAddress: 0, onsetMs: null }
    byNode.set(node, e)
    return e
  }
  const onset = (e: NodeShortage, t: number | null) => {
    if (t !== null && (e.onsetMs === null || t < e.onsetMs)) e.onsetMs = t
  }
  for (const s of apiErrors) {
    const node = nodeOfSeries(s.labels)
    const rise = counterIncrease(s.samples)
    if (node === null || !(rise > 0)) continue
    const e = entry(node)
    const code = s.labels.error ?? "EC2 error"
    e.errors.set(code, (e.errors.get(code) ?? 0) + rise)
    onset(e, firstRise(s.samples))
  }
  for (const s of noAddress) {
    const node = nodeOfSeries(s.labels)
    const rise = counterIncrease(s.samples)
    if (node === null || !(rise > 0)) continue
    const e = entry(node)
    e.noAddress += rise
    onset(e, firstRise(s.samples))
  }
  const total = (e: NodeShortage) => [...e.errors.values()].reduce((a, b) => a + b, 0)
  return [...byNode.values()]
    .sort((a, b) => b.errors.size - a.errors.size || total(b) - total(a) || b.noAddress - a.noAddress)
    .slice(0, maxNodes)
    .map((e) => {
      const errors = [...e.errors].map(([code, n]) => `${code} ×${Math.round(n)}`)
      const subnet =
        e.errors.has("InsufficientFreeAddressesInSubnet") || e.errors.has("InsufficientCidrBlocks")
      const what = subnet
        ? "subnet has no free IP addresses"
        : e.errors.size > 0
          ? "node at its ENI / IP address limit"
          : "no available IP addresses for pods"
      const said = [
        ...errors,
        ...(e.noAddress > 0 ? [`no available IP addresses ×${Math.round(e.noAddress)}`] : []),
      ].join(", ")
      const expr = e.errors.size > 0 ? apiErrorQuery : noAddressQuery
      return {
        id: "",
        agent: "prometheus",
        title: redact(`node ${e.node}: ${what} — VPC CNI cannot assign pod IPs (${said})`),
        detail: redact(
          `The VPC CNI (ipamd) metrics of node ${e.node} rose over ${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC: ${said} ` +
            `(${apiErrorQuery}; ${noAddressQuery}). A pod placed on this node gets no IP address, so its ` +
            "sandbox is never created (FailedCreatePodSandBox) and it stays ContainerCreating.",
        ),
        severity: e.errors.size > 0 ? "high" : "medium",
        kind: "metric_anomaly",
        observedAt: DateTime.unsafeMake(e.onsetMs ?? incident.startMs),
        resource: `node/${e.node}`,
        service: null,
        link: link(expr),
        excerpt: redact(expr),
      } satisfies Finding
    })
}

/** Both CNI counters over the incident window; a failed query is no data (nothing to say). */
export const sweepPodIps = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  Effect.all(
    [apiErrorQuery, noAddressQuery].map(sweepRange(source, incident.startMs, incident.endMs, stepS)),
    { concurrency: 2 },
  ).pipe(
    Effect.map(([apiErrors = [], noAddress = []]) => {
      const findings = podIpFindings(apiErrors, noAddress, incident, (expr) =>
        source.graphUrl(expr, incident.startMs, incident.endMs),
      )
      return {
        findings,
        note:
          findings.length === 0
            ? "pod IP sweep: no node short of IPs"
            : `pod IP sweep: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
