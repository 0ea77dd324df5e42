/**
 * A person's stated onset, in their words: a clock (24 h or am/pm), "for the last N hours", a
 * part of a day ("since last night", "overnight", "since yesterday evening"). Decoys: a year, a
 * day part without a preposition, a clock stated after the alert (the day before, bounded).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { windowFromOnset } from "../../src/domain/alert-onset.js"
import { readStatedOnset } from "../../src/domain/stated-onset.js"
import { facts } from "./causes-support.js"

const alertTime = DateTime.unsafeMake("2026-11-05T08:12:00Z")
const at = (text: string) => {
  const r = readStatedOnset(text, alertTime)
  return r === null ? null : DateTime.formatIso(r.at)
}
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

describe("readStatedOnset", () => {
  it("reads clocks, am/pm, the day before when later than the alert", () => {
    expect(at('orders stuck in "Pending" since around 11pm')).toBe("2026-11-04T23:00:00.000Z")
    expect(at("failing since 23:00")).toBe("2026-11-04T23:00:00.000Z")
    expect(at("broken since the 06:05 deploy")).toBe("2026-11-05T06:05:00.000Z")
    expect(at("started at 7:30 a.m. today")).toBe("2026-11-05T07:30:00.000Z")
    expect(readStatedOnset("stuck since around 11pm. help", alertTime)?.phrase).toBe("since around 11pm")
  })

  it("reads a duration back from the alert and parts of a day", () => {
    expect(at("exports have failed for the last 3 hours")).toBe("2026-11-05T05:12:00.000Z")
    expect(at("no emails in the past 45 min")).toBe("2026-11-05T07:27:00.000Z")
    expect(at("nothing delivered since last night")).toBe("2026-11-04T20:00:00.000Z")
    expect(at("the batch failed overnight")).toBe("2026-11-04T20:00:00.000Z")
    expect(at("invoices missing since yesterday evening")).toBe("2026-11-04T18:00:00.000Z")
  })

  it("states no onset for a year or a day part without a preposition", () => {
    expect(at("we have run this queue since 2019 without trouble")).toBeNull()
    expect(at("last night was quiet, but now the dashboard is red")).toBeNull()
    expect(at("overnight was fine")).toBeNull()
  })
})

describe("windowFromOnset with a person's onset", () => {
  it("opens hours back for a person, bounded by a day; a tool's start stays within three hours", () => {
    expect(startOf("transcripts stuck since around 11pm")).toBe("2026-11-04T22:50:00.000Z")
    expect(startOf("broken since yesterday")).toBe("2026-11-04T08:12:00.000Z")
    expect(startOf("[FIRING:1] X", "2026-11-04T23:00:00Z")).toBe("2026-11-05T05:12:00.000Z")
  })

  it("keeps a clock that names a thing ('the 09:10 sailing', later than the alert) within three hours", () => {
    expect(readStatedOnset("no manifests for the 09:10 sailing", alertTime)?.firm).toBe(false)
    expect(readStatedOnset("broken since the 06:05 deploy", alertTime)?.firm).toBe(true)
    expect(startOf("no manifests for the 09:10 sailing")).toBe("2026-11-05T05:12:00.000Z")
  })

  it("leaves the window when the onset is after the alert", () => {
    expect(startOf("[FIRING:1] X", "2026-11-05T09:00:00Z")).toBe(DateTime.formatIso(window.start))
  })
})
