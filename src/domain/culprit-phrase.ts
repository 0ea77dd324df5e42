/**
 * A rollout finding that names the value it broke (rollout-value-culprit.ts: "rollout 2.31.0
 * changed ENTITLEMENTS_BASE_URL from … to …, and the failing calls name …") is read back for the
 * cause: the variable and its new value are the cause's words — not another setting the same
 * rollout moved (a LOG_LEVEL) — and the host the failing calls name is the dependency, not
 * every upstream a WARN line beside them mentions (a payment provider's refund). Pure.
 */
import type { Finding } from "./finding.js"
import { clipText } from "./report-text.js"

const culprit = /\bchanged ([A-Za-z_][\w.-]*) from (\S+) to (\S+?), and the failing calls name (\S+)\s*$/
// Or a setting repointed at another environment (rollout-environment-swap.ts: "changed OIDC_ISSUER
// from https://id… to https://id.staging…, a staging value api-gateway does not expect …"): its
// callers reject it, so there is no dependency to name.
const repointed = /\bchanged ([A-Za-z_][\w.-]*) from (\S+) to (\S+?), an? ([a-z]+) value\b/

export interface CulpritSetting {
  /** "ENTITLEMENTS_BASE_URL → http://…/v2". */
  readonly phrase: string
  /** The service the failing calls' host names (`entitlements-svc`), or null for a path alone. */
  readonly dependency: string | null
}

// Or the ConfigMap it swapped for one the new pods cannot parse (rollout-config-swap.ts): the
// ConfigMap and the file are the cause's words, not the image the same rollout moved.
const swapped = /\bswitched ConfigMap (\S+) → (\S+) and the new pods cannot parse (.+?) \(/

/** The value-culprit of the first change that names one; null when none does. */
export const culpritSetting = (changes: ReadonlyArray<Finding>): CulpritSetting | null => {
  for (const c of changes) {
    const s = swapped.exec(c.title)
    if (s?.[1] !== undefined && s[2] !== undefined && s[3] !== undefined)
      return { phrase: `ConfigMap ${s[1]} → ${s[2]}: ${clipText(s[3], 40)} does not parse`, dependency: null }
    const r = repointed.exec(c.title.trim())
    if (r?.[1] !== undefined && r[3] !== undefined && r[4] !== undefined)
      return { phrase: `${r[1]} → ${clipText(r[3], 80)} (a ${r[4]} value)`, dependency: null }
    const m = culprit.exec(c.title.trim())
    if (m?.[1] === undefined || m[3] === undefined || m[4] === undefined) continue
    const host = m[4].startsWith("/") ? null : (m[4].split(/[.:/]/)[0] ?? null)
    return {
      phrase: `${m[1]} → ${clipText(m[3], 80)}`,
      dependency: host !== null && /^[a-z][a-z0-9-]{2,62}$/.test(host) ? host : null,
    }
  }
  return null
}
