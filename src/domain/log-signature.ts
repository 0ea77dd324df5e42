/**
 * Log-line signatures: a line with its variable parts (timestamps, ids, UUIDs, hex, IPs and
 * ports, numbers, quoted values, pod hashes) replaced by placeholders, so the thousand
 * "heap out of memory" lines of a crash loop become one finding with a count instead of a
 * thousand findings. Pure; every pattern is linear (no nested quantifiers over the same
 * characters), since log lines come from anywhere.
 */
import { withoutLambdaPrefix } from "./log-lambda-prefix.js"
import { clipText, oneLine } from "./report-text.js"

type Rule = readonly [pattern: RegExp, replacement: string]

const rules: ReadonlyArray<Rule> = [
  // Request paths and query strings (ids live there): the error is the signature, not the URL.
  [/\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) {1,3}\/[^\s"]{0,2000}/g, "$1 <path>"],
  // RFC 3339 / ISO 8601 instants and dates.
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, "<ts>"],
  // syslog "Nov 27 13:02:10", then bare clock times.
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{2}:\d{2}:\d{2}\b/g, "<ts>"],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\b/g, "<ts>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  // IPv4 (with a port), then IPv6 written with at least three groups.
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, "<ip>"],
  [/(?<![\w:.])(?=[0-9a-f:]{0,40}\d)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi, "<ip>"],
  // Kubernetes pod names `<workload>-<template hash>-<suffix>`: the workload stays. The
  // Kubernetes alphabet first; any alphanumerics when the hash has a digit.
  [
    /\b([a-z][a-z0-9-]{0,200}?)-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}(?![a-z0-9-])/g,
    "$1-<pod>",
  ],
  [/\b([a-z][a-z0-9-]{0,200}?)-(?=[a-z0-9]{0,9}\d)[a-z0-9]{6,10}-[a-z0-9]{5}(?![a-z0-9-])/g, "$1-<pod>"],
  // HTTP statuses keep their class (a 503 is not a 404).
  [/\b(HTTP\/\d(?:\.\d)?"? {1,3}|status(?:[_ ]?code)?["']?[=: ]{1,3}["']?)([1-5])\d\d\b/gi, "$1<$2xx>"],
  // …also right after an access log's quoted request line (`"GET /x HTTP/1.1" 503 123`).
  [/("<str>" {1,3})([1-5])\d\d\b/g, "$1<$2xx>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  // Hex runs (commit shas, container ids, trace ids): at least one digit and one letter.
  [/\b(?=[0-9a-f]{0,200}\d)(?=[0-9a-f]{0,200}[a-f])[0-9a-f]{6,}\b/gi, "<hex>"],
  // Opaque ids mixing letters and digits (request ids, base64 tokens).
  [/\b(?=[A-Za-z0-9_]{0,200}\d)(?=[A-Za-z0-9_]{0,200}[A-Za-z])[A-Za-z0-9_]{16,}\b/g, "<id>"],
  [/\d+(?:\.\d+)?(?!xx>)/g, "<n>"],
]

const maxSignatureChars = 240

/**
 * Quoted values become `"<str>"`, except JSON keys (a quoted string followed by `:`), so
 * `{"user":"alice"}` and `{"user":"bob"}` share a signature but a JSON line keeps its shape.
 */
const quotedValues = (line: string): string =>
  line
    .replace(/"(?:[^"\\\n]|\\.){0,500}"/g, (m, offset: number, whole: string) =>
      /^\s{0,3}:/.test(whole.slice(offset + m.length, offset + m.length + 4)) ? m : '"<str>"',
    )
    .replace(/(?<![A-Za-z])'(?:[^'\\\n]|\\.){0,500}'(?![A-Za-z])/g, "'<str>'")

/** The line's signature: its variable parts as placeholders, whitespace collapsed, clipped. */
export const logSignature = (message: string): string => {
  let out = quotedValues(message.slice(0, 4096))
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement)
  return clipText(oneLine(out), maxSignatureChars)
}

const leadingTimestamp =
  /^\s{0,8}\[?(?:\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}| UTC)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{2}:\d{2}:\d{2})\]?[\s:]{0,3}/

/**
 * One line of a message without its own leading timestamp (nor a Lambda runtime's time and
 * request id, log-lambda-prefix.ts), clipped, for titles ("FATAL ERROR: …").
 */
export const firstLine = (message: string, maxChars: number): string => {
  const line = withoutLambdaPrefix(message.split("\n").find((l) => l.trim() !== "") ?? "")
  const bare = line.replace(leadingTimestamp, "")
  return clipKeepingError(oneLine(bare === "" ? line : bare), maxChars)
}

// A multi-line event read as its message line plus the exception under it (log-exception-line.ts
// `tracebackLead`: "… Failed to process message id=… (error: com.x.InvalidFormatException: …)").
const errorTail = /^(.{1,4000}?) \(error: (.{1,4000})\)$/
// A Java/Python exception's package ("com.fasterxml.jackson.databind.exc.") names no cause.
const exceptionPackage = /^(?:[a-z_][\w$]{0,80}\.){1,12}(?=[A-Z])/

/**
 * Clipped from the end, a long message line ("Failed to process message id=<uuid> district=…")
 * would lose the exception after it — the only part that says why. So the exception keeps most of
 * the room (its package dropped) and the generic line is cut instead.
 */
const clipKeepingError = (text: string, maxChars: number): string => {
  const m = errorTail.exec(text)
  if (m === null || text.length <= maxChars) return clipText(text, maxChars)
  const [, head = "", error = ""] = m
  const shown = clipText(error.replace(exceptionPackage, ""), Math.max(40, Math.floor(maxChars * 0.6)))
  const room = maxChars - shown.length - " (error: )".length
  return room < 12 ? clipText(`error: ${shown}`, maxChars) : `${clipText(head, room)} (error: ${shown})`
}
