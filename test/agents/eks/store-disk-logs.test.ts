/**
 * A store out of disk says so at WARN (flood-stage watermark, read-only index block, no space
 * left on device): such lines rank with fatal ones and lead the finding even when they come from
 * a later pod; a low/high watermark warning or a GC notice stays a warning. A StatefulSet with
 * nothing crashing has a few members' logs read, a Deployment one pod's.
 */
import { describe, expect, it } from "@effect/vitest"
import { containerLogFinding, tellingLines } from "../../../src/agents/eks/container-logs.js"
import { logTargets } from "../../../src/agents/eks/gather.js"
import { ctx, pod, running, scoped, workloadNamed } from "./fixtures/objects.js"

const member = (i: number, kind = "StatefulSet", owner = "search-data") =>
  pod({ name: `${owner}-${i}`, owner: { kind, name: owner }, statuses: [running("engine")] })

const store = workloadNamed({ pods: [member(0), member(1), member(2)] }, "search-data")

describe("store disk exhaustion in container logs", () => {
  const exhausted = [
    "[2026-12-14T04:12:33,118][WARN ][o.o.c.r.a.DiskThresholdMonitor] [data-1] flood stage disk watermark [95%] exceeded on [x][data-1] free: 9.1gb[4.5%], all indices on this node will be marked read-only",
    "2026-12-14T04:12:41Z WARN bulk rejected: blocked by: [FORBIDDEN/12/index read-only / allow delete (api)]; index has read-only-allow-delete block",
    'level=warn msg="write failed" err="write /var/lib/data/wal/000123: no space left on device"',
  ]
  for (const line of exhausted) {
    it(`ranks as fatal: ${line.slice(0, 60)}`, () => {
      expect(tellingLines(line)[0]?.tier).toBe(3)
    })
  }

  it("decoys stay warnings: a high watermark, a GC overhead notice", () => {
    const decoys = [
      "[2026-12-14T03:58:12,441][WARN ][o.o.c.r.a.DiskThresholdMonitor] [data-0] high disk watermark [90%] exceeded on [x][data-0], shards will be relocated away from this node",
      "[2026-12-14T04:03:19,004][WARN ][o.o.m.j.JvmGcMonitorService] [data-0] [gc][1829331] overhead, spent [612ms] collecting in the last [1s]",
    ]
    for (const d of decoys) expect(tellingLines(d)[0]?.tier).toBe(1)
  })

  it("a later member's flood-stage line leads the finding, without its log4j timestamp", () => {
    const gc =
      "[2026-12-14T04:03:19,004][WARN ][o.o.m.j.JvmGcMonitorService] [data-0] [gc] overhead, spent [612ms]"
    const warn = (n: number) =>
      `[2026-12-14T04:0${n}:00,000][WARN ][o.o.c.r.a.Allocation] [data-0] notice ${n}`
    const f = containerLogFinding(store, [
      {
        pod: "search-data-0",
        container: "engine",
        previous: false,
        text: [gc, ...[1, 2, 3, 4, 5].map(warn)].join("\n"),
      },
      { pod: "search-data-1", container: "engine", previous: false, text: exhausted[0] ?? "" },
    ])
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("flood stage disk watermark")
    expect(f?.title).not.toContain("2026-12-14T04:12:33")
  })
})

describe("log targets of a StatefulSet with nothing crashing", () => {
  it("reads a few members, a Deployment's one pod", () => {
    expect(logTargets([store], ctx).map((t) => t.pod)).toEqual([
      "search-data-0",
      "search-data-1",
      "search-data-2",
    ])
    const web = scoped({ pods: [member(0, "ReplicaSet", "web-5d8f7"), member(1, "ReplicaSet", "web-5d8f7")] })
    expect(logTargets(web, ctx)).toHaveLength(1)
  })
})
