/**
 * cert-manager's objects (cert-manager.ts): a Certificate not Ready past its notAfter or its
 * renewal time, with why its latest attempt fails (a Challenge's reason, a failed request's
 * condition, a Warning event); a Ready Certificate, or one not yet due, says nothing.
 */
import { describe, expect, it } from "vitest"
import { certificateProblems, whyInShort } from "../../src/domain/cert-manager.js"
import type { KubeEvent } from "../../src/domain/kubernetes.js"
import type { CustomObject } from "../../src/domain/kubernetes-custom.js"

const now = Date.parse("2031-07-01T09:00:00Z")
const meta = (namespace: string, name: string) => ({
  name,
  namespace,
  labels: {},
  annotations: {},
  ownerReferences: [],
})
const cert = (
  namespace: string,
  name: string,
  status: Record<string, unknown>,
  dnsNames: ReadonlyArray<string> = [`${name}.example.org`],
): CustomObject => ({
  metadata: meta(namespace, name),
  spec: { secretName: `${name}-tls`, dnsNames, issuerRef: { name: "acme-prod", kind: "ClusterIssuer" } },
  status,
})
const notReady = (reason: string) => ({
  conditions: [{ type: "Ready", status: "False", reason, message: `Certificate ${reason}` }],
})
const none = { challenges: [], orders: [], requests: [], events: [] as ReadonlyArray<KubeEvent>, nowMs: now }

describe("certificateProblems", () => {
  it("expired, with a DNS-01 challenge refused by Route 53", () => {
    const [p] = certificateProblems({
      ...none,
      certificates: [
        cert("shop", "storefront", {
          ...notReady("Expired"),
          notAfter: "2031-07-01T08:00:00Z",
          renewalTime: "2031-06-01T08:00:00Z",
          failedIssuanceAttempts: 6,
        }),
      ],
      challenges: [
        {
          metadata: meta("shop", "storefront-3-111-222"),
          spec: {},
          status: {
            state: "pending",
            presented: false,
            reason:
              "Error presenting challenge: api error AccessDenied: User: arn:aws:sts::1:assumed-role/cm/x is not authorized to perform: route53:ChangeResourceRecordSets on resource",
          },
        },
      ],
    })
    expect(p).toMatchObject({
      state: "expired",
      name: "storefront",
      failedAttempts: 6,
      whyFrom: "Challenge shop/storefront-3-111-222",
    })
    expect(whyInShort(p?.why ?? "")).toBe("AccessDenied on route53:ChangeResourceRecordSets")
  })
  it("not yet expired but overdue, an HTTP-01 order failing, said by its CertificateRequest's condition", () => {
    const [p] = certificateProblems({
      ...none,
      certificates: [
        cert("billing", "portal", {
          ...notReady("Failed"),
          notAfter: "2031-07-09T00:00:00Z",
          renewalTime: "2031-06-09T00:00:00Z",
          failedIssuanceAttempts: 3,
        }),
      ],
      requests: [
        {
          metadata: meta("billing", "portal-5"),
          spec: {},
          status: {
            conditions: [
              {
                type: "Ready",
                status: "False",
                reason: "Failed",
                message:
                  'Failed to wait for order resource "portal-5-99" to become ready: order is in "invalid" state: 404 from self check',
              },
            ],
          },
        },
      ],
    })
    expect(p?.state).toBe("not_renewed")
    expect(p?.why).toContain("invalid")
  })
  it("a Warning event on the Certificate when no attempt object is left", () => {
    const [p] = certificateProblems({
      ...none,
      certificates: [cert("edge", "gateway", { ...notReady("Expired"), notAfter: "2031-06-30T00:00:00Z" })],
      events: [
        {
          metadata: meta("edge", "gateway.1"),
          involvedObject: { kind: "Certificate", name: "gateway", namespace: "edge" },
          type: "Warning",
          reason: "Failed",
          message: "The issuer vault-issuer is not ready: permission denied",
        },
      ],
    })
    expect(p?.why).toContain("vault-issuer")
  })
  it("decoy: a Ready Certificate, and one not Ready but not yet due for renewal, say nothing", () => {
    expect(
      certificateProblems({
        ...none,
        certificates: [
          cert("ingress", "public", {
            notAfter: "2031-09-30T00:00:00Z",
            conditions: [{ type: "Ready", status: "True", reason: "Ready" }],
          }),
          cert("ingress", "fresh", {
            ...notReady("Issuing"),
            notAfter: "2031-09-30T00:00:00Z",
            renewalTime: "2031-08-30T00:00:00Z",
          }),
        ],
      }),
    ).toEqual([])
  })
})
