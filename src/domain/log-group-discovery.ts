/**
 * Which CloudWatch log groups relate to an alert — planned from AlertFacts, never from guessed
 * names (the original's W10/W14): the log groups the alert names come first, then searches
 * derived from what it states (service and workload names, its cluster's Container Insights
 * and control-plane groups, the Lambda/ECS/RDS/API Gateway conventions, the configured
 * prefixes). Only groups those searches actually find are ever queried; this module plans the
 * searches and ranks what came back. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { searchable, searchNames } from "./log-group-names.js"
import { serviceOfGroup } from "./log-origin.js"

export interface LogGroupSearch {
  readonly by: "prefix" | "pattern"
  readonly value: string
  /** Why this search was made (for the summary and traces). */
  readonly why: string
}

export interface DiscoveryPlan {
  /** Log groups the alert names, exactly as written (checked for existence, never searched around). */
  readonly explicit: ReadonlyArray<string>
  readonly searches: ReadonlyArray<LogGroupSearch>
  /** Service/workload names the searches came from (lower-case). */
  readonly names: ReadonlyArray<string>
  readonly cluster: string | null
  readonly prefixes: ReadonlyArray<string>
  /** The alert is about Kubernetes (a pod, workload or namespace), so Container Insights ranks high. */
  readonly kubernetes: boolean
}

export const maxSearches = 16

const unique = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

const mentions = (facts: AlertFacts, pattern: RegExp): boolean =>
  [facts.alertName ?? "", ...facts.keywords].some((k) => pattern.test(k))

/** The searches for an alert; `alertText` adds the names its links and AWS dimensions state. */
export const discoveryPlan = (
  facts: AlertFacts,
  configPrefixes: ReadonlyArray<string>,
  alertText = "",
): DiscoveryPlan => {
  const names = searchNames(facts, alertText)
  const cluster = facts.cluster !== null && searchable.test(facts.cluster) ? facts.cluster : null
  const database = mentions(facts, /\b(?:rds|aurora|postgres(?:ql)?|mysql|database|db)\b|connection/i)
  const apiGateway = mentions(facts, /api[-_ ]?gateway/i)
  const searches: Array<LogGroupSearch> = []
  for (const name of names) {
    searches.push({ by: "pattern", value: name, why: `log groups named after ${name}` })
    searches.push({ by: "prefix", value: `/aws/lambda/${name}`, why: `the Lambda function ${name}` })
    searches.push({ by: "prefix", value: `/ecs/${name}`, why: `the ECS service ${name}` })
  }
  if (cluster !== null) {
    searches.push({
      by: "prefix",
      value: `/aws/containerinsights/${cluster}/application`,
      why: `Container Insights application logs of ${cluster}`,
    })
    searches.push({ by: "prefix", value: `/aws/eks/${cluster}/`, why: `the EKS control plane of ${cluster}` })
  }
  if (database) {
    for (const name of names) {
      searches.push({ by: "prefix", value: `/aws/rds/instance/${name}/`, why: `the RDS instance ${name}` })
      searches.push({ by: "prefix", value: `/aws/rds/cluster/${name}/`, why: `the RDS cluster ${name}` })
    }
  }
  if (apiGateway) {
    searches.push({ by: "prefix", value: "API-Gateway-Execution-Logs_", why: "API Gateway execution logs" })
  }
  const prefixes = unique(configPrefixes.filter((p) => p.trim() !== ""))
  for (const prefix of prefixes) searches.push({ by: "prefix", value: prefix, why: "a configured prefix" })
  const seen = new Set<string>()
  const deduped = searches.filter((s) => {
    const key = `${s.by}:${s.value}`
    if (seen.has(key) || !searchable.test(s.value)) return false
    seen.add(key)
    return true
  })
  return {
    explicit: unique(facts.logGroups),
    searches: deduped.slice(0, maxSearches),
    names,
    cluster,
    prefixes,
    kubernetes: facts.pod !== null || facts.workload !== null || facts.namespace !== null,
  }
}

/** Searches for the log groups of dependencies the alerting service's own errors blame. */
export const dependencyPlan = (names: ReadonlyArray<string>): DiscoveryPlan => ({
  explicit: [],
  searches: names.flatMap(
    (name): ReadonlyArray<LogGroupSearch> => [
      { by: "pattern", value: name, why: `log groups of the dependency ${name}` },
      { by: "prefix", value: `/aws/lambda/${name}`, why: `the Lambda function ${name}` },
      { by: "prefix", value: `/ecs/${name}`, why: `the ECS service ${name}` },
    ],
  ),
  names,
  cluster: null,
  prefixes: [],
  kubernetes: false,
})

export interface RankedLogGroup {
  readonly name: string
  readonly score: number
  /** Why it ranks where it does ("named in the alert", "Container Insights of eks-prod"). */
  readonly reason: string
  /** The service the whole group is about, when its name says so. */
  readonly service: string | null
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A name as a whole path segment, or a segment's dash/underscore-separated leading part. */
const namesSegment = (group: string, name: string): boolean =>
  new RegExp(`(?:^|/)${escapeRegExp(name)}(?:$|[/_.-])`, "i").test(group)

const scoreOf = (plan: DiscoveryPlan, group: string): Omit<RankedLogGroup, "name"> | null => {
  const g = group.toLowerCase()
  if (plan.explicit.includes(group))
    return { score: 1000, reason: "named in the alert", service: serviceOfGroup(group) }
  if (/^\/aws\/containerinsights\/[^/]+\/performance$/.test(g)) return null
  const conventional = serviceOfGroup(group)
  const byConvention = plan.names.find((n) => conventional !== null && conventional.toLowerCase() === n)
  if (byConvention !== undefined)
    return { score: 500, reason: `the log group of ${byConvention}`, service: conventional }
  if (plan.cluster !== null) {
    const c = plan.cluster.toLowerCase()
    if (g === `/aws/containerinsights/${c}/application`) {
      const score = plan.kubernetes ? 400 : 300
      return { score, reason: `Container Insights application logs of ${plan.cluster}`, service: null }
    }
  }
  const segment = plan.names.find((n) => namesSegment(group, n))
  if (segment !== undefined) return { score: 300, reason: `named after ${segment}`, service: segment }
  const substring = plan.names.find((n) => g.includes(n))
  if (substring !== undefined) return { score: 200, reason: `mentions ${substring}`, service: null }
  if (plan.prefixes.some((p) => group.startsWith(p)))
    return { score: 150, reason: "a configured prefix", service: null }
  if (plan.cluster !== null && g.startsWith(`/aws/eks/${plan.cluster.toLowerCase()}/`)) {
    return { score: 100, reason: `the EKS control plane of ${plan.cluster}`, service: null }
  }
  if (plan.cluster !== null && g.startsWith(`/aws/containerinsights/${plan.cluster.toLowerCase()}/`)) {
    return { score: 50, reason: `Container Insights of ${plan.cluster}`, service: null }
  }
  if (g.startsWith("api-gateway-execution-logs_"))
    return { score: 50, reason: "API Gateway execution logs", service: null }
  return null
}

/** The found groups that relate to the alert, best first (score, then name); unrelated ones dropped. */
export const rankLogGroups = (
  plan: DiscoveryPlan,
  found: ReadonlyArray<string>,
): ReadonlyArray<RankedLogGroup> =>
  unique(found)
    .flatMap((name) => {
      const s = scoreOf(plan, name)
      return s === null ? [] : [{ name, ...s }]
    })
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
