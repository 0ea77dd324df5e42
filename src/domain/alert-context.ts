/**
 * What the platform told us about an alert: where it was posted, its text, who triggered the
 * investigation and when. Built by a ChatPlatform's ingest; never carries secrets (the Discord
 * interaction token travels beside it, in InvestigationRequest, and stops at dispatch).
 */
import { DateTime, Schema } from "effect"
import { Platform, Trigger } from "./platform.js"

export const Author = Schema.Struct({
  id: Schema.String,
  name: Schema.NullOr(Schema.String),
  bot: Schema.Boolean,
})
export type Author = typeof Author.Type

export const InvestigationWindow = Schema.Struct({
  /** alert time − evidence_before */
  start: Schema.DateTimeUtc,
  /** alert time + evidence_after */
  end: Schema.DateTimeUtc,
  /** alert time − change_lookback: rollouts, config changes and deploy announcements */
  changesSince: Schema.DateTimeUtc,
})
export type InvestigationWindow = typeof InvestigationWindow.Type

export const AlertContext = Schema.Struct({
  platform: Platform,
  /** Slack team id / Discord guild id, when known */
  workspace: Schema.NullOr(Schema.String),
  channel: Schema.String,
  /** Slack ts / Discord message snowflake / Discord interaction id for `/investigate text:` */
  messageId: Schema.String,
  /**
   * Where replies go. Slack: the thread root ts (the alert's own ts when it is top-level).
   * Discord: the message to reply to (null for `/investigate`, whose anchor is the deferred
   * interaction response, known only after dispatch).
   */
  threadId: Schema.NullOr(Schema.String),
  /** The alert text (for a thread mention: the thread parent's text, plus the operator's note). */
  text: Schema.String,
  /** The operator's own words for reaction / thread-mention triggers, mentions stripped. */
  note: Schema.NullOr(Schema.String),
  author: Author,
  /** The user who triggered the investigation (mentioner, reactor, command user). */
  triggeredBy: Schema.NullOr(Schema.String),
  trigger: Trigger,
  /** The alert message's own time (Slack ts / snowflake time / posted_at). */
  alertTime: Schema.DateTimeUtc,
  receivedAt: Schema.DateTimeUtc,
  window: InvestigationWindow,
})
export type AlertContext = typeof AlertContext.Type

export interface WindowSettings {
  readonly evidenceBeforeMinutes: number
  readonly evidenceAfterMinutes: number
  readonly changeLookbackHours: number
}

/** Pure: the evidence window and change lookback around an alert time. */
export const investigationWindow = (alertTime: DateTime.Utc, w: WindowSettings): InvestigationWindow => {
  // Plain millisecond arithmetic: this runs on every delivery, and UTC needs no calendar maths.
  const t = alertTime.epochMillis
  return {
    start: DateTime.unsafeMake(t - w.evidenceBeforeMinutes * 60_000),
    end: DateTime.unsafeMake(t + w.evidenceAfterMinutes * 60_000),
    changesSince: DateTime.unsafeMake(t - w.changeLookbackHours * 3_600_000),
  }
}
