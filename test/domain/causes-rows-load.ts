/**
 * Class rows (see causes-classes.test.ts) seen in logs and metrics: database connection
 * exhaustion, downstream timeouts whose dependency has its own error, an HPA at its maximum
 * under load. Each carries a red herring (another service's errors, an old error outside the
 * window, another namespace's pod). Findings are numbered per agent in the order listed.
 */
import type { ClassRow } from "./causes-support.js"
import { facts, numbered } from "./causes-support.js"

export const connections: ClassRow = {
  name: "DB connection exhaustion, logs only",
  facts: facts({
    source: "cloudwatch",
    alertName: "orders-api-5xx-rate",
    service: "orders-api",
    cluster: "eks-prod",
  }),
  findings: numbered([
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:58",
      service: "orders-api",
      resource: "loggroup//ecs/orders-api",
      title:
        "FATAL: remaining connection slots are reserved for non-replication superuser connections (212×)",
      excerpt:
        'connection to server at "orders-db.cxyz.us-east-1.rds.amazonaws.com" (<ip>), port <n> failed: FATAL: remaining connection slots are reserved for non-replication superuser connections',
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "13:00",
      service: "search-api",
      resource: "loggroup//ecs/search-api",
      title: "ERROR too many open files (40×)",
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "11:00",
      service: "orders-api",
      resource: "loggroup//ecs/orders-api",
      title: "ERROR payment gateway 502 (9×)",
    },
  ]),
  terms: [["connection slots", "too many connections"], ["orders-api"], ["orders-db"]],
  mustNot: ["search-api", "open files", "gateway"],
  neverCited: ["cloudwatch_logs#2", "cloudwatch_logs#3"],
  topCites: ["cloudwatch_logs#1"],
}

export const timeouts: ClassRow = {
  name: "downstream timeouts, logs only (the dependency's own error is the deeper cause)",
  facts: facts({ source: "datadog", alertName: "High p99 latency on checkout-web", service: "checkout-web" }),
  findings: numbered([
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:57",
      service: "checkout-web",
      title: "ERROR upstream inventory-api timed out after <n>ms (340×)",
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "medium",
      at: "12:55",
      service: "inventory-api",
      title: "ERROR deadlock detected while updating stock_levels (88×)",
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:59",
      service: "payments-api",
      title: "ERROR card declined spike from acquirer (51×)",
    },
    {
      agent: "prometheus",
      kind: "metric_anomaly",
      severity: "high",
      at: "12:58",
      service: "checkout-web",
      title: "checkout-web p99 latency 4.2s (baseline 300ms)",
    },
  ]),
  terms: [["timeout", "timed out"], ["inventory-api"]],
  mustNot: ["payments-api", "card declined"],
  neverCited: ["cloudwatch_logs#3"],
  topCites: ["cloudwatch_logs#1", "cloudwatch_logs#2", "prometheus#1"],
}

export const hpa: ClassRow = {
  name: "HPA at maxReplicas under load",
  facts: facts({ alertName: "StorefrontLatencyHigh", namespace: "web", workload: "storefront" }),
  findings: numbered([
    {
      agent: "eks",
      kind: "hpa_maxed",
      severity: "high",
      at: "12:50",
      resource: "hpa/web/storefront",
      title: "storefront HPA at maxReplicas 12/12",
      detail: "cpu 185% of the 70% target",
    },
    {
      agent: "eks",
      kind: "restarts",
      severity: "low",
      at: "12:52",
      resource: "pod/web/storefront-7d9f8c6b5-m3m3m",
      title: "storefront-7d9f8c6b5-m3m3m restarted once, recovered",
    },
    {
      agent: "eks",
      kind: "image_pull",
      severity: "high",
      at: "12:56",
      resource: "pod/ml/trainer-6b8d7c5f4-q1q1q",
      title: "trainer-6b8d7c5f4-q1q1q ImagePullBackOff",
    },
    {
      agent: "prometheus",
      kind: "metric_anomaly",
      severity: "high",
      at: "12:49",
      service: "storefront",
      title: "storefront request rate 4.1× baseline",
    },
    {
      agent: "prometheus",
      kind: "metric_anomaly",
      severity: "high",
      at: "12:53",
      service: "storefront",
      title: "storefront p99 latency 3.8s",
    },
  ]),
  terms: [["HPA", "maxReplicas"], ["storefront"]],
  mustNot: ["ImagePullBackOff", "trainer"],
  neverCited: ["eks#3"],
  topCites: ["eks#1", "prometheus#1"],
}

