/**
 * What `GET /ping` reports: `HealthyBusy` while any task runs in this process (an accepted
 * investigation in the background, or a reply being computed), `Healthy` otherwise, with
 * `time_of_last_update` = when that status last changed, in epoch seconds. AgentCore's idle
 * reaper needs both fields: with the status alone it stops a busy microVM at the idle timeout.
 */
import { Clock, Effect, Option, Ref } from "effect"

export type PingStatus = "Healthy" | "HealthyBusy"

export interface PingBody {
  readonly status: PingStatus
  /** epoch seconds of the last status change (until the first task: the first ping) */
  readonly time_of_last_update: number
}

interface State {
  readonly running: number
  readonly changedAtMs: Option.Option<number>
}

export interface BusyState {
  /** Count `effect` as running work for as long as it runs (interruption included). */
  readonly track: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  readonly ping: Effect.Effect<PingBody>
}

export const makeBusyState = (): BusyState => {
  const state = Effect.runSync(Ref.make<State>({ running: 0, changedAtMs: Option.none() }))
  const step = (delta: 1 | -1) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) =>
      Ref.update(state, (s) => {
        const running = Math.max(0, s.running + delta)
        const changed = (s.running === 0) !== (running === 0)
        return {
          running,
          changedAtMs: changed || Option.isNone(s.changedAtMs) ? Option.some(now) : s.changedAtMs,
        }
      }),
    )
  return {
    track: (effect) =>
      Effect.acquireUseRelease(
        step(1),
        () => effect,
        () => step(-1),
      ),
    ping: Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      const s = yield* Ref.updateAndGet(state, (s) =>
        Option.isNone(s.changedAtMs) ? { ...s, changedAtMs: Option.some(now) } : s,
      )
      return {
        status: s.running > 0 ? "HealthyBusy" : "Healthy",
        time_of_last_update: Math.floor(Option.getOrElse(s.changedAtMs, () => now) / 1000),
      }
    }),
  }
}
