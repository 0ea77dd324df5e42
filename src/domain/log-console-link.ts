/**
 * The CloudWatch Logs Insights console deep link for a query: region, log groups, the query
 * text and an absolute UTC time range, so a reader lands on exactly the evidence a finding
 * rests on. The console reads its state from the URL fragment in its own escaping: every value
 * byte outside `[A-Za-z0-9-._]` is written `*XX` (hex), strings are prefixed with `'`, and
 * objects/lists are `~(…)`. Pure.
 */

export interface InsightsLinkRequest {
  readonly region: string
  readonly logGroups: ReadonlyArray<string>
  readonly query: string
  /** Epoch milliseconds. */
  readonly startMs: number
  readonly endMs: number
}

const unreserved = /[A-Za-z0-9\-._]/

/** The console's fragment escaping of one value: UTF-8 bytes outside `[A-Za-z0-9-._]` as `*XX`. */
export const consoleEscape = (value: string): string => {
  let out = ""
  for (const ch of value) {
    if (unreserved.test(ch)) {
      out += ch
      continue
    }
    for (const byte of new TextEncoder().encode(ch))
      out += `*${byte.toString(16).toUpperCase().padStart(2, "0")}`
  }
  return out
}

/** The console host for a region's partition (China and GovCloud have their own). */
export const consoleHost = (region: string): string =>
  region.startsWith("cn-")
    ? "console.amazonaws.cn"
    : region.startsWith("us-gov-")
      ? "console.amazonaws-us-gov.com"
      : `${region}.console.aws.amazon.com`

const iso = (ms: number): string => new Date(ms).toISOString()

/** `https://<region>.console.aws.amazon.com/cloudwatch/home?region=<r>#logsV2:logs-insights$3FqueryDetail$3D~(…)` */
export const insightsConsoleUrl = (r: InsightsLinkRequest): string => {
  const str = (v: string) => `'${consoleEscape(v)}`
  const sources = r.logGroups.map((g) => `~${str(g)}`).join("")
  const detail =
    `~(end~${str(iso(r.endMs))}~start~${str(iso(r.startMs))}~timeType~'ABSOLUTE~tz~'UTC` +
    `~editorString~${str(r.query)}~source~(${sources}))`
  const region = encodeURIComponent(r.region)
  return `https://${consoleHost(r.region)}/cloudwatch/home?region=${region}#logsV2:logs-insights$3FqueryDetail$3D${detail}`
}
