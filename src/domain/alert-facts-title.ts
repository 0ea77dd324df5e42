/**
 * The alert's name, read the way each tool writes it: Alertmanager's `alertname` label or the
 * `[FIRING:1] Name (group values)` title, the CloudWatch alarm name, the Datadog monitor or
 * PagerDuty incident title without its tags, the Sentry issue title, the uptime monitor. Some
 * titles also name the affected service (Datadog "on auth-service", the Sentry project, the
 * PagerDuty service), and Alertmanager titles carry the group's shared label values.
 */
import { firstToken, type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"
import { asLooseName, inProse, looksLikeCluster, looksLikeNode, slugName } from "./alert-facts-names.js"
import {
  type AlertSource,
  cloudwatchChange,
  cloudwatchPipeTitle,
  cloudwatchStateTitle,
  datadogTitle,
  grafanaLegacyTitle,
  opsgenieTitle,
  pagerdutyShortTitle,
  pagerdutyTitle,
  promTitle,
  sentryTitle,
  uptimeTitle,
} from "./alert-facts-source.js"
import type { AlertDoc } from "./alert-facts-text.js"
import { namingSegment } from "./route-words.js"

export interface TitleFacts {
  readonly alertName: string | null
  /** Values of an Alertmanager/Grafana title's `(…)` group: label values the alerts share. */
  readonly groupValues: ReadonlyArray<string>
  /** A service the title's own format names. */
  readonly service: string | null
}

const none: TitleFacts = { alertName: null, groupValues: [], service: null }

/** `*[Opsgenie] Alert #58812 P2 — RDS ReplicaLag high: accounts-mysql-replica-1*`: the title after the number and priority. */
const opsgenieNumbered =
  /^[*_]*(?:\[opsgenie\][ \t]*)?alert[ \t]+#\d{1,12}[ \t]*(?:p[1-5]\b)?[ \t]*[—–:-]?[ \t]*(.*?)[*_]*$/i

/** "RDS ReplicaLag high: accounts-mysql-replica-1": the resource a title ends with, after its colon. */
const trailingSubject = (name: string | null): string | null => {
  const v = /:[ \t]*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)[ \t]*$/i.exec(name ?? "")?.[1]?.toLowerCase()
  return v === undefined || looksLikeCluster(v) || looksLikeNode(v) ? null : asLooseName(v)
}

const titleGroup = /[ \t]\(([^()\n]{1,500})\)[ \t]*$/
const promIdentifier = /^[A-Za-z_:][\w:]{0,200}$/
const identifierShape = /[a-z][A-Z]|_|^[A-Z][a-z]{1,40}[A-Z]/
const leadingTags = /^(?:\[[^\]\n]{0,40}\][ \t]*)+/
const trailingTags = /[ \t]*\([^()\n]{0,200}:[^()\n]{0,200}\)[ \t]*$/
const pagerdutyTail =
  /[ \t]+(?:urgency|priority|assigned(?:[ \t]+to)?|escalation[ \t]+policy|service)[ \t]*:.*$/i
const countTail = /[ \t]+[—–-][ \t]+\d.*$/
// A monitor vendor's own pages (the check's results, its dashboard) are not what it checks.
const monitorHosts = /(?:^|\.)(?:checklyhq|uptimerobot|pingdom|betteruptime|betterstack|statuscake)\.com$/i

/**
 * The service behind the URL a monitor checks, from its path: a gateway host serves many
 * (`ops-api.example.io/inventory/v2/stock/…` → `inventory`), as a person's failing route does
 * (alert-facts-service.ts). The host alone names none: `shop.example.com` is a site, not a service.
 */
const checkedRoute = (links: ReadonlyArray<string>): string | null => {
  for (const link of links) {
    const url = URL.parse(link)
    if (url === null || monitorHosts.test(url.hostname)) continue
    const word = namingSegment(url.pathname.toLowerCase().split("/"))
    return word === undefined ? null : inProse(asLooseName)(word)
  }
  return null
}

const dashTail = /[ \t]+[—–-][ \t]+.*$/
const onName = /\bon[ \t]+([A-Za-z0-9][\w.-]{0,100})/g

