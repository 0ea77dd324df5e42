/**
 * A proxy's timeout as a cause: the service's own "broken pipe" when it finally answers is the
 * cut, not a second cause; what made the requests slow (the service's slow-call lines) is named;
 * a broken pipe with no proxy timeout stays the service's own errors.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const exportFacts = facts({ alertName: "IngressHigh5xx", namespace: "billing", workload: "statement-export" })

const cut: Spec = {
  agent: "cloudwatch_logs",
  kind: "proxy_timeout",
  severity: "high",
  at: "13:01",
  resource: "loggroup//aws/containerinsights/prod/application",
  service: "statement-export",
  title:
    "ingress-nginx cut 9 request(s) to statement-export at its 30s proxy-read-timeout: 504 Gateway Timeout",
}
const brokenPipe: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "13:02",
  resource: "pod/billing/statement-export-7d9c-abcde",
  service: "statement-export",
  title:
    'statement-export: current app container logged "ERROR write failed: java.io.IOException: Broken pipe (client disconnected)"',
}
const slowCall: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "low",
  at: "12:59",
  resource: "pod/billing/statement-export-7d9c-abcde",
  service: "statement-export",
  title:
    'statement-export: current app container logged "WARN slow dependency call target=ledger-db duration_ms=41000"',
}

describe("a proxy's timeout", () => {
  it("leads one cause with the service's broken pipes, not a cause beside them", () => {
    const causes = causesFor(exportFacts, numbered([cut, brokenPipe]))
    expect(causes[0]?.text).toMatch(/^timeouts/)
    expect(causes[0]?.text).toContain("proxy-read-timeout")
    expect(causes.map((c) => c.text).filter((t) => /broken pipe/i.test(t))).toHaveLength(1)
  })

  it("names the dependency the service's slow-call lines blame", () => {
    const [top] = causesFor(exportFacts, numbered([cut, slowCall]))
    expect(top?.text).toContain("ledger-db")
    expect(top?.text).toContain("proxy-read-timeout")
  })

  it("is not read into a broken pipe alone", () => {
    const [top] = causesFor(exportFacts, numbered([brokenPipe]))
    expect(top?.text).not.toMatch(/timeout/i)
  })
})
