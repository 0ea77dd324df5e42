/**
 * CloudTrail's refusals (cloudtrail-access-denied.ts): the action the error names or the record's,
 * the role, the resource; every refusal code; records without an error code (calls that worked)
 * or with another error are none. Whether a refusal concerns the alert: a certificate
 * controller's or a renewal's action for a certificate alert, a role named after the service.
 */
import { describe, expect, it } from "vitest"
import { accessDeniedOf, concernsAlert } from "../../src/domain/cloudtrail-access-denied.js"

const at = Date.parse("2031-03-02T04:05:00Z")
const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ eventVersion: "1.09", awsRegion: "eu-west-1", ...fields })
const role = (name: string) => ({
  type: "AssumedRole",
  arn: `arn:aws:sts::210987654321:assumed-role/${name}/1790000000`,
})

describe("accessDeniedOf", () => {
  it("Route 53 refused to cert-manager's role, the action and resource from the message", () => {
    const d = accessDeniedOf(
      record({
        eventSource: "route53.amazonaws.com",
        eventName: "ChangeResourceRecordSets",
        userIdentity: role("cert-manager-web-2031"),
        errorCode: "AccessDenied",
        errorMessage:
          "User is not authorized to perform: route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/Z0ABC123 because no identity-based policy allows it",
      }),
      at,
    )
    expect(d).toEqual({
      action: "route53:ChangeResourceRecordSets",
      principal: "cert-manager-web-2031",
      resource: "arn:aws:route53:::hostedzone/Z0ABC123",
      errorCode: "AccessDenied",
      atMs: at,
    })
  })

  it.each([
    ["ec2.amazonaws.com", "CreateTags", "Client.UnauthorizedOperation", "ec2:CreateTags"],
    ["acm.amazonaws.com", "RequestCertificate", "AccessDeniedException", "acm:RequestCertificate"],
    ["kms.amazonaws.com", "Decrypt", "UnauthorizedOperation", "kms:Decrypt"],
  ])("%s %s refused with %s, no message: the record's action", (source, name, code, action) => {
    const d = accessDeniedOf(
      record({
        eventSource: source,
        eventName: name,
        userIdentity: role("external-dns-prod"),
        errorCode: code,
      }),
      at,
    )
    expect(d?.action).toBe(action)
    expect(d?.errorCode).toBe(code)
    expect(d?.resource).toBeNull()
  })

  it.each([
    [
      "no error code (a call that worked)",
      record({
        eventSource: "route53.amazonaws.com",
        eventName: "ChangeResourceRecordSets",
        userIdentity: role("cert-manager"),
      }),
    ],
    [
      "another error",
      record({
        eventSource: "route53.amazonaws.com",
        eventName: "ChangeResourceRecordSets",
        errorCode: "ThrottlingException",
      }),
    ],
    ["not JSON", "ERROR AccessDenied calling route53"],
  ])("decoy: %s is no refusal", (_, message) => {
    expect(accessDeniedOf(message, at)).toBeNull()
  })
})

describe("concernsAlert", () => {
  const denied = (principal: string, action: string) => ({
    action,
    principal,
    resource: null,
    errorCode: "AccessDenied",
    atMs: at,
  })
  it.each([
    ["cert-manager-edge-20310312", "route53:ChangeResourceRecordSets"],
    ["external-dns-prod", "route53:ChangeResourceRecordSets"],
    ["platform-irsa-7", "acm:RequestCertificate"],
  ])("a certificate alert: %s on %s", (principal, action) => {
    expect(concernsAlert(denied(principal, action), [], true)).toBe(true)
  })
  it("a role named after the alert's service, whatever the alert is about", () => {
    expect(concernsAlert(denied("invoice-export-role", "s3:PutObject"), ["invoice-export"], false)).toBe(true)
  })
  it.each([
    ["ci-deployer", "s3:GetObject", true],
    ["cert-manager-edge", "route53:ChangeResourceRecordSets", false],
    ["reporting-etl", "kms:Decrypt", false],
  ])("decoy: %s on %s (certificate alert: %s) is another's", (principal, action, cert) => {
    expect(concernsAlert(denied(principal, action), ["checkout-api"], cert)).toBe(false)
  })
})
