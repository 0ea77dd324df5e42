/**
 * Which past incidents look like this alert, without a model: BM25F over a few weighted fields
 * of each incident (alert name, service, namespace, cluster, title, causes, summary) against the
 * terms of the new alert (its facts and its text), normalised by the same incident's score
 * against itself so a match reads as a share (0..1) of what the past incident says that this
 * alert also says. Identity fields weigh most: "the same service failing the same way" is the
 * strongest memory; the same namespace or cluster alone is weak. Pure and deterministic.
 */
import { type IncidentExclusion, type IncidentRecord, isExcluded } from "./incident-record.js"
import { mentions, normalName, termBag, termsOf } from "./incident-terms.js"

/** What the new alert says about itself (AlertFacts' identity fields and its text). */
export interface SimilarQuery {
  readonly alertName: string | null
  readonly service: string | null
  readonly workload: string | null
  readonly namespace: string | null
  readonly cluster: string | null
  /** The alert text as posted (and the operator's note). */
  readonly text: string
}

export interface SimilarOptions {
  readonly limit: number
  readonly exclude: IncidentExclusion
}

export const fields = ["alertName", "service", "namespace", "cluster", "title", "cause", "summary"] as const
export type Field = (typeof fields)[number]

/** How much a term counts in each field: identity first, then what the incident was about. */
export const fieldWeights: Readonly<Record<Field, number>> = {
  alertName: 3,
  service: 3,
  namespace: 1,
  cluster: 0.5,
  title: 1.5,
  cause: 2,
  summary: 1,
}

/** BM25 constants: the usual k1 (term-frequency saturation) and b (length normalisation). */
const k1 = 1.2
const b = 0.75

export interface IncidentMatch {
  readonly incident: IncidentRecord
  /** BM25F score (unbounded; for ranking). */
  readonly score: number
  /** score / the incident's score against its own terms: 0..1. */
  readonly similarity: number
  readonly sameService: boolean
  readonly sameAlertName: boolean
  readonly sameNamespace: boolean
  readonly sameCluster: boolean
  /** Query terms found in the incident's title, causes or summary (not its names). */
  readonly sharedTerms: ReadonlyArray<string>
}

type Bag = ReadonlyMap<string, number>

const bagOf = (text: string): Bag => {
  const bag = new Map<string, number>()
  for (const t of termBag(text)) bag.set(t, (bag.get(t) ?? 0) + 1)
  return bag
}

const sizeOf = (bag: Bag): number => {
  let n = 0
  for (const v of bag.values()) n += v
  return n
}

const uniqueTexts = (texts: ReadonlyArray<string | null>): string => {
  const seen = new Set<string>()
  for (const t of texts) {
    const s = (t ?? "").trim()
    if (s !== "") seen.add(s)
  }
  return [...seen].join("\n")
}

/** An incident's fields as term bags (a cause repeated as summary counts once). */
const documentOf = (r: IncidentRecord): Readonly<Record<Field, Bag>> => {
  const cause = uniqueTexts([r.rootCause, ...r.causes])
  const causeTexts = new Set([r.rootCause ?? "", ...r.causes].map((s) => s.trim()))
  return {
    alertName: bagOf(r.alertName ?? ""),
    service: bagOf(r.service ?? ""),
    namespace: bagOf(r.namespace ?? ""),
    cluster: bagOf(r.cluster ?? ""),
    title: bagOf(r.title),
    cause: bagOf(cause),
    summary: bagOf(causeTexts.has(r.summary.trim()) ? "" : r.summary),
  }
}

const incidentText = (r: IncidentRecord): string =>
  [r.title, r.summary, r.rootCause ?? "", ...r.causes].join("\n")

/** The query's terms: every identity fact and the alert text, each term once. */
export const queryTerms = (q: SimilarQuery): ReadonlySet<string> =>
  new Set(
    [q.alertName, q.service, q.workload, q.namespace, q.cluster, q.text].flatMap((s) =>
      s === null ? [] : termsOf(s),
    ),
  )

const same = (a: string | null, b: string | null): boolean => {
  const x = normalName(a)
  return x !== null && x === normalName(b)
}

const alertWords = (name: string): ReadonlySet<string> =>
  new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2),
  )

/**
 * The same alert, as tools name it: equal names, or — for the sentence-like names PagerDuty,
 * Opsgenie and people give — names sharing at least three words and 80 % of the shorter one's,
 * so "PagerDuty: webhook-gateway deliveries failing" is "webhook-gateway deliveries failing (ns x)".
 */
