/**
 * Log clusters → `log_signature` findings, rated by DESIGN §3 and ordered by scope (§4): an
 * ERROR/FATAL/5xx signature of the alerting service is high, a WARN one low; a dependency the
 * service's own errors blame ("upstream: carrier-rates") is in scope too, rated the same and
 * listed next; a signature of another service that names the alerting one ("upstream
 * payments-api unavailable") is a consequence seen by a caller — low, after those — and one
 * unrelated to the alert is info, last. The alerting service's own edge (the ingress in front of
 * it, the proxy serving its certificate) is the service itself, not a caller. At most `max` findings; the caller says "+N more". Pure.
 */
import { DateTime } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import { alertResourceKind, usesAlertingResource } from "../../domain/aws-resource-user.js"
import { isClientCertificateRefused } from "../../domain/client-certificate.js"
import { failsToResolve, resolutionFailsClusterWide } from "../../domain/cluster-dns-relation.js"
import { isCredentialFailureLine } from "../../domain/credential-failure-lines.js"
import type { Finding } from "../../domain/finding.js"
import { lambdaExceptionOf } from "../../domain/integration-exceptions.js"
import { isHostGroupOf, kernelOomKillOf } from "../../domain/kernel-oom-kill.js"
import type { LogCluster } from "../../domain/log-clusters.js"
import { isApiGatewayAlert, isExecutionLogGroup } from "../../domain/log-group-discovery.js"
import { isConsumerKin, isKin } from "../../domain/log-group-kin.js"
import { compareLevel } from "../../domain/log-level.js"
import { firstLine } from "../../domain/log-signature.js"
import { redact } from "../../domain/redact.js"
import { isReplicaLagLine } from "../../domain/replica-lag-lines.js"
import { inScope, relatedTo, scopeOf } from "../../domain/report-scope.js"
import { clipText } from "../../domain/report-text.js"
import { namesReportRoute } from "../../domain/route-words.js"
import { compareSeverity, type Severity } from "../../domain/severity.js"
import { tokenRejection } from "../../domain/token-rejection.js"
import { apiServiceDependedOn, controlPlaneNamesAlert, metricsApisRead } from "./control-plane-relation.js"

export const maxSignatureFindings = 10

export type Relation = "in_scope" | "dependency" | "related" | "unrelated"

export interface SignatureContext {
  readonly facts: AlertFacts
  /** The console link for a cluster's lines. */
  readonly link: (cluster: LogCluster) => string | null
  /** The query hit its row limit: counts are lower bounds. */
  readonly truncated: boolean
  /** Services the alerting service's own errors blame (lower-case). */
  readonly dependencies?: ReadonlySet<string>
  /** Services named with the alerting resource's words, found as its consumer or owner (lower-case). */
  readonly kin?: ReadonlySet<string>
  /** Metrics APIs (`metrics.k8s.io`) the alert's own control-plane lines fail to read (control-plane-relation.ts). */
  readonly metricsApis?: ReadonlySet<string>
  readonly max?: number
}

export interface SignatureFindings {
  readonly findings: ReadonlyArray<Finding>
  /** Signatures left out by the cap. */
  readonly omitted: number
}

const relationRank: Record<Relation, number> = { in_scope: 0, dependency: 1, related: 2, unrelated: 3 }

/** A kernel OOM kill logged in a node (host/dataplane) group of the alert's own cluster. */
const clusterOomKill = (c: LogCluster, facts: AlertFacts): boolean =>
  kernelOomKillOf(c.example.message) !== null && c.groups.some((g) => isHostGroupOf(g, facts.cluster))

const severityOf = (relation: Relation, c: LogCluster, facts: AlertFacts): Severity => {
  // The kernel OOM-killing a process on a node of the alert's own cluster: its host group names
  // no pod, yet this is the node's side of a workload's OOM kills (kernel-oom-kill.ts).
  // Repeated kills in the window are a workload dying over and over at its limit, not one spike.
  if (relation === "unrelated" && clusterOomKill(c, facts)) return c.count >= 2 ? "high" : "medium"
  const failing = c.level === "fatal" || c.level === "error" || c.serverError
  // A refused credential logged as a warning ("cycle finished, 214 failed (invalid_client)") is
  // every call failing, not chatter: a worker that retries on schedule logs its failures as WARN.
  // So is a read replica's lag beyond its limit (every read it serves is stale, nothing errors),
  // and a 401 citing a token's claim (every caller with such a token refused, token-rejection.ts).
  if (relation === "in_scope" || relation === "dependency")
    return failing
      ? "high"
      : c.level === "warn"
        ? isCredentialFailureLine(c.example.message) ||
          isReplicaLagLine(c.example.message) ||
          tokenRejection(c.example.message) !== null
          ? "medium"
          : "low"
        : "info"
  // Its own client certificate refused by the peer it calls (client-certificate.ts) is the logging
  // service's own failure, whatever the alert: low, so cause inference can follow the alerting
  // service's configured dependency to it (it still cites it only when the subject's evidence names it).
  if ((failing || c.level === "warn") && isClientCertificateRefused(c.example.message)) return "low"
  if (relation === "related") return failing ? "low" : "info"
  return "info"
}

