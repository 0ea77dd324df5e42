/**
 * EKS control-plane lines about the alert's own workload are in scope (high when they fail), and
 * a metrics APIService those lines read through failing is their dependency — while another
 * namespace's workload, routine noise, and an APIService nothing in scope reads stay info.
 */
import { describe, expect, it } from "@effect/vitest"
import { signatureFindings } from "../../../src/agents/cloudwatch-logs/signature-findings.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { clusterLogLines, type LogLine } from "../../../src/domain/log-clusters.js"

const group = "/aws/eks/prod-east/cluster"
const kcm = "kube-controller-manager-8e7d6c5b4a3f2e1d"
const api = "kube-apiserver-2c1f9e0a7b6d5c4e"
const sched = "kube-scheduler-5a4b3c2d1e0f"
const line = (second: number, stream: string, message: string): LogLine => ({
  timestampMs: Date.UTC(2031, 2, 10, 14, 0, second),
  stream,
  message,
  group,
})
const factsOf = (namespace: string, service: string) =>
  extractFacts(
    `[FIRING:1] LatencyHigh\ncluster: prod-east\nnamespace: ${namespace}\nservice: ${service}`,
    defaultConfig.severity.labels,
  )
const rated = (namespace: string, service: string, lines: ReadonlyArray<LogLine>) =>
  signatureFindings(clusterLogLines(lines), {
    facts: factsOf(namespace, service),
    link: () => null,
    truncated: false,
  })
    .findings.map((f) => [f.excerpt?.slice(0, 24), f.service, f.severity])
    .sort()

const hpa = (ns: string, name: string, api: string) =>
  `E0310 14:00:01.207715 10 horizontal.go:270] failed to compute desired number of replicas based on listed metrics for Deployment/${ns}/${name}: invalid metrics (1 invalid out of 1), first error is: unable to fetch metrics: the server is currently unable to handle the request (get pods.${api})`
const down = (api: string) =>
  `E0310 14:00:02.448120 11 available_controller.go:460] v1beta1.${api} failed with: failing or missing response from https://10.1.3.18:4443/apis/${api}/v1beta1: context deadline exceeded`

describe("control-plane lines about the alerting workload", () => {
  it("the HPA controller's failure is in scope and the metrics APIService it reads is its dependency", () => {
    expect(
      rated("tickets", "seat-hold", [
        line(1, kcm, hpa("tickets", "seat-hold", "metrics.k8s.io")),
        line(2, api, down("metrics.k8s.io")),
      ]),
    ).toEqual([
      ["E0310 14:00:01.207715 10", "seat-hold", "high"],
      ["E0310 14:00:02.448120 11", null, "high"],
    ])
  })
  it("the same for a custom metrics API (prometheus-adapter), and a scheduler line naming its pod", () => {
    expect(
      rated("tickets", "seat-hold", [
        line(1, kcm, hpa("tickets", "seat-hold", "custom.metrics.k8s.io")),
        line(2, api, down("custom.metrics.k8s.io")),
        line(
          3,
          sched,
          'E0310 14:00:03.1 schedule_one.go:1004] "Error scheduling pod; retrying" err="0/6 nodes are available: 6 Insufficient cpu" pod="tickets/seat-hold-5d8f7c9b6-x2k4q"',
        ),
      ]).map((r) => r[2]),
    ).toEqual(["high", "high", "high"])
  })
  it("decoys: another namespace's workload, routine noise, an APIService nothing in scope reads", () => {
    expect(
      rated("tickets", "seat-hold", [
        line(1, kcm, hpa("staging", "seat-hold", "metrics.k8s.io")),
        line(2, api, down("metrics.k8s.io")),
        line(
          3,
          kcm,
          "E0310 14:00:04.1 leaderelection.go:330] error retrieving resource lock kube-system/kube-controller-manager: context deadline exceeded",
        ),
      ]).map((r) => r[2]),
    ).toEqual(["low", "info", "info"]) // staging's line only mentions the name: a caller's "related" low
    // The alert's HPA reads metrics.k8s.io; a failing external.metrics.k8s.io (KEDA) is another API.
    expect(
      rated("tickets", "seat-hold", [
        line(1, kcm, hpa("tickets", "seat-hold", "metrics.k8s.io")),
        line(2, api, down("external.metrics.k8s.io")),
      ]).map((r) => r[2]),
    ).toEqual(["high", "info"])
  })
})
