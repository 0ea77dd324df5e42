/**
 * A schema migration Job that finished just before a workload's lock errors: recognised by name,
 * labels, image or args; its id; what its log says it created; the lock errors' onset in the
 * workload's lines — not a migration that ran after the errors began or hours before, nor a
 * batch Job that migrates nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  isMigrationJob,
  lockErrorsSince,
  migrationChangeFinding,
  migrationIdOf,
  schemaObjectsOf,
} from "../../../src/agents/eks/migration-jobs.js"
import { Job } from "../../../src/domain/kubernetes-batch.js"
import { ctx, deployment, workloadNamed } from "./fixtures/objects.js"

const job = (
  name: string,
  extra: {
    labels?: Record<string, string>
    args?: ReadonlyArray<string>
    image?: string
    done?: string
  } = {},
) =>
  Schema.decodeUnknownSync(Job)({
    metadata: { name, namespace: "catalog", labels: extra.labels ?? {} },
    spec: {
      template: {
        spec: { containers: [{ name: "run", image: extra.image ?? "registry/x:1", args: extra.args ?? [] }] },
      },
    },
    status: { succeeded: 1, completionTime: extra.done ?? "2026-11-27T12:50:00Z" },
  })

const api = workloadNamed({ deployments: [deployment({ name: "basket-api" })] }, "basket-api")
const locksAt = Date.parse("2026-11-27T12:55:00Z")

describe("isMigrationJob and migrationIdOf", () => {
  it("by name, label, image or args; the id from a label, --target, or the name's number", () => {
    expect(isMigrationJob(job("schema-migrate-0412"))).toBe(true)
    expect(isMigrationJob(job("db-step", { image: "registry/flyway:10" }))).toBe(true)
    expect(isMigrationJob(job("release-7", { args: ["alembic", "upgrade", "head"] }))).toBe(true)
    expect(isMigrationJob(job("nightly-report-2941"))).toBe(false)
    expect(migrationIdOf(job("x-migrate", { labels: { migration: "0412" } }))).toBe("0412")
    expect(migrationIdOf(job("x-migrate", { args: ["migrate", "--target", "20261127_add_idx"] }))).toBe(
      "20261127_add_idx",
    )
    expect(migrationIdOf(job("schema-migrate-0412"))).toBe("0412")
  })
})

describe("schemaObjectsOf", () => {
  it("triggers, functions, indexes and altered tables, as the log states them", () => {
    const log = [
      "CREATE OR REPLACE FUNCTION bump_counts() RETURNS trigger",
      "CREATE TRIGGER trg_bump AFTER INSERT ON basket_lines FOR EACH ROW EXECUTE FUNCTION bump_counts()",
      "CREATE UNIQUE INDEX IF NOT EXISTS idx_basket_owner ON baskets (owner_id)",
      "ALTER TABLE baskets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners(id)",
    ].join("\n")
    expect(schemaObjectsOf(log)).toEqual([
      "function bump_counts()",
      "trigger trg_bump",
      "index idx_basket_owner",
      "table baskets altered",
    ])
  })
})

describe("lockErrorsSince", () => {
  it("the earliest line naming a deadlock or lock timeout (Postgres, MySQL); other errors do not count", () => {
    const logs = [
      {
        pod: "p",
        container: "c",
        previous: false,
        text: "2026-11-27T12:40:00Z ERROR timeout calling pricing\n2026-11-27T12:57:00Z ERROR Deadlock found when trying to get lock; try restarting transaction",
      },
      {
        pod: "q",
        container: "c",
        previous: false,
        text: "2026-11-27T12:55:00Z ERROR pq: canceling statement due to lock timeout (SQLSTATE 55P03)",
      },
    ]
    expect(lockErrorsSince(logs)).toBe(locksAt)
    expect(
      lockErrorsSince([
        { pod: "p", container: "c", previous: false, text: "2026-11-27T12:40:00Z ERROR boom" },
      ]),
    ).toBeNull()
  })
})

describe("migrationChangeFinding", () => {
  it("finished 5 min before the locks: a change of the workload naming the Job and what it created", () => {
    const f = migrationChangeFinding(
      api,
      job("schema-migrate-0412"),
      "CREATE TRIGGER trg_bump AFTER INSERT ON basket_lines",
      locksAt,
      ctx,
    )
    expect(f?.kind).toBe("schema_migration")
    expect(f?.service).toBe("basket-api")
    expect(f?.title).toBe(
      "migration 0412 (Job catalog/schema-migrate-0412) completed at 12:50 UTC, created trigger trg_bump — 5 min before basket-api's lock errors",
    )
  })

  it("decoys: finished after the locks began, or hours before", () => {
    expect(
      migrationChangeFinding(
        api,
        job("schema-migrate-0412", { done: "2026-11-27T12:58:00Z" }),
        "",
        locksAt,
        ctx,
      ),
    ).toBeNull()
    expect(
      migrationChangeFinding(
        api,
        job("schema-migrate-0412", { done: "2026-11-27T08:00:00Z" }),
        "",
        locksAt,
        ctx,
      ),
    ).toBeNull()
  })
})
