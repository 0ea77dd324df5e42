/**
 * The service an AWS alarm is about when it has no `service` label. CloudWatch alarms relayed by
 * AWS Chatbot, SNS e-mail or raw SNS JSON name the resource instead: a console link to an ECS
 * service, a Lambda function or an RDS instance; a dimension (`ServiceName`, `FunctionName`,
 * `DBInstanceIdentifier`, `ApiName`, `TargetGroup: targetgroup/orders-api-tg/…`,
 * `LoadBalancer: app/orders-api-alb/…`); and the alarm's own name (`orders-api-alb-5xx`). They
 * are read in that order, most explicit first. Load balancer and target group names and alarm
 * names lose their metric, threshold, environment and resource-kind words (`-tg`, `-alb`,
 * `-5xx`, `prod-`, `ecs-`), and what is left must still be a specific name: a generic word
 * (`api`, `main`, `public`, `redis`) or a generated one (`k8s-default-ordersap-1a2b3c4d5e`)
 * never becomes a service. Pure; every pattern is bounded.
 */
import type { LabelPair } from "./alert-facts-labels.js"
import { asLooseName, isMonitoringTarget, looksLikeCluster, looksLikeNode } from "./alert-facts-names.js"

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/))

/** Words that name a metric, a statistic, a threshold or a state: never part of a service name. */
const metricWords = words(`
  5xx 4xx 3xx 5xxs 4xxs 500 502 503 504 500s 502s 503s 504s 5xxerror 4xxerror http https httpcode code codes
  error errors err errs errorrate errorcount rate rates ratio ratios percent pct percentage count counts sum
  latency latencies p50 p75 p90 p95 p99 p999 tm99 avg average max maximum min minimum mean median
  high higher low lower critical crit warning warn info sev1 sev2 sev3 p1 p2 p3 alarm alarms alert alerts monitor
  cpu cpuutilization cpuutilisation cpucreditbalance mem memory memoryutilization memoryutilisation
  utilization utilisation util usage used free freeable storage space disk diskspace swap iops throughput
  read write reads writes readlatency writelatency connection connections conn conns dbconnections
  databaseconnections throttle throttles throttled throttling duration durations timeout timeouts timedout
  invocations invocation concurrency concurrent executions iterator iteratorage age dlq depth backlog lag
  replicalag message messages visible oldest approximate availability available health healthy unhealthy
  unhealthyhost unhealthyhosts unhealthyhostcount healthyhostcount host hosts healthcheck statuscheck
  statuscheckfailed status check checks failed failure failures fail failing down up slow response
  responsetime targetresponsetime time spike spikes burst balance burstbalance credit credits anomaly
  anomalous breach breached threshold above below over under gt gte lt lte exceeded exceeds exceeding too
  many not empty nonempty notempty nonzero zero full heartbeat missing nodata insufficient data request
  requests req reqs target targets elb alb nlb lb tg targetgroup loadbalancer blue green canary restart restarts
  restarting oom oomkilled crash crashes crashing crashloop evicted evictions pending almost nearly filling
  filesystem fs inode inodes saturation saturated
`)

const environmentWords = words(
  "prod production prd live staging stage stg dev develop development test testing qa uat sandbox preprod perf",
)

/** AWS service and resource-kind words that prefix resource names (`ecs-cart`, `rds-orders-db`). */
const kindPrefixes = words(
  "aws awsec2 awsecs awsrds cw cloudwatch ecs eks ec2 lambda fn func rds aurora apigw apigateway sqs sns " +
    "dynamodb ddb elasticache kinesis asg alb elb nlb tg",
)

/** Names too generic to be a service on their own (every token of a rejected remainder is one of these). */
const genericWords = words(`
  api apis app apps application web www site website service services svc server servers backend backends
  frontend frontends main default public private internal external shared common core platform global
  gateway apigateway ingress egress edge proxy lb cluster node nodes host instance instances db database
  databases cache queue queues topic worker workers job jobs task tasks container containers pod pods group
  system systems primary secondary replica reader writer master cron batch all any new old v1 v2 v3
  mysql postgres postgresql redis memcached kafka rabbitmq mongodb mongo elasticsearch opensearch nginx
  haproxy envoy istio coredns etcd dns vpc nat natgateway s3 cloudfront sqs sns dynamodb lambda ecs eks ec2
  rds aurora kinesis elasticache asg alb elb nlb cpu memory disk
  us eu ap sa ca me af east west north south central northeast southeast northwest southwest
`)

