/**
 * A connection exhaustion's cause names the consumer holding the database's slots
 * (connection_holder), only when the chain's own evidence names that database: a holder on
 * another database, or a chain that is no connection exhaustion, stays out.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const refused = (service: string, line: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:01",
  resource: "loggroup//aws/containerinsights/prod/application",
  service,
  title: `${service}: ${line} (×40)`,
})
const configured = (service: string, host: string): Spec => ({
  agent: "eks",
  kind: "configured_dependencies",
  severity: "info",
  at: "12:50",
  resource: `deployment/shop/${service}`,
  service,
  title: `${service} is configured to reach ${host} (DATABASE_HOST)`,
})
const holder = (workload: string, server: string): Spec => ({
  agent: "prometheus",
  kind: "connection_holder",
  severity: "high",
  at: "12:58",
  resource: `metric/${server}/connections/${workload.replace(/-/g, "_")}`,
  service: workload,
  title: `${workload} holds 280 of 300 connections (12 at 12:00) on ${server}, scaled 3 → 30 replicas`,
  excerpt: `${workload} scaled 3 → 30 replicas and holds 280 of 300 connections`,
})

describe("the consumer that exhausted a shared database's connections", () => {
  it.each([
    ["quotes-api", "FATAL: sorry, too many clients already", "quotes-pg"],
    [
      "rota-api",
      "FATAL: remaining connection slots are reserved for non-replication superuser connections",
      "rota-db",
    ],
    ["loyalty-api", "Too many connections (1040)", "loyalty-mysql"],
  ])("names the holder in %s's cause", (service, line, db) => {
    const findings = numbered([
      refused(service, line),
      configured(service, `${db}.c1.eu-west-1.rds.amazonaws.com`),
      holder("batch-exporter", db),
    ])
    const text = causesFor(facts({ service }), findings)[0]?.text ?? ""
    expect(text).toContain("batch-exporter scaled 3 → 30 replicas and holds 280 of 300 connections")
  })

  it("leaves out a holder on another database", () => {
    const findings = numbered([
      refused("quotes-api", "FATAL: sorry, too many clients already"),
      configured("quotes-api", "quotes-pg.c1.eu-west-1.rds.amazonaws.com"),
      holder("batch-exporter", "analytics-pg"),
    ])
    expect(causesFor(facts({ service: "quotes-api" }), findings)[0]?.text).not.toContain("batch-exporter")
  })

  it("leaves it out of a chain that is no connection exhaustion", () => {
    const findings = numbered([
      refused("quotes-api", "ERROR NullPointerException in QuoteController"),
      configured("quotes-api", "quotes-pg.c1.eu-west-1.rds.amazonaws.com"),
      holder("batch-exporter", "quotes-pg"),
    ])
    expect(causesFor(facts({ service: "quotes-api" }), findings)[0]?.text).not.toContain("batch-exporter")
  })
})
