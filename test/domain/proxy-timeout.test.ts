/**
 * A reverse proxy cutting a slow service at its own timeout: nginx's, Envoy's and a load
 * balancer's words, the 504s' pinned request time as the timeout's value, the service named by
 * an access line's field or upstream, and the red herrings that are not a proxy's timeout.
 */
import { describe, expect, it } from "@effect/vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { proxyTimeoutFindings, proxyTimeoutOf } from "../../src/domain/proxy-timeout.js"

const at = (iso: string): number => Date.parse(iso)
const line = (
  iso: string,
  message: string,
  stream = "ingress-nginx-controller-abc_ingress-nginx_controller",
): LogLine => ({
  timestampMs: at(iso),
  message,
  stream,
  group: "/aws/containerinsights/prod/application",
})

const nginxError = (iso: string, host: string, phase = "reading response header from upstream") =>
  line(
    iso,
    `${iso.slice(0, 10).replace(/-/g, "/")} ${iso.slice(11, 19)} [error] 31#31: *88 upstream timed out (110: Connection timed out) while ${phase}, client: 10.1.2.3, server: ${host}, request: "GET /x HTTP/1.1", upstream: "http://10.1.9.9:8080/x", host: "${host}"`,
  )
const jsonAccess = (iso: string, service: string, status: number, time: number) =>
  line(
    iso,
    `{"time": "${iso}", "status": ${status}, "request_time": ${time}, "upstream_addr": "10.1.9.9:8080", "ingress": "${service}", "namespace": "billing", "service": "${service}"}`,
  )

describe("proxyTimeoutFindings", () => {
  it("names ingress-nginx, its proxy-read-timeout and the 504s' pinned time for the service its access lines name", () => {
    const lines = [
      nginxError("2027-02-01T08:00:05Z", "invoices.example.org"),
      jsonAccess("2027-02-01T08:00:05Z", "invoice-pdf", 504, 30.002),
      nginxError("2027-02-01T08:03:10Z", "invoices.example.org"),
      jsonAccess("2027-02-01T08:03:10Z", "invoice-pdf", 504, 30.001),
      jsonAccess("2027-02-01T08:04:00Z", "invoice-pdf", 200, 1.2),
    ]
    const [f, ...rest] = proxyTimeoutFindings("cloudwatch_logs", lines, ["invoice-pdf"])
    expect(rest).toEqual([])
    expect(f?.kind).toBe("proxy_timeout")
    expect(f?.service).toBe("invoice-pdf")
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("ingress-nginx cut 2 request(s) to invoice-pdf at its 30s proxy-read-timeout")
    expect(f?.title).toContain("upstream timed out")
  })

  it("reads the service from the upstream name of nginx's default access format", () => {
    const lines = [
      nginxError("2027-02-01T08:00:05Z", "shop.example.com", "reading upstream"),
      line(
        "2027-02-01T08:00:05Z",
        '1.2.3.4 - - [01/Feb/2027:08:00:05 +0000] "GET /cart HTTP/2.0" 504 160 "-" "curl/8" 300 120.001 [shop-cart-api-80] [] 10.1.9.9:8080 0 120.000 504 abc',
      ),
    ]
    const [f] = proxyTimeoutFindings("eks", lines, ["cart-api"])
    expect(f?.title).toContain("cart-api at its 120s proxy-read-timeout")
  })

  it("names Envoy's route timeout and a load balancer's own", () => {
    const envoy = [
      line(
        "2027-02-01T08:00:05Z",
        '[2027-02-01T08:00:05.000Z] "POST /pay HTTP/1.1" 504 UT 0 24 15001 - "-" "-" "x" "payments-api:8080" "10.1.9.9:8080"',
      ),
    ]
    expect(proxyTimeoutOf(envoy)?.proxy).toBe("envoy")
    expect(proxyTimeoutOf(envoy)?.setting).toBe("route timeout")
    const alb = [
      line("2027-02-01T08:00:05Z", "504 Gateway Timeout from alb: Target response timeout for payments-api"),
    ]
    expect(proxyTimeoutOf(alb)?.proxy).toBe("load balancer")
  })

  it("treats 504s pinned at one request time as a proxy's timeout even without its error line", () => {
    const lines = [
      jsonAccess("2027-02-01T08:00:05Z", "report-api", 504, 60.001),
      jsonAccess("2027-02-01T08:01:05Z", "report-api", 504, 60.004),
    ]
    expect(proxyTimeoutFindings("cloudwatch_logs", lines, ["report-api"])[0]?.title).toContain("at its 60s")
  })

  it("finds nothing in a backend's own spread-out 504s, a single 504, another service's cuts, or a timeout setting", () => {
    const spread = [
      jsonAccess("2027-02-01T08:00:05Z", "report-api", 504, 3.2),
      jsonAccess("2027-02-01T08:01:05Z", "report-api", 504, 41.7),
      jsonAccess("2027-02-01T08:02:05Z", "report-api", 504, 12.0),
    ]
    expect(proxyTimeoutFindings("cloudwatch_logs", spread, ["report-api"])).toEqual([])
    expect(
      proxyTimeoutFindings(
        "cloudwatch_logs",
        [jsonAccess("2027-02-01T08:00:05Z", "report-api", 504, 60)],
        ["report-api"],
      ),
    ).toEqual([])
    const other = [
      nginxError("2027-02-01T08:00:05Z", "other.example.com"),
      jsonAccess("2027-02-01T08:00:05Z", "search-api", 504, 60.0),
    ]
    expect(proxyTimeoutFindings("cloudwatch_logs", other, ["report-api"])).toEqual([])
    const setting = [
      line(
        "2027-02-01T08:00:05Z",
        "report-api starting with proxy timeout=60s idle timeout 30s",
        "report-api-1",
      ),
    ]
    expect(proxyTimeoutFindings("cloudwatch_logs", setting, ["report-api"])).toEqual([])
  })

  it("does not take a longer name holding the service's for it", () => {
    const lines = [
      nginxError("2027-02-01T08:00:05Z", "x.example.com"),
      jsonAccess("2027-02-01T08:00:05Z", "report-api-v2", 504, 60.0),
    ]
    expect(proxyTimeoutFindings("cloudwatch_logs", lines, ["report-api"])).toEqual([])
  })
})
