/**
 * Which node group a "max node group size reached" refers to. The autoscaler's NotTriggerScaleUp
 * event does not name it; its earlier TriggeredScaleUp on the same workload's pods does
 * (`[{eks-ng-x-<uuid> 6->12 (max: 12)}]`): a scale-up that took a group to its max is the group
 * now full. Pure.
 */
import { nodeGroupDisplay } from "../../domain/node-group-name.js"

const scaleUp = /\{\s*([A-Za-z0-9._-]+)\s+(\d+)->(\d+)\s+\(max:\s*(\d+)\)\s*\}/g

/** The node groups scale-up messages took to their max size, with that size (deduplicated). */
export const nodeGroupsAtMax = (
  messages: ReadonlyArray<string>,
): ReadonlyArray<{ readonly group: string; readonly max: number }> => {
  const out = new Map<string, number>()
  for (const m of messages)
    for (const hit of m.matchAll(scaleUp)) {
      const [, group, , to, max] = hit
      if (group !== undefined && to !== undefined && max !== undefined && Number(to) >= Number(max))
        out.set(nodeGroupDisplay(group), Number(max))
    }
  return [...out].map(([group, max]) => ({ group, max }))
}

/** Whether an autoscaler message says a node group is at its max size. */
export const saysMaxSizeReached = (message: string): boolean => /max node group size reached/i.test(message)
