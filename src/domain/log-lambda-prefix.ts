/**
 * The Lambda runtime's prefix on each line a function logs: Python's
 * `[ERROR]\t2027-04-13T06:12:41.207Z\t<request id>\t<message>`, Node's
 * `2027-04-13T06:12:41.207Z\t<request id>\tERROR\t<message>`, and the runtime's own
 * `2027-…Z <request id> Task timed out after …`. The time and the stream are kept beside the
 * finding and the request id names one invocation out of thousands, so in a quoted line these ~70
 * characters only push the exception past a title's clip ("…ValueEr…"). The level stays: the reader
 * uses it ("[ERROR] skipping record (error: ValueError: …)"). Pure and linear.
 */

const iso = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z`
const requestId = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
const level = "TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL"

// Python: `[LEVEL]\t<time>\t<request id>\t`; the separators are tabs, or spaces once a shipper or
// a one-line view has collapsed them.
const python = new RegExp(
  String.raw`^\s{0,8}\[(${level})\][\t ]{1,4}${iso}[\t ]{1,4}${requestId}[\t ]{1,4}`,
  "i",
)
// Node (and the runtime's own lines): `<time>\t<request id>\t[LEVEL\t]`.
const node = new RegExp(
  String.raw`^\s{0,8}${iso}[\t ]{1,4}${requestId}[\t ]{1,4}(?:(${level})[\t ]{1,4})?`,
  "i",
)

/** The line without the Lambda runtime's time and request id, its level kept (`[ERROR] …`, `ERROR …`). */
export const withoutLambdaPrefix = (line: string): string => {
  const p = python.exec(line)
  if (p !== null && line.length > p[0].length) return `[${p[1]}] ${line.slice(p[0].length)}`
  const n = node.exec(line)
  if (n === null) return line
  const rest = line.slice(n[0].length)
  if (rest.trim() === "") return line
  return n[1] === undefined ? rest : `${n[1]} ${rest}`
}

// The request id right after the runtime's time, or after `START/END/REPORT RequestId:`.
const requestIdOf = new RegExp(
  String.raw`^\s{0,8}(?:\[(?:${level})\][\t ]{1,4})?${iso}[\t ]{1,4}(${requestId})\b|\bRequestId: (${requestId})\b`,
  "i",
)

/** The Lambda invocation's request id a line carries in the runtime's prefix, else null. */
export const lambdaRequestIdOf = (line: string): string | null => {
  const m = requestIdOf.exec(line)
  return m?.[1] ?? m?.[2] ?? null
}
