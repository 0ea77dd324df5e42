/**
 * A rollout that repointed a setting at another environment (stop 23): a literal value moved from
 * an unmarked location to a staging/dev/test/qa one — an OIDC issuer, an API base URL, a bucket, a
 * queue — while the new pods stay healthy and a caller rejects what they produce. Decoys: a log
 * level change, a prod → prod host move, a value already in staging, a secret-looking variable.
 */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  configuredValues,
  environmentSwaps,
  rejectionNames,
} from "../../../src/agents/eks/rollout-environment-swap.js"
import { PodTemplate } from "../../../src/domain/kubernetes-workloads.js"

const template = (env: Record<string, string>, name = "app") =>
  Schema.decodeUnknownSync(PodTemplate)({
    spec: { containers: [{ name, env: Object.entries(env).map(([k, value]) => ({ name: k, value })) }] },
  })

describe("environmentSwaps", () => {
  it("reads an OIDC issuer moved to a staging host", () => {
    const [s] = environmentSwaps(
      template({ TOKEN_ISSUER: "https://login.acme-bank.io", TTL: "3600" }),
      template({ TOKEN_ISSUER: "https://login.staging.acme-bank.io", TTL: "3600", ROTATE: "true" }),
    )
    expect(s).toMatchObject({ name: "TOKEN_ISSUER", environment: "staging", oldHost: "login.acme-bank.io" })
    expect(s?.to).toBe("https://login.staging.acme-bank.io")
  })

  it("reads an API base URL moved to a dev host in a sidecar container", () => {
    const before = Schema.decodeUnknownSync(PodTemplate)({
      spec: {
        containers: [
          { name: "web", env: [{ name: "LOG_LEVEL", value: "info" }] },
          { name: "sync", env: [{ name: "LEDGER_API_BASE", value: "https://ledger-api.payco.net/v1" }] },
        ],
      },
    })
    const after = Schema.decodeUnknownSync(PodTemplate)({
      spec: {
        containers: [
          { name: "web", env: [{ name: "LOG_LEVEL", value: "debug" }] },
          { name: "sync", env: [{ name: "LEDGER_API_BASE", value: "https://ledger-api-dev.payco.net/v1" }] },
        ],
      },
    })
    expect(environmentSwaps(before, after).map((s) => [s.name, s.environment])).toEqual([
      ["LEDGER_API_BASE", "dev"],
    ])
  })

  it("reads a bucket and a queue by their variable names", () => {
    const swaps = environmentSwaps(
      template({ EXPORT_BUCKET: "orders-exports", JOBS_QUEUE: "arn:aws:sqs:eu-west-1:1234:jobs" }),
      template({ EXPORT_BUCKET: "orders-exports-test", JOBS_QUEUE: "arn:aws:sqs:eu-west-1:1234:jobs-qa" }),
    )
    expect(swaps.map((s) => [s.name, s.environment])).toEqual([
      ["EXPORT_BUCKET", "test"],
      ["JOBS_QUEUE", "qa"],
    ])
  })

  it("ignores a log level, a prod → prod move, a value already in staging and a secret", () => {
    expect(
      environmentSwaps(
        template({
          LOG_LEVEL: "info",
          DB_HOST: "orders-db-1.prod.internal",
          CACHE_URL: "redis://cache.staging.internal:6379",
          API_TOKEN: "https://hooks.example.com/abc",
        }),
        template({
          LOG_LEVEL: "debug",
          DB_HOST: "orders-db-2.prod.internal",
          CACHE_URL: "redis://cache2.staging.internal:6379",
          API_TOKEN: "https://hooks.staging.example.com/abc",
        }),
      ),
    ).toEqual([])
  })

  it("does not read words that merely contain a marker (device, attestation, contest)", () => {
    expect(
      environmentSwaps(
        template({ DEVICE_API_URL: "https://api.example.com" }),
        template({ DEVICE_API_URL: "https://device-attestation.contest.example.com" }),
      ),
    ).toEqual([])
  })
})

describe("rejectionNames and configuredValues", () => {
  const [swap] = environmentSwaps(
    template({ OIDC_ISSUER: "https://id.shop.com" }),
    template({ OIDC_ISSUER: "https://id.dev.shop.com" }),
  )

  it("finds a rejection line naming the new host, not a healthy line naming it", () => {
    if (swap === undefined) throw new Error("no swap")
    expect(
      rejectionNames('WARN authn reject status=401 reason="iss https://id.dev.shop.com not allowed"', swap),
    ).toBe(true)
    expect(rejectionNames("INFO token issued iss=https://id.dev.shop.com", swap)).toBe(false)
  })

  it("lists a caller's literal settings, lower-cased", () => {
    expect(configuredValues(template({ JWT_ALLOWED_ISSUERS: "https://ID.shop.com" }))).toContain(
      "https://id.shop.com",
    )
  })
})
