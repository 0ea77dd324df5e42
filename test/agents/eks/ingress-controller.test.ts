/**
 * The ingress controller's logs: which alerts ask for them, and its lines' times (nginx's
 * error-log and access-log forms) kept within the window.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  alertAboutProxy,
  controllerLines,
  nginxLineTime,
} from "../../../src/agents/eks/ingress-controller.js"

describe("alertAboutProxy", () => {
  it.each([
    "[FIRING:1] IngressHigh504Rate checkout",
    "lots of 504s on search since 09:10",
    "ALB target 5xx high for api",
    "Gateway Timeout on /v2/orders",
    "ingress = web-frontend",
  ])("reads %s as about a proxy", (text) => expect(alertAboutProxy(text)).toBe(true))

  it.each([
    "KubePodCrashLooping payments-api",
    "disk 91% full on kafka-2",
    "p99 latency high for orders (5040 ms)",
  ])("does not read %s as about a proxy", (text) => expect(alertAboutProxy(text)).toBe(false))
})

describe("nginxLineTime", () => {
  it("parses the error log's UTC time and the access log's time with its offset", () => {
    expect(nginxLineTime("2027/04/09 17:08:31 [error] 41#41: *9 upstream timed out")).toBe(
      Date.parse("2027-04-09T17:08:31Z"),
    )
    expect(nginxLineTime('1.2.3.4 - - [09/Apr/2027:19:08:31 +0200] "GET / HTTP/2.0" 504 160')).toBe(
      Date.parse("2027-04-09T17:08:31Z"),
    )
    expect(nginxLineTime('{"time": "2027-04-09T17:08:31+00:00", "status": 504}')).toBe(
      Date.parse("2027-04-09T17:08:31Z"),
    )
    expect(nginxLineTime("W0409 controller.go:1216] Error obtaining Endpoints")).toBeNull()
  })
})

describe("controllerLines", () => {
  it("keeps the timed lines within the window, as lines of their pod", () => {
    const text = [
      "2027/04/09 16:00:00 [error] 1#1: *1 upstream timed out (110: Operation timed out) while reading response header from upstream",
      "2027/04/09 17:08:31 [error] 1#1: *2 upstream timed out (110: Operation timed out) while reading response header from upstream",
      "an untimed line",
    ].join("\n")
    const lines = controllerLines(
      [{ pod: "ingress-nginx-controller-x", container: "controller", previous: false, text }],
      Date.parse("2027-04-09T17:00:00Z"),
      Date.parse("2027-04-09T17:30:00Z"),
    )
    expect(lines.map((l) => [l.stream, l.timestampMs])).toEqual([
      ["ingress-nginx-controller-x", Date.parse("2027-04-09T17:08:31Z")],
    ])
  })
})
