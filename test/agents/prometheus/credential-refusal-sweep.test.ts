/**
 * The credential sweep's judgement of token-request counters: a 401/403 count that began from
 * nothing or surged, or refuses most calls, is a refused credential (an expired client secret, a
 * revoked key) — not a steady trickle of wrong passwords, nor a 401 on a counter that is no
 * identity call, nor a 429.
 */
import { describe, expect, it } from "vitest"
import {
  credentialRefusalFindings,
  identityProviderOf,
} from "../../../src/agents/prometheus/credential-refusal-sweep.js"

const hour = 3_600_000
const counter = (...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: i * hour, v }))
const windowStart = 4 * hour

describe("credentialRefusalFindings", () => {
  it("an IdP's 401 invalid_client counted from zero on a service's token requests", () => {
    const [f, ...rest] = credentialRefusalFindings(
      [
        {
          labels: {
            __name__: "oauth_token_requests_total",
            service: "roster-sync",
            provider: "okta",
            status: "401",
            error: "invalid_client",
          },
          samples: counter(0, 0, 500, 1100, 1700, 2300),
        },
      ],
      null,
      windowStart,
    )
    expect(rest).toEqual([])
    expect(f?.title).toContain("okta refusing roster-sync's credential — 401 invalid_client")
    expect(f?.title).toContain("since 02:00 UTC")
    expect(f?.service).toBe("roster-sync")
  })

  it("a 403 surge on an STS counter with other label names, and a refused share of a steady count", () => {
    const findings = credentialRefusalFindings(
      [
        {
          labels: { __name__: "sts_assume_role_calls_total", app: "ledger-export", code: "403" },
          samples: counter(2, 3, 4, 300, 900, 1500),
        },
        // Steady, but it is every token call: the credential refuses all of them.
        {
          labels: {
            __name__: "client_credentials_token_total",
            workload: "billing-pull",
            result: "unauthorized",
          },
          samples: counter(100, 700, 1300, 1900, 2500, 3100),
        },
        {
          labels: { __name__: "client_credentials_token_total", workload: "billing-pull", result: "success" },
          samples: counter(5000, 5000, 5000, 5000, 5000, 5000),
        },
      ],
      null,
      windowStart,
    )
    expect(findings.map((f) => f.service)).toEqual(["ledger-export", "billing-pull"])
    expect(findings[0]?.title).toContain("the identity provider refusing ledger-export's credential — 403")
    expect(findings[1]?.title).toContain("100% of its calls")
  })

  it("decoys: wrong passwords on a login counter, a steady trickle beside successes, a 429, a non-identity 401", () => {
    expect(
      credentialRefusalFindings(
        [
          {
            labels: { __name__: "login_attempts_total", service: "portal", status: "401" },
            samples: counter(0, 40, 80, 120, 160, 200),
          },
          {
            labels: { __name__: "oauth_token_requests_total", service: "portal", status: "401" },
            samples: counter(1000, 1030, 1060, 1090, 1120, 1150),
          },
          {
            labels: { __name__: "oauth_token_requests_total", service: "portal", status: "200" },
            samples: counter(90000, 99000, 108000, 117000, 126000, 135000),
          },
          {
            labels: { __name__: "oauth_token_requests_total", service: "mailer", status: "429" },
            samples: counter(0, 0, 500, 1100, 1700, 2300),
          },
          {
            labels: { __name__: "http_requests_total", service: "catalog", code: "401" },
            samples: counter(0, 0, 500, 1100, 1700, 2300),
          },
        ],
        null,
        windowStart,
      ),
    ).toEqual([])
  })
})

describe("identityProviderOf", () => {
  it("an IdP label, a provider, the metric's words; never a login counter", () => {
    expect(identityProviderOf({ __name__: "graph_token_total", issuer: "login.microsoftonline.com" })).toBe(
      "login.microsoftonline.com",
    )
    expect(identityProviderOf({ __name__: "oidc_refresh_total" })).toBe("the identity provider")
    expect(identityProviderOf({ __name__: "user_login_total", idp: "okta" })).toBeNull()
    expect(identityProviderOf({ __name__: "http_requests_total" })).toBeNull()
  })
})
