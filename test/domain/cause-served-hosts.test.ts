/**
 * Stop 24: a host under a domain the cluster's own Ingresses serve is the company's front door,
 * not a third party (cause-served-hosts.ts, causes-text.ts). Variants: a subdomain, the bare
 * domain, a country-code domain. Decoys: a real provider's host beside the same Ingress stays a
 * third party; with no Ingress seen, a host is judged as before.
 */
import { describe, expect, it } from "vitest"
import { isServedHost, registrableDomain, servedDomains } from "../../src/domain/cause-served-hosts.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const rejection = (host: string): Spec => ({
  agent: "eks",
  kind: "ingress_rejection",
  severity: "high",
  at: "13:01",
  resource: "ingress/claims/photo-intake",
  service: "photo-intake",
  title: `413 Request Entity Too Large at ingress-nginx for Ingress claims/photo-intake (${host} → photo-intake): proxy-body-size "1m"`,
})
const failing = (host: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:02",
  service: "edge-router",
  title: `edge-router: [error] upstream call to https://${host}/v1/upload failed: 502 Bad Gateway`,
})

describe("servedDomains", () => {
  it("reads the hosts an Ingress serves", () => {
    const found = servedDomains(numbered([rejection("claims-api.harbourline.com")]))
    expect([...found]).toEqual(["harbourline.com"])
  })
  for (const [host, served, own] of [
    ["uploads.harbourline.com", "claims-api.harbourline.com", true],
    ["harbourline.com", "claims-api.harbourline.com", true],
    ["media.tideway.co.uk", "api.tideway.co.uk", true],
    ["api.stripe.com", "claims-api.harbourline.com", false],
    ["other.co.uk", "api.tideway.co.uk", false],
  ] as const)
    it(`${host} under ${served}: ${own ? "own" : "third party"}`, () =>
      expect(isServedHost(host, new Set([registrableDomain(served)]))).toBe(own))

  it("no Ingress seen: nothing is own", () =>
    expect(isServedHost("api.harbourline.com", new Set())).toBe(false))
})

describe("a cause never calls the company's own domain a third party", () => {
  const alert = facts({ alertName: "Edge502s", namespace: "claims", workload: "edge-router" })

  it("own host under a served domain", () => {
    const causes = causesFor(
      alert,
      numbered([rejection("claims-api.harbourline.com"), failing("uploads.harbourline.com")]),
    )
    expect(causes.some((c) => /third-party harbourline/.test(c.text))).toBe(false)
  })

  it("decoy: a real provider's host is still a third party", () => {
    const causes = causesFor(
      alert,
      numbered([rejection("claims-api.harbourline.com"), failing("api.stripe.com")]),
    )
    expect(causes.some((c) => /third-party stripe\.com|third-party api\.stripe\.com/.test(c.text))).toBe(true)
  })
})
