/**
 * Callers a new ingress policy shuts out (policy-callers.ts): an in-scope service picked by a
 * default-deny ingress created in the lookback, and a caller in another namespace configured to
 * reach it whose namespace no rule admits, is a finding naming both. Variants: other namespace
 * labels, other ports and env names, a StatefulSet target. Decoys: a rule admitting the caller's
 * namespace, a policy older than the lookback, a caller configured elsewhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { ContainerLog } from "../../../src/agents/eks/container-logs.js"
import { guardedWorkloads, shutOutCallerFindings } from "../../../src/agents/eks/policy-callers.js"
import { NetworkPolicy } from "../../../src/domain/kubernetes-policies.js"
import { container, ctx, pod, running, scoped } from "./fixtures/objects.js"

const recent = "2026-11-27T12:40:00Z"
const old = "2026-11-20T08:00:00Z"

const policy = (name: string, namespace: string, created: string, ingress: ReadonlyArray<unknown>) =>
  Schema.decodeUnknownSync(NetworkPolicy)({
    metadata: { name, namespace, creationTimestamp: created },
    spec: { podSelector: {}, policyTypes: ["Ingress"], ingress },
  })

const baseline = (namespace: string, created: string, admit: ReadonlyArray<string> = ["ingress-nginx"]) => [
  policy("default-deny-ingress", namespace, created, []),
  policy("allow-same-namespace", namespace, created, [{ from: [{ podSelector: {} }] }]),
  policy(
    "allow-listed",
    namespace,
    created,
    admit.map((n) => ({
      from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": n } } }],
    })),
  ),
]

const target = (name: string, namespace: string, kind: "ReplicaSet" | "StatefulSet" = "ReplicaSet") =>
  scoped({
    pods: [
      pod({
        name: kind === "StatefulSet" ? `${name}-0` : `${name}-5f6d7-abcde`,
        namespace,
        owner: { kind, name: kind === "StatefulSet" ? name : `${name}-5f6d7` },
        labels: { app: name },
        statuses: [running("app")],
      }),
    ],
  })

const caller = (name: string, namespace: string, env: ReadonlyArray<{ name: string; value: string }>) =>
  scoped(
    {
      pods: [
        pod({
          name: `${name}-7c8d9-fghij`,
          namespace,
          owner: { kind: "ReplicaSet", name: `${name}-7c8d9` },
          labels: { app: name },
          containers: [container("main", { env })],
          statuses: [running("main")],
        }),
      ],
    },
    false,
  )

const logsOf = (key: string, text: string): ReadonlyMap<string, ReadonlyArray<ContainerLog>> =>
  new Map([[key, [{ pod: "p", container: "main", previous: false, text }]]])

const variants = [
  {
    target: target("routing-engine", "maps"),
    caller: caller("dispatch-api", "ops", [
      { name: "ROUTING_URL", value: "http://routing-engine.maps.svc.cluster.local:8080" },
    ]),
    ns: "maps",
    log: "WARN route failed: dial tcp 172.20.4.9:8080: i/o timeout",
  },
  {
    target: target("ledger-store", "finance", "StatefulSet"),
    caller: caller("payout-worker", "payouts", [
      { name: "LEDGER_ENDPOINT", value: "https://ledger-store.finance:9443" },
    ]),
    ns: "finance",
    log: "Error: connect ETIMEDOUT 10.0.3.4:9443",
  },
  {
    target: target("search-gateway", "search"),
    caller: caller("catalog-web", "storefront", [
      { name: "SEARCH_HOST", value: "search-gateway.search.svc:7700" },
    ]),
    ns: "search",
    log: "java.net.SocketTimeoutException: connect timed out",
  },
]

describe("shutOutCallerFindings", () => {
  it.each(variants)("a new default-deny shutting out $caller.0.name is a finding", (v) => {
    const guarded = guardedWorkloads(v.target, baseline(v.ns, recent), ctx)
    const callerWorkload = v.caller[0]
    expect(callerWorkload).toBeDefined()
    if (callerWorkload === undefined) return
    const findings = shutOutCallerFindings({
      guarded,
      callers: v.caller,
      logs: logsOf(`deployment/${callerWorkload.namespace}/${callerWorkload.name}`, v.log),
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]?.title).toContain("default-deny-ingress")
    expect(findings[0]?.title).toContain(callerWorkload.namespace)
    expect(findings[0]?.title).toContain(callerWorkload.name)
  })

  it("timeouts in the caller's log make it high; without them medium", () => {
    const v = variants[0]
    if (v === undefined) return
    const guarded = guardedWorkloads(v.target, baseline(v.ns, recent), ctx)
    const quiet = shutOutCallerFindings({ guarded, callers: v.caller, logs: new Map() })
    expect(quiet[0]?.severity).toBe("medium")
  })

  it("decoy: a rule admitting the caller's namespace", () => {
    const v = variants[0]
    if (v === undefined) return
    const guarded = guardedWorkloads(v.target, baseline(v.ns, recent, ["ingress-nginx", "ops"]), ctx)
    expect(shutOutCallerFindings({ guarded, callers: v.caller, logs: new Map() })).toEqual([])
  })

  it("decoy: a policy older than the change lookback", () => {
    const v = variants[1]
    if (v === undefined) return
    expect(guardedWorkloads(v.target, baseline(v.ns, old), ctx)).toEqual([])
  })

  it("decoy: a caller configured to reach something else", () => {
    const v = variants[2]
    if (v === undefined) return
    const guarded = guardedWorkloads(v.target, baseline(v.ns, recent), ctx)
    const elsewhere = caller("catalog-web", "storefront", [
      { name: "DB_URL", value: "postgres://catalog-db.data:5432/x" },
    ])
    expect(shutOutCallerFindings({ guarded, callers: elsewhere, logs: new Map() })).toEqual([])
  })
})
