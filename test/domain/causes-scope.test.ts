/**
 * The scope of cause inference (DESIGN §4): the alert's own names (namespace-qualified), a
 * person's or an alarm's words matched to the findings when it names nothing, a node alert's node
 * and what names it, the dependencies the subject's evidence names, the autoscaler only for
 * unschedulable pods, and WARN-level chatter kept out while something stronger explains the alert.
 */
import { describe, expect, it } from "vitest"
import type { AgentId } from "../../src/domain/agent-id.js"
import { inferCauses } from "../../src/domain/causes.js"
import { type Finding, numberFindings } from "../../src/domain/finding.js"
import type { Severity } from "../../src/domain/severity.js"
import { alertTime, at, finding, oomContext, oomFacts } from "./build-report-support.js"
import { causesFor, facts, numbered } from "./causes-support.js"

const window = oomContext.window
const causesOf = (findings: ReadonlyArray<Finding>, f = oomFacts) =>
  inferCauses({ facts: f, findings, window, alertTime })

const nothingNamed = { ...oomFacts, namespace: null, workload: null, service: null, pod: null, node: null }
const f = (agent: AgentId, title: string, severity: Severity, over: Partial<Finding> = {}) =>
  finding(agent, {
    title,
    severity,
    observedAt: at("2026-11-27T13:00:00Z"),
    service: "payments-api",
    ...over,
  })

