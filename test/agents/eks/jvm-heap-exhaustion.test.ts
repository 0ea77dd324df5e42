/**
 * A JVM's own death of heap exhaustion read from its logs, in several wordings (ExitOnOutOfMemory's
 * "Terminating due to", GC overhead, Full GC thrash), and the decoys: Full GCs that free memory,
 * a NullPointerException crash.
 */
import { describe, expect, it } from "vitest"
import { futileFullGcs, heapExhaustionLine } from "../../../src/agents/eks/jvm-heap-exhaustion.js"

describe("heapExhaustionLine", () => {
  it.each([
    "Terminating due to java.lang.OutOfMemoryError: Java heap space",
    'Exception in thread "main" java.lang.OutOfMemoryError: GC overhead limit exceeded',
    "Caused by: java.lang.OutOfMemoryError: Java heap space",
  ])("reads %s", (line) => {
    expect(heapExhaustionLine(`INFO started\n${line}\n`)).not.toBeNull()
  })

  it("ignores another crash", () => {
    expect(heapExhaustionLine("java.lang.NullPointerException at Foo.bar(Foo.java:12)")).toBeNull()
  })
})

describe("futileFullGcs", () => {
  it("counts Full GCs that leave the heap ≥ 95 % full, in M and G", () => {
    const log = [
      "[info][gc] GC(1) Pause Full (G1 Compaction Pause) 1535M->1533M(1536M) 3517.390ms",
      "[info][gc] GC(2) Pause Full (Allocation Failure) 3.9G->3.8G(4.0G) 2100ms",
      "[info][gc] GC(3) Pause Full (G1 Compaction Pause) 1535M->1530M(1536M) 3300ms",
    ].join("\n")
    expect(futileFullGcs(log)).toBe(3)
  })

  it("ignores Full GCs that free memory and young pauses", () => {
    const log = [
      "[info][gc] GC(1) Pause Full (System.gc()) 1200M->300M(1536M) 400ms",
      "[info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 1490M->1480M(1536M) 41ms",
    ].join("\n")
    expect(futileFullGcs(log)).toBe(0)
  })
})
