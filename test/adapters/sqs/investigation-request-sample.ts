/** A complete InvestigationRequest (Discord, with an interaction token) for queue round trips. */
import { DateTime, Redacted } from "effect"
import type { InvestigationRequest } from "../../../src/domain/investigation-request.js"

const at = (iso: string) => DateTime.unsafeMake(iso)

export const sampleRequest: InvestigationRequest = {
  investigationId: "inv-01JDREPLAY",
  dedupKey: "discord#1345319652556800002#1575472311828480000",
  context: {
    platform: "discord",
    workspace: "1345319652556800000",
    channel: "1345319652556800002",
    messageId: "1575472311828480000",
    threadId: "1575472311828480000",
    text: "[FIRING:1] KubePodCrashLooping payments-api",
    note: null,
    author: { id: "42", name: "Alertmanager", bot: true },
    triggeredBy: "43",
    trigger: "message_command",
    alertTime: at("2026-11-26T11:24:30Z"),
    receivedAt: at("2026-11-26T11:25:00Z"),
    window: {
      start: at("2026-11-26T10:54:30Z"),
      end: at("2026-11-26T11:29:30Z"),
      changesSince: at("2026-11-26T05:24:30Z"),
    },
  },
  classification: {
    verdict: "alert",
    decision: "investigate",
    tier: "explicit",
    reasons: ["message_command"],
  },
  interaction: {
    applicationId: "777",
    interactionId: "888",
    token: Redacted.make("interaction-token-value"),
  },
  requestedAt: at("2026-11-26T11:25:00.123Z"),
}
