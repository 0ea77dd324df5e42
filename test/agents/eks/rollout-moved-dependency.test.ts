/**
 * A rollout that moved where a dependency is (stop 22): an endpoint variable pointed at another
 * host — renamed (DB_HOST → DATABASE_HOST) or under the same name — while the failing lines say
 * the workload cannot reach a dependency, though they name only an address. Decoys: a rename
 * that keeps the host, a moved host with no reach failure, a moved non-endpoint setting.
 */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { movedDependency } from "../../../src/agents/eks/rollout-moved-dependency.js"
import { PodTemplate } from "../../../src/domain/kubernetes-workloads.js"

const template = (env: Record<string, string>, name = "app") =>
  Schema.decodeUnknownSync(PodTemplate)({
    spec: { containers: [{ name, env: Object.entries(env).map(([k, value]) => ({ name: k, value })) }] },
  })

const dbTimeout =
  "2026-05-06T03:12:10Z FATAL cannot reach database, exiting (error: dial tcp 10.60.14.22:5432: i/o timeout)"

describe("movedDependency", () => {
  it("pairs a renamed host variable pointing at another host with a reach failure", () => {
    const c = movedDependency(
      template({ DB_HOST: "ledger-prod.cluster-a1.eu-west-1.rds.amazonaws.com", DB_PORT: "5432" }),
      template({
        DATABASE_HOST: "ledger-staging.cluster-b2.eu-west-1.rds.amazonaws.com",
        DATABASE_PORT: "5432",
      }),
      dbTimeout,
    )
    expect(c).toMatchObject({ name: "DATABASE_HOST", term: "database" })
    expect(c?.from).toBe("DB_HOST=ledger-prod.cluster-a1.eu-west-1.rds.amazonaws.com")
    expect(c?.to).toContain("ledger-staging")
  })

  it("reads a URL moved under the same name and a refused connection (Redis wording)", () => {
    const c = movedDependency(
      template({ REDIS_URL: "redis://sessions-cache.prod.svc:6379/0", LOG_LEVEL: "info" }),
      template({ REDIS_URL: "redis://sessions-cache.qa.svc:6379/0", LOG_LEVEL: "debug" }),
      'level=error msg="redis ping failed" err="dial tcp 10.2.0.9:6379: connect: connection refused"',
    )
    expect(c).toMatchObject({ name: "REDIS_URL", term: "redis" })
  })

  it("picks the moved endpoint the failing line names, and an address when it names no kind", () => {
    const before = template({ PAYMENTS_API_ENDPOINT: "https://pay.internal", KAFKA_BROKERS: "kafka-a:9092" })
    const after = template({
      PAYMENTS_API_ENDPOINT: "https://pay-v2.internal",
      KAFKA_BROKERS: "kafka-b:9092",
    })
    expect(movedDependency(before, after, "ERROR kafka: connection refused to broker")?.name).toBe(
      "KAFKA_BROKERS",
    )
    expect(movedDependency(before, after, "ERROR connect ECONNREFUSED 10.9.8.7:443")).toMatchObject({
      name: "PAYMENTS_API_ENDPOINT",
      term: "10.9.8.7:443",
    })
  })

  it("never shows a password a URL carries", () => {
    const c = movedDependency(
      template({ ORDERS_DB_URL: "postgres://app:s3cretpw@orders-db.prod:5432/orders" }),
      template({ ORDERS_DB_URL: "postgres://app:s3cretpw@orders-db.dev:5432/orders" }),
      "FATAL could not connect to server: Connection timed out",
    )
    expect(c).not.toBeNull()
    expect(`${c?.from} ${c?.to}`).not.toContain("s3cretpw")
  })

  it("decoy: a rename that keeps the host is a coordinated change", () => {
    expect(
      movedDependency(
        template({ DB_HOST: "ledger-prod.rds" }),
        template({ DATABASE_HOST: "ledger-prod.rds" }),
        dbTimeout,
      ),
    ).toBeNull()
  })

  it("decoy: a moved host while nothing fails to reach anything", () => {
    expect(
      movedDependency(
        template({ DB_HOST: "ledger-prod.rds" }),
        template({ DB_HOST: "ledger-prod-2.rds" }),
        "ERROR order 1182 rejected: insufficient funds",
      ),
    ).toBeNull()
  })

  it("decoy: a changed setting that is no endpoint (LOG_LEVEL, FEATURE_FLAGS)", () => {
    expect(
      movedDependency(
        template({ LOG_LEVEL: "info", FEATURE_FLAGS: "a.b" }),
        template({ LOG_LEVEL: "debug", FEATURE_FLAGS: "a.c" }),
        dbTimeout,
      ),
    ).toBeNull()
  })
})
