/**
 * The Lambda runtime's time and request id are dropped from a quoted line, its level kept, so a
 * title clipped at 110 characters shows the exception rather than "…ValueEr…".
 */
import { describe, expect, it } from "@effect/vitest"
import { withoutLambdaPrefix } from "../../src/domain/log-lambda-prefix.js"
import { firstLine } from "../../src/domain/log-signature.js"

const python =
  "[ERROR]\t2027-04-13T06:12:41.207Z\t8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13\tskipping record (error: ValueError: invalid literal for int() with base 10: '14.2')"
const node =
  "2027-04-13T06:12:41.207Z\t8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13\tERROR\tInvoke Error \tTypeError: Cannot read properties of undefined (reading 'moisture_pct')"

describe("withoutLambdaPrefix", () => {
  it.each([
    [python, "[ERROR] skipping record (error: ValueError: invalid literal for int() with base 10: '14.2')"],
    [node, "ERROR Invoke Error \tTypeError: Cannot read properties of undefined (reading 'moisture_pct')"],
    // Collapsed to spaces by a shipper; a WARN from the Python runtime; Node's console.info.
    [
      "[WARNING] 2027-04-13T06:12:42.011Z 8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13 batch done failed=100",
      "[WARNING] batch done failed=100",
    ],
    ["2027-04-13T06:12:42Z\tc5d7e9f1-3a5b-4c7d-8e9f-1a3b5c7d9e24\tINFO\tstored 42", "INFO stored 42"],
    // The runtime's own line: no level to keep.
    [
      "2027-04-13T05:15:00.021Z 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e Task timed out after 900.02 seconds",
      "Task timed out after 900.02 seconds",
    ],
  ])("%s", (line, bare) => {
    expect(withoutLambdaPrefix(line)).toBe(bare)
  })

  it("leaves other lines alone (decoys)", () => {
    for (const line of [
      // A time without a request id, a request id not after a time, a uuid in the message.
      "[ERROR] 2027-04-13T06:12:41.207Z order failed",
      "8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13 ERROR order failed",
      "ERROR order 8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13 failed at 2027-04-13T06:12:41.207Z",
      "START RequestId: 3f1c9a7e-5b2d-4e8f-a1c3-7d9e0b2f4a61 Version: $LATEST",
      // Only the prefix: nothing left to quote.
      "[ERROR]\t2027-04-13T06:12:41.207Z\t8a2e4c6f-1b3d-4f5a-9c7e-2d4f6a8b0c13\t",
    ])
      expect(withoutLambdaPrefix(line)).toBe(line)
  })

  it("a title clipped at 110 characters shows a long Python or Node line's exception", () => {
    expect(firstLine(python, 110)).toContain("ValueError: invalid literal for int()")
    expect(firstLine(python, 110)).toMatch(/^\[ERROR\] skipping record/)
    expect(firstLine(node, 110)).toContain("TypeError: Cannot read properties of undefined")
    expect(firstLine(node, 110)).not.toContain("8a2e4c6f")
  })
})
