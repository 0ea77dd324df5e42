/**
 * A person saying a node drain is stuck: a managed nodegroup update still `Updating`, a drain
 * that "keeps retrying evictions", nodes cordoned and "nothing is draining", Karpenter's or the
 * cluster autoscaler's consolidation that will not finish. Such a message names the node, the
 * nodegroup or the cluster, never the workload whose budget blocks the drain, so the chat
 * scanners take it as evidence about the alert's subject when it (or its thread's parent) is
 * about the alert's cluster or node — or names no cluster at all (the team's own). The words
 * must say the operation is stuck now: "the drain finished", "no longer stuck" and a drain
 * announced for later are not reports. Pure.
 */
import { looksLikeCluster } from "./alert-facts-names.js"

// The operation: a drain or its evictions, or a node upgrade, rotation or consolidation ("pods
// evicted" alone is the kubelet's eviction, and "nodegroup at max size" the autoscaler's, not a drain).
// A pod lost "to eviction" is the kubelet's; a drain retries "evictions".
const drainWords = /\b(?:drain(?:s|ing)?|evictions|evicting)\b/i
const nodeOperation =
  /\b(?:node ?groups?|node ?pools?|nodes?|ami|workers?)\b[^.!?\n]{0,30}\b(?:upgrade|update|rotation|replacement|roll(?:out|ing)?)s?\b|\b(?:upgrade|update|rotation)s? (?:of|for) (?:the )?(?:node ?groups?|node ?pools?|nodes?)\b|\bconsolidation\b|\bscale-?down\b/i

// That it does not finish: stuck, hung, blocked, retrying, still updating, not draining.
const stuckWords =
  /\b(?:stuck(?! (?:in )?(?:pending|containercreating))|hung|hang(?:s|ing)?|blocked|blocking|wedged|keeps? (?:retrying|failing)|retrying|not progressing|no progress|not moving|(?:is|are|been) sitting|sitting on|still `?(?:updating|in progress|draining|running)`?|taking forever|won'?t (?:finish|complete|drain|evict)|(?:can'?t|cannot|unable to|fails? to|failing to) (?:drain|evict)|nothing (?:is )?(?:draining|moving|evicted|getting evicted)|not draining|isn'?t draining|never finish(?:es)?|timed? ?out)\b/i
const notStuck = /\b(?:no longer|not|isn'?t|wasn'?t|aren'?t|un)\s*(?:stuck|blocked|hung)\b|\bunstuck\b/i
const finished =
  /\b(?:drain(?:ed)? (?:finished|completed|done)|(?:update|upgrade) (?:finished|completed|succeeded|is done)|all (?:nodes )?(?:drained|done)|resolved|fixed now)\b/i

/** Whether `text` says a node drain, nodegroup update or consolidation is stuck. */
export const drainStuckReported = (text: string): boolean =>
  (drainWords.test(text) || nodeOperation.test(text)) &&
  stuckWords.test(text) &&
  !notStuck.test(text) &&
  !finished.test(text)

// Cluster-shaped words (`eks-uw-prod`, `prod-k8s-2`): which cluster a message is about.
const clusterToken = /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])/gi

/**
 * Whether a stuck drain in `text` (read with its thread's parent) is about the alert's cluster
 * or node: it names one of them, or it names no cluster (one the alert does not name is another
 * cluster's drain).
 */
export const drainAboutAlert = (
  text: string,
  alert: { readonly cluster: string | null; readonly node: string | null },
): boolean => {
  const lower = text.toLowerCase()
  const node = alert.node?.toLowerCase() ?? null
  if (node !== null && node !== "" && lower.includes(node.split(".")[0] ?? node)) return true
  const cluster = alert.cluster?.toLowerCase() ?? null
  const clusters = [...lower.matchAll(clusterToken)].map((m) => m[0]).filter(looksLikeCluster)
  if (cluster !== null && clusters.includes(cluster)) return true
  return clusters.length === 0
}
