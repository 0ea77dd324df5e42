import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import {
  lambdaFunctionsNamed,
  lambdaMemoryLimitsOf,
  lambdaMemorySeverity,
} from "../../src/domain/log-lambda-memory.js"

const ids = [
  "a71f3c9e-2b8d-4f10-9e44-0c6d5b7a1e22",
  "0d93e7b1-66c4-4a2f-8f3e-9b1a2c4d5e60",
  "7c2f4a90-13e8-4b6d-a1f5-2e8d9c0b7f31",
]
const line = (group: string, ms: number, message: string): LogLine => ({
  group,
  stream: "s",
  timestampMs: ms,
  message,
})
const report = (id: string, size: number, used: number, extra = ""): string =>
  `REPORT RequestId: ${id}\tDuration: 5094.22 ms\tBilled Duration: 5095 ms\tMemory Size: ${size} MB\tMax Memory Used: ${used} MB${extra}`

describe("lambdaMemoryLimitsOf", () => {
  it("names a function killed at its limit (Python's signal: killed), counting invocations", () => {
    const g = "/aws/lambda/render-pages"
    const lines = ids.flatMap((id, i) => [
      line(
        g,
        i * 1000,
        `RequestId: ${id} Error: Runtime exited with error: signal: killed\nRuntime.ExitError`,
      ),
      line(g, i * 1000 + 1, report(id, 1024, 1024)),
    ])
    const [m] = lambdaMemoryLimitsOf(lines)
    expect(m?.fn).toBe("render-pages")
    expect(m?.sizeMb).toBe(1024)
    expect(m?.invocations).toBe(3)
    expect(m === undefined ? null : lambdaMemorySeverity(m)).toBe("high")
  })

  it("reads Node's Runtime.OutOfMemory and a REPORT a MB under the limit", () => {
    const g = "/aws/lambda/thumbnailer"
    const id = ids[0] ?? ""
    const lines = [
      line(
        g,
        1,
        `2027-01-01T00:00:00.000Z ${id} ERROR Runtime.OutOfMemory: Runtime exited with error: signal: killed`,
      ),
      line(g, 2, report(id, 256, 255)),
    ]
    const [m] = lambdaMemoryLimitsOf(lines)
    expect(m?.fn).toBe("thumbnailer")
    expect(m?.invocations).toBe(1)
    expect(m === undefined ? null : lambdaMemorySeverity(m)).toBe("medium")
  })

  it("decoys: REPORT lines well under the limit, a timeout, a full REPORT the runtime did not end", () => {
    const g = "/aws/lambda/exporter"
    const [a = "", b = "", c = ""] = ids
    expect(
      lambdaMemoryLimitsOf([
        line(g, 1, report(a, 1024, 598)),
        line(g, 2, `${new Date(2).toISOString()} ${b} Task timed out after 30.00 seconds`),
        line(g, 3, report(b, 1024, 1024, "\tStatus: timeout")),
        line(g, 4, report(c, 512, 512)),
        line("/ecs/exporter", 5, `RequestId: ${c} Error: Runtime exited with error: signal: killed`),
      ]),
    ).toEqual([])
  })
})

describe("lambdaFunctionsNamed", () => {
  it("reads function ARNs, escaped in a state machine's parameters or plain, with or without a qualifier", () => {
    expect(
      lambdaFunctionsNamed([
        '{\\"FunctionName\\":\\"arn:aws:lambda:us-east-1:604118273390:function:doc-ocr:41\\"}',
        '"resource":"arn:aws:lambda:eu-west-1:111122223333:function:resize-images"',
        "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:doc-ocr:$LATEST",
        "arn:aws:states:us-east-1:604118273390:stateMachine:ingest",
      ]),
    ).toEqual(["doc-ocr", "resize-images"])
  })
})
