/**
 * A CloudTrail record of a call AWS refused for want of permission (`errorCode` AccessDenied,
 * UnauthorizedOperation, Client.UnauthorizedOperation, AccessDeniedException): the action, the
 * role that tried and the resource. A controller acting for the cluster (cert-manager presenting
 * a DNS-01 challenge in Route 53, external-dns, a CSI driver) logs such a refusal only in its own
 * pod, often retried quietly; CloudTrail records every one. A record without an error code is
 * a call that worked: never a refusal. Pure.
 */
import { Either, Schema } from "effect"

export interface AccessDenied {
  /** `route53:ChangeResourceRecordSets`: as the error message names it, else from the record. */
  readonly action: string
  /** The IAM role (or user) that was refused. */
  readonly principal: string | null
  /** The ARN the error message names (`arn:aws:route53:::hostedzone/Z…`), when it does. */
  readonly resource: string | null
  readonly errorCode: string
  readonly atMs: number
}

const deniedCodes =
  /^(?:Client\.)?(?:AccessDenied(?:Exception)?|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden)$/

const CloudTrailRecord = Schema.Struct({
  eventSource: Schema.String,
  eventName: Schema.String,
  errorCode: Schema.optional(Schema.NullOr(Schema.String)),
  errorMessage: Schema.optional(Schema.NullOr(Schema.String)),
  userIdentity: Schema.optional(
    Schema.Struct({ arn: Schema.optional(Schema.String), userName: Schema.optional(Schema.String) }),
  ),
})

const decode = Schema.decodeUnknownEither(Schema.parseJson(CloudTrailRecord))

/** `arn:aws:sts::1:assumed-role/cert-manager-edge/123` → `cert-manager-edge`; a user's name as is. */
export const principalOf = (arn: string | undefined, user: string | undefined): string | null => {
  if (user !== undefined && user !== "") return user
  if (arn === undefined) return null
  const parts = arn.split(":").pop()?.split("/") ?? []
  return (parts[0] === "assumed-role" ? parts[1] : parts[parts.length - 1]) ?? null
}

const performAction = /\bperform:?\s+([a-z0-9-]{2,40}:[A-Za-z0-9*]{2,80})/
const onResource = /\bon resource:?\s+(arn:[^\s"',;]{3,300})/

/** The refusal `message` (one CloudTrail JSON record) holds, or null when it is none. */
export const accessDeniedOf = (message: string, atMs: number): AccessDenied | null => {
  const decoded = decode(message)
  if (Either.isLeft(decoded)) return null
  const r = decoded.right
  const code = r.errorCode ?? ""
  if (!deniedCodes.test(code)) return null
  const text = r.errorMessage ?? ""
  const service = r.eventSource.replace(/\.amazonaws\.com$/, "")
  return {
    action: performAction.exec(text)?.[1] ?? `${service}:${r.eventName}`,
    principal: principalOf(r.userIdentity?.arn, r.userIdentity?.userName),
    resource: onResource.exec(text)?.[1]?.replace(/[.]$/, "") ?? null,
    errorCode: code,
    atMs,
  }
}

// Controllers that renew certificates or write the DNS records a renewal is proven by.
const certificateController = /cert-?manager|external-?dns|acme|lets-?encrypt|certbot|cert-?renew|issuer/i
// The AWS services a certificate's issuance or DNS-01 proof calls.
const certificateAction = /^(?:route53|acm|acm-pca):/

/**
 * Whether a refusal concerns the alert: its role is named after one of the alert's `names`
 * (the service, the workload), or the alert is about a certificate (`aboutCertificates`) and the
 * role is a certificate controller's or the action one a renewal needs (Route 53, ACM). Another
 * role's refusal (a CI role probing S3) is not this alert's.
 */
export const concernsAlert = (
  d: AccessDenied,
  names: ReadonlyArray<string>,
  aboutCertificates: boolean,
): boolean => {
  const who = (d.principal ?? "").toLowerCase()
  if (names.some((n) => n.length >= 4 && who.includes(n.toLowerCase()))) return true
  return aboutCertificates && (certificateController.test(who) || certificateAction.test(d.action))
}
