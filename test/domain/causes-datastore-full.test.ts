/**
 * A managed database out of storage behind a person's report: the client's failed writes quote
 * the server's words for a full volume and the database's own log group says the same, so the
 * cause names the database and the client's errors are its consequence. Not: a pod's own disk
 * full (no database log says it, or the client quotes no server words), nor a database log with
 * an unrelated error.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const report = facts({ alertName: null, keywords: ["parcel", "labels"], service: "label-printer" })

const client = (title: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "12:52",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service: "label-printer",
  title: `label-printer: ${title} (×4)`,
})

const dbLog = (group: string, service: string, title: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "12:51",
  resource: `loggroup/${group}`,
  service,
  title: `${service}: ${title} (×3)`,
})

const postgresFull = dbLog(
  "/aws/rds/instance/parcels-main-pg/postgresql",
  "parcels-main-pg",
  'ERROR: could not extend file "base/16384/2619.3": No space left on device',
)

describe("a database out of storage behind its client's failed writes", () => {
  it("names the RDS Postgres instance, the client's errors as its consequence", () => {
    const causes = causesFor(
      report,
      numbered([
        client(
          'ERROR POST /labels 500 err="pq: could not extend file \\"base/16384/2619.3\\": No space left on device"',
        ),
        postgresFull,
      ]),
    )
    expect(causes[0]?.text).toMatch(/^volume full \(No space left on device\) in parcels-main-pg, causing/)
    expect(causes[0]?.text).toContain("in label-printer")
    expect(causes).toHaveLength(1)
  })

  it("reads a MySQL table full on an Aurora cluster's error log", () => {
    const causes = causesFor(
      report,
      numbered([
        client("ERROR save label failed: Error 1114 (HY000): The table 'labels' is full"),
        dbLog(
          "/aws/rds/cluster/parcels-aurora/error",
          "parcels-aurora",
          "[ERROR] [MY-012144] [InnoDB] posix_fallocate(): Failed to preallocate data for file ./parcels/labels.ibd, OS error 28 (No space left on device); The table 'labels' is full",
        ),
      ]),
    )
    expect(causes[0]?.text).toContain("in parcels-aurora")
    expect(causes[0]?.text).toContain("label-printer")
  })

  it("reads a driver that gives only the SQLSTATE with the kernel's words", () => {
    const causes = causesFor(
      report,
      numbered([
        client("ERROR insert label: SQLSTATE 53100 disk full: No space left on device"),
        dbLog(
          "/aws/rds/instance/parcels-main-pg/postgresql",
          "parcels-main-pg",
          'PANIC: could not write to file "pg_wal/xlogtemp.812": No space left on device',
        ),
      ]),
    )
    expect(causes[0]?.text).toContain("in parcels-main-pg")
  })

  it("keeps a pod's own ephemeral disk full on the pod's service when no database log says it", () => {
    const ownDisk = client("ERROR render label: write /tmp/render-88.pdf: no space left on device")
    const causes = causesFor(report, numbered([ownDisk]))
    expect(causes[0]?.text).toMatch(/^volume full \(No space left on device\) in label-printer/)
  })

  it("keeps the client's own disk full its own though a database is full too", () => {
    const causes = causesFor(
      report,
      numbered([
        client("ERROR render label: write /tmp/render-88.pdf: no space left on device"),
        postgresFull,
      ]),
    )
    expect(causes[0]?.text).toMatch(/in label-printer/)
    expect(causes.map((c) => c.text).join("\n")).not.toContain("parcels-main-pg")
  })

  it("does not make a database log with an unrelated error the cause", () => {
    const causes = causesFor(
      report,
      numbered([
        client(
          'ERROR POST /labels 500 err="pq: could not extend file \\"base/16384/2619.3\\": No space left on device"',
        ),
        dbLog(
          "/aws/rds/instance/parcels-main-pg/postgresql",
          "parcels-main-pg",
          'FATAL: password authentication failed for user "reporting"',
        ),
      ]),
    )
    expect(causes[0]?.text).toMatch(/in label-printer/)
    expect(causes.map((c) => c.text).join("\n")).not.toContain("password authentication")
  })
})
