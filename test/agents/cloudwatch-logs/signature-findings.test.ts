/**
 * The severity rubric and scope ordering of log signatures (DESIGN §3, §4), pure: the alerting
 * service's ERROR/FATAL/5xx signatures are high and its WARN ones low; another service naming
 * it is a low consequence after them; an unrelated one is info and last; a namespace-only alert
 * scopes by the pods' namespace.
 */
import { describe, expect, it } from "@effect/vitest"
import { signatureFindings } from "../../../src/agents/cloudwatch-logs/signature-findings.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { clusterLogLines, type LogLine } from "../../../src/domain/log-clusters.js"

const app = "/aws/containerinsights/eks-prod/application"
const line = (second: number, stream: string, message: string): LogLine => ({
  timestampMs: Date.UTC(2026, 10, 27, 13, 0, second),
  stream,
  message,
  group: app,
})
const lines = [
  line(1, "search-5d84b7c9f-abcde_search_api", "ERROR index corrupt"),
  line(2, "checkout-web-7f6d5c4b3-k1l2m_checkout_web", "ERROR upstream payments-api unavailable"),
  line(3, "payments-api-6c9f7d8b4-q7x2m_payments_api", "WARN heap used 498MiB of 512MiB"),
  line(4, "payments-api-6c9f7d8b4-q7x2m_payments_api", '10.0.0.9 - - "POST /settle HTTP/1.1" 503 0'),
  line(5, "payments-api-6c9f7d8b4-q7x2m_payments_api", "FATAL ERROR: JavaScript heap out of memory"),
]
const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const rated = (text: string, max?: number) =>
  signatureFindings(clusterLogLines(lines), {
    facts: facts(text),
    link: () => null,
    truncated: false,
    ...(max === undefined ? {} : { max }),
  })

describe("signatureFindings", () => {
  it("rates by the rubric and orders by scope", () => {
    const { findings, omitted } = rated(
      "[FIRING:1] KubePodCrashLooping\nnamespace: payments\npod: payments-api-6c9f7d8b4-q7x2m",
    )
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["payments-api", "high"],
      ["payments-api", "high"],
      ["payments-api", "low"],
      ["checkout-web", "low"],
      ["search", "info"],
    ])
    expect(findings[0]?.title).toContain("FATAL ERROR")
    expect(findings[1]?.detail).toMatch(/^1 HTTP 5xx line/)
    expect(findings[4]?.detail).toContain("Not about")
    expect(omitted).toBe(0)
  })

  it("scopes a namespace-only alert by the pods' namespace", () => {
    const { findings } = rated("[FIRING:1] NamespaceErrors\nnamespace: checkout")
    expect(findings[0]).toMatchObject({ service: "checkout-web", severity: "high" })
  })

  it("treats everything as in scope when the alert names nothing, and caps", () => {
    const { findings, omitted } = rated("something is wrong", 2)
    expect(findings.map((f) => f.severity)).toEqual(["high", "high"])
    expect(omitted).toBe(3)
  })

  it("marks counts as lower bounds when the query hit its row limit", () => {
    const { findings } = signatureFindings(clusterLogLines(lines.slice(4)), {
      facts: facts("pod: payments-api-6c9f7d8b4-q7x2m"),
      link: () => "https://example.invalid/q",
      truncated: true,
    })
    expect(findings[0]?.title).toContain("(×1+)")
    expect(findings[0]?.detail).toContain("counts are lower bounds")
    expect(findings[0]?.link).toBe("https://example.invalid/q")
  })

  it("an edge component failing the alerting service's certificate is that service's failure, not a caller's", () => {
    const ingress = "ingress-nginx-controller-5c8d66c76d-h2k9q_ingress-nginx_controller"
    const edge = [
      line(
        1,
        ingress,
        'E0118 07:05:41.218337 7 backend_ssl.go:61] "SSL certificate expired" host="status-api.example.net"',
      ),
      line(2, ingress, "E0118 07:05:42.000001 7 controller.go:1021] upstream status-api returned 502"),
    ]
    const { findings } = signatureFindings(clusterLogLines(edge), {
      facts: facts("🔴 Monitor is DOWN: status-api (https://status-api.example.net) – SSL error"),
      link: () => null,
      truncated: false,
    })
    const certificate = findings.find((f) => f.title.includes("certificate"))
    expect(certificate).toMatchObject({ service: "status-api", severity: "high" })
    expect(certificate?.detail).toContain("status-api's own edge failing")
    // Its 5xx answers for the service are the service's own, at its front door.
    const upstream = findings.find((f) => f.title.includes("502"))
    expect(upstream).toMatchObject({ service: "status-api", severity: "high" })
    expect(upstream?.detail).toContain("the ingress in front of status-api")
  })

  it("the ingress's 503s for the alerting service are that service's; a caller's errors about it stay a caller's", () => {
    const edge = [
      line(
        1,
        "ingress-nginx-controller-7d4b9c8f6-p2x7w_ingress-nginx_controller",
        '10.88.4.19 - - [09/Mar/2027:10:04:10 +0000] "GET /v2/stock/SKU-118204 HTTP/1.1" 503 190 "-" "checkly/2.0" 311 0.000 [warehouse-inventory-svc-http] [] - - - - 9f1c',
      ),
      line(
        2,
        "picking-api-6b8d7c5f4-z9y8x_warehouse_api",
        'ERROR stock lookup failed: Get "http://inventory-svc.warehouse.svc.cluster.local:8080/v2/stock/SKU-1": 503',
      ),
      line(3, "traefik-5f6d7c8b9-a1b2c_kube-system_traefik", "ERROR 502 Bad Gateway for orders-api"),
    ]
    const { findings } = signatureFindings(clusterLogLines(edge), {
      facts: facts(
        'Check "Inventory API – stock lookup" is DOWN\nGET https://ops-api.example.io/inventory/v2/stock/SKU-118204 <https://app.checklyhq.com/checks/1>',
      ),
      link: () => null,
      truncated: false,
    })
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["inventory", "high"],
      ["picking-api", "low"],
      ["traefik", "info"],
    ])
  })

  it("a person's word the service serves as a route makes its own lines the subject; a caller's call does not", () => {
    const identity = [
      line(1, "authgate-5d9b8c7f6-7kq2n_identity_authgate", "ERROR POST /v1/login failed: deadline exceeded"),
      line(
        2,
        "web-shell-6f7d8c9b5-x1y2z_frontend_web-shell",
        "ERROR POST https://authgate/v1/login timed out",
      ),
    ]
    const { findings } = signatureFindings(clusterLogLines(identity), {
      facts: facts("login is really slow for everyone"),
      link: () => null,
      truncated: false,
    })
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["authgate", "high"],
      ["web-shell", "low"],
    ])
  })

  it("an API Gateway alert's execution logs (named by the API's id) are that API's own lines", () => {
    const execution = "API-Gateway-Execution-Logs_k3x9q2v7md/prod"
    const failed: LogLine = {
      timestampMs: Date.UTC(2026, 10, 27, 13, 0, 1),
      stream: "5f1c2e7a9b3d4c6e8f0a1b2c3d4e5f6a",
      message: "(625f9612) Execution failed due to configuration error: General SSLEngine problem",
      group: execution,
    }
    const rate = (text: string) =>
      signatureFindings(clusterLogLines([failed]), {
        facts: facts(text),
        link: () => null,
        truncated: false,
      }).findings.map((f) => [f.service, f.severity])
    expect(
      rate(
        "Triggered: [P1] partner-api 5XX error rate above 5%\nQuery: sum:aws.apigateway.5xxerror{apiname:partner-api}",
      ),
    ).toEqual([["partner-api", "high"]])
    // Not an API Gateway alert: another service's lines, context only.
    expect(rate("[FIRING:1] HighErrorRate\nservice: checkout-api")).toEqual([[null, "info"]])
  })
})

