/**
 * A service's own TLS client certificate refused by the peer it calls (a partner's mTLS API, a
 * bank, a GDS): the peer's alert as each TLS stack reports it — Java's "Received fatal alert:
 * certificate_expired", Go's "remote error: tls: expired certificate", OpenSSL's "sslv3 alert
 * certificate expired" (SSLV3_ALERT_CERTIFICATE_EXPIRED), "bad certificate". Not the client's own
 * check of what it loaded ("client certificate … expired"): a container that exits on that says
 * why it crash-loops, one failure with its crash (causes-chain.ts). Such a line is the logging
 * service's own failure whichever alert is being investigated: the certificate is its own, so it
 * is evidence of that service, not a report about another one. Lower case.
 */
export const clientCertificateRefused =
  /received fatal alert: (?:certificate_expired|bad_certificate|certificate_revoked|certificate_unknown)|remote error: tls: (?:expired certificate|bad certificate|revoked certificate|certificate required)|(?:sslv3|tlsv1[\d.]*)[ _]alert[ _](?:certificate[ _]expired|bad[ _]certificate|certificate[ _]revoked)|alert[ _]certificate[ _]expired|\bcertificate_expired\b/

/** Whether a line says the service's own client certificate was refused or has expired (see above). */
export const isClientCertificateRefused = (text: string): boolean =>
  clientCertificateRefused.test(text.toLowerCase())
