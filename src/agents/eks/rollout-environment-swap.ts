/**
 * A rollout that repointed a setting at another environment: `OIDC_ISSUER` from
 * `https://id.example.com` to `https://id.staging.example.com`, `EXPORT_BUCKET` from
 * `s3://exports-prod` to `s3://exports-dev`. The new pods are healthy — they start, pass their
 * probes and a smoke test, and do what they are told — so nothing of theirs fails; what fails is a
 * caller that rejects what they now produce (tokens with a staging issuer, files in a dev bucket),
 * and its errors are often elsewhere (another agent's logs). rollout-value-culprit.ts and
 * rollout-moved-dependency.ts need the workload's own failing lines; this reads the change itself:
 * a literal value that gained a non-production marker (`staging`, `dev`, `test`, `qa`, …) its old
 * value did not have. Corroborated — another workload is still configured with the old host (the
 * caller that accepts only it), or a failure line names the new value — it is the cause; alone, a
 * lead worth a look. A host changed prod → prod, or a value without a location (a log level),
 * is no swap. Secret-looking names and values are never read (redact.ts). Pure.
 */
import type { Container } from "../../domain/kubernetes.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"
import { isSecretKey, redact } from "../../domain/redact.js"

export interface EnvironmentSwap {
  readonly name: string
  readonly from: string
  readonly to: string
  /** The non-production marker the new value carries: `staging`, `dev`, … */
  readonly environment: string
  /** The old value's location (host, bucket) — what a caller still configured for it names. */
  readonly oldHost: string
}

/** Words that name a non-production environment inside a host, bucket, queue or path. */
const nonProduction =
  /^(?:staging|stage|stg|dev|devel|develop|development|test|testing|qa|uat|sandbox|preprod|nonprod|integration)$/

/** The words of a value: `https://id.staging.example.com/x` → https, id, staging, example, com, x. */
const wordsOf = (value: string): ReadonlyArray<string> => value.toLowerCase().split(/[^a-z0-9]+/)

/** The non-production marker a value carries, or null. */
const markerOf = (value: string): string | null => wordsOf(value).find((w) => nonProduction.test(w)) ?? null

/**
 * Whether a value names a location: a URL, a dotted host, an ARN — or a name of an endpoint kind
 * (`…_BUCKET`, `…_QUEUE`) — not a level, a flag or a number.
 */
const locationName =
  /(?:^|_)(?:HOST(?:NAME)?|URL|URI|ENDPOINT|ISSUER|AUDIENCE|DOMAIN|BUCKET|QUEUE|TOPIC|STREAM|TABLE|ARN|ADDR(?:ESS)?|SERVER|DSN)$/i
const isLocation = (name: string, value: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
  /^arn:/i.test(value) ||
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/i.test(value) ||
  (locationName.test(name) && /^[\w.-]+$/.test(value))

/** A value's location: the URL's host (`id.example.com`), else the value itself. */
const hostOf = (value: string): string =>
  (/^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]+@)?([^/\s:?#]+)/i.exec(value.trim())?.[1] ?? value).toLowerCase()

const literalsOf = (c: Container): ReadonlyMap<string, string> =>
  new Map(
    c.env.flatMap((e) =>
      typeof e.value === "string" && e.valueFrom === undefined && !isSecretKey(e.name)
        ? [[e.name, e.value] as const]
        : [],
    ),
  )

const shown = (v: string): string => {
  const r = redact(v)
  return r.length <= 80 ? r : `${r.slice(0, 79)}…`
}

/** Every literal setting the rollout moved from an unmarked location to a non-production one. */
export const environmentSwaps = (before: PodTemplate, after: PodTemplate): ReadonlyArray<EnvironmentSwap> => {
  const all = (t: PodTemplate) => [...t.spec.initContainers, ...t.spec.containers]
  return all(after).flatMap((next) => {
    const prev = all(before).find((c) => c.name === next.name)
    if (prev === undefined) return []
    const old = literalsOf(prev)
    return [...literalsOf(next)].flatMap(([name, to]) => {
      const from = old.get(name)
      if (from === undefined || from === to || !isLocation(name, to) || !isLocation(name, from)) return []
      const environment = markerOf(to)
      // Already marked (staging → another staging host) is no move between environments.
      if (environment === null || markerOf(from) !== null) return []
      return [{ name, from: shown(from), to: shown(to), environment, oldHost: hostOf(from) }]
    })
  })
}

/** A template's literal values (env and args), lower-cased: what another workload is configured with. */
export const configuredValues = (t: PodTemplate): string =>
  [...t.spec.initContainers, ...t.spec.containers]
    .flatMap((c) => [...literalsOf(c).values(), ...(c.args ?? [])])
    .join("\n")
    .toLowerCase()

/** A line that refuses something: a rejection, a mismatch, a 401/403. */
const rejection =
  /\b(?:reject\w*|mismatch|invalid|not (?:in )?allowed|not trusted|untrusted|unauthori[sz]ed|forbidden|denied|status\W{1,3}40[13])\b/i

/** Whether a failure line of `text` names the swap's new value or host. */
export const rejectionNames = (text: string, swap: EnvironmentSwap): boolean => {
  const host = hostOf(swap.to)
  return text
    .toLowerCase()
    .split("\n")
    .some((l) => rejection.test(l) && (l.includes(host) || l.includes(swap.to.toLowerCase())))
}