const clock = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)}Z`

const list = (xs: ReadonlyArray<string>, max = 3): string =>
  xs.length <= max ? xs.join(", ") : `${xs.slice(0, max).join(", ")} and ${xs.length - max} more`

const where = (c: LogCluster): string =>
  c.pods.length > 0
    ? `${c.pods.length === 1 ? "pod" : `${c.pods.length} pods`} ${list(c.pods)}`
    : `${c.streams.length === 1 ? "stream" : `${c.streams.length} streams`} ${list(c.streams)}`

const scopeNames = (facts: AlertFacts): ReadonlyArray<string> => [...scopeOf(facts).names]

const relationText = (relation: Relation, c: LogCluster, ctx: SignatureContext, subject: string): string => {
  const facts = ctx.facts
  const names = scopeNames(facts)
  const alerting = names[0] ?? "the alerting service"
  if (relation === "related") {
    const named = names.find((n) => c.example.message.toLowerCase().includes(n)) ?? alerting
    return ` ${subject} is not the alerting service: it reports ${named} failing — a consequence seen by a caller, not the cause.`
  }
  const api = relation === "dependency" ? apiServiceDependedOn(ctx.metricsApis ?? new Set(), c) : null
  if (api !== null)
    return ` The ${api} APIService is what ${alerting}'s autoscaler reads its metrics through, and the control plane reports it failing for ${alerting}: it is in scope as what ${alerting} depends on.`
  if (relation === "dependency") {
    return ` ${subject} is a dependency the alerting service's own errors blame, so it is in scope.`
  }
  if (relation === "unrelated" && clusterOomKill(c, facts))
    return ` The kernel of a node in ${facts.cluster ?? "the alert's cluster"} OOM-killed a process at its memory limit: the node's side of a workload's OOM kills, which its line cannot name.`
  if (relation === "unrelated")
    return ` Not about ${names.length > 0 ? list(names) : "the alert's scope"}: context only.`
  return c.dependency === null
    ? ""
    : ` It names its dependency ${c.dependency}, which is in scope as what ${subject} depends on.`
}

const levelWord = (c: LogCluster): string =>
  c.serverError && c.level !== "fatal" ? "HTTP 5xx" : c.level.toUpperCase()

/**
 * API Gateway's execution logs are named by the API's id (`API-Gateway-Execution-Logs_k3x9q2v7md/prod`),
 * never its name: for an alert about an API Gateway API they are that API's own lines (the
 * integration's "Execution failed due to configuration error: General SSLEngine problem").
 */
const apiOf = (ctx: SignatureContext, c: LogCluster): string | null =>
  c.service === null && c.groups.some(isExecutionLogGroup) && isApiGatewayAlert(ctx.facts)
    ? (ctx.facts.service ?? null)
    : null

/**
 * Whether a signature finding rests on one line exactly: `draft` ends its title with the line
 * count, "(×1)" (a row-limited count is "(×1+)", a lower bound). Read here, beside the title it
 * reads, so the two cannot drift apart.
 */
export const loggedOnce = (f: Finding): boolean => f.kind === "log_signature" && f.title.endsWith(" (×1)")

