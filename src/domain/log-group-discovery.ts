/**
 * Which CloudWatch log groups relate to an alert — planned from AlertFacts, never from guessed
 * names (the original's W10/W14): the log groups the alert names come first, then searches
 * derived from what it states (service and workload names, its cluster's Container Insights
 * and control-plane groups, the Lambda/ECS/RDS/API Gateway conventions, the configured
 * prefixes). Only groups those searches actually find are ever queried; this module plans the
 * searches and ranks what came back. Pure.
 *
 * The cluster is the alert's, else the configured one (`sources.kubernetes.cluster_name`). When
 * neither names a cluster that has log groups here (alerts often carry no cluster label, or a
 * label that is not the EKS name), the clusters are found instead: one bounded prefix search of
 * `/aws/containerinsights/` and `/aws/eks/` lists them, and the application groups of at most
 * `maxFoundClusters` (those whose names share words with the alert first, then by name) rank as
 * *shared* groups — ones many services write to, which the agent queries only for lines about
 * the alert's names, so the cluster whose logs mention the service is the one that shows.
 */
import type { AlertFacts } from "./alert-facts.js"
import { searchable, searchNames } from "./log-group-names.js"
import { serviceOfGroup } from "./log-origin.js"
import { reportedErrorPhrase } from "./reported-error.js"

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
  /** Where `cluster` came from: the alert, or the configuration (the alert names none). */
  readonly clusterFrom: "alert" | "config" | null
  /** The alert's namespace (lower-case), to narrow shared groups by when it names no service. */
  readonly namespace: string | null
  /** Search for the clusters' groups, for when `cluster` is unknown or has no log group here. */
  readonly findClusters: boolean
  /** Words of the alert (lower-case) a found cluster's name is preferred for sharing. */
  readonly clusterHints: ReadonlyArray<string>
  /** The alert is about Kubernetes (a pod, workload or namespace), so Container Insights ranks high. */
  readonly kubernetes: boolean
  /**
   * The error a person's report quotes when it names no service or namespace (reported-error.ts):
   * the clusters' shared application logs are read for the lines holding it.
   */
  readonly phrase?: string | null
  /**
   * A person's report that names nothing and quotes no error: the shared application logs are
   * read for the lines of a refused or expired certificate only.
   */
  readonly certificates?: boolean
}

export const maxSearches = 16
/** Clusters found by search whose application groups are queried at most. */
export const maxFoundClusters = 3

/** The prefixes that list every cluster's Container Insights and EKS log groups. */
export const clusterSearchPrefixes: ReadonlyArray<string> = ["/aws/containerinsights/", "/aws/eks/"]

const unique = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

const mentions = (facts: AlertFacts, pattern: RegExp): boolean =>
  [facts.alertName ?? "", ...facts.keywords].some((k) => pattern.test(k))

/** An alert about an API Gateway API (its name, `aws.apigateway.*`, "API Gateway" in its words). */
export const isApiGatewayAlert = (facts: AlertFacts): boolean => mentions(facts, /api[-_ ]?gateway/i)

/** API Gateway names its execution logs by the API's id, never its name: `API-Gateway-Execution-Logs_<id>/<stage>`. */
const executionLogsPrefix = "API-Gateway-Execution-Logs_"
export const isExecutionLogGroup = (group: string): boolean =>
  group.toLowerCase().startsWith(executionLogsPrefix.toLowerCase())

// An API's name is its product, then "api" and the stage: what is left names its functions.
const stageSuffix = /[-_](?:prod|production|prd|live|staging|stage|stg|dev|test|qa|uat|v\d+)$/i
const apiSuffix = /[-_](?:api|apis|gw|gateway|http|rest|public|external|internal)$/i

/** The stem an API's functions share ("labels-api-prod" → "labels"), or none when the name is all stem. */
export const apiStem = (name: string): ReadonlyArray<string> => {
  let stem = name.trim().toLowerCase()
  for (let i = 0; i < 3; i++) stem = stem.replace(stageSuffix, "").replace(apiSuffix, "")
  return stem !== name.trim().toLowerCase() && /^[a-z0-9][a-z0-9_-]{2,}$/.test(stem) ? [stem] : []
}

/** Words of a cluster name or alert keyword, without the ones every cluster name has. */
const clusterWords = (s: string): ReadonlyArray<string> =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !/^(?:eks|k8s|kube|kubernetes|cluster|aws)$/.test(w))