export const limits: ClassRow = {
  name: "out of file descriptors, killed by its liveness probe",
  facts: facts({ source: "sentry", alertName: "Error: connect EMFILE", service: "media-gateway" }),
  findings: numbered([
    {
      agent: "eks",
      kind: "probe_failure",
      severity: "high",
      at: "13:01",
      resource: "deployment/content/media-gateway",
      service: "media-gateway",
      title:
        "media-gateway: container gateway killed by the kubelet after failed liveness probes in 2/6 pods",
    },
    {
      agent: "eks",
      kind: "container_logs",
      severity: "high",
      at: "12:44",
      resource: "pod/content/media-gateway-5f7d9c8b6d-2hxkq",
      service: "media-gateway",
      title:
        'media-gateway: previous gateway container logged "Error: EMFILE: too many open files, open /app/assets/w.png"',
    },
    {
      agent: "eks",
      kind: "crash_loop",
      severity: "high",
      at: "12:59",
      resource: "pod/kube-system/coredns-787cb67946-tm5qf",
      title: "coredns: container coredns restarted (plugin/errors: i/o timeout)",
    },
  ]),
  terms: [["EMFILE", "too many open files"], ["media-gateway"]],
  mustNot: ["coredns"],
  neverCited: ["eks#3"],
  topCites: ["eks#1", "eks#2"],
}

export const rateLimited: ClassRow = {
  name: "a provider rate-limiting the service (429s, and a few 503s), in its logs only",
  facts: facts({ source: "cloudwatch", alertName: "identity-otp-delivery-failures", service: "otp-sender" }),
  findings: numbered([
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:41",
      resource: "loggroup//eks/prod/identity/otp-sender",
      service: "otp-sender",
      title: "otp-sender: ERROR send sms failed (status 503) (×6)",
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:31",
      resource: "loggroup//eks/prod/identity/otp-sender",
      service: "otp-sender",
      title: "otp-sender: ERROR send sms failed (status 429) (×57)",
      detail: 'twilio_message: "Too Many Requests" twilio_code: 20429',
    },
    {
      agent: "eks",
      kind: "oom_killed",
      severity: "low",
      at: "12:50",
      resource: "pod/notify/email-renderer-84d6f7c9b-hw5tq",
      title: "email-renderer-84d6f7c9b-hw5tq: container email-renderer OOMKilled in 1/1 pod",
    },
  ]),
  terms: [["429", "Too Many Requests", "rate limit"], ["otp-sender"]],
  mustNot: ["email-renderer", "OOMKilled"],
  neverCited: ["eks#1"],
  topCites: ["cloudwatch_logs#2", "cloudwatch_logs#1"],
}

export const scaledDown: ClassRow = {
  name: "consumers scaled down by a values change, lag follows",
  facts: facts({
    alertName: "KafkaConsumerGroupLagHigh",
    namespace: "logistics",
    service: "shipment-projector",
  }),
  findings: numbered([
    {
      agent: "eks",
      kind: "scaled_down",
      severity: "medium",
      at: "12:20",
      resource: "deployment/logistics/shipment-projector",
      service: "shipment-projector",
      title: "shipment-projector: scaled down, replicas 12 → 2 at 12:20:38Z",
    },
    {
      agent: "eks",
      kind: "container_logs",
      severity: "low",
      at: "12:58",
      resource: "pod/logistics/shipment-projector-6d8f7b9c5-k2q8v",
      service: "shipment-projector",
      title: 'shipment-projector: current projector container logged "WARN window=60s records=18702"',
    },
    {
      agent: "eks",
      kind: "restarts",
      severity: "low",
      at: "12:50",
      resource: "pod/logistics/notification-sender-5c7b9f8d4-p4d7w",
      title: "notification-sender: container sender restarted and recovered (1 restart)",
    },
    {
      agent: "prometheus",
      kind: "metric_anomaly",
      severity: "high",
      at: "12:40",
      resource: "metric/shipment-projector/kafka_consumergroup_lag_sum",
      service: "shipment-projector",
      title: "shipment-projector consumer lag (kafka_consumergroup_lag_sum) 2304040 vs 1190 baseline (1937×)",
    },
  ]),
  terms: [["scale-down", "replicas 12"], ["lag"], ["shipment-projector"]],
  mustNot: ["notification-sender"],
  neverCited: ["eks#3"],
  topCites: ["eks#1", "prometheus#1"],
}
