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
