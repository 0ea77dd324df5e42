/**
 * cert-manager's objects as the eks agent reads them (only the fields a reader needs, extra ones
 * ignored) and what they say: a Certificate that is not Ready — expired (its notAfter passed) or
 * not renewed (its renewalTime passed with failed issuance attempts) — and why, from the ACME
 * Challenge, Order or CertificateRequest of its latest attempt (a DNS-01 solver refused by Route 53
 * with AccessDenied, an HTTP-01 self check failing, an issuer that is not ready). A Ready
 * Certificate, or one not yet due for renewal, says nothing. Pure.
 */
import { DateTime, Either, Option, Schema } from "effect"
import type { KubeEvent } from "./kubernetes.js"
import { list, opt } from "./kubernetes.js"
import type { CustomObject, CustomResource } from "./kubernetes-custom.js"

export const certificates: CustomResource = {
  group: "cert-manager.io",
  version: "v1",
  plural: "certificates",
}
export const certificateRequests: CustomResource = {
  group: "cert-manager.io",
  version: "v1",
  plural: "certificaterequests",
}
export const orders: CustomResource = { group: "acme.cert-manager.io", version: "v1", plural: "orders" }
export const challenges: CustomResource = {
  group: "acme.cert-manager.io",
  version: "v1",
  plural: "challenges",
}

const Condition = Schema.Struct({
  type: Schema.String,
  status: opt(Schema.String),
  reason: opt(Schema.String),
  message: opt(Schema.String),
  lastTransitionTime: opt(Schema.String),
})

const IssuerRef = Schema.Struct({ name: opt(Schema.String), kind: opt(Schema.String) })

const CertificateSpec = Schema.Struct({
  secretName: opt(Schema.String),
  dnsNames: list(Schema.String),
  commonName: opt(Schema.String),
  issuerRef: opt(IssuerRef),
})
const CertificateStatus = Schema.Struct({
  notAfter: opt(Schema.String),
  renewalTime: opt(Schema.String),
  failedIssuanceAttempts: opt(Schema.Number),
  lastFailureTime: opt(Schema.String),
  conditions: list(Condition),
})
/** The state of an ACME Challenge or Order, or a CertificateRequest's conditions. */
const AttemptStatus = Schema.Struct({
  state: opt(Schema.String),
  reason: opt(Schema.String),
  presented: opt(Schema.Boolean),
  conditions: list(Condition),
})

const decodeOr = <A, I>(schema: Schema.Schema<A, I>, value: unknown, fallback: A): A =>
  Either.getOrElse(Schema.decodeUnknownEither(schema)(value ?? {}), () => fallback)

const noStatus = { conditions: [] } as const
const instant = (s: string | null | undefined): number | null =>
  s === null || s === undefined
    ? null
    : Option.getOrNull(Option.map(DateTime.make(s), DateTime.toEpochMillis))

export interface CertificateProblem {
  readonly namespace: string
  readonly name: string
  readonly secretName: string | null
  readonly dnsNames: ReadonlyArray<string>
  readonly issuer: string | null
  /** "expired" (notAfter passed) or "not_renewed" (renewal due, issuance failing). */
  readonly state: "expired" | "not_renewed"
  readonly notAfterMs: number | null
  readonly renewalMs: number | null
  readonly failedAttempts: number
  /** The Ready condition's reason and message. */
  readonly ready: { readonly reason: string | null; readonly message: string | null }
  /** Why the latest attempt fails: the Challenge's, Order's or request's own words, or its events'. */
  readonly why: string | null
  /** Where `why` comes from (`Challenge edge/x`). */
  readonly whyFrom: string | null
}

/** The objects of an attempt belong to the Certificate they are named after (`<cert>-<revision>-…`). */
const belongsTo = (cert: CustomObject, o: CustomObject): boolean =>
  o.metadata.namespace === cert.metadata.namespace &&
  (o.metadata.name.startsWith(`${cert.metadata.name}-`) ||
    o.metadata.ownerReferences.some((r) => r.name === cert.metadata.name))

const failedCondition = (conditions: ReadonlyArray<typeof Condition.Type>) =>
  conditions.find(
    (c) => (c.type === "Ready" && c.status === "False") || c.type === "Failed" || c.type === "Denied",
  )

