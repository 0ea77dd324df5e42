/**
 * A dead-letter queue's consumer by its name. An alarm on `orders-to-wms-dlq` names the queue,
 * never the function that failed its messages (`order-export-to-wms`); the queue is named for
 * the hop it feeds — "orders to WMS" — and the consumer for the same hop plus its step. The
 * general kin rule (log-group-kin.ts) needs two distinctive words of four letters or more, so a
 * hop named with a short system word (wms, erp, crm, pos) and one product word never matched.
 * Here a DLQ's stem (its name before the dlq/deadletter marker) keeps its short words, and a
 * group is its consumer when its own name holds every one of them (a stem counts: orders →
 * order). A stem of one word is left to the kin rule: "orders" alone is in every orders group's
 * name (`shop-orders-api`), so only a consumer's role (`orders-consumer`) may settle that. Pure.
 */
import { searchStem } from "./log-group-word-stem.js"

// The marker a dead-letter queue's name carries, and whatever metric words follow it.
const dlqMarker = /^(.+?)[-_.](?:dlq|deadletter|dead[-_.]letter)(?:$|[-_.])/i
// Words that join a hop's ends ("orders-to-wms") or say what kind of resource the queue is.
const fillerWords = new Set(
  (
    "to of for from and the into via queue queues topic events event messages message sqs sns fifo " +
    "prod production prd staging stage stg dev test qa uat"
  ).split(" "),
)

const tokens = (s: string): ReadonlyArray<string> =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")

/** The distinctive words of a DLQ's stem, short ones kept (`orders-to-wms-dlq` → orders, wms); none when not a DLQ. */
export const dlqStemWords = (name: string): ReadonlyArray<string> => {
  const stem = dlqMarker.exec(name.trim())?.[1]
  if (stem === undefined) return []
  return [...new Set(tokens(stem).filter((w) => w.length >= 3 && !fillerWords.has(w) && !/^\d+$/.test(w)))]
}

// A word of the consumer's name stands for a stem word when equal, or (both long enough to not be
// an abbreviation) one's singular is the other's start: orders → order, invoices → invoice.
const covers = (own: ReadonlyArray<string>, word: string): boolean =>
  own.some(
    (w) =>
      w === word ||
      (w.length >= 4 && word.length >= 4 && (searchStem(w) === searchStem(word) || w.startsWith(word))),
  )

/** The last path segment of a log group, or the name itself. */
const ownName = (group: string): string =>
  group
    .split("/")
    .filter((p) => p !== "")
    .pop() ?? ""

/** Whether `candidate` (a group or service name) holds every word of DLQ `name`'s stem, two at least. */
export const isDlqConsumer = (candidate: string, name: string): boolean => {
  const words = dlqStemWords(name)
  if (words.length < 2) return false
  const own = tokens(ownName(candidate))
  // The DLQ itself, or its source queue, is no consumer.
  if (own.some((w) => w === "dlq" || w === "deadletter")) return false
  return words.every((w) => covers(own, w))
}

/** What a DLQ's consumer is searched by: each stem word's singular (a pattern is a substring). */
export const dlqSearchWords = (names: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...new Set(names.flatMap((n) => (dlqStemWords(n).length >= 2 ? dlqStemWords(n).map(searchStem) : []))),
]
