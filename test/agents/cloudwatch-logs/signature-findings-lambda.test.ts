/**
 * A Python Lambda's traceback shipped one line per event, read from the error query's rows: the
 * bare exception event is the function's high error signature, titled by the exception (the
 * header event is no finding of its own); a long runtime-prefixed line's title shows its exception.
 */
import { describe, expect, it } from "@effect/vitest"
import { linesOf } from "../../../src/agents/cloudwatch-logs/error-query.js"
import { signatureFindings } from "../../../src/agents/cloudwatch-logs/signature-findings.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { clusterLogLines } from "../../../src/domain/log-clusters.js"

const group = "/aws/lambda/meter-reading-ingest"
const row = (second: number, message: string) => ({
  "@timestamp": `2027-04-13 06:12:${String(second).padStart(2, "0")}.000`,
  "@message": message,
  "@logStream": "2027/04/13/[$LATEST]4b7d0c1e9a2f48d6b3e5a7c9d1f3b5e7",
  "@log": `512903447781:${group}`,
})
const facts = extractFacts(
  "ALARM: Errors for Lambda function meter-reading-ingest > 5\nNamespace: AWS/Lambda · Metric: Errors · FunctionName: meter-reading-ingest",
  defaultConfig.severity.labels,
)
const findingsOf = (rows: ReadonlyArray<Record<string, string>>) =>
  signatureFindings(clusterLogLines(linesOf(rows, [group])), { facts, link: () => null, truncated: false })
    .findings

describe("signatureFindings, a Lambda's traceback", () => {
  it("one line per event: the bare exception is a high finding named by it", () => {
    const findings = findingsOf([
      row(1, "Traceback (most recent call last):"),
      row(1, "ValueError: invalid literal for int() with base 10: '14.2'"),
      row(9, "Traceback (most recent call last):"),
      row(9, "ValueError: invalid literal for int() with base 10: '9.7'"),
    ])
    expect(findings.map((f) => f.severity)).toEqual(["high"])
    expect(findings[0]?.title).toContain("ValueError: invalid literal for int()")
    expect(findings.some((f) => f.title.includes("Traceback"))).toBe(false)
  })

  it("a long Python line's title keeps its level and shows its exception, not the request id", () => {
    const [finding] = findingsOf([
      row(
        3,
        "[ERROR]\t2027-04-13T06:12:03.207Z\t8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13\tskipping record\nTraceback (most recent call last):\n  File \"/var/task/h.py\", line 5, in f\n    int(x)\nValueError: invalid literal for int() with base 10: '14.2'",
      ),
    ])
    expect(finding?.title).toMatch(
      /^meter-reading-ingest: \[ERROR\] skipping record \(error: ValueError: invalid literal/,
    )
    expect(finding?.title).not.toContain("8a2e4c6f")
  })
})
