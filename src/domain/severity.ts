/** One severity scale end to end: alert labels, findings and the report all use it. */
import { Schema } from "effect"

export const Severity = Schema.Literal("critical", "high", "medium", "low", "info")
export type Severity = typeof Severity.Type

const rank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 }

export const severityRank = (s: Severity): number => rank[s]

export const maxSeverity = (a: Severity, b: Severity): Severity => (rank[a] >= rank[b] ? a : b)

export const compareSeverity = (a: Severity, b: Severity): number => rank[a] - rank[b]
