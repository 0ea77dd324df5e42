/**
 * The Deployment's most recent change, from its revision history: its own ReplicaSets (by
 * controller uid) ordered by `deployment.kubernetes.io/revision`, newest vs the one before,
 * template diff (image → `rollout`, anything else → `config_change`). The rollout time is the
 * new ReplicaSet's creation — unless that ReplicaSet was reused by a rollback (it carries a
 * `revision-history`), whose creation is long past: then the Deployment's Progressing condition
 * naming it, or the ScalingReplicaSet event that scaled it up. Only a change inside
 * `changesSince … end` is reported; it is context (info) the report may promote into a cause.
 */

import type { DateTime } from "effect"
import { namesHost } from "../../domain/cause-host-words.js"
import { cpuLimitCutEffectMs } from "../../domain/cpu-limit-cut.js"
import type { Finding } from "../../domain/finding.js"
import { controllerOf, eventTime, instantOf } from "../../domain/kubernetes.js"
import { type ReplicaSet, revisionHistoryAnnotation, revisionOf } from "../../domain/kubernetes-workloads.js"
import { cpuLimitCuts } from "./cpu-limit-cuts.js"
import { type AnalysisContext, eksFinding, hhmmss, plural, type ScopedWorkload } from "./eks-finding.js"
import { configSwap } from "./rollout-config-swap.js"
import { type EnvironmentSwap, environmentSwaps, rejectionNames } from "./rollout-environment-swap.js"
import { movedDependency } from "./rollout-moved-dependency.js"
import { valueCulprit } from "./rollout-value-culprit.js"
import { describeDiff, diffTemplates, imageChanged } from "./template-diff.js"
import { isPodReady, refersTo, resourceOf } from "./workloads.js"

/** The workload's ReplicaSets that carry a revision, newest first. */
export const revisions = (w: ScopedWorkload): ReadonlyArray<ReplicaSet & { readonly revision: number }> =>
  w.replicaSets
    .flatMap((rs) => {
      const revision = revisionOf(rs.metadata)
      return revision === null ? [] : [{ ...rs, revision }]
    })
    .sort((a, b) => b.revision - a.revision)

/** When the newest revision was rolled out (see the module header); null when unknown. */
export const rolloutTime = (w: ScopedWorkload, newest: ReplicaSet): DateTime.Utc | null => {
  const reused = newest.metadata.annotations[revisionHistoryAnnotation] !== undefined
  const created = instantOf(newest.metadata.creationTimestamp)
  if (!reused && created !== null) return created
  const progressing = w.deployment?.status.conditions.find(
    (c) => c.type === "Progressing" && (c.message ?? "").includes(`"${newest.metadata.name}"`),
  )
  const fromCondition = instantOf(progressing?.lastTransitionTime ?? progressing?.lastUpdateTime)
  if (fromCondition !== null) return fromCondition
  const scaledUp = w.events
    .filter(
      (e) =>
        e.involvedObject.kind === "Deployment" &&
        e.reason === "ScalingReplicaSet" &&
        (e.message ?? "").includes(`Scaled up replica set ${newest.metadata.name} `),
    )
    .flatMap((e) => {
      const t = eventTime(e)
      return t === null ? [] : [t]
    })
    .sort((a, b) => b.epochMillis - a.epochMillis)
  return scaledUp[0] ?? null
}

/** When the Deployment reported the newest ReplicaSet fully available (NewReplicaSetAvailable); null if not (yet). */
const completedAt = (w: ScopedWorkload, newest: ReplicaSet): DateTime.Utc | null => {
  const done = w.deployment?.status.conditions.find(
    (c) =>
      c.type === "Progressing" &&
      c.reason === "NewReplicaSetAvailable" &&
      (c.message ?? "").includes(`"${newest.metadata.name}"`),
  )
  return instantOf(done?.lastUpdateTime ?? done?.lastTransitionTime)
}

