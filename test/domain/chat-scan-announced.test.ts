/**
 * scanChat over changes people announce without a deploy: a credential revoked (named by its
 * provider), a workload's limits lowered in a thread reply, a heavy data operation for a report
 * that names no service, and a certificate-expiry warning posted long before the alert — each
 * with decoys that must stay silent.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat } from "../../src/domain/chat-scan.js"
import { defaultConfig } from "../../src/domain/config.js"

const window = investigationWindow(DateTime.unsafeMake("2026-11-27T13:05:00Z"), {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const alert = { platform: "slack" as const, channel: "C0ALERTS", messageId: "a1", window }

let n = 0
const msg = (at: string, text: string, over: Partial<HistoryMessage> = {}): HistoryMessage => ({
  channel: "C0OPS",
  messageId: `m${++n}`,
  threadId: null,
  postedAt: DateTime.unsafeMake(at),
  text,
  author: { id: "U0P", name: "pat", bot: false },
  own: false,
  ...over,
})

const scan = (alertText: string, messages: ReadonlyArray<HistoryMessage>) =>
  scanChat({
    alert,
    facts: extractFacts(alertText, defaultConfig.severity.labels),
    channels: [{ id: "C0OPS", name: "#ops" }],
    messages,
    maxFindings: 20,
  }).matches

const datadog =
  "Triggered: [P2] push failure rate above 20% on service:push-relay\nfor service:push-relay env:prod provider:onesignal"

describe("a credential revoked", () => {
  it("naming the provider the alert's labels name, its follow-up planned for tomorrow, is the subject's change", () => {
    const revoked = msg(
      "2026-11-27T12:20:00Z",
      "Revoked the leaked OneSignal API key in their console. Will write up the leak tomorrow.",
    )
    const found = scan(datadog, [revoked])
    expect(found.map((m) => [m.kind, m.service, m.severity])).toEqual([
      ["deploy_announcement", "push-relay", "medium"],
    ])
    expect(found[0]?.title).toContain("onesignal")
  })

  it("decoys: another provider's key, a key revoked before the lookback, a question", () => {
    expect(
      scan(datadog, [
        msg("2026-11-27T12:20:00Z", "rotated the Stripe restricted key for billing"),
        msg("2026-11-27T05:00:00Z", "revoked the OneSignal API key of the old app"),
        msg("2026-11-27T12:50:00Z", "did someone revoke the OneSignal API key? push-relay failing"),
      ]).filter((m) => m.kind === "deploy_announcement"),
    ).toEqual([])
  })
})

const crashloop =
  "[FIRING:1] KubePodCrashLooping (eks-prod billing)\nPod billing/invoice-pdf-7c9d8b6f5-x2k4p (pdf) is in waiting state (reason: OOMKilled)"

describe("a resources change", () => {
  it("in a reply, under a GitOps sync of the workload's production app, is its change", () => {
    const parent = msg(
      "2026-11-27T11:00:00Z",
      "argocd: invoice-pdf-prod synced to 9f2c1aa (values only) — Healthy",
      { author: { id: "U0ARGO", name: "argocd", bot: true } },
    )
    const reply = msg("2026-11-27T11:01:00Z", "values diff: resources.limits.memory 2Gi -> 512Mi", {
      threadId: parent.messageId,
    })
    const lowered = msg("2026-11-27T12:00:00Z", "lowered the memory limit of invoice-pdf to 400Mi")
    const found = scan(crashloop, [parent, reply, lowered])
    expect(found.map((m) => [m.service, m.message.messageId]).sort()).toEqual(
      [
        ["invoice-pdf", parent.messageId],
        ["invoice-pdf", reply.messageId],
        ["invoice-pdf", lowered.messageId],
      ].sort(),
    )
  })

  it("decoys: another workload's rightsizing, a staging app, a question about limits", () => {
    const other = msg("2026-11-27T11:00:00Z", "argocd: quote-api-prod synced (values only)")
    const otherReply = msg("2026-11-27T11:01:00Z", "resources.limits.memory 1Gi -> 256Mi", {
      threadId: other.messageId,
    })
    expect(
      scan(crashloop, [
        other,
        otherReply,
        msg("2026-11-27T11:30:00Z", "argocd: invoice-pdf-staging synced, memory limit lowered to 256Mi"),
        msg("2026-11-27T12:30:00Z", "what is the memory limit of invoice-pdf?"),
      ]),
    ).toEqual([])
  })
})

const report =
  "<@U0BOT> customers say their orders show the old status after they refresh (TK-SUP-10442), app loads fine"

describe("a heavy data operation", () => {
  it("started against a database, for a report naming no service, is a change under its own name", () => {
    const backfill = msg(
      "2026-11-27T12:10:00Z",
      "kicking off the orders-backfill now, 8 workers against the primary",
    )
    expect(scan(report, [backfill]).map((m) => [m.kind, m.service])).toEqual([
      ["deploy_announcement", "orders-backfill"],
    ])
  })

  it("decoys: one before the lookback, one planned, another service's deploy", () => {
    expect(
      scan(report, [
        msg("2026-11-27T04:00:00Z", "starting the orders-backfill against the primary"),
        msg("2026-11-27T12:10:00Z", "we should reindex the orders table next week"),
        msg("2026-11-27T12:20:00Z", "deployed quote-api 2.4.0 to prod"),
      ]),
    ).toEqual([])
  })
})

describe("a certificate-expiry warning", () => {
  const person = "<@U0BOT> match-uploader stopped publishing results since ~12:20, pods are green"
  it("posted a day before, for a certificate that expired in the lookback, is high whatever host it names", () => {
    const warned = msg(
      "2026-11-26T09:00:00Z",
      ":rotating_light: TLS certificate for results-api.int.example.net expires in 1 day: 2026-11-27T12:18:00Z",
      { author: { id: "U0CERT", name: "cert-checker", bot: true } },
    )
    const found = scan(person, [warned])
    expect(found.map((m) => [m.service, m.severity])).toEqual([["results-api", "high"]])
    expect(found[0]?.title).toContain("expired")
  })

  it("about a host the alert names, still to expire, is medium", () => {
    const soon = msg("2026-11-26T09:00:00Z", "the cert on match-uploader.example.net expires in 3 days")
    expect(scan(person, [soon]).map((m) => [m.service, m.severity])).toEqual([["match-uploader", "medium"]])
  })

  it("decoys: expired weeks ago on another host, renewed since, no expiry stated", () => {
    expect(
      scan(person, [
        msg("2026-11-01T09:00:00Z", "certificate for old-portal.example.net expires in 2 days"),
        msg("2026-11-26T09:00:00Z", "certificate for wiki.example.net expires in 1 day"),
        msg("2026-11-26T15:00:00Z", "renewed the certificate for wiki.example.net"),
        msg("2026-11-26T16:00:00Z", "anyone know who owns the certificate for docs.example.net?"),
      ]),
    ).toEqual([])
  })
})
