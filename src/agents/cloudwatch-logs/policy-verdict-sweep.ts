/**
 * The network policy agent's DENY verdicts (domain/policy-verdicts.ts), asked of the alert's
 * clusters at the same time as the nodes' kernel logs. A NetworkPolicy dropping a service's DNS
 * or database traffic leaves its clients logging only timeouts, and the agent's lines name no
 * workload, so the pass scoped to the alert's names never reads them. The EKS agent ships them to
 * the cluster's log group (`/aws/eks/<cluster>/cluster`); a node log shipper to Container
 * Insights' dataplane group. Only named clusters are asked: with none, every cluster's denials
 * would be noise.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { policyDenialFindings, policyDenyFilter } from "../../domain/policy-verdicts.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { clusterGroupNames, groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const maxVerdictClusters = 2
const rowLimit = 500

export const policyVerdictQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${policyDenyFilter}`,
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

/** The groups of `clusters` (lower-case) that may hold the agent's verdicts. */
export const verdictGroupsOf = (
  groups: ReadonlyArray<string>,
  clusters: ReadonlyArray<string>,
): ReadonlyArray<string> =>
  [...new Set(groups)].filter((g) =>
    clusters.some((c) => {
      const l = g.toLowerCase()
      return l === `/aws/eks/${c}/cluster` || l === `/aws/containerinsights/${c}/dataplane`
    }),
  )

/** Query the clusters' control-plane and dataplane groups for DENY verdicts in the window. */
export const sweepPolicyVerdicts = (
  source: LogSourceService,
  clusters: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const wanted = clusterGroupNames(clusters).slice(0, maxVerdictClusters)
    if (wanted.length === 0) return []
    const prefixes = wanted.flatMap((c) => [`/aws/eks/${c}/cluster`, `/aws/containerinsights/${c}/dataplane`])
    const found = yield* groupNamesUnder(
      source,
      prefixes.map((prefix) => ({ prefix })),
      10,
      4,
    )
    const groups = verdictGroupsOf(found, wanted)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: policyVerdictQuery },
      answerByMs,
    )
    const lines = linesOf(outcome.rows, groups)
    return policyDenialFindings(lines, (gs) =>
      source.consoleUrl({ logGroups: gs.length === 0 ? groups : gs, query: policyVerdictQuery, ...range }),
    )
  })
