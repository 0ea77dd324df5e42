/**
 * core/v1 ResourceQuota as the eks agent reads it: a namespace's hard limits and what its pods
 * use of them (`status.hard` / `status.used`, quantities as the API writes them: "16", "64Gi",
 * "500m"). A quota at its hard limit refuses every new pod whose requests would pass it — the
 * FailedCreate a ReplicaSet logs (quota-refusal.ts) — while the quota object says how full it is.
 */
import { Schema } from "effect"
import { ObjectMeta, StringMap } from "./kubernetes.js"

export const ResourceQuota = Schema.Struct({
  metadata: ObjectMeta,
  status: Schema.optionalWith(
    Schema.Struct({
      hard: StringMap,
      used: StringMap,
    }),
    { nullable: true, default: () => ({ hard: {}, used: {} }) },
  ),
})
export type ResourceQuota = typeof ResourceQuota.Type

/** "requests.cpu 16/16, pods 16/40": the quota's resources as used of hard, fullest first as listed. */
export const quotaUsePhrase = (q: ResourceQuota, first: ReadonlyArray<string> = []): string => {
  const names = [...new Set([...first.filter((n) => n in q.status.hard), ...Object.keys(q.status.hard)])]
  return names.map((n) => `${n} ${q.status.used[n] ?? "?"}/${q.status.hard[n] ?? "?"}`).join(", ")
}
