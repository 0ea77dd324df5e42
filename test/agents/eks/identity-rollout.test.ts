/**
 * Callers' token refusals after the identity service's rollout: the rollout that changed a token
 * setting is blamed with the setting's values and the callers; decoys — a rollout that changed
 * no token setting, callers whose 401s cite no token claim — blame nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { identityRolloutFindings } from "../../../src/agents/eks/identity-rollout.js"
import { resourceOf } from "../../../src/agents/eks/workloads.js"
import { container, ctx, deployment, replicaSet, workloadNamed } from "./fixtures/objects.js"

const image = (tag: string) => `412345678901.dkr.ecr.us-east-1.amazonaws.com/keycloak:${tag}`

const snapshot = (before: Record<string, string>, after: Record<string, string>) => ({
  deployments: [
    deployment({ name: "keycloak", replicas: 2 }),
    deployment({ name: "carts-api", replicas: 2 }),
  ],
  replicaSets: [
    replicaSet({
      name: "keycloak-5d84b7c9f",
      deployment: "keycloak",
      revision: 3,
      created: "2026-11-19T09:30:00Z",
      containers: [
        container("kc", {
          image: image("26.0"),
          env: Object.entries(before).map(([name, value]) => ({ name, value })),
        }),
      ],
    }),
    replicaSet({
      name: "keycloak-6c9f7d8b4",
      deployment: "keycloak",
      revision: 4,
      created: "2026-11-27T13:01:02Z",
      containers: [
        container("kc", {
          image: image("26.1"),
          env: Object.entries(after).map(([name, value]) => ({ name, value })),
        }),
      ],
    }),
  ],
})

const run = (snap: ReturnType<typeof snapshot>, line: string) => {
  const caller = workloadNamed(snap, "carts-api", true)
  const idp = workloadNamed(snap, "keycloak", false)
  const logs = new Map([
    [resourceOf(caller), [{ pod: "carts-api-x", container: "api", previous: false, text: line }]],
  ])
  return identityRolloutFindings({ workloads: [caller, idp], logs, ctx })
}

describe("identityRolloutFindings", () => {
  it("an audience the callers refuse, after the identity rollout changed it", () => {
    const [f] = run(
      snapshot({ TOKEN_AUDIENCE: "shop" }, { TOKEN_AUDIENCE: "shop-web" }),
      "WARN GET /v1/carts 401 Unauthorized: jwt audience invalid. expected: shop",
    )
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("keycloak rollout 26.1 changed TOKEN_AUDIENCE shop → shop-web")
    expect(f?.title).toContain("carts-api reject its tokens (401 jwt audience invalid)")
    expect(f?.resource).toBe("deployment/shop/keycloak")
  })

  it("decoy: the identity rollout changed no token setting", () => {
    expect(
      run(
        snapshot({ LOG_LEVEL: "info" }, { LOG_LEVEL: "debug" }),
        "WARN 401 jwt issuer invalid. expected: https://id.x.io/",
      ),
    ).toEqual([])
  })

  it("decoy: the callers' 401s cite no token claim (a partner's API key)", () => {
    expect(
      run(
        snapshot({ OIDC_ISSUER: "https://id.x.io/" }, { OIDC_ISSUER: "https://id.x.io" }),
        "ERROR partner 401: invalid api key",
      ),
    ).toEqual([])
  })
})
