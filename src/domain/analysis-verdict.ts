/**
 * Whether the master's model analysis may stand beside the deterministic causes as "Analysis",
 * or is shown only as an alternative hypothesis (DESIGN §4: a model may add an analysis but
 * never replaces the deterministic top cause). Pure and deterministic; re-applied to every
 * revision of the report, since a late result can change the top cause.
 *
 * An analysis is `alternative` when, checked in this order:
 *  1. `cites_nothing` — it cites no finding id at all: nothing ties it to the evidence;
 *  2. `unknown_ids` — it cites an id that is not in the evidence (an invented finding);
 *  3. `contradicts_top_cause` — there is a top cause (`causes[0]`) and the analysis cites none
 *     of the top cause's findings AND names none of the top cause's failure modes (read from the
 *     top cause's cited findings; the analysis's from its words — analysis-modes.ts). Sharing
 *     either the evidence or the failure mode is agreement; sharing neither is another story.
 * Otherwise it is `supported`. With no top cause there is nothing to contradict.
 */
import { type FailureMode, modesNamedIn, modesOfFindings } from "./analysis-modes.js"
import type { Finding } from "./finding.js"
import type { AnalysisReason, ReportCause } from "./incident-report.js"

export interface AnalysisVerdict {
  readonly verdict: "supported" | "alternative"
  readonly reason: AnalysisReason | null
  /** The cited ids present in the evidence, in citation order. */
  readonly cites: ReadonlyArray<string>
  /** The cited ids that are not. */
  readonly unknownCites: ReadonlyArray<string>
}

/**
 * Finding ids cited in square brackets, in order, once each: `[eks#2]`, and lists inside one
 * pair of brackets (`[eks#1, cloudwatch_logs#3]`), as models tend to write them.
 */
export const citedIds = (text: string): ReadonlyArray<string> => [
  ...new Set(
    [...text.matchAll(/\[([^\]\n]{1,200})\]/g)].flatMap((m) =>
      [...(m[1] ?? "").matchAll(/\b([a-z][a-z_]*#\d+)\b/gi)].map((id) => (id[1] ?? "").toLowerCase()),
    ),
  ),
]

const overlaps = <A>(a: ReadonlySet<A>, b: ReadonlySet<A>): boolean => [...a].some((x) => b.has(x))

export const analysisVerdict = (input: {
  readonly text: string
  /** Every id the analysis cites (known or not). */
  readonly cites: ReadonlyArray<string>
  /** Every finding of the report, numbered. */
  readonly findings: ReadonlyArray<Finding>
  readonly topCause: ReportCause | undefined
}): AnalysisVerdict => {
  const byId = new Map(input.findings.map((f) => [f.id, f]))
  const cites = input.cites.filter((id) => byId.has(id))
  const unknownCites = input.cites.filter((id) => !byId.has(id))
  const alternative = (reason: AnalysisReason): AnalysisVerdict => ({
    verdict: "alternative",
    reason,
    cites,
    unknownCites,
  })
  if (input.cites.length === 0) return alternative("cites_nothing")
  if (unknownCites.length > 0) return alternative("unknown_ids")
  const top = input.topCause
  if (top !== undefined) {
    const topIds = new Set(top.findings)
    const topModes: ReadonlySet<FailureMode> = modesOfFindings(
      top.findings.flatMap((id) => {
        const f = byId.get(id)
        return f === undefined ? [] : [f]
      }),
    )
    const sharesEvidence = cites.some((id) => topIds.has(id))
    const sharesMode = overlaps(modesNamedIn(input.text), topModes)
    if (!sharesEvidence && !sharesMode) return alternative("contradicts_top_cause")
  }
  return { verdict: "supported", reason: null, cites, unknownCites }
}
