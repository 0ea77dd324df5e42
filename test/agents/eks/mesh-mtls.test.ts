/**
 * Service-mesh mTLS failures (mesh-mtls.ts): a callee's sidecars refusing a caller's plaintext
 * (filter_chain_not_found under STRICT), and sidecars rejecting a peer's certificate after a
 * root rotation. Healthy sidecars, an app's own TLS client and lines outside the window say nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import type { ContainerLog } from "../../../src/agents/eks/container-logs.js"
import type { ScopedWorkload } from "../../../src/agents/eks/eks-finding.js"
import { meshMtlsFindings, meshProxyTargets } from "../../../src/agents/eks/mesh-mtls.js"
import { resourceOf } from "../../../src/agents/eks/workloads.js"
import { container, ctx, pod, running, workloadNamed } from "./fixtures/objects.js"

const meshPod = (name: string, namespace: string, app: string, proxy = "istio-proxy") =>
  pod({
    name,
    namespace,
    owner: { kind: "ReplicaSet", name: name.split("-").slice(0, -1).join("-") },
    containers: [container(app), container(proxy)],
    statuses: [running(app), running(proxy)],
  })
const plainPod = (name: string, namespace: string, app: string) =>
  pod({
    name,
    namespace,
    owner: { kind: "ReplicaSet", name: name.split("-").slice(0, -1).join("-") },
    containers: [container(app)],
    statuses: [running(app)],
  })

const workload = (p: ReturnType<typeof pod>, inScope: boolean): ScopedWorkload => {
  const name = p.metadata.name.split("-").slice(0, -2).join("-")
  return workloadNamed({ pods: [p] }, name, inScope)
}

const log = (w: ScopedWorkload, container: string, text: string): [string, ReadonlyArray<ContainerLog>] => [
  resourceOf(w),
  [{ pod: w.pods[0]?.metadata.name ?? "", container, previous: false, text }],
]

const merge = (...entries: ReadonlyArray<[string, ReadonlyArray<ContainerLog>]>) => {
  const out = new Map<string, ReadonlyArray<ContainerLog>>()
  for (const [k, v] of entries) out.set(k, [...(out.get(k) ?? []), ...v])
  return out
}

// Plaintext caller (no sidecar) in scope; the callee next door with STRICT sidecars.
const billing = workload(plainPod("billing-gw-7d9f8c6b5-k2x4p", "billing", "gateway"), true)
const ledger = workload(meshPod("ledger-5c7b9d8f6-q8w2n", "ledger", "ledger"), false)
const refusedLine = `[2026-11-27T13:01:12.000Z] "- - -" 0 NR filter_chain_not_found - "-" 0 0 0 - "-" "-" "-" "-" "-" - - 10.9.4.7:9090 10.9.1.3:40110 - -`
const callerLine =
  "2026-11-27T13:01:12Z ERROR post ledger entry failed: read tcp 10.9.1.3:40110->10.9.4.7:9090: read: connection reset by peer (url http://ledger.ledger.svc.cluster.local:9090/entries)"

describe("meshMtlsFindings: plaintext refused", () => {
  it("names the in-scope caller without a sidecar and the callee whose sidecars refuse it", () => {
    const findings = meshMtlsFindings({
      workloads: [billing, ledger],
      logs: merge(log(billing, "gateway", callerLine), log(ledger, "istio-proxy", refusedLine)),
      ctx,
    })
    expect(findings.map((f) => [f.kind, f.severity, f.service, f.resource])).toEqual([
      ["mesh_mtls_refused", "high", "billing-gw", "deployment/billing/billing-gw"],
    ])
    expect(findings[0]?.title).toContain(
      "billing-gw has no istio-proxy sidecar and calls ledger in plaintext",
    )
    expect(findings[0]?.title).toContain("mTLS STRICT")
  })

  it("says it of the callee when the alert is about the callee itself", () => {
    const inScopeLedger = { ...ledger, inScope: true }
    const findings = meshMtlsFindings({
      workloads: [inScopeLedger],
      logs: merge(log(inScopeLedger, "istio-proxy", refusedLine)),
      ctx,
    })
    expect(findings.map((f) => [f.kind, f.service])).toEqual([["mesh_mtls_refused", "ledger"]])
  })

  it("says nothing of a caller that has a sidecar itself, or that never names the callee", () => {
    const meshedCaller = workload(meshPod("billing-gw-7d9f8c6b5-k2x4p", "billing", "gateway"), true)
    const unrelated = merge(
      log(billing, "gateway", "2026-11-27T13:01:12Z ERROR redis: connection reset by peer"),
      log(ledger, "istio-proxy", refusedLine),
    )
    expect(
      meshMtlsFindings({
        workloads: [meshedCaller, ledger],
        logs: merge(log(meshedCaller, "gateway", callerLine), log(ledger, "istio-proxy", refusedLine)),
        ctx,
      }),
    ).toEqual([])
    expect(meshMtlsFindings({ workloads: [billing, ledger], logs: unrelated, ctx })).toEqual([])
  })

  it("ignores refusals before the evidence window and the same words in an app's own container", () => {
    const old = refusedLine.replace("2026-11-27T13:01:12.000Z", "2026-11-27T09:01:12.000Z")
    expect(
      meshMtlsFindings({
        workloads: [billing, ledger],
        logs: merge(log(billing, "gateway", callerLine), log(ledger, "istio-proxy", old)),
        ctx,
      }),
    ).toEqual([])
    expect(
      meshMtlsFindings({
        workloads: [billing, ledger],
        logs: merge(log(billing, "gateway", callerLine), log(ledger, "ledger", refusedLine)),
        ctx,
      }),
    ).toEqual([])
  })
})

// Trust mismatch: the in-scope caller's sidecar rejects the callee's new certificate.
const search = workload(meshPod("search-api-6f8d7c5b4-z9m1t", "catalog", "api"), true)
const ranker = workload(meshPod("ranker-84b6c9d7f5-w3e8r", "ml", "ranker"), false)
const verifyFailed = `[2026-11-27T13:02:40.100Z] "GET /rank HTTP/2" 503 UF,URX upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end} - "-" 0 91 4 - "-" "search-api" "-" "ranker.ml.svc.cluster.local:8443" "10.2.5.9:8443" outbound|8443||ranker.ml.svc.cluster.local - 172.20.4.4:8443 10.2.1.8:51000 - default`
const rotated = "2026-11-27T12:20:00.000000Z\tinfo\tcache\tRoot cert has changed, start rotating root cert"

describe("meshMtlsFindings: trust mismatch", () => {
  it("names the peer, the failed verification and the root rotation the peer's sidecar reports", () => {
    const findings = meshMtlsFindings({
      workloads: [search, ranker],
      logs: merge(log(search, "istio-proxy", verifyFailed), log(ranker, "istio-proxy", rotated)),
      ctx,
    })
    expect(findings.map((f) => [f.kind, f.severity, f.service])).toEqual([
      ["mesh_trust_mismatch", "high", "search-api"],
    ])
    expect(findings[0]?.title).toBe(
      "search-api's sidecars reject ranker's mTLS certificate (CERTIFICATE_VERIFY_FAILED): mesh trust mismatch after a root CA rotation",
    )
    // The scope word of Istio's log line ("cache") is left out: it would read as a dependency.
    expect(findings[0]?.excerpt).not.toMatch(/\tcache\t/)
  })

  it("reads Envoy's 503 body in the app's own log and Linkerd's UnknownIssuer", () => {
    const linkerdSearch = workload(
      meshPod("search-api-6f8d7c5b4-z9m1t", "catalog", "api", "linkerd-proxy"),
      true,
    )
    const body =
      '2026-11-27T13:03:00Z ERROR rank failed status=503 body="upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED"'
    const rustls =
      "[  3600.1s]  WARN ThreadId(02) outbound: linkerd_app_core::errors: Failed to proxy request: invalid peer certificate: UnknownIssuer"
    expect(
      meshMtlsFindings({ workloads: [search], logs: merge(log(search, "api", body)), ctx }).map(
        (f) => f.kind,
      ),
    ).toEqual(["mesh_trust_mismatch"])
    expect(
      meshMtlsFindings({
        workloads: [linkerdSearch],
        logs: merge(log(linkerdSearch, "linkerd-proxy", rustls)),
        ctx,
      }).map((f) => f.kind),
    ).toEqual(["mesh_trust_mismatch"])
  })

  it("leaves an app's own TLS client failure (no mesh words) and a workload without a sidecar to others", () => {
    const ownClient =
      "2026-11-27T13:03:00Z ERROR requests.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1007)"
    expect(
      meshMtlsFindings({ workloads: [search], logs: merge(log(search, "api", ownClient)), ctx }),
    ).toEqual([])
    const plain = workload(plainPod("search-api-6f8d7c5b4-z9m1t", "catalog", "api"), true)
    expect(
      meshMtlsFindings({ workloads: [plain], logs: merge(log(plain, "api", verifyFailed)), ctx }),
    ).toEqual([])
  })

  it("says nothing of healthy sidecars", () => {
    const ok = `[2026-11-27T13:02:40.100Z] "GET /rank HTTP/2" 200 - via_upstream - "-" 0 91 4 3 "-" "search-api" "-" "ranker.ml.svc.cluster.local:8443" "10.2.5.9:8443" outbound|8443||ranker.ml.svc.cluster.local`
    expect(
      meshMtlsFindings({
        workloads: [search, ranker],
        logs: merge(log(search, "istio-proxy", ok), log(ranker, "istio-proxy", rotated)),
        ctx,
      }),
    ).toEqual([])
  })
})

describe("meshProxyTargets", () => {
  it("reads one sidecar per meshed workload, in-scope ones first, none for a workload without one", () => {
    expect(meshProxyTargets([ranker, billing, search]).map((t) => [t.namespace, t.pod, t.container])).toEqual(
      [
        ["catalog", "search-api-6f8d7c5b4-z9m1t", "istio-proxy"],
        ["ml", "ranker-84b6c9d7f5-w3e8r", "istio-proxy"],
      ],
    )
  })
})
