/**
 * A hostname a person's report quotes ("portal.example.com shows NET::ERR_CERT_DATE_INVALID"),
 * for a report that names no service (causes-scope.ts). A hostname is the most specific name a
 * person gives: the findings that serve it — the cert-manager Certificate or Ingress TLS listing
 * it, a probe of its URL — are what the report is about, ahead of the loose words around it
 * ("policyholders can't file claims" is no reason to blame `claims-ocr-worker` in another
 * namespace). Pure.
 */
import type { AlertFacts } from "./alert-facts.js"

// Two or more DNS labels ending in an alphabetic top-level label: `portal.example.com`, not `v1.2`.
const hostShape = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/

const hostOfLink = (link: string): string | null => {
  try {
    return new URL(link).hostname.toLowerCase()
  } catch {
    return null
  }
}

/** The hostnames among the report's words and links (lower-case, deduplicated). */
export const reportedHosts = (facts: AlertFacts): ReadonlyArray<string> => {
  const words = [...facts.keywords, ...facts.links.flatMap((l) => hostOfLink(l) ?? [])]
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => hostShape.test(w)))]
}

// A host character or a dot: `api.portal.example.com` and `portal.example.com.cdn.net` are other hosts.
const hostChar = /[a-z0-9.-]/

/** Whether `text` names `host` itself, not a subdomain of it nor a longer name it begins. */
export const namesHost = (text: string, host: string): boolean => {
  const hay = text.toLowerCase()
  for (let i = hay.indexOf(host); i >= 0; i = hay.indexOf(host, i + 1)) {
    const before = i === 0 ? "" : (hay[i - 1] ?? "")
    // A sentence may end right after the host ("… on portal.example.com."), so a trailing dot counts only before a label.
    const after = hay.slice(i + host.length, i + host.length + 2)
    const endsHere = after === "" || !hostChar.test(after[0] ?? "") || /^\.(?![a-z0-9])/.test(after)
    if (!hostChar.test(before) && endsHere) return true
  }
  return false
}
