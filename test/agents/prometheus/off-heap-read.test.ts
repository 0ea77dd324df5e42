/**
 * A leak outside the heap (off-heap-read.ts, memory-leak-scan.ts): container memory climbing while
 * the heap stays flat and a direct-buffer or non-heap series climbs is named as such, whatever the
 * runtime's metric names; a heap that climbs too, or an off-heap series that stays flat, is not.
 */
import { describe, expect, it } from "vitest"
import { outsideHeap } from "../../../src/agents/prometheus/memory-leak-scan.js"
import { isOffHeapSeries, mayHoldOffHeap, mostGrown } from "../../../src/agents/prometheus/off-heap-read.js"

const h = 3_600_000
const climb = (from: number, to: number) =>
  [0, 2, 4, 6].map((i) => ({ t: i * h, v: from + ((to - from) * i) / 6 }))

describe("off-heap series", () => {
  it("by name or by a pool family's label: Netty's allocator, Micrometer's buffers, non-heap areas", () => {
    expect(isOffHeapSeries({ __name__: "netty_allocator_memory_used_bytes", type: "direct" })).toBe(true)
    expect(
      isOffHeapSeries({ __name__: "netty_allocator_memory_used", memory_type: "direct", id: "pooled" }),
    ).toBe(true)
    expect(isOffHeapSeries({ __name__: "jvm_buffer_memory_used_bytes", id: "direct" })).toBe(true)
    expect(isOffHeapSeries({ __name__: "jvm_memory_used_bytes", area: "nonheap", id: "Metaspace" })).toBe(
      true,
    )
    expect(isOffHeapSeries({ __name__: "app_direct_buffer_bytes" })).toBe(true)
    expect(mayHoldOffHeap("jvm_buffer_pool_used_bytes")).toBe(true)
  })
  it("decoys: the heap's own pools, a mapped buffer, an unrelated gauge", () => {
    expect(isOffHeapSeries({ __name__: "jvm_memory_used_bytes", area: "heap", id: "G1 Old Gen" })).toBe(false)
    expect(isOffHeapSeries({ __name__: "jvm_buffer_memory_used_bytes", id: "mapped" })).toBe(false)
    expect(isOffHeapSeries({ __name__: "orders_in_flight", type: "direct" })).toBe(false)
    expect(mayHoldOffHeap("orders_in_flight")).toBe(false)
  })
  it("picks the one that grew most, on the leaking pod", () => {
    const g = mostGrown(
      [
        {
          labels: { __name__: "jvm_buffer_memory_used_bytes", id: "direct", pod: "p-1" },
          samples: climb(100, 600),
        },
        {
          labels: { __name__: "jvm_buffer_memory_used_bytes", id: "direct", pod: "p-2" },
          samples: climb(100, 900),
        },
        {
          labels: { __name__: "jvm_memory_used_bytes", area: "nonheap", pod: "p-1" },
          samples: climb(100, 120),
        },
      ],
      "p-1",
      0,
      6 * h,
    )
    expect(g).toEqual({ series: 'jvm_buffer_memory_used_bytes{id="direct"}', ratio: 6 })
  })
})

describe("outsideHeap", () => {
  it("direct memory ×4 beside a flat heap, or with no heap read: outside the heap", () => {
    const off = { series: 'netty_allocator_memory_used_bytes{type="direct"}', ratio: 4 }
    expect(outsideHeap({ heap: { series: "jvm_memory_used_bytes", ratio: 1.02 }, offHeap: off })?.title).toBe(
      'outside the heap: netty_allocator_memory_used_bytes{type="direct"} ×4.00, the heap flat (jvm_memory_used_bytes ×1.02)',
    )
    expect(outsideHeap({ heap: null, offHeap: off })?.detail).toMatch(/held outside the heap/)
  })
  it("decoys: the heap climbed too, the off-heap series barely moved, nothing read", () => {
    const off = { series: 'jvm_buffer_memory_used_bytes{id="direct"}', ratio: 3 }
    expect(outsideHeap({ heap: { series: "jvm_memory_used_bytes", ratio: 1.8 }, offHeap: off })).toBeNull()
    expect(outsideHeap({ heap: null, offHeap: { ...off, ratio: 1.1 } })).toBeNull()
    expect(outsideHeap(null)).toBeNull()
  })
})
