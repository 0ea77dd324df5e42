/**
 * The lines of a certificate failure, as a Logs Insights condition: for a person's report that
 * names no service ("claims are stuck", "the partner shows nothing from us") while the pods look
 * healthy. A certificate that expired — our client certificate a partner's mTLS endpoint now
 * refuses, or a server certificate our calls refuse — fails every call at the handshake, and the
 * words every TLS stack uses for it are few and specific, so a cluster's shared application logs
 * can be read for them when there is no name to narrow them by. A handshake that merely failed
 * (EOF, a timeout, a scanner's probe of a valid certificate) is not one of them. Pure.
 */

/** The TLS stacks' words for a refused or expired certificate (Go, Java, OpenSSL, Node, curl). */
export const certificateFailureWords: ReadonlyArray<string> = [
  "expired certificate",
  "certificate expired",
  "certificate has expired",
  "certificate_expired",
  "cert_has_expired",
  "bad certificate",
  "bad_certificate",
  "certificate_revoked",
  "revoked certificate",
  "certificate required",
  "x509: certificate",
  "certificate verify failed",
  "unable to verify the first certificate",
  "certificateexpiredexception",
  "pkix path validation failed",
]

/** The Logs Insights condition picking those lines (any case). */
export const certificateFailureCondition = `@message like /(?i)(${certificateFailureWords
  .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+"))
  .join("|")})/`

/** Whether a line holds those words (the same test, in code). */
export const isCertificateFailureLine = (line: string): boolean => {
  const lower = line.toLowerCase().replace(/\s+/g, " ")
  return certificateFailureWords.some((w) => lower.includes(w))
}
