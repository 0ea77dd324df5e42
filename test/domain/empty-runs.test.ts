/**
 * A job that ran "successfully" and did nothing (empty-runs.ts): the latest run of an input logs
 * 0 keys / records=0 / "nothing to process" after runs of the same input that processed some.
 * Decoys: an input empty at every run, an empty run the next one recovered from, earlier empties,
 * another input that still flows, a line counting something while saying "no … found".
 */
import { describe, expect, it } from "vitest"
import { emptyRunSeverity, emptyRunsOf } from "../../src/domain/empty-runs.js"

const at = (day: number, hour: number, min = 0) => Date.UTC(2027, 2, day, hour, min)
const line = (group: string, ms: number, message: string, stream = "s") => ({
  timestampMs: ms,
  message,
  stream,
  group,
})

describe("emptyRunsOf", () => {
  it("a Lambda's S3 prefix gone empty, its partner's other input still flowing", () => {
    const g = "/aws/lambda/recipe-import"
    const run = (day: number, id: string, keys: number) => [
      line(
        g,
        at(day, 2, 0),
        `[INFO]\t2027-03-0${day}T02:00:01Z\t${id}\tsource=farmco prefix=s3://drops/farmco/daily/2027-03-0${day}/ keys=${keys}`,
      ),
      line(
        g,
        at(day, 2, 1),
        `[INFO]\t2027-03-0${day}T02:00:02Z\t${id}\tsource=millbrook processed 40 records`,
      ),
    ]
    const lines = [
      ...run(1, "aaaaaaaa-1111-4111-8111-111111111111", 1240),
      ...run(2, "bbbbbbbb-2222-4222-8222-222222222222", 1188),
      line(
        g,
        at(3, 2, 0),
        "[WARNING]\t2027-03-03T02:00:01Z\tcccccccc-3333-4333-8333-333333333333\tListObjectsV2 returned 0 keys for prefix s3://drops/farmco/daily/2027-03-03/ (source=farmco)",
      ),
      line(
        g,
        at(3, 2, 1),
        "[INFO]\t2027-03-03T02:00:02Z\tcccccccc-3333-4333-8333-333333333333\tsource=millbrook processed 41 records",
      ),
    ]
    const [e, ...rest] = emptyRunsOf(lines)
    expect(rest).toEqual([])
    expect(e?.job).toBe("recipe-import")
    expect(e?.path).toBe("s3://drops/farmco/daily/2027-03-03/")
    expect(e?.lastCount).toBe(1188)
    expect(e?.noun).toBe("keys")
    expect(e?.fullRuns).toBe(2)
    expect(e === undefined ? null : emptyRunSeverity(e)).toBe("medium")
  })

  it("a service's logfmt records=0 after full runs, no request ids (runs told apart by time)", () => {
    const g = "/ecs/ledger-export"
    const lines = [
      line(g, at(1, 6), 'level=info msg="export done" table=invoices rows=5120'),
      line(g, at(1, 7), 'level=info msg="export done" table=invoices rows=4980'),
      line(g, at(1, 8), 'level=warn msg="export done" table=invoices rows=0'),
      line(g, at(1, 9), 'level=warn msg="export done" table=invoices rows=0'),
    ]
    const [e] = emptyRunsOf(lines)
    expect(e?.emptyRuns).toBe(2)
    expect(e?.lastCount).toBe(4980)
    expect(e === undefined ? null : emptyRunSeverity(e)).toBe("high")
  })

  it("plain words: processed N files, then 'no files found in /mnt/inbox/…, nothing to process'", () => {
    const g = "/aws/batch/job"
    const lines = [
      line(g, at(1, 1), "processed 312 files from /mnt/inbox/claims/20270301"),
      line(g, at(2, 1), "no files found in /mnt/inbox/claims/20270302, nothing to process"),
    ]
    const [e] = emptyRunsOf(lines)
    expect(e?.path).toBe("/mnt/inbox/claims/20270302")
    expect(e?.lastCount).toBe(312)
  })

  it("decoy: an input empty at every run gives nothing", () => {
    const g = "/aws/lambda/refund-sweeper"
    const lines = [1, 2, 3].map((d) => line(g, at(d, 3), "nothing to process: 0 records pending"))
    expect(emptyRunsOf(lines)).toEqual([])
  })

  it("decoy: one empty run at a quiet hour the next run recovered from is low", () => {
    const g = "/aws/lambda/order-sync"
    const lines = [
      line(g, at(1, 1), "synced records=88"),
      line(g, at(1, 2), "synced records=71"),
      line(g, at(1, 3), "skipping: empty batch, records=0"),
      line(g, at(1, 4), "synced records=93"),
    ]
    const [e] = emptyRunsOf(lines)
    expect(e?.recovered).toBe(true)
    expect(e === undefined ? null : emptyRunSeverity(e)).toBe("low")
  })

  it("decoy: an input with empties among its full runs is low", () => {
    const g = "/aws/lambda/order-sync"
    const lines = [
      line(g, at(1, 1), "synced records=0"),
      line(g, at(1, 2), "synced records=71"),
      line(g, at(1, 3), "synced records=0"),
    ]
    const [e] = emptyRunsOf(lines)
    expect(e === undefined ? null : emptyRunSeverity(e)).toBe("low")
  })

  it("decoy: another input going empty is not compared with one that flows", () => {
    const g = "/aws/lambda/feed"
    const lines = [
      line(g, at(1, 1), "partner=alpha keys=12"),
      line(g, at(2, 1), "partner=beta keys=0"),
      line(g, at(2, 1, 1), "partner=alpha keys=12"),
    ]
    expect(emptyRunsOf(lines)).toEqual([])
  })

  it("decoy: an always-empty input logged as prefix=s3://… is not compared with one that flows", () => {
    const g = "/aws/lambda/loader"
    const lines = [1, 2, 3].flatMap((d) => [
      line(g, at(d, 5), `lab=north prefix=s3://inbox/north/2027-03-0${d}/ objects=${d === 3 ? 0 : 200}`),
      line(g, at(d, 5, 1), `lab=east prefix=s3://inbox/east/2027-03-0${d}/ objects=0 - nothing to process`),
    ])
    const [e, ...rest] = emptyRunsOf(lines)
    expect(rest).toEqual([])
    expect(e?.path).toBe("s3://inbox/north/2027-03-03/")
  })

  it("a request id's digits before 'no objects found' are not a count", () => {
    const g = "/aws/lambda/loader"
    const lines = [
      line(g, at(1, 5), "[INFO]\tt\t0f1e2d3c-0002-4a5b-8c9d-222222222222\tsite=a imported 198 files"),
      line(g, at(2, 5), "[WARNING]\tt\t0f1e2d3c-0003-4a5b-8c9d-333333333333\tno objects found (site=a)"),
    ]
    expect(emptyRunsOf(lines)[0]?.lastCount).toBe(198)
  })

  it("decoy: lines that count nothing, or error lines, are not runs", () => {
    const g = "/aws/lambda/thumbs"
    const lines = [
      line(g, at(1, 1), "[ERROR] RenderError: font not found"),
      line(g, at(1, 2), "Task timed out after 30.01 seconds"),
      line(g, at(1, 3), "REPORT RequestId: x Duration: 8602.11 ms Memory Size: 512 MB"),
    ]
    expect(emptyRunsOf(lines)).toEqual([])
  })
})
