/**
 * A hand-built OOM-after-deploy investigation (the shape of scenarios/oom-after-deploy.yaml):
 * the Kubernetes agent sees the rollout, the OOMKilled pods and an unrelated ImagePullBackOff in
 * another namespace; the logs agent sees the heap running out and a caller failing; the Slack
 * scanner sees the deploy announcement. Builders keep each test to the fields it is about.
 */
import { DateTime } from "effect"
import type { AgentId } from "../../src/domain/agent-id.js"
import { type AgentResult, placeholderResult } from "../../src/domain/agent-result.js"
import { type AlertContext, investigationWindow } from "../../src/domain/alert-context.js"
import { type AlertFacts, extractFacts } from "../../src/domain/alert-facts.js"
import type { ReportInput } from "../../src/domain/build-report.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Finding } from "../../src/domain/finding.js"

export const at = (iso: string): DateTime.Utc => DateTime.unsafeMake(Date.parse(iso))

export const finding = (
  agent: AgentId,
  f: Partial<Omit<Finding, "agent">> & Pick<Finding, "title">,
): Finding => ({
  id: "",
  agent,
  detail: "",
  severity: "medium",
  kind: "signal",
  observedAt: null,
  resource: null,
  service: null,
  link: null,
  excerpt: null,
  ...f,
})

export const ok = (
  agent: AgentId,
  findings: ReadonlyArray<Finding>,
  extra: Partial<AgentResult> = {},
): AgentResult => ({
  agent,
  status: "ok",
  findings,
  summary: `${findings.length} findings`,
  reason: null,
  scanned: [],
  usage: [],
  durationMs: 1200,
  ...extra,
})

export const alertText = `<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)
*Alert:* Pod payments/payments-api-6c9f7d8b4-q7x2m (api) is in waiting state (reason: "CrashLoopBackOff"). - \`critical\`
*Details:*
 • *alertname:* \`KubePodCrashLooping\`
 • *cluster:* \`eks-prod\`
 • *namespace:* \`payments\`
 • *pod:* \`payments-api-6c9f7d8b4-q7x2m\`
 • *severity:* \`critical\``

export const alertTime = at("2026-11-27T13:05:00Z")

export const oomContext: AlertContext = {
  platform: "slack",
  workspace: "T0ACME",
  channel: "C0ALERTS",
  messageId: "1795784700.000200",
  threadId: "1795784700.000200",
  text: alertText,
  note: null,
  author: { id: "B0AM", name: "Alertmanager", bot: true },
  triggeredBy: "U0DANA",
  trigger: "mention",
  alertTime,
  receivedAt: alertTime,
  window: investigationWindow(alertTime, {
    evidenceBeforeMinutes: 30,
    evidenceAfterMinutes: 5,
    changeLookbackHours: 6,
  }),
}

export const oomFacts: AlertFacts = extractFacts(alertText, defaultConfig.severity.labels)

/** The same facts with no severity label (the findings decide). */
export const unlabelled: AlertFacts = { ...oomFacts, severityLabel: null, severity: null }

const pod = "pod/payments/payments-api-6c9f7d8b4-q7x2m"

export const eksFindings: ReadonlyArray<Finding> = [
  finding("eks", {
    title: "reports-cron-28871-zz4tq ImagePullBackOff",
    detail: "Back-off pulling image reports:v0.9.0-typo",
    severity: "high",
    kind: "image_pull",
    observedAt: at("2026-11-27T13:04:00Z"),
    resource: "pod/batch/reports-cron-28871-zz4tq",
    service: null,
  }),
  finding("eks", {
    title: "payments-api rolled out revision 7",
    detail:
      "revision 6 → 7, image payments-api:v2.13.2 → payments-api:v2.14.0; previous image 412345678901.dkr.ecr.us-east-1.amazonaws.com/payments-api:v2.13.2",
    severity: "info",
    kind: "rollout",
    observedAt: at("2026-11-27T13:01:02Z"),
    resource: "deployment/payments/payments-api",
    service: "payments-api",
  }),
  finding("eks", {
    title: "payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts",
    detail: "last terminated OOMKilled (exit 137) at 13:08:08; limit 512Mi",
    severity: "high",
    kind: "oom_killed",
    observedAt: at("2026-11-27T13:08:08Z"),
    resource: pod,
    service: "payments-api",
    link: "https://console.aws.amazon.com/eks/home#/clusters/eks-prod/pods/payments-api-6c9f7d8b4-q7x2m",
  }),
  finding("eks", {
    title: "payments-api has 0/2 ready replicas",
    detail: "Available=False MinimumReplicasUnavailable since 13:02:10",
    severity: "critical",
    kind: "availability",
    observedAt: at("2026-11-27T13:02:10Z"),
    resource: "deployment/payments/payments-api",
    service: "payments-api",
  }),
]

export const logsFindings: ReadonlyArray<Finding> = [
  finding("cloudwatch_logs", {
    title: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory (4×)",
    detail: "in /aws/containerinsights/eks-prod/application, streams payments-api-6c9f7d8b4-*",
    severity: "high",
    kind: "log_signature",
    observedAt: at("2026-11-27T13:02:10Z"),
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "payments-api",
    excerpt: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
  }),
  finding("cloudwatch_logs", {
    title: "checkout-web: ERROR upstream payments-api unavailable (2×)",
    detail: "connect ECONNREFUSED 10.100.12.7:8080",
    severity: "high",
    kind: "log_signature",
    observedAt: at("2026-11-27T13:05:10Z"),
    resource: "loggroup//aws/containerinsights/eks-prod/application",
    service: "checkout-web",
  }),
]

export const slackFindings: ReadonlyArray<Finding> = [
  finding("slack_scanner", {
    title: "github-actions: deployed payments-api v2.14.0 to eks-prod",
    detail: "raise SETTLEMENT_BATCH_SIZE 1000 -> 5000",
    severity: "info",
    kind: "deploy_announcement",
    observedAt: at("2026-11-27T13:01:10Z"),
    resource: "channel/C0DEPLOYS",
    service: "payments-api",
    link: "https://acme.slack.com/archives/C0DEPLOYS/p1795784470000100",
  }),
]

export const oomResults: ReadonlyArray<AgentResult> = [
  ok("eks", eksFindings, {
    usage: [{ model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", inputTokens: 1000, outputTokens: 200 }],
  }),
  ok("cloudwatch_logs", logsFindings),
  ok("slack_scanner", slackFindings),
  placeholderResult("discord_scanner", "disabled", "disabled in config.yaml"),
  placeholderResult("prometheus", "unhealthy", "PROMETHEUS_URL is not set"),
  placeholderResult("incident_history", "timeout", "still running at the report deadline"),
]

export const oomInput = (over: Partial<ReportInput> = {}): ReportInput => ({
  investigationId: "inv-oom-1",
  revision: 1,
  context: oomContext,
  facts: oomFacts,
  results: oomResults,
  analysis: null,
  startedAt: at("2026-11-27T13:05:01Z"),
  builtAt: at("2026-11-27T13:05:43.500Z"),
  prices: defaultConfig.models.prices,
  masterUsage: [{ model: "us.anthropic.claude-sonnet-4-6", inputTokens: 3000, outputTokens: 500 }],
  ...over,
})
