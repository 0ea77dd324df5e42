/**
 * A network path closed by a change: a service's connections time out (no answer at all, unlike a
 * refusal) to a host and port, and shortly before, CloudTrail recorded a change that closes paths
 * (a security-group rule revoked, a network ACL entry or route changed, a database moved to other
 * security groups) and/or the VPC flow logs REJECT packets to that port. A timeout is what a
 * dropped packet looks like to the client; the change is why the packet is dropped. A change long
 * before the timeouts, or REJECTs to another port, explain nothing.
 */
import { Either, Schema } from "effect"
import { type NetworkChangeKind, networkChangeKindOf } from "./network-change-kind.js"

/** Event names whose change can close a path (an Authorize alone opens one). */
const closingEvents =
  /^(RevokeSecurityGroupIngress|RevokeSecurityGroupEgress|ModifyNetworkAclEntry|ReplaceNetworkAclEntry|ReplaceNetworkAclAssociation|DeleteNetworkAclEntry|CreateNetworkAclEntry|DeleteRoute|ReplaceRoute|ModifyDBInstance|ModifyDBCluster|ModifySecurityGroupRules|ModifyInstanceAttribute|ModifyNetworkInterfaceAttribute|DeleteNatGateway|DeleteVpcEndpoints)$/

export interface NetworkChange {
  readonly eventName: string
  readonly kind: NetworkChangeKind
  /** Where a route now sends the traffic (nat-…, igw-…, tgw-…), when the change names it. */
  readonly via: string | null
  /** The security group, ACL, route table or database changed. */
  readonly target: string
  /** Ports the change covers; empty when it names none (a route, a whole ACL). */
  readonly ports: ReadonlyArray<readonly [number, number]>
  /** The peers the rule named (source groups with their descriptions, CIDRs). */
  readonly peers: ReadonlyArray<string>
  readonly by: string | null
  readonly atMs: number
}

const Peer = Schema.Struct({
  groupId: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  cidrIp: Schema.optional(Schema.String),
  cidrIpv6: Schema.optional(Schema.String),
})
const Items = <A, I>(item: Schema.Schema<A, I>) =>
  Schema.optional(Schema.Struct({ items: Schema.optional(Schema.Array(item)) }))
const Permission = Schema.Struct({
  fromPort: Schema.optional(Schema.Number),
  toPort: Schema.optional(Schema.Number),
  groups: Items(Peer),
  ipRanges: Items(Peer),
})
const Params = Schema.Struct({
  groupId: Schema.optional(Schema.String),
  networkAclId: Schema.optional(Schema.String),
  routeTableId: Schema.optional(Schema.String),
  natGatewayId: Schema.optional(Schema.String),
  gatewayId: Schema.optional(Schema.String),
  transitGatewayId: Schema.optional(Schema.String),
  DeleteNatGatewayRequest: Schema.optional(Schema.Struct({ NatGatewayId: Schema.optional(Schema.String) })),
  dBInstanceIdentifier: Schema.optional(Schema.String),
  dBClusterIdentifier: Schema.optional(Schema.String),
  portRange: Schema.optional(
    Schema.Struct({ from: Schema.optional(Schema.Number), to: Schema.optional(Schema.Number) }),
  ),
  ipPermissions: Items(Permission),
})
const Record = Schema.Struct({
  eventName: Schema.String,
  userIdentity: Schema.optional(Schema.Struct({ arn: Schema.optional(Schema.String) })),
  requestParameters: Schema.optional(Schema.NullOr(Params)),
  errorCode: Schema.optional(Schema.NullOr(Schema.String)),
})
const decode = Schema.decodeUnknownEither(Schema.parseJson(Record))

