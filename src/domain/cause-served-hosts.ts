/**
 * The domains the cluster's own Ingresses serve. A failing call or line that names a host under
 * one of them ("claims-api.covela.com" while Ingress claims/claims-intake-api serves it) names the
 * company's own front door, not a third party: no provider to call about it.
 */
import type { Finding } from "./finding.js"

/** An Ingress with its host as the eks agent states it (ingress-rejections.ts): "Ingress ns/name (host → backend)". */
const ingressHost = /\bIngress [a-z0-9.-]+\/[a-z0-9.-]+ \(([a-z0-9*.-]+\.[a-z]{2,}) →/gi

/** Second-level labels under a country code that are no one's domain ("co.uk", "com.au"). */
const publicSecondLevel = /^(?:co|com|net|org|gov|ac|edu)$/

/** The registrable domain of `host`: "claims-api.covela.com" → "covela.com", "a.b.co.uk" → "b.co.uk". */
export const registrableDomain = (host: string): string => {
  const labels = host.toLowerCase().replace(/^\*\./, "").replace(/\.$/, "").split(".")
  const n = labels.length
  const take =
    n >= 3 && (labels[n - 1] ?? "").length === 2 && publicSecondLevel.test(labels[n - 2] ?? "") ? 3 : 2
  return labels.slice(-take).join(".")
}

/** The registrable domains of every host the findings show an Ingress of the cluster serving. */
export const servedDomains = (findings: ReadonlyArray<Finding>): ReadonlySet<string> =>
  new Set(
    findings.flatMap((f) =>
      [...`${f.title}\n${f.detail}`.matchAll(ingressHost)].flatMap((m) =>
        m[1] === undefined ? [] : [registrableDomain(m[1])],
      ),
    ),
  )

/** Whether `host` (a name or a bare domain) is under a domain the cluster serves. */
export const isServedHost = (host: string, served: ReadonlySet<string>): boolean =>
  served.size > 0 && host.includes(".") && served.has(registrableDomain(host))