const regionCode =
  /(?:^|[-_.])(?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d(?=$|[-_.])/gi
const numberWithUnit = /^\d+(?:\.\d+)?(?:ms|s|sec|secs|m|min|mins|h|hr|pct|p|x|k|mb|gb)?$/
// Generated names: hashes, instance ids, the AWS Load Balancer Controller's `k8s-<ns>-<name>-<hash>`.
const generatedToken = /^(?=[a-z]{0,19}\d)[0-9a-f]{8,20}$/
const instanceId = /(?:^|[-_.])i-[0-9a-f]{8,17}(?:$|[-_.])/i
const controllerGenerated = /^(?:k8s|awseb)-/i

interface Token {
  readonly lower: string
  readonly start: number
  readonly end: number
}

const tokensOf = (name: string): ReadonlyArray<Token> =>
  [...name.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }))

const strippable = (t: Token): boolean =>
  metricWords.has(t.lower) || environmentWords.has(t.lower) || numberWithUnit.test(t.lower)

const isSpecific = (name: string, tokens: ReadonlyArray<Token>): boolean =>
  name.length >= 3 &&
  /[A-Za-z]/.test(name) &&
  asLooseName(name) !== null &&
  !tokens.every((t) => genericWords.has(t.lower) || environmentWords.has(t.lower) || /^\d+$/.test(t.lower)) &&
  // A lone metric word left after stripping (`latency-prod` → `latency`) is no name either.
  !tokens.every((t) => strippable(t) || genericWords.has(t.lower)) &&
  !tokens.some((t) => generatedToken.test(t.lower)) &&
  !instanceId.test(name) &&
  !isMonitoringTarget(name) &&
  !looksLikeCluster(name) &&
  !looksLikeNode(name)

/**
 * A resource or alarm name without its metric, threshold, environment and kind words, keeping
 * the rest exactly as written (`ecs-cart-CPUUtilization-high` → `cart`,
 * `prod-orders-api-alb-5xx` → `orders-api`). Null when nothing specific is left, and — with
 * `mustStrip` — when nothing was stripped (a bare alarm name says nothing about a service).
 */
export const resourceBase = (name: string, mustStrip = false): string | null => {
  const raw = name.trim()
  if (raw.length === 0 || raw.length > 255 || !/^[\w.-]+$/.test(raw) || controllerGenerated.test(raw))
    return null
  // Region codes become zeros (stripped like numbers) so their words never read as names.
  const unregioned = raw.replace(regionCode, (m) => m.replace(/[^-_.]/g, "0"))
  const tokens = tokensOf(unregioned)
  let first = 0
  let last = tokens.length - 1
  const stripsAt = (i: number, leading: boolean): boolean => {
    const t = tokens[i]
    if (t === undefined) return false
    // Metric words end names; environments and resource kinds may also start them.
    return leading
      ? environmentWords.has(t.lower) || kindPrefixes.has(t.lower) || /^0+$/.test(t.lower)
      : strippable(t) || /^0+$/.test(t.lower)
  }
  while (last > first && stripsAt(last, false)) last--
  while (first < last && stripsAt(first, true)) first++
  // A region or environment may sit before the metric words: strip once more from the end.
  while (last > first && stripsAt(last, false)) last--
  const kept = tokens.slice(first, last + 1)
  const head = kept[0]
  const tail = kept[kept.length - 1]
  if (head === undefined || tail === undefined) return null
  if (mustStrip && first === 0 && last === tokens.length - 1) return null
  const base = raw.slice(head.start, tail.end)
  return isSpecific(base, kept) ? base : null
}

