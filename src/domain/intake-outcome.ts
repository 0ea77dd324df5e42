/**
 * How intake answered a delivery, platform-neutral. The HTTP edge turns it into the body each
 * platform expects (Slack: JSON / ephemeral; Discord: interaction response types 1, 4, 5).
 */
import { Data } from "effect"

export type IntakeOutcome = Data.TaggedEnum<{
  Challenge: { readonly body: Readonly<Record<string, unknown>> }
  /** Nothing to start: ignored, a held Slack retry, a duplicate, or a gated chatter message. */
  Acknowledged: {
    readonly result: "ignored" | "retry_held" | "duplicate" | "gated" | "linked"
    readonly detail: string
  }
  /** An investigation was queued. */
  Dispatched: { readonly investigationId: string }
  /** A private answer to the user who ran a command. */
  Ephemeral: { readonly text: string }
}>

export const IntakeOutcome = Data.taggedEnum<IntakeOutcome>()
