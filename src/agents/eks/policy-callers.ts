/**
 * Callers a new ingress policy shuts out. A default-deny rolled into a namespace (with allow rules
 * for the callers someone remembered) leaves the service itself healthy — 3/3 ready, answering
 * every request that still reaches it — while callers in a namespace no rule admits see only
 * "dial tcp 172.20.118.40:8443: i/o timeout". The alert names the service (people name what they
 * miss), so the callers are not in scope and their namespace is not read; network-policies.ts
 * looks only from an in-scope client outwards. This module looks inwards: in-scope workloads
 * picked by an ingress policy created or changed in the change lookback (`guardedWorkloads`),
 * the namespaces their callers run in (`callerNamespaces`: pods whose address the service's own
 * log shows as a source, or whose env names it), and — once those are read — a finding per
 * caller whose configured address reaches the service and whose namespace no ingress rule on it
 * admits (`shutOutCallerFindings`). A caller that a rule admits, a policy older than the change
 * lookback, or a caller configured elsewhere gives nothing. Pure.
 */
import type { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { Pod } from "../../domain/kubernetes.js"
import {
  lastChangedAt,
  type NetworkPolicy,
  type PolicyPeer,
  selectorMatches,
} from "../../domain/kubernetes-policies.js"
import { configuredHosts, containersOf } from "./configured-dependencies.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, hhmmss, type ScopedWorkload } from "./eks-finding.js"
import { changedInLookback, hostOf, picks, restricts } from "./network-policies.js"
import { resourceOf } from "./workloads.js"

/** The failure a dropped SYN leaves: a timeout to an address, not a refusal or a name error. */
const timedOut =
  /i\/o timeout|etimedout|connect(?:ion)? timed? ?out|connecttimeoutexception|timed out (?:connecting|while connecting)/i

export interface Guarded {
  readonly target: ScopedWorkload
  readonly policies: ReadonlyArray<NetworkPolicy>
  /** The latest change among the ingress policies that pick it. */
  readonly at: DateTime.Utc
}

/** In-scope workloads an ingress policy changed in the lookback now restricts (with all their ingress policies). */
export const guardedWorkloads = (
  workloads: ReadonlyArray<ScopedWorkload>,
  policies: ReadonlyArray<NetworkPolicy>,
  ctx: AnalysisContext,
): ReadonlyArray<Guarded> =>
  workloads.flatMap((target) => {
    if (!target.inScope) return []
    const ingress = policies.filter((p) => picks(p, target) && restricts(p, "Ingress"))
    const latest = ingress
      .map((p) => changedInLookback(p, ctx))
      .filter((t): t is DateTime.Utc => t !== null)
      .sort((a, b) => b.epochMillis - a.epochMillis)[0]
    return latest === undefined ? [] : [{ target, policies: ingress, at: latest }]
  })

/**
 * Namespaces (other than the service's own and those already read) whose pods called it: their
 * address appears in its log, or their env names it. Source addresses first — they are callers
 * seen, not configured.
 */
export const callerNamespaces = (
  guarded: ReadonlyArray<Guarded>,
  pods: ReadonlyArray<Pod>,
  logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>,
  known: ReadonlyArray<string>,
  max = 2,
): ReadonlyArray<string> => {
  const found: Array<string> = []
  for (const { target } of guarded) {
    const text = (logs.get(resourceOf(target)) ?? []).map((l) => l.text).join("\n")
    const seen = new Set(text.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [])
    const namesIt = (p: Pod) =>
      p.spec.containers.some((c) =>
        c.env.some((e) => typeof e.value === "string" && e.value.includes(target.name)),
      )
    const byAddress = pods.filter((p) => p.status.podIP !== undefined && seen.has(p.status.podIP))
    for (const p of [...byAddress, ...pods.filter(namesIt)]) {
      const ns = p.metadata.namespace ?? ""
      if (ns !== "" && ns !== target.namespace && !known.includes(ns) && !found.includes(ns)) found.push(ns)
    }
  }
  return found.slice(0, max)
}

/** Does a peer admit pods of this namespace? An ipBlock cannot be judged without addresses: admitted. */
const admits = (peer: PolicyPeer, targetNamespace: string, namespace: string): boolean => {
  if (peer.ipBlock !== undefined) return true
  // A podSelector alone means pods of the policy's own namespace.
  if (peer.namespaceSelector === undefined) return namespace === targetNamespace
  return selectorMatches(peer.namespaceSelector, { "kubernetes.io/metadata.name": namespace })
}

/** Whether any of the policies admits ingress from that namespace (any rule without peers admits all). */
export const namespaceAdmitted = (
  policies: ReadonlyArray<NetworkPolicy>,
  targetNamespace: string,
  namespace: string,
): boolean =>
  policies.some((p) =>
    p.spec.ingress.some(
      (r) => r.from.length === 0 || r.from.some((f) => admits(f, targetNamespace, namespace)),
    ),
  )

export interface ShutOutInput {
  readonly guarded: ReadonlyArray<Guarded>
  /** Workloads of the callers' namespaces. */
  readonly callers: ReadonlyArray<ScopedWorkload>
  readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
}

/** The callers configured to reach a guarded service: which of them to read a log of. */
export const configuredCallers = (
  guarded: ReadonlyArray<Guarded>,
  callers: ReadonlyArray<ScopedWorkload>,
): ReadonlyArray<ScopedWorkload> =>
  callers.filter((c) =>
    guarded.some(
      ({ target }) =>
        c.namespace !== target.namespace && hostOf(target, configuredHosts(containersOf(c))) !== null,
    ),
  )

/** See the module header. */
export const shutOutCallerFindings = (input: ShutOutInput): ReadonlyArray<Finding> =>
  input.guarded.flatMap(({ target, policies, at }) =>
    configuredCallers([{ target, policies, at }], input.callers).flatMap((caller) => {
      if (namespaceAdmitted(policies, target.namespace, caller.namespace)) return []
      const host = hostOf(target, configuredHosts(containersOf(caller)))
      const symptoms = (input.logs.get(resourceOf(caller)) ?? [])
        .flatMap((l) => l.text.split("\n"))
        .filter((line) => timedOut.test(line))
      const changed = policies.filter(
        (p) => (lastChangedAt(p.metadata)?.epochMillis ?? 0) >= at.epochMillis - 60_000,
      )
      const names = changed.map((p) => p.metadata.name).join(", ")
      const allowed = policies
        .flatMap((p) => p.spec.ingress.flatMap((r) => r.from))
        .flatMap((f) => Object.values(f.namespaceSelector?.matchLabels ?? {}))
      return [
        eksFinding({
          kind: "network_policy",
          title: `${target.name}: NetworkPolicy ${names} (created ${hhmmss(at)}) denies ingress from namespace ${caller.namespace} — ${caller.name} calls to ${target.name} time out`,
          detail:
            `NetworkPolicies in ${target.namespace} (${names}, ${hhmmss(at)}) now select ${target.kind} ${target.namespace}/${target.name}'s pods and deny ingress ` +
            `except from ${[`namespace ${target.namespace}`, ...allowed.map((n) => `namespace ${n}`)].join(", ")}; no rule admits namespace ${caller.namespace}, ` +
            `where ${caller.kind} ${caller.name} reaches it as ${host?.host ?? target.name}.` +
            (symptoms.length === 0
              ? ""
              : ` Since then its calls time out: ${symptoms
                  .slice(0, 2)
                  .map((s) => s.trim().slice(0, 200))
                  .join(" · ")}.`),
          // Timeouts in the caller's own log: the service is cut off from the callers it serves.
          severity: symptoms.length > 0 ? "high" : "medium",
          observedAt: at,
          resource: `networkpolicy/${target.namespace}/${changed[0]?.metadata.name ?? target.name}`,
          service: target.name,
        }),
      ]
    }),
  )