describe("the alert's subject", () => {
  it("the same workload name in another namespace is another workload: out of scope", () => {
    const elsewhere = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { resource: "pod/staging/payments-api-6c9f7d8b4-abcde" }),
    ])
    expect(causesOf(elsewhere)).toEqual([])
  })

  it("when the alert names nothing its words match, everything is in scope", () => {
    const other = numberFindings([
      f("eks", "reports-cron ImagePullBackOff", "high", {
        service: null,
        resource: "pod/batch/reports-cron-1-abcde",
      }),
    ])
    expect(causesOf(other)).toEqual([])
    expect(causesOf(other, nothingNamed).map((c) => c.findings)).toEqual([["eks#1"]])
  })

  it("a person's report: the subject is the service its words name, matched to the findings", () => {
    const human = facts({ source: "human", service: "checkout", keywords: ["checkout", "slow", "504s"] })
    const findings = numbered([
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "13:00",
        service: "checkout-web",
        title: "ERROR 504 from payments gateway",
      },
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "critical",
        at: "13:01",
        service: "reports-cron",
        title: "FATAL disk full",
      },
    ])
    const causes = causesFor(human, findings)
    expect(causes.map((c) => c.findings)).toEqual([["cloudwatch_logs#1"]])
    expect(causes[0]?.text).toMatch(/in checkout-web/)
  })

  // A person's certificate errors on a host: the Certificate (or Ingress TLS) serving that host
  // leads, not a louder workload in another namespace that one of the report's looser words names.
  it.each([
    {
      host: "portal.harborline.com",
      words: ["claims", "pay"],
      served: {
        kind: "certificate_not_ready",
        resource: "certificate/portal/portal-tls",
        service: "portal-tls",
        title:
          "cert-manager Certificate portal/portal-tls (portal.harborline.com, api.portal.harborline.com) expired, not renewed",
      },
      decoy: { service: "claims-ocr-worker", resource: "pod/claims/claims-ocr-worker-5c7d9b8f6-lx2ps" },
    },
    {
      host: "shop.tidewell.io",
      words: ["orders", "checkout"],
      served: {
        kind: "ingress_tls",
        resource: "ingress/storefront/storefront",
        service: "storefront",
        title:
          "storefront: Ingress TLS for shop.tidewell.io serves secret storefront-tls, expired 2026-11-27T12:40:00Z",
      },
      decoy: { service: "orders-sync", resource: "pod/erp/orders-sync-7d9f8b6c5-abcde" },
    },
    {
      host: "members.fernbank.org",
      words: ["members", "statements"],
      served: {
        kind: "certificate_not_ready",
        resource: "certificate/web/members-fernbank-org",
        service: "members.fernbank.org",
        title:
          "cert-manager Certificate web/members-fernbank-org (members.fernbank.org) expired, not renewed",
      },
      decoy: { service: "statements-render", resource: "pod/batch/statements-render-6c8d7f9b4-xyz12" },
    },
  ])(
    "a person's certificate errors on $host: the finding serving the host leads",
    ({ host, words, served, decoy }) => {
      const human = facts({ source: "human", keywords: [host, "err_cert_date_invalid", ...words] })
      const findings = numbered([
        {
          agent: "eks",
          kind: "volume_mount",
          severity: "critical",
          at: "13:00",
          title: `${decoy.service}: FailedMount — secret not found`,
          ...decoy,
        },
        { agent: "eks", severity: "high", at: "13:01", ...served },
      ])
      const causes = causesFor(human, findings)
      expect(causes.map((c) => c.findings)).toEqual([["eks#2"]])
      expect(causes.map((c) => c.text).join(" ")).not.toContain(decoy.service)
    },
  )

  it("decoy: a certificate for another host than the one reported does not take over the report", () => {
    const human = facts({ source: "human", keywords: ["portal.harborline.com", "claims"] })
    const findings = numbered([
      {
        agent: "eks",
        kind: "volume_mount",
        severity: "critical",
        at: "13:00",
        service: "claims-api",
        resource: "pod/claims/claims-api-5c7d9b8f6-lx2ps",
        title: "claims-api: FailedMount — secret claims-db not found",
      },
      {
        agent: "eks",
        kind: "certificate_not_ready",
        severity: "high",
        at: "13:01",
        service: "api-portal-tls",
        resource: "certificate/portal/api-portal-tls",
        title: "cert-manager Certificate portal/api-portal-tls (api.portal.harborline.com) expired",
      },
    ])
    expect(causesFor(human, findings).map((c) => c.findings)).toEqual([["eks#1"]])
  })

  it("a person's word the evidence serves as a route names the subject ('login' → authgate)", () => {
    const human = facts({ source: "human", service: "login", keywords: ["login", "slow"] })
    const findings = numbered([
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "13:00",
        service: "authgate",
        title: "authgate: ERROR POST /v1/login failed: context deadline exceeded (db: sessions lookup)",
      },
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "critical",
        at: "13:01",
        service: "avatar-resizer",
        title: "avatar-resizer: FATAL libvips out of memory",
      },
    ])
    const causes = causesFor(human, findings)
    expect(causes.map((c) => c.findings)).toEqual([["cloudwatch_logs#1"]])
    expect(causes[0]?.text).toMatch(/authgate/)
  })

  it("an alarm on a resource no finding is about names what is named with its words (a queue's consumer)", () => {
    const dlq = facts({
      source: "cloudwatch",
      service: "invoice-render-dlq",
      alertName: "invoice-render-dlq-not-empty",
    })
    const findings = numbered([
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "13:00",
        service: "invoice-pdf-renderer",
        title:
          "invoice-pdf-renderer: ERROR Invoke Error TypeError: Cannot read properties of undefined (reading 'map')",
      },
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "13:01",
        service: "legacy-invoice-import",
        title: "legacy-invoice-import: ERROR CRM answered 429",
      },
    ])
    expect(causesFor(dlq, findings).map((c) => c.findings)).toEqual([["cloudwatch_logs#1"]])
  })

  it("a consumer group's lag is about the consumer in its namespace, failing since before the window", () => {
    const lag = facts({
      source: "alertmanager",
      alertName: "KafkaConsumerGroupLagHigh",
      namespace: "fulfillment",
      service: "fulfillment-orders",
    })
    const findings = numbered([
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "high",
        at: "12:55",
        service: "fulfillment-orders",
        resource: "metric/fulfillment-orders/kafka_consumergroup_lag_sum",
        title:
          "fulfillment-orders consumer lag (kafka_consumergroup_lag_sum) 2257576 vs 212164 baseline (11×)",
      },
      {
        // Began 15 minutes before the window opened (12:35): the alert fires after lag held for 10m.
        agent: "eks",
        kind: "container_logs",
        severity: "high",
        at: "12:20",
        service: "fulfillment-consumer",
        resource: "pod/fulfillment/fulfillment-consumer-6f4b9d7c8-k4m2x",
        title:
          'fulfillment-consumer: current consumer container logged "CommitFailedException: the group has already rebalanced"',
      },
      {
        agent: "eks",
        kind: "crash_loop",
        severity: "high",
        at: "12:50",
        service: "ledger-reconcile",
        resource: "pod/finance/ledger-reconcile-30267540-7xq2d",
        title: "ledger-reconcile: BackoffLimitExceeded",
      },
      {
        // The consumer's own errors from hours ago are not under way now.
        agent: "eks",
        kind: "container_logs",
        severity: "high",
        at: "10:30",
        service: "fulfillment-consumer",
        resource: "pod/fulfillment/fulfillment-consumer-6f4b9d7c8-p9s7d",
        title: 'fulfillment-consumer: previous consumer container logged "SASL authentication failed"',
      },
    ])
    const causes = causesFor(lag, findings)
    const cited = causes.flatMap((c) => c.findings)
    expect(cited).toContain("eks#1")
    expect(cited).not.toContain("eks#2")
    expect(cited).not.toContain("eks#3")
    expect(causes.map((c) => c.text).join(" ")).toContain("fulfillment-consumer")
  })

  it("a latency with only WARN lines below it names the dependency those lines wait on", () => {
    const ingress = facts({ source: "grafana", namespace: "journeys", service: "journey-planner" })
    const findings = numbered([
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "high",
        at: "12:55",
        service: "journey-planner",
        resource: "metric/journey-planner/latency_p99",
        title: "journey-planner p99 latency 74.2 s vs 1 s baseline (74×)",
      },
      {
        agent: "eks",
        kind: "container_logs",
        severity: "low",
        at: "12:50",
        service: "journey-planner",
        resource: "pod/journeys/journey-planner-5d7f9b8c6d-b2k9q",
        title:
          'journey-planner: current app container logged "WARN slow dependency call target=rail-gateway path=/v2/availability duration_ms=48213"',
      },
    ])
    const [top] = causesFor(ingress, findings)
    expect(top?.text).toMatch(/^high latency .*in journey-planner \(dependency: rail-gateway\)/)
  })

  it("a node alert keeps the node and what names it in scope, never another node", () => {
    const nodeFacts = { ...nothingNamed, node: "ip-10-0-3-17.ec2.internal" }
    const nodes = numberFindings([
      f("eks", "node NotReady", "high", {
        kind: "node_not_ready",
        service: null,
        resource: "node/ip-10-0-3-17.ec2.internal",
      }),
      f("eks", "other node NotReady", "high", {
        kind: "node_not_ready",
        service: null,
        resource: "node/ip-10-0-3-170.ec2.internal",
      }),
    ])
    expect(causesOf(nodes, nodeFacts).map((c) => c.findings)).toEqual([["eks#1"]])
  })
})

