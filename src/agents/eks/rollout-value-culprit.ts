/**
 * A rollout that changed a value the failing calls use. The pods are Ready, the image changed
 * too, and the errors say `getaddrinfo ENOTFOUND speech-scoring.ml-serving…`: the rollout moved
 * `SPEECH_SCORER_URL` from `http://speech-scorer…` to `http://speech-scoring…`. When a host (or a
 * whole value) that only the new revision's env or args hold appears in the workload's own error
 * lines, the rollout is the cause, not mere context: the finding names the variable and both
 * values. Secret-looking names and values are redacted (redact.ts); a value read from a Secret or
 * ConfigMap reference is not known here and is never matched. Pure.
 */
import type { Container } from "../../domain/kubernetes.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"
import { isSecretKey, redact } from "../../domain/redact.js"

export interface ValueCulprit {
  /** `SPEECH_SCORER_URL`, or `args` for a changed command-line argument. */
  readonly name: string
  readonly from: string
  readonly to: string
  /** The host or value the error lines name. */
  readonly term: string
}

/** The hosts a value names: URLs' hosts and bare `host.domain[:port]` words. */
const hostsOf = (value: string): ReadonlyArray<string> => [
  ...new Set(
    [
      ...value.matchAll(/(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+)/gi),
    ].flatMap((m) => (m[1] === undefined || /^\d+(?:\.\d+)*$/.test(m[1]) ? [] : [m[1].toLowerCase()])),
  ),
]

/**
 * A URL's host with its path (`entitlements-svc…:8080/v2`) and the path alone (`/v2`): a rollout
 * that moved only the path (`/v1` → `/v2`) keeps the host, and the failing calls name the new
 * path (`POST …/v2/grants` → 404). Empty when the URL has no path beyond `/`.
 */
const urlPathsOf = (value: string): ReadonlyArray<string> =>
  [...value.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^/\s?#]+)(\/[^\s?#]*[^\s?#/])/gi)].flatMap((m) =>
    m[1] === undefined || m[2] === undefined ? [] : [`${m[1]}${m[2]}`.toLowerCase(), m[2].toLowerCase()],
  )

/** What of a new value the errors could name: its hosts and URL paths, or the value itself when it has none. */
const termsOf = (value: string): ReadonlyArray<string> => {
  const hosts = hostsOf(value)
  return hosts.length > 0 ? [...hosts, ...urlPathsOf(value)] : value.length >= 6 ? [value.toLowerCase()] : []
}

/**
 * Whether the failing lines name `term`. A URL's path must end where a path segment ends (`/v2`
 * names `/v2/grants`, never `/v20`), and a path alone must start one (never `/api/v2`); a host
 * or a whole value is a substring.
 */
const named = (text: string, term: string): boolean => {
  if (!term.includes("/")) return text.includes(term)
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const start = term.startsWith("/") ? `(?:^|[\\s"'=(:,])` : ""
  return new RegExp(`${start}${escaped}(?:[/\\s"'?#),]|$)`, "m").test(text)
}

/** `name → value` of a container's literal env values and its args (joined), secrets left out. */
const valuesOf = (c: Container): ReadonlyMap<string, string> => {
  const literal = c.env.flatMap((e) =>
    typeof e.value === "string" && e.valueFrom === undefined && !isSecretKey(e.name)
      ? [[e.name, e.value] as const]
      : [],
  )
  const args = c.args ?? []
  return new Map([...literal, ...(args.length === 0 ? [] : [["args", args.join(" ")] as const])])
}

const shown = (v: string): string => {
  const r = redact(v)
  return r.length <= 80 ? r : `${r.slice(0, 79)}…`
}

/** Lines that report a failure: a host named in a healthy "connected to" line is no culprit. */
const failingLines = (text: string): string =>
  text
    .split("\n")
    .filter((l) =>
      // A call answered 404/5xx ("status 404", "→ 502") fails too, though it says no "error".
      /error|fail|enotfound|eai_again|refused|timed? ?out|exception|unreachable|no such host|unknown host|not found|\bstatus\W{1,3}[45]\d\d\b/i.test(
        l,
      ),
    )
    .join("\n")
    .toLowerCase()

/** The first changed value whose new host (absent from the old value) the error text names. */
export const valueCulprit = (
  before: PodTemplate,
  after: PodTemplate,
  /** The workload's own log text; only its failure lines are read. */
  errorText: string,
): ValueCulprit | null => {
  const text = failingLines(errorText)
  if (text === "") return null
  for (const next of [...after.spec.initContainers, ...after.spec.containers]) {
    const prev = [...before.spec.initContainers, ...before.spec.containers].find((c) => c.name === next.name)
    if (prev === undefined) continue
    const old = valuesOf(prev)
    for (const [name, to] of valuesOf(next)) {
      const from = old.get(name)
      if (from === undefined || from === to) continue
      const term = termsOf(to).find((t) => !from.toLowerCase().includes(t) && named(text, t))
      if (term !== undefined) return { name, from: shown(from), to: shown(to), term: shown(term) }
    }
  }
  return null
}
