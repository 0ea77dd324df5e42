/**
 * A rollout that moved where a dependency is, when the new pods cannot reach one. The errors
 * rarely name the new host ("FATAL cannot reach database (dial tcp 10.60.14.22:5432: i/o
 * timeout)" — an address, not `catalog-staging…`), so rollout-value-culprit.ts, which needs the
 * host in the failing lines, misses it. What ties them: the new revision points an endpoint
 * variable (`…_HOST`, `…_URL`, `…_ENDPOINT`, …) at another host than the old revision did — under
 * the same name, or renamed (`DB_HOST` → `DATABASE_HOST`, paired by the endpoint word) — and the
 * workload's failure lines say it cannot reach something. A rename that keeps the host is a
 * coordinated change (the new image reads the new name), not a move. Secret-looking names and
 * values are never read (redact.ts). Pure.
 */
import type { Container } from "../../domain/kubernetes.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"
import { isSecretKey, redact } from "../../domain/redact.js"
import type { ValueCulprit } from "./rollout-value-culprit.js"

/** The endpoint word a variable's name ends in: HOST, URL, ENDPOINT, … (null when none). */
const endpointWord = (name: string): string | null =>
  /(?:^|_)(HOST(?:NAME)?|URL|URI|ENDPOINT|ADDR(?:ESS)?|SERVER|DSN|BROKERS?|BOOTSTRAP_SERVERS)$/i
    .exec(name)?.[1]
    ?.toUpperCase() ?? null

/** What the variable is for: its name without the endpoint word (`DATABASE`, `REDIS`, `PAYMENTS_API`). */
const purposeOf = (name: string): string => name.replace(/_?[A-Z]+$/i, "").toLowerCase()

/** The hosts a value names (`catalog-prod.cluster-….rds.amazonaws.com`, `redis-main`), lower-cased. */
const hostsOf = (value: string): ReadonlySet<string> =>
  new Set(
    value
      .split(/[\s,;]+/)
      .flatMap(
        (part) =>
          /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]+@)?([a-z0-9][a-z0-9.-]*[a-z0-9])/i.exec(part)?.[1] ?? [],
      )
      .map((h) => h.toLowerCase()),
  )

/** A line saying the workload could not reach something, and what it names: "database", "10.0.0.7:5432". */
const unreachable =
  /cannot reach|can't reach|could not (?:reach|connect)|unable to (?:reach|connect)|failed to connect|connection (?:refused|timed out|reset)|i\/o timeout|no route to host|econnrefused|etimedout|ehostunreach|enotfound|no such host|unknown host|name or service not known/i
const dependencyWord =
  /\b(database|postgres(?:ql)?|mysql|mongo(?:db)?|redis|memcached|cache|kafka|broker|rabbitmq|queue|elasticsearch|opensearch|upstream|backend)\b/i
const address = /\b((?:\d{1,3}\.){3}\d{1,3}(?::\d+)?)\b/

/** The first failure line saying the workload cannot reach a dependency; null when none does. */
const reachFailure = (text: string): string | null =>
  text
    .split("\n")
    .find((l) => unreachable.test(l) && /error|fatal|fail|refused|timeout|exception/i.test(l)) ?? null

interface Endpoint {
  readonly name: string
  readonly value: string
}

/** A container's literal endpoint variables, secrets left out. */
const endpointsOf = (c: Container): ReadonlyArray<Endpoint> =>
  c.env.flatMap((e) =>
    typeof e.value === "string" &&
    e.valueFrom === undefined &&
    !isSecretKey(e.name) &&
    endpointWord(e.name) !== null &&
    hostsOf(e.value).size > 0
      ? [{ name: e.name, value: e.value }]
      : [],
  )

const shown = (v: string): string => {
  const r = redact(v)
  return r.length <= 80 ? r : `${r.slice(0, 79)}…`
}

/** Whether `next` points at a host `prev` did not name. */
const moved = (prev: Endpoint, next: Endpoint): boolean => {
  const old = hostsOf(prev.value)
  return [...hostsOf(next.value)].some((h) => !old.has(h))
}

/** The old endpoint a new one replaces: the same name, else a removed one with the same endpoint word. */
const replaced = (
  next: Endpoint,
  before: ReadonlyArray<Endpoint>,
  after: ReadonlyArray<Endpoint>,
): Endpoint | undefined =>
  before.find((p) => p.name === next.name) ??
  (before.some((p) => p.name === next.name)
    ? undefined
    : before.find(
        (p) => !after.some((a) => a.name === p.name) && endpointWord(p.name) === endpointWord(next.name),
      ))

/**
 * The endpoint the rollout moved, phrased like a value culprit ("DATABASE_HOST from
 * DB_HOST=catalog-prod… to catalog-staging…", term: what the failing line cannot reach), or null.
 */
export const movedDependency = (
  before: PodTemplate,
  after: PodTemplate,
  /** The workload's own log text; only a reach-failure line is read. */
  errorText: string,
): ValueCulprit | null => {
  const line = reachFailure(errorText)
  if (line === null) return null
  const word = dependencyWord.exec(line)?.[1]?.toLowerCase()
  const term = word ?? address.exec(line)?.[1] ?? "dependency"
  const all = (t: PodTemplate) => [...t.spec.initContainers, ...t.spec.containers]
  const moves = all(after).flatMap((next) => {
    const prev = all(before).find((c) => c.name === next.name)
    if (prev === undefined) return []
    const [was, now] = [endpointsOf(prev), endpointsOf(next)]
    return now.flatMap((e) => {
      const old = replaced(e, was, now)
      return old === undefined || !moved(old, e) ? [] : [{ old, now: e }]
    })
  })
  // Several moved: the one whose purpose the failing line names (DB_/DATABASE_ for "database").
  const aliases = (p: string) =>
    p === "" ? [] : p === "db" || p === "pg" ? ["database", "postgres", "db"] : [p]
  const named = moves.find(
    (m) =>
      word !== undefined && aliases(purposeOf(m.now.name)).some((a) => word.includes(a) || a.includes(word)),
  )
  const pick = named ?? moves[0]
  if (pick === undefined) return null
  const from = pick.old.name === pick.now.name ? pick.old.value : `${pick.old.name}=${pick.old.value}`
  return { name: pick.now.name, from: shown(from), to: shown(pick.now.value), term }
}
