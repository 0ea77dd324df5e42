/**
 * A namespace ResourceQuota refusing a pod, read from the API server's words in any workload's
 * FailedCreate: cpu, memory (several resources at once), object counts and a pod missing the
 * requests a quota requires. Other refusals (PodSecurity, a webhook) are not quota refusals.
 */
import { describe, expect, it } from "vitest"
import { quotaRefusalOf, quotaResourcesPhrase } from "../../src/domain/quota-refusal.js"

describe("quotaRefusalOf", () => {
  it("reads the quota and the cpu it would pass (a ReplicaSet's FailedCreate)", () => {
    const r = quotaRefusalOf(
      'Error creating: pods "render-5f7c-2xq9t" is forbidden: exceeded quota: batch-quota, requested: requests.cpu=1, used: requests.cpu=16, limited: requests.cpu=16',
    )
    expect(r?.quota).toBe("batch-quota")
    expect(r?.resources).toEqual([{ name: "requests.cpu", requested: "1", used: "16", limited: "16" }])
    expect(quotaResourcesPhrase(r ?? { quota: "", resources: [], unspecified: false })).toBe(
      "requests.cpu (used 16 of 16, the pod asks 1)",
    )
  })

  it("reads several memory resources at once (a Job's pods)", () => {
    const r = quotaRefusalOf(
      'Error creating: pods "etl-29455-7xk2c" is forbidden: exceeded quota: team-mem, requested: limits.memory=2Gi,requests.memory=1Gi, used: limits.memory=63Gi,requests.memory=40Gi, limited: limits.memory=64Gi,requests.memory=64Gi',
    )
    expect(r?.resources.map((x) => [x.name, x.used, x.limited])).toEqual([
      ["limits.memory", "63Gi", "64Gi"],
      ["requests.memory", "40Gi", "64Gi"],
    ])
  })

  it("reads an object count quota (a StatefulSet's pods)", () => {
    const r = quotaRefusalOf(
      'create Pod kafka-3 in StatefulSet kafka failed error: pods "kafka-3" is forbidden: exceeded quota: object-counts, requested: count/pods=1, used: count/pods=30, limited: count/pods=30',
    )
    expect(r?.quota).toBe("object-counts")
    expect(r?.resources[0]).toEqual({ name: "count/pods", requested: "1", used: "30", limited: "30" })
  })

  it("reads a pod without the limits the quota requires", () => {
    const r = quotaRefusalOf(
      'pods "api-1" is forbidden: failed quota: compute: must specify limits.cpu,limits.memory',
    )
    expect(r?.unspecified).toBe(true)
    expect(r?.resources.map((x) => x.name)).toEqual(["limits.cpu", "limits.memory"])
  })

  it("is not a quota refusal: PodSecurity, an admission webhook, a service account", () => {
    for (const message of [
      'pods "api-1" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false',
      'admission webhook "validate.kyverno.svc" denied the request: image tag latest is not allowed',
      'pods "api-1" is forbidden: error looking up service account shop/api: serviceaccount "api" not found',
    ])
      expect(quotaRefusalOf(message)).toBeNull()
  })
})
