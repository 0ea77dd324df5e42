/**
 * A Lambda function ending at its time limit (lambda-timeouts.ts): a run whose retries all time
 * out is high, a timeout among runs that still complete is a slow tail, never high.
 */
import { describe, expect, it } from "vitest"
import { lambdaTimeoutSeverity, lambdaTimeoutsOf } from "../../src/domain/lambda-timeouts.js"

const group = "/aws/lambda/statement-batcher"
const at = (min: number) => Date.UTC(2027, 0, 5, 4, min)
const line = (min: number, message: string, stream = "2027/01/05/[$LATEST]a") => ({
  timestampMs: at(min),
  message,
  stream,
  group,
})
const id = "5d0c1f7a-2b3e-4c5d-8e9f-0a1b2c3d4e5f"
const ok = (min: number) =>
  line(
    min,
    "REPORT RequestId: 11111111-2222-3333-4444-555555555555\tDuration: 1200.00 ms\tBilled Duration: 1200 ms",
  )

describe("lambdaTimeoutsOf", () => {
  it("reads every retry of one run timing out, the limit from the Task timed out line", () => {
    const lines = [
      ok(0),
      line(10, `2027-01-05T04:10:00Z ${id} Task timed out after 900.00 seconds`),
      line(10, `REPORT RequestId: ${id}\tDuration: 900000.00 ms\tStatus: timeout`),
      line(27, `REPORT RequestId: ${id}\tDuration: 900000.00 ms\tStatus: timeout`, "b"),
      line(44, `REPORT RequestId: ${id}\tDuration: 900000.00 ms\tStatus: timeout`, "c"),
    ]
    const [t] = lambdaTimeoutsOf(lines)
    expect(t?.fn).toBe("statement-batcher")
    expect(t?.limitSeconds).toBe(900)
    expect(t?.attempts).toBe(3)
    expect(t?.runs).toBe(1)
    expect(t === undefined ? null : lambdaTimeoutSeverity(t)).toBe("high")
  })

  it("reads a Node runtime's wording and a REPORT status alone", () => {
    const [t] = lambdaTimeoutsOf([
      line(1, `${id}\tTask timed out after 30.03 seconds`),
      line(
        5,
        "REPORT RequestId: 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a\tDuration: 30000.00 ms\tStatus: timeout",
        "x",
      ),
    ])
    expect(t?.limitSeconds).toBe(30.03)
    expect(t?.runs).toBe(2)
  })

  it("keeps one timeout among completed runs low, and no timeout at all is nothing", () => {
    const [t] = lambdaTimeoutsOf([ok(0), line(3, `${id} Task timed out after 60.00 seconds`), ok(6), ok(9)])
    expect(t === undefined ? null : lambdaTimeoutSeverity(t)).toBe("low")
    expect(lambdaTimeoutsOf([ok(0), ok(1), line(2, "[WARNING] remaining time low: 20s left")])).toEqual([])
  })

  it("ignores timeouts in groups that are not a Lambda function's", () => {
    expect(
      lambdaTimeoutsOf([{ ...line(1, `${id} Task timed out after 60.00 seconds`), group: "/ecs/prod/api" }]),
    ).toEqual([])
  })
})