export const rolloutFinding = (w: ScopedWorkload, ctx: AnalysisContext, logText = ""): Finding | null => {
  if (w.deployment === null) return null
  const [newest, previous] = revisions(w)
  if (newest === undefined || previous === undefined) return null
  const at = rolloutTime(w, newest)
  // A lowered CPU limit bites at the next peak, hours later: it stays in view for longer.
  const cuts = cpuLimitCuts(previous.spec.template, newest.spec.template)
  const since =
    cuts.length === 0
      ? ctx.window.changesSince.epochMillis
      : Math.min(ctx.window.changesSince.epochMillis, ctx.window.end.epochMillis - cpuLimitCutEffectMs)
  if (at === null || at.epochMillis < since || at.epochMillis > ctx.window.end.epochMillis) {
    return null
  }
  const diff = diffTemplates(previous.spec.template, newest.spec.template)
  const changes = describeDiff(diff)
  const history = newest.metadata.annotations[revisionHistoryAnnotation]
  const step = `revision ${previous.revision} → ${newest.revision} at ${hhmmss(at)}`
  const onNewest = w.pods.filter((p) => {
    const owner = controllerOf(p.metadata)
    return owner !== null && refersTo(owner, "ReplicaSet", newest.metadata)
  })
  const failing = onNewest.filter((p) => !isPodReady(p)).length
  const completed = completedAt(w, newest)
  const notes = [
    history === undefined
      ? null
      : `ReplicaSet ${newest.metadata.name} was reused (it carried revision ${history}): a rollback to an earlier template`,
    completed === null ? null : `rollout completed at ${hhmmss(completed)}`,
    onNewest.length === 0
      ? null
      : failing === 0
        ? `${onNewest.length}/${plural(onNewest.length, "pod")} of revision ${newest.revision} ready`
        : `${failing}/${plural(onNewest.length, "pod")} of revision ${newest.revision} not ready`,
  ].filter((n): n is string => n !== null)
  const what =
    changes.length === 0 ? "pod template changed (no image, env or resources difference)" : changes.join("; ")
  const kind = imageChanged(diff) ? "rollout" : "config_change"
  const headline = diff.images[0] ?? changes[0] ?? "template change"
  // A value the rollout changed that the workload's failing calls name: the cause, not context.
  // Or the endpoint it moved, when the new pods fail and cannot reach a dependency (rollout-moved-dependency.ts).
  const culprit =
    valueCulprit(previous.spec.template, newest.spec.template, logText) ??
    (failing > 0 ? movedDependency(previous.spec.template, newest.spec.template, logText) : null)
  const version = /→ (\S+)/.exec(diff.images[0] ?? "")?.[1] ?? `revision ${newest.revision}`
  // Or the ConfigMap it swapped for one whose content the new pods cannot parse (rollout-config-swap.ts).
  const swap =
    culprit === null && failing > 0 ? configSwap(previous.spec.template, newest.spec.template, logText) : null
  // Or a setting it repointed at another environment, which a caller rejects (rollout-environment-swap.ts).
  const moved =
    culprit === null && swap === null
      ? environmentBlame(environmentSwaps(previous.spec.template, newest.spec.template), w.name, ctx, logText)
      : null
  const blame =
    culprit !== null
      ? `rollout ${version} changed ${culprit.name} from ${culprit.from} to ${culprit.to}, and the failing calls name ${culprit.term}`
      : swap !== null
        ? `rollout ${version} switched ConfigMap ${swap.from} → ${swap.to} and the new pods cannot parse ${swap.file ?? "its content"} (${swap.error})`
        : moved !== null
          ? `rollout ${version} changed ${moved.swap.name} from ${moved.swap.from} to ${moved.swap.to}, a ${moved.swap.environment} value ${moved.why}`
          : null
  return eksFinding({
    kind,
    title:
      blame === null
        ? `${w.name}: ${kind === "rollout" ? "rollout" : "config change"} ${step} (${headline})`
        : `${w.name}: ${blame}`,
    detail: `${blame === null ? "" : `${blame}: the new value is what breaks them. `}${what}; ${step}${notes.length === 0 ? "" : `. ${notes.join(". ")}`}.`,
    // An environment swap is high even when no caller is seen rejecting it: its new pods are
    // healthy by construction, so what fails is elsewhere, and a production workload pointed at
    // another environment's issuer, bucket or API is wrong whatever else is.
    severity: blame === null ? "info" : "high",
    observedAt: at,
    resource: resourceOf(w),
    service: w.name,
  })
}

interface EnvironmentBlame {
  readonly swap: EnvironmentSwap
  readonly why: string
}

/**
 * The swap to blame and why: a caller still configured with the old host (`api-gateway` accepts
 * only `id.example.com`), or a rejection line naming the new value; else the first swap, uncorroborated.
 */
const environmentBlame = (
  swaps: ReadonlyArray<EnvironmentSwap>,
  self: string,
  ctx: AnalysisContext,
  logText: string,
): EnvironmentBlame | null => {
  for (const swap of swaps) {
    const caller = (ctx.peerConfig ?? []).find((p) => p.name !== self && namesHost(p.values, swap.oldHost))
    if (caller !== undefined)
      return { swap, why: `${caller.name} does not expect (it is configured for ${swap.oldHost})` }
    if (rejectionNames(logText, swap)) return { swap, why: "that the failing lines reject" }
  }
  const first = swaps[0]
  return first === undefined ? null : { swap: first, why: "in production (no caller seen rejecting it here)" }
}
