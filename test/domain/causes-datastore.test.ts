/**
 * A connection exhaustion names the database it is on: the subject's configured datastore host
 * (a JDBC URL, a DSN, a `*_DB_HOST`), since a pool's "Connection is not available" and a server's
 * "too many clients" never name it. Not a cache or an HTTP API the service also reaches, and not
 * when the chain is no connection exhaustion.
 */
import { describe, expect, it } from "vitest"
import { configuredHosts } from "../../src/agents/eks/configured-dependencies.js"
import { configuredDatastore } from "../../src/domain/causes-datastore.js"
import { container, pod } from "../agents/eks/fixtures/objects.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const configured = (service: string, list: string): Spec => ({
  agent: "eks",
  kind: "configured_dependencies",
  severity: "info",
  at: "13:04",
  resource: `deployment/shop/${service}`,
  service,
  title: `${service} is configured to reach ${list}`,
})
const pool = (service: string, line: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:01",
  resource: "loggroup//aws/containerinsights/prod/application",
  service,
  title: `${service}: ${line} (×40)`,
})

describe("configuredDatastore", () => {
  it.each([
    ["orders-db.c1.us-east-2.rds.amazonaws.com (DB_URL)", "orders-db"],
    [
      "cart-cache.x.cache.amazonaws.com (REDIS_URL), billing-main.c2.rds.amazonaws.com (BILLING_HOST)",
      "billing-main",
    ],
    ["ledger.internal (PG_HOST)", "ledger"],
    ["inventory-mysql.shop.svc (INVENTORY_ADDR)", "inventory-mysql"],
  ])("%s → %s", (list, host) => {
    expect(configuredDatastore(numbered([configured("svc", list)]))).toBe(host)
  })

  it("is none for a cache and an HTTP API", () => {
    expect(
      configuredDatastore(
        numbered([configured("svc", "cart-cache.x (REDIS_URL), rates.example.com (RATES_URL)")]),
      ),
    ).toBeNull()
  })

  it("reads a JDBC URL's host", () => {
    const app = pod({
      name: "orders-0",
      containers: [
        container("app", {
          env: [{ name: "DB_URL", value: "jdbc:postgresql://orders-db.c1.rds.amazonaws.com:5432/orders" }],
        }),
        container("side", {
          env: [{ name: "REPORTS", value: "jdbc:sqlserver://reports-sql.corp:1433;databaseName=r" }],
        }),
      ],
    })
    const hosts = configuredHosts(app.spec.containers)
    expect(hosts.map((h) => [h.host, h.port])).toEqual([
      ["orders-db.c1.rds.amazonaws.com", 5432],
      ["reports-sql.corp", 1433],
    ])
  })
})

describe("a connection exhaustion's cause", () => {
  it.each([
    [
      "tickets-api",
      "HikariPool-1 - Connection is not available, request timed out after 30000ms",
      "tickets-db",
    ],
    ["fares-api", "FATAL: sorry, too many clients already", "fares-pg"],
    ["stock-api", "QueuePool limit of size 20 overflow 10 reached, connection timed out", "stock-mysql"],
  ])("names %s's configured database", (service, line, db) => {
    const findings = numbered([
      pool(service, line),
      configured(
        service,
        `${db}.c1.eu-west-1.rds.amazonaws.com (DATABASE_URL), ${service}-cache.x (REDIS_URL)`,
      ),
    ])
    const causes = causesFor(facts({ service }), findings)
    expect(causes[0]?.text).toContain(`(dependency: ${db})`)
  })

  it("does not name the database for a chain that is no connection exhaustion", () => {
    const findings = numbered([
      pool("tickets-api", "ERROR NullPointerException in OrderController"),
      configured("tickets-api", "tickets-db.c1.rds.amazonaws.com (DATABASE_URL)"),
    ])
    expect(causesFor(facts({ service: "tickets-api" }), findings)[0]?.text).not.toContain("tickets-db")
  })
})
