/**
 * Test helper: wait until the code under test is parked on a TestClock sleep matching
 * `predicate` (a retry backoff, a Retry-After wait), yielding to the event loop between looks
 * so real loopback I/O can progress. No real sleeping; dies if the sleep never appears.
 */
import { Chunk, Effect, TestClock } from "effect"

const turn = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

export const awaitSleep = (predicate: (wakeAt: number) => boolean, turns = 20_000): Effect.Effect<number> =>
  Effect.gen(function* () {
    for (let i = 0; i < turns; i++) {
      const found = Chunk.findFirst(yield* TestClock.sleeps(), predicate)
      if (found._tag === "Some") return found.value
      yield* turn
    }
    return yield* Effect.dieMessage("the expected TestClock sleep never appeared")
  })

/** Wait for the sleep due exactly at `at` ms, then move the clock there. */
export const advanceToSleepAt = (at: number) =>
  awaitSleep((wake) => wake === at).pipe(Effect.zipRight(TestClock.setTime(at)))

/** Wait for a sleep due within [lo, hi] ms (a jittered backoff), then move the clock there. */
export const advanceToSleepWithin = (lo: number, hi: number) =>
  awaitSleep((wake) => wake >= lo && wake <= hi).pipe(Effect.tap((wake) => TestClock.setTime(wake)))
