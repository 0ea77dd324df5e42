/**
 * A cache the subject is only configured to reach (its REDIS_URL / ORDER_CACHE_URL), found at its
 * memory limit (causes-scope.ts). At maxmemory a Redis with an eviction policy evicts its coldest
 * keys: that is what a cache sized below its working set always does ("order-cache is evicting a
 * lot but it always does at this size"), not a failure. It explains the subject only when the
 * subject's failing evidence is about the cache — Redis' own "OOM command not allowed" refusal,
 * its client timing out, keys or sessions lost — or names it. A subject whose failing lines name
 * another dependency (its database pool, the database's locks) while its cache sits full is not
 * the cache's doing; with nothing else named, the full cache stays the likeliest suspect. Pure.
 */
import type { Finding } from "./finding.js"
import { mentions, textOf } from "./report-scope.js"

// A cache sweep's words for a cache at its memory limit (saturation-sweep.ts, cache-memory-sweep.ts).
const atMemoryLimit = /\b(?:at|reached) maxmemory\b/

// The subject's own words for a cache failing under it.
const cacheTrouble =
  /oom command not allowed|not found in (?:the )?(?:store|cache)|\bsessions? (?:expired|lost|not found)|\bredis\b|\bvalkey\b|\bmemcache|\bjedis|\blettuce|\bioredis|\bcache (?:miss|misses|timeout|timed out|unavailable|error)|\bcache[- ]?miss|\bevict/

/** A cache's at-maxmemory finding (not its clients' refusal lines, which are failures of their own). */
export const isCacheAtMemoryLimit = (f: Finding): boolean => {
  const text = textOf(f)
  return atMemoryLimit.test(text) && !/oom command not allowed/.test(text)
}

/**
 * Whether `f` — a cache at its memory limit named only by the subject's configuration — is left
 * out: the subject's failing findings name `elsewhere` (another dependency) and none is about a
 * cache or names one of the cache's `names`.
 */
export const idleConfiguredCache = (
  f: Finding,
  names: ReadonlyArray<string>,
  failing: ReadonlyArray<Finding>,
  elsewhere: ReadonlySet<string>,
): boolean =>
  elsewhere.size > 0 &&
  isCacheAtMemoryLimit(f) &&
  !failing.some((g) => {
    const text = textOf(g)
    return cacheTrouble.test(text) || names.some((n) => mentions(text, n))
  })