describe("dependencies", () => {
  const orders = facts({ service: "orders-api" })
  const slots = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "12:58",
    service: "orders-api",
    title: "FATAL: remaining connection slots are reserved for non-replication superuser connections",
    detail: "database orders-db",
  } as const

  it("a dependency nobody in scope names stays out, however loud", () => {
    const findings = numbered([
      { ...slots, detail: "" },
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "critical",
        at: "12:59",
        service: "orders-db",
        title: "orders-db connections 100/100 (max_connections)",
      },
    ])
    expect(causesFor(orders, findings).flatMap((c) => c.findings)).toEqual(["cloudwatch_logs#1"])
  })

  it("a named dependency's own failure is the deeper cause, the subject's errors its consequence", () => {
    const findings = numbered([
      slots,
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "high",
        at: "12:50",
        service: "orders-db",
        title: "orders-db connections 100/100 (max_connections)",
      },
    ])
    const [top, ...rest] = causesFor(orders, findings)
    expect(rest).toEqual([])
    expect(top?.text).toBe(
      "max_connections (connection exhaustion) in orders-db, causing connection slots exhausted (connection exhaustion) in orders-api: " +
        "orders-db connections 100/100 (max_connections); FATAL: remaining connection slots are reserved for non-replication superuser connections",
    )
    expect(top?.findings).toEqual(["prometheus#1", "cloudwatch_logs#1"])
  })

  it("a named dependency showing only what users see supports the subject's cause", () => {
    const findings = numbered([
      slots,
      {
        agent: "prometheus",
        kind: "metric_anomaly",
        severity: "medium",
        at: "12:50",
        service: "orders-db",
        title: "orders-db p99 query latency 2.1s",
      },
    ])
    const [top] = causesFor(orders, findings)
    expect(top?.text).toMatch(
      /^connection slots exhausted \(connection exhaustion\) in orders-api \(dependency: orders-db\)/,
    )
    expect(top?.findings).toEqual(["cloudwatch_logs#1", "prometheus#1"])
  })
})

