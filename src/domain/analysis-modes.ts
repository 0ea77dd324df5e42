/**
 * The failure modes a piece of prose names (a model's analysis), in the vocabulary cause
 * inference uses for findings (causes-modes.ts), so an analysis can be compared with the
 * deterministic top cause. Only distinct failure modes count: generic words ("errors",
 * "latency", "replicas") name no mode, and a finding's change/context/outcome roles are not
 * failure modes either. Negation is not parsed: "not OOM" names OOM.
 */

import { type Mode, textMode } from "./causes-modes.js"
import type { Finding } from "./finding.js"

/** Modes that say what broke; the rest (errors, outcome, change, context) are too generic to compare. */
export type FailureMode = Exclude<Mode, "errors" | "outcome" | "change" | "context">

const words: ReadonlyArray<readonly [FailureMode, RegExp]> = [
  [
    "oom",
    /oomkill|\boom\b|out[ -]of[ -]memory|outofmemory|ran out of memory|memory limit|heap limit|heap out of memory|exit code 137|memory exhaust/,
  ],
  [
    "image",
    /imagepullbackoff|errimagepull|image pull|pull(?:ing)? (?:the )?image|bad (?:image )?tag|manifest unknown|pull access denied|image (?:does not|doesn't) exist/,
  ],
  [
    "config",
    /createcontainerconfigerror|missing (?:secret|configmap|config map)|(?:secret|configmap|config map)\b.{0,40}\bnot found|misconfigur/,
  ],
  [
    "scheduling",
    /failedscheduling|unschedulable|insufficient (?:cpu|memory)|(?:could not|cannot|can't) be scheduled|max node group size/,
  ],
  ["node", /notready|node (?:is |went |was )?not ready|(?:memory|disk|pid) ?pressure|kubelet stopped/],
  ["dns", /\bdns\b|coredns|kube-dns|name resolution|no such host|nxdomain|enotfound|eai_again/],
  [
    "auth",
    /\b401\b|unauthori[sz]ed|\b403\b|forbidden|authentication fail|invalid (?:api )?(?:key|token)|revoked (?:api )?(?:key|token)|credentials? (?:were |was )?(?:rotated|revoked|invalid)/,
  ],
  [
    "certificate",
    /certificate (?:has )?expired|expired (?:tls |ssl )?certificate|cert_has_expired|x509|certificate verify failed|certificate renewal/,
  ],
  ["eviction", /evict/],
  [
    "capacity",
    /\bhpa\b|horizontalpodautoscaler|autoscaler (?:is )?at (?:its )?max|max(?:imum)? replicas|maxreplicas/,
  ],
  [
    "create",
    /failedcreate|exceeded quota|resourcequota|resource quota|quota exceeded|(?:could not|cannot|failed to) create pods?/,
  ],
  ["crash", /crashloop|crash loop|crash-loop|crashing|crashed|crashes|exit code [1-9]\d*/],
  [
    "connections",
    /connection slots|too many (?:connections|clients)|connection pool|pool (?:is )?(?:exhausted|full)|max_connections|connections? (?:exhaust|limit)/,
  ],
  [
    "limits",
    /too many open files|\bemfile\b|file descriptors?|\bulimit\b|rejectedexecution|taskrejected|thread pool|(?:executor|worker) (?:pool|queue)(?: is)? (?:full|exhausted|saturated)|cpu throttl|cfs.throttl|throttled periods/,
  ],
  ["probe", /(?:readiness|liveness|startup) probe|probes? fail/],
  ["timeout", /timed out|timeouts?\b|deadline exceeded|etimedout|\b504\b/],
  ["unavailable", /econnrefused|connection refused|unavailable|unreachable|no healthy upstream|\b503\b/],
]

/** Every failure mode the text names, in the vocabulary's order. */
export const modesNamedIn = (text: string): ReadonlySet<FailureMode> => {
  const lower = text.toLowerCase()
  return new Set(words.filter(([, pattern]) => pattern.test(lower)).map(([mode]) => mode))
}

const isFailureMode = (m: Mode): m is FailureMode =>
  m !== "errors" && m !== "outcome" && m !== "change" && m !== "context"

/** The failure modes a set of findings is evidence of (what a cause citing them is about). */
export const modesOfFindings = (findings: ReadonlyArray<Finding>): ReadonlySet<FailureMode> =>
  new Set(findings.map(textMode).filter(isFailureMode))
