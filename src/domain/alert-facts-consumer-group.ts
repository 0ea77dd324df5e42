/**
 * A consumer-group lag alert (kafka_exporter's `kafka_consumergroup_lag`, Burrow, MSK's
 * `MaxOffsetLag`, a "Consumer group X is behind" rule) is about the group's consumer: a group is
 * named after the service that consumes, and that service is what is slow or stopped. The
 * `consumergroup` label is already a service key (alert-facts-labels.ts); the bare `group` /
 * `groupid` labels are not — `group` is a rule group or a team elsewhere — so they count only when
 * the alert talks about consumer lag. Pure; every pattern is bounded.
 */

import type { LabelPair } from "./alert-facts-labels.js"
import { asLooseName, inProse } from "./alert-facts-names.js"
import type { AlertDoc } from "./alert-facts-text.js"

// The words of a consumer-lag alert: its metric names, "consumer group", "consumer lag", "offset lag".
const lagAlert =
  /consumer_?group|consumer[ \t-]?group|consumer[ \t_-]?lag|offset_?lag|kafka\w{0,40}lag|burrow_|lag_seconds|records_lag/i

// Label keys (normalised) that hold the group in a lag alert, most specific first.
const groupKeys = ["consumergroup", "groupid", "group", "kafkaconsumergroup"] as const

// "Consumer group royalty-aggregator is 31m behind": the group as the alert's sentence names it.
const groupInText = /\bconsumer[ \t-]?group[ \t]{1,4}["'`]?([a-z0-9][a-z0-9._-]{1,80}[a-z0-9])\b/i

/** The consumer group a lag alert is about, as a service name; null when it is no lag alert. */
export const consumerGroupService = (doc: AlertDoc, pairs: ReadonlyArray<LabelPair>): string | null => {
  if (!lagAlert.test(doc.text)) return null
  for (const key of groupKeys) {
    for (const p of pairs) {
      if (p.key !== key) continue
      const name = asLooseName(
        p.value
          .trim()
          .split(/\s/)[0]
          ?.replace(/[`"',]/g, "") ?? "",
      )
      if (name !== null) return name
    }
  }
  for (const line of doc.lines) {
    const name = inProse(asLooseName)(groupInText.exec(line)?.[1] ?? "")
    if (name !== null) return name
  }
  return null
}