const clean = (s: string | undefined): string | null => {
  const t = (s ?? "")
    .replace(/^["']|["']$/g, "")
    .replace(/[ \t]*[.:]$/, "")
    .trim()
  return t.length === 0 ? null : t.slice(0, 200)
}

const nameFromPromHead = (head: string): string | null => {
  const tokens = head.split(/\s+/).filter((t) => t.length > 0)
  const first = tokens[0]
  if (first === undefined) return null
  if (tokens.length === 1 || (promIdentifier.test(first) && identifierShape.test(first))) return first
  return clean(head)
}

const promFacts = (source: AlertSource, title: string, pairs: ReadonlyArray<LabelPair>): TitleFacts => {
  const label = lookup(pairs, labelKeys.alertName, (v) =>
    source === "grafana" ? clean(v) : promIdentifier.test(firstToken(v)) ? firstToken(v) : null,
  )
  const rest = promTitle.exec(title)?.[2]
  if (rest === undefined) {
    return { alertName: label ?? clean(grafanaLegacyTitle.exec(title)?.[2]), groupValues: [], service: null }
  }
  const group = titleGroup.exec(rest)
  const head = group === null ? rest : rest.slice(0, group.index)
  const groupValues = (group?.[1] ?? "").split(/\s+/).filter((v) => v.length > 0)
  const alertName = label ?? (source === "grafana" ? clean(head) : nameFromPromHead(head))
  return { alertName, groupValues, service: null }
}

const datadogFacts = (title: string, pairs: ReadonlyArray<LabelPair>): TitleFacts => {
  const m = datadogTitle.exec(title)
  const alertName =
    lookup(pairs, labelKeys.alertName, clean) ??
    clean((m?.[3] ?? "").replace(leadingTags, "").replace(trailingTags, "").replace(trailingTags, ""))
  let service: string | null = null
  for (const on of (alertName ?? "").matchAll(onName)) {
    const v = inProse(asLooseName)((on[1] ?? "").replace(/\.+$/, ""))
    if (v !== null && !looksLikeNode(v)) {
      service = v
      break
    }
  }
  return { alertName, groupValues: [], service }
}

const pagerdutyFacts = (title: string): TitleFacts => {
  const long = pagerdutyTitle.exec(title)
  const short = pagerdutyShortTitle.exec(title)
  const alertName = clean((long?.[3] ?? short?.[2] ?? "").replace(pagerdutyTail, ""))
  // PagerDuty services have display names ("Core API"); deployments use the slug ("core-api").
  // A title that opens with a resource name ("webhook-gateway deliveries failing") names the
  // service better than a display name that groups several ("Integrations Webhooks").
  const subject = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b(?![/.])/.exec(alertName ?? "")?.[1]
  const named =
    subject !== undefined && !looksLikeCluster(subject) && !looksLikeNode(subject) ? subject : null
  const service = named ?? (long?.[2] === undefined ? null : asLooseName(slugName(long[2]).toLowerCase()))
  return { alertName, groupValues: [], service }
}

const cloudwatchFacts = (title: string, text: string, pairs: ReadonlyArray<LabelPair>): TitleFacts => ({
  alertName:
    lookup(pairs, ["alarmname"], (v) => clean(firstToken(v))) ??
    clean(cloudwatchPipeTitle.exec(title)?.[1]) ??
    clean(cloudwatchStateTitle.exec(title)?.[2]) ??
    clean(cloudwatchChange.exec(text)?.[1]),
  groupValues: [],
  service: null,
})

// Sentry's Slack messages name the project in several layouts: "*Project:* statements-api",
// "media-gateway · production", "*Escalating issue* in *ledger-api* · production", and the
// release it was seen in ("Release: media-gateway@4.8.0": Sentry releases are project@version).
const sentryProjectLine =
  /^(?:[*_]*(?:new issue|regression|escalating issue|escalating|resolved issue|issue resolved|issue regressed)[*_]*[ \t]+in[ \t]+)?[*_`]*([a-z][\w.-]{1,100})[*_`]*[ \t]+·[ \t]+[*_`]*(?:prod|production|staging|stage|dev|development|test|qa|preprod|sandbox|live)\b/im
const sentryRelease = /\brelease:?[*_]*[ \t]+[`*_]*([a-z][\w.-]{1,100})@[\w.+-]{1,60}/i

const sentryProject = (text: string, pairs: ReadonlyArray<LabelPair>): string | null =>
  lookup(pairs, ["project"], (v) => asLooseName(v.replace(/[*_`]/g, "").trim())) ??
  asLooseName(sentryProjectLine.exec(text)?.[1] ?? "") ??
  asLooseName(sentryRelease.exec(text)?.[1] ?? "")

/** An issue title alone on the first line (`*Error: connect EMFILE …*`, a linked title). */
const sentryIssue = (title: string): string | null => {
  const linked = /\|([^>]{1,300})>/.exec(title)?.[1]
  const plain = (linked ?? title).replace(/^[^\p{L}\p{N}]+|[*_]+$/gu, "").trim()
  return plain === "" ? null : plain
}

/** The alert name and what the title format says besides (see TitleFacts). */
export const readTitle = (
  source: AlertSource,
  doc: AlertDoc,
  pairs: ReadonlyArray<LabelPair>,
): TitleFacts => {
  const title = doc.plain.split("\n")[0]?.trim() ?? ""
  switch (source) {
    case "alertmanager":
    case "grafana":
      return promFacts(source, title, pairs)
    case "cloudwatch":
      return cloudwatchFacts(title, doc.plain, pairs)
    case "datadog":
      return datadogFacts(title, pairs)
    case "pagerduty":
      return pagerdutyFacts(title)
    case "opsgenie": {
      const rest = (opsgenieTitle.exec(title)?.[2] ?? opsgenieNumbered.exec(title)?.[1] ?? "").replace(
        /^#\d{1,12}[ \t]*:?[ \t]*/,
        "",
      )
      const alertName = clean(rest.replace(/[ \t]*\|.*$/, "").replace(pagerdutyTail, ""))
      return { ...none, alertName, service: trailingSubject(alertName) }
    }
    case "sentry": {
      const m = sentryTitle.exec(title)
      return {
        // "*Escalating issue* in *ledger-api* · production": the issue is on the next line.
        alertName: clean(
          m?.[3]?.replace(countTail, "") ??
            sentryIssue(sentryProjectLine.test(title) ? (doc.plain.split("\n")[1] ?? "") : title) ??
            undefined,
        ),
        groupValues: [],
        service: asLooseName(m?.[2] ?? "") ?? sentryProject(doc.plain, pairs),
      }
    }
    case "uptime": {
      const m = uptimeTitle.exec(title)
      const name = (m?.[2] ?? m?.[4] ?? m?.[5] ?? "")
        .replace(/[ \t]*\(.*$/, "")
        .replace(dashTail, "")
        .replace(/[ \t]+(?:is|went)[ \t]+.*$/i, "")
      // A monitor named after the service it checks ("status-api") names it; one named after a
      // page or a check ("checkout-home", "api-health") or a phrase does not.
      const service =
        /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|svc|service|server|gateway|backend|web|app)$/.test(name.trim())
          ? asLooseName(name.trim())
          : null
      return { ...none, alertName: clean(name), service: service ?? checkedRoute(doc.links) }
    }
    case "human":
      return none
  }
}
