/**
 * Lambda functions share one pool of concurrent executions per account and region: a function
 * with no reserved concurrency that scales out (a backfill fanned out from a queue, a bulk
 * reprocess) takes it from every other one, which are then throttled
 * (`TooManyRequestsException`, `ConcurrentInvocationLimitExceeded`). Whoever starts it says so in
 * chat with the other function's name and its concurrency ("lambda is scaling to ~950
 * concurrent"), never the throttled function's: for an alarm on a Lambda's throttles, such a
 * message is a change behind it. A message about concurrency with nothing scaling, or any
 * message when the alarm is not a Lambda's throttles, is not. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"

const concurrencyWords = /\bconcurren(?:t|cy)\b|\bconcurrent executions\b/i
const scalingWords =
  /\b(?:scal(?:e|es|ed|ing)(?: up| out)? to|fann(?:ing|ed) out|fan-?out|backfill(?:ing)?|reprocess(?:ing)?|bulk|burst(?:ing)?|spik(?:e|ed|ing))\b/i
const functionWords = /\b(?:lambda|function)s?\b/i

/** Whether the alert is an alarm on a Lambda function's throttles. */
export const isLambdaThrottleAlert = (facts: AlertFacts): boolean =>
  facts.keywords.some((k) => k.toLowerCase() === "lambda") && facts.keywords.some((k) => /throttl/i.test(k))

// A function deployed with an event source that invokes it at scale (a queue, a stream).
const deployedWords = /\b(?:deploy(?:ed|ing)?|launch(?:ed|ing)?|enabl(?:ed|ing))\b/i
const eventSourceWords = /\bevent source\b|\bevent source mapping\b|\btrigger(?:ed)? (?:by|from)\b/i

/**
 * Whether a chat message says a Lambda function is using many concurrent executions, or that
 * one was deployed with an event source that will (see the module header).
 */
export const announcesConcurrencyUse = (text: string): boolean =>
  functionWords.test(text) &&
  ((concurrencyWords.test(text) && scalingWords.test(text)) ||
    (deployedWords.test(text) && eventSourceWords.test(text)))

/** How such a message's finding is titled: the cause names it as it is, not as a deploy of the subject. */
export const concurrencyTakenTitle = (subject: string, channel: string, text: string): string =>
  `Another Lambda taking the account's shared concurrency from ${subject}, announced in ${channel}: "${text}"`

export const isConcurrencyTakenTitle = (title: string): boolean =>
  title.startsWith("Another Lambda taking the account's shared concurrency from ")
