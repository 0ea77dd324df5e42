/**
 * AWS Batch's shared job group narrowed to the job a report names (stop 20): two of the report's
 * words in the stream's first segment, in either order; the job's name is the line's service.
 * Decoys: one shared word, the word in a later segment.
 */
import { describe, expect, it } from "vitest"
import { logOrigin } from "../../src/domain/log-origin.js"
import { streamNamedWith, streamWordsCondition } from "../../src/domain/shared-job-groups.js"

describe("streams of a shared job group named with the report's words", () => {
  const words = ["payroll", "previews", "timesheet", "import"]
  it.each([
    "timesheet-import-prod/default/5d0e7a41",
    "import_timesheets/default/91b4",
    "payroll-preview-builder/default/77aa",
  ])("%s", (stream) => expect(streamNamedWith(words, stream)).toBe(true))
  it.each([
    "timesheet-archiver/default/1",
    "ledger-close/default/timesheet-import",
    "payslip-render/default/2",
  ])("decoy: %s", (stream) => expect(streamNamedWith(words, stream)).toBe(false))
  it("is a case-insensitive Logs Insights condition on the stream; none with one word", () => {
    expect(streamWordsCondition(words)).toMatch(/^@logStream like \/\(\?i\)\^/)
    expect(streamWordsCondition(["timesheet"])).toBeNull()
  })
  it("a Batch stream's first segment is the job", () => {
    expect(logOrigin("/aws/batch/job", "timesheet-import-prod/default/5d0e").service).toBe(
      "timesheet-import-prod",
    )
    expect(logOrigin("/aws/lambda/x", "timesheet-import-prod/default/5d0e").service).toBe("x")
  })
})
