/**
 * A third-party API timing out: the caller's lines name an external host ("….adyenpayments.com",
 * "api.stripe.com", "hooks.example.co.uk") timing out; the cause names the provider by its
 * registrable domain, first, with the HPA at max and the 504s as its effects. Decoys: a cluster
 * Service's host and an RDS endpoint keep their first label; a local failure names no provider.
 */
import { describe, expect, it } from "@effect/vitest"
import { isReadingLink, providerDomain, wholeHostAt } from "../../src/domain/cause-provider.js"
import { dependencyNamesIn } from "../../src/domain/causes-names.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const timeoutLine = (svc: string, line: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  title: `${svc}: ${line} (×12)`,
  resource: `loggroup/${svc}`,
  service: svc,
  at: "12:58",
  excerpt: line,
})

const hpaAtMax = (svc: string): Spec => ({
  agent: "eks",
  kind: "hpa_at_max",
  severity: "high",
  title: `${svc}: HPA ${svc} at max 10/10 replicas; http_server_requests_in_flight 187 vs 40 target`,
  resource: `deployment/shop/${svc}`,
  service: svc,
  at: "12:59",
})

const top = (svc: string, specs: ReadonlyArray<Spec>): string =>
  causesFor(facts({ service: svc }), numbered(specs))[0]?.text ?? ""

describe("providerDomain", () => {
  it.each([
    ["a1b2c3-acme-checkout-live.adyenpayments.com", "adyenpayments.com"],
    ["api.stripe.com", "stripe.com"],
    ["hooks.partner.co.uk", "partner.co.uk"],
    ["api.sendgrid.net", "sendgrid.net"],
  ])("%s → %s", (host, domain) => expect(providerDomain(host)).toBe(domain))

  it.each([
    "identity-service.auth.svc.cluster.local",
    "orders-db.cluster-c9x.us-east-1.rds.amazonaws.com",
    "ledger.payments.svc",
    "billing-api",
    "10.0.3.17",
    "ip-10-0-3-17.ec2.internal",
  ])("%s is in-house", (host) => expect(providerDomain(host)).toBeNull())
})

describe("dependency names for a cause", () => {
  it("reads an external host as its provider, an in-house one by its first label", () => {
    const text =
      "POST https://x9-live.adyenpayments.com/checkout/v71/payments timed out; upstream ledger.payments.svc"
    expect(dependencyNamesIn(text, { providers: true })).toEqual(["adyenpayments.com", "ledger"])
    // Scope keeps the first label: it matches workloads by name.
    expect(dependencyNamesIn(text)).toEqual(["x9-live", "ledger"])
  })
})

describe("a third-party API timing out", () => {
  it.each([
    [
      "checkout-api",
      "WARN c.c.payment.AdyenClient : POST https://a1b2c3-acme-checkout-live.adyenpayments.com/checkout/v71/payments timed out after 8000 ms",
      "adyenpayments.com",
    ],
    [
      "billing-worker",
      'level=error msg="charge failed" err="Post \\"https://api.stripe.com/v1/charges\\": context deadline exceeded (Client.Timeout exceeded)" upstream=api.stripe.com',
      "stripe.com",
    ],
    [
      "notify-svc",
      "ERROR request to https://hooks.partner.co.uk/v2/notify timed out after 5000ms",
      "partner.co.uk",
    ],
  ])("%s: names the provider first", (svc, line, provider) => {
    const text = top(svc, [timeoutLine(svc, line), hpaAtMax(svc)])
    expect(text.startsWith(`calls to third-party ${provider} timing out`)).toBe(true)
  })

  it("decoy: a cluster Service timing out is named by its first label, no third party", () => {
    const svc = "checkout-api"
    const text = top(svc, [
      timeoutLine(svc, "ERROR upstream inventory-api.shop.svc.cluster.local timed out after 3000ms"),
    ])
    expect(text).toContain("dependency: inventory-api")
    expect(text).not.toContain("third-party")
  })

  it("decoy: an RDS endpoint is the instance, not amazonaws.com", () => {
    const svc = "orders-api"
    const text = top(svc, [
      timeoutLine(
        svc,
        "ERROR failed to connect to orders-db.cluster-c9x.us-east-1.rds.amazonaws.com: connection timed out",
      ),
    ])
    expect(text).toContain("(dependency: orders-db)")
    expect(text).not.toContain("third-party")
  })
})

// Two false facts a provider name stated: a documentation link read as the provider, and a host
// read from a title a clip had cut ("api.routewis…").
const orders = "orders-db.cluster-c9x.us-east-1.rds.amazonaws.com"

