/**
 * The API server's audit events read from their log lines: decoded whatever else they carry,
 * other JSON and plain text refused, each request once across its stages, and who asked named
 * the way an SRE says it.
 */
import { describe, expect, it } from "@effect/vitest"
import { auditRecords, auditRequester, parseAuditEvent } from "../../src/domain/kubernetes-audit.js"
import type { LogLine } from "../../src/domain/log-clusters.js"

const event = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: "Metadata",
    auditID: "a-1",
    stage: "ResponseComplete",
    requestURI: "/api/v1/namespaces/shop/pods/cart-5d8f7c9b6-x2k4p/eviction",
    verb: "create",
    user: { username: "system:serviceaccount:karpenter:karpenter", groups: ["system:serviceaccounts"] },
    userAgent: "karpenter/v1.0.6",
    objectRef: { resource: "pods", namespace: "shop", name: "cart-5d8f7c9b6-x2k4p", subresource: "eviction" },
    responseStatus: { metadata: {}, code: 201 },
    annotations: { "authorization.k8s.io/decision": "allow" },
    ...over,
  })

const line = (message: string, timestampMs = 0): LogLine => ({
  timestampMs,
  message,
  stream: "kube-apiserver-audit-0a1b",
  group: "/aws/eks/shop-prod/cluster",
})

describe("parseAuditEvent", () => {
  it("decodes an audit event, ignoring fields it does not read", () => {
    const e = parseAuditEvent(event())
    expect(e?.verb).toBe("create")
    expect(e?.objectRef?.subresource).toBe("eviction")
    expect(e?.responseStatus?.code).toBe(201)
  })

  it("refuses other JSON, a Kubernetes Event object and plain text", () => {
    expect(parseAuditEvent('{"level":"error","msg":"audit.k8s.io/v1 mentioned"}')).toBeNull()
    expect(parseAuditEvent(JSON.stringify({ kind: "Event", apiVersion: "v1", reason: "Evicted" }))).toBeNull()
    expect(parseAuditEvent("E0715 09:31:10 audit.k8s.io/v1 failed")).toBeNull()
    expect(parseAuditEvent(event({ responseStatus: { code: "429" } }))).toBeNull()
  })
})

describe("auditRecords", () => {
  it("keeps one record per request: the stage with the answer", () => {
    const received = event({ stage: "RequestReceived", responseStatus: undefined })
    const records = auditRecords([line(received, 1), line(event(), 2), line(event(), 2), line("plain", 3)])
    expect(records).toHaveLength(1)
    expect(records[0]?.event.stage).toBe("ResponseComplete")
  })
})

describe("auditRequester", () => {
  it("names the drainer", () => {
    const e = (username: string, userAgent: string) =>
      parseAuditEvent(event({ user: { username }, userAgent }))
    const who = (username: string, userAgent: string) => {
      const parsed = e(username, userAgent)
      return parsed === null ? null : auditRequester(parsed)
    }
    expect(who("eks:node-manager", "eks-nodegroup-drainer/v0.1")).toContain("EKS managed nodegroup update")
    expect(who("system:serviceaccount:karpenter:karpenter", "karpenter/v1.0.6")).toContain("Karpenter")
    expect(
      who("system:serviceaccount:kube-system:cluster-autoscaler", "cluster-autoscaler/v1.30.2"),
    ).toContain("cluster autoscaler")
    expect(who("arn:aws:iam::1:role/ops", "kubectl/v1.31.0 (linux/amd64)")).toBe(
      "kubectl (arn:aws:iam::1:role/ops)",
    )
    expect(who("jane", "curl/8.0")).toBe("jane")
  })
})
