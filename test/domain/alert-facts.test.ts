/**
 * The public fixture's alert lines and the demo scenario's alert, each with every fact written
 * out by hand: a fact we do not list must be null, so an over-eager extractor fails here too.
 * Texts are copied verbatim from shared/fixtures/classification.jsonl and
 * shared/scenarios/oom-after-deploy.yaml (the repo's tests must not read outside the repo).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Schema } from "effect"
import { AlertFacts, extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { type Expected, project } from "./alert-facts-support.js"

const labels = defaultConfig.severity.labels
const facts = (text: string) => extractFacts(text, labels)

const oomAlert = `<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)
*Alert:* Pod payments/payments-api-6c9f7d8b4-q7x2m (api) is in waiting state (reason: "CrashLoopBackOff"). - \`critical\`
*Details:*
 • *alertname:* \`KubePodCrashLooping\`
 • *cluster:* \`eks-prod\`
 • *namespace:* \`payments\`
 • *pod:* \`payments-api-6c9f7d8b4-q7x2m\`
 • *severity:* \`critical\`
`

const fixture: ReadonlyArray<readonly [string, Expected]> = [
  [
    "<@U01SREBOT> [FIRING:1] KubeContainerWaiting (staging search)\n*Alert:* pod/search-indexer-0 in namespace search has been in waiting state for longer than 1 hour. - `warning`\n*Details:*\n • *alertname:* `KubeContainerWaiting`\n • *container:* `indexer`",
    {
      source: "alertmanager",
      alertName: "KubeContainerWaiting",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "search",
      pod: "search-indexer-0",
      workload: "search-indexer",
      container: "indexer",
      cluster: "staging",
      service: "search-indexer",
    },
  ],
  [
    "<@U01SREBOT> [FIRING:4] KubeJobFailed (batch reports-nightly)\nJob batch/reports-nightly-28871 failed to complete. severity: warning",
    {
      source: "alertmanager",
      alertName: "KubeJobFailed",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "batch",
      workload: "reports-nightly-28871",
      service: "reports-nightly-28871",
    },
  ],
  [
    "<@U01SREBOT> [FIRING:1] PrometheusRuleFailures prometheus-k8s-0 has failed to evaluate 12 rules in the last 5m.",
    { source: "alertmanager", alertName: "PrometheusRuleFailures", state: "firing" },
  ],
  [
    "<@U01SREBOT> **Firing**\n\nValue: B=812\nLabels:\n - alertname = Queue backlog\n - queue = email-send\nAnnotations:\n - description = SQS backlog above 500 for 15m\nSource: https://grafana.example.net/alerting/grafana/q8z/view",
    {
      source: "grafana",
      alertName: "Queue backlog",
      state: "firing",
      links: ["https://grafana.example.net/alerting/grafana/q8z/view"],
    },
  ],
  [
    "<@U01SREBOT> [Alerting] Redis memory fragmentation high on cache-1\nhttps://grafana.example.net/d/redis/redis-overview",
    {
      source: "grafana",
      alertName: "Redis memory fragmentation high on cache-1",
      state: "firing",
      links: ["https://grafana.example.net/d/redis/redis-overview"],
    },
  ],
  [
    "<@U01SREBOT> :warning: CloudWatch Alarm | ApiGateway-Latency-p99 | eu-west-1 | Account: 998877665544\nThreshold Crossed: 2 datapoints [2412.0, 2198.0] were greater than the threshold (1500.0).\nState: ALARM",
    {
      source: "cloudwatch",
      alertName: "ApiGateway-Latency-p99",
      state: "firing",
      region: "eu-west-1",
      account: "998877665544",
    },
  ],
  [
    '<@U01SREBOT> ALARM: "sqs-dlq-not-empty" in US East (N. Virginia) — ApproximateNumberOfMessagesVisible >= 1',
    { source: "cloudwatch", alertName: "sqs-dlq-not-empty", state: "firing", region: "us-east-1" },
  ],
  [
    "<@U01SREBOT> Triggered: [P2] Error rate on auth-service above 3% (env:prod) https://app.datadoghq.com/monitors/1234",
    {
      source: "datadog",
      alertName: "Error rate on auth-service above 3%",
      state: "firing",
      severityLabel: "P2",
      severity: "high",
      service: "auth-service",
      links: ["https://app.datadoghq.com/monitors/1234"],
    },
  ],
  [
    "<@U01SREBOT> Incident #1203 triggered on Core API: Health check /readyz failing on 3 hosts. Urgency: high",
    {
      source: "pagerduty",
      alertName: "Health check /readyz failing on 3 hosts",
      state: "firing",
      severityLabel: "Urgency: high",
      severity: "high",
      service: "core-api",
    },
  ],
  [
    "<@U01SREBOT> Regression in api-gateway: NullPointerException in OrderMapper.map — 340 events in 20 minutes",
    {
      source: "sentry",
      alertName: "NullPointerException in OrderMapper.map",
      state: "firing",
      service: "api-gateway",
    },
  ],
  [
    "<@U01SREBOT> billing-worker pods restarting every couple of minutes, can you take a look?",
    { source: "human", workload: "billing-worker", service: "billing-worker" },
  ],
  [
    "<@U01SREBOT> we're seeing timeouts talking to the orders DB from eks-prod, started ~15 min ago",
    { source: "human", cluster: "eks-prod" },
  ],
  ["<@U01SREBOT> the web app returns 504 Gateway Timeout for everyone", { source: "human" }],
  ["<@U01SREBOT> investigate please, something is off with the payment callbacks", { source: "human" }],
  [
    "<@U01SREBOT> SEV1 - full outage of the mobile API",
    { source: "human", severityLabel: "SEV1", severity: "critical" },
  ],
  [
    "<@U01SREBOT> image-service is crashlooping after the 2.14 rollout",
    { source: "human", service: "image-service" },
  ],
  [
    "<@U01SREBOT> CPU throttling on the ingest pods is through the roof, ingestion is lagging 40 min",
    { source: "human", workload: "ingest", service: "ingest" },
  ],
  [
    "<@U01SREBOT> Monitor is DOWN: api-health (https://api.example.net/healthz) — connection timeout",
    {
      source: "uptime",
      alertName: "api-health",
      state: "firing",
      links: ["https://api.example.net/healthz"],
    },
  ],
  [
    "<@U01SREBOT> CloudWatch alarm ecs-cart-CPUUtilization-high changed from OK to ALARM",
    { source: "cloudwatch", alertName: "ecs-cart-CPUUtilization-high", state: "firing", service: "cart" },
  ],
  ["<@U01SREBOT> disk full on the jenkins agent again, builds failing with ENOSPC", { source: "human" }],
]

describe("extractFacts on the public fixture's alerts", () => {
  it("covers all 20 alert lines", () => {
    expect(fixture).toHaveLength(20)
  })

  it.each(fixture)("%s", (text, expected) => {
    expect(project(facts(text))).toEqual(project(expected))
  })

  it("keeps the obvious search terms of each alert", () => {
    const keywords = (i: number) => facts(fixture[i]?.[0] ?? "").keywords
    expect(keywords(1)).toEqual(expect.arrayContaining(["reports-nightly-28871", "batch", "failed"]))
    expect(keywords(2)).toContain("prometheus-k8s-0")
    expect(keywords(3)).toEqual(expect.arrayContaining(["email-send", "backlog"]))
    expect(keywords(9)).toEqual(
      expect.arrayContaining(["nullpointerexception", "ordermapper.map", "api-gateway"]),
    )
    expect(keywords(12)).toEqual(expect.arrayContaining(["504", "timeout"]))
    expect(keywords(19)).toEqual(expect.arrayContaining(["enospc", "disk", "jenkins"]))
  })
})

describe("extractFacts on the oom-after-deploy alert", () => {
  const f = facts(oomAlert)

  it("reads every fact the Kubernetes agent scopes from", () => {
    expect(project(f)).toEqual(
      project({
        source: "alertmanager",
        alertName: "KubePodCrashLooping",
        state: "firing",
        severityLabel: "critical",
        severity: "critical",
        namespace: "payments",
        pod: "payments-api-6c9f7d8b4-q7x2m",
        workload: "payments-api",
        container: "api",
        cluster: "eks-prod",
        service: "payments-api",
      }),
    )
  })

  it("ranks the extracted names first in its keywords, then the error terms", () => {
    expect(f.keywords.slice(0, 3)).toEqual(["payments-api", "payments-api-6c9f7d8b4-q7x2m", "payments"])
    expect(f.keywords).toContain("crashloopbackoff")
    expect(f.keywords).not.toContain("alertname")
    expect(f.keywords).not.toContain("severity")
  })

  it("round-trips through the AlertFacts schema (it travels in A2A tasks as JSON)", () => {
    const encoded = Schema.encodeSync(AlertFacts)(f)
    const decoded = Schema.decodeUnknownSync(AlertFacts)(JSON.parse(JSON.stringify(encoded)))
    expect(decoded).toEqual(f)
  })

  it("reads the same facts from the Discord rendering of the same alert", () => {
    const discord = oomAlert
      .replace("<@U0SREBOT>", "<@1345319652556800001>")
      .replace(/\*([^*\n]+):\*/g, "**$1:**")
      .replaceAll(" • ", " - ")
    expect(project(facts(discord))).toEqual(project(f))
  })
})

describe("startsAt", () => {
  it("is null when the alert states no time", () => {
    expect(facts(oomAlert).startsAt).toBeNull()
  })

  it("keeps a labelled start time in UTC, with its offset applied", () => {
    const f = facts(
      "[FIRING:1] X\nStarts at: 2026-11-27 14:05:00.250 +0100 CET\nEnds at: 2026-11-27 15:00:00 +0000 UTC",
    )
    expect(f.startsAt === null ? null : DateTime.formatIso(f.startsAt)).toBe("2026-11-27T13:05:00.250Z")
  })
})
