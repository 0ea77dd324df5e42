/**
 * The cache a cache node's finding is about. A Redis exporter or CloudWatch names the node
 * (`tix-sessions-0001-001`, `cart-sessions-002`), while the clients' lines name the cache
 * ("session … not found in tix-sessions", "OOM command not allowed … (tix-sessions)"): the same
 * datastore, so a client's evidence naming the cache names its node's finding too — a cache at
 * maxmemory evicting what its clients need is their cause. Only findings that read as a cache
 * (Redis, Memcached, ElastiCache, maxmemory, evicted_keys) get the alias: a workload's `-001`
 * suffix is no node. Pure.
 */
import { namesOf } from "./causes-names.js"
import { clusterOfNode } from "./datastore-failover.js"
import type { Finding } from "./finding.js"
import { textOf } from "./report-scope.js"

// A cache engine's own words; not a bare "evicted" (the kubelet evicts pods too).
const cacheWords = /\b(?:redis|valkey|memcached?|elasticache|memorydb|maxmemory|evicted_keys)\b/i

// A cluster name too short or common to be read as a name in someone else's words.
const minCluster = 5

/** Cluster name → the node names it stands for, among the cache-like findings of `findings`. */
export const cacheNodeAliases = (
  findings: ReadonlyArray<Finding>,
): ReadonlyMap<string, ReadonlyArray<string>> => {
  const aliases = new Map<string, Array<string>>()
  for (const f of findings) {
    if (!cacheWords.test(textOf(f))) continue
    for (const n of namesOf(f)) {
      const cluster = clusterOfNode(n)
      if (cluster === n || cluster.length < minCluster) continue
      aliases.set(cluster, [...(aliases.get(cluster) ?? []).filter((x) => x !== n), n])
    }
  }
  return aliases
}

// A cache at its memory limit, in its exporter's, engine log's or clients' words: at (or over)
// maxmemory, keys evicted. "82% of maxmemory" is high, not full.
const cacheFullWords =
  /\b(?:at|reached)\s+maxmemory\b|>\s*'?maxmemory\b|\bevicted_keys\b|\bevict(?:ed|ing|ions?)\b/i
const noEvictions = /\bno evictions?\b|\bevicted_keys\s*[=:]\s*0\b/i

/** Whether a finding says a cache is at its memory limit (maxmemory reached, keys evicted). */
export const cacheAtMaxmemory = (f: Finding): boolean => {
  const text = textOf(f)
  return cacheWords.test(text) && cacheFullWords.test(text) && !noEvictions.test(text)
}
