/**
 * The clock of a scheduled run a person names (stop 20): "the Saturday 06:00 UTC run", "last
 * night's 2am run", "the 23:30 export job" open the window back to the run, however late they
 * noticed. Decoys: a count of jobs, a bare number before "run".
 */
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { readStatedOnset } from "../../src/domain/stated-onset.js"

const at = DateTime.unsafeMake(Date.parse("2026-12-19T07:43:00Z"))
const onset = (text: string) => {
  const r = readStatedOnset(text, at)
  return r === null ? null : { at: DateTime.formatIso(r.at), firm: r.firm }
}

describe("a scheduled run's clock", () => {
  it.each([
    [
      "The pay-period timesheet import (Saturday 06:00 UTC run) is usually done by 6:30.",
      "2026-12-19T06:00:00.000Z",
    ],
    ["last night's 2am run never finished", "2026-12-19T02:00:00.000Z"],
    ["the 23:30 export job is missing from the bucket", "2026-12-18T23:30:00.000Z"],
    ["did the 05:15 nightly run fail?", "2026-12-19T05:15:00.000Z"],
  ])("%s", (text, when) => expect(onset(text)).toEqual({ at: when, firm: true }))

  it.each(["we have 3 jobs running and the 10 run is fine", "the queue has 12 batch items"])(
    "decoy: %s",
    (text) => expect(onset(text)).toBeNull(),
  )
})
