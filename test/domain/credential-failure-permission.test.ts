/**
 * An AWS API refusing the caller's role, read by the silent-failure condition for a report that
 * names nothing (stop 20): IAM's sentence in Go, Python and Java SDK wordings, any action. Decoys:
 * a bare "access denied", a 403 for a user, an S3 object that does not exist.
 */
import { describe, expect, it } from "vitest"
import { silentFailureCondition } from "../../src/domain/credential-failure-lines.js"

// The Logs Insights regex as a JavaScript one (both are PCRE-like for these words).
const inner = /^@message like \/\(\?i\)(.*)\/$/.exec(silentFailureCondition)?.[1] ?? "(?!)"
const matches = (line: string): boolean => new RegExp(inner, "i").test(line)

describe("the silent-failure condition reads an AWS permission refusal", () => {
  it.each([
    'err="operation error S3: PutObject, https response error StatusCode: 403, api error AccessDenied: User: arn:aws:sts::111122223333:assumed-role/tilecraft-prod-exporter/pod-1 is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-west-1:111122223333:key/abc"',
    "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
    "software.amazon.awssdk.services.sqs.model.SqsException: AccessDeniedException: User is not allowed (Service: Sqs, Status Code: 403)",
    "ERROR sending failed: AccessDeniedException: User: arn:aws:sts::1:assumed-role/mailer/x is not authorized to perform: ses:SendRawEmail",
  ])("%s", (line) => expect(matches(line)).toBe(true))
  it.each([
    "WARN GET /admin 403 Forbidden user=u_81 (access denied)",
    "INFO NoSuchKey: The specified key does not exist. key=covers/ep-9.jpg",
    "INFO uploaded master episode=ep_1 bytes=81234112",
  ])("decoy: %s", (line) => expect(matches(line)).toBe(false))
})