describe("a dependency named by the subject's configuration", () => {
  const web = facts({ service: "account-web" })
  const full = {
    agent: "prometheus",
    kind: "metric_anomaly",
    severity: "high",
    at: "12:55",
    service: "redis-sessions-master",
    title: "redis-sessions-master: Redis memory at maxmemory (100%)",
  } as const
  const loggedOut = {
    agent: "eks",
    kind: "container_logs",
    severity: "low",
    at: "12:58",
    service: "account-web",
    resource: "deployment/web/account-web",
    title:
      'account-web: current account-web container logged "WARN session not found in store, forcing re-login"',
  } as const
  const configured = {
    agent: "eks",
    kind: "configured_dependencies",
    severity: "info",
    at: "13:00",
    service: "account-web",
    resource: "deployment/web/account-web",
    title:
      "account-web is configured to reach redis-sessions-master.sessions.svc.cluster.local (SESSION_REDIS_URL)",
  } as const

  it("a saturated resource the subject's env names is its cause; unnamed, it stays out", () => {
    const [top] = causesFor(web, numbered([loggedOut, configured, full]))
    expect(top?.text).toMatch(/^Redis memory full at maxmemory .* in redis-sessions-master/)
    expect(top?.findings).toContain("prometheus#1")
    const without = causesFor(web, numbered([loggedOut, full]))
    expect(without.flatMap((c) => c.findings)).not.toContain("prometheus#1")
  })
})

describe("a cache the subject is configured to reach, full as it always is", () => {
  // The subject fails on its database (pool exhausted, lock waits); its cache sits at maxmemory,
  // evicting as a cache below its working set always does. A past incident and a chat remark
  // name the cache: words, not today's failure.
  const api = facts({ service: "order-api" })
  const configured = (cache: string) =>
    ({
      agent: "eks",
      kind: "configured_dependencies",
      severity: "info",
      at: "13:00",
      service: "order-api",
      resource: "deployment/orders/order-api",
      title: `order-api is configured to reach orders-db.abc.eu-west-1.rds.amazonaws.com (SPRING_DATASOURCE_URL), ${cache}.x1k9pz.0001.euw1.cache.amazonaws.com (ORDER_CACHE_URL)`,
    }) as const
  const full = (cache: string) =>
    ({
      agent: "prometheus",
      kind: "metric_anomaly",
      severity: "medium",
      at: "12:55",
      service: cache,
      title: `${cache}: Redis memory at maxmemory (98%)`,
    }) as const
  const failures: ReadonlyArray<{ readonly name: string; readonly line: string }> = [
    {
      name: "a Hikari pool",
      line: "order-api: HikariPool-orders (orders-db) - Connection is not available, request timed out after 30000ms",
    },
    {
      name: "orders-db's connections",
      line: "order-api: FATAL: remaining connection slots are reserved (orders-db)",
    },
    {
      name: "lock waits on orders-db",
      line: "order-api: ERROR canceling statement due to lock timeout on orders-db",
    },
  ]
  const history = {
    agent: "incident_history",
    kind: "similar_incident",
    severity: "medium",
    at: "12:59",
    service: "order-api",
    title: "Similar past incident INC-0877 (~28% match): order-api latency during order-cache failover",
  } as const

  it.each(failures)("failing on $name, the full cache is no cause", ({ line }) => {
    const failing = {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:58",
      service: "order-api",
      title: line,
    } as const
    const locks = {
      agent: "prometheus",
      kind: "datastore_locks",
      severity: "medium",
      at: "12:56",
      service: "orders-db",
      title: "orders-db: 121 lock waits (0 before) — lock contention",
    } as const
    const findings = numbered([configured("order-cache"), failing, full("order-cache"), locks, history])
    const causes = causesFor(api, findings)
    expect(causes.flatMap((c) => c.findings)).not.toContain("prometheus#1")
    expect(causes.map((c) => c.text).join(" ")).not.toContain("order-cache")
  })

  it("decoy: the subject's own lines show the cache refusing writes — the full cache is the cause", () => {
    const refused = {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "12:58",
      service: "order-api",
      title: "order-api: ERROR OOM command not allowed when used memory > 'maxmemory' (orders-db pool fine)",
    } as const
    const causes = causesFor(api, numbered([configured("basket-cache"), refused, full("basket-cache")]))
    expect(causes.flatMap((c) => c.findings)).toContain("prometheus#1")
  })
})

