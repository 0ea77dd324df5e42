/**
 * The report's links: the alert's own (from its text) then each finding's deep link, in
 * evidence order, deduplicated. Only http(s) URLs, redacted (a password or token in a URL never
 * reaches chat); labels say where a link leads.
 */
import type { AlertFacts } from "./alert-facts.js"
import type { Finding } from "./finding.js"
import type { ReportLink } from "./incident-report.js"
import { redact as redactText } from "./redact.js"
import { clipText, oneLine } from "./report-text.js"

/** A redacted http(s) URL with no whitespace, or null. */
export const httpUrl = (url: string): string | null => {
  const u = redactText(url.trim())
  return /^https?:\/\/[^\s]+$/i.test(u) ? u : null
}

const hostOf = (url: string): string => {
  const m = /^https?:\/\/([^/?#]+)/i.exec(url)
  return (m?.[1] ?? url).replace(/^[^@]*@/, "")
}

export const reportLinks = (
  facts: AlertFacts,
  findings: ReadonlyArray<Finding>,
): ReadonlyArray<ReportLink> => {
  const alert = facts.links.flatMap((raw) => {
    const url = httpUrl(raw)
    return url === null ? [] : [{ label: `Alert: ${hostOf(url)}`, url }]
  })
  const found = findings.flatMap((f) => {
    const url = f.link === null ? null : httpUrl(f.link)
    return url === null ? [] : [{ label: `${f.id}: ${clipText(oneLine(redactText(f.title)), 80)}`, url }]
  })
  const byUrl = new Map<string, ReportLink>()
  for (const l of [...alert, ...found]) if (!byUrl.has(l.url)) byUrl.set(l.url, l)
  return [...byUrl.values()]
}