const usableCluster = (c: string | null | undefined): string | null =>
  c === null || c === undefined || !searchable.test(c.trim()) || c.includes("/") ? null : c.trim()

/**
 * The searches for an alert; `alertText` adds the names its links and AWS dimensions state;
 * `configuredCluster` (`sources.kubernetes.cluster_name`) stands in when the alert names no cluster.
 */
export const discoveryPlan = (
  facts: AlertFacts,
  configPrefixes: ReadonlyArray<string>,
  alertText = "",
  configuredCluster: string | null = null,
): DiscoveryPlan => {
  const names = searchNames(facts, alertText)
  const alerted = usableCluster(facts.cluster)
  const configured = alerted === null ? usableCluster(configuredCluster) : null
  const cluster = alerted ?? configured
  const namespace = facts.namespace === null ? null : facts.namespace.trim().toLowerCase() || null
  const phrase =
    names.length === 0 && namespace === null && facts.source === "human"
      ? reportedErrorPhrase(alertText)
      : null
  // A person's report naming nothing and quoting no error: the clusters' shared logs are still read,
  // for the lines of a refused or expired certificate (certificate-failure-lines.ts).
  const certificates = names.length === 0 && namespace === null && facts.source === "human" && phrase === null
  const findClusters = names.length > 0 || namespace !== null || phrase !== null || certificates
  const finders: ReadonlyArray<LogGroupSearch> = findClusters
    ? clusterSearchPrefixes.map((value) => ({
        by: "prefix" as const,
        value,
        why:
          cluster === null
            ? "the clusters' log groups (the alert names no cluster)"
            : `the clusters' log groups, in case ${cluster} has none here`,
      }))
    : []
  const database = mentions(facts, /\b(?:rds|aurora|postgres(?:ql)?|mysql|database|db)\b|connection/i)
  const apiGateway = isApiGatewayAlert(facts)
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
  // Without a cluster, finding one is the way to the Kubernetes logs; with one, only a fallback.
  if (cluster === null) searches.push(...finders)
  if (database) {
    for (const name of names) {
      searches.push({ by: "prefix", value: `/aws/rds/instance/${name}/`, why: `the RDS instance ${name}` })
      searches.push({ by: "prefix", value: `/aws/rds/cluster/${name}/`, why: `the RDS cluster ${name}` })
    }
  }
  if (apiGateway) {
    searches.push({ by: "prefix", value: executionLogsPrefix, why: "API Gateway execution logs" })
    // The functions an API integrates are named after what it serves, not after the API
    // ("labels-api-prod" → "labels-create-shipment"): their common stem finds them.
    for (const stem of unique(names.flatMap(apiStem))) {
      searches.push({
        by: "prefix",
        value: `/aws/lambda/${stem}`,
        why: `the Lambda functions of the ${stem} API`,
      })
    }
  }
  const prefixes = unique(configPrefixes.filter((p) => p.trim() !== ""))
  for (const prefix of prefixes) searches.push({ by: "prefix", value: prefix, why: "a configured prefix" })
  if (cluster !== null) searches.push(...finders)
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
    clusterFrom: alerted !== null ? "alert" : configured !== null ? "config" : null,
    namespace,
    findClusters,
    phrase,
    certificates,
    clusterHints: unique(
      [cluster ?? "", namespace ?? "", ...names, ...facts.keywords].flatMap(clusterWords),
    ).slice(0, 64),
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
  clusterFrom: null,
  namespace: null,
  findClusters: false,
  clusterHints: [],
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
  /**
   * Many services write to it and the alert did not lead to it by name (a found cluster's
   * application logs): query it only for lines about the alert's names.
   */
  readonly shared: boolean
  /** Found only as named with the alert's words (log-group-kin.ts): its service is in scope. */
  readonly kin?: boolean
}

export interface FoundClusters {
  /** Clusters found by search whose groups rank (shared), best first. */
  readonly chosen: ReadonlyArray<string>
  /** Further clusters with application logs, left out by the bound. */
  readonly skipped: ReadonlyArray<string>
}

const noClusters: FoundClusters = { chosen: [], skipped: [] }

const ciApplication = /^\/aws\/containerinsights\/([^/]+)\/application$/
const eksGroup = /^\/aws\/eks\/([^/]+)\/(.+)$/

