/**
 * The leak over days behind OOM kills (memory-leak.ts): the scope's memory per pod over the last
 * week, its memory limit, and what its load is measured by among the metrics it exports, read
 * over the same week. The incident window cannot see such a leak — the working set was already
 * near the limit an hour and a day before — so this reads far back, coarsely (one point per five
 * minutes: the replay and Prometheus look back five minutes for a sample, so sparse scrapes are
 * still seen). One finding naming the workload, the growth per hour and the time to the limit.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import {
  isLoadMetric,
  judgeMemoryLeak,
  type LeakVerdict,
  leakRule,
  memoryMetricNames,
} from "../../domain/memory-leak.js"
import { judgeLives } from "../../domain/memory-lives.js"
import { isCounter } from "../../domain/metric-gloss.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { type HeapSource, heapSources } from "./heap-sources.js"
import { livesFinding } from "./memory-lives-finding.js"
import { duration, killedAt, loadWords, mib } from "./memory-words.js"
import { type OffHeapReading, readOffHeap } from "./off-heap-read.js"
import type { ScanContext } from "./scope-scan.js"

export { type HeapSource, heapSources }

/** How far back the climb is read, and how coarsely. */
export const leakLookbackMs = 7 * 24 * 3_600_000
const leakStepS = 300
/** Load series compared at most (one query each). */
const maxLoads = 3
const limitNames = ["kube_pod_container_resource_limits", "container_spec_memory_limit_bytes"]

