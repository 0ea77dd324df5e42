/**
 * The waiting sessions' own name (log-lock-holder.ts `waiting`): the failing app is the one
 * waiting, named by its own lines' application_name, else its database user — never the holder's,
 * and null when the waiters' lines carry neither.
 */
import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { lockHoldersOf } from "../../src/domain/log-lock-holder.js"

const t0 = Date.parse("2027-05-04T08:00:00Z")
const at = (s: number, message: string): LogLine => ({
  timestampMs: t0 + s * 1000,
  message,
  stream: "fleet-db",
  group: "/aws/rds/instance/fleet-db/postgresql",
})
const rds = (user: string, pid: number, text: string) =>
  `2027-05-04 08:00:00 UTC:10.0.0.5(4411):${user}@fleet:[${pid}]:${text}`
const waitingOf = (lines: ReadonlyArray<LogLine>) => lockHoldersOf(lines).map((h) => h.waiting)

describe("the waiting sessions' name", () => {
  it("is their database user from the RDS prefix, not the holder's", () => {
    expect(
      waitingOf([
        at(1, rds("dispatch_api", 501, "DETAIL:  Process holding the lock: 300. Wait queue: 501.")),
        at(2, rds("dispatch_api", 502, "DETAIL:  Process holding the lock: 300. Wait queue: 502.")),
        at(3, rds("fleet_sync", 300, "LOG:  duration: 9.1 ms  statement: UPDATE vans SET x = 1")),
      ]),
    ).toEqual(["dispatch_api"])
  })
  it("prefers their application_name, and reads the stock prefix", () => {
    expect(
      waitingOf([
        at(1, "[501] app@fleet LOG:  application_name=route-planner process 501 still waiting for ShareLock"),
        at(1, "[501] app@fleet DETAIL:  Process holding the lock: 300. Wait queue: 501."),
        at(2, "[610] app@fleet ERROR:  deadlock detected"),
        at(
          2,
          "[610] app@fleet DETAIL:  Process 610 waits for ShareLock on transaction 7; blocked by process 300.",
        ),
      ]),
    ).toEqual(["route-planner"])
  })
  it("is null when the waiters' lines carry no name (a bare deadlock report)", () => {
    expect(
      waitingOf([
        at(
          1,
          "ERROR:  deadlock detected DETAIL:  Process 610 waits for ShareLock on transaction 7; blocked by process 300.",
        ),
        at(2, "DETAIL:  Process 611 waits for ShareLock on transaction 7; blocked by process 300."),
        at(3, rds("fleet_sync", 300, "LOG:  duration: 9.1 ms  statement: UPDATE vans SET x = 1")),
      ]),
    ).toEqual([null])
  })
})
