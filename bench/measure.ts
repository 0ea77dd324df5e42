/**
 * Benchmark plumbing shared by the intake benchmarks: a closed-loop worker pool (that many
 * requests in flight, each worker sending its next request as soon as its last one answered),
 * latency statistics and CPU time. No forced GC between phases: a full `gc()` before each block
 * made the cheap baselines up to 3× slower (over HTTP, 230 instead of 72 µs of CPU per floor
 * request) — V8 sweeping and re-warming after it — which pulled every ratio towards 1. Rows
 * take turns in short blocks instead, so each row's garbage is mostly collected on its own
 * clock. Benchmarks only — nothing here is a timed test.
 */

export interface Phase {
  readonly n: number
  readonly concurrency: number
  /** per-request latency, ms, in completion order */
  readonly latenciesMs: Float64Array
  readonly wallMs: number
  /** responses that were not HTTP 200 */
  readonly failures: number
  /** CPU time this process spent during the phase (user + system), µs */
  readonly cpuUs: number
}

export interface Stats {
  readonly n: number
  readonly concurrency: number
  readonly medianMs: number
  readonly p99Ms: number
  readonly meanMs: number
  readonly rps: number
  /** wall time ÷ requests: the per-request cost the process pays at this concurrency, µs */
  readonly costUs: number
  /** this process's CPU time ÷ requests, µs (over HTTP: the server's alone, the client is a child) */
  readonly cpuPerRequestUs: number
  readonly failures: number
}

/** Keeps `concurrency` calls of `send(i)` in flight until `n` have completed. */
export const runPool = async (
  n: number,
  concurrency: number,
  send: (i: number) => Response | Promise<Response>,
): Promise<Phase> => {
  const latenciesMs = new Float64Array(n)
  let next = 0
  let done = 0
  let failures = 0
  const worker = async () => {
    for (;;) {
      const i = next++
      if (i >= n) return
      const t0 = performance.now()
      const res = await send(i)
      latenciesMs[done++] = performance.now() - t0
      if (res.status !== 200) failures++
    }
  }
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpu0)
  return { n, concurrency, latenciesMs, wallMs, failures, cpuUs: cpu.user + cpu.system }
}

/** Blocks of one row measured at different times, as one phase (latencies pooled, wall summed). */
export const mergePhases = (phases: ReadonlyArray<Phase>): Phase => {
  const n = phases.reduce((a, p) => a + p.n, 0)
  const latenciesMs = new Float64Array(n)
  let at = 0
  for (const p of phases) {
    latenciesMs.set(p.latenciesMs, at)
    at += p.n
  }
  return {
    n,
    concurrency: phases[0]?.concurrency ?? 0,
    latenciesMs,
    wallMs: phases.reduce((a, p) => a + p.wallMs, 0),
    failures: phases.reduce((a, p) => a + p.failures, 0),
    cpuUs: phases.reduce((a, p) => a + p.cpuUs, 0),
  }
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, p: number): number => {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

export const statsOf = (phase: Phase): Stats => {
  const sorted = Float64Array.from(phase.latenciesMs).sort()
  let sum = 0
  for (const x of sorted) sum += x
  return {
    n: phase.n,
    concurrency: phase.concurrency,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: sum / sorted.length,
    rps: phase.n / (phase.wallMs / 1000),
    costUs: (phase.wallMs * 1000) / phase.n,
    cpuPerRequestUs: phase.cpuUs / phase.n,
    failures: phase.failures,
  }
}

export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : "n/a")

export const fmtInt = (x: number): string =>
  Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "n/a"
