/**
 * At-most-once claims on alert messages, shared by every intake runtime. `claim` is a
 * conditional write implementing `canClaim` from the domain; `transition` and `release` only
 * succeed for the holder of the claim (its investigationId), so a runtime that lost its claim
 * to a re-claim can never clobber the new holder.
 */
import { Context, type Effect, type Option, Schema } from "effect"
import type { ClaimRequest, DedupRecord, DedupState, MessageRef } from "../domain/dedup.js"

export class DedupStoreError extends Schema.TaggedError<DedupStoreError>()("DedupStoreError", {
  reason: Schema.Literal("unavailable", "throttled", "corrupt"),
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
}) {}

export type ClaimResult =
  | { readonly _tag: "Claimed"; readonly record: DedupRecord }
  | { readonly _tag: "Duplicate"; readonly record: DedupRecord }

export interface TransitionRequest {
  readonly key: string
  readonly investigationId: string
  readonly to: Exclude<DedupState, "RECEIVED">
  readonly now: number
  readonly report?: MessageRef
}

export interface DedupStoreService {
  readonly claim: (req: ClaimRequest) => Effect.Effect<ClaimResult, DedupStoreError>
  /** The live record (an expired one reads as none). */
  readonly get: (key: string, now: number) => Effect.Effect<Option.Option<DedupRecord>, DedupStoreError>
  /** Move the holder's record on; false when the caller no longer holds it or the move is not allowed. */
  readonly transition: (req: TransitionRequest) => Effect.Effect<boolean, DedupStoreError>
  /** Give a RECEIVED claim back after a failure, so the platform's retry can claim it at once. */
  readonly release: (key: string, investigationId: string) => Effect.Effect<void, DedupStoreError>
}

export class DedupStore extends Context.Tag("sre-on-call/DedupStore")<DedupStore, DedupStoreService>() {}