describe("a database the subject is configured to use, named by the alert too", () => {
  // "orders" names both orders-api and orders-db: two subjects, but only one uses the other.
  const orders = facts({ service: "orders" })
  const timeouts = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "12:58",
    service: "orders-api",
    title:
      "orders-api: ERROR request failed (code 57014, error: canceling statement due to statement timeout) (×2)",
  } as const
  const queued = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "12:52",
    service: "orders-db",
    title:
      "orders-db: orders_migrator@orders:[31877]:LOG: process 31877 still waiting for AccessExclusiveLock on relation 16842 (×1)",
  } as const
  const configured = {
    agent: "eks",
    kind: "configured_dependencies",
    severity: "info",
    at: "13:00",
    service: "orders-api",
    resource: "deployment/orders/orders-api",
    title:
      "orders-api is configured to reach orders-db.cq7n1x5v9b2m.eu-central-1.rds.amazonaws.com (DATABASE_HOST)",
  } as const

  it("the database's lock queue is the cause and the service's timeouts its consequence", () => {
    const [top, ...rest] = causesFor(orders, numbered([timeouts, queued, configured]))
    expect(top?.text).toMatch(
      /^lock queue \(waiting for AccessExclusiveLock\) in orders-db, causing timeouts in orders-api/,
    )
    expect(rest).toEqual([])
    // without the configuration, nothing ties them: two causes, the alerting service's first
    const apart = causesFor(orders, numbered([timeouts, queued]))
    expect(apart.map((c) => c.text.split(":")[0])).toEqual([
      "timeouts in orders-api",
      "lock queue (waiting for AccessExclusiveLock) in orders-db",
    ])
  })
})

describe("names that do not resolve, and the cluster DNS", () => {
  const checkout = facts({ service: "checkout-api" })
  const eaiAgain = {
    agent: "eks",
    kind: "container_logs",
    severity: "high",
    at: "12:58",
    service: "checkout-api",
    resource: "deployment/checkout/checkout-api",
    title:
      'checkout-api: current api container logged "ERROR payment intent create failed (error: getaddrinfo EAI_AGAIN api.stripe.com)"',
  } as const
  const coredns = {
    agent: "eks",
    kind: "container_logs",
    severity: "high",
    at: "13:00",
    service: "coredns",
    resource: "deployment/kube-system/coredns",
    title:
      "coredns: cluster DNS failing — lookups forwarded to 10.40.0.2 time out or fail; forward: no healthy upstream resolvers (3 error lines on 2/2 pods)",
    detail:
      "[ERROR] plugin/errors: 2 api.stripe.com. A: read udp 10.12.33.87:52114->10.40.0.2:53: i/o timeout",
  } as const

  it("a failing CoreDNS is the cause of its callers' DNS failures, though they never name it", () => {
    const [top, ...rest] = causesFor(checkout, numbered([eaiAgain, coredns]))
    expect(top?.text).toMatch(
      /^DNS resolution failures .* in coredns .*causing DNS resolution failures .* in checkout-api/,
    )
    expect(rest).toEqual([])
  })

  it("a caller failing otherwise does not pull CoreDNS in", () => {
    const refused = { ...eaiAgain, title: "checkout-api: ERROR connect ECONNREFUSED 10.0.3.4:5432 (×4)" }
    const causes = causesFor(checkout, numbered([refused, coredns]))
    expect(causes.flatMap((c) => c.findings)).not.toContain("eks#2")
  })
})

