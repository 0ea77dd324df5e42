/**
 * What the scheduler's and cluster-autoscaler's messages say a Pending pod waits for: a shortage
 * ("9 Insufficient cpu", "max node group size reached") — more nodes of its kind would place it —
 * or only placement rules ("12 node(s) didn't match Pod's node affinity/selector", an untolerated
 * taint) — no node of the kind it asks for exists, and adding capacity elsewhere does not help.
 * The two are different failures even in the same cluster at the same time. Pure.
 */

const shortage =
  /insufficient [\w./-]+|too many pods|max node group size|max_node_group_size|node group \S+ at (?:its )?max|exceeded quota|exceeds? quota/i

const placement =
  /didn't match pod's node affinity|node affinity\/selector|didn't match pod (?:anti-)?affinity|untolerated taint|had taints? that the pod didn't tolerate|didn't tolerate/i

/** The text says pods wait for a resource that is short (cpu, memory, pods, a full node group). */
export const saysShortage = (text: string): boolean => shortage.test(text)

/** The text says pods wait only because no node matches their affinity, selector or tolerations. */
export const saysPlacementOnly = (text: string): boolean => placement.test(text) && !shortage.test(text)
