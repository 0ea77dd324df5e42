/**
 * A Service whose targetPort its pods no longer listen on (service-ports.ts): the new pods'
 * port is named against the Service's, with the load balancer's failing readiness gate; a
 * Service that reaches its pods (by number or by name), pods that declare no ports, and a
 * workload out of scope are no findings.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { servicePortFindings } from "../../../src/agents/eks/service-ports.js"
import { Service } from "../../../src/domain/kubernetes.js"
import { container, deployment, pod, replicaSet, running, scoped } from "./fixtures/objects.js"

const labels = { app: "orders-api" }
const gate = "target-health.elbv2.k8s.aws/k8s-commerce-ordersap-3f9a1c2b7d"
const ordersPod = (name: string, rs: string, port: number, gateStatus: "True" | "False") =>
  pod({
    name,
    owner: { kind: "ReplicaSet", name: rs },
    labels,
    containers: [{ ...container("api"), ports: [{ containerPort: port, name: "http" }] }],
    statuses: [running("api")],
    conditions: [
      { type: "Ready", status: gateStatus },
      gateStatus === "True"
        ? { type: gate, status: "True" }
        : {
            type: gate,
            status: "False",
            reason: "Target.FailedHealthChecks",
            message: "Health checks failed",
          },
    ],
  })

const pods = [
  ordersPod("orders-api-7f6d-aaaaa", "orders-api-7f6d", 8080, "True"),
  ordersPod("orders-api-66d8-bbbbb", "orders-api-66d8", 9000, "False"),
]
const workloads = (inScope = true) =>
  scoped(
    {
      deployments: [deployment({ name: "orders-api", replicas: 2, ready: 1, labels })],
      replicaSets: [
        replicaSet({ name: "orders-api-7f6d", deployment: "orders-api", revision: 11 }),
        replicaSet({ name: "orders-api-66d8", deployment: "orders-api", revision: 12 }),
      ],
      pods,
    },
    inScope,
  )
const service = (targetPort: number | string) =>
  Schema.decodeUnknownSync(Service)({
    metadata: { name: "orders-api", namespace: "shop" },
    spec: { selector: labels, ports: [{ port: 80, targetPort, name: "http" }] },
  })

describe("servicePortFindings", () => {
  it("names the port the new pods listen on against the Service's targetPort, with the failing health checks", () => {
    const findings = servicePortFindings(workloads(), [service(8080)])
    expect(findings.map((f) => [f.kind, f.severity, f.resource, f.service])).toEqual([
      ["service_port", "high", "service/shop/orders-api", "orders-api"],
    ])
    expect(findings[0]?.title).toBe(
      `orders-api: Service orders-api sends port 80 to targetPort 8080, but 1 pod of 2 listen on 9000 (http) — the load balancer's health checks on port 8080 fail (readiness gate ${gate}: Target.FailedHealthChecks — Health checks failed)`,
    )
  })

  it("is critical when no selected pod listens there", () => {
    expect(servicePortFindings(workloads(), [service(7070)]).map((f) => f.severity)).toEqual(["critical"])
  })

  it("a named targetPort reaches every pod that names its port so; no declared ports, or out of scope, is no finding", () => {
    expect(servicePortFindings(workloads(), [service("http")])).toEqual([])
    const bare = scoped({
      deployments: [deployment({ name: "orders-api", replicas: 1, ready: 1, labels })],
      replicaSets: [replicaSet({ name: "orders-api-7f6d", deployment: "orders-api", revision: 11 })],
      pods: [
        pod({
          name: "orders-api-7f6d-ccccc",
          owner: { kind: "ReplicaSet", name: "orders-api-7f6d" },
          labels,
          statuses: [running("app")],
        }),
      ],
    })
    expect(servicePortFindings(bare, [service(8080)])).toEqual([])
    expect(servicePortFindings(workloads(false), [service(8080)])).toEqual([])
  })
})