const draft = (c: LogCluster, ctx: SignatureContext, relation: Relation): Finding => {
  const api = relation === "in_scope" ? apiOf(ctx, c) : null
  const subject = api ?? c.service ?? controlPlaneSubject(ctx, c, relation) ?? c.groups[0] ?? "logs"
  // The edge reporting the alerting service's certificate: the signature concerns that service.
  const certificate = relation === "in_scope" && c.service !== null ? certificateOf(ctx, c) : null
  const edge = relation === "in_scope" && certificate === null ? edgeOf(ctx, c) : null
  const fronted = certificate ?? edge
  const concerns = fronted !== null && !c.service?.toLowerCase().includes(fronted) ? fronted : null
  const group = c.groups[0] ?? ""
  const count = `${c.count}${ctx.truncated ? "+" : ""}`
  const lines = `${count} ${levelWord(c)} line${c.count === 1 ? "" : "s"}`
  const span =
    c.firstMs === c.lastMs ? `at ${clock(c.firstMs)}` : `from ${clock(c.firstMs)} to ${clock(c.lastMs)}`
  const limited = ctx.truncated ? " (the query reached its row limit, so counts are lower bounds)" : ""
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: `${subject}: ${firstLine(redact(c.example.message), 110)} (×${count})`,
    detail:
      `${lines} in ${list(c.groups, 2)} from ${where(c)}, ${span}${limited}. ` +
      `Signature: ${clipText(redact(c.signature), 160)}.${relationText(relation, c, ctx, subject)}` +
      (concerns === null
        ? ""
        : certificate !== null
          ? ` ${subject} serves ${concerns}'s certificate: this is ${concerns}'s own edge failing, not a caller.`
          : ` ${subject} is the ingress in front of ${concerns}: these are ${concerns}'s own answers at its front door, not a caller's.`),
    severity: severityOf(relation, c, ctx.facts),
    kind: "log_signature",
    observedAt: DateTime.unsafeMake(c.firstMs),
    resource: `loggroup/${group}`,
    service:
      concerns ?? api ?? invokedOf(ctx, c, relation) ?? c.service ?? controlPlaneSubject(ctx, c, relation),
    link: ctx.link(c),
    excerpt: clipText(redact(c.example.message), 500),
  }
}

/** A control-plane line about the alert's workload concerns that workload (its stream names no service). */
const controlPlaneSubject = (ctx: SignatureContext, c: LogCluster, relation: Relation): string | null =>
  relation === "in_scope" && controlPlaneNamesAlert(ctx.facts, c) ? alertingNamedIn(ctx, c) : null

/**
 * A caller's Invoke of the alerting Lambda that Lambda throttled: the function's own throttles,
 * seen by its caller (its own log group never shows them), so the signature concerns it.
 */
const invokedOf = (ctx: SignatureContext, c: LogCluster, relation: Relation): string | null =>
  relation === "in_scope" &&
  alertResourceKind(ctx.facts) === "lambda" &&
  usesAlertingResource(ctx.facts, c.example.message)
    ? (ctx.facts.service?.toLowerCase() ?? null)
    : null

/**
 * A certificate or TLS failure: when the line names the alerting service, the component
 * reporting it (an ingress controller, a proxy, cert-manager) is the alerting service's own
 * edge — its certificate, its host — not a caller seeing it fail.
 */
const certificateFailure =
  /\b(?:certificate|x509|tls|ssl|acme|cert-manager)\b|CERT_HAS_EXPIRED|ERR_CERT_|handshake fail/i

/** The alerting service whose certificate the line reports failing, if it does (see above). */
/** The alerting service's name a line mentions, if any. */
const alertingNamedIn = (ctx: SignatureContext, c: LogCluster): string | null => {
  const message = c.example.message.toLowerCase()
  return scopeNames(ctx.facts).find((n) => message.includes(n)) ?? null
}

const certificateOf = (ctx: SignatureContext, c: LogCluster): string | null =>
  certificateFailure.test(c.example.message) ? alertingNamedIn(ctx, c) : null

/**
 * An ingress controller or edge proxy's lines that name the alerting service (ingress-nginx's
 * `[<namespace>-<service>-<port>]` upstream, Envoy's cluster, Traefik's router): its 5xx answers
 * for that service are the service's own failures at its front door (a 503 with no upstream
 * time is "no endpoints"), not a caller's — so they are in scope and concern that service.
 */
const edgeProxy = /(?:^|-)(?:ingress|nginx|traefik|envoy|haproxy|kong|contour|caddy)(?:-|$)/i

const edgeOf = (ctx: SignatureContext, c: LogCluster): string | null =>
  c.service !== null && edgeProxy.test(c.service) ? alertingNamedIn(ctx, c) : null

