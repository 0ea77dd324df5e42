/**
 * A monitoring tool's own header leading the message: Alertmanager's "[FIRING:2]" or
 * "[RESOLVED]", Grafana's "[Alerting]" / "[No Data]", Datadog's "[P1]", after nothing but mentions
 * and emphasis: each an alert's state or priority. A tool's bracketed name ("[Opsgenie]",
 * "[PagerDuty]") is not one: tools head their other posts with it too (an on-call hand-off, a
 * maintenance window), which the full gate tells apart (classify-tool-notices.ts).
 *
 * Why a header is read on its own: most deliveries are integration bots' notifications, and
 * each header below is one of the structural formats of `classify-formats.ts`, found in the
 * person's own words (not quoted, not in code) — a verdict the full gate reaches whatever the
 * rest of the message says. Deciding from the header alone skips analysing the whole message
 * and running every rule over it, which was most of intake's cost per alert (docs/benchmarks.md).
 * `test/domain/classify-header.test.ts` holds the short-cut to the full gate's verdict.
 *
 * ASCII only and case-insensitive (without the `u` flag, `i` folds no non-ASCII letter onto an
 * ASCII one), so whatever matches here matches the lower-cased text the formats read.
 */

/** What may come before a header: a few mentions (`<@U…>`, `<!here>`), then space and emphasis. */
const LEAD = String.raw`^(?:[ \t\r\n]{0,8}<[@!][^<>\n]{1,80}>){0,4}[ \t\r\n*_]{0,8}`

const LEADING_HEADER = new RegExp(
  String.raw`${LEAD}\[(firing|resolved|alerting|no data|p[1-5])(:\s?\d{1,6})?\]`,
  "i",
)

/** Each header's word, lower-cased, and the format of `classify-formats.ts` it belongs to. */
const formatOf: ReadonlyMap<string, string> = new Map([
  ["firing", "alertmanager"],
  ["resolved", "alertmanager"],
  ["alerting", "grafana"],
  ["no data", "grafana"],
  ["p1", "datadog"],
  ["p2", "datadog"],
  ["p3", "datadog"],
  ["p4", "datadog"],
  ["p5", "datadog"],
])

/**
 * The alert format whose header leads `raw`, or null. Only Alertmanager's state takes a count
 * ("[FIRING:3]"); a colon after any other word ("[Alerting: …]") is no header.
 */
export const leadingAlertHeader = (raw: string): string | null => {
  const match = LEADING_HEADER.exec(raw)
  if (match === null) return null
  const word = (match[1] ?? "").toLowerCase()
  if (match[2] !== undefined && word !== "firing" && word !== "resolved") return null
  return formatOf.get(word) ?? null
}

/**
 * Alertmanager's heartbeats, firing by design so that a dead alerting pipeline is noticed
 * (kube-prometheus's Watchdog and InfoInhibitor, the older DeadMansSwitch): the header names one
 * and nothing else ("[FIRING:1] Watchdog", "[FIRING:1] InfoInhibitor (monitoring)"). Nothing is
 * wrong, so a mention on one is chatter — unless the message says the heartbeat went missing
 * ("Watchdog-missing", "deadman switch not received for 20m"): then the pipeline is what broke.
 */
const HEARTBEAT = new RegExp(
  String.raw`${LEAD}\[firing(?::\s?1)?\][ \t*_]{0,4}(watchdog|infoinhibitor|deadmansswitch)(?=[ \t]*(?:$|\n|\())`,
  "i",
)
const MISSING = /\b(?:missing|not received|absent|stopped|no longer)\b/i

/** The heartbeat alert leading `raw` (its name as written), or null. */
export const heartbeatAlert = (raw: string): string | null => {
  const name = HEARTBEAT.exec(raw)?.[1]
  return name === undefined || MISSING.test(raw.slice(0, 2000)) ? null : name
}

/**
 * Whether the text may hold the token "investigate" (or "reinvestigate"): every letter may be
 * stretched ("investigaaate" is read as the word). Without it, no investigation is asked in words.
 */
export const mayAskToInvestigate = (raw: string): boolean => /i+n+v+e+s+t+i+g+a+t+e/i.test(raw)
