/**
 * Another Lambda using the account's shared concurrency, as chat says it
 * (chat-lambda-concurrency.ts): for a Lambda's throttles alarm only, and only a message about a
 * function scaling out (or deployed with an event source), not any mention of concurrency.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import {
  announcesConcurrencyUse,
  concurrencyTakenTitle,
  isConcurrencyTakenTitle,
  isLambdaThrottleAlert,
} from "../../src/domain/chat-lambda-concurrency.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("another Lambda taking the shared concurrency", () => {
  it("applies to a Lambda throttles alarm, not to its errors alarm or a pod alert", () => {
    expect(
      isLambdaThrottleAlert(
        facts(
          "CloudWatch Alarm | render-prod-Throttles\nMetric: AWS/Lambda Throttles, FunctionName = render-prod",
        ),
      ),
    ).toBe(true)
    expect(
      isLambdaThrottleAlert(
        facts("CloudWatch Alarm | render-prod-Errors\nMetric: AWS/Lambda Errors, FunctionName = render-prod"),
      ),
    ).toBe(false)
    expect(
      isLambdaThrottleAlert(facts("KubePodCrashLooping: pod api-7d9f8b6c5d-x2x9q in namespace shop")),
    ).toBe(false)
  })

  it("reads a function scaling out, or deployed with an event source", () => {
    expect(
      announcesConcurrencyUse("orders-replay lambda is scaling to 800 concurrent, should be done by 5"),
    ).toBe(true)
    expect(
      announcesConcurrencyUse("kicking off the image backfill: function fanning out, ~600 concurrency"),
    ).toBe(true)
    expect(announcesConcurrencyUse("deployed the ledger-export function with a Kinesis event source")).toBe(
      true,
    )
  })

  it("is not a question about concurrency, nor a service's deploy", () => {
    expect(announcesConcurrencyUse("what's our lambda concurrency limit again?")).toBe(false)
    expect(announcesConcurrencyUse("deployed checkout-api v2.3.1")).toBe(false)
    expect(announcesConcurrencyUse("the DB pool allows 50 concurrent connections")).toBe(false)
  })

  it("titles the finding so the cause names the other function, not a deploy of the subject", () => {
    const t = concurrencyTakenTitle(
      "render-prod",
      "#data",
      "orders-replay lambda is scaling to 800 concurrent",
    )
    expect(isConcurrencyTakenTitle(t)).toBe(true)
    expect(t).toContain("orders-replay")
    expect(isConcurrencyTakenTitle("Change to render-prod announced in #ops: deployed")).toBe(false)
  })
})
