/**
 * The error a person quotes in a report that names no service ("every wave comes back
 * 'allocation failed, please retry'"): the words their screen shows are the words the failing
 * service logs, so a cluster's shared application logs can be read for the lines holding them
 * when there is no name to narrow them by. Only a quote holding a failure word counts, cut at its
 * first punctuation ("allocation failed"), so "please retry" or a pasted URL narrows nothing. Pure.
 */

// A quoted stretch: straight, curly or backtick quotes; a single quote only as a quote, not "can't".
const quotes =
  /(?<![\p{L}\p{N}])['‘]([^'’\n]{4,120})['’](?![\p{L}\p{N}])|["“]([^"”\n]{4,120})["”]|`([^`\n]{4,120})`/gu
const failureWord =
  /\b(?:failed|failure|fails|error|errors|timeout|timed out|unavailable|denied|refused|declined|rejected|exception|invalid|unable|could not|cannot)\b/i

/** The failure words a person quotes, cut at the first punctuation; null when there is none. */
export const reportedErrorPhrase = (text: string): string | null => {
  for (const m of text.matchAll(quotes)) {
    const quote = m[1] ?? m[2] ?? m[3] ?? ""
    const clause = (quote.split(/[,;.!?:()[\]{}<>|]/)[0] ?? "").trim().toLowerCase()
    if (!failureWord.test(clause) || !/^[a-z0-9][a-z0-9 '-]*$/.test(clause)) continue
    const words = clause.split(/\s+/)
    if (words.length >= 2 && words.length <= 8 && clause.length >= 8) return clause
  }
  return null
}

/** A Logs Insights condition picking the lines holding `phrase` (any spacing, any case). */
export const reportedErrorCondition = (phrase: string | null): string | null =>
  phrase === null || !/^[a-z0-9 '-]+$/.test(phrase)
    ? null
    : `@message like /(?i)${phrase.trim().split(/\s+/).join("\\s+").replace(/'/g, ".")}/`