describe("requests refused for a rate limit, logged at WARN by a client that retries", () => {
  const rates = facts({ service: "shipping-rates" })
  const noOptions = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "high",
    at: "12:58",
    service: "shipping-rates",
    title: "shipping-rates: ERROR no shipping options returned to checkout (×2)",
  } as const
  const refused = {
    agent: "cloudwatch_logs",
    kind: "log_signature",
    severity: "low",
    at: "12:56",
    service: "shipping-rates",
    title: "shipping-rates: WARN carrier quote failed (status 429, code rate_limit_exceeded) (×4)",
  } as const

  it("are the failure the errors after them are", () => {
    const [top, ...rest] = causesFor(rates, numbered([noOptions, refused]))
    expect(top?.text).toMatch(/^rate limited \(429 Too Many Requests\) and errors in shipping-rates/)
    expect(top?.findings).toEqual(["cloudwatch_logs#1", "cloudwatch_logs#2"])
    expect(rest).toEqual([])
  })

  it("another WARN (a connection reset) is not the failure the errors are", () => {
    const reset = { ...refused, title: "shipping-rates: WARN carrier connection reset, retrying (×4)" }
    const [top] = causesFor(rates, numbered([noOptions, reset]))
    expect(top?.text).toMatch(/^errors in shipping-rates/)
  })
})

describe("what a cause says of a change and of a crash", () => {
  const scorer = facts({ service: "risk-scorer" })

  it("a runtime's option string moved: the flags added and removed, not two long strings", () => {
    const [top] = causesFor(
      scorer,
      numbered([
        {
          agent: "eks",
          kind: "oom_killed",
          severity: "high",
          at: "12:58",
          resource: "deployment/fraud/risk-scorer",
          service: "risk-scorer",
          title: "risk-scorer: container scorer OOMKilled in 2/5 pods (memory limit 2Gi), 15 restarts",
        },
        {
          agent: "eks",
          kind: "config_change",
          severity: "medium",
          at: "12:40",
          resource: "deployment/fraud/risk-scorer",
          service: "risk-scorer",
          title:
            "risk-scorer: config change revision 14 → 15 at 12:40:00Z (env JAVA_TOOL_OPTIONS -XX:MaxRAMPercentage=70.0 -XX:+UseG1GC → -Xms3g -Xmx3g -XX:+AlwaysPreTouch -XX:+UseG1GC)",
        },
      ]),
    )
    expect(top?.text).toMatch(
      /^config change of risk-scorer at 12:40 UTC \(JAVA_TOOL_OPTIONS: -Xms3g -Xmx3g -XX:\+AlwaysPreTouch added, -XX:MaxRAMPercentage=70\.0 removed\) followed by OOMKilled/,
    )
  })

  it("a crash loop whose previous container's last lines state a deeper failure is that failure", () => {
    const gateway = facts({ service: "webhook-gateway" })
    const causes = causesFor(
      gateway,
      numbered([
        {
          agent: "eks",
          kind: "crash_loop",
          severity: "critical",
          at: "12:58",
          resource: "deployment/integrations/webhook-gateway",
          service: "webhook-gateway",
          title:
            "webhook-gateway: container gateway CrashLoopBackOff in 2/2 pods (Error (exit 1)), 13 restarts",
        },
        {
          agent: "eks",
          kind: "container_logs",
          severity: "high",
          at: "12:57",
          resource: "pod/integrations/webhook-gateway-7c9d8b6f5-x2k9p",
          service: "webhook-gateway",
          title:
            'webhook-gateway: previous gateway container logged "FATAL partner=globex: client certificate expired at 2026-12-02T02:50:00Z"',
        },
      ]),
    )
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(
      /^TLS certificate expired .*and CrashLoopBackOff \(exit 1\) in webhook-gateway/,
    )
  })
})

