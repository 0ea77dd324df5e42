import { describe, expect, it } from "vitest"
import { silentFailureCondition } from "../../src/domain/credential-failure-lines.js"
import { isProviderRefusalLine } from "../../src/domain/log-provider-refusal.js"

describe("isProviderRefusalLine", () => {
  it.each([
    '{"level":"error","msg":"ses send failed","error":"SendingPausedException: The message can\'t be sent because the account\'s ability to send email is currently paused."}',
    "ERROR MessageRejected: Sending paused for this account. For more information, please check the AWS console",
    "botocore.exceptions.ClientError: An error occurred (Throttling) when calling the SendEmail operation: Maximum sending rate exceeded.",
    "send failed: Throttling: Daily message quota exceeded.",
    "[ERROR] ses account eu-west-1: SendingEnabled=false - account sending is PAUSED",
  ])("reads %s", (l) => expect(isProviderRefusalLine(l)).toBe(true))

  it.each([
    "WARN twilio send throttled: 429 Too Many Requests (code 20429), retrying in 2s",
    "INFO email sent template=password_reset ses_message_id=0100018f",
    "WARN queue consumer paused for rebalancing",
  ])("decoy %s", (l) => expect(isProviderRefusalLine(l)).toBe(false))

  it("is read with the silent failures of a report naming nothing", () => {
    expect(silentFailureCondition).toContain("sendingpausedexception")
  })
})
