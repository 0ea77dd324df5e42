/**
 * The follow-up's scope (follow-up-scope.ts): from the cluster agent's strongest finding about a
 * workload, only when the alert names no scope of its own; only a skipped metric agent is asked
 * again.
 */
import { describe, expect, it } from "vitest"
import type { SpecialistId } from "../../src/domain/agent-id.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import { type AlertFacts, extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Finding } from "../../src/domain/finding.js"
import { agentsToRescope, followUpScope, withScope } from "../../src/domain/follow-up-scope.js"
import type { Severity } from "../../src/domain/severity.js"

const finding = (
  agent: SpecialistId,
  severity: Severity,
  resource: string | null,
  service: string | null,
): Finding => ({
  id: `${agent}#1`,
  agent,
  title: `${service ?? "something"} in trouble`,
  detail: "",
  severity,
  kind: "pod_pending",
  observedAt: null,
  resource,
  service,
  link: null,
  excerpt: null,
})

const result = (
  agent: SpecialistId,
  status: AgentResult["status"],
  findings: ReadonlyArray<Finding>,
): AgentResult => ({
  agent,
  status,
  findings,
  summary: "",
  reason: status === "skipped" ? "no metric query applies" : null,
  scanned: [],
  usage: [],
  durationMs: 0,
})

const alertFacts = (text: string): AlertFacts => extractFacts(text, defaultConfig.severity.labels)

const unscoped: AlertFacts = alertFacts(
  "[FIRING:1] DocConvertQueueBacklog (doc-convert-prod)\nOldest message in SQS queue doc-convert-prod is 40m old",
)

describe("followUpScope", () => {
  it("names the workload of the strongest medium-or-above cluster finding", () => {
    const scope = followUpScope(unscoped, [
      result("eks", "ok", [
        finding("eks", "info", "deployment/pipeline/doc-converter", "doc-converter"),
        finding("eks", "medium", "deployment/tools/glossary-sync", "glossary-sync"),
        finding("eks", "high", "deployment/pipeline/doc-converter", "doc-converter"),
      ]),
      result("prometheus", "skipped", []),
    ])
    expect(scope).toEqual({ service: "doc-converter", namespace: "pipeline", workload: "doc-converter" })
  })

  it.each([
    ["a pod", "pod/integrations/directory-sync-worker-5d6f7a8b9c-n4t8q", null],
    ["a StatefulSet", "statefulset/data/ledger-db", "ledger-db"],
    ["a CronJob", "cronjob/billing/invoice-run", "invoice-run"],
  ])("a finding about %s gives its namespace (and workload name)", (_what, resource, workload) => {
    const scope = followUpScope(unscoped, [result("eks", "ok", [finding("eks", "high", resource, "svc-x")])])
    expect(scope?.namespace).toBe(resource.split("/")[1])
    expect(scope?.workload).toBe(workload)
    expect(scope?.service).toBe("svc-x")
  })

  it("decoy: the alert names a service already: no follow-up", () => {
    const scoped = alertFacts(
      "[FIRING:1] KubePodCrashLooping\nPod payments/payments-api-6c9f7d8b4-q7x2m is crash looping",
    )
    expect(
      followUpScope(scoped, [
        result("eks", "ok", [finding("eks", "high", "deployment/payments/payments-api", "payments-api")]),
      ]),
    ).toBeNull()
  })

  it.each([
    ["only low findings", [finding("eks", "low", "deployment/pipeline/doc-converter", "doc-converter")]],
    [
      "a finding not about a workload (a certificate, a node)",
      [
        finding("eks", "high", "certificate/shop/web-tls", "web-tls"),
        finding("eks", "high", "node/ip-10-0-0-1", null),
      ],
    ],
    [
      "a workload finding without a service",
      [finding("eks", "high", "deployment/pipeline/doc-converter", null)],
    ],
  ])("decoy: %s gives no scope", (_what, findings) => {
    expect(followUpScope(unscoped, [result("eks", "ok", findings)])).toBeNull()
  })

  it("decoy: findings from agents other than the cluster's, or a cluster agent that errored, give no scope", () => {
    expect(
      followUpScope(unscoped, [
        result("cloudwatch_logs", "ok", [
          finding("cloudwatch_logs", "high", "deployment/pipeline/doc-converter", "doc-converter"),
        ]),
        result("eks", "error", [
          finding("eks", "high", "deployment/pipeline/doc-converter", "doc-converter"),
        ]),
      ]),
    ).toBeNull()
  })
})

describe("agentsToRescope and withScope", () => {
  it("only a skipped metric agent is asked again", () => {
    expect(
      agentsToRescope([
        result("prometheus", "skipped", []),
        result("cloudwatch_logs", "skipped", []),
        result("eks", "ok", []),
      ]),
    ).toEqual(["prometheus"])
    expect(agentsToRescope([result("prometheus", "ok", []), result("prometheus", "error", [])])).toEqual([])
  })

  it("fills the scope and keeps the alert's own facts", () => {
    const facts = withScope(unscoped, {
      service: "doc-converter",
      namespace: "pipeline",
      workload: "doc-converter",
    })
    expect(facts).toMatchObject({
      service: "doc-converter",
      namespace: "pipeline",
      workload: "doc-converter",
    })
    expect(facts.alertName).toBe(unscoped.alertName)
    expect(facts.keywords).toEqual(unscoped.keywords)
  })
})
