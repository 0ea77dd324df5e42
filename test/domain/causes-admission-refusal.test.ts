/**
 * Pod creations refused at admission (a ResourceQuota used up, a LimitRange's bounds) lead the
 * causes: the workload stays below the replicas its HPA asks for, and the pods it has time out,
 * fill their worker pools and answer 5xx under the load the missing ones would carry — one
 * failure, not the app's own timeouts beside a FailedCreate (cause-admission-refusal.ts).
 */
import { describe, expect, it } from "vitest"
import { limitRangeRefusal, refusedAtAdmission } from "../../src/domain/cause-admission-refusal.js"
import { causesFor, facts, numbered, type Spec, spec } from "./causes-support.js"

const boxOfficeFacts = facts({
  alertName: "BoxOfficeLatencyHigh",
  namespace: "sales",
  workload: "box-office",
})

const refusal = (over: Partial<Spec> = {}): Spec => ({
  agent: "eks",
  kind: "failed_create",
  severity: "high",
  at: "13:04",
  resource: "replicaset/sales/box-office-7d9c",
  service: "box-office",
  title:
    "box-office: namespace ResourceQuota sales-compute exceeded on requests.cpu (used 32 of 32, the pod asks 4) — replicaset box-office-7d9c cannot create pods (FailedCreate ×61), 8/16 replicas ready",
  excerpt:
    'Error creating: pods "box-office-7d9c-x1" is forbidden: exceeded quota: sales-compute, requested: requests.cpu=4, used: requests.cpu=32, limited: requests.cpu=32',
  ...over,
})
const poolFull: Spec = {
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "13:02",
  resource: "pod/sales/box-office-7d9c-a1",
  service: "box-office",
  title: 'box-office: current app container logged "ERROR request timed out after 3000ms"',
  excerpt: "WARN worker pool saturated in_flight=128/128 queued=804\nERROR request timed out after 3000ms",
}
const timeouts: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:03",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  service: "box-office",
  title: "box-office: ERROR upstream request timed out after 3000ms route=POST /orders (×40)",
}
const fiveXX: Spec = {
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  at: "13:01",
  resource: "metric/box-office",
  service: "box-office",
  title: "box-office http_server_errors:ratio 9.1% vs 0.2% baseline (45×)",
}
const threadPool: Spec = {
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:02",
  service: "box-office",
  resource: "loggroup//aws/containerinsights/eks-prod/application",
  title: "box-office: ERROR RejectedExecutionException: Thread pool is EXHAUSTED! (×12)",
}

describe("pods refused at admission lead the causes", () => {
  it("a ResourceQuota refusal takes the saturated pool, timeouts and 5xx as its effect", () => {
    const causes = causesFor(boxOfficeFacts, numbered([poolFull, timeouts, fiveXX, refusal()]))
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(/^FailedCreate \(quota exceeded\)/)
    expect(causes[0]?.text).toContain("sales-compute")
  })

  it("a Java thread pool's rejections and a StatefulSet's refusal read the same", () => {
    const sts = refusal({
      resource: "statefulset/sales/box-office",
      title:
        "box-office: namespace ResourceQuota sales-pods exceeded on pods (used 20 of 20, the pod asks 1) — statefulset box-office cannot create pods (FailedCreate ×9), 4/8 replicas ready",
      excerpt:
        'create Pod box-office-5 in StatefulSet box-office failed error: pods "box-office-5" is forbidden: exceeded quota: sales-pods, requested: pods=1, used: pods=20, limited: pods=20',
    })
    const [top] = causesFor(boxOfficeFacts, numbered([threadPool, timeouts, sts]))
    expect(top?.text).toMatch(/^FailedCreate \(quota exceeded\)/)
    expect(top?.text).toContain("sales-pods")
  })

  it("a LimitRange refusal leads the same way", () => {
    const message =
      'Error creating: pods "box-office-7d9c-x2" is forbidden: maximum cpu usage per Container is 2, but limit is 4'
    const lr = refusal({
      title: `box-office: a namespace LimitRange refuses the pods — replicaset box-office-7d9c cannot create pods (FailedCreate ×5), 3/12 replicas ready — ${message}`,
      excerpt: message,
    })
    const [top] = causesFor(boxOfficeFacts, numbered([poolFull, timeouts, lr]))
    expect(top?.text).toMatch(/^FailedCreate/)
    expect(top?.text).toContain("LimitRange")
  })

  it("recognises the API server's refusals, not another FailedCreate", () => {
    expect(refusedAtAdmission(spec(refusal()))).toBe(true)
    expect(limitRangeRefusal.test("minimum memory usage per Pod is 64Mi, but request is 32Mi")).toBe(true)
    expect(
      limitRangeRefusal.test("memory max limit to request ratio per Container is 2, but provided ratio is 4"),
    ).toBe(true)
    const psa = refusal({
      title:
        'box-office: FailedCreate on replicaset box-office-7d9c — pods "x" is forbidden: violates PodSecurity',
      excerpt: 'pods "x" is forbidden: violates PodSecurity "restricted:latest"',
    })
    expect(refusedAtAdmission(spec(psa))).toBe(false)
  })
})

describe("decoys: the refusal does not swallow what it does not explain", () => {
  it("another workload's quota refusal leaves the subject's timeouts their own cause", () => {
    const other = refusal({
      resource: "replicaset/batch/report-builder-5f",
      service: "report-builder",
      title:
        "report-builder: namespace ResourceQuota batch-compute exceeded on requests.cpu (used 8 of 8, the pod asks 2) — replicaset report-builder-5f cannot create pods (FailedCreate ×3), 0/1 replicas ready",
      excerpt:
        "exceeded quota: batch-compute, requested: requests.cpu=2, used: requests.cpu=8, limited: requests.cpu=8",
    })
    const [top] = causesFor(boxOfficeFacts, numbered([poolFull, timeouts, other]))
    expect(top?.text).not.toMatch(/quota/i)
    expect(top?.text).toContain("box-office")
  })

  it("a refusal long before the incident is not cited", () => {
    const old = refusal({ at: "09:10" })
    const [top] = causesFor(boxOfficeFacts, numbered([poolFull, timeouts, old]))
    expect(top?.text).not.toMatch(/quota/i)
  })

  it("a provider's rate limit (429) stays a cause of its own", () => {
    const throttled: Spec = {
      agent: "cloudwatch_logs",
      kind: "log_signature",
      severity: "high",
      at: "13:02",
      service: "box-office",
      resource: "loggroup//aws/containerinsights/eks-prod/application",
      title: "box-office: ERROR payments provider answered 429 Too Many Requests (rate limited) (×30)",
    }
    const causes = causesFor(boxOfficeFacts, numbered([throttled, refusal()]))
    expect(causes).toHaveLength(2)
  })
})
