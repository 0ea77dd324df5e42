/**
 * A release's migration Job that failed while its new pods name a missing column or table: the
 * missing-schema words of Postgres, MySQL, SQLite and ORMs; the migration's own error, not a
 * traceback's connective line; the Job of the same release only — not another service's Job, an
 * older release's Job, a Job days before, or one that completed.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  failedOrPending,
  migrationErrorOf,
  migrationFailureFinding,
  missingSchemaLine,
  sameRelease,
} from "../../../src/agents/eks/migration-failures.js"
import { Job } from "../../../src/domain/kubernetes-batch.js"
import { ctx, pod, workloadNamed } from "./fixtures/objects.js"

const image = "registry.example/basket-api:v3.2.0"
const api = workloadNamed(
  {
    pods: [
      pod({
        name: "basket-api-7d9f8c6b5-k2x9q",
        owner: { kind: "ReplicaSet", name: "basket-api-7d9f8c6b5" },
        containers: [{ name: "web", image }],
      }),
    ],
  },
  "basket-api",
)

const job = (
  name: string,
  extra: {
    labels?: Record<string, string>
    image?: string
    created?: string
    failed?: boolean
    done?: boolean
  } = {},
) =>
  Schema.decodeUnknownSync(Job)({
    metadata: {
      name,
      namespace: "shop",
      labels: extra.labels ?? {},
      creationTimestamp: extra.created ?? "2026-11-27T12:50:00Z",
    },
    spec: { template: { spec: { containers: [{ name: "migrate", image: extra.image ?? image }] } } },
    status: {
      failed: extra.failed === false ? 0 : 2,
      succeeded: extra.done === true ? 1 : 0,
      conditions: [
        ...(extra.failed === false
          ? []
          : [{ type: "Failed", status: "True", reason: "BackoffLimitExceeded" }]),
        ...(extra.done === true ? [{ type: "Complete", status: "True" }] : []),
      ],
    },
  })

const log = (text: string) => [{ pod: "p", container: "web", previous: true, text }]

describe("missingSchemaLine", () => {
  it("Postgres, Django, MySQL, SQLite and SQL Server words for a missing column or table", () => {
    expect(
      missingSchemaLine(log('psycopg.errors.UndefinedColumn: column "cohort_id" does not exist')),
    ).not.toBeNull()
    expect(
      missingSchemaLine(log('ERROR: relation "loyalty_points" does not exist at character 15')),
    ).not.toBeNull()
    expect(
      missingSchemaLine(log("Error: ER_BAD_FIELD_ERROR: Unknown column 'tier' in 'field list'")),
    ).not.toBeNull()
    expect(missingSchemaLine(log("sqlite3.OperationalError: no such table: coupons"))).not.toBeNull()
    expect(missingSchemaLine(log("Table 'shop.coupons' doesn't exist"))).not.toBeNull()
    expect(missingSchemaLine(log("Invalid column name 'Tier'."))).not.toBeNull()
  })

  it("decoy: other database errors name no missing schema", () => {
    expect(missingSchemaLine(log("ERROR: duplicate key value violates unique constraint"))).toBeNull()
    expect(missingSchemaLine(log("FATAL: password authentication failed for user app"))).toBeNull()
  })
})

describe("migrationErrorOf", () => {
  it("the last raised error, not a traceback's connective line", () => {
    const text = [
      "Running migrations:",
      '  File "/app/manage.py", line 22, in <module>',
      'psycopg.errors.NotNullViolation: column "cohort_id" contains null values',
      "The above exception was the direct cause of the following exception:",
      'django.db.utils.IntegrityError: column "cohort_id" contains null values',
      "The above exception was the direct cause of the following exception:",
    ].join("\n")
    expect(migrationErrorOf(text)).toBe(
      'django.db.utils.IntegrityError: column "cohort_id" contains null values',
    )
    expect(migrationErrorOf("Flyway: Migration V42__add_tier.sql failed\nERROR: lock timeout")).toBe(
      "ERROR: lock timeout",
    )
    expect(migrationErrorOf("")).toBeNull()
  })
})

describe("sameRelease and failedOrPending", () => {
  it("named after the workload or labelled with its app, running its image now", () => {
    expect(sameRelease(job("basket-api-migrate-3-2-0"), api)).toBe(true)
    expect(sameRelease(job("db-upgrade", { labels: { "app.kubernetes.io/name": "basket-api" } }), api)).toBe(
      true,
    )
  })

  it("decoys: another service's migration; the same service's older image", () => {
    expect(
      sameRelease(job("loyalty-api-migrate-1-4-0", { image: "registry.example/loyalty-api:v1.4.0" }), api),
    ).toBe(false)
    expect(
      sameRelease(job("basket-api-migrate-3-1-0", { image: "registry.example/basket-api:v3.1.0" }), api),
    ).toBe(false)
  })

  it("failed, or not complete; a completed Job is no failure", () => {
    expect(failedOrPending(job("basket-api-migrate"))).toBe(true)
    expect(failedOrPending(job("basket-api-migrate", { failed: false }))).toBe(true)
    expect(failedOrPending(job("basket-api-migrate", { failed: false, done: true }))).toBe(false)
  })
})

describe("migrationFailureFinding", () => {
  const missing = "django.db.utils.ProgrammingError: column baskets_basket.tier does not exist"
  it("a high change naming the Job, its error and what is missing, filed under the workload", () => {
    const f = migrationFailureFinding(
      api,
      job("basket-api-migrate-3-2-0"),
      missing,
      "IntegrityError: nulls",
      ctx,
    )
    expect(f?.kind).toBe("migration_failed")
    expect(f?.severity).toBe("high")
    expect(f?.resource).toBe("deployment/shop/basket-api")
    expect(f?.title).toContain("migration Job shop/basket-api-migrate-3-2-0")
    expect(f?.title).toContain("failed (BackoffLimitExceeded): IntegrityError: nulls")
    expect(f?.title).toContain("(column baskets_basket.tier does not exist)")
  })

  it("decoy: a failed migration Job from days before is not this release's", () => {
    const old = job("basket-api-migrate-3-2-0", { created: "2026-11-20T09:00:00Z" })
    expect(migrationFailureFinding(api, old, missing, null, ctx)).toBeNull()
  })
})
