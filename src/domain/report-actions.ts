/**
 * Recommended actions, deterministic and as specific as the evidence allows: roll back to the
 * revision a rollout finding names, the usual next step for the top cause's symptom, then one
 * line per agent that could not answer (in catalogue order, never completion order).
 *
 * A rollout finding names the previous revision and image in its title or detail as
 * "previous revision 6", "from revision 6" or "revision 6 → 7" (also "->"), and
 * "previous image repo/app:v2.13.2", "from image …" or "image … → …".
 */

import { agentInfo } from "./agent-id.js"
import type { AlertFacts } from "./alert-facts.js"
import { clock } from "./causes.js"
import { type Mode, textMode } from "./causes-modes.js"
import { isDeployAnnouncement } from "./causes-text.js"
import type { Finding } from "./finding.js"
import type { EvidenceBlock, ReportCause } from "./incident-report.js"
import { isChange, parseResource, subjectOf } from "./report-scope.js"
import { clipText, oneLine } from "./report-text.js"

const previousRevision =
  /\b(?:previous|prior|from)\s+revision\s*#?(\d{1,9})\b|\brevision\s*#?(\d{1,9})\s*(?:→|->)\s*#?\d{1,9}\b/i
const previousImage =
  /\b(?:previous|prior|from)\s+image\s+([^\s,;()]{1,300})|\bimage\s+([^\s,;()]{1,300})\s*(?:→|->)/i

/** `412….amazonaws.com/payments-api:v2.13.2` → `v2.13.2`; a digest keeps its repository name. */
const imageLabel = (ref: string): string => {
  const last = ref.slice(ref.lastIndexOf("/") + 1)
  if (last.includes("@")) return last
  const colon = last.lastIndexOf(":")
  return colon >= 0 && colon < last.length - 1 ? last.slice(colon + 1) : last
}

export interface Rollback {
  readonly revision: string | null
  readonly image: string | null
}

/** What a rollout finding says about the state before it (see the module header). */
export const rollbackTarget = (f: Finding): Rollback => {
  const text = `${f.title}\n${f.detail}`
  const rev = previousRevision.exec(text)
  const img = previousImage.exec(text)
  const image = img?.[1] ?? img?.[2]
  return { revision: rev?.[1] ?? rev?.[2] ?? null, image: image === undefined ? null : imageLabel(image) }
}

const changeAction = (change: Finding, subject: string): string => {
  const at = change.observedAt === null ? "" : ` at ${clock(change.observedAt)}`
  if (change.kind === "config_change")
    return `Revert the config change to ${subject}${at} (${change.id}), or rule it out`
  // A rotated credential is not rolled back: the clients still holding the old value re-read it.
  if (change.kind === "credential_rotation")
    return `Restart ${subject} (kubectl rollout restart) so its pods read the credentials rotated${at} (${change.id}), after checking its Secret holds the new value (an ExternalSecret may refresh only hourly: force a sync)`
  if (change.kind === "deploy_announcement")
    return isDeployAnnouncement(change)
      ? `Check the deploy announced${at} (${change.id}) and roll it back if it is ${subject}'s`
      : `Check the change announced${at} (${change.id}) and revert it if it is ${subject}'s (a flag, a setting, a migration)`
  const { revision, image } = rollbackTarget(change)
  if (revision === null) return `Roll back ${subject}'s rollout${at} (${change.id}), or rule it out`
  const r = parseResource(change.resource)
  const command =
    r?.kind === "deployment" && r.namespace !== null
      ? `: kubectl -n ${r.namespace} rollout undo deployment/${r.name} --to-revision=${revision}`
      : ""
  return `Roll back ${subject} to revision ${revision}${image === null ? "" : ` (image ${image})`}${command}`
}

const symptomRules: ReadonlyArray<readonly [RegExp, (subject: string) => string]> = [
  // A broker blocking its publishers: the backlog that filled it has to drain before they resume.
  [
    /broker_alarm/,
    (s) =>
      `Clear ${s}'s resource alarm: drain or purge the queue that filled it (scale its consumers, pause the producer flooding it), or raise its memory watermark / disk limit; check rabbitmq-diagnostics alarms and which connections are blocked`,
  ],
  [/oom/i, (s) => `Check ${s}'s memory limit against its actual usage (OOMKilled)`],
  [/imagepull|errimage|image_pull/i, (s) => `Check the image reference and registry access of ${s}`],
  [
    /failedscheduling|unschedulable|insufficient/i,
    (s) => `Check cluster capacity and ${s}'s resource requests`,
  ],
  [/notready|not_ready/i, (s) => `Check ${s}: kubelet, capacity and recent events (NotReady)`],
  [/crashloop|crash_loop|back-?off/i, (s) => `Read the previous container logs of ${s}'s crashing pods`],
  [/probe/i, (s) => `Check ${s}'s readiness and liveness probes and what they depend on`],
  [
    /mesh_mtls_refused/,
    (s) =>
      `Give ${s} a mesh sidecar (label its namespace istio-injection=enabled and restart it) or set the callee's PeerAuthentication back to PERMISSIVE until it has one (kubectl get peerauthentication -A)`,
  ],
  [
    /mesh_trust_mismatch/,
    (s) =>
      `Restart ${s}'s pods so their sidecars load the mesh's current root CA, or distribute a combined old+new root trust bundle (istioctl proxy-config secret; istiod's cacerts)`,
  ],
]

