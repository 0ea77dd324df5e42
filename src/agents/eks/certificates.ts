/**
 * cert-manager's Certificates that expired or are not being renewed, and why (cert-manager.ts):
 * one list of Certificates across the cluster; only when one is in trouble, its attempt's
 * Challenges, Orders and CertificateRequests and the events of its namespace. A cluster without
 * cert-manager answers `not_found` for the resource, which is no gap. A certificate is a cause
 * candidate (high when expired, medium when only overdue) when the alert speaks of TLS or a
 * secure connection, or names its host, namespace or name; otherwise it is evidence (low).
 */
import { DateTime, Effect } from "effect"
import {
  type CertificateProblem,
  certificateProblems,
  certificateRequests,
  certificates,
  challenges,
  orders,
  whyInShort,
} from "../../domain/cert-manager.js"
import type { Finding } from "../../domain/finding.js"
import type { KubeEvent } from "../../domain/kubernetes.js"
import type { CustomObject, CustomResource } from "../../domain/kubernetes-custom.js"
import type { ClusterService } from "../../ports/cluster.js"
import { eksFinding } from "./eks-finding.js"
import type { Reader } from "./gather.js"

/**
 * An alert about TLS: a person's "secure connection", a client's certificate words, or the warning
 * page a browser shows instead of the site, as people quote it (Chrome's and Safari's "your/this
 * connection is not private", Firefox's "potential security risk", a "security warning").
 */
const tlsWords =
  /\b(?:tls|ssl|https|x509|certificates?|certs?|secure connection|handshake|expired|not secure|privacy error|net::err_cert|connection is not private|connection isn't private|not a private connection|security risk ahead|potential security risk|security warning)/i

const iso = (ms: number | null): string =>
  ms === null ? "unknown" : new Date(ms).toISOString().replace(".000Z", "Z")

/** Whether the alert speaks of TLS or names the certificate (its hosts, namespace/name, Secret). */
export const certificateConcernsAlert = (p: CertificateProblem, alertText: string): boolean => {
  const text = alertText.toLowerCase()
  return (
    tlsWords.test(alertText) ||
    [...p.dnsNames, `${p.namespace}/${p.name}`, p.name, p.secretName ?? ""].some(
      (n) => n.length >= 4 && text.includes(n.toLowerCase()),
    )
  )
}

/**
 * A problem as a finding (see the module header). When the alert's subject is one of the
 * certificate's hosts (a probe of `https://<host>/…`, alert-facts-probe.ts), the finding is that
 * host's: the expired certificate is what the probe failed on, whatever the Secret is called.
 */
export const certificateFinding = (
  p: CertificateProblem,
  alertText: string,
  alertService: string | null = null,
): Finding => {
  const subject = p.dnsNames.find((h) => h.toLowerCase() === alertService?.toLowerCase())
  const what = `${p.namespace}/${p.name}`
  const hosts = p.dnsNames.length === 0 ? "" : ` (${p.dnsNames.join(", ")})`
  const state =
    p.state === "expired"
      ? `expired ${iso(p.notAfterMs)}, not renewed`
      : `not renewed: renewal due ${iso(p.renewalMs)}, expires ${iso(p.notAfterMs)}`
  const because = p.why === null ? "" : ` — ${whyInShort(p.why)}`
  const concerns = certificateConcernsAlert(p, alertText)
  return eksFinding({
    kind: "certificate_not_ready",
    title: `cert-manager Certificate ${what}${hosts} ${state}${because}`,
    detail:
      `Certificate ${what} is not Ready (${p.ready.reason ?? "no reason"}: ${p.ready.message ?? "no message"}); ` +
      `notAfter ${iso(p.notAfterMs)}, renewalTime ${iso(p.renewalMs)}, ${p.failedAttempts} failed issuance attempt(s)` +
      `${p.issuer === null ? "" : ` with issuer ${p.issuer}`}. ` +
      (p.why === null
        ? "No Challenge, Order or request said why the renewal fails. "
        : `The latest attempt fails (${p.whyFrom ?? "cert-manager"}): ${p.why} `) +
      `Clients of ${p.dnsNames.join(", ") || `the Secret ${p.secretName ?? p.name}`} refuse an expired certificate at ` +
      "the handshake; fix what the attempt names (the solver's permissions, the issuer), then the Certificate is reissued.",
    severity: !concerns ? "low" : p.state === "expired" ? "high" : "medium",
    observedAt: p.notAfterMs !== null && p.state === "expired" ? DateTime.unsafeMake(p.notAfterMs) : null,
    resource: `certificate/${what}`,
    service: subject ?? p.secretName ?? p.name,
    excerpt: p.why,
  })
}

const listAll = (
  cluster: ClusterService,
  reader: Reader,
  resource: CustomResource,
  namespace: string | null,
) =>
  reader.read(
    `list ${resource.plural}.${resource.group}${namespace === null ? "" : ` in ${namespace}`}`,
    // Without cert-manager the resource does not exist: nothing to read, not a gap.
    cluster.listCustomObjects(resource, namespace).pipe(
      Effect.catchIf(
        (e) => e.reason === "not_found",
        () => Effect.succeed<ReadonlyArray<CustomObject>>([]),
      ),
    ),
    [],
  )

/** Read and judge (see the module header); `events` are those already read (every namespace, or the alert's). */
export const readCertificates = (
  cluster: ClusterService,
  reader: Reader,
  events: ReadonlyArray<KubeEvent>,
  eventsNamespace: string | null,
  alertText: string,
  nowMs: number,
  alertService: string | null = null,
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const certs = yield* listAll(cluster, reader, certificates, null)
    const suspects = certificateProblems({
      certificates: certs,
      challenges: [],
      orders: [],
      requests: [],
      events: [],
      nowMs,
    })
    if (suspects.length === 0) return []
    const namespaces = [...new Set(suspects.map((p) => p.namespace))].sort()
    const perNamespace = (resource: CustomResource) =>
      Effect.map(
        Effect.forEach(namespaces, (n) => listAll(cluster, reader, resource, n), { concurrency: 2 }),
        (lists) => lists.flat(),
      )
    const [challengeList, orderList, requestList, moreEvents] = yield* Effect.all(
      [
        perNamespace(challenges),
        perNamespace(orders),
        perNamespace(certificateRequests),
        Effect.map(
          Effect.forEach(
            eventsNamespace === null ? [] : namespaces.filter((n) => n !== eventsNamespace),
            (n) => reader.read(`list events in ${n}`, cluster.listEvents(n), []),
            { concurrency: 2 },
          ),
          (lists) => lists.flat(),
        ),
      ],
      { concurrency: 4 },
    )
    return certificateProblems({
      certificates: certs,
      challenges: challengeList,
      orders: orderList,
      requests: requestList,
      events: [...events, ...moreEvents],
      nowMs,
    }).map((p) => certificateFinding(p, alertText, alertService))
  })
