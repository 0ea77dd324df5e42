/**
 * A runtime's own heap, read when the container's memory is not exported: a JVM's heap fills to
 * its `-Xmx` (OutOfMemoryError, then a restart) long before the container's limit, and only the
 * runtime's gauges show that climb. Used summed per pod over the heap's pools (Micrometer splits
 * it by `id`: Eden, Old Gen…) and bounded by the heap's max, when the runtime exports one.
 */
export interface HeapSource {
  readonly used: string
  readonly max: string | null
  /** A label matcher that keeps the heap's series (the non-heap pools do not leak this way). */
  readonly matcher: string
}
export const heapSources: ReadonlyArray<HeapSource> = [
  // Micrometer (Spring Boot actuator)
  { used: "jvm_memory_used_bytes", max: "jvm_memory_max_bytes", matcher: 'area="heap"' },
  // Prometheus client_java / jmx_exporter
  { used: "jvm_memory_bytes_used", max: "jvm_memory_bytes_max", matcher: 'area="heap"' },
  // OpenTelemetry's JVM metrics through the Prometheus exporter
  { used: "jvm_memory_used", max: "jvm_memory_limit", matcher: 'jvm_memory_type="heap"' },
  // prom-client's Node.js defaults: V8's heap has no fixed max among them
  { used: "nodejs_heap_size_used_bytes", max: null, matcher: "" },
]
