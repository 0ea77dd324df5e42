/**
 * A batch run that completed while its own log shows every write failed, then published the empty
 * result (hollow-batch-runs.ts): a reindex that swapped an alias, a load that promoted a table, an
 * export that deleted the previous copy — not a run that wrote nothing because nothing was new,
 * one that failed and stopped before publishing, nor one that wrote its rows.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { ScopedWorkload } from "../../../src/agents/eks/eks-finding.js"
import { hollowRun, hollowRunFinding, readerOf } from "../../../src/agents/eks/hollow-batch-runs.js"
import { Container } from "../../../src/domain/kubernetes.js"
import { Job } from "../../../src/domain/kubernetes-batch.js"
import { ctx, deployment, workloadNamed } from "./fixtures/objects.js"

const reindex = [
  "2026-11-27T12:00:04Z INFO  reindex start target_index=products-20261127 alias=products-current",
  "2026-11-27T12:00:31Z ERROR bulk batch 1/900 failed: 500/500 items failed: cluster_block_exception",
  "2026-11-27T12:10:10Z WARN  progress batches=450/900 indexed=0 failed=225000",
  "2026-11-27T12:13:49Z WARN  bulk finished indexed=0 failed=450000 batches_failed=900",
  "2026-11-27T12:13:52Z INFO  alias products-current swapped: products-20261126 -> products-20261127",
  "2026-11-27T12:13:53Z INFO  deleted previous index products-20261126",
  "2026-11-27T12:13:54Z INFO  reindex complete exit=0",
].join("\n")

const warehouseLoad = [
  'level=info msg="load started" table=orders_staging',
  'level=error msg="copy failed" errors: 3141 reason="permission denied for schema analytics"',
  'level=info msg="0 rows loaded into orders_staging"',
  'level=info msg="table orders_staging promoted to orders_daily"',
].join("\n")

const export_ = [
  "[export] writing snapshot catalog-snapshot-v9",
  "[export] all 12 batches failed: AccessDenied on s3://catalog-snapshots",
  "[export] written: 0",
  "[export] removed the previous snapshot catalog-snapshot-v8",
].join("\n")

describe("hollowRun", () => {
  it.each([
    ["a reindex that swapped its alias", reindex, "indexed=0 failed=450000"],
    ["a warehouse load that promoted its table", warehouseLoad, "0 rows loaded"],
    ["an export that removed the previous copy", export_, "written: 0"],
  ])("finds %s", (_what, log, zero) => {
    const run = hollowRun(log)
    expect(run?.zero).toContain(zero)
    expect(run?.published.length).toBeGreaterThan(0)
  })

  it("takes the final tally, not a progress line on the way", () => {
    expect(hollowRun(reindex)?.zero).toContain("bulk finished")
  })

  it("decoy: nothing new to write, no failures, published as usual", () => {
    const incremental = [
      "INFO sync start since=2026-11-27T11:00:00Z",
      "INFO upserted=0 (no changes since last run)",
      "INFO alias products-current swapped: products-a -> products-b",
    ].join("\n")
    expect(hollowRun(incremental)).toBeNull()
  })

  it("decoy: every write failed and the run stopped before publishing", () => {
    const stopped = [
      "ERROR bulk batch 1/900 failed: 500/500 items failed",
      "WARN bulk finished indexed=0 failed=450000",
      "ERROR doc count 0 below minimum 1000: alias not changed, exiting 1",
    ].join("\n")
    expect(hollowRun(stopped)).toBeNull()
  })

  it("decoy: a run that wrote its documents", () => {
    const good = [
      "WARN bulk batch 7/900 had 3 rejected items, retried",
      "INFO bulk finished indexed=449997 failed=3",
      "INFO alias products-current swapped: products-20261126 -> products-20261127",
    ].join("\n")
    expect(hollowRun(good)).toBeNull()
  })
})

const job = Schema.decodeUnknownSync(Job)({
  metadata: {
    name: "products-reindex-29744820",
    namespace: "shop",
    ownerReferences: [
      { apiVersion: "batch/v1", kind: "CronJob", name: "products-reindex", controller: true },
    ],
  },
  status: { succeeded: 1, completionTime: "2026-11-27T12:13:54Z" },
})

/** A workload whose container's env names `value`. */
const readingWith = (name: string, value: string, inScope = true): ScopedWorkload => {
  const w = workloadNamed({ deployments: [deployment({ name })] }, name, inScope)
  const d = w.deployment
  if (d === null || d === undefined) throw new Error("no deployment")
  const containers = [Schema.decodeUnknownSync(Container)({ name, env: [{ name: "INDEX_ALIAS", value }] })]
  return {
    ...w,
    deployment: {
      ...d,
      spec: {
        ...d.spec,
        template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers } },
      },
    },
  }
}

describe("hollowRunFinding and readerOf", () => {
  const run = hollowRun(reindex)
  if (run === null) throw new Error("the reindex log is a hollow run")

  it("files the run under the in-scope workload that reads what it published", () => {
    const api = readingWith("catalog-api", "products-current")
    const reader = readerOf(run, [readingWith("orders-api", "orders-live"), api])
    expect(reader?.name).toBe("catalog-api")
    const f = hollowRunFinding(job, run, reader, ctx)
    expect(f).toMatchObject({
      kind: "hollow_batch_run",
      severity: "high",
      service: "catalog-api",
      resource: "deployment/shop/catalog-api",
    })
    expect(f.title).toContain("products-reindex")
    expect(f.title).toContain("indexed=0")
  })

  it("decoy: a workload out of scope, or reading another alias, is no reader: the run files itself", () => {
    const reader = readerOf(run, [
      readingWith("catalog-api", "products-current", false),
      readingWith("orders-api", "orders-live"),
    ])
    expect(reader).toBeNull()
    const f = hollowRunFinding(job, run, reader, ctx)
    expect(f).toMatchObject({ service: "products-reindex", resource: "job/shop/products-reindex-29744820" })
  })
})
