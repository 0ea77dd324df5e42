/**
 * A JVM that ran out of its own heap. With `-XX:+ExitOnOutOfMemoryError` the JVM exits with code 3
 * ("Terminating due to java.lang.OutOfMemoryError: Java heap space") long before the kernel's OOM
 * killer would act: the kubelet reports `Error`, exit 3 — no OOMKilled — and the restart reads as
 * an application crash. Its logs say otherwise: `java.lang.OutOfMemoryError`, "GC overhead limit
 * exceeded", or Full GC pauses one after another that free almost nothing (heap ≥ 95 % full after
 * each). That is an out-of-memory cause like an OOM kill: heap exhaustion, a leak when it recurs.
 * Pods still alive but thrashing in Full GC count too. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import type { ContainerLog } from "./container-logs.js"
import { eksFinding, type ScopedWorkload, shortPod } from "./eks-finding.js"
import { lastTermination } from "./pod-failures.js"
import { resourceOf } from "./workloads.js"

/** The JVM's own words for running out of heap (or of GC headroom). */
const heapWords =
  /Terminating due to java\.lang\.OutOfMemoryError[^\n]*|java\.lang\.OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded)|GC overhead limit exceeded/

/** `Pause Full (…) 1535M->1533M(1536M)`: a full collection, heap after it and the heap's size. */
const fullGc = /Pause Full[^\n]*?(\d+(?:\.\d+)?)([KMG])->(\d+(?:\.\d+)?)([KMG])\((\d+(?:\.\d+)?)([KMG])\)/g
const unit: Readonly<Record<string, number>> = { K: 1 / 1024, M: 1, G: 1024 }

/** How many Full GCs left the heap ≥ 95 % full (they free nothing: the live set fills the heap). */
export const futileFullGcs = (text: string): number =>
  [...text.matchAll(fullGc)].filter((m) => {
    const after = Number(m[3]) * (unit[m[4] ?? "M"] ?? 1)
    const size = Number(m[5]) * (unit[m[6] ?? "M"] ?? 1)
    return size > 0 && after / size >= 0.95
  }).length

/** The first line of the JVM saying it ran out of heap, or null. */
export const heapExhaustionLine = (text: string): string | null => heapWords.exec(text)?.[0] ?? null

/** Exit 3 is the JVM's own exit on an OutOfMemoryError (ExitOnOutOfMemoryError). */
const exitedOnOom = (w: ScopedWorkload, pod: string): boolean =>
  w.pods
    .filter((p) => p.metadata.name === pod)
    .some((p) => p.status.containerStatuses.some((s) => lastTermination(s)?.exitCode === 3))

/** A high finding when the workload's JVM died of, or thrashes towards, heap exhaustion. */
export const jvmHeapFinding = (w: ScopedWorkload, logs: ReadonlyArray<ContainerLog>): Finding | null => {
  const died = logs.flatMap((l) => {
    const line = heapExhaustionLine(l.text)
    return line === null ? [] : [{ pod: l.pod, line }]
  })
  const thrashing = [...new Set(logs.filter((l) => futileFullGcs(l.text) >= 3).map((l) => l.pod))]
  const first = died[0]
  if (first === undefined && thrashing.length === 0) return null
  const deadPods = [...new Set(died.map((d) => d.pod))]
  const exit3 = deadPods.filter((p) => exitedOnOom(w, p))
  const parts = [
    deadPods.length === 0
      ? null
      : `java.lang.OutOfMemoryError in ${deadPods.length}/${w.pods.length} pods${exit3.length === 0 ? "" : " (JVM exit 3: ExitOnOutOfMemoryError, the kernel killed nothing)"}`,
    thrashing.length === 0
      ? null
      : `repeated Full GC leaving the heap ≥ 95 % full in ${thrashing.length} pod${thrashing.length === 1 ? "" : "s"} (GC thrash)`,
  ].filter((p): p is string => p !== null)
  return eksFinding({
    kind: "container_logs",
    title: `${w.name}: JVM heap exhausted (out of memory) — ${parts.join("; ")}`,
    detail:
      `The JVM ran out of heap: ${parts.join("; ")}. ${first === undefined ? "" : `"${first.line}" (pod ${shortPod(first.pod)}). `}` +
      "Heap exhaustion that recurs after restarts is a memory leak: the heap's live set only grows.",
    severity: "high",
    observedAt: null,
    resource: resourceOf(w),
    service: w.name,
    excerpt: first?.line ?? null,
  })
}
