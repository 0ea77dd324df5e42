/**
 * Evictions refused for a disruption budget, from audit events: per workload (its pods'
 * ReplicaSet and StatefulSet names resolved), the budget named, who drained; a successful
 * eviction, the API's own flow-control 429, another subresource's 429 and a refusal before the
 * window are not refusals; the finding is readable and at least medium.
 */
import { describe, expect, it } from "@effect/vitest"
import { evictionRefusalFindings, evictionRefusals } from "../../src/domain/eviction-refusals.js"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { severityRank } from "../../src/domain/severity.js"

const t0 = Date.parse("2027-02-10T14:00:00Z")
let id = 0

const audit = (
  pod: string,
  namespace: string,
  atMin: number,
  status: Record<string, unknown>,
  over: Record<string, unknown> = {},
): LogLine => ({
  timestampMs: t0 + atMin * 60_000,
  stream: "kube-apiserver-audit-9f8e7d",
  group: "/aws/eks/media-prod/cluster",
  message: JSON.stringify({
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: "Metadata",
    auditID: `id-${++id}`,
    stage: "ResponseComplete",
    requestURI: `/api/v1/namespaces/${namespace}/pods/${pod}/eviction`,
    verb: "create",
    user: { username: "system:serviceaccount:karpenter:karpenter" },
    userAgent: "karpenter/v1.1.0",
    objectRef: { resource: "pods", namespace, name: pod, subresource: "eviction" },
    responseStatus: status,
    ...over,
  }),
})

const refused = (budget: string, needs = 2) => ({
  metadata: {},
  status: "Failure",
  message: "Cannot evict pod as it would violate the pod's disruption budget.",
  reason: "TooManyRequests",
  details: {
    causes: [
      {
        reason: "DisruptionBudget",
        message: `The disruption budget ${budget} needs ${needs} healthy pods and has ${needs} currently`,
      },
    ],
  },
  code: 429,
})

describe("evictionRefusals", () => {
  it("groups refusals per workload, names the budget and who drained", () => {
    const lines = [
      audit("transcoder-7c9d5f6b8-abcde", "media", 1, refused("transcoder-pdb")),
      audit("transcoder-7c9d5f6b8-fghij", "media", 4, refused("transcoder-pdb")),
      audit("transcoder-7c9d5f6b8-abcde", "media", 9, refused("transcoder-pdb")),
      audit("kafka-2", "streaming", 5, refused("kafka", 3)),
    ]
    const [first, second] = evictionRefusals(lines)
    expect(first).toMatchObject({
      namespace: "media",
      workload: "transcoder",
      pods: ["transcoder-7c9d5f6b8-abcde", "transcoder-7c9d5f6b8-fghij"],
      count: 3,
      firstMs: t0 + 60_000,
      lastMs: t0 + 9 * 60_000,
      budget: "transcoder-pdb",
      requesters: ["Karpenter (system:serviceaccount:karpenter:karpenter)"],
    })
    expect(second).toMatchObject({ workload: "kafka", namespace: "streaming", budget: "kafka", count: 1 })
  })

  it("reads a refusal named only by its URI, and the 500 for overlapping budgets", () => {
    const overlapping = audit(
      "api-6f7d8c9b5-q1w2e",
      "edge",
      2,
      {
        code: 500,
        status: "Failure",
        message:
          "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
      },
      { objectRef: undefined },
    )
    const [r] = evictionRefusals([overlapping])
    expect(r).toMatchObject({ workload: "api", namespace: "edge", budget: null })
    expect(r?.reason).toContain("more than one PodDisruptionBudget")
  })

  it("is not fooled: allowed evictions, flow-control 429s, other subresources, older refusals", () => {
    const lines = [
      audit("web-5d6f7g8h9-aaaaa", "shop", 1, { code: 201, status: "Success" }),
      audit("web-5d6f7g8h9-bbbbb", "shop", 2, {
        code: 429,
        status: "Failure",
        reason: "TooManyRequests",
        message: "Too many requests, please try again later.",
      }),
      audit("web-5d6f7g8h9-ccccc", "shop", 3, refused("web"), {
        requestURI: "/api/v1/namespaces/shop/pods/web-5d6f7g8h9-ccccc/log",
        objectRef: { resource: "pods", namespace: "shop", name: "web-5d6f7g8h9-ccccc", subresource: "log" },
      }),
      audit("web-5d6f7g8h9-ddddd", "shop", -90, refused("web")),
      {
        ...audit("web-5d6f7g8h9-eeeee", "shop", 4, refused("web")),
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
      },
    ]
    expect(evictionRefusals(lines, t0 - 30 * 60_000)).toEqual([])
  })
})

describe("evictionRefusalFindings", () => {
  it("says which workload's drain is blocked, by which budget, at least medium", () => {
    const refusals = evictionRefusals([
      audit("search-indexer-0", "search", 2, refused("search-indexer")),
      audit("search-indexer-1", "search", 12, refused("search-indexer")),
    ])
    const [f] = evictionRefusalFindings("cloudwatch_logs", refusals, {
      max: 3,
      link: () => "https://console/x",
    })
    expect(f?.kind).toBe("eviction_refused")
    expect(f?.service).toBe("search-indexer")
    expect(f?.resource).toBe("poddisruptionbudget/search/search-indexer")
    expect(f?.title).toBe(
      "search-indexer: 2 evictions of its pods refused by PodDisruptionBudget search-indexer (14:02–14:12 UTC): the node drain by Karpenter (system:serviceaccount:karpenter:karpenter) is blocked",
    )
    expect(f?.title.startsWith("{")).toBe(false)
    expect(severityRank(f?.severity ?? "info")).toBeGreaterThanOrEqual(severityRank("medium"))
    expect(f?.observedAt?.epochMillis).toBe(t0 + 12 * 60_000)
    expect(f?.link).toBe("https://console/x")
  })

  it("caps the findings", () => {
    const refusals = evictionRefusals([
      audit("a-6f7d8c9b5-q1w2e", "x", 1, refused("a")),
      audit("b-6f7d8c9b5-q1w2e", "x", 1, refused("b")),
    ])
    expect(evictionRefusalFindings("cloudwatch_logs", refusals, { max: 1, link: () => null })).toHaveLength(1)
  })
})
