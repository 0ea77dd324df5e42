/**
 * A configuration changed under running pods, without a rollout: a ConfigMap or Secret edited
 * by hand (`kubectl apply`/`edit`) or synced alone, whose mounted file the service watches and
 * hot-reloads. No new ReplicaSet records it, so the rollout history (rollout-changes.ts) is
 * blind to it; the service's own log is the record: "config file changed, reloading",
 * "Reloading configuration", "configuration reloaded", a file watcher's "config changed". The
 * reload is a change (`config_change`) only when errors follow it in the same container's log:
 * a reload that went fine, or one outside the change window, says nothing. Pure.
 */
import { DateTime, Option } from "effect"
import { configReloadTitle } from "../../domain/config-reload-phrase.js"
import type { Finding } from "../../domain/finding.js"
import { readableLogMessage } from "../../domain/log-structured.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, hhmmss, type ScopedWorkload } from "./eks-finding.js"
import { resourceOf } from "./workloads.js"

/** The words services and config libraries log when they re-read a changed config file. */
export const configReloadWords =
  /\b(?:re-?load(?:ing|ed)?|re-?read(?:ing)?|re-?appl(?:y|ying|ied))\b[^\n]{0,40}\b(?:config(?:uration)?s?|settings|configmap|config ?file)\b|\b(?:config(?:uration)?s?|settings|configmap|config ?file)\b[^\n]{0,60}\b(?:re-?load(?:ing|ed)?|hot[- ]reload(?:ed|ing)?|changed on disk|file changed|modified)\b|\bconfig(?:uration)? (?:file )?(?:changed|updated|modified)\b/i

// A reload that failed is an error line of its own, not a change that applied (it kept the old config).
const reloadFailed =
  /\b(?:reload(?:ing)?|config(?:uration)?)\b[^\n]{0,40}\b(?:failed|error|invalid|rejected)\b/i

const errorWords =
  /\b(?:error|exception|failed|failure|refused|denied|timed out|timeout|unavailable|econn\w+|etimedout|unhandled|fatal|panic|5\d\d)\b/i
const levelError =
  /"(?:level|severity|lvl)"\s*:\s*"?(?:error|fatal|critical|crit|50|60)"?|\blevel=(?:error|fatal)\b/i
const levelLow =
  /"(?:level|severity|lvl)"\s*:\s*"?(?:info|debug|trace|notice|20|30)"?|\blevel=(?:info|debug)\b/i

const isoInstant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})/

const instantIn = (line: string): DateTime.Utc | null => {
  const m = isoInstant.exec(line)?.[0]
  if (m === undefined) return null
  return Option.getOrNull(Option.map(DateTime.make(m), DateTime.toUtc))
}

// `"changed":["redis.url"]`, `keys=[a.b,c]`, "changed keys: a.b, c": the keys a reload names.
const changedList = /"?(?:changed(?:_?keys)?|keys|diff|updated)"?\s*[:=]\s*\[([^\]]{1,200})\]/i
const changedText = /\bchanged (?:keys?|settings?|fields?)[:=]?\s*([\w.,\s-]{1,120})/i

/** The keys a reload line says changed, at most three. */
export const changedKeys = (line: string): ReadonlyArray<string> => {
  const raw = changedList.exec(line)?.[1] ?? changedText.exec(line)?.[1] ?? ""
  return [
    ...new Set(
      raw
        .split(/[,\s]+/)
        .map((k) => k.replace(/["']/g, "").trim())
        .filter((k) => /^[\w.-]{1,80}$/.test(k)),
    ),
  ].slice(0, 3)
}

const isError = (line: string): boolean => {
  if (levelError.test(line)) return true
  if (levelLow.test(line)) return false
  return errorWords.test(readableLogMessage(line))
}

export interface ConfigReload {
  readonly at: DateTime.Utc
  readonly pod: string
  readonly keys: ReadonlyArray<string>
  /** The first error the container logged after the reload. */
  readonly firstError: string
}

/** A hot reload of configuration in one container's log, followed by an error; null for none. */
export const reloadFollowedByErrors = (log: ContainerLog): ConfigReload | null => {
  const lines = log.text.split("\n").filter((l) => l.trim() !== "")
  const at = lines.findIndex((l) => {
    const text = readableLogMessage(l)
    return configReloadWords.test(text) && !reloadFailed.test(text) && !isError(l)
  })
  if (at < 0) return null
  const line = lines[at] ?? ""
  const when = instantIn(line)
  if (when === null) return null
  const error = lines.slice(at + 1).find(isError)
  if (error === undefined) return null
  return {
    at: when,
    pod: log.pod,
    keys: changedKeys(line),
    firstError: readableLogMessage(error).replace(isoInstant, "").trim().slice(0, 160),
  }
}

/**
 * The config change a workload's pods hot-reloaded before failing (see the module header):
 * the earliest reload inside `changesSince … end` that errors followed, as an info change.
 */
export const configReloadFinding = (
  w: ScopedWorkload,
  logs: ReadonlyArray<ContainerLog>,
  ctx: AnalysisContext,
): Finding | null => {
  const reloads = logs
    .flatMap((l) => reloadFollowedByErrors(l) ?? [])
    .filter(
      (r) =>
        r.at.epochMillis >= ctx.window.changesSince.epochMillis &&
        r.at.epochMillis <= ctx.window.end.epochMillis,
    )
    .sort((a, b) => a.at.epochMillis - b.at.epochMillis)
  const [first] = reloads
  if (first === undefined) return null
  const keys = [...new Set(reloads.flatMap((r) => r.keys))].slice(0, 3)
  const changed = keys.length === 0 ? "" : ` (changed ${keys.join(", ")})`
  const pods = new Set(reloads.map((r) => r.pod)).size
  return eksFinding({
    kind: "config_change",
    title: `${w.name}: ${configReloadTitle} at ${hhmmss(first.at)}${changed}`,
    detail:
      `${pods} pod${pods === 1 ? "" : "s"} of ${w.name} hot-reloaded a changed configuration (a ConfigMap or Secret ` +
      `edited in place; no new revision) at ${hhmmss(first.at)}${changed}, then logged errors: "${first.firstError}".`,
    severity: "info",
    observedAt: first.at,
    resource: resourceOf(w),
    service: w.name,
  })
}
