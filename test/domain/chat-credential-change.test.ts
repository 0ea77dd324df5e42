/**
 * A credential revoked / rotated / disabled, as a person announces it (chat-credential-change.ts);
 * a question about one, or a key merely mentioned, is not.
 */
import { describe, expect, it } from "@effect/vitest"
import { credentialChanged } from "../../src/domain/chat-credential-change.js"

describe("credentialChanged", () => {
  it.each([
    "Revoked that Twilio API key SK7e4b…c91 in the Twilio console",
    "rotated the Stripe restricted key for checkout, old one is dead",
    "disabled the access key AKIA… of the ci-deployer user after the leak",
    "deactivated the Mailgun SMTP password, new one is in the vault",
    "we invalidated all GitHub tokens issued before 10:00",
    "regenerated the client secret of the Okta app",
  ])("%s → a credential change", (text) => {
    expect(credentialChanged(text)).toBe(true)
  })

  it.each([
    "is the Twilio API key still valid? seeing 401s",
    "the key vault is slow today",
    "rotated the on-call schedule",
    "deployed notify-svc 4.9.3",
  ])("%s → no credential change", (text) => {
    expect(credentialChanged(text)).toBe(false)
  })
})
