/**
 * Which tool wrote the message, and whether it says the alert is firing or resolved. The first
 * line decides when it has a tool's shape (`[FIRING:1] …`, `CloudWatch Alarm | …`,
 * `Triggered: …`); otherwise the tool's own links, its name heading a line or tag, or its label
 * syntax (`alertname`); a message with none of these is a person's report, even one that
 * mentions a tool. Grafana reuses Alertmanager's title, so Grafana's own markers are checked
 * before the title shape is credited to Alertmanager.
 */
import { Schema } from "effect"
import { type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"
import type { AlertDoc } from "./alert-facts-text.js"

export const AlertSource = Schema.Literal(
  "alertmanager",
  "grafana",
  "cloudwatch",
  "datadog",
  "pagerduty",
  "sentry",
  "opsgenie",
  "uptime",
  "human",
)
export type AlertSource = typeof AlertSource.Type

export const AlertState = Schema.Literal("firing", "resolved")
export type AlertState = typeof AlertState.Type

export const promTitle = /^\[(firing|resolved)(?::\d{1,6})?\][ \t]*(.*)$/i
export const grafanaLegacyTitle = /^\[(alerting|ok|no data|pending|paused)\][ \t]*(.*)$/i
const datadogWord = "((?:re-)?triggered|recovered|(?:re-)?warn|no data|renotify)"
/** `[Triggered on {host:x}] Title`, `Triggered: Title`; groups: word, word, title. */
export const datadogTitle = new RegExp(
  `^(?:\\[${datadogWord}(?:[ \\t]+on[ \\t]+[^\\]\\n]{0,200})?\\]|${datadogWord}[ \\t]*:)[ \\t]*(.*)$`,
  "i",
)
/** `Incident #1203 triggered on Core API: Title`; groups: verb, service, title. */
export const pagerdutyTitle =
  /\bincident[ \t]+#\d{1,12}[ \t]+(triggered|acknowledged|resolved|escalated|reassigned)(?:[ \t]+on[ \t]+([^:\n]{1,100}?))?[ \t]*:[ \t]*(.*)$/i
/** `Triggered #1203: Title` (PagerDuty's Slack app); groups: verb, title. */
export const pagerdutyShortTitle =
  /^(triggered|acknowledged|resolved|escalated)[ \t]+#\d{1,12}[ \t]*:?[ \t]*(.*)$/i
export const opsgenieTitle =
  /^(?:\[opsgenie\][ \t]*)?(new alert|alert created|alert closed|alert acknowledged)\b[ \t]*:?[ \t]*(.*)$/i
export const sentryTitle =
  /^(new issue|regression|escalating issue|escalating|resolved issue|issue resolved|issue regressed)[ \t]+in[ \t]+([\w.-]{1,100})[ \t]*:[ \t]*(.*)$/i
// "Monitor is DOWN: <name>" (UptimeRobot), "[DOWN] <name>" (Uptime Kuma), and Checkly's
// 'Check "<name>" is DOWN' / 'has failed' (its state word in group 6, its name in group 5).
export const uptimeTitle =
  /\bmonitor[ \t]+is[ \t]+(down|up)\b[ \t]*:?[ \t]*(.*)$|^\[(down|up)\][ \t]*(.*)$|\bcheck[ \t]+[*_]?"([^"\n]{1,120})"[*_]?[ \t]+(?:is[ \t]+|has[ \t]+)?(down|up|failed|failing|degraded|recovered)\b/i
export const cloudwatchPipeTitle = /\bcloudwatch[ \t]+alarm[ \t]*\|[ \t]*([^|\n]{1,255}?)[ \t]*(?:\||$)/i
export const cloudwatchStateTitle = /^(alarm|ok|insufficient[_ ]data)[ \t]*:[ \t]*"([^"\n]{1,255})"/i
export const cloudwatchChange =
  /\balarm[ \t]+"?([\w.:/+=@-]{1,255}?)"?[ \t]+(?:has[ \t]+)?changed[ \t]+(?:state[ \t]+)?from[ \t]+(\w{1,20})[ \t]+to[ \t]+(\w{1,20})/i

// Grafana's own: its alert/silence pages, the "Value:" line, the folder label. A dashboard link
// alone is not one (Alertmanager templates link Grafana dashboards too).
const grafanaMarkers = /\/alerting\/(?:grafana|silence|list)\b|^values?:[ \t]|\bgrafana_folder\b/im
const grafanaHeading = /^(firing|resolved)$/i

const titleRules: ReadonlyArray<readonly [AlertSource, RegExp]> = [
  ["grafana", grafanaLegacyTitle],
  ["cloudwatch", cloudwatchPipeTitle],
  ["cloudwatch", cloudwatchStateTitle],
  ["cloudwatch", cloudwatchChange],
  ["pagerduty", pagerdutyTitle],
  ["pagerduty", pagerdutyShortTitle],
  ["opsgenie", opsgenieTitle],
  ["sentry", sentryTitle],
  ["uptime", uptimeTitle],
  ["datadog", datadogTitle],
]

