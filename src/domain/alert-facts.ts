/**
 * AlertFacts: what an alert message says about itself, read without a model (DESIGN §3). The
 * engine's agents scope their work entirely from these facts — the Kubernetes agent goes to
 * this namespace and workload, the logs agent searches these log groups — so a fact is only
 * filled when the text states it; anything unclear stays null rather than guessed.
 *
 * `extractFacts` is pure and total: any string (arbitrary bytes, megabytes of noise) gives a
 * value, and every pattern behind it runs in linear time.
 */
import { Schema } from "effect"
import { awsFacts } from "./alert-facts-aws.js"
import { consumerGroupService } from "./alert-facts-consumer-group.js"
import { kubernetesFacts } from "./alert-facts-k8s.js"
import { keywordsOf } from "./alert-facts-keywords.js"
import { type LabelPair, labelKeys, scanLabels } from "./alert-facts-labels.js"
import { asLooseName } from "./alert-facts-names.js"
import { probedHost } from "./alert-facts-probe.js"
import {
  dimensionsOf,
  serviceInAlarmName,
  serviceInConsoleLinks,
  serviceInDimensions,
} from "./alert-facts-resources.js"
import { serviceOf } from "./alert-facts-service.js"
import { severityOf } from "./alert-facts-severity.js"
import { AlertSource, AlertState, detectSource, stateOf } from "./alert-facts-source.js"
import { readDoc } from "./alert-facts-text.js"
import { startTime } from "./alert-facts-time.js"
import { readTitle } from "./alert-facts-title.js"
import type { SeverityLabels } from "./config.js"
import { Severity } from "./severity.js"

export { workloadFromPod } from "./alert-facts-names.js"
export { mapSeverity } from "./alert-facts-severity.js"
export { AlertSource, AlertState } from "./alert-facts-source.js"
export { extractLinks } from "./alert-facts-text.js"

const Name = Schema.NullOr(Schema.String)

export const AlertFacts = Schema.Struct({
  /** The tool that wrote the message; "human" for a person's report. */
  source: AlertSource,
  /** `KubePodCrashLooping`, `ApiGateway-Latency-p99`, a Datadog monitor title, … */
  alertName: Name,
  state: Schema.NullOr(AlertState),
  /** The label as written: "critical", "P2", "Urgency: high", "SEV1". */
  severityLabel: Name,
  /** `severityLabel` mapped through the configured rubric; null when absent or unmapped. */
  severity: Schema.NullOr(Severity),
  namespace: Name,
  /** The Deployment/StatefulSet/DaemonSet/Job name. */
  workload: Name,
  pod: Name,
  container: Name,
  node: Name,
  cluster: Name,
  service: Name,
  region: Name,
  /** 12-digit AWS account id. */
  account: Name,
  /** Log group names exactly as written in the alert (never derived). */
  logGroups: Schema.Array(Schema.String),
  /** Every http(s) URL, deduplicated, in order. */
  links: Schema.Array(Schema.String),
  startsAt: Schema.NullOr(Schema.DateTimeUtc),
  /** Lower-cased search terms for relevance ranking, most specific first, at most 30. */
  keywords: Schema.Array(Schema.String),
  /**
   * Third parties and dependencies the alert's own labels name (`provider:paynetix`,
   * `upstream=ledger-db`), lower-case; a task serialised before this field decodes to none.
   */
  dependencies: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
})
export type AlertFacts = typeof AlertFacts.Type

const singleToken = (s: string | null): string | null => (s !== null && !/\s/.test(s) ? s : null)

const dependencyKeys: ReadonlySet<string> = new Set(labelKeys.dependency)

/** Every value of a dependency-naming label, as a name, other than the service itself. */
const dependenciesOf = (pairs: ReadonlyArray<LabelPair>, service: string | null): ReadonlyArray<string> => [
  ...new Set(
    pairs.flatMap((p) => {
      if (!dependencyKeys.has(p.key)) return []
      const name = asLooseName(p.value.trim().toLowerCase())
      return name === null || name === service ? [] : [name]
    }),
  ),
]

/** Read the facts an alert message states (see the module header). Pure, total, deterministic. */
export const extractFacts = (text: string, labels: SeverityLabels): AlertFacts => {
  const doc = readDoc(text)
  const pairs = scanLabels(doc)
  const source = detectSource(doc)
  const title = readTitle(source, doc, pairs)
  const { severityLabel, severity } = severityOf(doc, pairs, labels)
  const aws = awsFacts(doc.text, `${doc.text}\n${doc.links.join("\n")}`, pairs)
  const k8s = kubernetesFacts(doc, pairs, {
    groupValues: title.groupValues,
    logGroups: aws.logGroups,
    otherNames: [title.alertName, severityLabel],
    alertName: title.alertName,
  })
  // An AWS alarm without a service label names its resource instead: a console link, a
  // dimension, else the alarm's own name (alert-facts-resources.ts).
  // A probe's alert without a service label is about the host it probed (alert-facts-probe.ts).
  // A consumer-lag alert's group names its consumer (alert-facts-consumer-group.ts).
  const service =
    serviceOf(pairs, source, title.service, k8s.workload, doc.lines) ??
    consumerGroupService(doc, pairs) ??
    probedHost(doc, pairs) ??
    serviceInConsoleLinks(doc.links) ??
    serviceInDimensions(dimensionsOf(doc.text, pairs)) ??
    (source === "cloudwatch" ? serviceInAlarmName(title.alertName) : null)
  const names = [service, k8s.workload, k8s.pod, k8s.namespace, k8s.container, k8s.node, k8s.cluster]
  return {
    source,
    alertName: title.alertName,
    state: stateOf(source, doc, pairs),
    severityLabel,
    severity,
    ...k8s,
    service,
    ...aws,
    links: doc.links,
    startsAt: startTime(doc.lines, pairs),
    keywords: keywordsOf(doc.plain, [...names, singleToken(title.alertName)]),
    dependencies: dependenciesOf(pairs, service),
  }
}
