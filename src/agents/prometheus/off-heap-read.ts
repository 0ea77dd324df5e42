/**
 * Where a container's leak is, when its runtime says: a JVM whose heap stays flat while the
 * container's memory climbs to its limit leaks outside the heap — direct buffers (Netty's pooled
 * allocator, NIO `ByteBuffer.allocateDirect`), metaspace, native allocations — which no heap dump
 * shows and `-Xmx` does not bound, so the kernel, not an OutOfMemoryError, ends each pod. Read
 * over the leaking pod's climb (memory-leak-scan.ts): the heap's growth and the off-heap series'
 * growth, the one that grew most named in the finding. Pure but for the one range read.
 */
import { Effect } from "effect"
import type { MetricSample, MetricSeries } from "../../domain/metric-series.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import { heapSources } from "./heap-sources.js"

/** A series' growth over the climb: its last level over its first. */
export interface SideGrowth {
  /** The series as a selector a reader can paste (`netty_allocator_memory_used_bytes{type="direct"}`). */
  readonly series: string
  readonly ratio: number
}

export interface OffHeapReading {
  /** The heap's growth over the climb; null when no heap series was read. */
  readonly heap: SideGrowth | null
  /** The off-heap series that grew most; null when none was read. */
  readonly offHeap: SideGrowth | null
}

// Names that say "outside the heap" themselves (`jvm_direct_buffer_used_bytes`, `…_offheap_…`),
// and label values that do on a shared name (Micrometer's `jvm_buffer_memory_used_bytes{id="direct"}`,
// `jvm_memory_used_bytes{area="nonheap"}`, Netty's allocator `{type="direct"}` / `{memory_type="direct"}`).
const offHeapName = /(?:^|_)(?:direct|non_?heap|off_?heap|native)(?:_|$)/
const offHeapValue = /^(?:direct|non_?heap|off_?heap|native)$/i
// Metric families that hold a memory pool by a label (only these are read for the label values).
const poolFamily = /(?:buffer|allocator|jvm_memory|netty).*(?:bytes|used|memory)/

/** Whether a metric name may hold off-heap memory (by its name or, for a pool family, by a label). */
export const mayHoldOffHeap = (name: string): boolean =>
  /bytes|memory|used/.test(name) && (offHeapName.test(name) || poolFamily.test(name))

/** Whether a series is off-heap memory: its name says so, or a label value of a pool family does. */
export const isOffHeapSeries = (labels: Readonly<Record<string, string>>): boolean => {
  const name = labels.__name__ ?? ""
  if (offHeapName.test(name)) return true
  return (
    poolFamily.test(name) && Object.entries(labels).some(([k, v]) => k !== "__name__" && offHeapValue.test(v))
  )
}

const selectorText = (labels: Readonly<Record<string, string>>): string => {
  const name = labels.__name__ ?? "?"
  const tell = Object.entries(labels).filter(([k, v]) => k !== "__name__" && offHeapValue.test(v))
  return tell.length === 0 ? name : `${name}{${tell.map(([k, v]) => `${k}="${v}"`).join(",")}}`
}

/** Last over first of the samples in [startMs, endMs]; NaN with fewer than two or a first of 0. */
export const growthOver = (samples: ReadonlyArray<MetricSample>, startMs: number, endMs: number): number => {
  const inside = samples.filter((s) => s.t >= startMs && s.t <= endMs && Number.isFinite(s.v))
  const first = inside[0]
  const last = inside[inside.length - 1]
  return inside.length < 2 || first === undefined || last === undefined || first.v <= 0
    ? Number.NaN
    : last.v / first.v
}

/** Of the series (one pod's, when `pod` is known), the one that grew most over the span. */
export const mostGrown = (
  series: ReadonlyArray<MetricSeries>,
  pod: string | null,
  startMs: number,
  endMs: number,
): SideGrowth | null =>
  series
    .filter((s) => pod === null || s.labels.pod === undefined || s.labels.pod === pod)
    .map((s) => ({ series: selectorText(s.labels), ratio: growthOver(s.samples, startMs, endMs) }))
    .filter((g) => Number.isFinite(g.ratio))
    .sort((a, b) => b.ratio - a.ratio)[0] ?? null

/** Read the heap and the off-heap series among `names` over the climb; both null when neither is exported. */
export const readOffHeap = (
  source: MetricSourceService,
  names: ReadonlyArray<string>,
  selectors: ReadonlyArray<string>,
  pod: string | null,
  climb: { readonly startMs: number; readonly endMs: number },
  stepS: number,
): Effect.Effect<OffHeapReading> => {
  const heap = heapSources.find((h) => names.includes(h.used))
  const offNames = names.filter(mayHoldOffHeap).sort().slice(0, 3)
  const range = (metric: string) =>
    source
      .queryRange(selectors.map((sel) => `${metric}${sel}`).join(" or "), climb.startMs, climb.endMs, stepS)
      .pipe(Effect.orElseSucceed((): ReadonlyArray<MetricSeries> => []))
  return Effect.all(
    [
      heap === undefined ? Effect.succeed([]) : range(heap.used),
      Effect.forEach(offNames, range, { concurrency: 3 }),
    ],
    { concurrency: 2 },
  ).pipe(
    Effect.map(([heapSeries, offSeries]) => ({
      heap: mostGrown(
        heapSeries.filter((s) => heap === undefined || heapMatches(s.labels, heap.matcher)),
        pod,
        climb.startMs,
        climb.endMs,
      ),
      offHeap: mostGrown(
        offSeries.flat().filter((s) => isOffHeapSeries(s.labels)),
        pod,
        climb.startMs,
        climb.endMs,
      ),
    })),
  )
}

// A heap source's matcher (`area="heap"`) checked on a series' labels; "" keeps every series.
const heapMatches = (labels: Readonly<Record<string, string>>, matcher: string): boolean => {
  const m = /^(\w+)="([^"]*)"$/.exec(matcher)
  return m === null ? true : labels[m[1] ?? ""] === m[2]
}
