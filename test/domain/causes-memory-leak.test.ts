/**
 * A memory leak and the OOM kills it ends in are one failure: the metric's "memory … climbing
 * steadily …, a leak's shape" reads as out of memory (never as "errors"), the cause leads with
 * the kills and names the leak, and a long cause is cut on a word, never mid-word. Variants: a
 * cAdvisor working set, a JVM heap, a log's "memory leak". Decoys: threads or connections
 * climbing are not memory; a cut that would split "leak's" keeps whole words only.
 */
import { describe, expect, it } from "vitest"
import { memoryLeakWords, textMode } from "../../src/domain/causes-modes.js"
import { clipAtWord } from "../../src/domain/report-text.js"
import { causesFor, facts, numbered, spec } from "./causes-support.js"

const leak = (what: string) => ({
  agent: "prometheus" as const,
  kind: "metric_anomaly",
  severity: "high" as const,
  title: `badge-scanner ${what} climbing steadily: 251 MiB → 618 MiB over 2.5 h (+147 MiB/h), a leak's shape`,
  detail: "Read over the 12 h before 03:19 UTC: since its last restart the level rose in a straight line.",
  resource: `metric/badge-scanner/${what}`,
  service: "badge-scanner",
  at: null,
})

describe("a memory leak reads as out of memory", () => {
  it.each([
    "memory use (container_memory_working_set_bytes)",
    "memory use (jvm_memory_used_bytes)",
    "resident memory (process_resident_memory_bytes)",
  ])("%s climbing is the oom mode", (what) => {
    expect(textMode(spec(leak(what)))).toBe("oom")
  })

  it("a log's own words: memory leak", () => {
    expect(memoryLeakWords.test("warn: possible memory leak detected in session cache")).toBe(true)
  })

  it("threads or connections climbing are not memory", () => {
    expect(textMode(spec(leak("threads (jvm_threads_live_threads)")))).not.toBe("oom")
    expect(textMode(spec(leak("open connections (pgbouncer_client_connections)")))).not.toBe("oom")
  })

  it("leads with the OOM kills and names the leak, not 'errors'", () => {
    const findings = numbered([
      leak("memory use (container_memory_working_set_bytes)"),
      {
        agent: "eks",
        kind: "oom_killed",
        severity: "high",
        title: "badge-scanner: container scan OOMKilled in 3/3 pods (memory limit 1Gi), 20 restarts",
        resource: "pod/gates/badge-scanner-6d8f7c9b5-k2m4x",
        service: "badge-scanner",
        at: "13:01",
      },
    ])
    const top = causesFor(facts({ workload: "badge-scanner", namespace: "gates" }), findings)[0]
    expect(top?.text).toMatch(/^OOMKilled \(.*memory leak.*\) in badge-scanner/)
    expect(top?.text).not.toMatch(/^errors/)
  })
})

describe("clipAtWord", () => {
  it("cuts on a word, drops a dangling article", () => {
    const s =
      "badge-scanner memory use climbing steadily: 251 MiB → 618 MiB over 2.5 h (+147 MiB/h), a leak's shape"
    // The hard cut would fall inside "leak's": the text ends on the last whole word before it.
    const cut = clipAtWord(s, s.indexOf("leak") + 4)
    expect(cut).toBe("badge-scanner memory use climbing steadily: 251 MiB → 618 MiB over 2.5 h (+147 MiB/h)…")
    expect(clipAtWord(s, s.length - 5)).toBe(`${s.slice(0, -6)}…`)
    expect(clipAtWord(s, 500)).toBe(s)
  })

  it("a single very long word is cut hard (no space near the end)", () => {
    expect(clipAtWord("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`)
  })
})
