/**
 * CloudWatch Logs filter patterns for unstructured events (FilterLogEvents, metric and
 * subscription filters), the subset the replay serves: space-separated terms that must all
 * appear, `"quoted phrases"`, `?term` alternatives (at least one must appear), `-term`
 * exclusions, and `%regex%`. Matching is case-sensitive, as in CloudWatch. JSON (`{ $.x = … }`)
 * and space-delimited (`[a, b]`) patterns are refused rather than silently misread. Pure.
 */
import { Either } from "effect"

export interface FilterPattern {
  readonly required: ReadonlyArray<string>
  readonly anyOf: ReadonlyArray<string>
  readonly excluded: ReadonlyArray<string>
  readonly regex: RegExp | null
}

const matchAll: FilterPattern = { required: [], anyOf: [], excluded: [], regex: null }

/** Parse a filter pattern; Left carries the reason it is not supported or not valid. */
export const parseFilterPattern = (pattern: string): Either.Either<FilterPattern, string> => {
  const text = pattern.trim()
  if (text === "" || text === '""') return Either.right(matchAll)
  if (text.startsWith("{") || text.startsWith("[")) {
    return Either.left("JSON and space-delimited filter patterns are not supported by this replay")
  }
  if (text.length >= 2 && text.startsWith("%") && text.endsWith("%")) {
    try {
      return Either.right({ ...matchAll, regex: new RegExp(text.slice(1, -1)) })
    } catch {
      return Either.left(`Invalid regex in filter pattern: ${text}`)
    }
  }
  const required: Array<string> = []
  const anyOf: Array<string> = []
  const excluded: Array<string> = []
  const token = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g
  let consumed = 0
  for (const m of text.matchAll(token)) {
    if (text.slice(consumed, m.index).trim() !== "") return Either.left(`Invalid filter pattern: ${text}`)
    consumed = m.index + m[0].length
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "")
    if (term.includes('"')) return Either.left(`Unbalanced quotes in filter pattern: ${text}`)
    if (term === "") continue
    if (m[1] === "?") anyOf.push(term)
    else if (m[1] === "-") excluded.push(term)
    else required.push(term)
  }
  return Either.right({ required, anyOf, excluded, regex: null })
}

export const matchesFilterPattern = (p: FilterPattern, message: string): boolean =>
  (p.regex === null || p.regex.test(message)) &&
  p.required.every((t) => message.includes(t)) &&
  (p.anyOf.length === 0 || p.anyOf.some((t) => message.includes(t))) &&
  !p.excluded.some((t) => message.includes(t))
