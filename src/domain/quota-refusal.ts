/**
 * A namespace ResourceQuota refusing a pod, in the API server's words — the message a controller's
 * FailedCreate event (ReplicaSet, Job, StatefulSet) and a Deployment's ReplicaFailure condition
 * carry: `pods "x" is forbidden: exceeded quota: team-quota, requested: requests.cpu=1,
 * used: requests.cpu=16, limited: requests.cpu=16`, or `failed quota: team-quota: must specify
 * limits.memory`. What it names: the quota, and each resource whose request would pass its hard
 * limit. Another refusal (a PodSecurity violation, an admission webhook) is not one. Pure.
 */

export interface QuotaResource {
  /** `requests.cpu`, `limits.memory`, `pods`, `count/services`. */
  readonly name: string
  readonly requested: string | null
  readonly used: string | null
  readonly limited: string | null
}

export interface QuotaRefusal {
  readonly quota: string
  readonly resources: ReadonlyArray<QuotaResource>
  /** `failed quota … must specify …`: the pod sets no request or limit the quota requires. */
  readonly unspecified: boolean
}

// Each list is `name=value` pairs joined by commas with no space; the API server separates the
// lists with ", ".
const exceeded =
  /exceeded quota: ([a-z0-9][a-z0-9.-]*), requested: (\S+?),? used: (\S+?),? limited: ([^\s"']+)/i
const unspecified = /failed quota: ([a-z0-9][a-z0-9.-]*): must specify ([a-z0-9./,-]+)/i

const pairs = (list: string): ReadonlyMap<string, string> =>
  new Map(
    list
      .replace(/[.,;]+$/, "")
      .split(",")
      .flatMap((p) => {
        const i = p.indexOf("=")
        return i <= 0 ? [] : [[p.slice(0, i).trim(), p.slice(i + 1).trim()] as const]
      }),
  )

/** The quota refusal a message states, else null. */
export const quotaRefusalOf = (message: string): QuotaRefusal | null => {
  const m = exceeded.exec(message)
  if (m !== null) {
    const requested = pairs(m[2] ?? "")
    const used = pairs(m[3] ?? "")
    const limited = pairs(m[4] ?? "")
    const names = [...requested.keys()]
    return {
      quota: m[1] ?? "",
      resources: names.map((name) => ({
        name,
        requested: requested.get(name) ?? null,
        used: used.get(name) ?? null,
        limited: limited.get(name) ?? null,
      })),
      unspecified: false,
    }
  }
  const u = unspecified.exec(message)
  if (u === null) return null
  return {
    quota: u[1] ?? "",
    resources: (u[2] ?? "")
      .split(",")
      .filter((n) => n !== "")
      .map((name) => ({ name, requested: null, used: null, limited: null })),
    unspecified: true,
  }
}

/** "requests.cpu (used 16 of 16, the pod asks 1)" for each resource, joined. */
export const quotaResourcesPhrase = (r: QuotaRefusal): string =>
  r.resources
    .map((x) =>
      r.unspecified
        ? `${x.name} not set`
        : `${x.name} (used ${x.used ?? "?"} of ${x.limited ?? "?"}, the pod asks ${x.requested ?? "?"})`,
    )
    .join(", ")
