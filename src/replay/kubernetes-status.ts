/**
 * What the replay's API server says when it says no: `Status` bodies shaped like the real
 * ones (`{kind: "Status", apiVersion: "v1", status: "Failure", message, reason, details, code}`)
 * with the real messages ("pods \"x\" not found", "pods is forbidden: User … cannot list
 * resource \"pods\" …"), and the faults a test schedules by path: `forbid` (every matching
 * request, until cleared), one-shot failures, 429s with `Retry-After`, and requests held
 * unanswered to exercise client timeouts.
 */

export interface StatusBody {
  readonly kind: "Status"
  readonly apiVersion: "v1"
  readonly metadata: Record<string, never>
  readonly status: "Failure"
  readonly message: string
  readonly reason: string
  readonly details?: Record<string, unknown>
  readonly code: number
}

const reasons: Readonly<Record<number, string>> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
}

export const statusBody = (code: number, message: string, details?: Record<string, unknown>): StatusBody => ({
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message,
  reason: reasons[code] ?? "Unknown",
  ...(details === undefined ? {} : { details }),
  code,
})

/** Which resource a request is about, to word Status messages like the API server. */
export interface RequestTarget {
  readonly verb: "get" | "list"
  readonly group: string
  readonly resource: string
  readonly namespace: string | null
  readonly name: string | null
}

export const replayUser = "system:serviceaccount:sre-on-call:sre-on-call"

export const notFoundMessage = (resource: string, name: string): string => `${resource} "${name}" not found`

export const forbiddenMessage = (t: RequestTarget): string => {
  const subject = t.name === null ? t.resource.split("/")[0] : `${t.resource.split("/")[0]} "${t.name}"`
  const where = t.namespace === null ? "at the cluster scope" : `in the namespace "${t.namespace}"`
  return `${subject} is forbidden: User "${replayUser}" cannot ${t.verb} resource "${t.resource}" in API group "${t.group}" ${where}`
}

export interface Fault {
  /** HTTP status to answer (403, 429, 500, …). */
  readonly status: number
  readonly message?: string
  /** 429: the Retry-After header (seconds). */
  readonly retryAfterSeconds?: number
  /** Leave the request unanswered until the replay closes (a timeout test). */
  readonly hang?: boolean
}

export type PathPattern = string | RegExp

interface Rule {
  readonly pattern: RegExp
  readonly fault: Fault
  /** null: permanent. */
  remaining: number | null
}

/** `*` matches within one path segment, `**` across segments; the whole path must match. */
export const patternOf = (pattern: PathPattern): RegExp => {
  if (pattern instanceof RegExp) return pattern
  const body = pattern
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*")
  return new RegExp(`^${body}$`)
}

export interface FaultRules {
  readonly add: (pattern: PathPattern, fault: Fault, count: number | null) => void
  /** The fault for this path, if any (a counted rule is consumed). */
  readonly take: (path: string) => Fault | undefined
  readonly clear: () => void
}

export const makeFaultRules = (): FaultRules => {
  let rules: Array<Rule> = []
  return {
    add: (pattern, fault, count) => {
      rules.push({ pattern: patternOf(pattern), fault, remaining: count })
    },
    take: (path) => {
      const rule = rules.find((r) => r.pattern.test(path) && (r.remaining === null || r.remaining > 0))
      if (rule === undefined) return undefined
      if (rule.remaining !== null) rule.remaining--
      rules = rules.filter((r) => r.remaining === null || r.remaining > 0)
      return rule.fault
    },
    clear: () => {
      rules = []
    },
  }
}