/** The path-closing change a CloudTrail record holds, if it holds one that succeeded. */
export const networkChangeOf = (message: string, atMs: number): NetworkChange | null => {
  const parsed = decode(message)
  if (Either.isLeft(parsed)) return null
  const r = parsed.right
  if (!closingEvents.test(r.eventName) || (r.errorCode ?? null) !== null) return null
  const p = r.requestParameters ?? {}
  // A deleted VPC endpoint's id sits in a shape CloudTrail varies ({tag, content}, lists): read it from the text.
  const endpoint =
    r.eventName === "DeleteVpcEndpoints" ? (/\bvpce-[0-9a-f]+/.exec(message)?.[0] ?? null) : null
  const target =
    p.groupId ??
    p.networkAclId ??
    p.routeTableId ??
    p.DeleteNatGatewayRequest?.NatGatewayId ??
    (r.eventName === "DeleteNatGateway" ? p.natGatewayId : undefined) ??
    p.dBInstanceIdentifier ??
    p.dBClusterIdentifier ??
    endpoint
  if (target === null) return null
  const permissions = p.ipPermissions?.items ?? []
  const ports = [
    ...permissions.flatMap(
      (x): ReadonlyArray<readonly [number, number]> =>
        x.fromPort === undefined ? [] : [[x.fromPort, x.toPort ?? x.fromPort]],
    ),
    ...(p.portRange?.from === undefined
      ? []
      : [[p.portRange.from, p.portRange.to ?? p.portRange.from] as const]),
  ]
  const peers = permissions.flatMap((x) => [
    ...(x.groups?.items ?? []).map((g) =>
      g.description === undefined ? (g.groupId ?? "") : `${g.groupId ?? ""} (${g.description})`,
    ),
    ...(x.ipRanges?.items ?? []).map((g) => g.cidrIp ?? g.cidrIpv6 ?? ""),
  ])
  const by = r.userIdentity?.arn?.replace(/^.*:assumed-role\//, "").replace(/^.*:(user|role)\//, "") ?? null
  const via =
    p.routeTableId === undefined ? null : (p.natGatewayId ?? p.gatewayId ?? p.transitGatewayId ?? null)
  return {
    eventName: r.eventName,
    kind: networkChangeKindOf(r.eventName),
    via,
    target,
    ports,
    peers: peers.filter((s) => s !== ""),
    by,
    atMs,
  }
}

export interface ConnectTimeout {
  readonly host: string | null
  readonly port: number | null
}

const timeoutWords =
  /i\/o timeout|ETIMEDOUT|connect(?:ion)? timed out|timed out connecting|connect timeout|connection timeout|could not connect[^\n]*timeout|timeout expired/i

/** A connection attempt that got no answer, and where to (the last `host:port` the line names). */
export const connectTimeoutOf = (message: string): ConnectTimeout | null => {
  if (!timeoutWords.test(message)) return null
  const targets = [
    ...message.matchAll(/\b((?:\d{1,3}\.){3}\d{1,3}|[a-z][a-z0-9.-]*\.[a-z]{2,})[:/](\d{2,5})\b/gi),
  ]
  const last = targets[targets.length - 1]
  const portWord = /\bport[= ]+(\d{2,5})\b/i.exec(message)?.[1]
  const port = last?.[2] ?? portWord
  return { host: last?.[1] ?? null, port: port === undefined ? null : Number(port) }
}

/** A VPC flow log record (default format) whose packets were rejected: its destination and port. */
export const flowRejectOf = (message: string): { readonly dst: string; readonly port: number } | null => {
  const f = message.trim().split(/\s+/)
  if (f.length < 14 || f[12] !== "REJECT") return null
  const port = Number(f[6])
  return f[4] === undefined || !Number.isInteger(port) ? null : { dst: f[4], port }
}

/** A change this long before the first timeout is no longer "the change before it". */
export const maxLeadMs = 2 * 3_600_000

export interface ClosedPath {
  readonly port: number
  readonly change: NetworkChange | null
  /** Services whose connections timed out on the port, most lines first. */
  readonly services: ReadonlyArray<{ readonly name: string; readonly lines: number }>
  readonly hosts: ReadonlyArray<string>
  readonly rejects: number
  readonly firstTimeoutMs: number
}

const words = (s: string): ReadonlyArray<string> =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 3 && w !== "prod" && w !== "service")

