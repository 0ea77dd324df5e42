/**
 * The chat platforms we serve and the ways an investigation can be triggered.
 * Explicit triggers carry operator intent and skip the alert/chatter gate.
 */
import { Schema } from "effect"

export const Platform = Schema.Literal("slack", "discord")
export type Platform = typeof Platform.Type

export const Trigger = Schema.Literal(
  "mention",
  "reaction",
  "thread_mention",
  "command",
  "message_command",
  "synthetic",
)
export type Trigger = typeof Trigger.Type

/** Triggers that are explicit by construction (the word "investigate" is checked on the text). */
export const explicitTriggers: ReadonlySet<Trigger> = new Set<Trigger>([
  "reaction",
  "thread_mention",
  "command",
  "message_command",
])

export const isExplicitTrigger = (trigger: Trigger): boolean => explicitTriggers.has(trigger)
