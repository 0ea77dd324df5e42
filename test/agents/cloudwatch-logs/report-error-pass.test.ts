/**
 * A person's report whose words no line holds and that no silent failure explains
 * (report-error-pass.ts): the shared application group is read with the whole error query, so
 * the workload failing under a name the report never says is found, ranked as usual. Decoys: a
 * WARN-only workload (a cache client reconnecting) stays low; a workload's single error line
 * (a crash loop's one attempt since its back-off) is no burst; a certificate failure found first
 * keeps the pass from running.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2031-09-12T09:40:00Z"
const alertTime = "2031-09-12T09:36:00Z"
const app = "/aws/containerinsights/eks-prod-north/application"
type Line = readonly [string, string, string]
const groupsWith = (lines: ReadonlyArray<Line>) => [
  { name: app, events: lines.map(([t, stream, message]) => event(t, stream, message)) },
  { name: "/aws/eks/eks-prod-north/cluster", events: [] },
]
const reconnect: Line = [
  "2031-09-12T09:20:00Z",
  "sms-relay-5c9d7f8b6d-9qf2m_notify_relay",
  "WARN  redis: command BLPOP timed out after 2000ms, reconnecting",
]
const report =
  "<@U0SREBOT> members say the 'Reserve a court' button spins and then fails, 14 complaints so far"

const run = (text: string, lines: ReadonlyArray<Line>) =>
  Effect.gen(function* () {
    const { source } = yield* harness(groupsWith(lines), now)
    const task = taskFor({ text, alertTime, now })
    return yield* makeCloudWatchLogsAgent()
      .handle(task, { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

const failing = (workload: string, message: string): ReadonlyArray<Line> =>
  ["09:25:00", "09:30:00", "09:34:00"].map((t) => [
    `2031-09-12T${t}Z`,
    `${workload}-7d6c5b4a39-kk2jp_clubs_api`,
    message,
  ])

describe("the error pass of a person's report naming no service", () => {
  it.scoped.each([
    [
      "HikariCP",
      "court-booking",
      "ERROR POST /v1/reservations failed: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms",
    ],
    [
      "SQLAlchemy",
      "slot-planner",
      "ERROR sqlalchemy.exc.TimeoutError: QueuePool limit of size 10 overflow 5 reached, connection timed out, timeout 30",
    ],
    [
      "node-postgres",
      "member-portal",
      "error: POST /reserve 500 Error: timeout exceeded when trying to connect",
    ],
  ] as const)("%s errors of a workload the report never names are found", ([_stack, workload, message]) =>
    Effect.gen(function* () {
      const result = yield* run(report, [reconnect, ...failing(workload, message)])
      expect(result.summary).toContain("read the shared logs' errors")
      const top = result.findings[0]
      expect([top?.service, top?.severity]).toEqual([workload, "high"])
      // Decoy: the WARN-only reconnect is never above low.
      for (const f of result.findings.filter((x) => x.service === "sms-relay")) expect(f.severity).toBe("low")
    }),
  )

  it.scoped("decoy: one error line of a crash-looping worker is no burst: nothing read", () =>
    Effect.gen(function* () {
      const result = yield* run(report, [
        reconnect,
        [
          "2031-09-12T09:33:00Z",
          "digest-mailer-6b5f9d7c8-lw4tz_clubs_mailer",
          "ERROR smtp login failed: 535 5.7.8",
        ],
      ])
      expect(result.summary).not.toContain("read the shared logs' errors")
      for (const f of result.findings) expect(f.service).not.toBe("digest-mailer")
    }),
  )

  it.scoped("decoy: a certificate failure found first keeps the pass from running", () =>
    Effect.gen(function* () {
      const result = yield* run(report, [
        ...failing(
          "court-booking",
          "ERROR POST https://pay.example/v2: remote error: tls: expired certificate",
        ),
        [
          "2031-09-12T09:31:00Z",
          "ledger-7d6c5b4a39-aa2jp_clubs_api",
          "ERROR ledger write failed: disk quota",
        ],
      ])
      expect(result.summary).not.toContain("read the shared logs' errors")
      for (const f of result.findings) expect(f.service).not.toBe("ledger")
    }),
  )
})
