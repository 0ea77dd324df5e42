/** A hot-reloaded config change reads as one in a cause, with the keys it changed. */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { reloadPhrase } from "../../src/domain/config-reload-phrase.js"
import type { Finding } from "../../src/domain/finding.js"

const finding = (over: Partial<Finding>): Finding => ({
  id: "eks#1",
  agent: "eks",
  kind: "config_change",
  title: "ledger-svc: config reloaded without a rollout at 12:58:10Z (changed postgres.host)",
  detail: "",
  severity: "info",
  observedAt: DateTime.unsafeMake("2026-11-27T12:58:10Z"),
  resource: "deployment/ledger/ledger-svc",
  service: "ledger-svc",
  link: null,
  excerpt: null,
  ...over,
})

describe("reloadPhrase", () => {
  it("names the reload, its time and keys", () => {
    expect(reloadPhrase(finding({}), "ledger-svc")).toBe(
      "config reload of ledger-svc at 12:58 UTC without a rollout (ConfigMap/Secret changed in place: postgres.host)",
    )
  })

  it("is null for a template config change (a rollout's) and for other kinds", () => {
    expect(
      reloadPhrase(finding({ title: "ledger-svc: config change revision 3 → 4" }), "ledger-svc"),
    ).toBeNull()
    expect(reloadPhrase(finding({ kind: "rollout" }), "ledger-svc")).toBeNull()
  })
})
