/**
 * The oom-after-deploy scenario's alert and `cloudwatch:` section, copied (tests never read the
 * shared scenarios folder): payments-api crash-loops on "JavaScript heap out of memory", while
 * checkout-web logs "upstream payments-api unavailable" (a consequence, the red herring) and the
 * EKS audit log records the deploy's patch (not an error). Decoded through the replay's Schema.
 */
import { Either } from "effect"
import { parse } from "yaml"
import {
  type CloudWatchScenario,
  decodeCloudWatchScenario,
} from "../../../src/replay/cloudwatch-logs-state.js"

export const oomAlertText = `<@U0SREBOT> [FIRING:1] KubePodCrashLooping (eks-prod payments)
*Alert:* Pod payments/payments-api-6c9f7d8b4-q7x2m (api) is in waiting state (reason: "CrashLoopBackOff"). - \`critical\`
*Details:*
 • *alertname:* \`KubePodCrashLooping\`
 • *cluster:* \`eks-prod\`
 • *namespace:* \`payments\`
 • *pod:* \`payments-api-6c9f7d8b4-q7x2m\`
 • *severity:* \`critical\`
`

export const oomAlertTime = "2026-11-27T13:05:00Z"
export const oomNow = "2026-11-27T13:10:00Z"

const cloudwatchYaml = `
region: us-east-1
log_groups:
  - name: /aws/containerinsights/eks-prod/application
    events:
      - { timestamp: "2026-11-27T13:02:10Z", stream: "payments-api-6c9f7d8b4-q7x2m_payments_api", message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }
      - { timestamp: "2026-11-27T13:03:49Z", stream: "payments-api-6c9f7d8b4-w2v9k_payments_api", message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }
      - { timestamp: "2026-11-27T13:06:57Z", stream: "payments-api-6c9f7d8b4-w2v9k_payments_api", message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }
      - { timestamp: "2026-11-27T13:08:07Z", stream: "payments-api-6c9f7d8b4-q7x2m_payments_api", message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }
      - { timestamp: "2026-11-27T13:05:10Z", stream: "checkout-web-7f6d5c4b3-k1l2m_checkout_web", message: "ERROR upstream payments-api unavailable: connect ECONNREFUSED 10.100.12.7:8080" }
      - { timestamp: "2026-11-27T13:06:02Z", stream: "checkout-web-7f6d5c4b3-k1l2m_checkout_web", message: "ERROR upstream payments-api unavailable: connect ECONNREFUSED 10.100.12.7:8080" }
  - name: /aws/eks/eks-prod/cluster
    events:
      - { timestamp: "2026-11-27T13:01:02Z", stream: "kube-apiserver-audit", message: "{\\"verb\\":\\"patch\\",\\"objectRef\\":{\\"resource\\":\\"deployments\\",\\"namespace\\":\\"payments\\",\\"name\\":\\"payments-api\\"},\\"user\\":{\\"username\\":\\"github-actions-deployer\\"}}" }
`

export const decodeYamlSection = (text: string): CloudWatchScenario =>
  Either.getOrThrowWith(decodeCloudWatchScenario(parse(text)), (e) => new Error(e.message))

export const oomCloudWatch: CloudWatchScenario = decodeYamlSection(cloudwatchYaml)
