/**
 * NetworkPolicies that drop an in-scope workload's traffic (network-policies.ts): a default-deny
 * egress created in the change lookback names the ports the workload's env uses that no rule
 * allows; a dependency's new ingress policy is tied to the client that connects to it; old
 * policies, policies selecting other pods and a change with no effect on the workload's ports or
 * connections are not failures.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { ContainerLog } from "../../../src/agents/eks/container-logs.js"
import { networkPolicyFindings } from "../../../src/agents/eks/network-policies.js"
import { NetworkPolicy, selectorMatches } from "../../../src/domain/kubernetes-policies.js"
import { container, ctx, deployment, pod, replicaSet, running, scoped } from "./fixtures/objects.js"

const env = [
  { name: "REDIS_URL", value: "redis://:pw@session-redis-master.cache.svc.cluster.local:6379/0" },
  { name: "DB_HOST", value: "identity-db.cluster-ro-x.eu-west-2.rds.amazonaws.com" },
]
const labels = { "app.kubernetes.io/name": "session-api" }
const apiPods = [0, 1].map((i) =>
  pod({
    name: `session-api-6d9f8-x${i}k2m`,
    namespace: "identity",
    owner: { kind: "ReplicaSet", name: "session-api-6d9f8" },
    labels,
    containers: [container("api", { env })],
    statuses: [running("api")],
  }),
)
const redisPods = [
  pod({
    name: "session-redis-master-0",
    namespace: "cache",
    owner: { kind: "StatefulSet", name: "session-redis-master" },
    labels: { "app.kubernetes.io/name": "redis" },
    statuses: [running("redis")],
  }),
]
const workloads = (inScope = true) => [
  ...scoped(
    {
      deployments: [
        deployment({ name: "session-api", namespace: "identity", replicas: 2, ready: 0, labels }),
      ],
      replicaSets: [
        replicaSet({
          name: "session-api-6d9f8",
          deployment: "session-api",
          namespace: "identity",
          revision: 4,
        }),
      ],
      pods: apiPods,
    },
    inScope,
  ),
  ...scoped({ pods: redisPods }, false),
]

const policy = (raw: {
  name: string
  namespace?: string
  created: string
  spec: Record<string, unknown>
  managed?: ReadonlyArray<string>
}) =>
  Schema.decodeUnknownSync(NetworkPolicy)({
    metadata: {
      name: raw.name,
      namespace: raw.namespace ?? "identity",
      creationTimestamp: raw.created,
      managedFields: (raw.managed ?? []).map((time) => ({ manager: "argocd", time })),
    },
    spec: raw.spec,
  })

const denyEgress = (created: string, managed?: ReadonlyArray<string>) =>
  policy({
    name: "default-deny-egress",
    created,
    ...(managed === undefined ? {} : { managed }),
    spec: {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          ports: [
            { port: 53, protocol: "UDP" },
            { port: 53, protocol: "TCP" },
          ],
        },
        { ports: [{ port: 5432, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.30.64.0/20" } }] },
      ],
    },
  })

const timeouts: ReadonlyMap<string, ReadonlyArray<ContainerLog>> = new Map([
  [
    "deployment/identity/session-api",
    [
      {
        pod: "session-api-6d9f8-x0k2m",
        container: "api",
        previous: false,
        text: "INFO listening on :3000\nERROR [ioredis] Unhandled error event: Error: connect ETIMEDOUT\n",
      },
    ],
  ],
])

describe("networkPolicyFindings", () => {
  it("names a new default-deny egress and the configured port no rule allows", () => {
    const findings = networkPolicyFindings({
      workloads: workloads(),
      policies: [denyEgress("2026-11-27T12:58:10Z")],
      logs: timeouts,
      ctx,
    })
    expect(findings.map((f) => [f.kind, f.severity, f.resource, f.service])).toEqual([
      ["network_policy", "critical", "networkpolicy/identity/default-deny-egress", "session-api"],
    ])
    expect(findings[0]?.title).toBe(
      "session-api: NetworkPolicy default-deny-egress (created 12:58:10Z) restricts its pods' egress — not 6379 (REDIS_URL session-redis-master.cache.svc.cluster.local)",
    )
    expect(findings[0]?.detail).toContain("connect ETIMEDOUT")
    // the URL's password never leaves the env
    expect(JSON.stringify(findings)).not.toContain(":pw@")
  })

  it("dates a policy by its last recorded write, and names DNS when no rule allows 53", () => {
    const noDns = policy({
      name: "lockdown",
      created: "2025-01-01T00:00:00Z",
      managed: ["2025-01-01T00:00:00Z", "2026-11-27T12:40:00Z"],
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Egress"],
        egress: [{ ports: [{ port: 6379 }] }],
      },
    })
    const [finding] = networkPolicyFindings({
      workloads: workloads(),
      policies: [noDns],
      logs: new Map(),
      ctx,
    })
    expect(finding?.title).toBe(
      "session-api: NetworkPolicy lockdown (changed 12:40:00Z) restricts its pods' egress — not 53 (DNS)",
    )
    // DB_HOST names no port and no scheme: 5432 is not inferred from the name
    expect(finding?.severity).toBe("critical")
  })

  it("names DNS when the rules allow 53 only where kube-dns is not (own namespace, 443 anywhere)", () => {
    const egressOnly443 = policy({
      name: "baseline-egress",
      created: "2026-11-27T12:50:00Z",
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          { to: [{ podSelector: {} }] },
          { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] },
        ],
      },
    })
    const [finding] = networkPolicyFindings({
      workloads: workloads(),
      policies: [egressOnly443],
      logs: new Map(),
      ctx,
    })
    expect(finding?.title).toContain("53 (DNS)")
    // The same baseline with a rule to kube-dns in kube-system: DNS is not named.
    const withDns = policy({
      name: "baseline-egress",
      created: "2026-11-27T12:50:00Z",
      spec: {
        ...egressOnly443.spec,
        egress: [
          ...egressOnly443.spec.egress,
          {
            to: [
              {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [{ protocol: "UDP", port: 53 }],
          },
        ],
      },
    })
    const [allowed] = networkPolicyFindings({
      workloads: workloads(),
      policies: [withDns],
      logs: new Map(),
      ctx,
    })
    expect(allowed?.title).not.toContain("DNS")
  })

  it("reads the policies selecting a pod together: what one allows, another cannot block", () => {
    const denyAll = policy({
      name: "default-deny-all",
      created: "2026-11-27T12:58:10Z",
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    })
    const allowDns = policy({
      name: "allow-dns-egress",
      created: "2026-11-27T12:58:10Z",
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ ports: [{ protocol: "UDP", port: 53 }] }],
      },
    })
    const hostOnly = workloads().map((w) =>
      w.name !== "session-api"
        ? w
        : {
            ...w,
            pods: w.pods.map((p) => ({
              ...p,
              spec: {
                ...p.spec,
                containers: [
                  {
                    ...container("api"),
                    name: "api",
                    env: [
                      {
                        name: "REDIS_HOST",
                        value: "inventory-cache.q7w8e9.ng.0001.use2.cache.amazonaws.com",
                      },
                    ],
                    resources: { limits: {}, requests: {} },
                    ports: [],
                  },
                ],
              },
            })),
          },
    )
    const dialing: ReadonlyMap<string, ReadonlyArray<ContainerLog>> = new Map([
      [
        "deployment/identity/session-api",
        [
          {
            pod: "session-api-6d9f8-x0k2m",
            container: "api",
            previous: false,
            text: "ERROR readiness: postgres check failed: dial tcp 10.60.88.14:5432: i/o timeout",
          },
        ],
      ],
    ])
    const [finding, ...rest] = networkPolicyFindings({
      workloads: hostOnly,
      policies: [denyAll, allowDns],
      logs: dialing,
      ctx,
    })
    expect(rest).toEqual([])
    expect(finding?.title).toBe(
      "session-api: NetworkPolicy default-deny-all (created 12:58:10Z), allow-dns-egress (created 12:58:10Z) restricts its pods' egress — not 6379 (REDIS_HOST inventory-cache.q7w8e9.ng.0001.use2.cache.amazonaws.com), 5432 (its failing connections)",
    )
  })

  it("ties a dependency's new ingress policy to the workload configured to reach it", () => {
    const ingress = policy({
      name: "redis-from-cache-only",
      namespace: "cache",
      created: "2026-11-27T12:50:00Z",
      spec: {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "redis" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 26379 }] }],
      },
    })
    const findings = networkPolicyFindings({
      workloads: workloads(),
      policies: [ingress],
      logs: timeouts,
      ctx,
    })
    expect(findings.map((f) => [f.kind, f.severity, f.service])).toEqual([
      ["network_policy", "critical", "session-api"],
    ])
    expect(findings[0]?.title).toBe(
      "session-api: NetworkPolicy redis-from-cache-only (created 12:50:00Z) restricts ingress to session-redis-master, which it connects to — not 6379 (REDIS_URL)",
    )
  })

  it("says nothing of an old policy, one selecting other pods, or a workload the alert does not name", () => {
    const old = denyEgress("2026-11-20T09:00:00Z")
    const elsewhere = policy({
      name: "batch-egress",
      created: "2026-11-27T12:58:10Z",
      spec: { podSelector: { matchLabels: { app: "batch" } }, policyTypes: ["Egress"], egress: [] },
    })
    expect(
      networkPolicyFindings({ workloads: workloads(), policies: [old, elsewhere], logs: timeouts, ctx }),
    ).toEqual([])
    const [other] = networkPolicyFindings({
      workloads: workloads(false),
      policies: [denyEgress("2026-11-27T12:58:10Z")],
      logs: timeouts,
      ctx,
    })
    expect(other).toBeUndefined()
  })

  it("keeps a recent policy that blocks nothing the workload uses as low context", () => {
    const allowsAll = policy({
      name: "egress-audit",
      created: "2026-11-27T12:58:10Z",
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
      },
    })
    const findings = networkPolicyFindings({
      workloads: workloads(),
      policies: [allowsAll],
      logs: new Map(),
      ctx,
    })
    expect(findings.map((f) => f.severity)).toEqual(["low"])
  })
})

describe("selectorMatches", () => {
  const selector = (raw: unknown) =>
    Schema.decodeUnknownSync(NetworkPolicy)({ metadata: { name: "p" }, spec: { podSelector: raw } }).spec
      .podSelector
  it("evaluates matchLabels and every matchExpressions operator as the API does", () => {
    const l = { app: "api", tier: "web" }
    expect(selectorMatches(selector({}), l)).toBe(true)
    expect(selectorMatches(selector({ matchLabels: { app: "api" } }), l)).toBe(true)
    expect(selectorMatches(selector({ matchLabels: { app: "db" } }), l)).toBe(false)
    const expr = (operator: string, values: ReadonlyArray<string> = []) =>
      selectorMatches(selector({ matchExpressions: [{ key: "tier", operator, values }] }), l)
    expect([
      expr("In", ["web", "x"]),
      expr("In", ["x"]),
      expr("NotIn", ["x"]),
      expr("NotIn", ["web"]),
    ]).toEqual([true, false, true, false])
    expect([expr("Exists"), expr("DoesNotExist"), expr("Gt", ["1"])]).toEqual([true, false, false])
  })
})
