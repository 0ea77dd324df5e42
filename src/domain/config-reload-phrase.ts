/**
 * How a cause names a configuration hot-reloaded without a rollout (agents/eks/config-reload.ts):
 * "config reload of tracking-api at 09:33 UTC without a rollout (ConfigMap/Secret changed in
 * place: redis.url)", so the report says the config changed and which keys — not only the errors
 * that followed it. Pure.
 */
import type { Finding } from "./finding.js"

/** The words the eks agent's reload finding is titled with, after "<workload>: ". */
export const configReloadTitle = "config reloaded without a rollout"

const clock = (f: Finding): string =>
  f.observedAt === null ? "" : ` at ${new Date(f.observedAt.epochMillis).toISOString().slice(11, 16)} UTC`

const changedKeys = /\(changed ([^)]{1,200})\)/

/** The phrase for a reload change, or null when `f` is not one. */
export const reloadPhrase = (f: Finding, subject: string): string | null => {
  if (f.kind !== "config_change" || !f.title.includes(configReloadTitle)) return null
  const keys = changedKeys.exec(f.title)?.[1]
  const at = clock(f)
  return `config reload of ${subject}${at} without a rollout (ConfigMap/Secret changed in place${keys === undefined ? "" : `: ${keys}`})`
}