describe("signatureFindings: an alert named for its namespace and the service's word", () => {
  const ns = [
    line(
      1,
      "rating-api-7c9d8f6b5-x2k4p_reviews_api",
      "ERROR lookup cache.internal on 172.20.0.10:53: i/o timeout",
    ),
    line(2, "rating-api-7c9d8f6b5-q8m1z_storefront_api", "ERROR lookup cache.internal: no such host"),
    line(3, "moderation-worker-5b6c7d8e9-aa1bb_reviews_worker", "ERROR queue closed"),
  ]
  const of = (text: string) =>
    signatureFindings(clusterLogLines(ns), { facts: facts(text), link: () => null, truncated: false })
      .findings

  it("rates the workload in that namespace sharing the other word as the alerting service", () => {
    const found = of("Triggered: ReviewsRatingErrors\nservice: reviews-rating\nnamespace: reviews")
    const own = found.filter((f) => f.severity === "high")
    expect(own.map((f) => f.service)).toEqual(["rating-api"])
    expect(own[0]?.title).toContain("172.20.0.10:53")
  })

  it("not the same name in another namespace, nor another workload of the namespace", () => {
    const found = of("Triggered: ReviewsRatingErrors\nservice: reviews-rating\nnamespace: reviews")
    expect(
      found
        .filter((f) => f.severity === "high")
        .map((f) => f.title)
        .join(" "),
    ).not.toContain("no such host")
    expect(found.find((f) => f.service === "moderation-worker")?.severity).not.toBe("high")
  })

  it("a read replica's lag beyond its limit at WARN is medium in scope: every read it serves is stale", () => {
    const lag = (second: number, message: string) =>
      line(second, "ledger-api-6c9f7d8b4-q7x2m_ledger_api", message)
    const { findings } = signatureFindings(
      clusterLogLines([
        lag(1, "WARN db.replica lag check: reader lag 488s exceeds soft limit 30s"),
        lag(2, "WARN connection pool 80% used"),
      ]),
      {
        facts: facts("[FIRING:1] LedgerStaleReads\nservice: ledger-api"),
        link: () => null,
        truncated: false,
      },
    )
    expect(findings.map((f) => [f.excerpt?.slice(0, 20), f.severity])).toEqual([
      ["WARN db.replica lag ", "medium"],
      ["WARN connection pool", "low"],
    ])
  })

  it("a 401 citing a token's claim at WARN is medium in scope; a 401 citing none stays low", () => {
    const refused = (second: number, message: string) =>
      line(second, "ledger-api-6c9f7d8b4-q7x2m_ledger_api", message)
    const { findings } = signatureFindings(
      clusterLogLines([
        refused(
          1,
          'WARN POST /v1/entries 401 reason="JsonWebTokenError: jwt audience invalid. expected: ledger"',
        ),
        refused(2, "WARN GET /v1/partners 401 missing session cookie"),
      ]),
      { facts: facts("[FIRING:1] Ledger401s\nservice: ledger-api"), link: () => null, truncated: false },
    )
    expect(findings.map((f) => [f.excerpt?.slice(0, 22), f.severity])).toEqual([
      ["WARN POST /v1/entries ", "medium"],
      ["WARN GET /v1/partners ", "low"],
    ])
  })
})
