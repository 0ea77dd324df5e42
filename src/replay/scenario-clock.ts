/**
 * The scenario clock (FORMAT.md): it starts at the scenario's `now` and advances with real
 * elapsed time, so deadlines fire and only durations differ between runs. Every part of a run —
 * the domain, the replay servers, the webhook signer and the signature check — reads this one.
 */
import { Clock, Effect } from "effect"

export const scenarioClock = (startAtMs: number, real: Clock.Clock = Clock.make()): Clock.Clock => {
  const offset = startAtMs - real.unsafeCurrentTimeMillis()
  const millis = () => real.unsafeCurrentTimeMillis() + offset
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: millis,
    currentTimeMillis: Effect.sync(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
    sleep: (duration) => real.sleep(duration),
  }
}
