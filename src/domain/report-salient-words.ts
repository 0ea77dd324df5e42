/**
 * The words a person's report leans on: the ones it repeats ("calculating delivery…" then
 * "delivery unavailable") and the ones it quotes from the product's own screen. A person names
 * the product area so, never the service (`delivery-quote-svc`), and these words come anywhere
 * in the text — often after a dozen words of context ("florists keep pinging support…"). Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { searchStem } from "./log-group-word-stem.js"

// Text a person quotes: straight or curly double quotes, or single quotes not used as apostrophes.
const quoted = /"([^"\n]{2,120})"|“([^”\n]{2,120})”|(?<![A-Za-z])'([^'\n]{2,120})'(?![A-Za-z])/g

// The thing a person says is stuck on a screen status ("December autopay still shows "Scheduled"",
// "the refund is stuck at 'Pending'"): the word right before the status verb names the product
// area even when said once, and it is the report's main complaint, not a remark made in passing.
const stuckSubject =
  /([A-Za-z]{4,})\s+(?:(?:is|are|was|were)\s+)?(?:still\s+)?(?:shows?|showing|says?|saying|reads?|displays?|stuck\s+(?:at|on|in|as))\s+["“']/g

const wordsOf = (text: string): ReadonlyArray<string> =>
  (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).map(searchStem)

/** The stems of the words `text` repeats or quotes (see the module header). */
export const salientWords = (text: string): ReadonlySet<string> => {
  const counts = new Map<string, number>()
  for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1)
  const inQuotes = [...text.matchAll(quoted)].flatMap((m) => wordsOf(m[1] ?? m[2] ?? m[3] ?? ""))
  const subjects = [...text.matchAll(stuckSubject)].flatMap((m) => wordsOf(m[1] ?? ""))
  return new Set([...[...counts].filter(([, n]) => n >= 2).map(([w]) => w), ...inQuotes, ...subjects])
}

/**
 * `salientWords` of a person's report only: a tool's alert repeats its own labels ("permit",
 * "permit-api", namespace=permit) whatever it is about, so a repeated word there is no product
 * area, and one shared word would tie the alert to any group named like its namespace.
 */
export const reportSalientWords = (facts: Pick<AlertFacts, "source">, text: string): ReadonlySet<string> =>
  facts.source === "human" ? salientWords(text) : new Set()
