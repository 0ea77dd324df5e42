/**
 * Dedup keys, states and the one rule deciding whether a key can be claimed. Every DedupStore
 * adapter implements exactly `canClaim` (DynamoDB as a condition expression), so the contract
 * test is the same for all of them.
 *
 * States: RECEIVED (claimed by intake) → DISPATCHED (the master has it) → DONE (report posted);
 * GATED (judged chatter). A RECEIVED claim older than `reclaimAfterMs` is presumed lost (the
 * runtime holding it died) and may be claimed again, so no alert is lost.
 */
import { Option, Schema } from "effect"
import type { Platform } from "./platform.js"

export const DedupState = Schema.Literal("RECEIVED", "DISPATCHED", "DONE", "GATED")
export type DedupState = typeof DedupState.Type

export const MessageRef = Schema.Struct({ channel: Schema.String, messageId: Schema.String })
export type MessageRef = typeof MessageRef.Type

export const DedupRecord = Schema.Struct({
  key: Schema.String,
  state: DedupState,
  /** The claim token: only the holder of this id may move the record on or release it. */
  investigationId: Schema.String,
  /** epoch ms */
  claimedAt: Schema.Number,
  updatedAt: Schema.Number,
  /** epoch ms; a record past this instant no longer exists (DynamoDB TTL deletes lazily). */
  expiresAt: Schema.Number,
  /** The message or delivery that caused this claim (a thread mention's ts, an interaction id). */
  triggerId: Schema.NullOr(Schema.String),
  /** The posted report, once DONE. */
  report: Schema.NullOr(MessageRef),
})
export type DedupRecord = typeof DedupRecord.Type

export interface ClaimPolicy {
  /** 24 h */
  readonly ttlMs: number
  /** 2 min */
  readonly reclaimAfterMs: number
}

export const defaultClaimPolicy: ClaimPolicy = { ttlMs: 24 * 3_600_000, reclaimAfterMs: 120_000 }

export interface ClaimRequest {
  readonly key: string
  readonly investigationId: string
  readonly triggerId: string | null
  /** epoch ms, from Clock */
  readonly now: number
  /** An explicit trigger re-claims a message the gate judged chatter. */
  readonly reclaimGated: boolean
}

/** Pure: may `req` take the key given what the store holds? */
export const canClaim = (
  existing: Option.Option<DedupRecord>,
  req: ClaimRequest,
  policy: ClaimPolicy,
): boolean =>
  Option.match(existing, {
    onNone: () => true,
    onSome: (r) =>
      r.expiresAt <= req.now ||
      (r.state === "RECEIVED" && req.now - r.claimedAt > policy.reclaimAfterMs) ||
      (r.state === "GATED" && req.reclaimGated),
  })

export const newRecord = (req: ClaimRequest, policy: ClaimPolicy): DedupRecord => ({
  key: req.key,
  state: "RECEIVED",
  investigationId: req.investigationId,
  claimedAt: req.now,
  updatedAt: req.now,
  expiresAt: req.now + policy.ttlMs,
  triggerId: req.triggerId,
  report: null,
})

/** Is a record "held" (for Slack retries): present, unexpired and not a stale RECEIVED claim. */
export const isHeld = (r: DedupRecord, now: number, policy: ClaimPolicy): boolean =>
  r.expiresAt > now && !(r.state === "RECEIVED" && now - r.claimedAt > policy.reclaimAfterMs)

export const dedupKey = (platform: Platform, channel: string, messageId: string): string =>
  `${platform}#${channel}#${messageId}`

/** "investigate again" keys: `#r2`, `#r3`, … */
export const againKey = (base: string, n: number): string => `${base}#r${n}`

export const allowedTransitions: Readonly<Record<DedupState, ReadonlyArray<DedupState>>> = {
  RECEIVED: ["DISPATCHED", "GATED", "DONE"],
  DISPATCHED: ["DONE"],
  DONE: [],
  GATED: [],
}
