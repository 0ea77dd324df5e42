/**
 * An API's 5xx traced to its Lambda integration's unhandled exception (integration-exceptions.ts):
 * Node's `Invoke Error {"errorType":…}`, Python's `[ERROR] KeyError`, an unhandled rejection, a
 * time-limit hit tied to 504s; decoys: an exception on another function, a function named after
 * the API failing hours before the 5xx, 429s (no 5xx at all).
 */
import { describe, expect, it } from "vitest"
import {
  clientErrorOnly,
  integrationExceptionsOf,
  lambdaExceptionOf,
} from "../../src/domain/integration-exceptions.js"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { readableLogMessage } from "../../src/domain/log-structured.js"

const t0 = Date.parse("2027-06-01T08:00:00Z")
const at = (group: string, seconds: number, message: string): LogLine => ({
  timestampMs: t0 + seconds * 1000,
  message: readableLogMessage(message),
  stream: "s",
  group,
})
const access = "/aws/apigateway/lumen-orders-api/access"
const gw = (seconds: number, status: string, path = "/v1/orders"): LogLine =>
  at(access, seconds, JSON.stringify({ requestId: `r${seconds}`, resourcePath: path, status }))
const nodeError = (type: string, message: string) =>
  `2027-06-01T08:00:00.000Z\tabc\tERROR\tInvoke Error \t${JSON.stringify({ errorType: type, errorMessage: message, stack: [] })}`

describe("lambdaExceptionOf", () => {
  it("reads Node, Python, unhandled rejections and time limits", () => {
    expect(
      lambdaExceptionOf(nodeError("TypeError", "Cannot read properties of undefined (reading 'x')")),
    ).toEqual({
      errorType: "TypeError",
      errorMessage: "Cannot read properties of undefined (reading 'x')",
    })
    expect(
      lambdaExceptionOf("[ERROR] KeyError: 'warehouse_id'\nTraceback (most recent call last):")?.errorType,
    ).toBe("KeyError")
    expect(
      lambdaExceptionOf(
        'ERROR Unhandled Promise Rejection {"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: boom"}',
      )?.errorType,
    ).toBe("Runtime.UnhandledPromiseRejection")
    expect(lambdaExceptionOf("Task timed out after 29.00 seconds")?.errorType).toBe("Task timed out")
    expect(lambdaExceptionOf("INFO order stored id=4")).toBeNull()
  })
})

describe("integrationExceptionsOf", () => {
  const fn = "/aws/lambda/lumen-orders-api-placeOrder"
  it("ties a Node TypeError to the 502s it coincides with", () => {
    const found = integrationExceptionsOf(
      [
        at(fn, 10, nodeError("TypeError", "Cannot read properties of null (reading 'sku')")),
        gw(10, "502"),
        at(fn, 70, nodeError("TypeError", "Cannot read properties of null (reading 'sku')")),
        gw(71, "502"),
      ],
      ["lumen-orders-api"],
    )
    expect(found.map((e) => [e.fn, e.errorType, e.failures, e.gatewayErrors])).toEqual([
      ["lumen-orders-api-placeOrder", "TypeError", 2, 2],
    ])
  })
  it("ties a Python exception quoted by the execution log, whatever the function's name", () => {
    const found = integrationExceptionsOf(
      [
        at("/aws/lambda/checkout-handler", 10, "[ERROR] KeyError: 'warehouse_id'"),
        at(
          "API-Gateway-Execution-Logs_ab12/prod",
          400,
          "(r1) Lambda execution failed with status 200 due to customer function error: 'warehouse_id'. Lambda request id: 1",
        ),
      ],
      ["lumen-orders-api"],
    )
    expect(found.map((e) => [e.fn, e.errorType])).toEqual([["checkout-handler", "KeyError"]])
    const quoted = integrationExceptionsOf(
      [
        at("/aws/lambda/checkout-handler", 10, "[ERROR] ValueError: unsupported currency code XYZ"),
        at(
          "API-Gateway-Execution-Logs_ab12/prod",
          400,
          "(r1) Lambda execution failed with status 200 due to customer function error: unsupported currency code XYZ",
        ),
      ],
      ["lumen-orders-api"],
    )
    expect(quoted.map((e) => e.fn)).toEqual(["checkout-handler"])
  })
  it("ties a time-limit hit to a 504", () => {
    const found = integrationExceptionsOf(
      [at(fn, 30, "Task timed out after 29.00 seconds"), gw(30, "504")],
      ["lumen-orders-api"],
    )
    expect(found.map((e) => e.errorType)).toEqual(["Task timed out"])
  })
  it("decoys: another function's exception, one hours before the 5xx, 429s only", () => {
    expect(
      integrationExceptionsOf(
        [
          at("/aws/lambda/nightly-report", 10, nodeError("RangeError", "Invalid array length")),
          gw(10, "502"),
        ],
        ["lumen-orders-api"],
      ),
    ).toEqual([])
    expect(
      integrationExceptionsOf(
        [
          at("/aws/lambda/lumen-orders-api-reminders", 0, "Task timed out after 30.00 seconds"),
          gw(7200, "502"),
        ],
        ["lumen-orders-api"],
      ),
    ).toEqual([])
    expect(
      clientErrorOnly(
        readableLogMessage(JSON.stringify({ status: "429", errorMessage: "Too Many Requests" })),
      ),
    ).toBe(true)
    expect(clientErrorOnly(readableLogMessage(JSON.stringify({ status: "502" })))).toBe(false)
  })
})
