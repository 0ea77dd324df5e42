/**
 * The logs agent's reading of the API server's audit events among the lines its passes
 * returned (the control plane group `/aws/eks/<cluster>/cluster` is discovered like any other):
 * each kind of answer the audit log holds becomes its own readable finding instead of a
 * signature whose title is a JSON prefix. Today: evictions refused for a PodDisruptionBudget
 * (eviction-refusals.ts). The lines a reader turned into findings are left out of the
 * signatures, so the same evidence is not reported twice. Pure but for the console link.
 */
import type { EvictionRefusal } from "../../domain/eviction-refusals.js"
import {
  evictionRefusalFindings,
  evictionRefusals,
  refusedForBudget,
} from "../../domain/eviction-refusals.js"
import type { Finding } from "../../domain/finding.js"
import { parseAuditEvent } from "../../domain/kubernetes-audit.js"
import type { LogLine } from "../../domain/log-clusters.js"
import type { LogSourceService } from "../../ports/log-source.js"
import type { Range } from "./query-pass.js"

export interface AuditFindings {
  readonly findings: ReadonlyArray<Finding>
  /** Whether a line was read as one of the findings (leave it out of the signatures). */
  readonly consumed: (line: LogLine) => boolean
}

const nothing: AuditFindings = { findings: [], consumed: () => false }

/** The refusals' own lines, for a finding's console link. */
const refusalQuery = (r: EvictionRefusal): string =>
  [
    "fields @timestamp, @message, @logStream, @log",
    `| filter @message like "/eviction" and @message like "disruption budget" and @message like "${r.namespace}"`,
    "| sort @timestamp desc",
    "| limit 200",
  ].join("\n")

export const auditFindings = (
  source: LogSourceService,
  lines: ReadonlyArray<LogLine>,
  range: Range,
  max: number,
): AuditFindings => {
  const refusals = evictionRefusals(lines, range.startMs)
  if (refusals.length === 0) return nothing
  const findings = evictionRefusalFindings("cloudwatch_logs", refusals, {
    max,
    link: (r) => source.consoleUrl({ logGroups: r.groups, query: refusalQuery(r), ...range }),
  })
  return {
    findings,
    consumed: (line) => {
      const event = parseAuditEvent(line.message)
      return event !== null && refusedForBudget(event)
    },
  }
}
