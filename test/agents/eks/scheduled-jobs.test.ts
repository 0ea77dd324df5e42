/**
 * Scheduled jobs that did not run, could not finish or ran at a bad time (scheduled-jobs.ts): a
 * suspended CronJob, runs skipped behind a hung one, a deadline-killed run with the run active
 * beside it, a batch run on the alerting service's database. Each with a variant and a red
 * herring that must not produce the finding (a run merely in progress, an old failure, a
 * CronJob the alert is not about, a run on another host).
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { eksFinding } from "../../../src/agents/eks/eks-finding.js"
import type { AlertTerms } from "../../../src/agents/eks/relevance.js"
import {
  blockedFinding,
  cronJobsInScope,
  duration,
  failedRunFinding,
  hostsNamed,
  overlappingRunFindings,
  scheduledJobFindings,
  suspendedFinding,
} from "../../../src/agents/eks/scheduled-jobs.js"
import { Container } from "../../../src/domain/kubernetes.js"
import { CronJob, Job } from "../../../src/domain/kubernetes-batch.js"
import { Deployment } from "../../../src/domain/kubernetes-workloads.js"
import { ctx, event, scoped } from "./fixtures/objects.js"

// ctx: alert 2026-11-27T13:05Z, evidence window 12:35–13:10.
type Json = Record<string, unknown>

const cron = (name: string, spec: Json = {}, status: Json = {}, ns = "shop") =>
  Schema.decodeUnknownSync(CronJob)({
    metadata: { name, namespace: ns, uid: `uid-${name}`, labels: { "app.kubernetes.io/name": name } },
    spec: { schedule: "0 3 * * *", concurrencyPolicy: "Forbid", ...spec },
    status,
  })

const job = (name: string, owner: string, status: Json, spec: Json = {}, ns = "shop") =>
  Schema.decodeUnknownSync(Job)({
    metadata: {
      name,
      namespace: ns,
      ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: owner, controller: true }],
    },
    spec,
    status,
  })

const terms = (t: Partial<AlertTerms>): AlertTerms => ({
  names: new Set(),
  pod: null,
  node: null,
  namespace: null,
  keywords: [],
  ...t,
})

describe("duration", () => {
  it("reads minutes, hours and days", () => {
    expect([duration(12 * 60_000), duration(185 * 60_000), duration((24 * 60 + 40) * 60_000)]).toEqual([
      "12m",
      "3h05m",
      "1d 0h40m",
    ])
  })
})

describe("cronJobsInScope", () => {
  const all = [cron("payslip-mailer"), cron("tmp-cleanup"), cron("payslip-mailer", {}, {}, "other")]

  it("takes the CronJob a named run belongs to, in the alert's namespace only", () => {
    const s = cronJobsInScope(
      terms({ names: new Set(["payslip-mailer-29411100"]), namespace: "shop" }),
      all,
      [],
    )
    expect([...s].map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(["shop/payslip-mailer"])
  })

  it("matches a person's words against the CronJob's name", () => {
    const s = cronJobsInScope(terms({ keywords: ["payslip", "mailer", "missing"] }), all.slice(0, 2), [])
    expect([...s].map((c) => c.metadata.name)).toEqual(["payslip-mailer"])
  })

  it("takes a namespace's CronJobs for a namespace-only alert, but none as matched by name", () => {
    const t = terms({ namespace: "shop" })
    expect(cronJobsInScope(t, all, []).size).toBe(2)
    expect(cronJobsInScope(t, all, [], true).size).toBe(0)
  })

  it("takes none when the alert names another workload outright", () => {
    expect(cronJobsInScope(terms({ names: new Set(["checkout-api"]) }), all.slice(0, 2), []).size).toBe(0)
  })
})

describe("suspendedFinding", () => {
  it("names a suspended CronJob with its last run", () => {
    const f = suspendedFinding(
      cron(
        "payslip-mailer",
        { suspend: true, schedule: "30 5 * * 1-5" },
        { lastScheduleTime: "2026-11-25T05:30:00Z" },
      ),
      ctx,
    )
    expect([f?.kind, f?.severity, f?.resource]).toEqual([
      "cronjob_suspended",
      "high",
      "cronjob/shop/payslip-mailer",
    ])
    expect(f?.title).toContain("CronJob suspended (spec.suspend: true)")
    expect(f?.title).toContain("last run scheduled 2026-11-25 05:30 UTC")
  })

  it("is nothing for a CronJob that is not suspended", () => {
    expect(suspendedFinding(cron("payslip-mailer", { suspend: false }), ctx)).toBeNull()
    expect(suspendedFinding(cron("payslip-mailer"), ctx)).toBeNull()
  })
})

describe("blockedFinding", () => {
  const hung = job("nightly-export-29400000", "nightly-export", {
    active: 1,
    startTime: "2026-11-26T03:00:00Z",
  })
  const previous = job("nightly-export-29398560", "nightly-export", {
    succeeded: 1,
    startTime: "2026-11-25T03:00:00Z",
    completionTime: "2026-11-25T03:20:00Z",
  })
  const c = cron(
    "nightly-export",
    {},
    { active: [{ kind: "Job", name: "nightly-export-29400000", namespace: "shop" }] },
  )
  const skipped = event({
    kind: "CronJob",
    name: "nightly-export",
    reason: "JobAlreadyActive",
    type: "Normal",
    message: "Not starting job because prior execution is running and concurrency policy is Forbid",
    at: "2026-11-27T03:00:00Z",
  })

  it("names the hung run and since when from the controller's JobAlreadyActive", () => {
    const f = blockedFinding(c, [hung, previous], [skipped], ctx)
    expect(f?.kind).toBe("cronjob_blocked")
    expect(f?.title).toBe(
      "nightly-export: run skipped, prior run still running (JobAlreadyActive, concurrencyPolicy Forbid) — nightly-export-29400000 active since 2026-11-26 03:00 UTC (1d 10h10m)",
    )
    expect(f?.detail).toContain("no activeDeadlineSeconds")
  })

  it("sees a run far past its usual length under Forbid once the events expired", () => {
    const f = blockedFinding(c, [hung, previous], [], ctx)
    expect(f?.title).toContain("nightly-export-29400000 active since 2026-11-26 03:00 UTC")
    expect(f?.detail).toContain("the last completed run took 20m")
    expect(f?.title).not.toContain("JobAlreadyActive")
  })

  it("is nothing for a run merely in progress, or under a policy that allows overlap", () => {
    const fresh = job("nightly-export-29401440", "nightly-export", {
      active: 1,
      startTime: "2026-11-27T12:50:00Z",
    })
    expect(blockedFinding(c, [fresh, previous], [], ctx)).toBeNull()
    expect(
      blockedFinding(cron("nightly-export", { concurrencyPolicy: "Allow" }), [hung, previous], [], ctx),
    ).toBeNull()
  })
})

describe("failedRunFinding", () => {
  const c = cron("ledger-export")
  const failed = (at: string) =>
    job(
      "ledger-export-29400060",
      "ledger-export",
      {
        failed: 1,
        startTime: "2026-11-27T11:00:00Z",
        conditions: [
          {
            type: "Failed",
            status: "True",
            reason: "DeadlineExceeded",
            message: "Job was active longer than specified deadline",
            lastTransitionTime: at,
          },
        ],
      },
      { activeDeadlineSeconds: 5400 },
    )
  const vacuum = job("table-maint-29400055", "table-maint", { active: 1, startTime: "2026-11-27T10:55:00Z" })

  it("names a deadline-killed run and the run active beside it all along", () => {
    const f = failedRunFinding(c, [failed("2026-11-27T12:30:01Z"), vacuum], ctx)
    expect([f?.kind, f?.resource, f?.service]).toEqual([
      "job_failed",
      "job/shop/ledger-export-29400060",
      "ledger-export",
    ])
    expect(f?.title).toContain(
      "DeadlineExceeded blocked beside table-maint-29400055 (CronJob table-maint, running since 10:55 UTC",
    )
  })

  it("names the failure alone when nothing ran beside it", () => {
    const later = job("report-29400070", "report", {
      succeeded: 1,
      startTime: "2026-11-27T11:30:00Z",
      completionTime: "2026-11-27T11:31:00Z",
    })
    const f = failedRunFinding(c, [failed("2026-11-27T12:30:01Z"), later], ctx)
    expect(f?.title).toBe(
      "ledger-export: Job ledger-export-29400060 DeadlineExceeded — Job was active longer than specified deadline (activeDeadlineSeconds 5400)",
    )
  })

  it("is nothing for a failure days old", () => {
    expect(failedRunFinding(c, [failed("2026-11-24T12:30:01Z"), vacuum], ctx)).toBeNull()
  })
})

describe("hostsNamed", () => {
  it("reads hosts from URLs of any scheme and bare host variables, not cluster-wide ones", () => {
    const hosts = hostsNamed([
      Schema.decodeUnknownSync(Container)({
        name: "x",
        env: [
          {
            name: "SPRING_DATASOURCE_URL",
            value: "jdbc:postgresql://orders-db.abc123.eu-west-1.rds.amazonaws.com:5432/orders",
          },
          { name: "PGHOST", value: "ledger-db.cluster-xyz.eu-west-1.rds.amazonaws.com" },
          { name: "S3_TARGET", value: "s3://backups/orders" },
          { name: "CACHE", value: "redis.cache.svc" },
        ],
      }),
    ])
    expect([...hosts.keys()]).toEqual([
      "orders-db.abc123.eu-west-1.rds.amazonaws.com",
      "ledger-db.cluster-xyz.eu-west-1.rds.amazonaws.com",
    ])
  })
})

describe("hostsNamed with Secrets", () => {
  it("reads an address kept in a Secret as that Secret, not a password", () => {
    const hosts = hostsNamed([
      Schema.decodeUnknownSync(Container)({
        name: "x",
        env: [
          { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "ledger-db", key: "url" } } },
          { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "ledger-db-admin", key: "password" } } },
        ],
      }),
    ])
    expect([...hosts]).toEqual([["ledger-db (Secret)", "DATABASE_URL"]])
  })
})

describe("overlappingRunFindings", () => {
  const db = "catalog-pg.q1w2e3.us-east-2.rds.amazonaws.com"
  const api = scoped({
    deployments: [
      Schema.decodeUnknownSync(Deployment)({
        metadata: { name: "catalog-api", namespace: "shop", uid: "uid-catalog-api" },
        spec: {
          replicas: 3,
          template: {
            spec: {
              containers: [
                { name: "api", env: [{ name: "DATABASE_URL", value: `postgres://app@${db}:5432/catalog` }] },
              ],
            },
          },
        },
        status: { readyReplicas: 3 },
      }),
    ],
  })
  const template = (host: string) => ({
    template: { spec: { containers: [{ name: "dump", env: [{ name: "DB_HOST", value: host }] }] } },
  })
  const run = (start: string, host = db, status: Json = {}) =>
    job("catalog-dump-29400180", "catalog-dump", { active: 1, startTime: start, ...status }, template(host))
  const c = cron("catalog-dump", { schedule: "0 2,12 * * *" })

  it("ties a dump started before the alert on the service's database to the service", () => {
    const [f, ...rest] = overlappingRunFindings(api, [c], [run("2026-11-27T12:50:00Z")], ctx)
    expect(rest).toEqual([])
    expect([f?.kind, f?.severity, f?.resource, f?.service]).toEqual([
      "batch_overlap",
      "high",
      "deployment/shop/catalog-api",
      "catalog-api",
    ])
    expect(f?.title).toBe(
      `catalog-api: CronJob catalog-dump running against ${db}, which catalog-api uses — run catalog-dump-29400180 started 12:50 UTC, still active (schedule "0 2,12 * * *")`,
    )
  })

  it("counts the runs of one CronJob piling up, in one finding", () => {
    const runs = ["12:40", "12:45", "12:50"].map((t, i) =>
      job(
        `catalog-dump-2940017${i}`,
        "catalog-dump",
        { active: 1, startTime: `2026-11-27T${t}:00Z` },
        template(db),
      ),
    )
    const findings = overlappingRunFindings(
      api,
      [cron("catalog-dump", { concurrencyPolicy: "Allow" })],
      runs,
      ctx,
    )
    expect(findings.map((f) => f.title)).toEqual([
      `catalog-api: CronJob catalog-dump with 3 runs active at once (overlapping, concurrencyPolicy Allow) running against ${db}, which catalog-api uses — run catalog-dump-29400170 started 12:40 UTC, still active (schedule "0 3 * * *")`,
    ])
  })

  it("is nothing for a run on another host, a finished run or one started hours before", () => {
    expect(
      overlappingRunFindings(
        api,
        [c],
        [run("2026-11-27T12:50:00Z", "other-pg.q1w2e3.us-east-2.rds.amazonaws.com")],
        ctx,
      ),
    ).toEqual([])
    expect(
      overlappingRunFindings(
        api,
        [c],
        [run("2026-11-27T12:50:00Z", db, { active: 0, completionTime: "2026-11-27T12:55:00Z" })],
        ctx,
      ),
    ).toEqual([])
    expect(overlappingRunFindings(api, [c], [run("2026-11-27T07:50:00Z")], ctx)).toEqual([])
  })
})

describe("scheduledJobFindings", () => {
  it("flags a suspended CronJob the alert describes, not one that merely shares its namespace", () => {
    const input = {
      cronJobs: [cron("payslip-mailer", { suspend: true }), cron("tmp-cleanup", { suspend: true })],
      jobs: [],
      events: [],
      workloads: [],
      findings: [],
      ctx,
    }
    const described = scheduledJobFindings({ ...input, terms: terms({ keywords: ["payslips", "payslip"] }) })
    expect(described.map((f) => f.resource)).toEqual(["cronjob/shop/payslip-mailer"])
    expect(scheduledJobFindings({ ...input, terms: terms({ namespace: "shop" }) })).toEqual([])
  })

  it("does not report a failed run twice when its pods' events already did", () => {
    const c = cron("ledger-export")
    const failed = job("ledger-export-29400060", "ledger-export", {
      failed: 1,
      startTime: "2026-11-27T11:00:00Z",
      conditions: [
        {
          type: "Failed",
          status: "True",
          reason: "BackoffLimitExceeded",
          lastTransitionTime: "2026-11-27T12:40:00Z",
        },
      ],
    })
    const input = {
      terms: terms({ names: new Set(["ledger-export"]), namespace: "shop" }),
      cronJobs: [c],
      jobs: [failed],
      events: [],
      workloads: [],
      ctx,
    }
    expect(scheduledJobFindings({ ...input, findings: [] }).map((f) => f.kind)).toEqual(["job_failed"])
    const already = eksFinding({
      kind: "job_failed",
      title: "ledger-export: 1 Job run failed — BackoffLimitExceeded",
      detail: "",
      severity: "high",
      observedAt: null,
      resource: "job/shop/ledger-export-29400060",
      service: "ledger-export",
    })
    expect(scheduledJobFindings({ ...input, findings: [already] })).toEqual([])
  })
})
