/**
 * The names the logs agent may search log groups by, all read from the alert itself — never
 * guessed: the service/workload facts first, then what AWS alarms carry instead of a service
 * label (console links to an ECS service, a Lambda function or an RDS instance; dimensions such
 * as `ServiceName:`, `FunctionName:`, `DBInstanceIdentifier:`, `TargetGroup: targetgroup/<name>-tg/…`),
 * then the alarm's own name without its metric words (`orders-api-alb-5xx` → `orders-api`).
 * Pure and linear.
 */
import type { AlertFacts } from "./alert-facts.js"
import { workloadOfPod } from "./log-origin.js"

export const maxNames = 4

// What DescribeLogGroups accepts in a name pattern or prefix.
export const searchable = /^[\w./#-]{3,512}$/

const regionShaped = /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-[a-z]+-\d$/
const lower = (s: string | null | undefined): string | null =>
  s === null || s === undefined || s.trim() === "" ? null : s.trim().toLowerCase()

/** Metric and alarm words that end alarm and resource names but never name a service. */
const metricWords = new Set(
  (
    "alb elb nlb lb tg 5xx 4xx 5xxs 4xxs errors error err errs latency p50 p90 p95 p99 high low cpu mem memory " +
    "throttles throttled throttling duration count alarm alert critical warning warn dlq age depth availability " +
    "health healthy unhealthy down timeout timeouts slow saturation disk iops connections conns invocations " +
    "oldest age message messages visible approximate backlog depth delayed inflight"
  ).split(" "),
)
const environmentWords = new Set("prod production prd staging stage stg dev test qa uat".split(" "))

/** `orders-api-alb-5xx` → `orders-api`; `prod-orders-api-tg` → `orders-api`; null when nothing is left. */
export const baseName = (name: string): string | null => {
  const parts = name.toLowerCase().split(/[-_]/)
  while (parts.length > 1 && metricWords.has(parts[parts.length - 1] ?? "")) parts.pop()
  while (parts.length > 1 && environmentWords.has(parts[0] ?? "")) parts.shift()
  const base = parts.join("-")
  return base.length >= 3 && /[a-z]/.test(base) && !metricWords.has(base) ? base : null
}

const linkPatterns: ReadonlyArray<RegExp> = [
  /\/ecs\/(?:v2\/)?clusters\/[^/?#\s]{1,255}\/services\/([^/?#\s|>]{1,255})/,
  /\/lambda\/home[^#\s]{0,100}#\/functions\/([^/?#\s|>]{1,140})/,
  /[#?&]database:id=([^;&/?#\s|>]{1,63})/,
  /#synthetics:canary\/detail\/([^/?#\s|>]{1,255})/,
]

const dimensionPatterns: ReadonlyArray<RegExp> = [
  /\b(?:ServiceName|FunctionName|DBInstanceIdentifier|DBClusterIdentifier|QueueName|TopicName|StreamName|CanaryName)\s{0,3}[:=]\s{0,3}[`"']?([\w.-]{3,140})/g,
  /\bTargetGroup\s{0,3}[:=]\s{0,3}[`"']?targetgroup\/([\w-]{3,32})\//gi,
]

/** Names the alert's links and AWS dimensions state. */
const statedByAws = (text: string, links: ReadonlyArray<string>): ReadonlyArray<string> => {
  const fromLinks = links.flatMap((l) =>
    linkPatterns.flatMap((p) => {
      const name = p.exec(l)?.[1]
      return name === undefined ? [] : [decodeURIComponent(name)]
    }),
  )
  const fromDimensions = dimensionPatterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] ?? ""))
  return [...fromLinks, ...fromDimensions]
}

const usable = (n: string | null): n is string => n !== null && searchable.test(n) && !regionShaped.test(n)

/** Names to search log groups by, most specific first (see the module header). */
export const searchNames = (facts: AlertFacts, alertText: string): ReadonlyArray<string> => {
  const pod = lower(facts.pod)
  const stated = [lower(facts.service), lower(facts.workload), pod === null ? null : workloadOfPod(pod)]
  const aws = statedByAws(alertText, facts.links).flatMap((n) => {
    const l = n.toLowerCase()
    return [l, baseName(l)]
  })
  const alertName = lower(facts.alertName)
  // Only a name visibly `<resource>-<metric words>` (not a rule name like KubePodCrashLooping).
  const alarmBase = alertName === null || !/^[\w.-]+$/.test(alertName) ? null : baseName(alertName)
  const fromAlarm = alarmBase === alertName?.replace(/_/g, "-") ? null : alarmBase
  const names = [...new Set([...stated, ...aws, fromAlarm].filter(usable))]
  if (names.length > 0) return names.slice(0, maxNames)
  // Failing all of those, name-shaped keywords of the text (never the alert's own name).
  return facts.keywords
    .filter((k) => /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/.test(k) && k !== alertName && usable(k))
    .filter((k) => !/^(?:log-group|log_group|[a-z]+-\d+)$/.test(k))
    .slice(0, 2)
}

const genericDependencies = new Set(
  "the database database db postgres postgresql mysql mariadb aurora redis memcached mongodb kafka rabbitmq elasticsearch opensearch dynamodb rds localhost".split(
    " ",
  ),
)

/**
 * The name to search a blamed dependency's log groups by: a service name as written, or a
 * hostname's first label (`carrier-rates.partners.svc.cluster.local` → `carrier-rates`); null for
 * IPs and generic datastore words, which name no log group of their own.
 */
export const dependencySearchName = (dependency: string): string | null => {
  const d = dependency.trim().toLowerCase()
  if (genericDependencies.has(d) || /^[\d.:]+$/.test(d)) return null
  const name = d.includes(".") ? (d.split(".")[0] ?? "") : d
  return usable(name) && !genericDependencies.has(name) ? name : null
}
