/**
 * The pure model of a DedupStore, written from the domain rules alone (`canClaim`, `newRecord`,
 * `allowedTransitions`) and deliberately not from any adapter, plus the fast-check property
 * that drives an adapter and the model through the same random operations. Each run works on
 * its own keys, so one store serves every run (and every shrink) of the property.
 */
import { Effect, Option } from "effect"
import fc from "fast-check"
import { expect } from "vitest"
import {
  allowedTransitions,
  type ClaimPolicy,
  type ClaimRequest,
  canClaim,
  type DedupRecord,
  newRecord,
} from "../../src/domain/dedup.js"
import type { ClaimResult, DedupStoreService, TransitionRequest } from "../../src/ports/dedup-store.js"

export const MODEL_SEED = 20_240_611

type Who = "holder" | "previous" | "stranger"
type Op =
  | { readonly kind: "claim"; readonly key: number; readonly dt: number; readonly reclaimGated: boolean }
  | { readonly kind: "get"; readonly key: number; readonly dt: number }
  | {
      readonly kind: "transition"
      readonly key: number
      readonly dt: number
      readonly who: Who
      readonly to: TransitionRequest["to"]
      readonly withReport: boolean
    }
  | { readonly kind: "release"; readonly key: number; readonly who: Who }

class Model {
  private readonly records = new Map<string, DedupRecord>()
  constructor(private readonly policy: ClaimPolicy) {}

  current = (key: string) => this.records.get(key)

  claim = (req: ClaimRequest): ClaimResult => {
    const existing = this.records.get(req.key)
    if (existing !== undefined && !canClaim(Option.some(existing), req, this.policy)) {
      return { _tag: "Duplicate", record: existing }
    }
    const record = newRecord(req, this.policy)
    this.records.set(req.key, record)
    return { _tag: "Claimed", record }
  }

  get = (key: string, now: number): Option.Option<DedupRecord> => {
    const r = this.records.get(key)
    return r !== undefined && r.expiresAt > now ? Option.some(r) : Option.none()
  }

  transition = (req: TransitionRequest): boolean => {
    const r = this.records.get(req.key)
    if (r === undefined || r.investigationId !== req.investigationId || r.expiresAt <= req.now) return false
    if (!allowedTransitions[r.state].includes(req.to)) return false
    this.records.set(req.key, { ...r, state: req.to, updatedAt: req.now, report: req.report ?? r.report })
    return true
  }

  release = (key: string, investigationId: string): void => {
    const r = this.records.get(key)
    if (r !== undefined && r.investigationId === investigationId && r.state === "RECEIVED")
      this.records.delete(key)
  }
}

const KEYS = 2

const opArbitrary = (policy: ClaimPolicy): fc.Arbitrary<Op> => {
  const key = fc.integer({ min: 0, max: KEYS - 1 })
  // Land on the boundaries often: exactly reclaimAfterMs, one past it, exactly the TTL.
  const dt = fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }) },
    { weight: 1, arbitrary: fc.constant(policy.reclaimAfterMs) },
    { weight: 1, arbitrary: fc.constant(policy.reclaimAfterMs + 1) },
    { weight: 1, arbitrary: fc.constant(policy.ttlMs) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: policy.reclaimAfterMs * 2 }) },
  )
  const who = fc.constantFrom<Who>("holder", "holder", "holder", "previous", "stranger")
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("claim"), key, dt, reclaimGated: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("get"), key, dt }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("transition"),
        key,
        dt,
        who,
        to: fc.constantFrom<TransitionRequest["to"]>("DISPATCHED", "DONE", "GATED"),
        withReport: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("release"), key, who }) },
  )
}

const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** Resolves when `store` agreed with the model on every generated sequence; rejects with the counterexample. */
export const checkModelAgreement = async (
  store: DedupStoreService,
  policy: ClaimPolicy,
  numRuns: number,
): Promise<void> => {
  let runs = 0
  const property = fc.asyncProperty(
    fc.array(opArbitrary(policy), { minLength: 1, maxLength: 40, size: "medium" }),
    async (ops) => {
      const runId = ++runs
      const keyName = (i: number) => `run${runId}#slack#C1#${i}`
      const model = new Model(policy)
      const claimedIds = new Map<string, Array<string>>()
      const idFor = (key: string, who: Who): string => {
        const ids = claimedIds.get(key) ?? []
        if (who === "holder") return model.current(key)?.investigationId ?? "nobody"
        if (who === "previous") return ids.at(-2) ?? "nobody"
        return "stranger"
      }
      let now = 1_700_000_000_000
      let claims = 0
      for (const [step, op] of ops.entries()) {
        const key = keyName(op.key)
        if (op.kind !== "release") now += op.dt
        const where = `step ${step} (${op.kind} ${key} at +${now - 1_700_000_000_000})`
        switch (op.kind) {
          case "claim": {
            const investigationId = `inv-${runId}-${++claims}`
            claimedIds.set(key, [...(claimedIds.get(key) ?? []), investigationId])
            const req: ClaimRequest = {
              key,
              investigationId,
              triggerId: `t-${claims}`,
              now,
              reclaimGated: op.reclaimGated,
            }
            expect(await run(store.claim(req)), where).toEqual(model.claim(req))
            break
          }
          case "get":
            expect(await run(store.get(key, now)), where).toEqual(model.get(key, now))
            break
          case "transition": {
            const req: TransitionRequest = {
              key,
              investigationId: idFor(key, op.who),
              to: op.to,
              now,
              ...(op.withReport ? { report: { channel: "C1", messageId: `report-${step}` } } : {}),
            }
            expect(await run(store.transition(req)), where).toBe(model.transition(req))
            break
          }
          case "release": {
            const investigationId = idFor(key, op.who)
            await run(store.release(key, investigationId))
            model.release(key, investigationId)
            break
          }
        }
      }
      for (let i = 0; i < KEYS; i++) {
        expect(await run(store.get(keyName(i), now)), `final state of ${keyName(i)}`).toEqual(
          model.get(keyName(i), now),
        )
      }
    },
  )
  await fc.assert(property, { seed: MODEL_SEED, numRuns })
}
