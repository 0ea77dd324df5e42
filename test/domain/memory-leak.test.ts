/**
 * The leak over days (memory-leak.ts): memory climbing since its last restart while the load
 * stays flat is a leak, whatever the workload or its load metric; memory that rises with its load,
 * a short climb, or a sawtooth that restarts are not.
 */
import { describe, expect, it } from "vitest"
import { isLoadMetric, judgeMemoryLeak, loadRatio } from "../../src/domain/memory-leak.js"

const hour = 3_600_000
const end = Date.parse("2031-05-20T06:00:00Z")
/** Hourly samples over `hours` ending at `end`, valued by `f(h)` (h = hours since the start). */
const hourly = (hours: number, f: (h: number) => number) =>
  Array.from({ length: hours + 1 }, (_, h) => ({ t: end - (hours - h) * hour, v: f(h) }))
const gib = 1024 ** 3

describe("judgeMemoryLeak", () => {
  it("a websocket gateway: working set +12 MiB/h for 3 days, connections flat → a leak with the time to its limit", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: "fanout-gw-5d9c7-abcde", samples: hourly(72, (h) => 0.25 * gib + h * 12 * 1024 ** 2) }],
      load: [{ name: "gw_ws_connections", samples: hourly(72, (h) => 9000 + (h % 5) * 40) }],
      limitBytes: 1.5 * gib,
    })
    expect(v.leaking).toBe(true)
    expect(v.pod).toBe("fanout-gw-5d9c7-abcde")
    expect(v.trend?.perHour).toBeCloseTo(12 * 1024 ** 2, -4)
    expect(v.hoursToLimit).toBeGreaterThan(30)
    expect(v.hoursToLimit).toBeLessThan(40)
  })
  it("a JVM worker whose request rate is the load, and an older pod killed mid-way: the longest climb speaks", () => {
    const v = judgeMemoryLeak({
      memory: [
        // Killed 10 h ago, climbing again: the sawtooth starts over.
        {
          pod: "ledger-worker-7f-aaaaa",
          samples: hourly(48, (h) =>
            h < 38 ? 0.5 * gib + h * 0.02 * gib : 0.3 * gib + (h - 38) * 0.02 * gib,
          ),
        },
        { pod: "ledger-worker-7f-bbbbb", samples: hourly(48, (h) => 0.4 * gib + h * 0.02 * gib) },
      ],
      load: [{ name: "http_requests_total", samples: hourly(48, () => 220) }],
      limitBytes: 2 * gib,
    })
    expect(v.leaking).toBe(true)
    expect(v.pod).toBe("ledger-worker-7f-bbbbb")
  })
  it("no load series at all: still a leak, said without a comparison", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: null, samples: hourly(30, (h) => 100e6 + h * 10e6) }],
      load: [],
      limitBytes: null,
    })
    expect(v.leaking).toBe(true)
    expect(v.loads).toEqual([])
    expect(v.hoursToLimit).toBeNull()
  })
  it("decoy: memory rising with its sessions is a busier service, not a leak", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: "chat-api-6b-ccccc", samples: hourly(24, (h) => 300e6 + h * 20e6) }],
      load: [{ name: "chat_active_sessions", samples: hourly(24, (h) => 1000 + h * 100) }],
      limitBytes: 2e9,
    })
    expect(v.leaking).toBe(false)
    expect(v.because).toContain("chat_active_sessions")
  })
  it("every pod just killed at its limit: the climb that ended in the kill tells the leak", () => {
    // Each pod climbed 8 h to its 1 GiB limit, was killed and has run minutes since.
    const killed = (offset: number) =>
      hourly(10, (h) => (h < 9 ? 0.3 * gib + (h + offset) * 0.08 * gib : 0.28 * gib))
    const v = judgeMemoryLeak({
      memory: [
        { pod: "beacon-ingest-7c-aaaaa", samples: killed(0) },
        { pod: "beacon-ingest-7c-bbbbb", samples: killed(0.5) },
      ],
      // The sessions it keeps grow with the memory (what leaks); the devices connected stay flat.
      load: [{ name: "beacon_devices_connected", samples: hourly(10, (h) => 800 + (h % 2) * 5) }],
      limitBytes: gib,
    })
    expect(v.leaking).toBe(true)
    expect(v.trend?.hours).toBeGreaterThanOrEqual(7)
    expect(v.hoursToLimit).toBeLessThan(1)
  })
  it("decoy: a sawtooth of short climbs between kills is no climb over days", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: "p", samples: hourly(24, (h) => 0.3 * gib + (h % 3) * 0.3 * gib) }],
      load: [],
      limitBytes: gib,
    })
    expect(v.leaking).toBe(false)
  })
  it("decoy: memory rising with the devices connected, between kills, is a busier service", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: "p", samples: hourly(10, (h) => (h < 9 ? 0.3 * gib + h * 0.08 * gib : 0.28 * gib)) }],
      load: [{ name: "fleet_devices_connected", samples: hourly(10, (h) => 500 + h * 150) }],
      limitBytes: gib,
    })
    expect(v.leaking).toBe(false)
  })
  it("decoy: a climb of two hours, or a flat working set, is not a leak over days", () => {
    expect(
      judgeMemoryLeak({
        memory: [{ pod: "p", samples: hourly(2, (h) => 100e6 + h * 80e6) }],
        load: [],
        limitBytes: null,
      }).leaking,
    ).toBe(false)
    expect(
      judgeMemoryLeak({
        memory: [{ pod: "p", samples: hourly(48, (h) => 500e6 + (h % 3) * 1e6) }],
        load: [],
        limitBytes: null,
      }).leaking,
    ).toBe(false)
  })
})

