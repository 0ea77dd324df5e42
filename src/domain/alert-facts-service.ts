/**
 * The affected service: an explicit label (`service:`, `app=`, a Lambda `FunctionName`, an RDS
 * instance), else what the tool's title names, else the workload, else — for a person's report
 * — the subject of its first sentence ("payments are broken" → `payments`). Labels that name
 * the monitoring stack (`service="…-kube-state-metrics"`) describe the scrape, not the outage.
 */
import { type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"
import {
  asLooseName,
  inProse,
  isMonitoringTarget,
  looksLikeCluster,
  looksLikeNode,
  slugName,
} from "./alert-facts-names.js"
import type { AlertSource } from "./alert-facts-source.js"
import { namingSegment, routeSegments } from "./route-words.js"

// A sentence opening with a one-word subject and a verb of state: "image-service is crashlooping".
const subject =
  /(?:^|[.!?][ \t]+)(?:the[ \t]+|our[ \t]+)?([A-Za-z0-9][\w.-]{1,62})[ \t]+(?:is|are|was|were|keeps|keep|seems|seem|looks|look|has|have)\b/g

const notSubjects = new Set([
  "prod",
  "production",
  "staging",
  "everything",
  "site",
  "website",
  "system",
  "stuff",
  // Roles and generic plurals ("consumers look up, no restarts"): what something is, not its name.
  "consumers",
  "consumer",
  "producers",
  "workers",
  "pods",
  "nodes",
  "users",
  "customers",
  "people",
  "things",
  "dashboards",
  "graphs",
  "metrics",
  "alerts",
  "logs",
  "errors",
  "requests",
  "jobs",
  "replicas",
  "instances",
  "servers",
  // The people and devices a report says are waiting or failing ("couriers are due at 6", "the
  // tablets show an error"): who sees the outage, not the service behind it.
  "couriers",
  "drivers",
  "riders",
  "staff",
  "nurses",
  "pharmacists",
  "patients",
  "doctors",
  "agents",
  "shoppers",
  "merchants",
  "partners",
  "tablets",
  "devices",
  "phones",
  "terminals",
])

const serviceLabel = (value: string): string | null => {
  const words = value.trim().split(/\s+/)
  const name = asLooseName(words.length <= 3 ? slugName(value) : (words[0] ?? ""))
  // "avg by clustername,servicename = **1.0**": a metric's value after a group-by, not a name.
  return name === null || isMonitoringTarget(name) || !/[a-z]/i.test(name) ? null : name
}

// A person naming the route that fails: "500s on /v2/orders" → `orders` (versions and "api" skipped).
const humanRoute = (lines: ReadonlyArray<string>): string | null => {
  for (const line of lines) {
    for (const route of routeSegments(line)) {
      const word = namingSegment(route)
      if (word !== undefined) return inProse(asLooseName)(word)
    }
  }
  return null
}

// "ECS service report-export-api …", "for service `report-export-api` in cluster …": a
// deployable's name (two or more parts) right after the word.
const serviceWord = /\bservice[ \t]+[`*'"]{0,2}([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)[`*'"]{0,2}(?![\w.-])/i

const namedService = (lines: ReadonlyArray<string>): string | null => {
  for (const line of lines) {
    const name = serviceWord.exec(line)?.[1]
    if (name !== undefined) return asLooseName(name.toLowerCase())
  }
  return null
}

const humanSubject = (lines: ReadonlyArray<string>): string | null => {
  for (const line of lines) {
    for (const m of line.matchAll(subject)) {
      const v = (m[1] ?? "").toLowerCase()
      if (!notSubjects.has(v) && /[a-z]/.test(v)) return inProse(asLooseName)(v)
    }
  }
  return null
}

// A deployable's name a person writes in passing ("pdp-bff p95 went from 170ms to 2.3s",
// "(catalog-search, eks-vantor-prod)"): two or more dash-joined parts, not a cluster, a node, a
// region, a date or an ordinary hyphenated word.
const deployable = /(?<![\w.@/-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w.@/-])/g
const hyphenatedWords = new Set(
  "on-call follow-up e-mail re-run real-time so-called long-term short-term up-to-date self-hosted built-in opt-in opt-out sign-in sign-up log-in check-in check-out read-only no-op non-prod pre-prod out-of-memory end-to-end third-party write-up roll-out roll-back rate-limit rate-limited high-priority low-priority".split(
    " ",
  ),
)

const deployableInProse = (lines: ReadonlyArray<string>): string | null => {
  for (const line of lines) {
    for (const m of line.matchAll(deployable)) {
      const v = m[1] ?? ""
      const parts = v.split("-")
      // "in namespace ml-serving", "on node ip-…", "cluster prod-eks-2": named as something else.
      const before = line.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0).toLowerCase()
      if (/\b(?:namespace|ns|node|cluster|region|account|env|environment)[ \t:=]*$/.test(before)) continue
      if (
        hyphenatedWords.has(v) ||
        looksLikeCluster(v) ||
        looksLikeNode(v) ||
        /^(?:us|eu|ap|sa|ca|me|af)-[a-z]+-\d$/.test(v) ||
        parts.every((p) => /^\d+$/.test(p) || p.length <= 2)
      )
        continue
      const name = inProse(asLooseName)(v)
      if (name !== null && !isMonitoringTarget(name)) return name
    }
  }
  return null
}

// An AWS resource a CloudWatch dimension names (a Lambda function, an RDS instance).
const resourceKeys: ReadonlyArray<string> = ["functionname", "dbinstanceidentifier", "dbclusteridentifier"]

export const serviceOf = (
  pairs: ReadonlyArray<LabelPair>,
  source: AlertSource,
  titleService: string | null,
  workload: string | null,
  lines: ReadonlyArray<string>,
): string | null =>
  // An incident tool's "Service" is the display name grouping several resources; the resource a
  // forwarded CloudWatch alarm names (FunctionName=…) is the one that is failing.
  (source === "pagerduty" || source === "opsgenie" ? lookup(pairs, resourceKeys, serviceLabel) : null) ??
  lookup(pairs, labelKeys.service, serviceLabel) ??
  titleService ??
  workload ??
  (source === "human"
    ? (humanSubject(lines) ?? namedService(lines) ?? humanRoute(lines) ?? deployableInProse(lines))
    : namedService(lines))