describe("a subject's surface errors join its deepest named failure", () => {
  it("a pool exhausted and the 5xx beside it are one failure, the pool named first", () => {
    const causes = causesFor(
      facts({ service: "booking-api" }),
      numbered([
        {
          agent: "cloudwatch_logs",
          kind: "log_signature",
          severity: "high",
          at: "12:50",
          resource: "loggroup//ecs/booking-api",
          service: "booking-api",
          title:
            "booking-api: ERROR POST /v1/bookings failed: sqlalchemy.exc.TimeoutError: QueuePool limit of size 10 overflow 5 reached (×3)",
        },
        {
          agent: "cloudwatch_logs",
          kind: "log_signature",
          severity: "high",
          at: "12:58",
          resource: "loggroup//ecs/booking-api",
          service: "booking-api",
          title:
            'booking-api: INFO: 10.52.3.18:42960 - "POST /v1/bookings HTTP/1.1" 500 Internal Server Error (×1)',
        },
      ]),
    )
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(/^connection pool exhausted .*and 5xx errors in booking-api/)
  })
})

describe("infrastructure and noise", () => {
  const search = facts({ namespace: "search", workload: "search-indexer" })
  const autoscaler = {
    agent: "eks",
    kind: "autoscaler",
    severity: "medium",
    at: "12:51",
    resource: "configmap/kube-system/cluster-autoscaler-status",
    title: "cluster-autoscaler: max node group size reached",
  } as const

  it("the cluster-autoscaler explains unschedulable pods, and nothing else", () => {
    const pending = numbered([
      {
        agent: "eks",
        kind: "unschedulable",
        severity: "high",
        at: "12:50",
        resource: "pod/search/search-indexer-6b8d7c5f4-p1p1p",
        title: "search-indexer: 2 pods Pending — 0/6 nodes are available: 6 Insufficient cpu.",
      },
      autoscaler,
    ])
    expect(causesFor(search, pending)[0]?.findings).toEqual(["eks#1", "eks#2"])
    const crashing = numbered([
      {
        agent: "eks",
        kind: "crash_loop",
        severity: "high",
        at: "12:50",
        resource: "pod/search/search-indexer-6b8d7c5f4-p1p1p",
        title: "search-indexer: CrashLoopBackOff",
      },
      autoscaler,
    ])
    expect(causesFor(search, crashing).flatMap((c) => c.findings)).toEqual(["eks#1"])
  })

  it("WARN-level chatter of the subject neither joins its failure nor stands beside it", () => {
    const orders = facts({ service: "orders-api" })
    const findings = numbered([
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "12:59",
        service: "orders-api",
        title: "orders-api: error: sorry, too many clients already (×3)",
      },
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "low",
        at: "12:47",
        service: "orders-api",
        title: "orders-api: WARN [LaunchDarkly] Received I/O error (Error: read ECONNRESET) (×3)",
      },
    ])
    const causes = causesFor(orders, findings)
    expect(causes.map((c) => c.findings)).toEqual([["cloudwatch_logs#1"]])
    for (const c of causes) expect(c.text).not.toMatch(/LaunchDarkly|ECONNRESET/)
    expect(causesFor(orders, findings.slice(1)).map((c) => c.findings)).toEqual([["cloudwatch_logs#2"]])
  })

  it("an alarm named after its service scopes to that service", () => {
    const alarm = facts({
      source: "cloudwatch",
      alertName: "orders-api-alb-5xx",
      keywords: ["orders-api-alb-5xx", "orders-api-tg"],
    })
    const findings = numbered([
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "high",
        at: "12:59",
        service: "orders-api",
        title: "orders-api: ERROR POST /v1/orders 500",
      },
      {
        agent: "cloudwatch_logs",
        kind: "log_signature",
        severity: "critical",
        at: "12:58",
        service: "search-api",
        title: "search-api: FATAL index corrupted",
      },
    ])
    expect(causesFor(alarm, findings).map((c) => c.findings)).toEqual([["cloudwatch_logs#1"]])
  })
})
