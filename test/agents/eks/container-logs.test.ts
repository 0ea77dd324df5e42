/**
 * Previous-container logs reduced to the lines that say why the container died: fatal first,
 * then errors, then warnings, in log order, deduplicated across pods, redacted; timestamps
 * carried from the nearest line above; no finding when nothing is telling.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { containerLogFinding, tellingLines } from "../../../src/agents/eks/container-logs.js"
import { crashLooping, pod, workloadNamed } from "./fixtures/objects.js"

const oomLog = `2026-11-27T13:07:51Z INFO  settlement worker starting batch_size=5000
2026-11-27T13:08:02Z INFO  loaded 5000 pending settlements into memory
2026-11-27T13:08:07Z WARN  heap used 498MiB of 512MiB
<--- Last few GCs --->
FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
`

const w = (inScope = true) =>
  workloadNamed(
    {
      pods: [
        pod({
          name: "payments-api-6c9f7d8b4-q7x2m",
          owner: { kind: "ReplicaSet", name: "payments-api-6c9f7d8b4" },
          statuses: [crashLooping("api", { reason: "OOMKilled", exitCode: 137 })],
        }),
      ],
    },
    // The ReplicaSet is not in the snapshot; its name still names the Deployment.
    "payments-api",
    inScope,
  )

describe("tellingLines", () => {
  it("keeps fatal, error and warning lines in log order, with the nearest timestamp above", () => {
    const lines = tellingLines(oomLog)
    expect(lines.map((l) => l.text)).toEqual([
      "2026-11-27T13:08:07Z WARN  heap used 498MiB of 512MiB",
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    ])
    expect(lines[1]?.at).toEqual(DateTime.unsafeMake("2026-11-27T13:08:07Z"))
  })

  it("prefers the most telling lines when there are more than the limit", () => {
    const text = [
      "WARN slow query",
      "ERROR connection refused",
      "WARN retrying",
      "panic: runtime error: invalid memory address",
      "INFO bye",
    ].join("\n")
    expect(tellingLines(text, 2).map((l) => l.tier)).toEqual([2, 3])
  })
})

describe("containerLogFinding", () => {
  it("quotes the fatal line, high for the alerting workload, excerpt redacted", () => {
    const log = `${oomLog}ERROR db password=hunter2 rejected\n`
    const f = containerLogFinding(w(), [
      { pod: "payments-api-6c9f7d8b4-q7x2m", container: "api", previous: true, text: log },
    ])
    expect(f?.kind).toBe("container_logs")
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(
      'payments-api: previous api container logged "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"',
    )
    expect(f?.excerpt).toContain("JavaScript heap out of memory")
    expect(f?.excerpt).not.toContain("hunter2")
    expect(f?.resource).toBe("pod/shop/payments-api-6c9f7d8b4-q7x2m")
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:08:07Z"))
  })

  it("deduplicates the same line across pods, keeping the first pod's", () => {
    const logs = [
      { pod: "a-1", container: "api", previous: true, text: "2026-11-27T13:08:00Z FATAL boom\n" },
      { pod: "a-2", container: "api", previous: true, text: "2026-11-27T13:06:00Z FATAL boom\n" },
    ]
    const f = containerLogFinding(w(), logs)
    expect(f?.excerpt).toBe("2026-11-27T13:08:00Z FATAL boom")
    expect(f?.detail).toContain("pods a-1, a-2")
  })

  it("warnings only are low; unrelated workloads are low; nothing telling is no finding", () => {
    const log = { pod: "p", container: "api", previous: true, text: "WARN cache cold\n" }
    expect(containerLogFinding(w(), [log])?.severity).toBe("low")
    expect(containerLogFinding(w(false), [{ ...log, text: "FATAL x" }])?.severity).toBe("low")
    expect(
      containerLogFinding(w(), [{ pod: "p", container: "api", previous: true, text: "INFO all good\n" }]),
    ).toBeNull()
    expect(containerLogFinding(w(), [])).toBeNull()
  })
})

describe("a Python traceback", () => {
  it("is told by the exception it ends with, not the line that opens it", () => {
    const log = [
      "2026-11-27T13:04:58Z Traceback (most recent call last):",
      '  File "/app/main.py", line 12, in <module>',
      "    url = os.environ['DATABASE_URL']",
      "KeyError: 'DATABASE_URL'",
    ].join("\n")
    const lines = tellingLines(log)
    const headline = [...lines].sort((a, b) => b.tier - a.tier)[0]
    expect(headline?.text).toBe("KeyError: 'DATABASE_URL'")
  })
})

describe("tellingLines: a deprecation notice is not telling (stop 22)", () => {
  it("drops a deprecated-config warning in JSON, logfmt and plain text, keeps the real failure", () => {
    const log = [
      '{"level":"warn","ts":"2026-12-03T01:12:36.915Z","msg":"config key storage.oldBucket is deprecated, use storage.buckets.main"}',
      'time=2026-12-03T01:12:37Z level=warn msg="flag --listen-addr is deprecated and will be removed in 4.0"',
      "2026-12-03T01:12:38Z WARN  setting cache.ttl_secs is obsolete; use cache.ttl",
      "2026-12-03T01:12:39Z ERROR readiness handler: dependency check failed: connection refused",
    ].join("\n")
    const lines = tellingLines(log).map((l) => l.text)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain("dependency check failed")
  })

  it("decoy: a deprecation the app refuses, or said at ERROR, stays telling", () => {
    const refused = tellingLines(
      "2026-12-03T01:12:36Z WARN  option tls.v1 is deprecated and rejected, refusing to start",
    )
    expect(refused).toHaveLength(1)
    const atError = tellingLines('{"level":"error","msg":"config key auth.legacyMode is deprecated"}')
    expect(atError).toHaveLength(1)
  })
})

// Stop 23: a guard saying it saw something and did not act is routine, not why a service fails.
describe("tellingLines: a guard below its threshold", () => {
  it("drops WARN lines of a guard that did not act, in several wordings", () => {
    const text = [
      "2026-06-17T02:11:02Z WARN  login rate high for sub=u_1 (6 in 2m), not locking (threshold 10)",
      'level=warn msg="burst from 10.0.0.4, not throttling" count=40 below threshold',
      "2026-06-17T02:11:09Z [warn] disk at 71%, within the limit, not alerting",
    ].join("\n")
    expect(tellingLines(text)).toEqual([])
  })

  it("keeps a guard's line that reports a failure or an error", () => {
    const text = [
      "2026-06-17T02:11:02Z ERROR lockout store failed, not locking account u_1",
      "2026-06-17T02:11:03Z WARN  login rate high, not locking: redis refused connection",
    ].join("\n")
    expect(tellingLines(text).length).toBe(2)
  })
})

// Stop 24: OOM-killed instances that all died running the same request name it, and its size.
describe("containerLogFinding: the request every OOM-killed instance died in", () => {
  const run = (attempt: number) => `2026-11-27T13:00:01Z [INFO] app: ready
2026-11-27T13:01:00Z [INFO] app.jobs: POST /v2/statements/rebuild merchant=oakline-foods job_id=stm_88Qa attempt=${attempt}
2026-11-27T13:01:40Z [INFO] app.jobs: loaded job_id=stm_88Qa records=9120455; rendering
`
  const killedPods = (reason: string, exitCode: number) =>
    workloadNamed(
      {
        pods: ["payments-api-6c9f7d8b4-q7x2m", "payments-api-6c9f7d8b4-z1k9p"].map((name) =>
          pod({
            name,
            owner: { kind: "ReplicaSet", name: "payments-api-6c9f7d8b4" },
            statuses: [crashLooping("api", { reason, exitCode })],
          }),
        ),
      },
      "payments-api",
      true,
    )
  const logs = [
    { pod: "payments-api-6c9f7d8b4-q7x2m", container: "api", previous: true, text: run(1) },
    { pod: "payments-api-6c9f7d8b4-z1k9p", container: "api", previous: true, text: run(2) },
  ]

  it("names the operation, its id and its size, high, in words the OOM cause joins", () => {
    const f = containerLogFinding(killedPods("OOMKilled", 137), logs)
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("OOM-killed api containers each died mid-request (records=9120455)")
    expect(f?.title).toContain("POST /v2/statements/rebuild merchant=oakline-foods job_id=stm_88Qa")
    expect(f?.detail).toContain("job_id=stm_88Qa")
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:01:40Z"))
  })

  it("decoy: the same last lines in containers that crashed, not OOM-killed, name no request", () => {
    const f = containerLogFinding(killedPods("Error", 1), logs)
    expect(f?.title ?? "").not.toContain("mid-request")
  })

  it("decoy: per-pod different last requests are ordinary traffic", () => {
    const other = { ...logs[1], text: run(2).replaceAll("stm_88Qa", "stm_01Bc") } as (typeof logs)[number]
    const f = containerLogFinding(killedPods("OOMKilled", 137), [logs[0] ?? other, other])
    expect(f?.title ?? "").not.toContain("mid-request")
  })
})

// Stop 25: an OOM-killed store that died replaying its WAL at startup names the replay.
describe("containerLogFinding: the startup replay an OOM-killed instance died in", () => {
  const replay = `ts=2026-11-27T13:00:00.100Z level=info msg="Starting TSDB ..."
ts=2026-11-27T13:00:03.200Z level=info component=tsdb msg="Replaying WAL, this may take a while"
ts=2026-11-27T13:00:40.000Z level=info component=tsdb msg="WAL segment loaded" segment=4410 maxSegment=4502
`
  const store = (reason: string, exitCode: number) =>
    workloadNamed(
      {
        pods: [
          pod({
            name: "metrics-store-0",
            owner: { kind: "StatefulSet", name: "metrics-store" },
            statuses: [crashLooping("tsdb", { reason, exitCode })],
          }),
        ],
      },
      "metrics-store",
      true,
    )
  const logs = [{ pod: "metrics-store-0", container: "tsdb", previous: true, text: replay }]

  it("names the replay and its progress, high, in words the OOM cause joins", () => {
    const f = containerLogFinding(store("OOMKilled", 137), logs)
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain(
      "OOM-killed tsdb container died replaying its WAL at startup (segment 4410 of 4502)",
    )
  })

  it("decoy: a container that crashed mid-replay, not OOM-killed, names no replay death", () => {
    const f = containerLogFinding(store("Error", 1), logs)
    expect(f?.title ?? "").not.toContain("replaying")
  })
})