// Outside the title, a tool is known by its own links or its name heading a line or a tag —
// not by a person mentioning it ("PagerDuty paged me" is still a person's report).
const named = (name: string): RegExp => new RegExp(`^\\[?${name}\\b|\\[${name}\\]`, "im")

const anywhereRules: ReadonlyArray<readonly [AlertSource, RegExp]> = [
  ["opsgenie", /\bopsgenie\.com\b/i],
  ["opsgenie", named("opsgenie")],
  ["pagerduty", /\bpagerduty\.com\b/i],
  ["pagerduty", named("pagerduty")],
  ["sentry", /\bsentry\.io\b/i],
  ["sentry", named("sentry")],
  ["datadog", /\bdatadoghq\.(?:com|eu)\b/i],
  ["datadog", named("datadog")],
  [
    "cloudwatch",
    /\bcloudwatch[ \t]+alarm\b|console\.aws\.amazon\.com\/cloudwatch|\baws chatbot\b|^alarm name[ \t]*:|"AlarmName"[ \t]*:/im,
  ],
  ["uptime", /\b(?:uptimerobot|uptime kuma|betteruptime|better stack|pingdom|statuscake|checkly(?:hq)?)\b/i],
  ["alertmanager", /\balertmanager\b|\balertname\b/i],
]

/** The tool that wrote the message (see the module header for the order of evidence). */
export const detectSource = (doc: AlertDoc): AlertSource => {
  const title = doc.lines[0] ?? ""
  const everything = `${doc.text}\n${doc.links.join("\n")}`
  if (promTitle.test(title) || grafanaHeading.test(title)) {
    return grafanaHeading.test(title) || grafanaMarkers.test(everything) ? "grafana" : "alertmanager"
  }
  const byTitle = titleRules.find(([, rule]) => rule.test(title))
  if (byTitle !== undefined) return byTitle[0]
  if (grafanaMarkers.test(everything) && /^(?:labels|alertname)[ \t]*[:=]/im.test(doc.text)) return "grafana"
  return anywhereRules.find(([, rule]) => rule.test(everything))?.[0] ?? "human"
}

const firingWords = /^(firing|alerting|alarm|triggered|active|open|down|problem|failed|failing|degraded)$/i
const resolvedWords = /^(resolved|ok|recovered|closed|normal|up|inactive)$/i

const fromWord = (word: string | undefined): AlertState | null =>
  word === undefined ? null : firingWords.test(word) ? "firing" : resolvedWords.test(word) ? "resolved" : null

/** What the tool says about the alert now; null when it does not say (and for people). */
export const stateOf = (
  source: AlertSource,
  doc: AlertDoc,
  pairs: ReadonlyArray<LabelPair>,
): AlertState | null => {
  const title = doc.lines[0] ?? ""
  const labelled = lookup(pairs, labelKeys.state, (v) => fromWord(v.trim().split(/\s/)[0]))
  switch (source) {
    case "alertmanager":
    case "grafana": {
      const word =
        promTitle.exec(title)?.[1] ?? grafanaLegacyTitle.exec(title)?.[1] ?? grafanaHeading.exec(title)?.[1]
      return fromWord(word) ?? labelled
    }
    case "cloudwatch": {
      const change = cloudwatchChange.exec(doc.text)
      if (change !== null) return fromWord(change[3])
      return fromWord(cloudwatchStateTitle.exec(title)?.[1]) ?? labelled
    }
    case "datadog": {
      const m = datadogTitle.exec(title)
      const word = (m?.[1] ?? m?.[2])?.toLowerCase()
      return word === undefined
        ? labelled
        : word === "recovered"
          ? "resolved"
          : word === "no data"
            ? null
            : "firing"
    }
    case "pagerduty": {
      const word = (pagerdutyTitle.exec(title)?.[1] ?? pagerdutyShortTitle.exec(title)?.[1])?.toLowerCase()
      return word === undefined ? labelled : word === "resolved" ? "resolved" : "firing"
    }
    case "opsgenie": {
      const word = opsgenieTitle.exec(title)?.[1]?.toLowerCase()
      return word === undefined ? labelled : word === "alert closed" ? "resolved" : "firing"
    }
    case "sentry": {
      const word = sentryTitle.exec(title)?.[1]
      return word === undefined ? labelled : /\bresolved\b/i.test(word) ? "resolved" : "firing"
    }
    case "uptime": {
      const m = uptimeTitle.exec(title)
      return fromWord(m?.[1] ?? m?.[3] ?? m?.[6]) ?? labelled
    }
    case "human":
      return null
  }
}