/** The cluster a group holds the application logs of: Container Insights', or a shipper's under `/aws/eks/<cluster>/`. */
const applicationCluster = (group: string): string | null => {
  const ci = ciApplication.exec(group)?.[1]
  if (ci !== undefined) return ci
  const eks = eksGroup.exec(group)
  return eks === null || eks[2] === "cluster" ? null : (eks[1] ?? null)
}

const clusterOfGroup = (group: string): string | null =>
  /^\/aws\/(?:containerinsights|eks)\/([^/]+)\//.exec(group)?.[1] ?? null

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The clusters found by the cluster searches whose application logs to query: none when the
 * plan's own cluster has log groups here; else at most `maxFoundClusters`, those sharing the
 * most words with the alert first, then by name.
 */
export const foundClusters = (plan: DiscoveryPlan, found: ReadonlyArray<string>): FoundClusters => {
  if (!plan.findClusters) return noClusters
  const own = plan.cluster?.toLowerCase()
  if (own !== undefined && found.some((g) => clusterOfGroup(g)?.toLowerCase() === own)) return noClusters
  const candidates = unique(found.flatMap((g) => applicationCluster(g) ?? []))
  const hints = new Set(plan.clusterHints)
  const overlap = (c: string) => clusterWords(c).filter((w) => hints.has(w)).length
  const ordered = [...candidates].sort((a, b) => overlap(b) - overlap(a) || compareText(a, b))
  return { chosen: ordered.slice(0, maxFoundClusters), skipped: ordered.slice(maxFoundClusters) }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A name as a whole path segment, or a segment's dash/underscore-separated leading part. */
const namesSegment = (group: string, name: string): boolean =>
  new RegExp(`(?:^|/)${escapeRegExp(name)}(?:$|[/_.-])`, "i").test(group)

type Score = Omit<RankedLogGroup, "name" | "shared">

/** A group of a cluster found by search (not named by the alert): shared, queried for the alert's names only. */
const foundClusterScore = (plan: DiscoveryPlan, group: string, chosen: ReadonlySet<string>): Score | null => {
  if (chosen.size === 0 || plan.names.some((n) => namesSegment(group, n))) return null
  const app = applicationCluster(group)
  if (app !== null && chosen.has(app.toLowerCase())) {
    const ci = ciApplication.test(group)
    return {
      score: (plan.kubernetes ? 350 : 250) - (ci ? 0 : 10),
      reason: ci
        ? `Container Insights application logs of ${app} (found by search)`
        : `logs of ${app} (found by search)`,
      service: null,
    }
  }
  const controlPlane = /^\/aws\/eks\/([^/]+)\/cluster$/.exec(group)?.[1]
  if (controlPlane !== undefined && chosen.has(controlPlane.toLowerCase()))
    return { score: 90, reason: `the EKS control plane of ${controlPlane} (found by search)`, service: null }
  return null
}

const scoreOf = (plan: DiscoveryPlan, group: string): Score | null => {
  const g = group.toLowerCase()
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
  if (isExecutionLogGroup(g)) return { score: 50, reason: "API Gateway execution logs", service: null }
  // Found only by an API Gateway alert's stem search (discoveryPlan): a function the API integrates.
  const stem = plan.names.flatMap(apiStem).find((st) => g.startsWith(`/aws/lambda/${st}`))
  if (stem !== undefined)
    return { score: 60, reason: `a Lambda function of the ${stem} API`, service: serviceOfGroup(group) }
  return null
}

/** The found groups that relate to the alert, best first (score, then name); unrelated ones dropped. */
export const rankLogGroups = (
  plan: DiscoveryPlan,
  found: ReadonlyArray<string>,
): ReadonlyArray<RankedLogGroup> => {
  const chosen = new Set(foundClusters(plan, found).chosen.map((c) => c.toLowerCase()))
  return unique(found)
    .flatMap((name): ReadonlyArray<RankedLogGroup> => {
      if (plan.explicit.includes(name))
        return [
          { name, score: 1000, reason: "named in the alert", service: serviceOfGroup(name), shared: false },
        ]
      const byCluster = foundClusterScore(plan, name, chosen)
      if (byCluster !== null) return [{ name, ...byCluster, shared: true }]
      const s = scoreOf(plan, name)
      return s === null ? [] : [{ name, ...s, shared: false }]
    })
    .sort((a, b) => b.score - a.score || compareText(a.name, b.name))
}
