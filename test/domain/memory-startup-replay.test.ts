/**
 * The startup replay a killed store never finished: Prometheus' WAL with its segment progress,
 * Loki's ingester WAL, Kafka's log segments, a search node's index. Decoys: a replay that
 * completed (Prometheus' "WAL replay completed", "server is ready"), a log with no replay.
 */
import { describe, expect, it } from "vitest"
import { unfinishedReplay } from "../../src/domain/memory-startup-replay.js"

describe("unfinishedReplay", () => {
  it("Prometheus' WAL replay, with the last segment it loaded", () => {
    const log = [
      'ts=2026-11-27T13:00:00.100Z caller=main.go:1166 level=info msg="Starting Prometheus Server"',
      'ts=2026-11-27T13:00:03.100Z caller=head.go:713 level=info component=tsdb msg="On-disk memory mappable chunks replay completed" duration=3s',
      'ts=2026-11-27T13:00:03.200Z caller=head.go:721 level=info component=tsdb msg="Replaying WAL, this may take a while"',
      'ts=2026-11-27T13:00:40.000Z caller=head.go:830 level=info component=tsdb msg="WAL segment loaded" segment=4410 maxSegment=4502',
    ].join("\n")
    const r = unfinishedReplay(log)
    expect(r?.what).toBe("WAL")
    expect(r?.progress).toBe("segment 4410 of 4502")
    expect(r?.started).toContain("Replaying WAL")
  })

  it("Loki's ingester, Kafka's log segments, a search node's index", () => {
    expect(
      unfinishedReplay('level=info ts=2026-11-27T13:00:00Z caller=ingester.go:410 msg="recovering from WAL"')
        ?.what,
    ).toBe("WAL")
    expect(
      unfinishedReplay(
        "[2026-11-27 13:00:00,120] INFO [LogLoader partition=events-7] Recovering log segments (12/40 segments loaded)",
      ),
    ).toMatchObject({ what: "log segments", progress: "12 of 40 segments" })
    expect(
      unfinishedReplay("2026-11-27T13:00:00Z INFO loading index from /data/idx (63% done)"),
    ).toMatchObject({
      what: "index",
      progress: "63%",
    })
  })

  it("decoys: a replay that completed, a ready server, a log with no replay", () => {
    expect(
      unfinishedReplay(
        'msg="Replaying WAL, this may take a while"\nmsg="WAL replay completed" duration=41s\nmsg="TSDB started"',
      ),
    ).toBeNull()
    expect(
      unfinishedReplay("loading snapshot from /data\nServer is ready to receive web requests."),
    ).toBeNull()
    expect(unfinishedReplay("INFO handling request /v1/quotes\nINFO cache miss, fetching rates")).toBeNull()
  })
})
