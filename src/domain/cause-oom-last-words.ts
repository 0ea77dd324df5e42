/**
 * The last lines of a container the kubelet OOMKilled. A container killed for its memory often
 * logged something before it died: a provider throttling its output (a log router's
 * "PutLogEvents … Throttling"), a retry, a slow upstream. Those lines say at most why its memory
 * grew (what it buffered while it waited); the kill is the failure the workload has, so the lines
 * are evidence under the OOM, not a deeper cause that outranks it.
 */
import type { Finding } from "./finding.js"
import { severityRank } from "./severity.js"

/** The kubelet's OOM kill as the eks agent states it: "container log-router OOMKilled in 3/3 pods". */
const killedWords = /\bcontainer ([a-z0-9][a-z0-9.-]*) oomkilled\b/i

/** A crashed instance's last lines (container-logs.ts): "previous log-router container logged …". */
const lastWordsOf = /\bprevious ([a-z0-9][a-z0-9.-]*) container logged\b/i

/**
 * The containers an OOM cluster's findings say were killed: only a kill at medium or above (a
 * WARN-level one, or an old kill that recovered, does not claim the lines of a live failure).
 */
export const oomKilledContainers = (roots: ReadonlyArray<Finding>): ReadonlySet<string> =>
  new Set(
    roots.flatMap((f) => {
      if (f.kind !== "oom_killed" || severityRank(f.severity) < severityRank("medium")) return []
      const name = killedWords.exec(f.title)?.[1]
      return name === undefined ? [] : [name.toLowerCase()]
    }),
  )

/**
 * Whether every one of `roots` is the last words of a container in `killed`: then they join its
 * OOM. One line from the live instance, or from another container (the app beside a killed
 * sidecar), keeps the cluster a cause of its own.
 */
export const lastWordsOfOomKilled = (roots: ReadonlyArray<Finding>, killed: ReadonlySet<string>): boolean =>
  killed.size > 0 &&
  roots.length > 0 &&
  roots.every((f) => {
    if (f.kind !== "container_logs") return false
    const name = lastWordsOf.exec(f.title)?.[1]
    return name !== undefined && killed.has(name.toLowerCase())
  })