describe("isLoadMetric", () => {
  it("connections, sessions and requests are load; subscriptions, caches and memory are what leaks", () => {
    expect(isLoadMetric("live_scores_ws_connections")).toBe(true)
    expect(isLoadMetric("http_requests_total")).toBe(true)
    expect(isLoadMetric("tracker_active_sessions")).toBe(true)
    expect(isLoadMetric("live_scores_ws_subscriptions")).toBe(false)
    expect(isLoadMetric("geocode_cache_entries")).toBe(false)
    expect(isLoadMetric("http_request_duration_seconds")).toBe(false)
    // What it keeps per session is what leaks; the devices connected are its load.
    expect(isLoadMetric("telemetry_mqtt_sessions_tracked")).toBe(false)
    expect(isLoadMetric("cart_sessions_retained")).toBe(false)
    expect(isLoadMetric("fleet_devices_connected")).toBe(true)
  })
})

describe("loadRatio", () => {
  it("the last quarter's mean over the first quarter's", () => {
    expect(
      loadRatio(
        hourly(8, (h) => (h < 4 ? 100 : 200)),
        end - 8 * hour,
        end,
      ),
    ).toBeCloseTo(2)
  })
})

describe("judgeMemoryLeak on sparse scrapes", () => {
  const at = (hours: ReadonlyArray<number>, f: (h: number) => number) =>
    hours.map((h) => ({ t: end - (8 - h) * hour, v: f(h) }))
  it("memory scraped every two hours: four or five points over six hours or more still tell the leak", () => {
    const v = judgeMemoryLeak({
      memory: [{ pod: "ingest-6c-aaaaa", samples: at([0, 2, 4, 6.2], (h) => 0.85 * gib + h * 0.1 * gib) }],
      load: [],
      limitBytes: 1.5 * gib,
    })
    expect(v.leaking).toBe(true)
    expect(v.climbMs).toEqual({ startMs: end - 8 * hour, endMs: end - 1.8 * hour })
  })
  it("decoys: three points, and four points over only four hours", () => {
    const three = judgeMemoryLeak({
      memory: [{ pod: "ingest-6c-aaaaa", samples: at([0, 3, 7], (h) => 0.85 * gib + h * 0.1 * gib) }],
      load: [],
      limitBytes: null,
    })
    expect(three.leaking).toBe(false)
    const short = judgeMemoryLeak({
      memory: [{ pod: "ingest-6c-aaaaa", samples: at([0, 1, 2, 4], (h) => 0.85 * gib + h * 0.2 * gib) }],
      load: [],
      limitBytes: null,
    })
    expect(short.leaking).toBe(false)
  })
})
