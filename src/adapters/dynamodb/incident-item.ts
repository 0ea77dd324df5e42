/**
 * What the incident table holds. Each incident is written as one canonical item
 * (`INC#<id>` / `INC`) and a copy under each name it can be found by — `SVC#<service>`,
 * `ALERT#<alert name>`, `NS#<namespace>`, and `RECENT#<yyyy-mm>` for alerts that name none —
 * with sort key `<occurred ISO>#<id>`, so `similar()` is a few bounded Queries (newest first)
 * and never a Scan (the original's full-table Scan, weak point 19). Copies carry the whole
 * record, so a Query needs no follow-up reads. Names are compared lower-cased.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { DateTime, Either, ParseResult, Schema } from "effect"
import { IncidentRecord } from "../../domain/incident-record.js"
import type { SimilarQuery } from "../../domain/incident-similarity.js"
import { normalName } from "../../domain/incident-terms.js"

export type Item = Record<string, AttributeValue>

export interface ItemKey {
  readonly pk: string
  readonly sk: string
}

export const canonicalKey = (id: string): ItemKey => ({ pk: `INC#${id}`, sk: "INC" })

const monthOf = (t: DateTime.Utc): string => DateTime.formatIso(t).slice(0, 7)

export const recentPartition = (t: DateTime.Utc): string => `RECENT#${monthOf(t)}`

const named = (prefix: string, name: string | null): ReadonlyArray<string> => {
  const n = normalName(name)
  return n === null ? [] : [`${prefix}#${n}`]
}

/** The partitions an incident is found under. */
export const partitionsOf = (r: IncidentRecord): ReadonlyArray<string> => [
  ...named("SVC", r.service),
  ...named("ALERT", r.alertName),
  ...named("NS", r.namespace),
  recentPartition(r.occurredAt),
]

/**
 * The partitions a query reads: its names; with none, the last `recentMonths` months (a human
 * report that names no service still finds last month's incidents, without a Scan).
 */
export const partitionsFor = (
  q: SimilarQuery,
  now: DateTime.Utc,
  recentMonths: number,
): ReadonlyArray<string> => {
  const names = [
    ...named("SVC", q.service),
    ...named("SVC", q.workload),
    ...named("ALERT", q.alertName),
    ...named("NS", q.namespace),
  ]
  if (names.length > 0) return [...new Set(names)]
  const months = Array.from({ length: Math.max(1, recentMonths) }, (_, i) =>
    recentPartition(DateTime.subtract(DateTime.startOf(now, "month"), { months: i })),
  )
  return [...new Set(months)]
}

export const indexKeys = (r: IncidentRecord): ReadonlyArray<ItemKey> => {
  const sk = `${DateTime.formatIso(r.occurredAt)}#${r.id}`
  return partitionsOf(r).map((pk) => ({ pk, sk }))
}

const IncidentJson = Schema.parseJson(IncidentRecord)

export const keyItem = (k: ItemKey): Item => ({ pk: { S: k.pk }, sk: { S: k.sk } })

export const toItem = (k: ItemKey, r: IncidentRecord, ttlSeconds: number): Item => ({
  ...keyItem(k),
  id: { S: r.id },
  doc: { S: Schema.encodeSync(IncidentJson)(r) },
  ttl: { N: String(ttlSeconds) },
})

/** A stored item's record; Left with the reason when it does not decode. */
export const decodeItem = (item: Item): Either.Either<IncidentRecord, string> => {
  const doc = item.doc?.S
  if (doc === undefined) return Either.left("item has no doc")
  return Either.mapLeft(Schema.decodeEither(IncidentJson)(doc), (e) =>
    ParseResult.TreeFormatter.formatErrorSync(e),
  )
}
