/**
 * A rollout that moved a probe (`probe_changed`): the new ReplicaSet's pod template asks the
 * kubelet for another path, port or scheme than the previous one did ("standard probes" in a
 * new chart: /healthz → /health/ready), and the app does not answer there — the new pods never
 * become Ready ("Readiness probe failed: HTTP probe failed with statuscode: 404") or are killed
 * for failing liveness, and the rollout stalls while the old pods keep serving. The proof is
 * the kubelet's Unhealthy events on the new pods, or the app's own access log answering the
 * probe's new path with a 4xx. A probe that failed before the change too (a slow handler every
 * night) is not this: the failure must be the new template's.
 */
import type { Finding } from "../../domain/finding.js"
import { type Container, eventTime, instantOf, type Probe } from "../../domain/kubernetes.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"
import { type AnalysisContext, eksFinding, type ScopedWorkload, scopedSeverity } from "./eks-finding.js"
import { revisions } from "./rollout-changes.js"

type ProbeKind = "readiness" | "liveness" | "startup"

const probeKinds: ReadonlyArray<ProbeKind> = ["readiness", "liveness", "startup"]

const probeOf = (c: Container, kind: ProbeKind): Probe | undefined =>
  kind === "readiness" ? c.readinessProbe : kind === "liveness" ? c.livenessProbe : c.startupProbe

/** Where the kubelet knocks: `/health/ready`, `port 8081`, `HTTPS /ready`; null when the probe says nothing. */
export const probeTarget = (
  p: Probe | undefined,
): { readonly path: string | null; readonly where: string } | null => {
  if (p === undefined) return null
  if (p.httpGet !== undefined) {
    const path = p.httpGet.path ?? "/"
    const scheme = (p.httpGet.scheme ?? "HTTP").toUpperCase()
    return { path, where: `${scheme === "HTTP" ? "" : `${scheme} `}${path} port ${p.httpGet.port ?? "?"}` }
  }
  if (p.tcpSocket !== undefined) return { path: null, where: `tcp port ${p.tcpSocket.port ?? "?"}` }
  if (p.grpc !== undefined) return { path: null, where: `grpc port ${p.grpc.port ?? "?"}` }
  return null
}

export interface ProbeChange {
  readonly container: string
  readonly kind: ProbeKind
  /** The part that moved: "path /healthz → /health/ready", "port 8080 → 8081", … */
  readonly change: string
  /** The new HTTP path, when it is one: what the app's access log would show. */
  readonly path: string | null
}

const portOf = (p: Probe | undefined): string =>
  String(p?.httpGet?.port ?? p?.tcpSocket?.port ?? p?.grpc?.port ?? "?")

/** The probes whose target differs between two pod templates, container by container. */
export const probeChanges = (before: PodTemplate, after: PodTemplate): ReadonlyArray<ProbeChange> =>
  after.spec.containers.flatMap((next) => {
    const prev = before.spec.containers.find((c) => c.name === next.name)
    if (prev === undefined) return []
    return probeKinds.flatMap((kind): ReadonlyArray<ProbeChange> => {
      const [a, b] = [probeOf(prev, kind), probeOf(next, kind)]
      const [ta, tb] = [probeTarget(a), probeTarget(b)]
      if (ta === null || tb === null || ta.where === tb.where) return []
      const change =
        ta.path !== null && tb.path !== null && ta.path !== tb.path
          ? `path ${ta.path} → ${tb.path}`
          : portOf(a) !== portOf(b)
            ? `port ${portOf(a)} → ${portOf(b)}`
            : `${ta.where} → ${tb.where}`
      return [{ container: next.name, kind, change, path: tb.path }]
    })
  })

const capitalized = (k: ProbeKind): string => `${k.charAt(0).toUpperCase()}${k.slice(1)}`

/** "HTTP probe failed with statuscode: 404", "connect: connection refused", "server gave HTTP response to HTTPS client". */
const wrongTarget =
  /statuscode:\s*(\d{3})|connection refused|server gave http response to https client|http: server gave|tls: first record/i

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** The app's own access-log lines answering the probe's new path with a 4xx (JSON or plain). */
export const probePathRefusals = (text: string, path: string): ReadonlyArray<string> => {
  const onPath = new RegExp(`["\\s=]${escapeRegExp(path)}["\\s?]`)
  return text
    .split("\n")
    .filter((l) => onPath.test(l) && /(?:"status"\s*:\s*|\bstatus[=: ]+|\s)4\d\d\b|not found/i.test(l))
}

export const probeChangeFinding = (w: ScopedWorkload, ctx: AnalysisContext, logText = ""): Finding | null => {
  if (w.deployment === null) return null
  const [newest, previous] = revisions(w)
  if (newest === undefined || previous === undefined) return null
  const changes = probeChanges(previous.spec.template, newest.spec.template)
  if (changes.length === 0) return null
  const newPod = (name: string) => name.startsWith(`${newest.metadata.name}-`)
  for (const c of changes) {
    const failed = w.events.filter(
      (e) =>
        e.reason === "Unhealthy" &&
        e.involvedObject.kind === "Pod" &&
        newPod(e.involvedObject.name ?? "") &&
        (e.message ?? "").startsWith(`${capitalized(c.kind)} probe failed`) &&
        wrongTarget.test(e.message ?? "") &&
        (eventTime(e)?.epochMillis ?? 0) >= ctx.window.changesSince.epochMillis,
    )
    const refusals = c.path === null ? [] : probePathRefusals(logText, c.path)
    const first = failed[0]
    if (first === undefined && refusals.length === 0) continue
    const status = wrongTarget.exec(first?.message ?? "")?.[1] ?? /\b(4\d\d)\b/.exec(refusals[0] ?? "")?.[1]
    const count = failed.reduce((n, e) => n + (e.count ?? 1), 0)
    const answer = status === undefined ? "fails there" : `answers it ${status}`
    return eksFinding({
      kind: "probe_changed",
      title: `${w.name}: rollout to revision ${newest.revision} changed the ${c.kind} probe ${c.change}; the new pods' app ${answer}${count > 0 ? ` (${capitalized(c.kind)} probe failed ×${count})` : ""}`,
      detail:
        `ReplicaSet ${newest.metadata.name} (revision ${newest.revision}) probes container ${c.container} at a ` +
        `${c.change.split(" ")[0]} revision ${previous.revision} did not use. ` +
        (first === undefined ? "" : `Kubelet: "${first.message ?? ""}". `) +
        (refusals.length === 0 ? "" : `The app's own log: ${refusals.length} probe request(s) refused. `) +
        "The new pods never pass it, so the rollout stalls (or restarts them); the probe, not the app, changed.",
      severity: scopedSeverity(w, "high"),
      // When the new template began failing: the report's window may end before the last retry.
      observedAt: first === undefined ? null : (instantOf(first.firstTimestamp) ?? eventTime(first)),
      resource: `replicaset/${w.namespace}/${newest.metadata.name}`,
      service: w.name,
      excerpt: first?.message ?? refusals[0] ?? null,
    })
  }
  return null
}
