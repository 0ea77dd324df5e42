/**
 * A network path closed by a change (network-path-change.ts): the services' connection timeouts
 * (their ECS, Lambda and Container Insights groups, whether or not the alert named them — a
 * person's report rarely names the service), CloudTrail's path-closing changes since an hour
 * before the range, and the VPC flow logs' REJECTs. Nothing is found without a timeout on a port
 * that a change covers or the flow logs rejected.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { logOrigin } from "../../domain/log-origin.js"
import { networkChangeWords } from "../../domain/network-change-kind.js"
import {
  type ClosedPath,
  closedPathsOf,
  connectTimeoutOf,
  flowRejectOf,
  type NetworkChange,
  networkChangeOf,
} from "../../domain/network-path-change.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { cloudTrailGroups, groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxAppGroups = 10
const changeLeadMs = 3_600_000

const timeoutQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)i\\/o timeout|ETIMEDOUT|timed out|timeout/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")
const changeQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /Revoke|NetworkAcl|Route|NatGateway|VpcEndpoint|ModifyDB|ModifySecurityGroupRules|Attribute/",
  "| sort @timestamp desc",
  "| limit 200",
].join("\n")
const rejectQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like / REJECT /",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

const appSearches = [{ prefix: "/ecs/" }, { prefix: "/aws/ecs/" }, { prefix: "/aws/lambda/" }]
const notApp = /cloudtrail|flow-?log|\/vpc\/|\/aws\/rds\/|apigateway|api-gateway|service-events/i

const describeChange = (c: NetworkChange): string => {
  const ports = c.ports.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ")
  const what = ports === "" ? "" : ` (tcp ${ports}${c.peers.length > 0 ? ` from ${c.peers.join(", ")}` : ""})`
  const via = c.via === null ? "" : ` via ${c.via}`
  return `${c.eventName} on ${c.target}${via}${what} at ${utcHhmm(c.atMs)} UTC${c.by === null ? "" : ` by ${c.by}`}`
}

// Routes and NAT gateways carry a subnet's outbound traffic: "outbound path", fixed in the route table.
const outbound = (c: NetworkChange | null): boolean => c?.kind === "route" || c?.kind === "nat_gateway"

const resourcePrefix: Record<NetworkChange["kind"], string> = {
  route: "routetable",
  nat_gateway: "natgateway",
  security_group: "securitygroup",
  network_acl: "networkacl",
  vpc_endpoint: "vpcendpoint",
  database: "database",
  interface: "networkinterface",
}

const resourceOf = (c: NetworkChange): string => `${resourcePrefix[c.kind]}/${c.target}`

const findingOf = (p: ClosedPath, link: string): Finding => {
  const who = p.services.map((s) => `${s.name} (×${s.lines})`).join(", ")
  const to = p.hosts.length > 0 ? `${p.hosts.slice(0, 2).join(", ")}:${p.port}` : `port ${p.port}`
  const because = p.change === null ? "" : `: ${describeChange(p.change)}`
  const rejects = p.rejects > 0 ? `; VPC flow logs REJECT ×${p.rejects} to port ${p.port}` : ""
  const top = p.services[0]?.name ?? "the service"
  const path = outbound(p.change) ? "outbound path" : "network path"
  const closedBy =
    p.change === null
      ? " (flow logs REJECT)"
      : ` by ${p.change.eventName} on ${p.change.target}${p.change.via === null ? "" : ` via ${p.change.via}`} (${networkChangeWords(p.change.kind)})`
  const fix = outbound(p.change)
    ? "the subnet's route to the internet (0.0.0.0/0) goes nowhere, so the fix is the route table, not the callee"
    : "the packets are dropped on the way (a security-group rule, a network ACL, a route), so the fix is restoring the rule, not the database or the service"
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(`${top}: ${path} to port ${p.port} closed${closedBy} — connections time out`),
    detail: redact(
      `Connections to ${to} time out from ${utcHhmm(p.firstTimeoutMs)} UTC: ${who}${because}${rejects}. A timeout, not a refusal: ${fix}.`,
    ),
    severity: p.change !== null || p.rejects > 0 ? "critical" : "high",
    kind: "network_path_closed",
    observedAt: DateTime.unsafeMake(p.firstTimeoutMs),
    resource: p.change === null ? null : resourceOf(p.change),
    service: top,
    link,
    excerpt: null,
  }
}

export const sweepNetworkPaths = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const listed = yield* groupNamesUnder(source, appSearches, 20, 3)
    const apps = [...new Set([...ranked.map((g) => g.name), ...listed])]
      .filter((g) => !notApp.test(g))
      .slice(0, maxAppGroups)
    if (apps.length === 0) return []
    const read = yield* runInsightsQuery(
      source,
      { logGroups: apps, ...range, query: timeoutQuery },
      answerByMs,
    )
    const timeouts = linesOf(read.rows, apps).flatMap((l) => {
      const t = connectTimeoutOf(l.message)
      const service = logOrigin(l.group, l.stream).service
      return t === null || service === null ? [] : [{ service, atMs: l.timestampMs, t }]
    })
    if (timeouts.length === 0) return []
    const trails = yield* cloudTrailGroups(source)
    const flows = [...new Set(yield* groupNamesUnder(source, [{ pattern: "flow" }], 10, 1))]
    const since = { startMs: range.startMs - changeLeadMs, endMs: range.endMs }
    const [changed, rejected] = yield* Effect.all(
      [
        trails.length === 0
          ? Effect.succeed([])
          : runInsightsQuery(source, { logGroups: trails, ...since, query: changeQuery }, answerByMs).pipe(
              Effect.map((o) => linesOf(o.rows, trails)),
            ),
        flows.length === 0
          ? Effect.succeed([])
          : runInsightsQuery(source, { logGroups: flows, ...since, query: rejectQuery }, answerByMs).pipe(
              Effect.map((o) => linesOf(o.rows, flows)),
            ),
      ],
      { concurrency: 2 },
    )
    const changes = changed.flatMap((l) => {
      const c = networkChangeOf(l.message, l.timestampMs)
      return c === null ? [] : [c]
    })
    const rejects = rejected.flatMap((l) => {
      const r = flowRejectOf(l.message)
      return r === null ? [] : [{ port: r.port, atMs: l.timestampMs }]
    })
    const link = source.consoleUrl({ logGroups: apps, query: timeoutQuery, ...range })
    return closedPathsOf(timeouts, changes, rejects).map((p) => findingOf(p, link))
  })