const relationOf = (ctx: SignatureContext, c: LogCluster): Relation => {
  const scope = scopeOf(ctx.facts)
  const f = { ...draft(c, ctx, "in_scope"), detail: "" }
  if (inScope(scope, f)) return "in_scope"
  if (apiOf(ctx, c) !== null) return "in_scope"
  // The control plane failing to scale, place or serve the alert's own `<namespace>/<name>`.
  if (controlPlaneNamesAlert(ctx.facts, c)) return "in_scope"
  // A namespace-only alert: the pods of that namespace are its scope.
  if (scope.names.size === 0 && scope.namespace !== null && c.namespaces.includes(scope.namespace))
    return "in_scope"
  if (c.service !== null && ctx.kin?.has(c.service.toLowerCase()) === true) return "in_scope"
  // A queue's or topic's consumer named with its words (`fulfillment-order-events-consumer` for
  // `order-events`), however its group was found.
  const service = c.service?.toLowerCase() ?? null
  if (service !== null && scopeNames(ctx.facts).some((n) => isKin(service, n) || isConsumerKin(service, n)))
    return "in_scope"
  // An alert named for its namespace and the service's word (`playback-license`) about the
  // workload `license-api` in that namespace: the namespace is the other shared word.
  const ns = scope.namespace
  if (
    service !== null &&
    ns !== null &&
    c.namespaces.some((n) => n.toLowerCase() === ns) &&
    scopeNames(ctx.facts).some((n) => isKin(`${ns}-${service}`, n))
  )
    return "in_scope"
  // An alarm on an AWS resource: the workload whose call on it AWS refused is its user (aws-resource-user.ts).
  if (c.service !== null && usesAlertingResource(ctx.facts, c.example.message)) return "in_scope"
  // A person's "login is slow": the service whose own lines serve `/v1/login` is the subject.
  if (c.service !== null && namesReportRoute(ctx.facts, c.example.message)) return "in_scope"
  if (c.service !== null && ctx.dependencies?.has(c.service.toLowerCase()) === true) return "dependency"
  if (apiServiceDependedOn(ctx.metricsApis ?? new Set(), c) !== null) return "dependency"
  if (!relatedTo(scope, f)) return "unrelated"
  return certificateOf(ctx, c) === null && edgeOf(ctx, c) === null ? "related" : "in_scope"
}

/** The clusters about the alerting service itself (whose blamed dependencies are worth a look). */
export const inScopeClusters = (
  clusters: ReadonlyArray<LogCluster>,
  facts: AlertFacts,
): ReadonlyArray<LogCluster> =>
  clusters.filter((c) => relationOf({ facts, link: () => null, truncated: false }, c) === "in_scope")

const namesException = (c: LogCluster): number => (lambdaExceptionOf(c.example.message) === null ? 0 : 1)

/** The findings for `clusters`, best first, capped (see the module header). */
export const signatureFindings = (
  clusters: ReadonlyArray<LogCluster>,
  ctx: SignatureContext,
): SignatureFindings => {
  // Read first: which metrics APIs the alert's own control-plane lines depend on.
  const full = { ...ctx, metricsApis: ctx.metricsApis ?? metricsApisRead(ctx.facts, clusters) }
  // Name resolution failing across the cluster (cluster-dns-relation.ts): each caller's failing
  // DNS lines, and the cluster DNS's own errors, are the alert's evidence whatever service logs
  // them, so at least medium.
  const dnsWide = resolutionFailsClusterWide(
    ctx.facts,
    clusters.map((c) => ({ service: c.service, message: c.example.message })),
  )
  const rated = clusters.map((c) => {
    const relation = relationOf(full, c)
    const finding = draft(c, full, relation)
    const dnsEvidence =
      dnsWide &&
      c.level !== "info" &&
      failsToResolve(c.example.message) &&
      compareSeverity(finding.severity, "medium") < 0
    return { c, relation, finding: dnsEvidence ? { ...finding, severity: "medium" as const } : finding }
  })
  rated.sort(
    (a, b) =>
      relationRank[a.relation] - relationRank[b.relation] ||
      compareSeverity(b.finding.severity, a.finding.severity) ||
      compareLevel(b.c.level, a.c.level) ||
      b.c.count - a.c.count ||
      // As often as its outcome ("batch aborted, 0 entries written"), the exception that caused it
      // (`UnicodeEncodeError: 'ascii' codec…`) says why, so it leads.
      namesException(b.c) - namesException(a.c) ||
      a.c.firstMs - b.c.firstMs ||
      (a.finding.title < b.finding.title ? -1 : a.finding.title > b.finding.title ? 1 : 0),
  )
  const max = ctx.max ?? maxSignatureFindings
  return { findings: rated.slice(0, max).map((r) => r.finding), omitted: Math.max(0, rated.length - max) }
}