const covers = (c: NetworkChange, port: number): boolean =>
  c.ports.length === 0 || c.ports.some(([from, to]) => port >= from && port <= to)

/**
 * A route change beside NAT gateway deletions: a route moved onto a NAT gateway still there is the
 * table that was migrated (a repair), so the deletion — the tables left pointing at it blackholed —
 * explains the timeouts; a route moved onto a deleted one is the blackhole itself.
 */
const routeWeight = (c: NetworkChange, deleted: ReadonlySet<string>): number => {
  if (c.kind !== "route" || deleted.size === 0) return 0
  return c.via !== null && deleted.has(c.via) ? 1 : c.via?.startsWith("nat-") === true ? -1 : 0
}

/**
 * The paths closed: per port the services timed out on, the latest closing change covering it
 * made before the first timeout (within `maxLeadMs`), and the flow logs' REJECTs to it. A port
 * with neither a change nor a REJECT is no closed path (a slow server times out too).
 */
export const closedPathsOf = (
  timeouts: ReadonlyArray<{ readonly service: string; readonly atMs: number; readonly t: ConnectTimeout }>,
  changes: ReadonlyArray<NetworkChange>,
  rejects: ReadonlyArray<{ readonly port: number; readonly atMs: number }>,
): ReadonlyArray<ClosedPath> => {
  const ports = [...new Set(timeouts.flatMap((x) => (x.t.port === null ? [] : [x.t.port])))]
  // The NAT gateways deleted, once: every comparison of route changes asks.
  const deletedNats: ReadonlySet<string> = new Set(
    changes.filter((x) => x.kind === "nat_gateway").map((x) => x.target),
  )
  return ports
    .flatMap((port): ReadonlyArray<ClosedPath> => {
      const on = timeouts.filter((x) => x.t.port === port)
      const firstTimeoutMs = Math.min(...on.map((x) => x.atMs))
      const counts = new Map<string, number>()
      for (const x of on) counts.set(x.service, (counts.get(x.service) ?? 0) + 1)
      const services = [...counts.entries()]
        .map(([name, lines]) => ({ name, lines }))
        .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name))
      // A rule naming the service (a peer group described "gatekeeper-api tasks") before the latest one.
      const top = words(services[0]?.name ?? "")
      const names = (c: NetworkChange): number =>
        c.peers.some((p) => top.some((w) => p.toLowerCase().includes(w))) ? 1 : 0
      const change =
        changes
          .filter((c) => covers(c, port) && c.atMs <= firstTimeoutMs && firstTimeoutMs - c.atMs <= maxLeadMs)
          .sort(
            (a, b) =>
              names(b) - names(a) ||
              routeWeight(b, deletedNats) - routeWeight(a, deletedNats) ||
              b.atMs - a.atMs ||
              b.ports.length - a.ports.length,
          )[0] ?? null
      const rejected = rejects.filter((r) => r.port === port && r.atMs >= firstTimeoutMs - maxLeadMs).length
      if (change === null && rejected === 0) return []
      const hosts = [...new Set(on.flatMap((x) => (x.t.host === null ? [] : [x.t.host])))]
      return [{ port, change, services, hosts, rejects: rejected, firstTimeoutMs }]
    })
    .sort((a, b) => (b.change === null ? 0 : 1) - (a.change === null ? 0 : 1) || b.rejects - a.rejects)
}

/** The user a database refused (`password authentication failed for user "x"`, `Access denied for user 'x'`). */
export const refusedUserOf = (text: string): string | null =>
  /(?:authentication failed for user|access denied for user|login failed for user)\s*\\?["'`]?([\w.-]+)/i.exec(
    text,
  )?.[1] ?? null

/** A refusal of a user none of `services` is (`metabase` beside `gatekeeper-api`): no cause of theirs. */
export const foreignRefusal = (text: string, services: ReadonlyArray<string>): boolean => {
  const user = refusedUserOf(text)?.toLowerCase()
  if (user === undefined) return false
  const own = new Set(
    services.flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 2),
  )
  return !user.split(/[^a-z0-9]+/).some((w) => own.has(w))
}
