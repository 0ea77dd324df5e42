/**
 * A feature flag (or a runtime setting) changed with no deploy, as a flag service's bot or a
 * person announces it: "LaunchDarkly: *Maya* changed flag `alloc-batch-reservations` in
 * *Production*: turned targeting ON", "turned on the flag *PDP inline reviews*
 * (`pdp-inline-reviews`)", "Feature toggle *new-checkout* was enabled in production" (Unleash),
 * "rolled out new-pricing to 100%". The flag's key names no service, so it is linked to one by
 * its words (`alloc-…` and `inventory-allocator`: word-stems.ts) or by the service's own lines
 * naming the key (an SDK's "flag update received: alloc-batch-reservations", a request log's
 * `"flags":["pdp-inline-reviews"]`). Pure.
 */
import { nameWords, sharesStem } from "./word-stems.js"

export interface FlagChange {
  /** The flag's key as written (`alloc-batch-reservations`). */
  readonly key: string
  /** The flag service named (LaunchDarkly, Unleash, …), if any. */
  readonly tool: string | null
}

const tools =
  /\b(launchdarkly|unleash|flagsmith|configcat|split\.io|statsig|growthbook|optimizely|flipt|flagd|appconfig|posthog)\b/i
const flagWords = /\bfeature[ -]?(?:flags?|toggles?|switch(?:es)?)\b|\b(?:flags?|toggles?|kill[ -]switch)\b/i
// That it changed (now), in the tools' and people's words.
const changed =
  /\b(?:turned (?:on|off)|targeting (?:on|off)|toggled|enabled|disabled|switched (?:on|off)|changed|updated|rolled out|rolling out|serv(?:es|ing)\b[^.\n]{0,40}\d{1,3}\s?%|now serves|flipped|archived|killed|to \d{1,3}\s?%)/i
// Denied or planned: not a change that happened.
const notDone =
  /\b(?:will|going to|plan(?:ning)? to|tomorrow|not|didn't|did not|haven't|nobody|no one)\b[^.\n]{0,30}\b(?:turn|toggl|enabl|disabl|roll|flip|chang)/i

// A key: kebab, snake, dotted or camelCase, not an environment, a boolean or a version.
const keyShaped = /^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+$|^[a-z]+(?:[A-Z][a-z0-9]+)+$/
const notKeys = /^(?:true|false|on|off|production|prod|staging|dev|development|default|control|treatment)$/i
const isKey = (s: string): boolean =>
  keyShaped.test(s) && !notKeys.test(s) && !/^v?\d/.test(s) && s.length <= 80

// Where a key is written: a flag's console link, a code span or quotes, right after "flag", or
// a rollout "of new-pricing to 100%".
const linked = /\/(?:features|flags|feature-flags|toggles|splits)\/([A-Za-z0-9][\w.-]*)/g
const quoted = /`([^`\s]+)`|'([^'\s]+)'|"([^"\s]+)"|\*([^*\s]+)\*/g
const afterWord =
  /\b(?:flag|toggle|feature|split|setting)\s+[*_'"`]?([A-Za-z][\w.-]*)|\brolled out\s+([A-Za-z][\w.-]*)\s+to\s+\d{1,3}\s?%/gi

const firstKey = (text: string, re: RegExp): string | null => {
  for (const m of text.matchAll(re)) {
    const key = m.slice(1).find((g) => g !== undefined)
    if (key !== undefined && isKey(key)) return key
  }
  return null
}

/** The flag change `text` announces (its author, a bot's name, may be the tool); null when it is none. */
export const flagChangeOf = (text: string, author: string | null = null): FlagChange | null => {
  const tool = tools.exec(text)?.[1] ?? tools.exec(author ?? "")?.[1] ?? null
  const rollout = /\brolled out\s+[A-Za-z][\w.-]*\s+to\s+\d{1,3}\s?%/i.test(text)
  if ((tool === null && !flagWords.test(text) && !rollout) || !changed.test(text) || notDone.test(text))
    return null
  const key = firstKey(text, linked) ?? firstKey(text, quoted) ?? firstKey(text, afterWord)
  return key === null ? null : { key, tool }
}

// Words of a key that say nothing about what it does.
const vagueWords = new Set(
  "enable enabled disable disabled new old use flag flags feature toggle kill switch rollout release v1 v2 v3 test beta".split(
    " ",
  ),
)

/** Whether the flag `key` is named with a word of the service `name` (a stem counts: `alloc` → `allocator`). */
export const flagNamedLike = (key: string, name: string): boolean => {
  const keyWords = nameWords(key.replace(/([a-z])([A-Z])/g, "$1-$2")).filter(
    (w) => w.length >= 4 && !vagueWords.has(w),
  )
  const words = nameWords(name).filter((w) => w.length >= 4 && !vagueWords.has(w))
  return keyWords.some((k) => words.some((w) => k === w || sharesStem(k, w)))
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Whether `text` (a service's own log line) names the flag `key` as a whole name. */
export const namesFlag = (text: string, key: string): boolean =>
  new RegExp(`(?<![\\w.-])${escapeRegExp(key)}(?![\\w-])`, "i").test(text)
