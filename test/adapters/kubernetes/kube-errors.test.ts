/**
 * client-node failures mapped at the boundary: the HTTP code decides the reason, the Status
 * message (a JSON string body, as client-node hands it over) is kept and redacted, a 429 reports
 * its Retry-After, and non-API errors are network trouble — except client-node's refusal of a
 * plain-http server, which is a configuration problem.
 */

import { describe, expect, it } from "@effect/vitest"
import { ApiException } from "@kubernetes/client-node"
import { failureFrom, statusMessage } from "../../../src/adapters/kubernetes/kube-errors.js"

const status = (code: number, message: string) =>
  JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", message, code })

const reasonOf = (code: number, body: unknown, headers: Record<string, string> = {}) =>
  failureFrom(new ApiException(code, "x", body, headers), "list pods", 0)

describe("failureFrom", () => {
  it("maps codes to reasons and keeps the Status message", () => {
    expect([401, 403, 404, 429, 500, 503].map((c) => reasonOf(c, status(c, "m")).error.reason)).toEqual([
      "forbidden",
      "forbidden",
      "not_found",
      "throttled",
      "unavailable",
      "unavailable",
    ])
    expect(
      reasonOf(403, status(403, 'pods is forbidden: User "u" cannot list resource "pods"')).error.message,
    ).toBe('list pods: HTTP 403: pods is forbidden: User "u" cannot list resource "pods"')
    expect(
      reasonOf(400, status(400, 'previous terminated container "a" in pod "p" not found')).error.reason,
    ).toBe("not_found")
    expect(reasonOf(400, status(400, "a container name must be specified")).error.reason).toBe("unavailable")
    expect(reasonOf(401, undefined).error.message).toBe(
      "list pods: HTTP 401: Unauthorized: the credentials were rejected",
    )
  })

  it("a 429 carries the server's Retry-After", () => {
    expect(reasonOf(429, status(429, "slow down"), { "retry-after": "3" }).retryAfterMs).toBe(3000)
    expect(reasonOf(429, status(429, "slow down")).retryAfterMs).toBeUndefined()
  })

  it("redacts what the message carries", () => {
    expect(reasonOf(500, status(500, "dial failed: password=hunter2")).error.message).not.toContain("hunter2")
  })

  it("non-API errors: network trouble is unavailable, an http server without skip-TLS is not_configured", () => {
    expect(failureFrom(new Error("connect ECONNREFUSED 127.0.0.1:1"), "get node n", 0).error).toMatchObject({
      reason: "unavailable",
      message: "get node n: connect ECONNREFUSED 127.0.0.1:1",
    })
    expect(
      failureFrom(new Error("HTTP protocol is not allowed when skipTLSVerify is not set or false"), "x", 0)
        .error.reason,
    ).toBe("not_configured")
  })

  it("reads Status bodies given as text or as objects, and nothing else", () => {
    expect(statusMessage(status(404, "gone"))).toBe("gone")
    expect(statusMessage({ message: "gone" })).toBe("gone")
    expect(statusMessage("<html>bad gateway</html>")).toBeNull()
  })
})
