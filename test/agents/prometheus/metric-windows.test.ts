/**
 * The windows the prometheus agent reads: the incident window lies inside the alert's evidence
 * window (aligned to the step inward, so no finding is dated before it and left uncited), and
 * each baseline is the same window 1 h and 1 d earlier.
 */
import { describe, expect, it } from "@effect/vitest"
import { baselineWindows, incidentWindow } from "../../../src/agents/prometheus/metric-windows.js"
import { taskFor } from "../cloudwatch-logs/agent-harness.js"

describe("incidentWindow", () => {
  it("starts at the first step inside the evidence window and ends at now or the window's end", () => {
    const task = taskFor({
      text: "checkout-api is down",
      alertTime: "2026-12-03T15:42:10Z",
      now: "2026-12-03T15:45:10Z",
    })
    const w = incidentWindow(task, Date.parse("2026-12-03T15:45:10Z"), 60_000)
    expect(w.startMs).toBeGreaterThanOrEqual(task.alert.window.start.epochMillis)
    expect(new Date(w.startMs).toISOString()).toBe("2026-12-03T15:13:00.000Z")
    expect(new Date(w.endMs).toISOString()).toBe("2026-12-03T15:45:00.000Z")
    expect(baselineWindows(w).map((b) => [b.label, new Date(b.startMs).toISOString()])).toEqual([
      ["1 h earlier", "2026-12-03T14:13:00.000Z"],
      ["1 d earlier", "2026-12-02T15:13:00.000Z"],
    ])
  })
})
