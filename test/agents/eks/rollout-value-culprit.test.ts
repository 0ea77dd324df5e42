/**
 * A rollout that changed a value the failing calls name: env URLs, bare hosts and args, with
 * secrets redacted; decoys: an env change the errors do not name, a rollout with no env change,
 * a host named only in healthy lines.
 */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { valueCulprit } from "../../../src/agents/eks/rollout-value-culprit.js"
import { PodTemplate } from "../../../src/domain/kubernetes-workloads.js"

const template = (env: Record<string, string>, args?: ReadonlyArray<string>) =>
  Schema.decodeUnknownSync(PodTemplate)({
    spec: {
      containers: [
        {
          name: "app",
          env: Object.entries(env).map(([name, value]) => ({ name, value })),
          ...(args ? { args } : {}),
        },
      ],
    },
  })

describe("valueCulprit", () => {
  it("names a changed URL whose new host the errors name", () => {
    const c = valueCulprit(
      template({ SCORER_URL: "http://grader.ml.svc.cluster.local:8080" }),
      template({ SCORER_URL: "http://graders.ml.svc.cluster.local:8080" }),
      'error calling scorer err="getaddrinfo ENOTFOUND graders.ml.svc.cluster.local"',
    )
    expect(c).toMatchObject({ name: "SCORER_URL", term: "graders.ml.svc.cluster.local" })
    expect(c?.from).toContain("grader.ml")
  })

  it("reads a bare host value and a connection refused wording", () => {
    const c = valueCulprit(
      template({ DB_HOST: "orders-db.internal" }),
      template({ DB_HOST: "orders-db-replica.internal" }),
      "FATAL: connect ECONNREFUSED orders-db-replica.internal:5432",
    )
    expect(c?.name).toBe("DB_HOST")
  })

  it("reads a host moved in the container's args", () => {
    const c = valueCulprit(
      template({}, ["--upstream=pricing.svc:9000"]),
      template({}, ["--upstream=pricng.svc:9000"]),
      "dial tcp: lookup pricng.svc: no such host",
    )
    expect(c?.name).toBe("args")
  })

  it("redacts a secret-looking value", () => {
    const c = valueCulprit(
      template({ UPSTREAM: "https://user:hunter2@api.old.example" }),
      template({ UPSTREAM: "https://user:hunter2@api.new.example" }),
      "request to api.new.example failed: timeout",
    )
    expect(c).not.toBeNull()
    expect(`${c?.from} ${c?.to}`).not.toContain("hunter2")
  })

  it("ignores an env change the errors do not name", () => {
    expect(
      valueCulprit(
        template({ SCORER_URL: "http://scorer:8080", LOG_LEVEL: "info" }),
        template({ SCORER_URL: "http://scorer:8080", LOG_LEVEL: "debug" }),
        "getaddrinfo ENOTFOUND scorer",
      ),
    ).toBeNull()
  })

  it("ignores a rollout with no env change", () => {
    const t = template({ SCORER_URL: "http://scorer.ml.svc:8080" })
    expect(valueCulprit(t, t, "getaddrinfo ENOTFOUND scorer.ml.svc")).toBeNull()
  })

  it("ignores a new host named only in healthy lines", () => {
    expect(
      valueCulprit(
        template({ CACHE_HOST: "cache-a.internal" }),
        template({ CACHE_HOST: "cache-b.internal" }),
        "INFO connected to cache-b.internal\nERROR payment declined for order 42",
      ),
    ).toBeNull()
  })
})

describe("valueCulprit: a changed URL path the failing calls name (stop 19)", () => {
  it("names a base URL moved to a path the dependency does not serve (JSON line, status 404)", () => {
    const c = valueCulprit(
      template({ GRANTS_BASE_URL: "http://grants.shop.svc.cluster.local:8080/v1" }),
      template({ GRANTS_BASE_URL: "http://grants.shop.svc.cluster.local:8080/v2" }),
      '{"level":"error","msg":"grant failed","url":"http://grants.shop.svc.cluster.local:8080/v2/grants","status":404}',
    )
    expect(c).toMatchObject({ name: "GRANTS_BASE_URL", term: "grants.shop.svc.cluster.local:8080/v2" })
  })

  it("names the new path alone when the lines log only the route (plain text, 502)", () => {
    const c = valueCulprit(
      template({ LEDGER_API: "https://ledger.internal/api/2024" }),
      template({ LEDGER_API: "https://ledger.internal/api/2025" }),
      "WARN POST /api/2025/entries answered status=502",
    )
    expect(c).toMatchObject({ name: "LEDGER_API", term: "/api/2025" })
  })

  it("reads a prefix change in an HTTPS URL with a longer path (not found wording)", () => {
    const c = valueCulprit(
      template({ CATALOG_URL: "https://catalog.example.com/public/v3" }),
      template({ CATALOG_URL: "https://catalog.example.com/internal/v3" }),
      "catalog fetch: 404 Not Found for https://catalog.example.com/internal/v3/items?page=2",
    )
    expect(c?.name).toBe("CATALOG_URL")
  })

  it("decoy: a changed path nobody's failures mention", () => {
    expect(
      valueCulprit(
        template({ GRANTS_BASE_URL: "http://grants:8080/v1", LOG_LEVEL: "info" }),
        template({ GRANTS_BASE_URL: "http://grants:8080/v2", LOG_LEVEL: "debug" }),
        "ERROR payment provider timeout after 3000ms",
      ),
    ).toBeNull()
  })

  it("decoy: a path named only as part of a longer segment (/v20) or in a healthy line", () => {
    expect(
      valueCulprit(
        template({ API: "http://svc.ns:80/v1" }),
        template({ API: "http://svc.ns:80/v2" }),
        "ERROR GET http://svc.ns:80/v20/items failed\nINFO GET /v2/items 200",
      ),
    ).toBeNull()
  })
})
