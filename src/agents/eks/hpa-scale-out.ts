/**
 * An HPA that scaled its workload out by half again or more in the change lookback
 * (`hpa_scaled_out`). Alone it is load being followed, not a fault — so the finding is
 * context (info) — but every new pod opens its own connection pool: N pods × pool size is
 * what the database sees, and a scale-out from 6 to 24 replicas can pass its max_connections
 * ("remaining connection slots are reserved", "too many clients"). Cause inference attaches it
 * to the workload's connection-exhaustion chain (causes-modes.ts) so the cause names the
 * scale-out, not a leak. The pool size per pod comes from the pod template's env when it says.
 */
import type { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { type EnvVar, eventTime, type KubeEvent } from "../../domain/kubernetes.js"
import { type AnalysisContext, eksFinding, hhmm, type ScopedWorkload } from "./eks-finding.js"

interface Rescale {
  readonly size: number
  readonly t: DateTime.Utc
}

/** An env var that sizes a per-pod connection pool (HikariCP, SQLAlchemy, pgx, node-postgres, …). */
const poolSizeName =
  /(?:^|_)(?:MAX(?:IMUM)?_?POOL_?SIZE|POOL_?(?:SIZE|MAX(?:_?SIZE)?|MAX_?CONNS)|MAX_?OPEN_?CONN(?:S|ECTIONS)?|CONNECTION_?LIMIT|MAX_?CONNECTIONS)$/i

/** The largest per-pod connection pool the containers' env sets, or null when none says. */
export const poolSizeOf = (env: ReadonlyArray<EnvVar>): number | null => {
  const sizes = env.flatMap((e) => {
    if (!poolSizeName.test(e.name) || e.value === undefined) return []
    const n = Number(String(e.value).trim())
    return Number.isInteger(n) && n > 0 ? [n] : []
  })
  return sizes.length === 0 ? null : Math.max(...sizes)
}

/** SuccessfulRescale sizes ("New size: 24; reason: …") of `events` since `since`, oldest first. */
export const rescalesOf = (events: ReadonlyArray<KubeEvent>, sinceMs: number, endMs: number) =>
  events
    .flatMap((e): ReadonlyArray<Rescale> => {
      if (e.involvedObject.kind !== "HorizontalPodAutoscaler" || e.reason !== "SuccessfulRescale") return []
      const t = eventTime(e)
      const n = /new size:\s*(\d+)/i.exec(e.message ?? "")?.[1]
      if (t === null || n === undefined || t.epochMillis < sinceMs || t.epochMillis > endMs) return []
      return [{ size: Number(n), t }]
    })
    .sort((a, b) => a.t.epochMillis - b.t.epochMillis)

/**
 * The scale-out the rescales end with: the sizes' last strictly rising run, starting from the
 * HPA's minimum when no earlier rescale says where it was. Null unless it at least doubled.
 */
export const scaleOutOf = (
  rescales: ReadonlyArray<Rescale>,
  minReplicas: number,
): {
  readonly sizes: ReadonlyArray<number>
  readonly from: Rescale | null
  readonly last: Rescale
} | null => {
  const last = rescales[rescales.length - 1]
  if (last === undefined) return null
  const sizes = [minReplicas, ...rescales.map((r) => r.size)]
  let s = sizes.length - 1
  while (s > 0 && (sizes[s - 1] ?? 0) < (sizes[s] ?? 0)) s--
  const run = sizes.slice(s)
  const from = run[0] ?? last.size
  if (run.length < 2 || last.size < 2 * from || last.size - from < 2) return null
  return { sizes: run, from: s === 0 ? null : (rescales[s - 1] ?? null), last }
}

export const hpaScaleOutFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  const hpa = w.hpa
  if (hpa === null || !w.inScope) return null
  const rescales = rescalesOf(w.events, ctx.window.changesSince.epochMillis, ctx.window.end.epochMillis)
  const out = scaleOutOf(rescales, Math.max(1, hpa.spec.minReplicas ?? 1))
  if (out === null) return null
  const from = out.sizes[0] ?? 0
  const to = out.last.size
  const firstUp = rescales[rescales.findIndex((r) => r === out.from) + 1] ?? out.last
  const span = firstUp === out.last ? `at ${hhmm(out.last.t)}` : `${hhmm(firstUp.t)}–${hhmm(out.last.t)}`
  const env = (w.deployment?.spec.template.spec.containers ?? []).flatMap((c) => c.env)
  const pool = poolSizeOf(env)
  const connections =
    pool === null ? "" : `; ${to} pods × pool ${pool} = up to ${to * pool} connections (was ${from * pool})`
  return eksFinding({
    kind: "hpa_scaled_out",
    title: `${w.name}: HPA ${hpa.metadata.name} scaled out ${from} → ${to} replicas (${span} UTC${connections})`,
    detail:
      `SuccessfulRescale: ${out.sizes.join(" → ")} replicas (min ${hpa.spec.minReplicas ?? 1}, max ${hpa.spec.maxReplicas}). ` +
      "Each new pod opens its own connections to the workload's dependencies: a database's or a " +
      "proxy's connection limit is met by the pod count, not by a leak.",
    severity: "info",
    observedAt: out.last.t,
    resource: `hpa/${w.namespace}/${hpa.metadata.name}`,
    service: w.name,
    excerpt: `${from} → ${to} replicas${pool === null ? "" : `, pool ${pool} per pod`}`,
  })
}
