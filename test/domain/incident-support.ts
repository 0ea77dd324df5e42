/**
 * Past incidents around a payments-api OOM alert: the right one (same service, same alert, the
 * same OOM cause) and distractors that share one thing each — the namespace, the alert name in
 * another cluster, the service with an old unrelated cause, the cause words on another
 * service, the cluster — plus the current investigation's own record, which must never match.
 */
import { DateTime } from "effect"
import type { IncidentExclusion, IncidentRecord } from "../../src/domain/incident-record.js"
import type { SimilarQuery } from "../../src/domain/incident-similarity.js"

export const at = (iso: string): DateTime.Utc => DateTime.unsafeMake(iso)

export const incident = (over: Partial<IncidentRecord> & { readonly id: string }): IncidentRecord => ({
  investigationId: null,
  title: "",
  summary: "",
  rootCause: null,
  causes: [],
  alertName: null,
  service: null,
  namespace: null,
  cluster: null,
  severity: null,
  alert: null,
  link: `https://tickets.example.com/${over.id}`,
  occurredAt: at("2026-10-01T10:00:00Z"),
  resolvedAt: null,
  recordedAt: at("2026-10-01T11:00:00Z"),
  ...over,
})

export const query: SimilarQuery = {
  alertName: "KubePodCrashLooping",
  service: "payments-api",
  workload: "payments-api",
  namespace: "payments",
  cluster: "eks-prod",
  text: [
    "[FIRING:1] KubePodCrashLooping (critical)",
    "Pod payments/payments-api-6c9f7d8b4-q7x2m (api) is restarting 6 times / 10 minutes.",
    "Labels: alertname=KubePodCrashLooping namespace=payments pod=payments-api-6c9f7d8b4-q7x2m",
    "cluster=eks-prod severity=critical container=api",
    "Last state: Terminated (OOMKilled), exit code 137",
  ].join("\n"),
}

/** The current investigation's alert: Slack channel C0ALERTS, message 1795784700.000200. */
export const current: IncidentExclusion = {
  investigationId: "inv-current",
  alert: { platform: "slack", channel: "C0ALERTS", messageId: "1795784700.000200", threadId: null },
}

export const right = incident({
  id: "INC-0412",
  title: "payments-api crash looping after v2.13 rollout",
  summary: "payments-api pods were OOMKilled after the JVM heap was raised above the container memory limit.",
  rootCause: "OOMKilled: container memory limit 512Mi below the new heap size; raised the limit to 1Gi.",
  alertName: "KubePodCrashLooping",
  service: "payments-api",
  namespace: "payments",
  cluster: "eks-prod",
  occurredAt: at("2026-09-12T08:30:00Z"),
  resolvedAt: at("2026-09-12T09:10:00Z"),
})

export const distractors: ReadonlyArray<IncidentRecord> = [
  incident({
    id: "INC-0380",
    title: "payments-worker queue backlog",
    summary: "payments-worker fell behind on the settlement queue; scaled consumers.",
    rootCause: "Consumer lag on the settlement queue after a traffic spike.",
    alertName: "KafkaConsumerLag",
    service: "payments-worker",
    namespace: "payments",
    cluster: "eks-prod",
    occurredAt: at("2026-10-20T12:00:00Z"),
  }),
  incident({
    id: "INC-0399",
    title: "checkout crash looping in staging",
    summary: "checkout could not reach its database after a password rotation.",
    rootCause: "Missing database password secret in staging.",
    alertName: "KubePodCrashLooping",
    service: "checkout",
    namespace: "shop",
    cluster: "eks-staging",
    occurredAt: at("2026-11-01T12:00:00Z"),
  }),
  incident({
    id: "INC-0201",
    title: "payments-api image pull failure",
    summary: "A typo in the image tag left payments-api pods in ImagePullBackOff.",
    rootCause: "ImagePullBackOff: the tag v2.9.x did not exist in the registry.",
    alertName: "KubeDeploymentReplicasMismatch",
    service: "payments-api",
    namespace: "payments",
    cluster: "eks-prod",
    occurredAt: at("2025-03-02T12:00:00Z"),
  }),
  incident({
    id: "INC-0388",
    title: "search indexer OOMKilled",
    summary: "search-indexer pods were OOMKilled while rebuilding the index.",
    rootCause: "OOMKilled: memory limit too low for the full reindex.",
    alertName: "KubeContainerOOMKilled",
    service: "search-indexer",
    namespace: "search",
    cluster: "eks-prod",
    occurredAt: at("2026-11-10T12:00:00Z"),
  }),
  incident({
    id: "INC-0350",
    title: "node NotReady in eks-prod",
    summary: "A node in eks-prod went NotReady after a kernel panic.",
    rootCause: "Kernel panic on ip-10-0-3-17.",
    alertName: "KubeNodeNotReady",
    service: null,
    namespace: null,
    cluster: "eks-prod",
    occurredAt: at("2026-11-15T12:00:00Z"),
  }),
  incident({
    id: "inv-older-same-thread",
    investigationId: "inv-older-same-thread",
    title: "payments-api OOMKilled (first look at this same alert)",
    summary: "OOMKilled: memory limit below heap size.",
    rootCause: "OOMKilled: memory limit below heap size.",
    alertName: "KubePodCrashLooping",
    service: "payments-api",
    namespace: "payments",
    cluster: "eks-prod",
    alert: { platform: "slack", channel: "C0ALERTS", messageId: "1795784700.000200", threadId: null },
    link: "https://slack.com/archives/C0ALERTS/p1795784700000200",
    occurredAt: at("2026-11-27T13:05:00Z"),
  }),
  incident({
    id: "inv-current",
    investigationId: "inv-current",
    title: "payments-api OOMKilled",
    summary: "OOMKilled: memory limit below heap size.",
    rootCause: "OOMKilled: memory limit below heap size.",
    alertName: "KubePodCrashLooping",
    service: "payments-api",
    namespace: "payments",
    cluster: "eks-prod",
    link: "https://slack.com/archives/C0ALERTS/p1795784700000200",
    occurredAt: at("2026-11-27T13:05:00Z"),
  }),
]

/** The right incident somewhere among the distractors. */
export const corpus: ReadonlyArray<IncidentRecord> = [
  ...distractors.slice(0, 3),
  right,
  ...distractors.slice(3),
]
