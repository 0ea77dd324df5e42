/**
 * Beside a poison message, another function's one-off error is lowered (poison-bystanders.ts);
 * repeated errors, the alert's own service and the consumer's lines keep their severity.
 */
import { describe, expect, it } from "@effect/vitest"
import { besidePoison } from "../../../src/agents/cloudwatch-logs/poison-bystanders.js"
import type { Finding } from "../../../src/domain/finding.js"

const finding = (service: string, title: string, kind: Finding["kind"] = "log_signature"): Finding => ({
  id: "",
  agent: "cloudwatch_logs",
  title,
  detail: "d.",
  severity: "high",
  kind,
  observedAt: null,
  resource: `loggroup/${service}`,
  service,
  link: null,
  excerpt: null,
})
const poison = [
  finding("orders-consumer", "orders-consumer: the same message m1 failed 9 times", "message_redelivered"),
]

describe("besidePoison", () => {
  it("lowers another function's error logged once", () => {
    const f = besidePoison(
      poison,
      null,
    )(finding("orders-nightly-report", "orders-nightly-report: ERROR AccessDenied (×1)"))
    expect(f.severity).toBe("low")
    expect(f.detail).toContain("poison message")
  })

  it("keeps repeated errors, the alert's own service and the consumer's lines", () => {
    const lower = besidePoison(poison, "orders-billing")
    expect(lower(finding("orders-api", "orders-api: ERROR timeout (×12)")).severity).toBe("high")
    expect(lower(finding("orders-billing", "orders-billing: ERROR boom (×1)")).severity).toBe("high")
    expect(lower(finding("orders-consumer", "orders-consumer: ERROR TypeError (×1)")).severity).toBe("high")
  })

  it("changes nothing without a poison message", () => {
    const f = finding("orders-nightly-report", "orders-nightly-report: ERROR AccessDenied (×1)")
    expect(besidePoison([], null)(f)).toBe(f)
  })
})
