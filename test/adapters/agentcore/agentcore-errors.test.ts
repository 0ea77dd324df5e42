/** SDK failures that never reached the service still map to a reason (and never to a throw). */
import { describe, expect, it } from "@effect/vitest"
import { invokeErrorFromAgentCore } from "../../../src/adapters/agentcore/agentcore-errors.js"

describe("invokeErrorFromAgentCore", () => {
  it("maps by name, then by status, and anything unknown to unreachable", () => {
    const named = (name: string, status?: number) =>
      Object.assign(new Error(`${name} happened`), {
        name,
        ...(status === undefined ? {} : { $metadata: { httpStatusCode: status } }),
      })
    expect(invokeErrorFromAgentCore("eks", named("ResourceNotFoundException", 404)).reason).toBe(
      "not_configured",
    )
    expect(invokeErrorFromAgentCore("eks", named("ServiceQuotaExceededException", 402)).reason).toBe(
      "unreachable",
    )
    expect(invokeErrorFromAgentCore("eks", named("SomethingNew", 403)).reason).toBe("rejected")
    expect(invokeErrorFromAgentCore("eks", named("SomethingNew", 429)).reason).toBe("unreachable")
    expect(invokeErrorFromAgentCore("eks", named("TimeoutError")).reason).toBe("timeout")
    expect(
      invokeErrorFromAgentCore(
        "eks",
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      ),
    ).toMatchObject({ reason: "unreachable", agent: "eks" })
    expect(invokeErrorFromAgentCore("eks", "a string").message).toContain("a string")
    expect(invokeErrorFromAgentCore("eks", null).reason).toBe("unreachable")
  })
})
