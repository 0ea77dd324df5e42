/**
 * A synthetic probe's alert (the blackbox exporter, an uptime checker) is about the target it
 * probes, not about the prober: `job=blackbox-external` names the scrape job that runs the probe,
 * and `instance=https://api.example.com/v3/ping` the URL whose server failed it. So the job is no
 * workload, and the probed URL's host is the subject — what serves it (its Ingress, Certificate,
 * backend) answers to that host. Pure; every pattern is bounded.
 */
import type { LabelPair } from "./alert-facts-labels.js"
import type { AlertDoc } from "./alert-facts-text.js"

// The prober's own names: blackbox(-exporter|-external|-internal), probe(s)-*, synthetic(s)-*,
// *-probe(s). A Deployment is rarely named so; a scrape job running probes often is.
const proberName =
  /^(?:blackbox|probes?|synthetics?|pingdom|checkly)(?:[-_][a-z0-9-]{1,40})?$|^[a-z0-9-]{1,40}[-_](?:probes?|blackbox|synthetics?)$/

/** Whether a scrape job's (or monitor's) name is a prober's (see the module header). */
export const isProberName = (name: string): boolean => proberName.test(name.toLowerCase())

// The blackbox exporter's series (`probe_success`, `probe_ssl_earliest_cert_expiry`,
// `probe_http_status_code`) and the wording probers use for a failed check.
const probeWords = /\bprobe_[a-z_]{3,40}\b|\b(?:blackbox|synthetic check|uptime check)\b/i

// The label or field holding the probed URL: Prometheus' `instance`/`target`, an uptime tool's
// "Checked URL"/"URL"/"Monitor URL". Read from the text (the plain text has URLs blanked out).
const targetField =
  /\b(?:instance|target|checked[ \t]url|monitor[ \t]url|url|endpoint)["'`*]{0,3}[ \t]*[=:][ \t]*["'`*<]{0,3}(https?:\/\/[^\s"'`*|<>]{1,500})/i

const hostOf = (url: string): string | null => {
  const m = /^https?:\/\/([a-z0-9][a-z0-9.-]{0,252}[a-z0-9])(?::\d{1,5})?(?:[/?#]|$)/i.exec(url)
  const host = m?.[1]?.toLowerCase() ?? null
  // A bare IP or a single label is no public name to look up an Ingress or a Certificate by.
  return host === null || !host.includes(".") || /^[\d.]+$/.test(host) ? null : host
}

/**
 * The host a probe alert's target URL names, else null: only when the alert is a prober's (a
 * prober-named job, a `probe_*` series, the word blackbox) and a label holds the URL it probed.
 */
export const probedHost = (doc: AlertDoc, pairs: ReadonlyArray<LabelPair>): string | null => {
  const prober =
    pairs.some((p) => p.key === "job" && isProberName(p.value.trim().split(/\s/)[0] ?? "")) ||
    probeWords.test(doc.text)
  if (!prober) return null
  for (const line of doc.text.split("\n")) {
    const url = targetField.exec(line)?.[1]
    const host = url === undefined ? null : hostOf(url)
    if (host !== null) return host
  }
  return null
}
