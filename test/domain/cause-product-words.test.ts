/**
 * A person's report that names no service: its product word names the workload by another word
 * of the product's family ("payments" → `charge-worker`, namespace `billing`), and the word for
 * who complains ("members in live chat") names a workload only when nothing else does.
 */
import { describe, expect, it } from "vitest"
import { isAudienceWord, namesProduct } from "../../src/domain/cause-product-words.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const crashLoop = (name: string, namespace: string): Spec => ({
  agent: "eks",
  kind: "crash_loop",
  severity: "critical",
  at: "12:50",
  service: name,
  resource: `pod/${namespace}/${name}-5c7d8b9f6-8hj2k`,
  title: `${name}: container worker CrashLoopBackOff in 3/3 pods (Error (exit 2)), 26 restarts`,
})

const readinessBlip = (name: string, namespace: string): Spec => ({
  agent: "eks",
  kind: "probe_failure",
  severity: "medium",
  at: "13:00",
  service: `${name}-7f8e9d6c5-v2kx8`,
  resource: `pod/${namespace}/${name}-7f8e9d6c5-v2kx8`,
  title: `${name}-7f8e9d6c5-v2kx8: readiness probe failing (22 times on 1 pod)`,
})

const person = (keywords: ReadonlyArray<string>) =>
  facts({ source: "human", service: keywords[0] ?? null, keywords: [...keywords] })

describe("the report's product word names the workload by its family", () => {
  it("'payments' names charge-worker (its name) and any workload of namespace billing", () => {
    expect(namesProduct("payments", "charge-worker", "jobs")).toBe(true)
    expect(namesProduct("pay", "ledger-sync", "billing")).toBe(true)
    expect(namesProduct("invoices", "billing-api", null)).toBe(true)
    expect(namesProduct("login", "session-store", "edge")).toBe(false)
    expect(namesProduct("signin", "auth-service", "edge")).toBe(true)
  })

  it("decoys: another domain's workload, a word with no family", () => {
    expect(namesProduct("payments", "member-search", "search")).toBe(false)
    expect(namesProduct("payments", "discharge-planner", "care")).toBe(false)
    expect(namesProduct("spinner", "charge-worker", "billing")).toBe(false)
  })

  it("who complains is not a product word", () => {
    expect(isAudienceWord("members")).toBe(true)
    expect(isAudienceWord("Customers")).toBe(true)
    expect(isAudienceWord("payments")).toBe(false)
  })
})

describe("a person's report: the product's crash-looping worker over another domain's readiness blip", () => {
  const variants: ReadonlyArray<readonly [string, ReadonlyArray<string>, string, string, string]> = [
    [
      "payments page spins (members)",
      ["sign-ups", "members", "payments", "page", "spins"],
      "charge-worker",
      "billing",
      "member-search",
    ],
    [
      "billing screen hangs (customers)",
      ["customers", "billing", "screen", "hangs"],
      "invoice-consumer",
      "finance",
      "customer-profile",
    ],
    [
      "can't pay (users)",
      ["users", "pay", "checkout", "stuck"],
      "payment-events-worker",
      "money",
      "user-directory",
    ],
  ]
  for (const [label, keywords, worker, namespace, decoy] of variants)
    it(label, () => {
      const findings = numbered([crashLoop(worker, namespace), readinessBlip(decoy, "search")])
      const causes = causesFor(person(keywords), findings)
      expect(causes.map((c) => c.findings)).toEqual([["eks#1"]])
      expect(causes[0]?.text).toContain(worker)
      expect(causes.map((c) => c.text).join("\n")).not.toContain(decoy)
    })

  it("decoy: a crash-looping workload of another domain stays out while the product's worker fails", () => {
    const findings = numbered([
      crashLoop("charge-worker", "billing"),
      crashLoop("search-indexer", "search"),
      readinessBlip("member-search", "search"),
    ])
    const causes = causesFor(person(["members", "payments", "page", "spins"]), findings)
    expect(causes.map((c) => c.findings)).toEqual([["eks#1"]])
  })

  it("who complains still names the subject when no product word names one", () => {
    const findings = numbered([
      readinessBlip("member-search", "search"),
      crashLoop("search-indexer", "search"),
    ])
    const causes = causesFor(person(["members", "cannot", "find", "classes"]), findings)
    expect(causes.map((c) => c.findings)).toEqual([["eks#1"]])
  })
})
