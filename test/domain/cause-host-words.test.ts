/**
 * The hostnames a person's report quotes, and whether a finding's words name that host itself
 * (not a subdomain, not a longer name) — how a report of certificate errors on a host finds the
 * Certificate or Ingress serving it (causes-scope.ts).
 */
import { describe, expect, it } from "vitest"
import { namesHost, reportedHosts } from "../../src/domain/cause-host-words.js"
import { facts } from "./causes-support.js"

describe("reportedHosts", () => {
  it("takes hostnames from the report's words and links, not versions or plain words", () => {
    const f = facts({
      source: "human",
      keywords: ["portal.harborline.com", "err_cert_date_invalid", "v2.3", "claims", "chrome"],
      links: ["https://shop.tidewell.io/checkout?x=1", "not a url"],
    })
    expect(reportedHosts(f)).toEqual(["portal.harborline.com", "shop.tidewell.io"])
  })

  it("a report with no hostname quotes none", () => {
    expect(reportedHosts(facts({ source: "human", keywords: ["login", "slow"] }))).toEqual([])
  })
})

describe("namesHost", () => {
  it.each([
    ["Certificate portal/portal-tls (portal.harborline.com, api.portal.harborline.com) expired", true],
    ["Ingress shop/storefront TLS for shop.tidewell.io: secret storefront-tls expired", true],
    ["probe https://portal.harborline.com/login failed: x509: certificate has expired", true],
    ["users on portal.harborline.com.", true],
    // Decoys: a subdomain, a longer host that begins with it, another host.
    ["Certificate portal/api-tls (api.portal.harborline.com) expired", false],
    ["CDN origin portal.harborline.com.edgekey.net unhealthy", false],
    ["Certificate billing/pay-tls (pay.harborline.com) expired", false],
  ])("%s → %s", (text, expected) => {
    expect(namesHost(text, "portal.harborline.com") || namesHost(text, "shop.tidewell.io")).toBe(expected)
  })
})
