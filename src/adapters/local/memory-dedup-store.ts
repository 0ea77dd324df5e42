/**
 * The in-memory DedupStore twin (`npm start`, tests). Its pure steps — what a claim,
 * transition or release does to the one record under a key — are the reference semantics of
 * the port; the file-backed twin applies the same steps, only persisted. A claim is one
 * `Ref.modify`, so concurrent fibers can never both win a key.
 */
import { Effect, HashMap, Layer, Option, Ref } from "effect"
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
  Effect.map(Ref.make(HashMap.empty<string, DedupRecord>()), (ref) => {
    const claim = (req: ClaimRequest) =>
      Ref.modify(ref, (records): [ClaimResult, HashMap.HashMap<string, DedupRecord>] => {
        const result = claimStep(HashMap.get(records, req.key), req, policy)
        return [result, result._tag === "Claimed" ? HashMap.set(records, req.key, result.record) : records]
      })

    const get = (key: string, now: number) =>
      Effect.map(Ref.get(ref), (records) => liveRecord(HashMap.get(records, key), now))

    const transition = (req: TransitionRequest) =>
      Ref.modify(ref, (records): [boolean, HashMap.HashMap<string, DedupRecord>] =>
        Option.match(transitionStep(HashMap.get(records, req.key), req), {
          onNone: () => [false, records],
          onSome: (moved) => [true, HashMap.set(records, req.key, moved)],
        }),
      )

    const release = (key: string, investigationId: string) =>
      Ref.update(ref, (records) =>
        releaseAllowed(HashMap.get(records, key), investigationId) ? HashMap.remove(records, key) : records,
      )

    return { claim, get, transition, release }
  })

export const memoryDedupStoreLayer = (policy: ClaimPolicy = defaultClaimPolicy): Layer.Layer<DedupStore> =>
  Layer.effect(DedupStore, makeMemoryDedupStore(policy))
