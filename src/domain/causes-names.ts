/**
 * The names a finding answers to and the names its words point at. Scope grows from the alert's
 * own names to the dependencies its in-scope evidence names ("upstream inventory-api timed
 * out", "… connection slots … database orders-db", "on node ip-10-0-3-17"), so both sides are
 * read here the same way: lower-case, whole words, the first label of a host name.
 */

import { cronJobOf } from "./alert-facts-names.js"
import { isReadingLink, providerDomain, wholeHostAt } from "./cause-provider.js"
import type { Finding } from "./finding.js"
import { keyedTarget } from "./log-level.js"
import { k8sKinds, leadingName, ownerName, parseResource, subjectOf } from "./report-scope.js"

/** A group of findings about one thing: its key (lower-case) and how a cause names it. */
export interface Subject {
  readonly key: string
  readonly display: string
  /** A node (its pods' symptoms may be explained by it). */
  readonly node: boolean
}

export const subjectKey = (f: Finding): Subject => {
  const r = parseResource(f.resource)
  const display = subjectOf(f) ?? f.id
  // A CronJob's run (`ledger-reconcile-29954970`) and the CronJob are one subject: the kubelet's
  // lines name the one, the pod's status the other.
  const key = display.toLowerCase()
  return { key: cronJobOf(key) ?? key, display, node: r?.kind === "node" }
}

/** Every name a finding answers to: its service, its resource and owner, the name its title leads with. */
export const namesOf = (f: Finding): ReadonlyArray<string> => {
  const names: Array<string> = []
  const service = f.service?.trim().toLowerCase()
  if (service !== undefined && service !== "" && !service.includes("/")) names.push(service)
  const r = parseResource(f.resource)
  if (r !== null && k8sKinds.has(r.kind)) names.push(r.name, ownerName(r))
  if (service === undefined || service === "") {
    const lead = leadingName(f.title)
    if (lead !== null) names.push(lead)
  }
  return [...new Set(names)].filter((n) => n.length >= 3)
}

// Words that sit where a dependency's name would and never are one — including the generic
// first labels of public hosts ("https://api.example.com": the dependency is not "api").
const notNames = new Set(
  (
    "api www app web cdn static m " +
    "the a an to of for from with and or request requests connection connections connect call calls " +
    "server service host database db upstream downstream backend endpoint remote client socket read " +
    "write query statement operation context deadline http https tcp udp localhost econnrefused " +
    "etimedout econnreset timeout timed unavailable unreachable refused error errors failed failure " +
    "while after before reached exceeded is was are be pool slots this that its their our " +
    "because since due when if then so as by in on at into but not no all any some has have had will " +
    "would should could can did does do shutdown shutting stopped stopping " +
    // What times out or fails without being a dependency: Lambda's "Task timed out", "endpoint URL".
    "task tasks job jobs url uri function handler invocation lambda process worker thread call attempt " +
    // API Gateway's "Endpoint response body before transformations": the integration's answer.
    "response responses body headers payload"
  ).split(" "),
)

// A DSN's other keys (`user=…`, `database=…` after "connect to") are not the dependency's name.
const name = String.raw`["'\x60]?(?:https?://|host=)?(?![a-z_]{1,20}=)([a-z][a-z0-9-]{1,62})(?:\.[a-z0-9-]{1,62}){0,8}(?![a-z0-9_]*=)`
const patterns: ReadonlyArray<RegExp> = [
  new RegExp(
    String.raw`\b(?:upstream|downstream|dependency|backend|database|db|host|endpoint|broker|cache)["']?\s*[=:]?\s*${name}`,
    "g",
  ),
  new RegExp(String.raw`\b(?:connect(?:ing|ion)? to|calling|call to|requests? to|reach)\s+${name}`, "g"),
  // Only as a key (`target=rail-gateway`, `"peer": "…"`): "target group" is prose; one rule
  // with the logs' dependency reader (log-level.ts). Its capture is the whole host: the first
  // label is read from it below.
  keyedTarget,
  new RegExp(String.raw`\b(?:server|host|database|db) at\s+${name}`, "g"),
  /https?:\/\/([a-z][a-z0-9-]{1,62})[.:/]/g,
  // Not a URL's path segment ("…/v71/payments timed out"): the host before it is the dependency.
  /(?<![/.])\b([a-z][a-z0-9-]{2,62})\s+(?:timed out|is unavailable|unavailable|unreachable|is down)/g,
]

const plausible = (n: string): boolean => n.length >= 3 && !notNames.has(n) && /[a-z]/.test(n)

/**
 * Names a text points at as a dependency (lower-case, first DNS label), in order of appearance.
 * With `providers`, a host outside the cluster and the cloud account reads as its registrable
 * domain ("api.stripe.com" → "stripe.com", cause-provider.ts): how a cause names a third party.
 * Scope keeps the first label: it matches workloads by name.
 */
export const dependencyNamesIn = (
  text: string,
  options: { readonly providers?: boolean; readonly full?: string } = {},
): ReadonlyArray<string> => {
  const lower = text.toLowerCase()
  const hits = patterns.flatMap((p) =>
    [...lower.matchAll(p)].flatMap((m) => {
      const start = m.index + Math.max(0, m[0].indexOf(m[1] ?? ""))
      // A documentation link ("Background on this error at: https://sqlalche.me/…") was never
      // called; a host a clip cut ("https://api.routewis…") is read from the full text or not at all.
      if (m[1] === undefined || isReadingLink(lower, start)) return []
      const host = wholeHostAt(lower, start, options.full)
      if (host === null) return []
      // The capture's first label, or the longer one the full text completed a cut host to.
      const first = m[1].split(".")[0] ?? ""
      const whole = host.split(".")[0] ?? ""
      const label = whole.length > first.length && whole.startsWith(first) ? whole : first
      const provider = options.providers === true ? providerDomain(host) : null
      if (provider !== null) return [{ n: provider, at: m.index }]
      return !plausible(label) ? [] : [{ n: label, at: m.index }]
    }),
  )
  return [...new Set(hits.sort((a, b) => a.at - b.at || a.n.localeCompare(b.n)).map((h) => h.n))]
}

/** The node a finding is about or names ("on node ip-…"), lower-case. */
export const nodeOf = (f: Finding): string | null => {
  const r = parseResource(f.resource)
  return r?.kind === "node" ? r.name : null
}

// Words that sit next to "container" and never are its name.
const notContainers = new Set(
  (
    "the a an this that its each one previous current last new old init main sidecar app all every first which of in " +
    "cannot can could was is has had restarted terminated exited logged failed killed started running ready image " +
    "name status with for on at runtime"
  ).split(" "),
)
const containerPatterns: ReadonlyArray<RegExp> = [
  /\bcontainers?\s+["'\x60]?([a-z][a-z0-9-]{2,62})\b/g,
  /\b([a-z][a-z0-9-]{2,62})["'\x60]?\s+container\b/g,
]

/** Container names a text states ("container pdf-renderer", "the previous pdf-renderer container"). */
export const containerNamesIn = (text: string): ReadonlyArray<string> => {
  const lower = text.toLowerCase()
  const found = containerPatterns.flatMap((p) =>
    [...lower.matchAll(p)].flatMap((m) => {
      const n = m[1]
      return n === undefined || notContainers.has(n) || notNames.has(n) ? [] : [n]
    }),
  )
  return [...new Set(found)]
}

/** The cluster DNS's workloads: the resolver every pod's lookups go through, named or not. */
export const clusterDnsNames: ReadonlySet<string> = new Set(["coredns", "kube-dns", "node-local-dns"])
