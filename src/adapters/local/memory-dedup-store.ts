/**
 * The in-memory DedupStore twin (`npm start`, tests). Its pure steps — what a claim,
 * transition or release does to the one record under a key — are the reference semantics of
 * the port; the file-backed twin applies the same steps, only persisted. A claim is one
 * synchronous step, so concurrent fibers can never both win a key.
 */
import { Effect, Layer, Option } from "effect"
import {
  allowedTransitions,
  type ClaimPolicy,
  type ClaimRequest,
  canClaim,
  type DedupRecord,
  defaultClaimPolicy,
  newRecord,
} from "../../domain/dedup.js"
import {
  type ClaimResult,
  DedupStore,
  type DedupStoreService,
  type TransitionRequest,
} from "../../ports/dedup-store.js"

/** Claimed (and the record to store) when `canClaim`, otherwise Duplicate of what is held. */
export const claimStep = (
  existing: Option.Option<DedupRecord>,
  req: ClaimRequest,
  policy: ClaimPolicy,
): ClaimResult =>
  Option.isSome(existing) && !canClaim(existing, req, policy)
    ? { _tag: "Duplicate", record: existing.value }
    : { _tag: "Claimed", record: newRecord(req, policy) }

/** The moved record, when the caller holds a live record and `allowedTransitions` permits the move. */
export const transitionStep = (
  existing: Option.Option<DedupRecord>,
  req: TransitionRequest,
): Option.Option<DedupRecord> =>
  Option.flatMap(existing, (r) =>
    r.investigationId === req.investigationId &&
    r.expiresAt > req.now &&
    allowedTransitions[r.state].includes(req.to)
      ? Option.some({ ...r, state: req.to, updatedAt: req.now, report: req.report ?? r.report })
      : Option.none(),
  )

/** Only the holder of a RECEIVED claim may give it back. */
export const releaseAllowed = (existing: Option.Option<DedupRecord>, investigationId: string): boolean =>
  Option.exists(existing, (r) => r.investigationId === investigationId && r.state === "RECEIVED")

/** What `get` shows: the record unless it has expired. */
export const liveRecord = (existing: Option.Option<DedupRecord>, now: number): Option.Option<DedupRecord> =>
  Option.filter(existing, (r) => r.expiresAt > now)

export const makeMemoryDedupStore = (
  policy: ClaimPolicy = defaultClaimPolicy,
): Effect.Effect<DedupStoreService> =>
  Effect.sync(() => {
    // A mutable Map behind `Effect.sync`: each operation reads and writes its key in one
    // synchronous step, which no other fiber can interleave with — so two concurrent claims can
    // never both win, as with a Ref, without a persistent map's copying on every claim.
    const records = new Map<string, DedupRecord>()
    const at = (key: string) => Option.fromNullable(records.get(key))

    const claim = (req: ClaimRequest) =>
      Effect.sync((): ClaimResult => {
        const result = claimStep(at(req.key), req, policy)
        if (result._tag === "Claimed") records.set(req.key, result.record)
        return result
      })

    const get = (key: string, now: number) => Effect.sync(() => liveRecord(at(key), now))

    const transition = (req: TransitionRequest) =>
      Effect.sync(() =>
        Option.match(transitionStep(at(req.key), req), {
          onNone: () => false,
          onSome: (moved) => {
            records.set(req.key, moved)
            return true
          },
        }),
      )

    const release = (key: string, investigationId: string) =>
      Effect.sync(() => {
        if (releaseAllowed(at(key), investigationId)) records.delete(key)
      })

    return { claim, get, transition, release }
  })

export const memoryDedupStoreLayer = (policy: ClaimPolicy = defaultClaimPolicy): Layer.Layer<DedupStore> =>
  Layer.effect(DedupStore, makeMemoryDedupStore(policy))
