/**
 * A NetworkPolicy created or changed in the change lookback that restricts the traffic of an
 * in-scope workload: a default-deny egress rolled out to a namespace (its rules allowing DNS,
 * the database and HTTPS but not the cache's 6379) cuts a service off from what it stands on
 * while every pod, image and template is unchanged — its logs say only "connect ETIMEDOUT".
 * Nothing else in the cluster changed, so no rollout finding can carry that cause.
 *
 * A policy counts when its pod selector picks the workload's pods (egress: what they may
 * reach), or picks the pods of a host the workload is configured to reach (ingress: who may
 * reach them). Its rules are read against the ports the workload's env names (`REDIS_URL=
 * redis://…:6379` → 6379; a scheme alone gives its well-known port) and DNS (53): a port no rule
 * allows is stated as blocked. Severity follows the workload's state when its own logs or events
 * show connections failing or a port is blocked; a policy change without either is low context.
 * Peers (which pods, namespaces or CIDRs a rule names) are described, not evaluated: the pods'
 * and services' addresses are not all read here. Pure.
 */
import type { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { instantOf } from "../../domain/kubernetes.js"
import {
  lastChangedAt,
  type NetworkPolicy,
  type NetworkPolicyRule,
  type PolicyPeer,
  type PolicyPort,
  selectorMatches,
} from "../../domain/kubernetes-policies.js"
import type { Severity } from "../../domain/severity.js"
import { type ConfiguredHost, configuredHosts, containersOf } from "./configured-dependencies.js"
import type { ContainerLog } from "./container-logs.js"
import { dnsAllowed, dnsPort } from "./dns-egress.js"
import {
  type AnalysisContext,
  eksFinding,
  failureSeverity,
  hhmmss,
  type ScopedWorkload,
} from "./eks-finding.js"
import { resourceOf } from "./workloads.js"

/** A connection that did not get through: what a blocked flow looks like from the client. */
const connectionFailure =
  /etimedout|econnrefused|ehostunreach|connection (?:refused|timed? ?out|reset)|connect(?:ion)? timeout|i\/o timeout|dial tcp|no route to host|timed out (?:connecting|while connecting)|could not connect|unable to connect|failed to connect|sockettimeoutexception|connecttimeoutexception/i

const labelsOf = (w: ScopedWorkload): ReadonlyArray<Readonly<Record<string, string>>> => [
  ...w.pods.map((p) => p.metadata.labels),
  ...(w.deployment === null ? [] : [w.deployment.spec.template.metadata?.labels ?? {}]),
]

export const picks = (policy: NetworkPolicy, w: ScopedWorkload): boolean =>
  (policy.metadata.namespace ?? "") === w.namespace &&
  labelsOf(w).some((l) => selectorMatches(policy.spec.podSelector, l))

// The API's default: a policy without policyTypes restricts ingress, and egress when it has egress rules.
export const restricts = (policy: NetworkPolicy, direction: "Ingress" | "Egress"): boolean =>
  policy.spec.policyTypes.length > 0
    ? policy.spec.policyTypes.includes(direction)
    : direction === "Ingress" || policy.spec.egress.length > 0

const portAllowed = (port: number, ports: ReadonlyArray<PolicyPort>): boolean =>
  ports.length === 0 ||
  ports.some((p) => {
    if (p.port === undefined) return true
    const n = Number(p.port)
    // A named port ("redis") cannot be resolved without the target pods: not claimed blocked.
    if (!Number.isInteger(n)) return true
    return p.endPort === undefined ? n === port : port >= n && port <= p.endPort
  })

const allowedBy = (port: number, rules: ReadonlyArray<NetworkPolicyRule>): boolean =>
  rules.some((r) => portAllowed(port, r.ports))

const portText = (p: PolicyPort): string =>
  `${p.port ?? "any port"}${p.endPort === undefined ? "" : `-${p.endPort}`}/${p.protocol ?? "TCP"}`

const peerText = (peer: PolicyPeer): string => {
  if (peer.ipBlock !== undefined)
    return `${peer.ipBlock.cidr}${peer.ipBlock.except.length === 0 ? "" : ` except ${peer.ipBlock.except.join(", ")}`}`
  const selector = (s: PolicyPeer["podSelector"]) =>
    s === undefined
      ? null
      : Object.entries(s.matchLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(",") || "all"
  const ns = selector(peer.namespaceSelector)
  const pods = selector(peer.podSelector)
  return [ns === null ? null : `namespaces ${ns}`, pods === null ? null : `pods ${pods}`]
    .filter((t) => t !== null)
    .join(" ")
}

const rulesText = (rules: ReadonlyArray<NetworkPolicyRule>, direction: "Ingress" | "Egress"): string => {
  if (rules.length === 0) return `denies all ${direction.toLowerCase()}`
  const parts = rules.map((r) => {
    const peers = direction === "Egress" ? r.to : r.from
    const ports = r.ports.length === 0 ? "any port" : r.ports.map(portText).join(", ")
    return peers.length === 0
      ? ports
      : `${ports} ${direction === "Egress" ? "to" : "from"} ${peers.map(peerText).join("; ")}`
  })
  return `allows ${direction.toLowerCase()} only: ${parts.join(" | ")}`
}

/** The workload's own lines and events that show a connection failing. */
const failingConnections = (w: ScopedWorkload, logs: ReadonlyArray<ContainerLog>): ReadonlyArray<string> => [
  ...logs.flatMap((l) =>
    l.text
      .split("\n")
      .filter((line) => connectionFailure.test(line))
      .slice(0, 2)
      .map((line) => line.trim().slice(0, 200)),
  ),
  ...w.events
    .filter((e) => e.type === "Warning" && connectionFailure.test(e.message ?? ""))
    .slice(0, 2)
    .map((e) => `${e.reason ?? "event"}: ${(e.message ?? "").slice(0, 200)}`),
]

const severityOf = (w: ScopedWorkload, evidence: boolean): Severity =>
  w.inScope && evidence ? failureSeverity(w) : "low"

export const hostOf = (target: ScopedWorkload, hosts: ReadonlyArray<ConfiguredHost>): ConfiguredHost | null =>
  hosts.find((h) => {
    const first = h.host.split(".")[0] ?? ""
    const inNamespace = h.host.split(".")[1] === undefined || h.host.split(".")[1] === target.namespace
    return (
      inNamespace &&
      (first === target.name || first.startsWith(`${target.name}-`) || target.name.startsWith(`${first}-`))
    )
  }) ?? null

export interface NetworkPolicyInput {
  readonly workloads: ReadonlyArray<ScopedWorkload>
  readonly policies: ReadonlyArray<NetworkPolicy>
  readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
  readonly ctx: AnalysisContext
}

/** The port a variable's technology word means when its value names none (`REDIS_HOST`). */
const variablePorts: ReadonlyArray<readonly [RegExp, number]> = [
  [/REDIS|VALKEY/i, 6379],
  [/POSTGRES|(?:^|_)PG(?:_|$)|PSQL/i, 5432],
  [/MYSQL|MARIADB/i, 3306],
  [/MONGO/i, 27017],
  [/KAFKA/i, 9092],
  [/RABBIT|AMQP/i, 5672],
  [/MEMCACHE/i, 11211],
]

const portOf = (h: ConfiguredHost): number | null =>
  h.port ?? variablePorts.find(([pattern]) => pattern.test(h.variable))?.[1] ?? null

/** Destination ports in the failing lines: "dial tcp 10.60.88.14:5432: i/o timeout". */
const failedPorts = (symptoms: ReadonlyArray<string>): ReadonlyArray<number> => [
  ...new Set(
    symptoms.flatMap((line) =>
      [...line.matchAll(/(?:\b\d{1,3}(?:\.\d{1,3}){3}|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+):(\d{2,5})\b/gi)].map(
        (m) => Number(m[1]),
      ),
    ),
  ),
]

interface Blocked {
  readonly port: number
  readonly what: string
}

/** When the policy was last written, if inside the change lookback (up to the window's end). */
export const changedInLookback = (policy: NetworkPolicy, ctx: AnalysisContext): DateTime.Utc | null => {
  const at = lastChangedAt(policy.metadata)
  return at !== null &&
    at.epochMillis >= ctx.window.changesSince.epochMillis &&
    at.epochMillis <= ctx.window.end.epochMillis
    ? at
    : null
}

/** See the module header. */
export const networkPolicyFindings = (input: NetworkPolicyInput): ReadonlyArray<Finding> => {
  const { ctx } = input
  const recent = input.policies.flatMap((policy) => {
    const at = changedInLookback(policy, ctx)
    return at === null ? [] : [{ policy, at }]
  })
  if (recent.length === 0) return []
  const clients = input.workloads.filter(
    (w) => w.inScope && w.pods.length + (w.deployment === null ? 0 : 1) > 0,
  )
  /** "created 09:20:14Z", or "changed …" when a manager wrote it after its creation. */
  const when = (policy: NetworkPolicy, at: DateTime.Utc): string => {
    const created = instantOf(policy.metadata.creationTimestamp)
    return `${created !== null && created.epochMillis === at.epochMillis ? "created" : "changed"} ${hhmmss(at)}`
  }

  return clients.flatMap((w) => {
    const hosts = configuredHosts(containersOf(w))
    const symptoms = failingConnections(w, input.logs.get(resourceOf(w)) ?? [])
    // Policies add up: a pod may send what any policy selecting it allows. Blocked is what none does.
    const egress = input.policies.filter((p) => picks(p, w) && restricts(p, "Egress"))
    const changed = recent.filter(({ policy }) => egress.includes(policy))
    const egressFinding = (): ReadonlyArray<Finding> => {
      const lead = [...changed].sort((a, b) => b.at.epochMillis - a.at.epochMillis)[0]
      if (lead === undefined) return []
      const rules = egress.flatMap((p) => p.spec.egress)
      const candidates: ReadonlyArray<Blocked> = [
        ...hosts.flatMap((h) => {
          const port = portOf(h)
          return port === null ? [] : [{ port, what: `${h.variable} ${h.host}` }]
        }),
        ...failedPorts(symptoms).map((port) => ({ port, what: "its failing connections" })),
        { port: dnsPort, what: "DNS" },
      ]
      const blocked = candidates.filter(
        (c, i) =>
          // DNS goes to kube-dns in kube-system: a rule must reach it there, not just allow 53.
          !(c.port === dnsPort ? dnsAllowed(rules, w.namespace) : allowedBy(c.port, rules)) &&
          candidates.findIndex((d) => d.port === c.port) === i,
      )
      const names = changed.map(({ policy, at }) => `${policy.metadata.name} (${when(policy, at)})`)
      const blockedText =
        blocked.length === 0 ? "" : ` — not ${blocked.map((b) => `${b.port} (${b.what})`).join(", ")}`
      const ns = lead.policy.metadata.namespace ?? ""
      return [
        eksFinding({
          kind: "network_policy",
          title: `${w.name}: NetworkPolicy ${names.join(", ")} restricts its pods' egress${blockedText}`,
          detail:
            `${egress.length === 1 ? "NetworkPolicy" : `${egress.length} NetworkPolicies`} in ${ns} select ${w.kind} ${w.namespace}/${w.name}'s pods and restrict egress; together they ` +
            `${rulesText(rules, "Egress")}.` +
            (blocked.length === 0 ? "" : ` Traffic to ${blocked.map((b) => b.port).join(", ")} is dropped.`) +
            (symptoms.length === 0
              ? ""
              : ` Since then its connections fail: ${symptoms.slice(0, 2).join(" · ")}.`),
          severity: severityOf(w, blocked.length > 0 || symptoms.length > 0),
          observedAt: lead.at,
          resource: `networkpolicy/${ns}/${lead.policy.metadata.name}`,
          service: w.name,
        }),
      ]
    }
    return [
      ...egressFinding(),
      ...recent.flatMap(({ policy, at }) => {
        const ns = policy.metadata.namespace ?? ""
        const name = policy.metadata.name
        const changed = when(policy, at)
        if (picks(policy, w)) return []
        // Ingress of a dependency: a policy on the pods of a host this workload connects to.
        const target = input.workloads.find((d) => d !== w && picks(policy, d) && hostOf(d, hosts) !== null)
        if (target === undefined || !restricts(policy, "Ingress")) return []
        const host = hostOf(target, hosts)
        const blocked = host !== null && host.port !== null && !allowedBy(host.port, policy.spec.ingress)
        return [
          eksFinding({
            kind: "network_policy",
            title: `${w.name}: NetworkPolicy ${name} (${changed}) restricts ingress to ${target.name}, which it connects to${blocked && host !== null ? ` — not ${host.port} (${host.variable})` : ""}`,
            detail:
              `NetworkPolicy ${ns}/${name}, ${changed}, selects ${target.kind} ${target.namespace}/${target.name}'s pods and ${rulesText(policy.spec.ingress, "Ingress")}. ` +
              `${w.name} reaches ${target.name} as ${host?.host ?? target.name}.` +
              (symptoms.length === 0
                ? ""
                : ` Since then its connections fail: ${symptoms.slice(0, 2).join(" · ")}.`),
            severity: severityOf(w, blocked || symptoms.length > 0),
            observedAt: at,
            resource: `networkpolicy/${ns}/${name}`,
            service: w.name,
          }),
        ]
      }),
    ]
  })
}
