/**
 * Class rows (see causes-classes.test.ts) where the cluster stops a workload: a missing secret,
 * pods that cannot be scheduled with the autoscaler at its maximum, a node going NotReady. Each
 * carries a red herring (another service's errors, another node). Findings are numbered per
 * agent in the order listed.
 */
import type { ClassRow } from "./causes-support.js"
import { facts, numbered } from "./causes-support.js"

export const missingSecret: ClassRow = {
  name: "missing secret",
  facts: facts({ alertName: "KubePodNotReady", namespace: "billing", workload: "billing-worker" }),
  findings: numbered([
    {
      agent: "eks",
      kind: "config_change",
      severity: "info",
      at: "12:40",
      resource: "deployment/billing/billing-worker",
      service: "billing-worker",
      title: "billing-worker template changed (revision 4)",
      detail: "envFrom secret billing-stripe added",
    },
    {
      agent: "eks",
      kind: "config_error",
      severity: "high",
      at: "12:41",
      resource: "pod/billing/billing-worker-7d9f8c6b5-x2x2x",
      title: "billing-worker-7d9f8c6b5-x2x2x CreateContainerConfigError",
      detail: 'Error: secret "billing-stripe" not found',
    },
    {
      agent: "eks",
      kind: "replicas_unavailable",
      severity: "critical",
      at: "12:45",
      resource: "deployment/billing/billing-worker",
      service: "billing-worker",
      title: "billing-worker has 0/3 ready replicas",
    },
    {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "medium",
      at: "13:00",
      service: "ledger-api",
      resource: "loggroup//aws/containerinsights/eks-prod/application",
      title: "ERROR connection reset by peer (12×)",
    },
  ]),
  terms: [["CreateContainerConfigError", "secret"], ["billing-worker"]],
  mustNot: ["ledger-api", "connection reset"],
  neverCited: ["cloudwatch_logs#1"],
  topCites: ["eks#1", "eks#2", "eks#3"],
}

export const scheduling: ClassRow = {
  name: "failed scheduling with the autoscaler at max",
  facts: facts({ alertName: "KubePodPending", namespace: "search", workload: "search-indexer" }),
  findings: numbered([
    {
      agent: "eks",
      kind: "unschedulable",
      severity: "high",
      at: "12:50",
      resource: "pod/search/search-indexer-6b8d7c5f4-p1p1p",
      title: "search-indexer-6b8d7c5f4-p1p1p FailedScheduling",
      detail: "0/6 nodes are available: 6 Insufficient memory.",
    },
    {
      agent: "eks",
      kind: "autoscaler",
      severity: "medium",
      at: "12:51",
      resource: "configmap/kube-system/cluster-autoscaler-status",
      title: "cluster-autoscaler NotTriggerScaleUp: max node group size reached (ng-general 6/6)",
    },
    {
      agent: "eks",
      kind: "replicas_unavailable",
      severity: "high",
      at: "12:52",
      resource: "deployment/search/search-indexer",
      service: "search-indexer",
      title: "search-indexer has 1/4 ready replicas",
    },
    {
      agent: "eks",
      kind: "node_pressure",
      severity: "medium",
      at: "12:55",
      resource: "node/ip-10-0-9-9.ec2.internal",
      title: "DiskPressure on ip-10-0-9-9.ec2.internal",
    },
  ]),
  terms: [["FailedScheduling", "Insufficient"], ["search-indexer"], ["max"]],
  mustNot: ["DiskPressure", "ip-10-0-9-9"],
  neverCited: ["eks#4"],
  topCites: ["eks#1", "eks#2", "eks#3"],
}

export const node: ClassRow = {
  name: "node NotReady (a node alert)",
  facts: facts({ alertName: "KubeNodeNotReady", node: "ip-10-0-3-17.ec2.internal" }),
  findings: numbered([
    {
      agent: "eks",
      kind: "node_not_ready",
      severity: "high",
      at: "12:58",
      resource: "node/ip-10-0-9-99.ec2.internal",
      title: "ip-10-0-9-99.ec2.internal NotReady",
      detail: "Kubelet stopped posting node status",
    },
    {
      agent: "eks",
      kind: "node_not_ready",
      severity: "high",
      at: "12:59",
      resource: "node/ip-10-0-3-17.ec2.internal",
      title: "ip-10-0-3-17.ec2.internal NotReady",
      detail: "Kubelet stopped posting node status since 12:58",
    },
    {
      agent: "eks",
      kind: "node_pressure",
      severity: "medium",
      at: "12:55",
      resource: "node/ip-10-0-3-17.ec2.internal",
      title: "MemoryPressure on ip-10-0-3-17.ec2.internal",
    },
    {
      agent: "eks",
      kind: "replicas_unavailable",
      severity: "high",
      at: "13:00",
      resource: "deployment/orders/orders-api",
      service: "orders-api",
      title: "orders-api has 1/3 ready replicas",
      detail: "2 pods on node ip-10-0-3-17.ec2.internal not ready",
    },
    {
      agent: "eks",
      kind: "probe_failure",
      severity: "medium",
      at: "13:01",
      resource: "pod/cart/cart-api-5f7c9d8b6-t9t9t",
      title: "cart-api-5f7c9d8b6-t9t9t Unhealthy",
      detail: "Readiness probe failed on node ip-10-0-3-17.ec2.internal",
    },
    {
      agent: "eks",
      kind: "crash_loop",
      severity: "high",
      at: "13:02",
      resource: "pod/batch/reports-cron-28871-zz4tq",
      title: "reports-cron-28871-zz4tq CrashLoopBackOff",
      detail: "exit code 1 on node ip-10-0-4-22.ec2.internal",
    },
  ]),
  terms: [["NotReady"], ["ip-10-0-3-17"]],
  mustNot: ["ip-10-0-9-99", "reports-cron", "CrashLoopBackOff"],
  neverCited: ["eks#1", "eks#6"],
  topCites: ["eks#2", "eks#3", "eks#4"],
}
