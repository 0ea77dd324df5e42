/**
 * One table row per class of failure the eval scores (scenarios/FORMAT.md): the findings as the
 * agents would return them, a red herring in each, and the checks the eval applies — every term
 * group in the top cause, cited ids that exist, red herrings never cited or named. A row also
 * pins what the top cause must cite, so a cause "right by its words" but resting on the wrong
 * evidence fails.
 */
import { describe, expect, it } from "vitest"
import { badImage, oom, probe } from "./causes-rows-changes.js"
import { missingSecret, node, scheduling } from "./causes-rows-cluster.js"
import { connections, hpa, limits, rateLimited, scaledDown, timeouts } from "./causes-rows-load.js"
import { type ClassRow, causesFor, expectScored } from "./causes-support.js"

const classRows: ReadonlyArray<ClassRow> = [
  oom,
  badImage,
  missingSecret,
  scheduling,
  probe,
  node,
  connections,
  timeouts,
  hpa,
  limits,
  rateLimited,
  scaledDown,
]

describe("inferCauses by class of failure", () => {
  it.each(classRows.map((r) => [r.name, r] as const))("%s", (_, row) => {
    const causes = causesFor(row.facts, row.findings)
    expectScored(causes, row.findings, row)
    expect(causes[0]?.findings).toEqual(expect.arrayContaining([...row.topCites]))
  })

  it.each(classRows.map((r) => [r.name, r] as const))("%s: the same causes in any order", (_, row) => {
    const causes = causesFor(row.facts, row.findings)
    expect(causesFor(row.facts, [...row.findings].reverse())).toEqual(causes)
    const rotated = [...row.findings.slice(3), ...row.findings.slice(0, 3)]
    expect(causesFor(row.facts, rotated)).toEqual(causes)
  })
})

describe("the texts read as an SRE would write them", () => {
  const byName = (name: string) => {
    const row = classRows.find((r) => r.name.startsWith(name))
    return row === undefined ? [] : causesFor(row.facts, row.findings)
  }

  it("OOM after deploy: the rollout, its version and setting, then the OOM kills and the heap", () => {
    expect(byName("OOM after deploy")[0]?.text).toBe(
      "rollout of payments-api v2.14.0 at 13:01 UTC (SETTLEMENT_BATCH_SIZE 1000→5000) followed by " +
        "OOMKilled (out of memory) in payments-api across 2 pods: payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts; " +
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory (4×); " +
        "payments-api has 0/2 ready replicas",
    )
  })

  it("rate limited: the 429s name the failure, the 503s beside them are its symptom", () => {
    expect(byName("a provider rate-limiting")[0]?.text).toMatch(
      /^rate limited \(429 Too Many Requests\) and unavailable in otp-sender: otp-sender: ERROR send sms failed \(status 429\)/,
    )
  })

  it("downstream timeouts: the dependency's own failure first, the caller's timeouts as its consequence", () => {
    expect(byName("downstream timeouts")[0]?.text).toBe(
      "deadlocks in inventory-api, causing timeouts and high latency in checkout-web: " +
        "ERROR deadlock detected while updating stock_levels (88×); ERROR upstream inventory-api timed out after <n>ms (340×)",
    )
  })

  it("DB connection exhaustion, logs only: the database it ran out of is named", () => {
    expect(byName("DB connection exhaustion, logs only")[0]?.text).toMatch(
      /^connection slots exhausted \(connection exhaustion\) in orders-api \(dependency: orders-db\): /,
    )
  })

  it("consumers scaled down: the scale-down, then the lag users see — not the WARN lines beside it", () => {
    expect(byName("consumers scaled down")[0]?.text).toMatch(
      /^scale-down of shipment-projector at 12:20 UTC \(replicas 12→2\) followed by falling behind \(lag\) in shipment-projector: shipment-projector consumer lag/,
    )
  })

  it("node NotReady: the node first, the workloads it took down after", () => {
    expect(byName("node NotReady")[0]?.text).toMatch(
      /^NotReady \(MemoryPressure\) in node ip-10-0-3-17\.ec2\.internal, causing replicas unavailable in orders-api, causing readiness probe failures in cart-api: /,
    )
  })
})
