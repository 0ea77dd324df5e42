/**
 * EKS control-plane lines: which name a workload in its namespace (the controller's, scheduler's
 * and klog's structured forms), and which report a metrics APIService failing.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  failingApiServiceOf,
  isControlPlaneLine,
  metricsApiOf,
  namesWorkload,
} from "../../src/domain/log-control-plane.js"

describe("isControlPlaneLine", () => {
  it("holds for the cluster group's apiserver, controller-manager and scheduler streams", () => {
    expect(isControlPlaneLine("/aws/eks/prod/cluster", "kube-apiserver-2c1f9e0a")).toBe(true)
    expect(isControlPlaneLine("/aws/eks/prod/cluster", "kube-controller-manager-8e7d6c5b")).toBe(true)
    expect(isControlPlaneLine("/aws/eks/prod/cluster", "kube-scheduler-1a2b3c")).toBe(true)
  })
  it("not for the authenticator, the audit stream or an application group", () => {
    expect(isControlPlaneLine("/aws/eks/prod/cluster", "authenticator-9f8e7d")).toBe(false)
    expect(isControlPlaneLine("/aws/eks/prod/cluster", "kube-apiserver-audit-2c1f9e0a")).toBe(false)
    expect(isControlPlaneLine("/aws/containerinsights/prod/application", "kube-apiserver-1")).toBe(false)
  })
})

describe("namesWorkload", () => {
  it("reads the HPA controller's kind/namespace/name", () => {
    const line =
      "E1219 horizontal.go:270] failed to compute desired number of replicas based on listed metrics for Deployment/giving/donation-intake: invalid metrics"
    expect(namesWorkload(line, "giving", "donation-intake")).toBe(true)
  })
  it("reads the scheduler's pod and klog's structured keys", () => {
    expect(
      namesWorkload(
        'E0310 schedule_one.go:1004] "Error scheduling pod; retrying" err="0/6 nodes are available" pod="ledger/settle-worker-5d8f7c9b6-x2k4q"',
        "ledger",
        "settle-worker",
      ),
    ).toBe(true)
    expect(
      namesWorkload(
        'E0310 horizontal.go:270] "failed to compute desired replicas" namespace="media" hpa="transcoder"',
        "media",
        "transcoder",
      ),
    ).toBe(true)
  })
  it("not the same name in another namespace, nor a longer name", () => {
    const line =
      "E1219 horizontal.go:270] failed to compute desired number of replicas for Deployment/staging/donation-intake"
    expect(namesWorkload(line, "giving", "donation-intake")).toBe(false)
    expect(
      namesWorkload("failed for Deployment/giving/donation-intake-worker-v2", "giving", "donation-intake"),
    ).toBe(false)
  })
  it("not routine control-plane noise", () => {
    expect(
      namesWorkload(
        "I1219 leaderelection.go:258] successfully acquired lease kube-system/kube-controller-manager",
        "giving",
        "donation-intake",
      ),
    ).toBe(false)
  })
})

describe("metrics APIs", () => {
  it("the API an HPA read fails on, kept apart from custom and external", () => {
    expect(metricsApiOf("unable to fetch metrics from resource metrics API (get pods.metrics.k8s.io)")).toBe(
      "metrics.k8s.io",
    )
    expect(metricsApiOf("unable to get metric http_requests: (get pods.custom.metrics.k8s.io *)")).toBe(
      "custom.metrics.k8s.io",
    )
    expect(metricsApiOf("(get s0-sqs-depth.external.metrics.k8s.io)")).toBe("external.metrics.k8s.io")
  })
  it("the apiserver's availability and OpenAPI lines report the APIService failing", () => {
    expect(
      failingApiServiceOf(
        "E1219 available_controller.go:460] v1beta1.metrics.k8s.io failed with: failing or missing response from https://10.42.3.18:4443",
      ),
    ).toBe("metrics.k8s.io")
    expect(
      failingApiServiceOf(
        'E0310 controller.go:113] loading OpenAPI spec for "v1beta1.custom.metrics.k8s.io" failed with: 503, error trying to reach service',
      ),
    ).toBe("custom.metrics.k8s.io")
    expect(failingApiServiceOf("v1beta1.external.metrics.k8s.io: FailedDiscoveryCheck")).toBe(
      "external.metrics.k8s.io",
    )
  })
  it("not a line merely listing the API, nor the HPA's own read", () => {
    expect(failingApiServiceOf("I1219 handler.go:275] Adding GroupVersion metrics.k8s.io v1beta1")).toBeNull()
    expect(
      failingApiServiceOf(
        "unable to fetch metrics: the server is currently unable to handle the request (get pods.metrics.k8s.io)",
      ),
    ).toBeNull()
  })
})
