/**
 * A cache at maxmemory evicting what its clients need (causes-cache-node.ts, causes-chain.ts
 * `evictedUnder`): a metric names the cache's node (`tix-sessions-0001-001`), the clients' lines
 * name the cache ("not found in tix-sessions"); the full cache is the cause, the clients' 401s and
 * misses its consequence. Decoys: a cache high but not full, clients failing beside a healthy
 * cache, and a key rotation elsewhere.
 */
import { describe, expect, it } from "vitest"
import { cacheAtMaxmemory, cacheNodeAliases } from "../../src/domain/causes-cache-node.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const full = (node: string, title = `${node}: Redis memory at maxmemory (100%)`): Spec => ({
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  at: "12:52",
  service: node,
  resource: `metric/${node}/redis_memory`,
  title,
})

const clientLine = (service: string, title: string, severity: Spec["severity"] = "low"): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity,
  at: "12:58",
  service,
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  title: `${service}: ${title}`,
})

describe("the cache a cache node's finding is about", () => {
  it("answers to its cluster's name, in ElastiCache's node forms", () => {
    const aliases = cacheNodeAliases(numbered([full("tix-sessions-0001-001"), full("cart-store-002")]))
    expect(aliases.get("tix-sessions")).toEqual(["tix-sessions-0001-001"])
    expect(aliases.get("cart-store")).toEqual(["cart-store-002"])
  })

  it("a workload with a numeric suffix and no cache words is no cache node", () => {
    const batch = numbered([
      { ...full("report-batch-001"), title: "report-batch-001: cpu 98% for 20m", kind: "metric_anomaly" },
    ])
    expect(cacheNodeAliases(batch).size).toBe(0)
  })

  it("full, evicting — not high memory with no evictions", () => {
    const [atMax, engine, high, calm] = numbered([
      full("a-cache-0001-001"),
      {
        ...full("b-cache-0001-001"),
        title: "b-cache-0001-001: maxmemory-policy volatile-lru is evicting keys; evicted_keys=3,904,118",
      },
      { ...full("c-cache-0001-001"), title: "c-cache-0001-001: Redis memory 82% of maxmemory" },
      {
        ...full("d-cache-0001-001"),
        title: "d-cache-0001-001: Redis memory at maxmemory; no evictions (noeviction)",
      },
    ])
    expect([atMax, engine, high, calm].map((f) => (f === undefined ? null : cacheAtMaxmemory(f)))).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})

describe("a cache at maxmemory evicting what its clients need", () => {
  const checkout = facts({ service: "checkout-api" })

  it("sessions: the client's 401s naming the cache are the full cache's consequence", () => {
    const findings = numbered([
      full("tix-sessions-0001-001"),
      clientLine(
        "checkout-api",
        "WARN session sid=s_91c0 not found in tix-sessions for user=u_44 mid-checkout; responding 401 SESSION_EXPIRED",
      ),
    ])
    const [top] = causesFor(checkout, findings)
    expect(top?.text).toMatch(/^Redis memory full at maxmemory .* in tix-sessions-0001-001, causing/)
    expect(top?.findings).toEqual(["prometheus#1", "cloudwatch_logs#1"])
  })

  it("carts: another client's misses on another cache, its node in the other form", () => {
    const basket = facts({ service: "basket-web" })
    const findings = numbered([
      full("basket-carts-002", "basket-carts-002: Redis evicted_keys 48,210/min (maxmemory reached)"),
      clientLine(
        "basket-web",
        "ERROR cart c_19 missing from basket-carts: cache miss, returning empty basket",
        "medium",
      ),
    ])
    const [top] = causesFor(basket, findings)
    expect(top?.text).toMatch(/in basket-carts-002/)
    expect(top?.findings).toContain("cloudwatch_logs#1")
  })

  it("tokens: a Memcached cluster evicting, named in a client's refused tokens", () => {
    const gateway = facts({ service: "ledger-gateway" })
    const findings = numbered([
      full("authz-tokens-0002-001", "authz-tokens-0002-001: Memcached evictions 9,400/s (memory full)"),
      clientLine("ledger-gateway", "WARN token t_81 not in authz-tokens cache; 401 Unauthorized", "medium"),
    ])
    const [top] = causesFor(gateway, findings)
    expect(top?.findings[0]).toBe("prometheus#1")
    expect(top?.findings).toContain("cloudwatch_logs#1")
  })

  it("decoy: a cache high but not evicting, clients fine — never a cause", () => {
    const findings = numbered([
      {
        ...full("tix-sessions-0001-001"),
        title: "tix-sessions-0001-001: Redis memory 82% of maxmemory",
        severity: "medium",
      },
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "high",
        at: "12:58",
        service: "checkout-api",
        resource: "metric/checkout-api/http_requests:rate5m",
        title: "checkout-api http_requests:rate5m 2491 vs 410 baseline (6.1×)",
      },
    ])
    expect(causesFor(checkout, findings).flatMap((c) => c.findings)).not.toContain("prometheus#1")
  })

  it("decoy: the client's misses with no cache finding stay the client's own", () => {
    const findings = numbered([
      clientLine(
        "checkout-api",
        "WARN session sid=s_1 not found in tix-sessions; responding 401 SESSION_EXPIRED",
        "medium",
      ),
    ])
    const [top] = causesFor(checkout, findings)
    expect(top?.text).toMatch(/checkout-api/)
    expect(top?.text).not.toMatch(/maxmemory/)
  })

  it("decoy: a key rotation on another service before the 401s is not the cause", () => {
    const rotation: Spec = {
      agent: "slack_scanner",
      kind: "deploy_announcement",
      severity: "info",
      at: "11:40",
      service: "auth-gateway",
      title: "auth-gateway: rotated JWKS signing keys (kid 2026-11)",
    }
    const findings = numbered([
      full("tix-sessions-0001-001"),
      clientLine(
        "checkout-api",
        "WARN session sid=s_9 not found in tix-sessions; responding 401 SESSION_EXPIRED",
      ),
      rotation,
    ])
    const causes = causesFor(checkout, findings)
    expect(causes[0]?.text).toMatch(/^Redis memory full at maxmemory/)
    expect(causes.map((c) => c.text).join("\n")).not.toMatch(/JWKS|auth-gateway/)
  })
})
