/**
 * A certificate-expiry warning posted in chat, by a checker bot or a person: ":warning: TLS
 * certificate for stats.int.example.net expires in 7 days: 2026-12-14T01:47:12Z", "the cert on
 * api.example.com expires tomorrow", "heads up: certificate for login.example.org expires on
 * 2027-01-05". Such warnings are posted days ahead and ignored; when the date passes, every
 * client of the host fails its TLS handshake — so the warning, read back past the change
 * lookback, is the evidence. Pure.
 */

export interface CertExpiry {
  /** The host the certificate is for, lower-case. */
  readonly host: string
  /** When it expires (or expired), epoch ms. */
  readonly expiresAt: number
}

const certWord = /\b(?:tls|ssl|x509|x\.509)?\s*(?:cert|certs|certificate|certificates)\b/i
const expiryWord = /\b(?:expir\w*|not ?after|valid until|runs out)\b/i
// A DNS name with a dot and a letter-led last label: `stats-gateway.int.otterbyte.net`.
const hostName = /(?<![\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])(?![\w-])/gi
const isoTime = /\b(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)\s*(?:Z|UTC)?)?\b/
const inSpan = /\bin\s+(\d+|an?|one)\s*(days?|d|hours?|h|weeks?|w)\b/i
const dayMs = 86_400_000

// File names and links are not hosts: `values.yaml`, `tls.crt`.
const notHost = /\.(?:ya?ml|json|crt|pem|key|txt|md|py|ts|js|sh|conf)$/i

/** When `text` says the certificate expires, relative to its posting time. */
const expiryTime = (text: string, postedAt: number): number | null => {
  const iso = isoTime.exec(text)
  if (iso !== null) {
    const t = Date.parse(`${iso[1]}T${iso[2] ?? "00:00"}${(iso[2] ?? "").length === 5 ? ":00" : ""}Z`)
    if (!Number.isNaN(t)) return t
  }
  const span = inSpan.exec(text)
  if (span !== null) {
    const n = /^\d+$/.test(span[1] ?? "") ? Number(span[1]) : 1
    const unit = (span[2] ?? "d").toLowerCase()
    const ms = unit.startsWith("h") ? 3_600_000 : unit.startsWith("w") ? 7 * dayMs : dayMs
    return postedAt + n * ms
  }
  if (/\btomorrow\b/i.test(text)) return postedAt + dayMs
  if (/\b(?:today|tonight|expired)\b/i.test(text)) return postedAt
  return null
}

/** The host and expiry a warning states, or null when `text` is no certificate-expiry warning. */
export const certExpiryWarning = (text: string, postedAt: number): CertExpiry | null => {
  if (!certWord.test(text) || !expiryWord.test(text)) return null
  // Renewed, replaced or reissued: the warning is answered.
  if (/\b(?:renewed|reissued|replaced|rotated)\b/i.test(text) && !/\bno renewal\b/i.test(text)) return null
  const host = [...text.matchAll(hostName)]
    .map((m) => (m[1] ?? "").toLowerCase())
    .find((h) => !notHost.test(h))
  const expiresAt = expiryTime(text, postedAt)
  return host === undefined || expiresAt === null ? null : { host, expiresAt }
}

/** Whether a later message says the host's certificate was renewed. */
export const renewedLater = (text: string, host: string): boolean =>
  text.toLowerCase().includes(host) &&
  /\b(?:renewed|reissued|replaced|rotated|new cert\w*)\b/i.test(text) &&
  !/\bno renewal\b/i.test(text)

/** Whether `host` is the subject's: its first label is, or starts with, a subject name. */
export const hostOfSubject = (host: string, names: ReadonlyArray<string>): string | undefined => {
  const first = host.split(".")[0] ?? ""
  return names.find((n) => first === n || first.startsWith(`${n}-`))
}