describe("a link given for reading is no provider", () => {
  it.each([
    `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${orders}" timed out (Background on this error at: https://sqlalche.me/e/20/e3q8)`,
    `ERROR upstream ${orders} timed out; see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Troubleshooting.html`,
    `ERROR connect to ${orders} timed out. More information can be found at https://errors.pydantic.dev/2.5/v/timeout`,
    `ERROR upstream ${orders} timed out\n  help: https://runbooks.example.com/db-timeouts`,
    `ERROR upstream ${orders} timed out, for more info visit https://status.example.io`,
    `java.sql.SQLTimeoutException: connect to ${orders} timed out (see https://github.com/pgjdbc/pgjdbc/issues/1)`,
  ])("%s", (line) => {
    const names = dependencyNamesIn(line, { providers: true })
    expect(names).toEqual(["orders-db"])
    expect(names.some((n) => n.includes("."))).toBe(false)
  })

  it("names the called host beside a documentation link (variant: both on one line)", () => {
    const line =
      "java.net.SocketTimeoutException: timeout calling https://api.stripe.com/v1/charges; see https://square.github.io/okhttp/timeouts"
    expect(dependencyNamesIn(line, { providers: true })).toEqual(["stripe.com"])
  })

  it.each([
    ["POST https://api.stripe.com/v1/charges timed out", 13, false],
    ["see https://docs.stripe.com/errors", 12, true],
    ["help: https://help.adyen.com/x", 14, true],
    ["GET https://docs-api.internal.example.com/v1 timed out", 12, false],
  ])("%s at %i: reading link %s", (text, at, reading) => expect(isReadingLink(text, at)).toBe(reading))

  it("a cause over a SQLAlchemy error names the database, not sqlalche.me", () => {
    const svc = "orders-api"
    const text = top(svc, [
      timeoutLine(
        svc,
        `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${orders}" (10.60.4.18), port 5432 failed: timeout expired (Background on this error at: https://sqlalche.me/e/20/e3q8)`,
      ),
    ])
    expect(text).not.toContain("sqlalche.me")
    expect(text).not.toContain("third-party")
    expect(text).toContain("(dependency: orders-db)")
  })
})

describe("a host a clip cut is read from the full text, or not named", () => {
  const full =
    'ERROR routewise matrix call failed: Post "https://api.routewise.com/v2/matrix": context deadline exceeded (Client.Timeout exceeded while awaiting headers) timeout=10s attempt=3/3'
  const clipped = `route-planner: ${full.slice(0, full.indexOf("routewise.com") + 8)}… (×12)`

  it("the clipped title ends inside the host", () => expect(clipped).toContain("https://api.routewis…"))

  it.each([
    ["https://api.routewis… (×12)", 8, full, "api.routewise.com"],
    ["https://api.routewis… (×12)", 8, undefined, null],
    ["https://api.routewis... (×12)", 8, undefined, null],
    ["https://api.routewis… (×12)", 8, "a different line entirely", null],
    ["upstream=api.stripe.com", 9, "upstream=api.stripe.com timed out", "api.stripe.com"],
    ["upstream=api.stripe.co", 9, "nothing about it", null],
    ["POST https://api.stripe.com/v1 timed out", 13, undefined, "api.stripe.com"],
  ])("%s at %i (full: %s) → %s", (text, at, whole, host) => expect(wholeHostAt(text, at, whole)).toBe(host))

  it("a cut title alone names no provider; with its full text, the whole one", () => {
    expect(dependencyNamesIn(clipped, { providers: true })).toEqual([])
    expect(dependencyNamesIn(clipped, { providers: true, full })).toEqual(["routewise.com"])
    // Cut inside the first label ("https://routewi…"): no half name either.
    expect(dependencyNamesIn("POST https://routewi… (×3)", { providers: true })).toEqual([])
  })

  it("a cause over a clipped title names routewise.com, never routewis", () => {
    const svc = "route-planner"
    const text = top(svc, [{ ...timeoutLine(svc, full), title: clipped }, hpaAtMax(svc)])
    expect(text.startsWith("calls to third-party routewise.com timing out")).toBe(true)
    expect(text).toContain("(dependency: routewise.com)")
  })

  it("decoy: a title cut where the full text names no such host names nothing from it", () => {
    const svc = "route-planner"
    const text = top(svc, [
      { ...timeoutLine(svc, "ERROR matrix call failed: context deadline exceeded"), title: clipped },
      hpaAtMax(svc),
    ])
    // The quoted title still reads "api.routewis…"; no name is made of it.
    expect(text).not.toContain("dependency: routewis")
    expect(text).not.toContain("third-party")
  })
})
