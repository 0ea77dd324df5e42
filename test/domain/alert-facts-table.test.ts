/**
 * Realistic alerts from every supported tool, as their Slack/Discord integrations post them,
 * each with every fact written out (unlisted facts must be null: see alert-facts-support).
 * They cover the failure classes the agents investigate — OOMKilled, ImagePullBackOff, node
 * NotReady, HPA at max, RDS connections, Lambda errors, ECS, ALB 5xx — and the traps: scrape
 * `job`/`service` labels, `kube-system`, a dashboard link in a person's message.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { type Expected, project } from "./alert-facts-support.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

const cases: ReadonlyArray<readonly [string, string, Expected]> = [
  [
    "alertmanager slack: OOMKilled container",
    "<@U0SREBOT> [FIRING:1] KubePodOOMKilled (prod-eks-1 checkout)\n*Alert:* Container cart in pod checkout/cart-7f9c6d5b8-x2k9p was OOMKilled - `high`\n*Details:*\n • *alertname:* `KubePodOOMKilled`\n • *namespace:* `checkout`\n • *pod:* `cart-7f9c6d5b8-x2k9p`\n • *container:* `cart`\n • *reason:* `OOMKilled`\n • *severity:* `high`",
    {
      source: "alertmanager",
      alertName: "KubePodOOMKilled",
      state: "firing",
      severityLabel: "high",
      severity: "high",
      namespace: "checkout",
      pod: "cart-7f9c6d5b8-x2k9p",
      workload: "cart",
      container: "cart",
      cluster: "prod-eks-1",
      service: "cart",
    },
  ],
  [
    "alertmanager default template: ImagePullBackOff of a Job pod",
    "[FIRING:1] KubeContainerWaiting (batch)\nLabels:\n - alertname = KubeContainerWaiting\n - cluster = eks-data\n - container = reports\n - namespace = batch\n - pod = reports-cron-28871-zz4tq\n - reason = ImagePullBackOff\n - severity = warning\nAnnotations:\n - description = pod/reports-cron-28871-zz4tq in namespace batch on container reports has been in waiting state for longer than 1 hour.\nSource: http://prometheus.eks-data.internal:9090/graph?g0.expr=kube_pod_container_status_waiting_reason",
    {
      source: "alertmanager",
      alertName: "KubeContainerWaiting",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "batch",
      pod: "reports-cron-28871-zz4tq",
      workload: "reports-cron-28871",
      container: "reports",
      cluster: "eks-data",
      service: "reports-cron-28871",
      links: [
        "http://prometheus.eks-data.internal:9090/graph?g0.expr=kube_pod_container_status_waiting_reason",
      ],
    },
  ],
  [
    "alertmanager discord: node NotReady",
    "**[FIRING:1] KubeNodeNotReady**\n**Summary:** Node is not ready.\n**Description:** ip-10-0-1-23.ec2.internal has been unready for more than 15 minutes.\n**Labels:** alertname=KubeNodeNotReady, cluster=eks-prod, node=ip-10-0-1-23.ec2.internal, severity=warning",
    {
      source: "alertmanager",
      alertName: "KubeNodeNotReady",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      node: "ip-10-0-1-23.ec2.internal",
      cluster: "eks-prod",
    },
  ],
  [
    "alertmanager slack: HPA at max replicas",
    "[FIRING:1] KubeHpaMaxedOut (eks-prod search)\n*Alert:* HPA search/search-api has been running at max replicas for longer than 15 minutes. - `warning`\n*Details:*\n • *alertname:* `KubeHpaMaxedOut`\n • *horizontalpodautoscaler:* `search-api`\n • *namespace:* `search`",
    {
      source: "alertmanager",
      alertName: "KubeHpaMaxedOut",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "search",
      workload: "search-api",
      cluster: "eks-prod",
      service: "search-api",
    },
  ],
  [
    "alertmanager: scrape job and service labels name kube-state-metrics, not the workload",
    "[FIRING:1] KubeDeploymentReplicasMismatch (orders)\nLabels:\n - alertname = KubeDeploymentReplicasMismatch\n - deployment = orders-api\n - job = kube-state-metrics\n - namespace = orders\n - service = kube-prometheus-stack-kube-state-metrics\n - severity = warning\nAnnotations:\n - description = Deployment orders/orders-api has not matched the expected number of replicas for longer than 15 minutes.",
    {
      source: "alertmanager",
      alertName: "KubeDeploymentReplicasMismatch",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "orders",
      workload: "orders-api",
      service: "orders-api",
    },
  ],
  [
    "alertmanager discord: resolved StatefulSet mismatch",
    "**[RESOLVED] KubeStatefulSetReplicasMismatch** (data kafka)\nStatefulSet data/kafka has not matched the expected number of replicas for longer than 15 minutes.",
    {
      source: "alertmanager",
      alertName: "KubeStatefulSetReplicasMismatch",
      state: "resolved",
      namespace: "data",
      workload: "kafka",
      service: "kafka",
    },
  ],
  [
    "alertmanager: job_name beats the scrape job",
    "[FIRING:1] KubeJobFailed\n • *alertname:* `KubeJobFailed`\n • *job:* `kube-state-metrics`\n • *job_name:* `db-backup-29412345`\n • *namespace:* `ops`\n • *severity:* `warning`",
    {
      source: "alertmanager",
      alertName: "KubeJobFailed",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "ops",
      workload: "db-backup-29412345",
      service: "db-backup-29412345",
    },
  ],
  [
    "alertmanager: DaemonSet rollout stuck",
    "[FIRING:1] KubeDaemonSetRolloutStuck (eks-prod logging)\nDaemonSet logging/fluent-bit has not finished or progressed for at least 15 minutes.\nseverity=warning",
    {
      source: "alertmanager",
      alertName: "KubeDaemonSetRolloutStuck",
      state: "firing",
      severityLabel: "warning",
      severity: "medium",
      namespace: "logging",
      workload: "fluent-bit",
      cluster: "eks-prod",
      service: "fluent-bit",
    },
  ],
  [
    "alertmanager: resolved TargetDown with start and end times",
    "[RESOLVED] TargetDown (monitoring)\nLabels:\n - alertname = TargetDown\n - job = kube-state-metrics\n - namespace = monitoring\n - severity = warning\nAnnotations:\n - description = 100% of the kube-state-metrics/kube-state-metrics targets in monitoring namespace are down.\nStarts at: 2026-11-27 12:58:30.512 +0000 UTC\nEnds at: 2026-11-27 13:10:00 +0000 UTC",
    {
      source: "alertmanager",
      alertName: "TargetDown",
      state: "resolved",
      severityLabel: "warning",
      severity: "medium",
      namespace: "monitoring",
    },
  ],
  [
    "alertmanager: Prometheus label set pasted in Discord",
    '🔥 FIRING {alertname="KubePodNotReady", cluster="gke-search", namespace="search", pod="search-indexer-1", severity="warning"}',
    {
      source: "alertmanager",
      alertName: "KubePodNotReady",
      severityLabel: "warning",
      severity: "medium",
      namespace: "search",
      pod: "search-indexer-1",
      workload: "search-indexer",
      cluster: "gke-search",
      service: "search-indexer",
    },
  ],
  [
    "alertmanager slack: title wrapped in a link, pod label of a DaemonSet pod",
    "*<https://alertmanager.acme.io/#/alerts?receiver=slack|[FIRING:2] KubePodCrashLooping (eks-prod logging)>*\n • *namespace:* `logging`\n • *pod:* `fluent-bit-x7k2p`\n • *container:* `fluent-bit`\n • *severity:* `critical`",
    {
      source: "alertmanager",
      alertName: "KubePodCrashLooping",
      state: "firing",
      severityLabel: "critical",
      severity: "critical",
      namespace: "logging",
      pod: "fluent-bit-x7k2p",
      workload: "fluent-bit",
      container: "fluent-bit",
      cluster: "eks-prod",
      service: "fluent-bit",
      links: ["https://alertmanager.acme.io/#/alerts?receiver=slack"],
    },
  ],
  [
    "grafana unified alerting, slack",
    "[FIRING:1] HighErrorRate (payments payments-api)\n**Firing**\nValue: A=7.3\nLabels:\n - alertname = HighErrorRate\n - grafana_folder = Payments\n - namespace = payments\n - service = payments-api\n - severity = critical\nAnnotations:\n - summary = 5xx ratio above 5% for payments-api\nSource: https://grafana.acme.io/alerting/grafana/abc123/view?orgId=1\nSilence: https://grafana.acme.io/alerting/silence/new?alertmanager=grafana",
    {
      source: "grafana",
      alertName: "HighErrorRate",
      state: "firing",
      severityLabel: "critical",
      severity: "critical",
      namespace: "payments",
      service: "payments-api",
      links: [
        "https://grafana.acme.io/alerting/grafana/abc123/view?orgId=1",
        "https://grafana.acme.io/alerting/silence/new?alertmanager=grafana",
      ],
    },
  ],
  [
    "grafana legacy alerting: back to OK",
    "[OK] Disk usage on db-replica-2\n<https://grafana.acme.io/d/node/node-exporter?viewPanel=12|Open dashboard>",
    {
      source: "grafana",
      alertName: "Disk usage on db-replica-2",
      state: "resolved",
      links: ["https://grafana.acme.io/d/node/node-exporter?viewPanel=12"],
    },
  ],
  [
    "aws chatbot: RDS connections",
    ":rotating_light: *CloudWatch Alarm | orders-db-connections-high | us-east-2*\nThreshold Crossed: 1 out of the last 1 datapoints [498.0 (27/11/26 13:01:00)] was greater than or equal to the threshold (450.0) (minimum 1 datapoint for OK -> ALARM transition).\nDimensions: DBInstanceIdentifier = orders-db\nState: ALARM\nAccount: 412345678901",
    {
      source: "cloudwatch",
      alertName: "orders-db-connections-high",
      state: "firing",
      service: "orders-db",
      region: "us-east-2",
      account: "412345678901",
    },
  ],
  [
    "cloudwatch via SNS: Lambda errors with its log group",
    'ALARM: "orders-handler-errors" in US West (Oregon)\nAlarm Name: orders-handler-errors\nReason for State Change: Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).\nState Change Time: 2026-11-27T13:05:12.345+0000\nMetric: AWS/Lambda Errors, FunctionName = orders-handler\nLogs: log_group=/aws/lambda/orders-handler\nAWS Account: 123456789012\nAlarm ARN: arn:aws:cloudwatch:us-west-2:123456789012:alarm:orders-handler-errors',
    {
      source: "cloudwatch",
      alertName: "orders-handler-errors",
      state: "firing",
      service: "orders-handler",
      region: "us-west-2",
      account: "123456789012",
      logGroups: ["/aws/lambda/orders-handler"],
    },
  ],
  [
    "cloudwatch: ECS service CPU with its dimensions",
    "CloudWatch alarm ecs-cart-CPUUtilization-high changed from OK to ALARM\nDimensions: ClusterName = shop-ecs, ServiceName = cart\nRegion: eu-central-1",
    {
      source: "cloudwatch",
      alertName: "ecs-cart-CPUUtilization-high",
      state: "firing",
      cluster: "shop-ecs",
      service: "cart",
      region: "eu-central-1",
    },
  ],
  [
    "cloudwatch: ALB 5xx in a console-named region",
    'ALARM: "prod-alb-5xx" in EU (Ireland)\nThreshold Crossed: 3 datapoints were greater than the threshold (50.0).\nDimensions: LoadBalancer = app/prod-alb/50dc6c495c0c9188',
    { source: "cloudwatch", alertName: "prod-alb-5xx", state: "firing", region: "eu-west-1" },
  ],
  [
    "cloudwatch: Container Insights alarm naming cluster, namespace and log group (no state line: state unknown)",
    "CloudWatch Alarm | eks-prod-payments-restarts | us-east-1 | Account: 412345678901\nThreshold Crossed: 1 datapoint [4.0] was greater than the threshold (3.0).\nDimensions: ClusterName = eks-prod, Namespace = payments, Service = payments-api\nLog group: /aws/containerinsights/eks-prod/application",
    {
      source: "cloudwatch",
      alertName: "eks-prod-payments-restarts",
      namespace: "payments",
      cluster: "eks-prod",
      service: "payments-api",
      region: "us-east-1",
      account: "412345678901",
      logGroups: ["/aws/containerinsights/eks-prod/application"],
    },
  ],
  [
    "cloudwatch: raw SNS JSON names the alarm, its state and (through the alarm name) the service",
    '{"AlarmName":"orders-api-alb-5xx","NewStateValue":"ALARM","Region":"US East (N. Virginia)","Trigger":{"MetricName":"HTTPCode_Target_5XX_Count","Dimensions":[{"name":"LoadBalancer","value":"app/shared-prod-alb/50dc6c495c0c9188"}]}}',
    {
      source: "cloudwatch",
      alertName: "orders-api-alb-5xx",
      state: "firing",
      region: "us-east-1",
      service: "orders-api",
    },
  ],
  [
    "cloudwatch: recovered to OK",
    'OK: "checkout-p99-latency" in Asia Pacific (Tokyo)\nState Change Time: 2026-11-27T13:20:00.000+0000',
    {
      source: "cloudwatch",
      alertName: "checkout-p99-latency",
      state: "resolved",
      region: "ap-northeast-1",
      // The alarm's name before its metric words.
      service: "checkout",
    },
  ],
  [
    "datadog: Kubernetes tags",
    "[Triggered on {kube_namespace:checkout,kube_deployment:cart}] High memory on cart pods\nMemory usage above 90% for 10m\nkube_cluster_name:prod-gke kube_namespace:checkout kube_deployment:cart env:prod\n@slack-alerts https://app.datadoghq.eu/monitors/998877",
    {
      source: "datadog",
      alertName: "High memory on cart pods",
      state: "firing",
      namespace: "checkout",
      workload: "cart",
      cluster: "prod-gke",
      service: "cart",
      links: ["https://app.datadoghq.eu/monitors/998877"],
    },
  ],
  [
    "datadog: recovered, service tag",
    "Recovered: [P1] Checkout latency p99 above 2s on checkout-web (env:prod, service:checkout-web)",
    {
      source: "datadog",
      alertName: "Checkout latency p99 above 2s on checkout-web",
      state: "resolved",
      severityLabel: "P1",
      severity: "critical",
      service: "checkout-web",
    },
  ],
  [
    "pagerduty slack app: an Alertmanager incident",
    "Triggered #4821: [FIRING:1] KubePodCrashLooping payments/payments-api-6c9f7d8b4-w2v9k\nService: Payments Platform | Urgency: high | Assigned to: Dana",
    {
      source: "pagerduty",
      alertName: "[FIRING:1] KubePodCrashLooping payments/payments-api-6c9f7d8b4-w2v9k",
      state: "firing",
      severityLabel: "Urgency: high",
      severity: "high",
      pod: "payments-api-6c9f7d8b4-w2v9k",
      workload: "payments-api",
      service: "payments-platform",
    },
  ],
  [
    "pagerduty: resolved incident",
    "Incident #1204 resolved on Checkout: Checkout error rate above 5%",
    {
      source: "pagerduty",
      alertName: "Checkout error rate above 5%",
      state: "resolved",
      service: "checkout",
    },
  ],
  [
    "opsgenie: node CPU with tags",
    "[Opsgenie] New alert: #2231: High CPU on node ip-10-2-3-4.eu-west-1.compute.internal\nPriority: P3 | Source: Prometheus | Tags: cluster:eu-prod\nhttps://acme.app.eu.opsgenie.com/alert/detail/abc-123/details",
    {
      source: "opsgenie",
      alertName: "High CPU on node ip-10-2-3-4.eu-west-1.compute.internal",
      state: "firing",
      severityLabel: "P3",
      severity: "medium",
      node: "ip-10-2-3-4.eu-west-1.compute.internal",
      cluster: "eu-prod",
      region: "eu-west-1",
      links: ["https://acme.app.eu.opsgenie.com/alert/detail/abc-123/details"],
    },
  ],
  [
    "opsgenie: numbered alert with a priority, a CloudWatch alarm forwarded",
    "[Opsgenie] Alert #58812 P2 — RDS ReplicaLag high: accounts-mysql-replica-1\nReplicaLag 1560 s > 300 s for 3 datapoints (CloudWatch alarm accounts-mysql-replica-1-replica-lag, us-east-2)\nhttps://fintrail.app.opsgenie.com/alert/detail/9e3d1f7a/details",
    {
      source: "opsgenie",
      alertName: "RDS ReplicaLag high: accounts-mysql-replica-1",
      severityLabel: "P2",
      severity: "high",
      service: "accounts-mysql-replica-1",
      region: "us-east-2",
      links: ["https://fintrail.app.opsgenie.com/alert/detail/9e3d1f7a/details"],
    },
  ],
  [
    "sentry: new issue with a markdown link",
    "New issue in checkout-web: TypeError: Cannot read properties of undefined (reading 'total') — 12 events in 5 minutes\n[View on Sentry](https://acme.sentry.io/issues/4455/)",
    {
      source: "sentry",
      alertName: "TypeError: Cannot read properties of undefined (reading 'total')",
      state: "firing",
      service: "checkout-web",
      links: ["https://acme.sentry.io/issues/4455/"],
    },
  ],
  [
    "sentry: the issue title alone, the project beside its environment and in the release",
    "*Error: connect EMFILE 52.92.180.131:443 - Local (undefined:undefined)*\nmedia-gateway · production\nEvents: 4,118 in 1h · Users: 1,906 · State: Escalating\nRelease: media-gateway@4.8.0 · Environment: production\n<https://pictura.sentry.io/issues/5719024413/?referrer=slack|View on Sentry>",
    {
      source: "sentry",
      alertName: "Error: connect EMFILE 52.92.180.131:443 - Local (undefined:undefined)",
      service: "media-gateway",
      links: ["https://pictura.sentry.io/issues/5719024413/?referrer=slack"],
    },
  ],
  [
    "sentry: an escalating-issue header, the issue on the next line",
    '*Escalating issue* in *ledger-api* · production\n*PgError: password authentication failed for user "ledger_app" (SQLSTATE 28P01)*\nRelease: ledger-api@2.31.0\n<https://fernhill.sentry.io/issues/5218843301/|View on Sentry>',
    {
      source: "sentry",
      alertName: 'PgError: password authentication failed for user "ledger_app" (SQLSTATE 28P01)',
      service: "ledger-api",
      links: ["https://fernhill.sentry.io/issues/5218843301/"],
    },
  ],
  [
    "sentry: a linked issue title and a Project field",
    "🔴 *<https://tallyfin.sentry.io/issues/4829103372/?environment=production|StaleReadError: balance consistency check failed>*\n*Project:* statements-api · *Environment:* production · *Release:* statements-api@5.8.2",
    {
      source: "sentry",
      alertName: "StaleReadError: balance consistency check failed",
      service: "statements-api",
      links: ["https://tallyfin.sentry.io/issues/4829103372/?environment=production"],
    },
  ],
  [
    "datadog: a metric value after a group-by is no service; 'service <name>' in prose is",
    "**Triggered: [P2] ECS service report-export-api running tasks below desired (env:prod)**\nRunning task count for service `report-export-api` in cluster `qm-prod-apps` has been below desired for 10m.\n`aws.ecs.service.running` avg by clustername,servicename = **1.0** (threshold < 3, desired 4)",
    {
      source: "datadog",
      alertName: "ECS service report-export-api running tasks below desired",
      state: "firing",
      severityLabel: "P2",
      severity: "high",
      cluster: "qm-prod-apps",
      service: "report-export-api",
    },
  ],
  [
    "human: the route a person names stands for its service ('/v2/orders' → orders)",
    "<@1246387765248000004> prod api returning 500s on /v2/orders for ~10 min",
    { source: "human", service: "orders" },
  ],
  [
    "uptimerobot: a monitor named after the service it checks names the service",
    "🔴 Monitor is DOWN: status-api (https://status-api.example.net) – SSL error: certificate has expired",
    {
      source: "uptime",
      alertName: "status-api",
      state: "firing",
      service: "status-api",
      links: ["https://status-api.example.net"],
    },
  ],
  [
    "checkly: the checked URL's path on a gateway host names the service; the vendor's own link does not",
    '<@U0SREBOT> 🔴 *Check "Inventory API – stock lookup" is DOWN*\nError: Request failed with status code 503 · GET https://ops-api.example.io/inventory/v2/stock/SKU-118204?site=FRA2\n<https://app.checklyhq.com/checks/6c1f0a8e/results|View results>',
    {
      source: "uptime",
      alertName: "Inventory API",
      state: "firing",
      service: "inventory",
      links: [
        "https://ops-api.example.io/inventory/v2/stock/SKU-118204?site=FRA2",
        "https://app.checklyhq.com/checks/6c1f0a8e/results",
      ],
    },
  ],
  [
    "checkly: a check that has failed, on a site's root, names no service",
    'Check "Homepage" has failed · https://www.example.com/ <https://app.checklyhq.com/checks/2>',
    {
      source: "uptime",
      alertName: "Homepage",
      state: "firing",
      service: null,
      links: ["https://www.example.com/", "https://app.checklyhq.com/checks/2"],
    },
  ],
  [
    "alertmanager: a Kafka consumer group's cluster label names the MSK cluster, not Kubernetes'",
    "[FIRING:1] KafkaConsumerGroupLagHigh\n**Labels:** alertname=KafkaConsumerGroupLagHigh cluster=msk-orders consumergroup=fulfillment-orders namespace=fulfillment severity=critical",
    {
      source: "alertmanager",
      alertName: "KafkaConsumerGroupLagHigh",
      state: "firing",
      severityLabel: "critical",
      severity: "critical",
      namespace: "fulfillment",
      service: "fulfillment-orders",
      cluster: null,
    },
  ],
  [
    "human: a deployable named in passing is the service, not the cluster beside it or a namespace",
    "<@U0SREBOT> product search on vantor.shop returns 503 for everything since ~08:15 (catalog-search, eks-vantor-prod). category pages are broken too",
    { source: "human", service: "catalog-search" },
  ],
  [
    "human: a health-check path names no service; the deployable beside it does",
    "🔴 *New incident: billing-api /healthz is down*\nCause: Status 503 (expected 2xx)",
    { source: "human", service: "billing-api" },
  ],
  [
    "uptime kuma: back up",
    "[UP] checkout-home is back up (https://shop.example.com/) — it was down for 4 minutes",
    { source: "uptime", alertName: "checkout-home", state: "resolved", links: ["https://shop.example.com/"] },
  ],
  [
    "uptimerobot: monitor up",
    "Monitor is UP: Billing API ( https://billing.example.com/health ). It was down for 2 minutes.",
    {
      source: "uptime",
      alertName: "Billing API",
      state: "resolved",
      links: ["https://billing.example.com/health"],
    },
  ],
  [
    "human: subject of the first sentence is the service",
    "<@U0SREBOT> payments are broken since the 13:00 deploy, checkout returns 502",
    { source: "human", service: "payments" },
  ],
  [
    "human: namespace and node in prose",
    "<@U0SREBOT> pods in namespace ml-serving keep getting OOMKilled on node ip-10-0-7-9.ec2.internal",
    { source: "human", namespace: "ml-serving", node: "ip-10-0-7-9.ec2.internal" },
  ],
  [
    "human discord: deployment and cluster in prose",
    "<@1345319652556800001> **urgent**: checkout-web deployment rollout stuck in the prod-eks-2 cluster",
    { source: "human", workload: "checkout-web", cluster: "prod-eks-2", service: "checkout-web" },
  ],
  [
    "human: a dashboard link does not make a message Grafana's",
    "<@U0SREBOT> orders-api is throwing 500s, see <https://grafana.acme.io/d/orders|dashboard> and <https://acme.slack.com/archives/C01/p1795784700000200|this thread>",
    {
      source: "human",
      service: "orders-api",
      links: ["https://grafana.acme.io/d/orders", "https://acme.slack.com/archives/C01/p1795784700000200"],
    },
  ],
  [
    "human: kube-system is a namespace, never a cluster",
    "<@U0SREBOT> coredns pods in the kube-system namespace are crashlooping on eks-staging",
    {
      source: "human",
      namespace: "kube-system",
      workload: "coredns",
      cluster: "eks-staging",
      service: "coredns",
    },
  ],
]

describe("extractFacts on realistic alerts from every tool", () => {
  it("has at least 25 cases spanning every source", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25)
    const sources = new Set(cases.map(([, , e]) => e.source))
    expect([...sources].sort()).toEqual(
      [
        "alertmanager",
        "cloudwatch",
        "datadog",
        "grafana",
        "human",
        "opsgenie",
        "pagerduty",
        "sentry",
        "uptime",
      ].sort(),
    )
  })

  it.each(cases)("%s", (_name, text, expected) => {
    expect(project(facts(text))).toEqual(project(expected))
  })

  it("reads the labelled start time, not the end time", () => {
    const f = facts(cases.find(([name]) => name.includes("TargetDown"))?.[1] ?? "")
    expect(f.startsAt === null ? null : DateTime.formatIso(f.startsAt)).toBe("2026-11-27T12:58:30.512Z")
  })

  it("reads CloudWatch's StateChangeTime as the start", () => {
    const f = facts(cases.find(([name]) => name.includes("Lambda"))?.[1] ?? "")
    expect(f.startsAt === null ? null : DateTime.formatIso(f.startsAt)).toBe("2026-11-27T13:05:12.345Z")
  })
})
