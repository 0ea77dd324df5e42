/**
 * Faults a test schedules on a replay server: "the next N calls to X fail like this". Also
 * holds requests a test wants left unanswered (to exercise client timeouts) until released,
 * which the server does when its scope closes so no handler is left dangling.
 */

export interface FaultPlan<F> {
  /** The next `count` requests for `key` get `fault`, after any already planned. */
  readonly add: (key: string, fault: F, count: number) => void
  /** The fault for this request, if one is planned (consumes it). */
  readonly take: (key: string) => F | undefined
  /** A promise that stays pending until `releaseAll`. */
  readonly hold: () => Promise<void>
  readonly releaseAll: () => void
}

export const makeFaultPlan = <F>(): FaultPlan<F> => {
  const planned = new Map<string, Array<F>>()
  const held = new Set<() => void>()
  return {
    add: (key, fault, count) => {
      const queue = planned.get(key) ?? []
      for (let i = 0; i < count; i++) queue.push(fault)
      planned.set(key, queue)
    },
    take: (key) => planned.get(key)?.shift(),
    hold: () =>
      new Promise<void>((resolve) => {
        held.add(resolve)
      }),
    releaseAll: () => {
      for (const release of held) release()
      held.clear()
    },
  }
}
