/**
 * Label and field selectors as the API server reads them, so the replay filters lists the way
 * a real cluster does and a wrong selector in the agent shows up as a wrong answer in tests.
 * Label selectors: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by
 * commas (commas inside a set belong to it). Field selectors: `path=v`, `path==v`, `path!=v`
 * over the fields each kind supports; any other path is the API's "field label not supported".
 * Parsing is total: a malformed selector is a message (→ 400), never an exception.
 */

import type { LabelRequirement } from "../domain/label-requirements.js"

export { type LabelRequirement, matchesLabels } from "../domain/label-requirements.js"

export type FieldRequirement = { readonly op: "eq" | "ne"; readonly path: string; readonly value: string }

export type Parsed<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly message: string }

const key = String.raw`(?:[a-z0-9A-Z.-]{1,253}\/)?[a-zA-Z0-9](?:[-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?`
const value = "(?:[a-zA-Z0-9](?:[-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?)?"
const equality = new RegExp(String.raw`^(${key})\s*(==|=|!=)\s*(${value})$`)
const setBased = new RegExp(String.raw`^(${key})\s+(in|notin)\s+\(([^()]*)\)$`)
const existence = new RegExp(String.raw`^(!?)\s*(${key})$`)
const valueOnly = new RegExp(`^${value}$`)

/** Split at commas outside parentheses. */
const topLevel = (selector: string): ReadonlyArray<string> => {
  const parts: Array<string> = []
  let depth = 0
  let start = 0
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]
    if (c === "(") depth++
    else if (c === ")") depth = Math.max(0, depth - 1)
    else if (c === "," && depth === 0) {
      parts.push(selector.slice(start, i))
      start = i + 1
    }
  }
  parts.push(selector.slice(start))
  return parts.map((p) => p.trim())
}

const requirement = (raw: string): LabelRequirement | null => {
  const eq = equality.exec(raw)
  if (eq?.[1] !== undefined && eq[3] !== undefined) {
    return { op: eq[2] === "!=" ? "ne" : "eq", key: eq[1], value: eq[3] }
  }
  const set = setBased.exec(raw)
  if (set?.[1] !== undefined && set[3] !== undefined) {
    const values = set[3].split(",").map((v) => v.trim())
    if (!values.every((v) => valueOnly.test(v))) return null
    return { op: set[2] === "notin" ? "notin" : "in", key: set[1], values }
  }
  const ex = existence.exec(raw)
  if (ex?.[2] !== undefined) return { op: ex[1] === "!" ? "absent" : "exists", key: ex[2] }
  return null
}

export const parseLabelSelector = (selector: string): Parsed<ReadonlyArray<LabelRequirement>> => {
  if (selector.trim() === "") return { ok: true, value: [] }
  const out: Array<LabelRequirement> = []
  for (const raw of topLevel(selector)) {
    const r = requirement(raw)
    if (r === null)
      return { ok: false, message: `unable to parse requirement: invalid label selector "${raw}"` }
    out.push(r)
  }
  return { ok: true, value: out }
}

/** Split at commas not escaped by a backslash, then unescape. */
const fieldTerms = (selector: string): ReadonlyArray<string> =>
  selector
    .split(/(?<!\\),/)
    .map((t) => t.trim().replace(/\\(.)/g, "$1"))
    .filter((t) => t !== "")

export const parseFieldSelector = (
  selector: string,
  supported: ReadonlySet<string>,
): Parsed<ReadonlyArray<FieldRequirement>> => {
  const out: Array<FieldRequirement> = []
  for (const term of fieldTerms(selector)) {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term)
    if (m?.[1] === undefined || m[3] === undefined) {
      return { ok: false, message: `invalid selector: '${term}'; can't understand '${term}'` }
    }
    if (!supported.has(m[1])) return { ok: false, message: `field label not supported: ${m[1]}` }
    out.push({ op: m[2] === "!=" ? "ne" : "eq", path: m[1], value: m[3] })
  }
  return { ok: true, value: out }
}

const common = ["metadata.name", "metadata.namespace"]

/** The field selectors the API server supports, per kind. */
export const fieldSelectorPaths: Readonly<Record<string, ReadonlySet<string>>> = {
  Pod: new Set([
    ...common,
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ]),
  Event: new Set([
    ...common,
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ]),
  Node: new Set(["metadata.name", "spec.unschedulable"]),
  Namespace: new Set(["metadata.name", "status.phase"]),
}

export const supportedFieldPaths = (kind: string): ReadonlySet<string> =>
  fieldSelectorPaths[kind] ?? new Set(common)

const step = (value: unknown, segment: string): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.getOwnPropertyDescriptor(value, segment)?.value
    : undefined

/** A field's value as the API server compares it: a string, "" when absent (`source` is `source.component`). */
export const fieldValue = (object: unknown, path: string): string => {
  const segments = path === "source" ? ["source", "component"] : path.split(".")
  const found = segments.reduce(step, object)
  return typeof found === "string" || typeof found === "number" || typeof found === "boolean"
    ? String(found)
    : ""
}

export const matchesFields = (requirements: ReadonlyArray<FieldRequirement>, object: unknown): boolean =>
  requirements.every((r) => (fieldValue(object, r.path) === r.value) === (r.op === "eq"))
