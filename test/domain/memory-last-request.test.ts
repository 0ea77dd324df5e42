/**
 * The operation OOM-killed instances died running: named when every killed instance's log ends
 * on the same unfinished request or job (other stacks, id keys and size words), with its size and
 * the size such work last finished at; not for differing last lines, health checks, access logs,
 * finished work, a leak's logs or a single instance.
 */
import { describe, expect, it } from "@effect/vitest"
import { inFlightAtEnd, repeatedLastRequest } from "../../src/domain/memory-last-request.js"

const exportRun = (attempt: number) => `2026-03-02T04:00:01Z [INFO] app: ready
2026-03-02T04:01:10Z [INFO] app.access: 10.0.0.9 "GET /v1/orchards/o-12 HTTP/1.1" 200 12ms
2026-03-02T04:02:00Z [INFO] app.exports: POST /v1/exports/nightly tenant=bluecrest-growers export_id=ex_77Kq attempt=${attempt}
2026-03-02T04:02:01Z [INFO] app.exports: running export query mode=in_memory
2026-03-02T04:02:44Z [INFO] app.exports: fetched export_id=ex_77Kq rows=5120334; writing workbook
`

describe("repeatedLastRequest", () => {
  it("names a Python service's export every killed instance died in, with its row count", () => {
    const op = repeatedLastRequest([
      { pod: "p-1", text: exportRun(2) },
      { pod: "p-2", text: exportRun(3) },
    ])
    expect(op?.id).toBe("export_id=ex_77Kq")
    expect(op?.started).toBe("POST /v1/exports/nightly tenant=bluecrest-growers export_id=ex_77Kq attempt=2")
    expect(op?.size).toBe("rows=5120334")
    expect(op?.pods).toEqual(["p-1", "p-2"])
  })

  it("reads a JVM worker's job id and byte size, and the size the same tenant's job last finished at", () => {
    const run = `12:00:01.114 INFO  c.l.ReportWorker - picked job jobId=rpt-9001 account=harbor-lines kind=annual
12:00:03.200 INFO  c.l.ReportWorker - loading ledger bytes=2.4GB into heap
`
    const earlier =
      "11:00:00.000 INFO  c.l.ReportWorker - report completed jobId=rpt-8800 account=harbor-lines bytes=310MB\n"
    const op = repeatedLastRequest(
      [
        { pod: "w-a", text: run },
        { pod: "w-b", text: run },
      ],
      [{ pod: "w-c", text: earlier }],
    )
    expect(op?.id).toBe("jobid=rpt-9001")
    expect(op?.size).toBe("bytes=2.4GB")
    expect(op?.lastFinished).toBe("bytes=310MB")
  })

  it("reads a Go consumer's batch with an item count and no logger prefix", () => {
    const run = `time=2026-03-02T04:00:00Z level=info msg="start" batch_id=b-4411 items=880000
time=2026-03-02T04:00:09Z level=info msg="decoding payloads" batch_id=b-4411
`
    const op = repeatedLastRequest([
      { pod: "c-1", text: run },
      { pod: "c-2", text: run },
      { pod: "c-3", text: run },
    ])
    expect(op?.id).toBe("batch_id=b-4411")
    expect(op?.size).toBe("items=880000")
  })

  it("is null when each instance died on different ordinary traffic", () => {
    const a = `${exportRun(1)}`
    const b = exportRun(1).replaceAll("ex_77Kq", "ex_12Zz")
    expect(
      repeatedLastRequest([
        { pod: "p-1", text: a },
        { pod: "p-2", text: b },
      ]),
    ).toBeNull()
  })

  it("is null when the last line is a health check or an access-log line", () => {
    const probe = `${exportRun(1)}2026-03-02T04:02:50Z [INFO] app.access: 10.0.0.1 "GET /healthz HTTP/1.1" 200 1ms\n`
    expect(
      repeatedLastRequest([
        { pod: "p-1", text: probe },
        { pod: "p-2", text: probe },
      ]),
    ).toBeNull()
  })

  it("is null when the operation finished before the kill", () => {
    const done = `${exportRun(1)}2026-03-02T04:03:30Z [INFO] app.exports: export completed export_id=ex_77Kq rows=5120334\n`
    expect(
      repeatedLastRequest([
        { pod: "p-1", text: done },
        { pod: "p-2", text: done },
      ]),
    ).toBeNull()
  })

  it("is null for a leak's logs (no operation id) and for a single killed instance", () => {
    const leak = "INFO cache size 81234 entries\nINFO served 1200 requests in 60s\n"
    expect(
      repeatedLastRequest([
        { pod: "p-1", text: leak },
        { pod: "p-2", text: leak },
      ]),
    ).toBeNull()
    expect(repeatedLastRequest([{ pod: "p-1", text: exportRun(1) }])).toBeNull()
  })

  it("ignores a process id, which names no operation", () => {
    expect(inFlightAtEnd("INFO Booting worker with pid=8\nINFO worker pid=9 loading\n")).toBeNull()
  })
})
