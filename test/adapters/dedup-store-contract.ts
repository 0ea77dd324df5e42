/**
 * The DedupStore contract, shared by every adapter (memory, file, DynamoDB on dynalite): the
 * same claims, boundaries and transitions must give the same answers everywhere, and a random
 * walk of operations must agree with a pure model built only from the domain rules
 * (`canClaim`, `newRecord`, `allowedTransitions`). Times are explicit (`now` in each request).
 */
import { expect, layer } from "@effect/vitest"
import { Effect, type Layer, Option } from "effect"
import { type ClaimPolicy, type ClaimRequest, type DedupRecord, newRecord } from "../../src/domain/dedup.js"
import { DedupStore, type DedupStoreService } from "../../src/ports/dedup-store.js"
import { checkModelAgreement, MODEL_SEED } from "./dedup-store-model.js"

export interface DedupStoreHarness<R, E> {
  readonly name: string
  /** Built once for the suite (e.g. a dynalite server); `Layer.empty` when nothing is shared. */
  readonly shared: Layer.Layer<R, E>
  /** A fresh, empty store for one test. */
  readonly fresh: (policy: ClaimPolicy) => Layer.Layer<DedupStore, unknown, R>
  /** fast-check runs of the model property (default 100). */
  readonly propertyRuns?: number
}

export const contractPolicy: ClaimPolicy = { ttlMs: 60_000, reclaimAfterMs: 10_000 }
export const T0 = 1_700_000_000_000

export const claimRequest = (
  key: string,
  investigationId: string,
  now: number,
  options: { readonly reclaimGated?: boolean; readonly triggerId?: string | null } = {},
): ClaimRequest => ({
  key,
  investigationId,
  now,
  triggerId: options.triggerId ?? null,
  reclaimGated: options.reclaimGated ?? false,
})

