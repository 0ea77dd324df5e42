/**
 * The last resort of log-group discovery, when no group is named after anything the alert
 * names: a resource's consumer or owner is usually named with the same words. A dead-letter
 * queue `invoice-render-dlq` is fed by the Lambda `invoice-pdf-renderer`; a topic
 * `orders-events` by the `orders-publisher` service. The alert's names are split into their
 * distinctive words, groups containing those words are searched for, and a group counts as kin
 * only when it shares at least two of them (a word may be a stem of the other, "render" →
 * "renderer"), so one shared word ("invoice" in `legacy-invoice-import`) is not enough — unless
 * the rest of the group's name only says it consumes (`email-worker` for `email-dispatch`). Pure.
 */
import { dlqSearchWords, dlqStemWords, isDlqConsumer } from "./log-dlq-consumer.js"
import type { DiscoveryPlan, LogGroupSearch, RankedLogGroup } from "./log-group-discovery.js"
import { searchable } from "./log-group-names.js"
import { serviceOfGroup } from "./log-origin.js"

// Words that say what kind of resource a name is, or where, rather than what it does.
const kindWords = new Set(
  (
    "dlq deadletter dead letter queue queues topic topics stream streams bucket table tables alarm alarms " +
    "alert errors error high low prod production staging stage dev test main primary replica cluster " +
    "service svc api app web worker job lambda function fn ecs task events event logs log metrics " +
    "count rate latency p99 5xx 4xx not empty visible messages age fifo"
  ).split(" "),
)

/** The distinctive words of a resource name, in order (at most three). */
export const kinWords = (name: string): ReadonlyArray<string> =>
  [
    ...new Set(
      name
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4 && !kindWords.has(w) && !/^\d+$/.test(w)),
    ),
  ].slice(0, 3)

/**
 * One pattern search per distinctive word of each name; a dead-letter queue's stem words first
 * (log-dlq-consumer.ts), by their singular, since its consumer is named for one order, not orders.
 */
export const kinSearches = (names: ReadonlyArray<string>): ReadonlyArray<LogGroupSearch> =>
  [...new Set([...dlqSearchWords(names), ...names.flatMap(kinWords)])]
    .filter((w) => searchable.test(w))
    .slice(0, 4)
    .map((w) => ({ by: "pattern" as const, value: w, why: `log groups sharing the word ${w}` }))

const related = (a: string, b: string): boolean => a === b || a.startsWith(b) || b.startsWith(a)

/** The distinctive words of `name` that `candidate` is named with (a stem counts). */
export const sharedWords = (candidate: string, name: string): ReadonlyArray<string> => {
  const words = candidate
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4)
  return kinWords(name).filter((k) => words.some((w) => related(w, k)))
}

/** Whether `candidate` is named with at least two of `name`'s distinctive words (see the module header). */
export const isKin = (candidate: string, name: string): boolean => sharedWords(candidate, name).length >= 2

// What a queue's or a topic's consumer is called besides the product word (`email-worker` for
// the queue `email-dispatch`): one shared word is enough when the rest only says "consumer".
const consumerRoles = new Set(
  // A table's or a bucket's user is named for what it does to it (`leaderboard-writer`).
  (
    "worker workers consumer consumers processor handler dispatcher sender listener subscriber poller " +
    "writer reader ingester ingestor indexer loader " +
    // A queue's consumer is as often named for the step it performs (`telematics-ingest` for
    // `telematics-events`, `invoice-sync`, `orders-etl`).
    "ingest ingestion importer import sync etl pipeline sink collector " +
    // And a report's product is named with the step that makes or ships it ("none of the
    // transcripts were delivered" → `transcript-assembler`, `invoice-renderer`).
    "assembler builder generator renderer publisher exporter uploader packager"
  ).split(" "),
)
/** Whether `candidate` is `name`'s consumer by its name: one shared word, the rest a consumer's role. */
export const isConsumerKin = (candidate: string, name: string): boolean => {
  // A dead-letter queue's consumer holds every word of its stem, short ones too (log-dlq-consumer.ts).
  if (isDlqConsumer(candidate, name)) return true
  const c = candidate.toLowerCase()
  const n = name.toLowerCase()
  // The queue's whole name inside a consumer's (`fulfillment-order-events-consumer` for `order-events`).
  if (n.length >= 5 && `-${c}-`.includes(`-${n}-`) && c.split(/[^a-z0-9]+/).some((w) => consumerRoles.has(w)))
    return true
  const shared = sharedWords(candidate, name)
  return shared.length === 1 && consumerOnly(candidate, shared)
}

/** Whether the rest of `group`'s last segment, besides the `shared` words, only names a consumer's role. */
export const consumerOnly = (group: string, shared: ReadonlyArray<string>): boolean => {
  const last =
    group
      .toLowerCase()
      .split("/")
      .filter((p) => p !== "")
      .pop() ?? ""
  // A shared word in either number: "transcripts" of `transcript-assembler`.
  const rest = last
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !shared.some((k) => w.startsWith(k) || (w.length >= 4 && k.startsWith(w))))
  // Besides its role it may say what kind of thing it reads (`scan-events-consumer`, `orders-queue-worker`).
  const role = rest.filter((w) => !kindWords.has(w) || consumerRoles.has(w))
  return role.length > 0 && role.every((w) => consumerRoles.has(w))
}

/**
 * The found groups sharing at least two distinctive words with one name — or one, when the
 * group is named as its consumer (`email-worker`) — most shared first.
 */
export const rankKin = (plan: DiscoveryPlan, found: ReadonlyArray<string>): ReadonlyArray<RankedLogGroup> => {
  const scored = [...new Set(found)].flatMap((group) => {
    // A dead-letter queue's consumer ranks above groups sharing fewer of its words (log-dlq-consumer.ts).
    const dlq = plan.names.find((name) => isDlqConsumer(group, name))
    if (dlq !== undefined) {
      const words = dlqStemWords(dlq)
      return [
        {
          name: group,
          score: words.length + 1,
          reason: `named with every word of the dead-letter queue ${dlq}'s stem (${words.join(", ")})`,
          service: serviceOfGroup(group),
          shared: false,
          kin: true,
        },
      ]
    }
    const best = plan.names
      .map((name) => ({ name, shared: sharedWords(group, name) }))
      .sort((a, b) => b.shared.length - a.shared.length)[0]
    if (
      best === undefined ||
      (best.shared.length < 2 && !(best.shared.length === 1 && consumerOnly(group, best.shared)))
    )
      return []
    return [
      {
        name: group,
        score: best.shared.length,
        reason: `shares the words ${best.shared.join(", ")} with ${best.name}`,
        service: serviceOfGroup(group),
        shared: false,
        kin: true,
      },
    ]
  })
  const top = Math.max(0, ...scored.map((g) => g.score))
  return scored.filter((g) => g.score === top).sort((a, b) => a.name.localeCompare(b.name))
}