// Console links: ECS (v2 and classic), Lambda, RDS.
const linkPatterns: ReadonlyArray<RegExp> = [
  /\/ecs\/(?:v2\/)?(?:home[^#\s]{0,200}#\/)?clusters\/[^/?#\s]{1,255}\/services\/([^/?#\s|>]{1,255})/,
  /\/lambda\/home[^#\s]{0,200}#\/functions\/([^/?#\s|>]{1,140})/,
  /\/rds\/home[^#\s]{0,200}#database:id=([^;&/?#\s|>]{1,63})/,
]

const decoded = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The ECS service, Lambda function or RDS instance an AWS console link opens. */
export const serviceInConsoleLinks = (links: ReadonlyArray<string>): string | null => {
  for (const pattern of linkPatterns) {
    for (const link of links) {
      const name = pattern.exec(link)?.[1]
      if (name === undefined) continue
      const v = asLooseName(decoded(name))
      if (v !== null && isSpecific(v, tokensOf(v))) return v
    }
  }
  return null
}

/** Dimensions naming the resource itself, as written: the most specific first. */
const exactDimensions = [
  "servicename",
  "functionname",
  "dbinstanceidentifier",
  "dbclusteridentifier",
  "apiname",
]

// `targetgroup/<name>/<hash>`, `app/<name>/<hash>`, `net/<name>/<hash>` (the ARN suffixes CloudWatch uses).
const targetGroupValue = /^(?:arn:[^\s]{0,200}:)?targetgroup\/([\w-]{1,32})(?:\/[0-9a-f]{1,32})?$/i
const loadBalancerValue =
  /^(?:arn:[^\s]{0,200}:loadbalancer\/)?(?:app|net|gwy)\/([\w-]{1,32})(?:\/[0-9a-f]{1,32})?$/i
const bareLoadBalancer = /^([\w-]{1,32})$/

// Raw SNS JSON writes dimensions as `{"value":"x","name":"FunctionName"}` (either order).
const jsonDimension =
  /\{[ \t]*"(name|value)"[ \t]*:[ \t]*"([^"\n]{1,256})"[ \t]*,[ \t]*"(name|value)"[ \t]*:[ \t]*"([^"\n]{1,256})"[ \t]*\}/g

export interface Dimension {
  readonly key: string
  readonly value: string
}

const normalize = (key: string): string => key.toLowerCase().replace(/[\s_.\-/]/g, "")

/** The alarm's dimensions: label pairs and raw JSON `{name, value}` objects, in text order. */
export const dimensionsOf = (text: string, pairs: ReadonlyArray<LabelPair>): ReadonlyArray<Dimension> => {
  const fromJson = [...text.matchAll(jsonDimension)].flatMap((m) => {
    const [, k1, v1 = "", k2, v2 = ""] = m
    if (k1 === k2) return []
    return k1 === "name" ? [{ key: normalize(v1), value: v2 }] : [{ key: normalize(v2), value: v1 }]
  })
  return [...pairs.map((p) => ({ key: p.key, value: p.value.trim().split(/\s/)[0] ?? "" })), ...fromJson]
}

const fromDimension = (d: Dimension): string | null => {
  const value = d.value.replace(/^["'`[]+|["'`\],;.]+$/g, "")
  if (exactDimensions.includes(d.key)) {
    const v = asLooseName(value)
    return v !== null && isSpecific(v, tokensOf(v)) ? v : null
  }
  if (d.key === "targetgroup") {
    const name = targetGroupValue.exec(value)?.[1]
    return name === undefined ? null : resourceBase(name)
  }
  if (d.key === "loadbalancer" || d.key === "loadbalancername") {
    const name = loadBalancerValue.exec(value)?.[1] ?? bareLoadBalancer.exec(value)?.[1]
    return name === undefined ? null : resourceBase(name)
  }
  return null
}

const dimensionOrder = [...exactDimensions, "targetgroup", "loadbalancer", "loadbalancername"]

/** The service the alarm's dimensions name (see the module header for the order). */
export const serviceInDimensions = (dimensions: ReadonlyArray<Dimension>): string | null => {
  for (const key of dimensionOrder) {
    for (const d of dimensions) {
      if (d.key !== key) continue
      const name = fromDimension(d)
      if (name !== null) return name
    }
  }
  return null
}

/** The service an alarm's name carries before its metric words (`orders-api-alb-5xx` → `orders-api`). */
export const serviceInAlarmName = (alarmName: string | null): string | null =>
  alarmName === null ? null : resourceBase(alarmName, true)
