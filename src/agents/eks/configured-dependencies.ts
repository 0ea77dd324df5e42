/**
 * Where a workload is configured to connect: the hosts its containers' env values name
 * (`REDIS_URL=redis://catalog-cache-redis-master.catalog.svc:6379/0`,
 * `KAFKA_BROKERS=b-1.orders.kafka.eu-west-1.amazonaws.com:9092,…`). A service whose own pods
 * look healthy often fails because of what it stands on — a session cache at maxmemory, a
 * database at max_connections — and nothing in its logs names that resource; its configuration
 * does. The eks agent states these hosts as an info finding about the workload, so cause
 * inference can tie a saturated resource to the service that uses it (causes-scope.ts).
 * Only the host is read: a URL's user, password, path and query never leave this file. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import type { Container } from "../../domain/kubernetes.js"
import { type AnalysisContext, eksFinding, observedNow, type ScopedWorkload } from "./eks-finding.js"
import { resourceOf } from "./workloads.js"

export interface ConfiguredHost {
  readonly host: string
  readonly variable: string
  /** The port it names, else its scheme's well-known port (redis → 6379); null when neither. */
  readonly port: number | null
}

/** Variable names that hold an address (`*_URL`, `DB_HOST`, `KAFKA_BROKERS`, `OTEL_EXPORTER_OTLP_ENDPOINT`). */
const addressVariable =
  /(?:^|_)(?:URLS?|URIS?|HOSTS?|HOSTNAME|ADDR|ADDRESS|ENDPOINTS?|DSN|BROKERS?|SERVERS?|BOOTSTRAP|UPSTREAM)(?:_|$)/i

/** `scheme://[user[:password]@]host[:port]…`: the host. */
const urlHost =
  /^([a-z][a-z0-9+.-]{1,20}):\/\/(?:[^@/\s]*@)?([a-z0-9](?:[a-z0-9.-]{0,252}[a-z0-9])?)(?::(\d{1,5}))?(?:[/?#]|$)/i
/** A bare `host[:port]` with at least one dot (a DNS name or an address), nothing else. */
const bareHost = /^()([a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63}){1,10})(?::(\d{1,5}))?$/i

/** The port a scheme means when its URL names none. */
const schemePorts: Readonly<Record<string, number>> = {
  redis: 6379,
  rediss: 6379,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  mariadb: 3306,
  sqlserver: 1433,
  mongodb: 27017,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  http: 80,
  https: 443,
}

// Where an app sends its own telemetry or looks itself up is not what it depends on to serve.
const notDependencies =
  /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0)$|(?:^|\.)(?:otel|otlp|jaeger|zipkin|datadog|statsd|sentry)[a-z0-9-]*\.|sentry\.io$|datadoghq\./i

const jdbcPrefix = /^jdbc:/i

const hostsIn = (value: string): ReadonlyArray<{ readonly host: string; readonly port: number | null }> =>
  value
    .split(/[,;\s]+/)
    .filter((part) => part !== "")
    // A JDBC URL wraps the driver's own (`jdbc:postgresql://orders-db:5432/orders`): read that.
    .map((part) => part.replace(jdbcPrefix, ""))
    .flatMap((part) => {
      const m = urlHost.exec(part) ?? bareHost.exec(part)
      const host = m?.[2]
      if (m === null || host === undefined || notDependencies.test(host)) return []
      const port = m[3] === undefined ? (schemePorts[(m[1] ?? "").toLowerCase()] ?? null) : Number(m[3])
      return [{ host: host.toLowerCase(), port }]
    })

/** The hosts `containers` are configured to reach, in env order, each once. */
export const configuredHosts = (containers: ReadonlyArray<Container>): ReadonlyArray<ConfiguredHost> => {
  const seen = new Set<string>()
  const out: Array<ConfiguredHost> = []
  for (const c of containers)
    for (const e of c.env) {
      const value = e.value
      if (typeof value !== "string" || value.length > 2_000) continue
      // A value with a scheme is an address whatever its variable is called.
      if (!addressVariable.test(e.name) && !/^(?:jdbc:)?[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) continue
      for (const { host, port } of hostsIn(value)) {
        if (seen.has(host)) continue
        seen.add(host)
        out.push({ host, variable: e.name, port })
      }
    }
  return out
}

const maxHosts = 6

/** The containers a workload runs, as its Deployment's template and a pod of it declare them. */
export const containersOf = (w: ScopedWorkload): ReadonlyArray<Container> => [
  ...(w.deployment?.spec.template.spec?.containers ?? []),
  ...(w.pods[0]?.spec.containers ?? []),
]

/** An info finding naming where `w` connects, or null when its env names nowhere. */
export const configuredDependenciesFinding = (w: ScopedWorkload, ctx: AnalysisContext): Finding | null => {
  if (!w.inScope) return null
  const hosts = configuredHosts(containersOf(w)).slice(0, maxHosts)
  if (hosts.length === 0) return null
  const list = hosts.map((h) => `${h.host} (${h.variable})`).join(", ")
  return eksFinding({
    kind: "configured_dependencies",
    severity: "info",
    title: `${w.name} is configured to reach ${list}`,
    detail:
      `The hosts ${w.kind} ${w.namespace}/${w.name}'s containers name in their environment: ${list}. ` +
      "Not a failure: what the workload stands on, so a saturated or failing one of them can explain its symptoms.",
    observedAt: observedNow(ctx),
    resource: resourceOf(w),
    service: w.name,
  })
}