export const dedupStoreContract = <R, E>(harness: DedupStoreHarness<R, E>): void => {
  const policy = contractPolicy
  const withStore = <A, E2>(f: (store: DedupStoreService) => Effect.Effect<A, E2>) =>
    Effect.flatMap(DedupStore, f).pipe(Effect.provide(harness.fresh(policy)))

  layer(harness.shared)(`DedupStore contract: ${harness.name}`, (it) => {
    it.effect("the first claim wins; the second is a Duplicate carrying the first's record, unchanged", () =>
      withStore((store) =>
        Effect.gen(function* () {
          const first = claimRequest("slack#C1#1", "inv-1", T0, { triggerId: "t-1" })
          const won = yield* store.claim(first)
          expect(won).toEqual({ _tag: "Claimed", record: newRecord(first, policy) })
          const lost = yield* store.claim(claimRequest("slack#C1#1", "inv-2", T0 + 5))
          expect(lost).toEqual({ _tag: "Duplicate", record: newRecord(first, policy) })
          expect(yield* store.get("slack#C1#1", T0 + 5)).toEqual(Option.some(newRecord(first, policy)))
          // another key is independent
          expect((yield* store.claim(claimRequest("slack#C1#2", "inv-3", T0 + 5)))._tag).toBe("Claimed")
        }),
      ),
    )

    it.effect("a key is claimable again once expired (expiresAt <= now), not one ms before", () =>
      withStore((store) =>
        Effect.gen(function* () {
          yield* store.claim(claimRequest("k", "inv-1", T0))
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "DISPATCHED", now: T0 + 1 }),
          ).toBe(true)
          const expiresAt = T0 + policy.ttlMs
          const early = yield* store.claim(claimRequest("k", "inv-2", expiresAt - 1, { reclaimGated: true }))
          expect(early._tag).toBe("Duplicate")
          expect(early.record.investigationId).toBe("inv-1")
          const late = yield* store.claim(claimRequest("k", "inv-3", expiresAt))
          expect(late).toEqual({
            _tag: "Claimed",
            record: newRecord(claimRequest("k", "inv-3", expiresAt), policy),
          })
        }),
      ),
    )

    it.effect(
      "a RECEIVED claim older than reclaimAfterMs is re-claimable; exactly at the boundary it is not",
      () =>
        withStore((store) =>
          Effect.gen(function* () {
            yield* store.claim(claimRequest("k", "inv-1", T0))
            const atBoundary = yield* store.claim(claimRequest("k", "inv-2", T0 + policy.reclaimAfterMs))
            expect(atBoundary._tag).toBe("Duplicate")
            expect(atBoundary.record.investigationId).toBe("inv-1")
            const past = yield* store.claim(claimRequest("k", "inv-3", T0 + policy.reclaimAfterMs + 1))
            expect(past._tag).toBe("Claimed")
            expect(past.record.investigationId).toBe("inv-3")
            // the runtime that lost its stale claim can no longer move or release the record
            const later = T0 + policy.reclaimAfterMs + 2
            expect(
              yield* store.transition({ key: "k", investigationId: "inv-1", to: "DISPATCHED", now: later }),
            ).toBe(false)
            yield* store.release("k", "inv-1")
            expect(Option.map(yield* store.get("k", later), (r) => r.investigationId)).toEqual(
              Option.some("inv-3"),
            )
          }),
        ),
    )

    it.effect("a GATED record is re-claimable only by a request with reclaimGated", () =>
      withStore((store) =>
        Effect.gen(function* () {
          yield* store.claim(claimRequest("k", "inv-1", T0))
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "GATED", now: T0 + 1 }),
          ).toBe(true)
          const later = T0 + policy.reclaimAfterMs * 3
          const plain = yield* store.claim(claimRequest("k", "inv-2", later))
          expect(plain._tag).toBe("Duplicate")
          expect(plain.record.state).toBe("GATED")
          const explicit = yield* store.claim(claimRequest("k", "inv-3", later, { reclaimGated: true }))
          expect(explicit._tag).toBe("Claimed")
          expect(explicit.record).toMatchObject({
            investigationId: "inv-3",
            state: "RECEIVED",
            claimedAt: later,
          })
        }),
      ),
    )

    it.effect("DISPATCHED and DONE records are never re-claimable before they expire", () =>
      withStore((store) =>
        Effect.gen(function* () {
          for (const [key, states] of [
            ["dispatched", ["DISPATCHED"]],
            ["done", ["DISPATCHED", "DONE"]],
          ] as const) {
            yield* store.claim(claimRequest(key, "inv-1", T0))
            for (const to of states) {
              expect(yield* store.transition({ key, investigationId: "inv-1", to, now: T0 + 1 })).toBe(true)
            }
            for (const now of [T0 + policy.reclaimAfterMs + 1, T0 + policy.ttlMs - 1]) {
              for (const reclaimGated of [false, true]) {
                const again = yield* store.claim(claimRequest(key, "inv-2", now, { reclaimGated }))
                expect(again._tag).toBe("Duplicate")
                expect(again.record.investigationId).toBe("inv-1")
              }
            }
          }
        }),
      ),
    )

    it.effect("transitions follow allowedTransitions, only for the holder, and DONE carries the report", () =>
      withStore((store) =>
        Effect.gen(function* () {
          const report = { channel: "C1", messageId: "1700000000.000200" }
          yield* store.claim(claimRequest("k", "inv-1", T0, { triggerId: "t-1" }))
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-2", to: "DISPATCHED", now: T0 + 1 }),
          ).toBe(false)
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "DISPATCHED", now: T0 + 2 }),
          ).toBe(true)
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "GATED", now: T0 + 3 }),
          ).toBe(false)
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "DONE", now: T0 + 4, report }),
          ).toBe(true)
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "DISPATCHED", now: T0 + 5 }),
          ).toBe(false)
          expect(
            yield* store.transition({ key: "k", investigationId: "inv-1", to: "DONE", now: T0 + 6 }),
          ).toBe(false)
          const expected: DedupRecord = {
            ...newRecord(claimRequest("k", "inv-1", T0, { triggerId: "t-1" }), policy),
            state: "DONE",
            updatedAt: T0 + 4,
            report,
          }
          expect(yield* store.get("k", T0 + 7)).toEqual(Option.some(expected))

          yield* store.claim(claimRequest("gated", "inv-9", T0))
          expect(
            yield* store.transition({ key: "gated", investigationId: "inv-9", to: "GATED", now: T0 + 1 }),
          ).toBe(true)
          expect(
            yield* store.transition({
              key: "gated",
              investigationId: "inv-9",
              to: "DISPATCHED",
              now: T0 + 2,
            }),
          ).toBe(false)
          expect(
            yield* store.transition({ key: "missing", investigationId: "inv-9", to: "DONE", now: T0 }),
          ).toBe(false)
        }),
      ),
    )

    it.effect("a holder's release frees the key at once; other releases change nothing", () =>
      withStore((store) =>
        Effect.gen(function* () {
          yield* store.claim(claimRequest("k", "inv-1", T0))
          yield* store.release("k", "inv-2")
          expect(Option.map(yield* store.get("k", T0), (r) => r.investigationId)).toEqual(
            Option.some("inv-1"),
          )
          yield* store.release("k", "inv-1")
          expect(yield* store.get("k", T0)).toEqual(Option.none())
          expect((yield* store.claim(claimRequest("k", "inv-2", T0)))._tag).toBe("Claimed")

          yield* store.claim(claimRequest("dispatched", "inv-3", T0))
          yield* store.transition({
            key: "dispatched",
            investigationId: "inv-3",
            to: "DISPATCHED",
            now: T0 + 1,
          })
          yield* store.release("dispatched", "inv-3")
          expect(Option.map(yield* store.get("dispatched", T0 + 2), (r) => r.state)).toEqual(
            Option.some("DISPATCHED"),
          )
          expect((yield* store.claim(claimRequest("dispatched", "inv-4", T0 + 2)))._tag).toBe("Duplicate")

          yield* store.release("never-claimed", "inv-5")
          expect(yield* store.get("never-claimed", T0)).toEqual(Option.none())
        }),
      ),
    )

    it.effect("get hides a record from its expiresAt on", () =>
      withStore((store) =>
        Effect.gen(function* () {
          const claimed = yield* store.claim(claimRequest("k", "inv-1", T0))
          expect(yield* store.get("k", T0 + policy.ttlMs - 1)).toEqual(Option.some(claimed.record))
          expect(yield* store.get("k", T0 + policy.ttlMs)).toEqual(Option.none())
          expect(yield* store.get("other", T0)).toEqual(Option.none())
        }),
      ),
    )

    it.effect("50 concurrent claims of one key: exactly one wins, the others see the winner", () =>
      withStore((store) =>
        Effect.gen(function* () {
          const results = yield* Effect.all(
            Array.from({ length: 50 }, (_, i) => store.claim(claimRequest("hot", `inv-${i}`, T0))),
            { concurrency: "unbounded" },
          )
          const winners = results.filter((r) => r._tag === "Claimed")
          expect(winners).toHaveLength(1)
          const winner = winners[0]?.record
          expect(winner).toBeDefined()
          expect(results.filter((r) => r._tag === "Duplicate").map((r) => r.record)).toEqual(
            Array.from({ length: 49 }, () => winner),
          )
          expect(yield* store.get("hot", T0)).toEqual(Option.fromNullable(winner))
        }),
      ),
    )

    it.effect(`random operation sequences agree with the pure model (fast-check seed ${MODEL_SEED})`, () =>
      withStore((store) =>
        Effect.promise(() => checkModelAgreement(store, policy, harness.propertyRuns ?? 100)),
      ),
    )
  })
}
