/**
 * A consumer rejecting its input as invalid because a producer changed the input's schema: the
 * consumer's validation errors name a field (pydantic "claims.0.lines.0.ndc_code\n  Field
 * required", JSON Schema "'x' is a required property", ajv "must have required property 'x'",
 * Jackson `Unrecognized field "x"`, zod's path with "Required", Avro's "missing required field
 * x"), and shortly before the first of them another log group logged a change naming that field
 * (a mapper renaming it, a schema version bumped, a deploy). The change is the cause; the
 * consumer's errors, and the pipeline failing on them, are its effect. Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { serviceOfGroup } from "./log-origin.js"

/** How long before the consumer's first rejection a producer's change still counts. */
export const maxLeadMs = 2 * 3_600_000

// A newline as a nested JSON string carries it: `\n`, `\\n`, or a real one.
const nl = String.raw`(?:\\+n|\s)+`
// The field patterns; the first capture is the field (or a dotted/quoted path ending in it).
const fieldPatterns: ReadonlyArray<RegExp> = [
  // pydantic v2: the location line, then the message on the next.
  new RegExp(String.raw`([A-Za-z_][\w.\-\[\]]*)${nl}(?:Field required|Extra inputs are not permitted)`, "g"),
  // pydantic v1 / FastAPI detail: "loc": [..., "x"], "msg": "field required".
  /"loc":\s*\[[^\]]*?"([A-Za-z_]\w*)"\s*\][^}]{0,40}"msg":\s*"field required"/gi,
  // Python jsonschema: 'x' is a required property.
  /'([A-Za-z_][\w-]*)' is a required property/g,
  // ajv, JSON Schema validators, Avro: must have / missing required property|field 'x'.
  /(?:must have|missing) required (?:property|field|attribute) ['"`]?([A-Za-z_][\w-]*)/gi,
  /required (?:property|field) ['"`]([A-Za-z_][\w-]*)['"`] (?:is )?missing/gi,
  // Jackson: Unrecognized field "x".
  /Unrecognized field \\*"([A-Za-z_][\w-]*)\\*"/g,
  // zod: "path": [..., "x"], "message": "Required".
  /\\*"path\\*":\s*\[[^\]]*?\\*"([A-Za-z_]\w*)\\*"\s*\][^}]{0,60}\\*"message\\*":\s*\\*"Required/g,
]

const lastSegment = (path: string): string | null => {
  const parts = path.split(/[.[\]]+/).filter((p) => p !== "" && !/^\d+$/.test(p))
  return parts[parts.length - 1] ?? null
}

/** The fields a validation error says are missing or unexpected; none when it names no field. */
export const invalidFieldsOf = (message: string): ReadonlyArray<string> => {
  const fields = new Set<string>()
  for (const pattern of fieldPatterns) {
    for (const m of message.matchAll(pattern)) {
      const field = lastSegment(m[1] ?? "")
      if (field !== null && field.length >= 2) fields.add(field)
    }
  }
  return [...fields]
}

// A line saying something changed: a rename ("a -> b"), a schema version emitted or bumped, a
// mapper or release loaded, a field dropped or deprecated.
const changeWords =
  /->|=>|→|\brenam(?:e|ed|ing)\b|\bdeprecat|\bremov(?:e|ed|ing)\b|\bdropp?(?:ed|ing)?\b|\breplac(?:e|ed|ing)\b|\bmigrat|schema[_ .-]?version|\bschema\b.{0,30}\bv?\d+\.\d+|\bloaded\b|\bdeploy|\brelease|\bupgrad|\bversion\b|\bv\d+\.\d+/i

/** A pattern for the field as a whole word ("ndc" not inside "ndc_code"), built once per rejection. */
const fieldNamed = (field: string): RegExp =>
  new RegExp(String.raw`(?<![\w-])${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\w-])`)

export interface Rejection {
  readonly field: string
  /** The consumer's groups whose lines reject the field. */
  readonly groups: ReadonlyArray<string>
  readonly firstMs: number
  readonly count: number
  readonly example: string
}

/** The consumers' rejections by field, in order of first sight. */
export const rejectionsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<Rejection> => {
  const byField = new Map<string, { groups: Set<string>; firstMs: number; count: number; example: string }>()
  for (const l of lines) {
    for (const field of invalidFieldsOf(l.message)) {
      const seen = byField.get(field)
      if (seen === undefined) {
        byField.set(field, {
          groups: new Set([l.group]),
          firstMs: l.timestampMs,
          count: 1,
          example: l.message,
        })
      } else {
        seen.groups.add(l.group)
        seen.count += 1
        seen.firstMs = Math.min(seen.firstMs, l.timestampMs)
      }
    }
  }
  return [...byField].map(([field, r]) => ({ field, ...r, groups: [...r.groups] }))
}

export interface SchemaChange {
  readonly field: string
  readonly producerGroup: string
  readonly producer: string
  readonly line: string
  readonly atMs: number
  readonly rejection: Rejection
  /** The consumer: the function or service whose own log rejects the field, not the pipeline's. */
  readonly consumer: string
}

const consumerOf = (groups: ReadonlyArray<string>): string => {
  // A function's own group says who validates; a state machine's only that it ran it.
  const own = groups.find((g) => /^\/aws\/lambda\//i.test(g)) ?? groups[0] ?? ""
  return serviceOfGroup(own) ?? own
}

/**
 * The producers' changes behind the rejections: a line of another group than the consumers',
 * naming the rejected field with words of a change, no validation error itself, at most
 * `maxLeadMs` before the first rejection. The latest such line per field (the change nearest
 * the breakage); none when no producer's line names the field.
 */
export const schemaChangesOf = (
  rejections: ReadonlyArray<Rejection>,
  lines: ReadonlyArray<LogLine>,
): ReadonlyArray<SchemaChange> => {
  // Validation errors themselves are never a producer's change; read once, not once per rejection.
  const validating = new Set(lines.filter((l) => invalidFieldsOf(l.message).length > 0))
  return rejections.flatMap((r) => {
    const named = fieldNamed(r.field)
    const candidates = lines.filter(
      (l) =>
        !r.groups.includes(l.group) &&
        l.timestampMs <= r.firstMs &&
        r.firstMs - l.timestampMs <= maxLeadMs &&
        named.test(l.message) &&
        !validating.has(l) &&
        changeWords.test(l.message),
    )
    const latest = candidates.reduce<LogLine | null>(
      (best, l) => (best === null || l.timestampMs > best.timestampMs ? l : best),
      null,
    )
    if (latest === null) return []
    return [
      {
        field: r.field,
        producerGroup: latest.group,
        producer: serviceOfGroup(latest.group) ?? latest.group,
        line: latest.message,
        atMs: latest.timestampMs,
        rejection: r,
        consumer: consumerOf(r.groups),
      },
    ]
  })
}
