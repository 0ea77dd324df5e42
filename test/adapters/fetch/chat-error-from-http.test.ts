import { describe, expect, it } from "@effect/vitest"
import { chatErrorFromHttp } from "../../../src/adapters/fetch/chat-error-from-http.js"
import { HttpCallError } from "../../../src/adapters/fetch/http-call-error.js"

const failure = (fields: Partial<ConstructorParameters<typeof HttpCallError>[0]>) =>
  new HttpCallError({ reason: "status", label: "x", attempts: 1, message: "x failed", ...fields })
const codeFromBody = (body: string) => (body.startsWith("code:") ? body.slice(5) : undefined)

describe("chatErrorFromHttp", () => {
  it("maps 4xx to rejected with the platform's code, else the status", () => {
    expect(
      chatErrorFromHttp("discord", "op", failure({ status: 404, bodySnippet: "code:10008" }), codeFromBody),
    ).toMatchObject({
      _tag: "ChatError",
      platform: "discord",
      operation: "op",
      reason: "rejected",
      code: "10008",
      message: "x failed",
    })
    expect(
      chatErrorFromHttp("slack", "op", failure({ status: 400, bodySnippet: "{}" }), codeFromBody),
    ).toMatchObject({
      reason: "rejected",
      code: "400",
    })
  })

  it("maps 429 to rate_limited, and 5xx, timeouts and network errors to unavailable", () => {
    const limited = failure({ reason: "rate_limited", status: 429 })
    expect(chatErrorFromHttp("slack", "op", limited, codeFromBody)).toMatchObject({
      reason: "rate_limited",
      code: "429",
    })
    expect(chatErrorFromHttp("slack", "op", failure({ status: 503 }), codeFromBody)).toMatchObject({
      reason: "unavailable",
      code: "503",
    })
    for (const reason of ["timeout", "network"] as const)
      expect(chatErrorFromHttp("discord", "op", failure({ reason }), codeFromBody)).toMatchObject({
        reason: "unavailable",
        code: reason,
      })
  })
})