/** The latest Warning event about an object. */
const warningAbout = (kind: string, o: CustomObject, events: ReadonlyArray<KubeEvent>) =>
  events
    .filter(
      (e) =>
        e.type === "Warning" &&
        e.involvedObject.kind === kind &&
        e.involvedObject.name === o.metadata.name &&
        (e.involvedObject.namespace ?? e.metadata.namespace) === o.metadata.namespace,
    )
    .sort((a, b) => (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? ""))[0]?.message ?? null

/**
 * The words saying why an attempt fails: a Challenge's reason, a failed condition, a Warning
 * event. For the Certificate itself the event comes first: its Ready condition only says "expired".
 */
const attemptWhy = (
  kind: string,
  o: CustomObject,
  events: ReadonlyArray<KubeEvent>,
): { readonly why: string; readonly from: string } | null => {
  const status = decodeOr(AttemptStatus, o.status, noStatus)
  const from = `${kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`
  const warning = warningAbout(kind, o, events)
  if (kind === "Certificate") return warning === null ? null : { why: warning, from }
  const stateFailed =
    status.state !== undefined &&
    status.state !== null &&
    /pending|invalid|errored|failed/i.test(status.state)
  const reason = status.reason?.trim() ?? ""
  if (reason !== "" && (stateFailed || status.presented === false)) return { why: reason, from }
  const condition = failedCondition(status.conditions)
  if (condition?.message !== undefined && condition.message !== null && condition.message !== "")
    return { why: condition.message, from }
  return warning === null ? null : { why: warning, from }
}

/**
 * The Certificates that are not Ready and past their renewal time (see the module header), with
 * why their latest attempt fails. `nowMs` is when the cluster was read.
 */
export const certificateProblems = (input: {
  readonly certificates: ReadonlyArray<CustomObject>
  readonly challenges: ReadonlyArray<CustomObject>
  readonly orders: ReadonlyArray<CustomObject>
  readonly requests: ReadonlyArray<CustomObject>
  readonly events: ReadonlyArray<KubeEvent>
  readonly nowMs: number
}): ReadonlyArray<CertificateProblem> =>
  input.certificates.flatMap((cert): ReadonlyArray<CertificateProblem> => {
    const spec = decodeOr(CertificateSpec, cert.spec, { dnsNames: [] })
    const status = decodeOr(CertificateStatus, cert.status, noStatus)
    const ready = status.conditions.find((c) => c.type === "Ready")
    if (ready?.status !== "False") return []
    const notAfterMs = instant(status.notAfter)
    const renewalMs = instant(status.renewalTime)
    const failedAttempts = status.failedIssuanceAttempts ?? 0
    const expired = (notAfterMs !== null && notAfterMs <= input.nowMs) || ready.reason === "Expired"
    const overdue = renewalMs !== null && renewalMs <= input.nowMs && failedAttempts > 0
    if (!expired && !overdue) return []
    // The latest attempt's most specific words: the Challenge, then the Order, then the request.
    const attempts = [
      ...input.challenges.filter((o) => belongsTo(cert, o)).map((o) => ["Challenge", o] as const),
      ...input.orders.filter((o) => belongsTo(cert, o)).map((o) => ["Order", o] as const),
      ...input.requests.filter((o) => belongsTo(cert, o)).map((o) => ["CertificateRequest", o] as const),
    ]
    const why =
      attempts.map(([kind, o]) => attemptWhy(kind, o, input.events)).find((w) => w !== null) ??
      attemptWhy("Certificate", cert, input.events)
    return [
      {
        namespace: cert.metadata.namespace ?? "",
        name: cert.metadata.name,
        secretName: spec.secretName ?? null,
        dnsNames: spec.dnsNames,
        issuer: spec.issuerRef?.name ?? null,
        state: expired ? "expired" : "not_renewed",
        notAfterMs,
        renewalMs,
        failedAttempts,
        ready: { reason: ready.reason ?? null, message: ready.message ?? null },
        why: why?.why ?? null,
        whyFrom: why?.from ?? null,
      },
    ]
  })

/** The solver's refusal in a few words: AccessDenied on route53:ChangeResourceRecordSets, a 403, NXDOMAIN. */
export const whyInShort = (why: string): string => {
  const denied = /\b(AccessDenied|Forbidden|Unauthorized|NXDOMAIN|SERVFAIL|REFUSED)\b/.exec(why)?.[1]
  const action = /not authorized to perform:? ([\w:-]+)/.exec(why)?.[1]
  if (denied !== undefined) return action === undefined ? denied : `${denied} on ${action}`
  return why.length > 160 ? `${why.slice(0, 157)}…` : why
}
