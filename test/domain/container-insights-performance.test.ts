/**
 * Container Insights performance records: a container or pod at ≥ 90 % of its memory or CPU
 * limit, named by its workload; a node's record names the node. Records under the threshold,
 * other record types and non-JSON lines read as nothing.
 */
import { describe, expect, it } from "vitest"
import { limitReadingOf } from "../../src/domain/container-insights-performance.js"

const record = (fields: Record<string, unknown>): string => JSON.stringify(fields)

describe("limitReadingOf", () => {
  it("reads a container at its memory limit, named by the pod's workload", () => {
    const r = limitReadingOf(
      record({
        Type: "Container",
        Namespace: "ingest",
        PodName: "meter-ingest",
        kubernetes: {
          pod_name: "meter-ingest-6d9f8b7c5-q2w3e",
          container_name: "app",
          host: "ip-10-1-2-3.ec2.internal",
        },
        container_memory_utilization_over_container_limit: 99.2,
      }),
    )
    expect(r).toMatchObject({ type: "Container", subject: "meter-ingest", resource: "memory", percent: 99.2 })
    expect(r?.pod).toBe("meter-ingest-6d9f8b7c5-q2w3e")
  })

  it("reads a pod at its CPU limit; the PodName when the pod's name is missing", () => {
    const r = limitReadingOf(
      `2026-03-01T10:00:00Z ${record({ Type: "Pod", Namespace: "web", PodName: "quote-api", pod_cpu_utilization_over_pod_limit: 96.5, pod_memory_utilization_over_pod_limit: 40 })}`,
    )
    expect(r).toMatchObject({ type: "Pod", subject: "quote-api", resource: "cpu", percent: 96.5 })
  })

  it("reads a node near its memory capacity as the node's", () => {
    const r = limitReadingOf(
      record({ Type: "Node", NodeName: "ip-10-9-9-9.ec2.internal", node_memory_utilization: 93 }),
    )
    expect(r).toMatchObject({ type: "Node", subject: "ip-10-9-9-9.ec2.internal", pod: null })
  })

  it("reads nothing under the threshold, from other record types, or from plain lines", () => {
    expect(
      limitReadingOf(
        record({ Type: "Container", PodName: "a", container_memory_utilization_over_container_limit: 79.9 }),
      ),
    ).toBeNull()
    expect(limitReadingOf(record({ Type: "ClusterService", service_number_of_running_pods: 99 }))).toBeNull()
    expect(limitReadingOf("INFO memory at 99% of limit")).toBeNull()
    expect(limitReadingOf("{not json")).toBeNull()
  })
})
