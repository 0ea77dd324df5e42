/**
 * The follow-up's scope (follow-up-scope.ts): from the cluster agent's strongest finding about a
 * workload, else any specialist's strong finding naming a service, only when the alert names no
 * scope of its own (or only a guess no finding confirms); skipped agents and those that found
 * nothing under the alert's names are asked again.
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
    ["an HPA at its max (named after the workload it scales)", "hpa/analytics/board-api", "board-api"],
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

  it("decoy: a cluster agent that errored, or a logs finding below high, gives no scope", () => {
    expect(
      followUpScope(unscoped, [
        result("cloudwatch_logs", "ok", [
          finding(
            "cloudwatch_logs",
            "medium",
            "loggroup//aws/containerinsights/c/application",
            "doc-converter",
          ),
        ]),
        result("eks", "error", [
          finding("eks", "high", "deployment/pipeline/doc-converter", "doc-converter"),
        ]),
      ]),
    ).toBeNull()
  })

  it.each([
    ["a logs signature", "cloudwatch_logs", "loggroup//aws/containerinsights/c/application", "ledger-writer"],
    ["a metric anomaly", "prometheus", "metric/ledger-writer/hikari_pool", "ledger-writer"],
    ["a logs finding on a Deployment", "cloudwatch_logs", "deployment/books/ledger-writer", "ledger-writer"],
  ] as const)(
    "any specialist's high finding naming a service gives the scope: %s",
    (_w, agent, resource, service) => {
      const scope = followUpScope(unscoped, [
        result(agent, "ok", [finding(agent, "high", resource, service)]),
      ])
      expect(scope?.service).toBe(service)
      expect(scope?.namespace).toBe(resource.startsWith("deployment/") ? "books" : null)
    },
  )

  it("the cluster agent's workload finding comes before a stronger logs finding (it names the namespace)", () => {
    const scope = followUpScope(unscoped, [
      result("cloudwatch_logs", "ok", [
        finding("cloudwatch_logs", "critical", "loggroup//aws/lambda/x", "fare-sync"),
      ]),
      result("eks", "ok", [finding("eks", "medium", "deployment/pipeline/doc-converter", "doc-converter")]),
    ])
    expect(scope?.service).toBe("doc-converter")
  })

  it("decoy: a logs finding whose service is a path gives no scope", () => {
    expect(
      followUpScope(unscoped, [
        result("cloudwatch_logs", "ok", [finding("cloudwatch_logs", "high", null, "team/app")]),
      ]),
    ).toBeNull()
  })

  it("a person's guessed service that no finding confirms is no scope of its own", () => {
    const guessed: AlertFacts = {
      ...alertFacts("every kiosk shows red since opening, the attendants are counting by hand"),
      source: "human",
      service: "attendants",
    }
    const logs = finding(
      "cloudwatch_logs",
      "high",
      "loggroup//aws/containerinsights/c/application",
      "kiosk-auth",
    )
    expect(followUpScope(guessed, [result("cloudwatch_logs", "ok", [logs])])?.service).toBe("kiosk-auth")
    // Decoy: a guess a finding confirms (`kiosk` names kiosk-auth) keeps the report's own scope.
    expect(
      followUpScope({ ...guessed, service: "kiosk" }, [result("cloudwatch_logs", "ok", [logs])]),
    ).toBeNull()
  })
})

describe("agentsToRescope and withScope", () => {
  it("skipped agents and those that found nothing under the alert's names are asked again", () => {
    const summarised = (r: AgentResult, summary: string): AgentResult => ({ ...r, summary })
    expect(
      agentsToRescope([
        result("prometheus", "skipped", []),
        result("cloudwatch_logs", "skipped", []),
        result("eks", "ok", []),
      ]),
    ).toEqual(["prometheus", "eks"])
    expect(
      agentsToRescope([
        summarised(
          result("eks", "ok", [finding("eks", "info", "node/ip-1", null)]),
          "no workload matching lifties found",
        ),
        summarised(
          result("prometheus", "ok", [finding("prometheus", "high", "metric/x/redis_memory", "x")]),
          "saturation sweep: x; no metric query applies: error_rate (the alert names no service)",
        ),
      ]),
    ).toEqual(["eks", "prometheus"])
    // Decoys: an agent that errored, and one that found something in scope.
    expect(
      agentsToRescope([
        result("prometheus", "error", []),
        result("eks", "ok", [finding("eks", "high", "deployment/a/b", "b")]),
      ]),
    ).toEqual([])
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

describe("an alarm's name resolved to a kin workload", () => {
  const alarm: AlertFacts = { ...unscoped, source: "cloudwatch", service: "haulwise-prod-rate-quote" }
  const eks = result("eks", "ok", [
    finding("eks", "high", "deployment/pricing/rate-quote-engine", "rate-quote-engine"),
  ])

  it("is followed up with the workload's scope, the logs agent re-asked too", () => {
    const first = [eks, result("prometheus", "ok", []), result("cloudwatch_logs", "ok", [])]
    expect(followUpScope(alarm, first)).toEqual({
      service: "rate-quote-engine",
      namespace: "pricing",
      workload: "rate-quote-engine",
    })
    expect(agentsToRescope(first, alarm)).toEqual(["prometheus", "cloudwatch_logs"])
  })

  it("resolves nothing when a finding names the alarm's own service", () => {
    const named = result("eks", "ok", [
      finding("eks", "high", "deployment/pricing/haulwise-prod-rate-quote", "haulwise-prod-rate-quote"),
    ])
    expect(followUpScope(alarm, [named, result("prometheus", "ok", [])])).toBeNull()
  })

  it("resolves nothing when two workloads are kin (a guess is no scope)", () => {
    const two = result("eks", "ok", [
      finding("eks", "high", "deployment/pricing/rate-quote-engine", "rate-quote-engine"),
      finding("eks", "high", "deployment/pricing/rate-quote-cache", "rate-quote-cache"),
    ])
    expect(agentsToRescope([two, result("cloudwatch_logs", "ok", [])], alarm)).toEqual([])
  })
})

describe("an alert that names a namespace and nothing the metric templates can query", () => {
  const inNamespace = (namespace: string, container: string | null): AlertFacts => ({
    ...unscoped,
    namespace,
    container,
  })

  it.each([
    [
      "a Deployment (OOMKilled container)",
      "billing",
      "engine",
      "deployment/billing/ledger-writer",
      "ledger-writer",
    ],
    ["a StatefulSet (crash-looping)", "search", null, "statefulset/search/index-node", "index-node"],
    ["a Job's pods", "etl", "worker", "job/etl/nightly-export", "nightly-export"],
  ])("follows the cluster agent's workload in that namespace: %s", (_what, ns, container, resource, name) => {
    const first = [
      result("eks", "ok", [finding("eks", "high", resource, name)]),
      result("prometheus", "skipped", []),
    ]
    const scope = followUpScope(inNamespace(ns, container), first)
    expect(scope).toEqual({ service: name, namespace: ns, workload: name })
    expect(agentsToRescope(first)).toEqual(["prometheus"])
  })

  it("a pod finding scopes by service and namespace (no workload of its own)", () => {
    const scope = followUpScope(inNamespace("billing", "engine"), [
      result("eks", "ok", [finding("eks", "high", "pod/billing/ledger-writer-7d9f-abcde", "ledger-writer")]),
    ])
    expect(scope).toEqual({ service: "ledger-writer", namespace: "billing", workload: null })
  })

  it("decoy: a workload the cluster agent found in another namespace is no scope", () => {
    expect(
      followUpScope(inNamespace("billing", "engine"), [
        result("eks", "ok", [finding("eks", "critical", "deployment/payments/card-api", "card-api")]),
      ]),
    ).toBeNull()
  })

  it("decoy: a logs finding naming a service gives a namespace-scoped alert no scope", () => {
    expect(
      followUpScope(inNamespace("billing", "engine"), [
        result("cloudwatch_logs", "ok", [
          finding("cloudwatch_logs", "high", "loggroup//aws/containerinsights/c/application", "edge-gw"),
        ]),
      ]),
    ).toBeNull()
  })

  it("decoy: an alert naming its workload as well keeps its own scope", () => {
    expect(
      followUpScope({ ...inNamespace("billing", "engine"), workload: "ledger-writer" }, [
        result("eks", "ok", [finding("eks", "high", "deployment/billing/ledger-writer", "ledger-writer")]),
      ]),
    ).toBeNull()
  })

  it("a low cluster finding in the namespace is not enough", () => {
    expect(
      followUpScope(inNamespace("billing", "engine"), [
        result("eks", "ok", [finding("eks", "low", "deployment/billing/ledger-writer", "ledger-writer")]),
      ]),
    ).toBeNull()
  })
})

describe("a person's report naming nothing: the workload that changed and then failed", () => {
  const report: AlertFacts = {
    ...alertFacts("the app is really slow for everyone right now, pages take ages to load"),
    source: "human",
  }
  const of = (kind: string, severity: Severity, resource: string, service: string): Finding => ({
    ...finding("eks", severity, resource, service),
    kind: kind as Finding["kind"],
  })
  const crash = of("crash_loop", "critical", "pod/batch/report-renderer-5f6c7d8b9-qq2lk", "report-renderer")
  const rollout = of("rollout", "medium", "deployment/web/notes-api", "notes-api")

  it.each([
    ["readiness probe failing", "probe_failure", "pod/web/notes-api-6d9b8c7f5-7hq2x"],
    ["its pods restarting", "crash_loop", "pod/web/notes-api-6d9b8c7f5-7hq2x"],
    ["its logs erring", "container_logs", "deployment/web/notes-api"],
  ])("comes before a stronger crash loop nothing changed (%s)", (_what, kind, resource) => {
    const scope = followUpScope(report, [
      result("eks", "ok", [crash, of(kind, "medium", resource, "notes-api"), rollout]),
      result("prometheus", "skipped", []),
    ])
    expect(scope?.service).toBe("notes-api")
    expect(scope?.namespace).toBe("web")
  })

  it("decoy: a rollout whose workload is healthy leaves the strongest failure first", () => {
    const scope = followUpScope(report, [result("eks", "ok", [crash, rollout])])
    expect(scope?.service).toBe("report-renderer")
  })

  it("decoy: a monitor's alert keeps plain strength", () => {
    const probe = of("probe_failure", "medium", "pod/web/notes-api-6d9b8c7f5-7hq2x", "notes-api")
    const scope = followUpScope(unscoped, [result("eks", "ok", [crash, probe, rollout])])
    expect(scope?.service).toBe("report-renderer")
  })

  it("the chat scanners that found nothing are asked again with the name; skipped ones are not", () => {
    const chat = [
      result("discord_scanner", "ok", []),
      result("slack_scanner", "skipped", []),
      result("prometheus", "skipped", []),
    ]
    expect(agentsToRescope(chat, report)).toEqual(["discord_scanner", "prometheus"])
    // Decoys: a monitor's alert, and a scanner that already found something.
    expect(agentsToRescope(chat, unscoped)).toEqual(["prometheus"])
    const found = finding("discord_scanner", "medium", "channel/1", "notes-api")
    expect(agentsToRescope([result("discord_scanner", "ok", [found])], report)).toEqual([])
  })
})
