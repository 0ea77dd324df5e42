/**
 * A configuration hot-reloaded under running pods (a ConfigMap/Secret edited in place) is a
 * change only when errors follow it in the same container's log and it falls in the change
 * window; a clean reload, a failed reload and an old one are not.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  changedKeys,
  configReloadFinding,
  reloadFollowedByErrors,
} from "../../../src/agents/eks/config-reload.js"
import { ctx, pod, running, workloadNamed } from "./fixtures/objects.js"

const w = workloadNamed(
  {
    pods: [
      pod({
        name: "ledger-svc-7f9c8d6b5-k2m4p",
        owner: { kind: "ReplicaSet", name: "ledger-svc-7f9c8d6b5" },
        statuses: [running("app")],
      }),
    ],
  },
  "ledger-svc",
)

const log = (text: string, podName = "ledger-svc-7f9c8d6b5-k2m4p") => ({
  pod: podName,
  container: "app",
  previous: false,
  text,
})

// Pino JSON, like a Node service watching its mounted file.
const pinoReload = [
  `{"level":"warn","time":"2026-11-27T12:40:00.000Z","msg":"slow query","ms":812}`,
  `{"level":"info","time":"2026-11-27T12:58:10.120Z","msg":"config file changed, reloading","path":"/etc/ledger/app.yaml","changed":["postgres.host","postgres.sslmode"]}`,
  `{"level":"error","time":"2026-11-27T12:58:10.900Z","msg":"query failed","err":{"message":"connect ECONNREFUSED 10.0.4.12:5432"}}`,
].join("\n")

// Go's logfmt, viper-style wording.
const logfmtReload = [
  `2026-11-27T12:59:01Z level=info msg="Reloading configuration" file=/etc/app/config.yaml`,
  `2026-11-27T12:59:03Z level=error msg="upstream call failed" err="x509: certificate signed by unknown authority"`,
].join("\n")

describe("changedKeys", () => {
  it("reads a JSON list, a logfmt list and plain words", () => {
    expect(changedKeys(`"changed":["redis.url"]`)).toEqual(["redis.url"])
    expect(changedKeys(`keys=[db.pool.max, cache.ttl]`)).toEqual(["db.pool.max", "cache.ttl"])
    expect(changedKeys("configuration reloaded, changed keys: FEATURE_X")).toEqual(["FEATURE_X"])
    expect(changedKeys("Reloading configuration")).toEqual([])
  })
})

describe("reloadFollowedByErrors", () => {
  it("finds a JSON hot reload followed by an error, with its time and keys", () => {
    const r = reloadFollowedByErrors(log(pinoReload))
    expect(r?.at.epochMillis).toBe(Date.parse("2026-11-27T12:58:10.120Z"))
    expect(r?.keys).toEqual(["postgres.host", "postgres.sslmode"])
    expect(r?.firstError).toContain("ECONNREFUSED")
  })

  it("finds a logfmt 'Reloading configuration' followed by an error", () => {
    expect(reloadFollowedByErrors(log(logfmtReload))?.at.epochMillis).toBe(Date.parse("2026-11-27T12:59:01Z"))
  })

  it("ignores a reload that nothing failed after", () => {
    const clean = [
      `{"level":"info","time":"2026-11-27T12:58:10Z","msg":"configuration reloaded"}`,
      `{"level":"info","time":"2026-11-27T12:58:11Z","msg":"request served","status":200}`,
    ].join("\n")
    expect(reloadFollowedByErrors(log(clean))).toBeNull()
  })

  it("ignores errors only before the reload, and a reload that itself failed", () => {
    const before = [
      `2026-11-27T12:50:00Z level=error msg="query failed"`,
      `2026-11-27T12:58:00Z level=info msg="config reloaded"`,
    ].join("\n")
    expect(reloadFollowedByErrors(log(before))).toBeNull()
    const failed = [
      `2026-11-27T12:58:00Z level=error msg="config reload failed: invalid yaml"`,
      `2026-11-27T12:58:01Z level=error msg="query failed"`,
    ].join("\n")
    expect(reloadFollowedByErrors(log(failed))).toBeNull()
  })
})

describe("configReloadFinding", () => {
  it("is an info config_change at the earliest reload, naming the keys of every pod", () => {
    const f = configReloadFinding(w, [log(logfmtReload, "ledger-svc-7f9c8d6b5-x9z8q"), log(pinoReload)], ctx)
    expect(f?.kind).toBe("config_change")
    expect(f?.severity).toBe("info")
    expect(f?.service).toBe("ledger-svc")
    expect(f?.observedAt?.epochMillis).toBe(Date.parse("2026-11-27T12:58:10.120Z"))
    expect(f?.title).toBe(
      "ledger-svc: config reloaded without a rollout at 12:58:10Z (changed postgres.host, postgres.sslmode)",
    )
    expect(f?.detail).toContain("2 pods")
  })

  it("is null for a reload before the change window (an old edit)", () => {
    const old = pinoReload.replaceAll("2026-11-27T12:58", "2026-11-26T02:58")
    expect(configReloadFinding(w, [log(old)], ctx)).toBeNull()
  })

  it("is null without logs or without a reload", () => {
    expect(configReloadFinding(w, [], ctx)).toBeNull()
    expect(
      configReloadFinding(w, [log(`2026-11-27T12:58:00Z level=error msg="redis: read ECONNRESET"`)], ctx),
    ).toBeNull()
  })
})
