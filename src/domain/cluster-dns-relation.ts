/**
 * The cluster's DNS as the dependency in scope when name resolution fails across the cluster. An
 * alert about DNS ("DNS resolution failure rate high on <cluster>") names only the cluster, and a
 * person's "half the services throw EAI_AGAIN" names no workload at all; either way every pod
 * resolves through CoreDNS / kube-dns (or a NodeLocal DNSCache in front of it), which nothing in the
 * alert names, so its failing pods (OOM-killed, killed by their liveness probe, replicas
 * unavailable, throttled) were read as an unrelated workload. When the alert is about DNS, or
 * several workloads' own lines say names do not resolve, a failing cluster DNS is in scope and
 * leads the cause; the callers' DNS errors are its evidence (causes-chain.ts ties them to it).
 * One workload failing to resolve one host (a typo'd name, its own configuration) is not the
 * cluster's DNS, and neither is a cluster DNS that is healthy while callers fail: nothing is added.
 * Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { modeOf, namesNotResolving } from "./causes-modes.js"
import { clusterDnsNames, namesOf } from "./causes-names.js"
import type { Scoped } from "./causes-scope.js"
import type { Finding } from "./finding.js"
import { type AlertScope, inScope, textOf } from "./report-scope.js"

// The alert's own name says it is about resolving names (a DNS monitor, a SERVFAIL rate).
const dnsAlertWords = /\bdns\b|name resolution|\bresolv(?:e|er|ers|ing)\b|\bnxdomain\b|\bservfail\b/i

// A Prometheus alert's CamelCase name in words: `CoreDNSErrorsHigh` → "Core DNS Errors High".
const words = (name: string): string =>
  name.replace(/([a-z\d])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")

/** Whether the alert itself is about DNS. */
export const alertIsAboutDns = (facts: AlertFacts): boolean =>
  dnsAlertWords.test(words(facts.alertName ?? ""))

const clusterDnsNameOf = (f: Finding): string | null => namesOf(f).find((n) => clusterDnsNames.has(n)) ?? null

// A caller's finding (not the cluster DNS's) that says names do not resolve.
const resolvesNothing = (f: Finding): boolean =>
  clusterDnsNameOf(f) === null && namesNotResolving.test(textOf(f))

/** The workloads (not the cluster DNS itself) whose own evidence says names do not resolve. */
export const workloadsFailingToResolve = (findings: ReadonlyArray<Finding>): ReadonlySet<string> =>
  new Set(findings.filter(resolvesNothing).flatMap((f) => namesOf(f).slice(0, 1)))

// The cluster DNS's own pods failing: not its log lines about upstreams (a `dns` finding), which
// a healthy CoreDNS writes too for a domain that does not resolve anywhere.
const podsFailing = (f: Finding): boolean => {
  const mode = modeOf(f)
  return mode !== "context" && mode !== "change" && mode !== "dns" && mode !== "outcome"
}

/** The cluster DNS workloads failing in `findings`, when the alert or several callers say names do not resolve. */
export const failingClusterDns = (
  facts: AlertFacts,
  findings: ReadonlyArray<Finding>,
): ReadonlySet<string> => {
  if (!alertIsAboutDns(facts) && workloadsFailingToResolve(findings).size < 2) return new Set()
  return new Set(findings.filter(podsFailing).flatMap((f) => clusterDnsNameOf(f) ?? []))
}

/**
 * `scope` widened to the failing cluster DNS (see the module header); unchanged when none is.
 * When the alert's own workload is a caller failing to resolve, the cluster DNS is already the
 * dependency its evidence names (causes-scope.ts): its DNS failures move under it there.
 */
export const withClusterDns = (
  facts: AlertFacts,
  scope: AlertScope,
  findings: ReadonlyArray<Finding>,
): AlertScope => {
  // Everything in scope already holds the cluster DNS; naming it would leave the rest out.
  if (scope.everything) return scope
  if (findings.some((f) => inScope(scope, f) && resolvesNothing(f))) return scope
  const dns = failingClusterDns(facts, findings)
  if (dns.size === 0) return scope
  return { ...scope, names: new Set([...scope.names, ...dns]) }
}

/** A log line as the logs agent groups it: whose it is and what it says. */
export interface ResolutionLine {
  readonly service: string | null
  readonly message: string
}

const isClusterDns = (service: string | null): boolean =>
  service !== null && clusterDnsNames.has(service.toLowerCase())

/** A line saying a name did not resolve (a caller's EAI_AGAIN, the cluster DNS's `plugin/errors`). */
export const failsToResolve = (message: string): boolean => namesNotResolving.test(message.toLowerCase())

/** A workload's own line saying a name did not resolve (not the cluster DNS's own errors). */
export const callerFailsToResolve = (line: ResolutionLine): boolean =>
  !isClusterDns(line.service) && failsToResolve(line.message)

/**
 * Whether callers' DNS failures are the alert's evidence, whoever logs them: the alert is about
 * DNS, or two or more workloads' own lines say names do not resolve (one workload's typo'd host
 * is its own configuration).
 */
export const resolutionFailsClusterWide = (
  facts: AlertFacts,
  lines: ReadonlyArray<ResolutionLine>,
): boolean => {
  const callers = new Set(
    lines.filter(callerFailsToResolve).flatMap((l) => (l.service === null ? [] : [l.service.toLowerCase()])),
  )
  return callers.size > 0 && (alertIsAboutDns(facts) || callers.size >= 2)
}

/**
 * With the failing cluster DNS the alert's subject, a workload that only fails to resolve names is
 * another of its callers, not a dependency with a failure of its own: a deploy announcement or a
 * person naming it ("refill-reminder went out 20 min ago") does not make its EAI_AGAIN a cause.
 * The ids of such findings: they stay evidence, never cited.
 */
export const clusterDnsCallerIds = (scoped: ReadonlyArray<Scoped>): ReadonlySet<string> => {
  const dnsLeads = scoped.some((s) => s.role === "subject" && clusterDnsNames.has(s.subject.key))
  if (!dnsLeads) return new Set()
  return new Set(
    scoped
      .filter(
        (s) => s.role === "dependency" && !clusterDnsNames.has(s.subject.key) && modeOf(s.finding) === "dns",
      )
      .map((s) => s.finding.id),
  )
}
