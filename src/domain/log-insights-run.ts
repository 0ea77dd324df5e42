/**
 * Evaluates a parsed Logs Insights query (log-insights-parse.ts) over log events, as
 * CloudWatch would: commands in order, `fields` choosing what each row shows, `stats` turning
 * rows into groups, the default limit 10,000. Each event carries the fields Insights
 * discovers for every log (`@timestamp` as `yyyy-MM-dd HH:mm:ss.SSS` UTC, `@message`,
 * `@logStream`, `@log` = `<account>:<group>`, `@ptr`). Pure; the replay serves its results.
 */
import type { ByTerm, Command, Expr } from "./log-insights-parse.js"

export type InsightsRow = Readonly<Record<string, string>>

export const insightsDefaultLimit = 10_000

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** `2026-11-27 13:02:10.000`: how Insights writes `@timestamp` (UTC). */
export const formatInsightsTimestamp = (ms: number): string => {
  const d = new Date(ms)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  )
}

/** The inverse of formatInsightsTimestamp; null for anything else. */
export const parseInsightsTimestamp = (value: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(value.trim())
  if (m === null) return null
  const [, y, mo, d, h, mi, s, frac] = m
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number((frac ?? "0").padEnd(3, "0")),
  )
  return Number.isNaN(ms) ? null : ms
}

const evaluate = (expr: Expr, row: InsightsRow): boolean => {
  switch (expr._tag) {
    case "match": {
      const value = row[expr.field]
      const hit = value !== undefined && expr.test(value)
      return expr.negate ? !hit : hit
    }
    case "equals": {
      const value = row[expr.field]
      const hit = value !== undefined && value === expr.value
      return expr.negate ? !hit : hit
    }
    case "present":
      return row[expr.field] !== undefined && row[expr.field] !== ""
    case "not":
      return !evaluate(expr.expr, row)
    case "and":
      return evaluate(expr.left, row) && evaluate(expr.right, row)
    case "or":
      return evaluate(expr.left, row) || evaluate(expr.right, row)
  }
}

const byValue = (term: ByTerm, row: InsightsRow): string | undefined => {
  const value = row[term.field]
  if (term.binMs === null || value === undefined) return value
  const ms = parseInsightsTimestamp(value)
  return ms === null ? undefined : formatInsightsTimestamp(Math.floor(ms / term.binMs) * term.binMs)
}

const stats = (rows: ReadonlyArray<InsightsRow>, name: string, by: ReadonlyArray<ByTerm>) => {
  const groups = new Map<string, { key: Record<string, string>; count: number }>()
  for (const row of rows) {
    const key: Record<string, string> = {}
    let complete = true
    for (const term of by) {
      const v = byValue(term, row)
      if (v === undefined) complete = false
      else key[term.name] = v
    }
    if (!complete) continue
    const id = JSON.stringify(by.map((t) => key[t.name]))
    const group = groups.get(id) ?? { key, count: 0 }
    group.count++
    groups.set(id, group)
  }
  return [...groups.values()].map((g): InsightsRow => ({ ...g.key, [name]: String(g.count) }))
}

const numeric = /^-?\d+(?:\.\d+)?$/

const compareValues = (a: string | undefined, b: string | undefined): number => {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

export interface InsightsOutcome {
  readonly rows: ReadonlyArray<InsightsRow>
  /** Rows that passed every filter (before stats and limit), as `recordsMatched`. */
  readonly matched: number
}

/** Run the commands over the events; the rows carry only the shown fields (plus `@ptr`). */
export const runInsights = (
  commands: ReadonlyArray<Command>,
  events: ReadonlyArray<InsightsRow>,
): InsightsOutcome => {
  let rows: ReadonlyArray<InsightsRow> = events
  let shown: ReadonlyArray<string> | null = null
  let aggregated = false
  let matched = events.length
  for (const c of commands) {
    switch (c._tag) {
      case "fields":
        shown = [...(shown ?? []), ...c.fields.filter((f) => !(shown ?? []).includes(f))]
        break
      case "filter":
        rows = rows.filter((r) => evaluate(c.expr, r))
        matched = rows.length
        break
      case "stats":
        rows = stats(rows, c.name, c.by)
        shown = [...c.by.map((t) => t.name), c.name]
        aggregated = true
        break
      case "sort": {
        const dir = c.desc ? -1 : 1
        rows = rows
          .map((r, i) => ({ r, i }))
          .sort((a, b) => dir * compareValues(a.r[c.field], b.r[c.field]) || a.i - b.i)
          .map((x) => x.r)
        break
      }
      case "limit":
        rows = rows.slice(0, c.n)
        break
    }
  }
  const fields = shown ?? ["@timestamp", "@message", "@logStream", "@log"]
  const project = (r: InsightsRow): InsightsRow => {
    const out: Record<string, string> = {}
    for (const f of fields) {
      const v = r[f]
      if (v !== undefined) out[f] = v
    }
    const ptr = r["@ptr"]
    if (!aggregated && ptr !== undefined) out["@ptr"] = ptr
    return out
  }
  return { rows: rows.slice(0, insightsDefaultLimit).map(project), matched }
}
