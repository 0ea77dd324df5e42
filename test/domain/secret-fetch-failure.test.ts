/**
 * A secret a task could not fetch: the ECS agent's words, Secrets Manager's and SSM's exceptions,
 * named with the store, the exception and the secret; never a DNS failure, an image pull or a
 * DynamoDB table that is not there.
 */
import { describe, expect, it } from "vitest"
import { modeLabel } from "../../src/domain/causes-labels.js"
import { modeOf } from "../../src/domain/causes-modes.js"
import { secretFailureLabel, secretFetchFailed } from "../../src/domain/secret-fetch-failure.js"
import { finding } from "./build-report-support.js"

describe("secretFailureLabel", () => {
  it("names the store, the exception and the secret", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      [
        "resourceinitializationerror: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-2:123456789012:secret:prod/quote-pricer/stripe-key-a1b2c3 from secrets manager: resourcenotfoundexception: secrets manager can't find the specified secret.",
        "secret missing or unreadable (Secrets Manager ResourceNotFoundException: prod/quote-pricer/stripe-key-a1b2c3)",
      ],
      [
        "resourceinitializationerror: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /prod/tile-server/db-url",
        "secret missing or unreadable (SSM ParameterNotFound: /prod/tile-server/db-url)",
      ],
      [
        'error fetching config: accessdeniedexception: user: arn:aws:sts::123456789012:assumed-role/kiosk-task/abc is not authorized to perform: secretsmanager:getsecretvalue on resource: kiosk/api-token (secretid="kiosk/api-token")',
        "secret missing or unreadable (Secrets Manager AccessDeniedException: kiosk/api-token)",
      ],
    ]
    for (const [text, label] of cases) expect(secretFailureLabel(text)).toBe(label)
  })

  it("does not read a name lookup, an image pull or another service's not-found as a secret (decoys)", () => {
    for (const text of [
      "error: getaddrinfo enotfound billing.internal.example.com",
      "cannotpullcontainererror: pull image manifest has been retried 5 time(s): manifest unknown",
      "resourcenotfoundexception: requested resource not found: table: orders-prod",
      "rotating secret prod/api-key: new version staged",
    ]) {
      expect(secretFetchFailed.test(text)).toBe(false)
      expect(secretFailureLabel(text)).toBeNull()
    }
  })
})

describe("a secret that cannot be fetched, as a cause's mode and words", () => {
  const logs = (title: string, excerpt: string) =>
    finding("cloudwatch_logs", { kind: "log_signature", title, severity: "high", detail: "", excerpt })

  it("is a configuration failure named after the secret, not DNS or a refused credential", () => {
    const variants = [
      logs(
        "quote-pricer: ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets…",
        "ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: failed to fetch secret arn:aws:secretsmanager:us-east-2:123456789012:secret:prod/quote-pricer/stripe-key-a1b2c3 from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret. (service:quote-pricer)",
      ),
      logs(
        "tile-server: ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets…",
        "ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: invalid ssm parameters: /prod/tile-server/db-url (service:tile-server)",
      ),
      logs(
        "kiosk-api: ERROR GetSecretValue failed",
        "ERROR GetSecretValue failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/kiosk-task/1 is not authorized to perform: secretsmanager:GetSecretValue on resource: kiosk/api-token",
      ),
    ]
    for (const f of variants) {
      expect(modeOf(f)).toBe("config")
      expect(modeLabel("config", [f])).toMatch(/^secret missing or unreadable \((?:Secrets Manager|SSM) /)
    }
  })

  it("leaves a name that does not resolve DNS and an image that cannot be pulled an image pull (decoys)", () => {
    expect(
      modeOf(
        logs(
          "billing-sync: ERROR getaddrinfo ENOTFOUND ledger.internal",
          "getaddrinfo ENOTFOUND ledger.internal",
        ),
      ),
    ).toBe("dns")
    expect(
      modeOf(
        logs(
          "tile-server: ECS Task State Change: TaskFailedToStart: CannotPullContainerError: pull image manifest has been retried",
          "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-2.amazonaws.com/tiles:9.1: not found",
        ),
      ),
    ).toBe("image")
  })
})