/** Each selector narrowed by `matcher` (`{service="a"}` → `{area="heap",service="a"}`). */
export const withMatcher = (selectors: ReadonlyArray<string>, matcher: string): ReadonlyArray<string> =>
  matcher === "" ? selectors : selectors.map((sel) => sel.replace(/^\{/, `{${matcher},`))

interface MemoryRead {
  readonly metric: string
  readonly expr: string
  readonly limitExpr: string | null
}

/** What memory to read for the scope: the container's first, else a runtime's heap; null when neither is exported. */
export const memoryReadOf = (
  names: ReadonlyArray<string>,
  selectors: ReadonlyArray<string>,
): MemoryRead | null => {
  const metric = memoryMetricNames.find((m) => names.includes(m))
  if (metric !== undefined) {
    const limitMetric = limitNames.find((m) => names.includes(m))
    return {
      metric,
      expr: `max by (pod) (${orOf(metric, selectors)})`,
      limitExpr: limitMetric === undefined ? null : `max by (resource) (${orOf(limitMetric, selectors)})`,
    }
  }
  const heap = heapSources.find((h) => names.includes(h.used))
  if (heap === undefined) return null
  const sels = withMatcher(selectors, heap.matcher)
  return {
    metric: heap.used,
    expr: `sum by (pod) (${orOf(heap.used, sels)})`,
    limitExpr:
      heap.max === null || !names.includes(heap.max) ? null : `sum by (pod) (${orOf(heap.max, sels)})`,
  }
}

const orOf = (metric: string, selectors: ReadonlyArray<string>) =>
  selectors.map((sel) => `${metric}${sel}`).join(" or ")

/** A load metric as one series: a counter's rate summed, a gauge's level summed. */
const loadExpr = (metric: string, selectors: ReadonlyArray<string>) =>
  isCounter(metric)
    ? `sum(${selectors.map((s) => `rate(${metric}${s}[5m])`).join(" or ")})`
    : `sum(${orOf(metric, selectors)})`

/** The verdict in words; null when it is not a leak. */
export const leakFinding = (
  v: LeakVerdict,
  metric: string,
  c: ScanContext,
  expr: string,
  link: string | null,
  offHeap: OffHeapReading | null = null,
): Finding | null => {
  const { trend } = v
  if (!v.leaking || trend === null) return null
  const workload = (v.pod === null ? null : workloadOfPod(v.pod)) ?? c.subject
  const { heap, limitWords } = killedAt(metric)
  const toLimit =
    v.limitBytes === null || v.hoursToLimit === null
      ? ""
      : // Within minutes of it: the climb that ended in a kill reached it.
        v.hoursToLimit < 0.1
        ? `, reaching its ${limitWords} of ${mib(v.limitBytes)}`
        : `, reaching its ${limitWords} of ${mib(v.limitBytes)} in ~${duration(v.hoursToLimit)}`
  const load = loadWords(v.loads, "the same hours")
  const outside = heap ? null : outsideHeap(offHeap)
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${workload} memory leak: ${heap ? "heap" : "memory"} (${metric}) climbing +${mib(trend.perHour)}/h for ${duration(trend.hours)} ` +
        `(${mib(trend.from)} → ${mib(trend.to)}) with flat load${toLimit}${outside === null ? "" : `; ${outside.title}`}`,
    ),
    detail: redact(
      `Read over the ${leakLookbackMs / 86_400_000} days before ${utcHhmm(c.incident.endMs)} UTC` +
        `${v.pod === null ? "" : ` (pod ${v.pod}, the longest climb between restarts)`}: memory rose in a straight line ` +
        `(R² ${trend.fit.toFixed(2)}) from ${mib(trend.from)} to ${mib(trend.to)}, +${mib(trend.perHour)} an hour. ${load} ` +
        "Memory that grows while the load does not is held and never given back (a leak): each pod climbs until " +
        (heap
          ? "its heap is full and the runtime fails with OutOfMemoryError (after ever longer garbage-collection pauses) and restarts, "
          : "the kernel kills it at its limit (OOMKilled) and starts over, ") +
        "so the failures come one pod after another. " +
        (outside === null ? "" : `${outside.detail} `) +
        "Restarting buys time; the fix is in the code that holds the memory.",
    ),
    severity: v.hoursToLimit !== null && v.hoursToLimit <= 24 ? "high" : "medium",
    kind: "metric_anomaly",
    observedAt: null,
    resource: `metric/${workload}/${metric}`,
    service: c.subject,
    link,
    excerpt: redact(expr),
  }
}

/** A heap grown by less than this over the climb is flat beside it. */
const flatHeap = 1.15

/**
 * The leak placed outside the heap (off-heap-read.ts), in words; null unless an off-heap series
 * grew by the leak rule's ratio while the heap, when read, stayed flat.
 */
export const outsideHeap = (r: OffHeapReading | null): { title: string; detail: string } | null => {
  const off = r?.offHeap ?? null
  const heap = r?.heap ?? null
  if (off === null || off.ratio < leakRule.minRatio) return null
  if (heap !== null && heap.ratio >= flatHeap) return null
  const heapWords = heap === null ? "" : `, the heap flat (${heap.series} ×${heap.ratio.toFixed(2)})`
  return {
    title: `outside the heap: ${off.series} ×${off.ratio.toFixed(2)}${heapWords}`,
    detail:
      `Over the same climb ${off.series} grew ×${off.ratio.toFixed(2)}${heapWords}: the memory is held outside ` +
      "the heap (direct/off-heap buffers or native memory), which the heap's max does not bound and a heap dump " +
      "does not show — look for buffers allocated and never released (Netty ByteBuf.release(), direct ByteBuffers).",
  }
}

const limitOf = (series: ReadonlyArray<MetricSeries>): number | null => {
  const values = series
    .filter((s) => s.labels.resource === undefined || s.labels.resource === "memory")
    .flatMap((s) => s.samples.map((x) => x.v))
    .filter((v) => Number.isFinite(v) && v > 0)
  return values.length === 0 ? null : Math.max(...values)
}

/** The leak finding for the scope, or null (no memory metric, no climb, a climb its load explains, a failed read). */
export const memoryLeakOf = (
  source: MetricSourceService,
  c: ScanContext,
  names: ReadonlyArray<string>,
): Effect.Effect<Finding | null> => {
  const read = memoryReadOf(names, c.selectors)
  if (read === null) return Effect.succeed(null)
  const { metric, expr, limitExpr } = read
  const endMs = c.incident.endMs
  const startMs = endMs - leakLookbackMs
  const range = (q: string) =>
    source
      .queryRange(q, startMs, endMs, leakStepS)
      .pipe(Effect.orElseSucceed((): ReadonlyArray<MetricSeries> => []))
  const loads = names.filter(isLoadMetric).sort().slice(0, maxLoads)
  return Effect.all(
    [
      range(expr),
      limitExpr === null ? Effect.succeed([]) : range(limitExpr),
      Effect.forEach(loads, (name) => Effect.map(range(loadExpr(name, c.selectors)), (s) => ({ name, s })), {
        concurrency: 3,
      }),
    ],
    { concurrency: 3 },
  ).pipe(
    Effect.flatMap(([memory, limits, loadSeries]) => {
      const input = {
        memory: memory.map((s) => ({ pod: s.labels.pod ?? null, samples: s.samples })),
        load: loadSeries.flatMap(({ name, s }) => s.map((x) => ({ name, samples: x.samples }))),
        limitBytes: limitOf(limits),
      }
      const verdict = judgeMemoryLeak(input)
      // No climb of ≥ 6 h: lives of an hour or two, each killed at the limit, tell the same leak
      // by repetition (memory-lives.ts).
      if (verdict.trend === null)
        return Effect.succeed(
          livesFinding(judgeLives(input), metric, c, expr, source.graphUrl(expr, startMs, endMs)),
        )
      const heap = heapSources.some((h) => h.used === metric)
      // The container's memory leaks: whether the runtime's own series place it outside the heap.
      const offHeap =
        verdict.leaking && !heap && verdict.climbMs !== null
          ? readOffHeap(source, names, c.selectors, verdict.pod, verdict.climbMs, leakStepS)
          : Effect.succeed(null)
      return Effect.map(offHeap, (r) =>
        leakFinding(verdict, metric, c, expr, source.graphUrl(expr, startMs, endMs), r),
      )
    }),
  )
}
