/**
 * A provider's status incident as a channel receives it: a feed's heading, a pasted status link,
 * a statuspage.io page — not a resolved incident, a maintenance notice, or a person's "Status:".
 */
import { describe, expect, it } from "vitest"
import { vendorStatusOf } from "../../src/domain/chat-vendor-status.js"

describe("vendorStatusOf", () => {
  it("a status feed's post, by its heading or its link", () => {
    expect(
      vendorStatusOf("*Mailgun Status* — Investigating: Increased API error rates for message sending", true),
    ).toEqual({ vendor: "mailgun" })
    expect(
      vendorStatusOf("adyen is degraded right now, see https://status.adyen.com/incidents/abc123", false),
    ).toEqual({ vendor: "adyen" })
    expect(
      vendorStatusOf("Identified: partial outage of the API — https://vonage.statuspage.io/x", false),
    ).toEqual({
      vendor: "vonage",
    })
  })
  it("not resolved incidents, maintenance, or a heading from a person", () => {
    expect(
      vendorStatusOf("*Stripe Status* — Resolved: Elevated error rates for API requests", true),
    ).toBeNull()
    expect(
      vendorStatusOf(
        "*Twilio Status* — Scheduled maintenance: SMS API, Sunday 02:00 UTC https://status.twilio.com/x",
        true,
      ),
    ).toBeNull()
    expect(vendorStatusOf("Deploy Status: errors in the pipeline, investigating", false)).toBeNull()
    expect(vendorStatusOf("*AWS Health* — Increased SES sending latency in eu-west-1", true)).toBeNull()
  })
})
