/** The value a rollout's finding blames, read back for the cause; decoy: a rollout with no culprit. */
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { culpritSetting } from "../../src/domain/culprit-phrase.js"
import type { Finding } from "../../src/domain/finding.js"

const change = (title: string): Finding => ({
  id: "eks#1",
  agent: "eks",
  title,
  detail: "",
  severity: "high",
  kind: "rollout",
  observedAt: DateTime.unsafeMake(0),
  resource: "deployment/shop/cart",
  service: "cart",
  link: null,
  excerpt: null,
})

describe("culpritSetting", () => {
  it("names the variable, its new value and the host's service", () => {
    const c = culpritSetting([
      change(
        "cart: rollout 3.1.0 changed PRICES_URL from http://prices:80/v1 to http://prices:80/v2, and the failing calls name prices:80/v2",
      ),
    ])
    expect(c).toEqual({ phrase: "PRICES_URL → http://prices:80/v2", dependency: "prices" })
  })

  it("a path alone names no dependency; args are a culprit too", () => {
    expect(
      culpritSetting([
        change("cart: rollout v2 changed args from --up=a.svc to --up=b.svc, and the failing calls name /v2"),
      ])?.dependency,
    ).toBeNull()
  })

  it("decoy: a rollout finding that names no culprit", () => {
    expect(culpritSetting([change("cart: rollout revision 4 → 5 at 10:00:00Z (image 1.0 → 1.1)")])).toBeNull()
  })

  it("names a swapped ConfigMap and the file that does not parse", () => {
    const c = culpritSetting([
      change(
        "cart: rollout 3.1.0 switched ConfigMap cart-flags-a1 → cart-flags-b2 and the new pods cannot parse flags.json (JsonParseException: Unexpected character)",
      ),
    ])
    expect(c).toEqual({
      phrase: "ConfigMap cart-flags-a1 → cart-flags-b2: flags.json does not parse",
      dependency: null,
    })
  })
})

// Stop 23: a setting repointed at another environment (rollout-environment-swap.ts).
describe("culpritSetting: a value repointed at another environment", () => {
  it("names the variable and its new value, and no dependency (its callers reject it)", () => {
    const c = culpritSetting([
      change(
        "auth: rollout v5.2.0 changed TOKEN_ISSUER from https://login.acme.io to https://login.staging.acme.io, a staging value gateway does not expect (it is configured for login.acme.io)",
      ),
    ])
    expect(c).toEqual({
      phrase: "TOKEN_ISSUER → https://login.staging.acme.io (a staging value)",
      dependency: null,
    })
  })

  it("reads a dev bucket with no caller seen", () => {
    const c = culpritSetting([
      change(
        "exporter: rollout 2.0.1 changed EXPORT_BUCKET from orders-exports to orders-exports-dev, a dev value in production (no caller seen rejecting it here)",
      ),
    ])
    expect(c?.phrase).toBe("EXPORT_BUCKET → orders-exports-dev (a dev value)")
  })
})