/**
 * Next steps for the failure modes cause inference names from a finding's words (its kind,
 * title, detail and excerpt: causes-modes.ts), so a title cut short still finds its step.
 */
const modeActions: Partial<Record<Mode, (subject: string) => string>> = {
  dns: (s) =>
    `Check DNS for ${s}: CoreDNS pods, their logs and load (kubectl -n kube-system logs -l k8s-app=kube-dns), and whether the name resolves from a pod`,
  auth: (s) =>
    `Check the credentials ${s} uses (a rotated, revoked or expired key, token or password) and the secret it reads them from`,
  limits: (s) =>
    `Check ${s}'s process limits: open file descriptors (a leak, or the ulimit), thread and executor pools, and CPU throttling against its CPU limit (container_cpu_cfs_throttled_periods_total); fix the leak or raise the limit`,
  poison: (s) =>
    `Move the message ${s} fails on off the queue (a dead-letter queue with a maxReceiveCount, or delete it after saving its body), then fix how ${s} handles it`,
  certificate: (s) =>
    `Renew or replace ${s}'s TLS certificate (kubectl get certificate,certificaterequest,order -A; cert-manager's events and logs say why renewal failed)`,
}

const meshKinds: ReadonlySet<string> = new Set(["mesh_mtls_refused", "mesh_trust_mismatch"])

const symptomAction = (lead: Finding, subject: string): string => {
  const text = `${lead.kind} ${lead.title}`
  const action = symptomRules.find(([pattern]) => pattern.test(text))?.[1] ?? modeActions[textMode(lead)]
  return action === undefined
    ? `Follow up ${lead.id}: ${clipText(oneLine(lead.title), 120)}`
    : action(subject)
}

const causeActions = (top: ReportCause, findings: ReadonlyArray<Finding>): ReadonlyArray<string> => {
  const cited = top.findings.flatMap((id) => findings.filter((f) => f.id === id))
  // A mesh finding names the step for the app's own TLS lines too (no certificate to renew there).
  const lead = cited.find((f) => meshKinds.has(f.kind)) ?? cited.find((f) => !isChange(f)) ?? cited[0]
  const change = cited.find((f) => f.kind === "rollout") ?? cited.find(isChange)
  const subject = (f: Finding | undefined) => (f === undefined ? null : subjectOf(f))
  const name = subject(change) ?? subject(lead) ?? "the service"
  return [
    ...(change === undefined ? [] : [changeAction(change, name)]),
    ...(lead === undefined || lead === change ? [] : [symptomAction(lead, subject(lead) ?? name)]),
  ]
}

const noCauseAction = (facts: AlertFacts): string => {
  const target =
    facts.workload ?? facts.service ?? facts.pod ?? facts.namespace ?? facts.node ?? "the alerting system"
  const alert = facts.alertName ?? "the alert"
  return `No cause established: check ${alert} on ${target} directly; the evidence below shows what each agent examined`
}

const reasonOf = (b: EvidenceBlock): string | null =>
  b.reason === null || b.reason.trim() === "" ? null : clipText(oneLine(b.reason), 160)

const agentAction = (b: EvidenceBlock): ReadonlyArray<string> => {
  const name = agentInfo(b.agent).name
  const reason = reasonOf(b)
  switch (b.status) {
    case "unhealthy":
      return [`Check ${name} configuration: ${reason ?? "it reported unhealthy"}`]
    case "error":
      return [`Re-run or check ${name} manually${reason === null ? "" : ` (${reason})`}`]
    case "timeout":
      return [`Re-run or check ${name} manually (no answer when this report was built)`]
    default:
      return []
  }
}

export const buildActions = (o: {
  readonly facts: AlertFacts
  readonly causes: ReadonlyArray<ReportCause>
  readonly findings: ReadonlyArray<Finding>
  readonly evidence: ReadonlyArray<EvidenceBlock>
}): ReadonlyArray<string> => {
  const top = o.causes[0]
  const first = top === undefined ? [noCauseAction(o.facts)] : causeActions(top, o.findings)
  return [...new Set([...first, ...o.evidence.flatMap(agentAction)])]
}
