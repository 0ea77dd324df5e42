/**
 * A cache at its memory limit that the subject's evidence names only in passing: its lines about
 * the cache report no failure of it ("cart-redis GET cart:u_77120 took 48ms (slow threshold
 * 25ms)"), while its failing lines are about something else (a Kafka producer refused, a database
 * pool exhausted). A Redis at maxmemory evicts its coldest keys as a cache sized below its working
 * set always does; it explains the subject's failure only when the subject's own lines say the
 * cache failed it — an error, a timeout, a refused write, lost keys. Pure.
 */
import { isCacheAtMemoryLimit } from "./cause-configured-cache.js"
import type { Finding } from "./finding.js"
import { mentions, textOf } from "./report-scope.js"

// A line reporting a failure, of whatever it names.
const failureLine =
  /\b(?:error|errors|fatal|exception|fail(?:s|ed|ure)?|timed? ?out|timeout|refused|rejected|oom|evict\w*|lost|not found|miss(?:es)?|unavailable|reset|closed|denied|cannot|could not|unable)\b|\b5\d\d\b/i

const linesOf = (f: Finding): ReadonlyArray<string> => textOf(f).split("\n")

/**
 * Whether `f`, a cache at its memory limit named `names`, is named by `failing` (the subject's
 * failing findings) only in lines that report no failure, while other lines of theirs do.
 */
export const cacheNamedInPassing = (
  f: Finding,
  names: ReadonlyArray<string>,
  failing: ReadonlyArray<Finding>,
): boolean => {
  if (!isCacheAtMemoryLimit(f)) return false
  const lines = failing.flatMap(linesOf)
  const naming = lines.filter((l) => names.some((n) => mentions(l, n)))
  const failingElsewhere = lines.some((l) => failureLine.test(l) && !naming.includes(l))
  return naming.length > 0 && failingElsewhere && naming.every((l) => !failureLine.test(l))
}
