/**
 * Two classes of the causes chain. A named failure (OOMKilled, a crash loop) leads a chain of
 * plain errors of equal severity though the errors gather more agents (a metric anomaly of
 * `kube_pod_container_status_last_terminated_reason`). And a dependency the alert does not name
 * that crash-loops with "No space left on device" in its last lines leads with the full volume,
 * though its findings are rated low for relevance; a WARN line of it does not join.
 */
import { describe, expect, it } from "vitest"
import { lowRelevanceNote } from "../../src/domain/finding-relevance.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const oom = (service: string, containerName: string): Spec => ({
  agent: "eks",
  kind: "oom_killed",
  severity: "high",
  at: "13:02",
  resource: `deployment/shop/${service}`,
  service,
  title: `${service}: container ${containerName} OOMKilled in 3/3 pods, 14 restarts`,
})
const metric = (service: string, series: string): Spec => ({
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  at: "13:03",
  service,
  title: `${service} ${series} 1 vs 0 baseline (∞×)`,
})
const placement = (service: string): Spec => ({
  agent: "eks",
  kind: "pod_placement",
  severity: "info",
  at: "13:04",
  resource: `deployment/shop/${service}`,
  service,
  title: `${service}: 3 pods on 2 nodes`,
})

describe("a named failure before plain errors", () => {
  it.each([
    ["route-api", "log-shipper", "kube_pod_container_status_last_terminated_reason"],
    ["feeds-worker", "worker", "kube_pod_container_status_restarts_total"],
    ["quotes-web", "envoy", "container_restarts"],
  ])("%s: the OOM kill of %s leads", (service, containerName, series) => {
    const causes = causesFor(
      facts({ service }),
      numbered([oom(service, containerName), metric(service, series), placement(service)]),
    )
    expect(causes[0]?.text).toMatch(/^OOMKilled/)
    expect(causes[0]?.text).toContain(containerName)
  })
})

const lowered = (s: Spec, inScope: "high" | "medium" | "low"): Spec => ({
  ...s,
  severity: "low",
  detail: `${s.detail ?? ""} ${lowRelevanceNote(inScope)}`,
})
const crash = (db: string): Spec => ({
  agent: "eks",
  kind: "crash_loop",
  severity: "high",
  at: "13:01",
  resource: `statefulset/shop/${db}`,
  service: db,
  title: `${db}: container server CrashLoopBackOff in 1/2 pods (Error (exit 1, application error)), 7 restarts`,
})
const lastWords = (db: string, line: string): Spec => ({
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "13:01",
  resource: `pod/shop/${db}-0`,
  service: db,
  title: `${db}: previous server container logged "${line}"`,
})
const caller = (service: string, db: string): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity: "high",
  at: "13:02",
  resource: "loggroup//aws/containerinsights/prod/application",
  service,
  title: `${service}: ERROR save failed: dial tcp: connection to ${db}-0.${db}.shop.svc.cluster.local refused (×12)`,
})

describe("a dependency's full volume", () => {
  it.each([
    [
      "scores-api",
      "scores-pg",
      'FATAL: could not write to file "pg_wal/xlogtemp.24": No space left on device',
    ],
    [
      "carts-api",
      "carts-mysql",
      "[ERROR] [MY-012592] [InnoDB] Operating system error number 28: No space left on device",
    ],
    ["queue-api", "queue-broker", "fatal: write /data/log/00000042.log: ENOSPC"],
  ])("%s: %s's last lines lead the crash loop", (service, db, line) => {
    const causes = causesFor(
      facts({ service }),
      numbered([caller(service, db), lowered(crash(db), "high"), lowered(lastWords(db, line), "high")]),
    )
    expect(causes[0]?.text).toMatch(/^volume full/)
    expect(causes[0]?.text).toContain(`in ${db}`)
  })

  it("a WARN line of the dependency does not make its crash loop a full volume", () => {
    const causes = causesFor(
      facts({ service: "scores-api" }),
      numbered([
        caller("scores-api", "scores-pg"),
        lowered(crash("scores-pg"), "high"),
        lowered(lastWords("scores-pg", "WARN checkpoints are occurring too frequently"), "low"),
      ]),
    )
    expect(causes[0]?.text).toMatch(/^CrashLoopBackOff/)
  })
})
