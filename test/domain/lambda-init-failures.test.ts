/**
 * A Lambda function that cannot start (lambda-init-failures.ts): Python's ImportModuleError after
 * a deploy, Node's "Cannot find module", a handler that does not exist, an extension crashing;
 * decoys: one init error among many good invocations, a cold start's normal INIT_REPORT.
 */
import { describe, expect, it } from "vitest"
import { lambdaInitFailuresOf, lambdaInitSeverity } from "../../src/domain/lambda-init-failures.js"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { readableLogMessage } from "../../src/domain/log-structured.js"

const t0 = Date.parse("2027-03-02T10:00:00Z")
const line = (group: string, minute: number, stream: string, message: string): LogLine => ({
  timestampMs: t0 + minute * 60_000,
  message,
  stream,
  group,
})

/** One good invocation: START, a line, REPORT. */
const good = (group: string, minute: number, version: string): ReadonlyArray<LogLine> => {
  const s = `2027/03/02/[${version}]aa${minute}`
  return [
    line(group, minute, s, `START RequestId: 1111-${minute} Version: ${version}`),
    line(group, minute, s, "[INFO] handled 3 records"),
    line(group, minute, s, `REPORT RequestId: 1111-${minute}\tDuration: 120.00 ms\tBilled Duration: 121 ms`),
  ]
}

/** One invocation failing at init with `error` and `type`. */
const failing = (group: string, minute: number, version: string, error: string, type: string) => {
  const s = `2027/03/02/[$LATEST]bb${minute}`
  return [
    line(group, minute, s, error),
    line(
      group,
      minute,
      s,
      `INIT_REPORT Init Duration: 300.00 ms\tPhase: init\tStatus: error\tError Type: ${type}`,
    ),
    line(
      group,
      minute,
      s,
      `INIT_REPORT Init Duration: 290.00 ms\tPhase: invoke\tStatus: error\tError Type: ${type}`,
    ),
    line(group, minute, s, `START RequestId: 2222-${minute} Version: ${version}`),
    line(group, minute, s, `END RequestId: 2222-${minute}`),
    line(
      group,
      minute,
      s,
      `REPORT RequestId: 2222-${minute}\tDuration: 301.00 ms\tStatus: error\tError Type: ${type}`,
    ),
  ]
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe("a Lambda function that cannot start", () => {
  it("reads a Python module missing since a deploy: the function, the error, the module, the versions", () => {
    const g = "/aws/lambda/kiln-firing-scheduler"
    const err =
      "[ERROR] Runtime.ImportModuleError: Unable to import module 'handler': No module named 'numpy.core._multiarray_umath'"
    const lines = [
      ...range(0, 4).flatMap((m) => good(g, m, "17")),
      ...range(5, 11).flatMap((m) => failing(g, m, "18", err, "Runtime.ImportModuleError")),
    ]
    const [f] = lambdaInitFailuresOf(lines)
    expect(f).toMatchObject({
      fn: "kiln-firing-scheduler",
      errorType: "Runtime.ImportModuleError",
      module: "numpy.core._multiarray_umath",
      failures: 6,
      completedBefore: 4,
      completedAfter: 0,
      failingVersion: "18",
      previousVersion: "17",
    })
    expect(f && lambdaInitSeverity(f)).toBe("high")
  })

  it("reads the lines as the query pass rewrites them (status and error type first)", () => {
    const g = "/aws/lambda/kiln-firing-scheduler"
    const err =
      "[ERROR] Runtime.UserCodeSyntaxError: Syntax error in module 'handler': invalid syntax (handler.py, line 41)"
    const lines = [
      ...range(0, 3).flatMap((m) => good(g, m, "17")),
      ...range(4, 9).flatMap((m) => failing(g, m, "18", err, "Runtime.UserCodeSyntaxError")),
    ].map((l) => ({ ...l, message: readableLogMessage(l.message) }))
    const [f] = lambdaInitFailuresOf(lines)
    expect(f).toMatchObject({
      errorType: "Runtime.UserCodeSyntaxError",
      failures: 5,
      completedBefore: 3,
      completedAfter: 0,
    })
    expect(f && lambdaInitSeverity(f)).toBe("high")
  })

  it("reads Node's Cannot find module without an error type", () => {
    const g = "/aws/lambda/ferry-ticket-issuer"
    const lines = range(0, 3).flatMap((m) => [
      line(
        g,
        m,
        "2027/03/02/[$LATEST]cc",
        "2027-03-02T10:00:00.000Z\tundefined\tERROR\tUncaught Exception \tError: Cannot find module '@aws-sdk/client-sqs'",
      ),
      line(
        g,
        m,
        "2027/03/02/[$LATEST]cc",
        "INIT_REPORT Init Duration: 150.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown",
      ),
    ])
    const [f] = lambdaInitFailuresOf(lines)
    expect(f).toMatchObject({ fn: "ferry-ticket-issuer", module: "@aws-sdk/client-sqs", failures: 3 })
    expect(f && lambdaInitSeverity(f)).toBe("high")
  })

  it("reads a handler that does not exist and an extension crashing", () => {
    const a = "/aws/lambda/greenhouse-vent-controller"
    const b = "/aws/lambda/parcel-label-printer"
    const lines = [
      ...range(0, 3).flatMap((m) =>
        failing(
          a,
          m,
          "9",
          "[ERROR] Runtime.HandlerNotFound: Handler 'main.lambda_handler' missing on module 'main'",
          "Runtime.HandlerNotFound",
        ),
      ),
      ...range(0, 2).flatMap((m) =>
        failing(
          b,
          m,
          "3",
          "EXTENSION\tName: otel-collector\tState: Crashed\tError Type: Extension.Crash",
          "Extension.Crash",
        ),
      ),
    ]
    const found = lambdaInitFailuresOf(lines)
    expect(found.map((f) => [f.fn, f.errorType, f.module])).toEqual([
      ["greenhouse-vent-controller", "Runtime.HandlerNotFound", "main.lambda_handler"],
      ["parcel-label-printer", "Extension.Crash", null],
    ])
  })

  it("keeps one init error among hundreds of good invocations low", () => {
    const g = "/aws/lambda/kiln-firing-scheduler"
    const lines = [
      ...range(0, 100).flatMap((m) => good(g, m, "17")),
      ...failing(
        g,
        100,
        "17",
        "[ERROR] Runtime.ExitError: RequestId: x Error: Runtime exited with error: signal: killed",
        "Runtime.ExitError",
      ),
      ...range(101, 300).flatMap((m) => good(g, m, "17")),
    ]
    const [f] = lambdaInitFailuresOf(lines)
    expect(f && lambdaInitSeverity(f)).toBe("low")
  })

  it("does not take a cold start's normal INIT_REPORT, or a group that is not a function's", () => {
    const g = "/aws/lambda/kiln-firing-scheduler"
    const lines = [
      line(g, 0, "s", "INIT_REPORT Init Duration: 812.33 ms"),
      ...good(g, 0, "17"),
      line("/ecs/kiln-api", 1, "s", "[ERROR] Runtime.ImportModuleError: Unable to import module 'app'"),
    ]
    expect(lambdaInitFailuresOf(lines)).toEqual([])
  })
})
