/**
 * The evidence window opens early enough for the onset the alert states: a tool's start time or
 * a person's "since about 19:00", a little before it, never more than three hours (a tool's) or a
 * day (a person's) before the alert, and never later than the window already opens.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { statedOnset, windowFromOnset } from "../../src/domain/alert-onset.js"
import { facts } from "./causes-support.js"

const alertTime = DateTime.unsafeMake("2026-11-05T19:36:14Z")
const window = investigationWindow(alertTime, {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const startOf = (text: string, startsAt: string | null = null) =>
  DateTime.formatIso(
    windowFromOnset(
      window,
      facts({ startsAt: startsAt === null ? null : DateTime.unsafeMake(startsAt) }),
      text,
      alertTime,
    ).start,
  )

describe("windowFromOnset", () => {
  it("opens ten minutes before a person's stated onset", () => {
    expect(startOf("product pages are crawling since about 19:00, pdp-bff p95 went to 2.3s")).toBe(
      "2026-11-05T18:50:00.000Z",
    )
    // A person's onset reaches back up to a day (stated-onset.test.ts); a tool's, three hours.
    expect(startOf("search returns 503 since ~08:15")).toBe("2026-11-05T08:05:00.000Z")
  })

  it("opens before a tool's start time, and leaves a window that already holds the onset", () => {
    expect(startOf("[FIRING:1] X", "2026-11-05T18:40:00Z")).toBe("2026-11-05T18:30:00.000Z")
    expect(startOf("[FIRING:1] X", "2026-11-05T19:20:00Z")).toBe(DateTime.formatIso(window.start))
    expect(startOf("checkout is slow")).toBe(DateTime.formatIso(window.start))
  })

  it("reads a clock a person gives for what failed ('the 05:00 export', 'failed at 18:20')", () => {
    expect(startOf("the nightly export failed and the 18:20 run never landed in S3")).toBe(
      "2026-11-05T18:10:00.000Z",
    )
    expect(startOf("checkout failed at 18:50, can you look?")).toBe("2026-11-05T18:40:00.000Z")
  })

  it("reads a clock later than the alert as the day before", () => {
    const onset = statedOnset("failing since 23:10 UTC", alertTime)
    expect(onset === null ? null : DateTime.formatIso(onset)).toBe("2026-11-04T23:10:00.000Z")
    expect(statedOnset("since 25:99", alertTime)).toBeNull()
  })
})