const sameAlert = (a: string | null, b: string | null): boolean => {
  if (same(a, b)) return true
  if (a === null || b === null) return false
  const [x, y] = [alertWords(a), alertWords(b)]
  const shared = [...x].filter((w) => y.has(w)).length
  return shared >= 3 && shared >= 0.8 * Math.min(x.size, y.size)
}

/**
 * Rank `candidates` for `query`: BM25F score, best first (ties: the more recent, then by id),
 * never an excluded one (the investigation asking, its own alert or thread), only those
 * sharing at least one term, at most `limit`.
 */
export const rankIncidents = (
  query: SimilarQuery,
  candidates: ReadonlyArray<IncidentRecord>,
  options: SimilarOptions,
): ReadonlyArray<IncidentMatch> => {
  const byId = new Map<string, IncidentRecord>()
  for (const c of candidates) if (!isExcluded(c, options.exclude)) byId.set(c.id, c)
  const records = [...byId.values()]
  if (records.length === 0 || options.limit <= 0) return []
  const docs = records.map(documentOf)
  const n = docs.length
  const avg = new Map<Field, number>(
    fields.map((f) => [f, docs.reduce((sum, d) => sum + sizeOf(d[f]), 0) / n]),
  )
  const df = new Map<string, number>()
  for (const d of docs) {
    const terms = new Set(fields.flatMap((f) => [...d[f].keys()]))
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  }
  const idf = (t: string) => {
    const m = df.get(t) ?? 0
    return Math.log(1 + (n - m + 0.5) / (m + 0.5))
  }
  const contribution = (d: Readonly<Record<Field, Bag>>, t: string): number => {
    let weighted = 0
    for (const f of fields) {
      const tf = d[f].get(t) ?? 0
      const mean = avg.get(f) ?? 0
      if (tf === 0 || mean === 0) continue
      weighted += (fieldWeights[f] * tf) / (1 - b + (b * sizeOf(d[f])) / mean)
    }
    return weighted === 0 ? 0 : (idf(t) * weighted * (k1 + 1)) / (k1 + weighted)
  }
  const terms = queryTerms(query)
  const identityNames = [query.service, query.workload]
  const matches = records.flatMap((incident, i): ReadonlyArray<IncidentMatch> => {
    const d = docs[i]
    if (d === undefined) return []
    const own = new Set(fields.flatMap((f) => [...d[f].keys()]))
    let score = 0
    let self = 0
    for (const t of own) {
      const c = contribution(d, t)
      self += c
      if (terms.has(t)) score += c
    }
    if (score <= 0) return []
    const named = new Set(
      (["alertName", "service", "namespace", "cluster"] as const).flatMap((f) => [...d[f].keys()]),
    )
    const sharedTerms = [...new Set([...d.title.keys(), ...d.cause.keys(), ...d.summary.keys()])]
      .filter((t) => terms.has(t) && !named.has(t))
      .sort()
    const service = normalName(incident.service)
    return [
      {
        incident,
        score,
        similarity: self > 0 ? Math.min(1, score / self) : 0,
        sameService:
          service === null
            ? // An imported incident may name its service only in its words.
              identityNames.some((s) => {
                const n = normalName(s)
                return n !== null && mentions(incidentText(incident), n)
              })
            : identityNames.some((s) => same(s, service)) || mentions(query.text, service),
        sameAlertName: sameAlert(query.alertName, incident.alertName),
        sameNamespace: same(query.namespace, incident.namespace),
        sameCluster: same(query.cluster, incident.cluster),
        sharedTerms,
      },
    ]
  })
  return matches
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.incident.occurredAt.epochMillis - x.incident.occurredAt.epochMillis ||
        (x.incident.id < y.incident.id ? -1 : x.incident.id > y.incident.id ? 1 : 0),
    )
    .slice(0, options.limit)
}

/**
 * The stated thresholds. A match below `minSimilarity` (15 % of the past incident's weighted
 * terms) is not worth a reader's time and is omitted. Above it, a match is strong when it is the
 * same service (named by the alert's facts or text) failing the same way (the same alert name,
 * or a word of its title/causes such as "OOMKilled") — the report may lean on it (medium);
 * otherwise it is weak: context only (info).
 */
export const minSimilarity = 0.15

export type MatchStrength = "strong" | "weak" | "none"

export const strengthOf = (m: IncidentMatch): MatchStrength =>
  m.similarity < minSimilarity
    ? "none"
    : m.sameService && (m.sameAlertName || m.sharedTerms.length > 0)
      ? "strong"
      : "weak"
