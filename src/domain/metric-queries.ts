/**
 * The prometheus agent's questions, one PromQL template per kind of signal (error rate, p99
 * latency, memory saturation, restarts), filled from the alert's facts. Templates come from
 * config; a placeholder (`{service}`, `{namespace}`, `{workload}`, `{pod}`, `{container}`,
 * `{cluster}`) may appear only inside a double-quoted PromQL string, and its value is escaped
 * for that string — so text from an alert can never change the query's structure (no PromQL
 * injection). The `_re` form (`{workload_re}`) is also regex-quoted, for `=~` matchers.
 */
import { Either } from "effect"
import type { AlertFacts } from "./alert-facts.js"

export const metricQueryKinds = ["error_rate", "latency_p99", "saturation", "restarts"] as const
export type MetricQueryKind = (typeof metricQueryKinds)[number]

export const defaultMetricQueries: Readonly<Record<MetricQueryKind, string>> = {
  // The status label is `code` (Prometheus client libraries), else `status` or `status_code`;
  // Spring Boot's Micrometer names the service `application` and its metric http_server_requests;
  // scraped by Kubernetes service discovery, its series carry `service` instead (relabelled from
  // the Service), and with the Prometheus 1.x client the counter is `…_total`; where a status is
  // absent Micrometer's `outcome` (SERVER_ERROR) says 5xx. After the other services' own names:
  // `or` keeps the first alternative with data at each step.
  // ingress-nginx counts per Ingress (usually named after its Service) and backend Service, over
  // 10m: its controllers are often scraped less often than the services behind them.
  error_rate:
    'sum(rate(http_requests_total{service="{service}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="{service}",code!=""}[5m])) or sum(rate(http_requests_total{service="{service}",status=~"5.."}[5m])) / sum(rate(http_requests_total{service="{service}",status!=""}[5m])) or sum(rate(http_requests_total{service="{service}",status_code=~"5.."}[5m])) / sum(rate(http_requests_total{service="{service}",status_code!=""}[5m])) or sum(rate(http_server_requests_seconds_count{application="{service}",status=~"5.."}[5m])) / sum(rate(http_server_requests_seconds_count{application="{service}"}[5m])) or sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",service="{service}",status=~"5.."}[5m])) / sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",service="{service}",status!=""}[5m])) or sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",application="{service}",outcome="SERVER_ERROR"}[5m])) / sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",application="{service}",outcome!=""}[5m])) or sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",service="{service}",outcome="SERVER_ERROR"}[5m])) / sum(rate({__name__=~"http_server_requests_seconds_count|http_server_requests_total",service="{service}",outcome!=""}[5m])) or sum(rate(nginx_ingress_controller_requests{ingress="{service}",status=~"5.."}[10m])) / sum(rate(nginx_ingress_controller_requests{ingress="{service}"}[10m])) or sum(rate(nginx_ingress_controller_requests{service="{service}",status=~"5.."}[10m])) / sum(rate(nginx_ingress_controller_requests{service="{service}"}[10m]))',
  // A histogram's p99; for a service that exports a summary instead, its 0.99 quantile; else a
  // recording rule of the `level:metric:operation` convention (`service:…:p99`), worst series.
  latency_p99:
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="{service}"}[5m]))) or max(http_request_duration_seconds{service="{service}",quantile="0.99"}) or max({__name__=~"[a-zA-Z_]+:http_(server_)?requests?_duration_seconds:(p99|99quantile|quantile_?99)",service="{service}"}) or histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{application="{service}"}[5m]))) or max(http_server_requests_seconds{application="{service}",quantile="0.99"})',
  saturation:
    'max(sum by (pod) (container_memory_working_set_bytes{namespace="{namespace}",pod=~"{workload_re}-.*",container!="",container!="POD"}) / sum by (pod) (kube_pod_container_resource_limits{namespace="{namespace}",pod=~"{workload_re}-.*",resource="memory"}))',
  restarts:
    'sum(increase(kube_pod_container_status_restarts_total{namespace="{namespace}",pod=~"{workload_re}-.*"}[10m]))',
}

/** Below this level nothing is an anomaly, however it compares (1 % errors, 250 ms, 80 % of the limit, 3 restarts). */
export const defaultMetricFloors: Readonly<Record<MetricQueryKind, number>> = {
  error_rate: 0.01,
  latency_p99: 0.25,
  saturation: 0.8,
  restarts: 3,
}

export const placeholderNames = ["service", "namespace", "workload", "pod", "container", "cluster"] as const
export type PlaceholderName = (typeof placeholderNames)[number]

const placeholderPattern = /\{(service|namespace|workload|pod|container|cluster)(_re)?\}/g

/** The values placeholders take for this alert (null: the alert does not say). */
export const placeholderValues = (facts: AlertFacts): Readonly<Record<PlaceholderName, string | null>> => ({
  service: facts.service ?? facts.workload,
  namespace: facts.namespace,
  workload: facts.workload ?? facts.service,
  pod: facts.pod,
  container: facts.container,
  cluster: facts.cluster,
})

/** A value inside a PromQL double-quoted string: backslash, quote and control characters escaped. */
export const escapeLabelValue = (value: string): string =>
  [...value]
    .map((c) => {
      if (c === "\\") return "\\\\"
      if (c === '"') return '\\"'
      if (c === "\n") return "\\n"
      if (c === "\r") return "\\r"
      if (c === "\t") return "\\t"
      const code = c.charCodeAt(0)
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c
    })
    .join("")

/** RE2 metacharacters quoted, so the value matches only itself inside `=~`. */
export const quoteRegex = (value: string): string => value.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&")

/** Offsets of placeholders written outside a double-quoted string (a template error). */
const unquotedPlaceholders = (template: string): ReadonlyArray<string> => {
  const bad: Array<string> = []
  let inString = false
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (inString && c === "\\") {
      i++
      continue
    }
    if (c === '"') {
      inString = !inString
      continue
    }
    if (!inString && c === "{") {
      const m = /^\{(service|namespace|workload|pod|container|cluster)(_re)?\}/.exec(template.slice(i))
      if (m !== null) bad.push(m[0])
    }
  }
  return bad
}

/** Why a template cannot be used as written (config validation), or null. */
export const templateProblem = (template: string): string | null => {
  const bad = unquotedPlaceholders(template)
  return bad.length === 0
    ? null
    : `placeholder ${bad.join(", ")} must be inside a double-quoted label value (e.g. service="{service}")`
}

export type FillFailure =
  | { readonly _tag: "Missing"; readonly names: ReadonlyArray<PlaceholderName> }
  | { readonly _tag: "Invalid"; readonly problem: string }

/** The template with every placeholder replaced by its escaped value; which facts are missing otherwise. */
export const fillTemplate = (
  template: string,
  values: Readonly<Record<PlaceholderName, string | null>>,
): Either.Either<string, FillFailure> => {
  const problem = templateProblem(template)
  if (problem !== null) return Either.left({ _tag: "Invalid", problem })
  const missing = new Set<PlaceholderName>()
  const filled = template.replace(
    placeholderPattern,
    (whole, name: PlaceholderName, re: string | undefined) => {
      const value = values[name]
      if (value === null || value === "") {
        missing.add(name)
        return whole
      }
      return escapeLabelValue(re === undefined ? value : quoteRegex(value))
    },
  )
  return missing.size > 0 ? Either.left({ _tag: "Missing", names: [...missing] }) : Either.right(filled)
}
