/**
 * A person's report naming a product area, not a service (silent-failure-pass.ts): the shared
 * groups and the managed databases' own logs are read for refused credentials — a rotated
 * password the pool still holds (PostgreSQL, MySQL), an expired client secret logged as a
 * warning by a scheduled worker. Decoys: a plain 401 of a user's session, a tool's alert (not a
 * person's report), a report whose words the logs do know.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2031-06-05T02:45:00Z"
const alertTime = "2031-06-05T02:41:00Z"
const app = "/aws/containerinsights/eks-prod-west/application"
type Line = readonly [string, string, string]
const groupsWith = (lines: ReadonlyArray<Line>, databases: Record<string, ReadonlyArray<Line>> = {}) => [
  { name: app, events: lines.map(([t, stream, message]) => event(t, stream, message)) },
  { name: "/aws/eks/eks-prod-west/cluster", events: [] },
  ...Object.entries(databases).map(([name, ls]) => ({
    name,
    events: ls.map(([t, stream, message]) => event(t, stream, message)),
  })),
]
const decoys: ReadonlyArray<Line> = [
  [
    "2031-06-05T02:20:00Z",
    "profile-web-5c9d7f8b6d-9qf2m_web_portal",
    "WARN GET /v1/profile 401 Unauthorized (session expired)",
  ],
  [
    "2031-06-05T02:25:00Z",
    "mailer-6b8c9d7f4-zx2qw_notify_mailer",
    "ERROR smtp send failed: 421 try again later",
  ],
]

const run = (
  text: string,
  lines: ReadonlyArray<Line>,
  databases: Record<string, ReadonlyArray<Line>> = {},
  bot = false,
) =>
  Effect.gen(function* () {
    const { source } = yield* harness(groupsWith(lines, databases), now)
    const task = taskFor({ text, alertTime, now })
    const human = bot ? task : { ...task, facts: { ...task.facts, source: "human" as const } }
    return yield* makeCloudWatchLogsAgent()
      .handle(human, { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

describe("the credential pass of a person's report", () => {
  it.scoped("PostgreSQL refusing a rotated password, in the RDS instance's own log only", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> the ward kiosks say 'Something went wrong' when staff book a bed since 2am, anything up?",
        [
          ...decoys,
          [
            "2031-06-05T02:30:00Z",
            "bed-booking-84d6b9c7f5-lm4rz_wards_api",
            "ERROR POST /beds 503 - database unavailable",
          ],
        ],
        {
          "/aws/rds/instance/wards-db/postgresql": [
            [
              "2031-06-05T02:31:00Z",
              "wards-db.0",
              '2031-06-05 02:31:00 UTC:10.1.2.3(5011):beds_app@beds:[811]:FATAL:  password authentication failed for user "beds_app"',
            ],
          ],
        },
      )
      expect(result.summary).toContain("refused credentials")
      const top = result.findings[0]
      expect(top?.title).toContain("password authentication failed")
      expect(top?.severity).toBe("high")
      for (const f of result.findings) expect(f.title).not.toMatch(/profile-web|mailer/)
    }),
  )
  it.scoped("MySQL's 'Access denied for user' in an Aurora cluster's error log", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> loyalty points stopped showing in the till app around 2am, can someone look?",
        decoys,
        {
          "/aws/rds/cluster/loyalty-aurora/error": [
            [
              "2031-06-05T02:33:00Z",
              "loyalty-aurora-1",
              "2031-06-05T02:33:00.118Z 41 [Warning] [MY-010055] [Server] Access denied for user 'points_rw'@'10.4.5.6' (using password: YES)",
            ],
          ],
        },
      )
      const refused = result.findings.find((f) => /Access denied for user/.test(f.title))
      expect(refused?.severity).toBe("medium")
    }),
  )
  it.scoped("an expired client secret a scheduled worker logs as a warning: medium, not chatter", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> new hires are not showing up in the partner portal since this morning",
        [
          ...decoys,
          [
            "2031-06-05T02:30:00Z",
            "roster-sync-7d6c5b4a39-kk2jp_people_worker",
            "WARN cycle finished ok=0 failed=88 (invalid_client x88)",
          ],
        ],
      )
      const top = result.findings.find((f) => f.service === "roster-sync")
      expect(top?.severity).toBe("medium")
    }),
  )
  it.scoped("decoy: a user's 401 and a refused SMTP are no refused credential: nothing ≥ medium", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "<@U0SREBOT> the ward kiosks are stuck since 2am, can someone look?",
        decoys,
        {
          "/aws/rds/instance/wards-db/postgresql": [
            ["2031-06-05T02:31:00Z", "wards-db.0", "LOG:  checkpoint complete"],
          ],
        },
      )
      expect(result.findings.filter((f) => f.severity === "high" || f.severity === "medium")).toEqual([])
    }),
  )
  it.scoped("decoy: a tool's alert is not read for refused credentials in the databases' logs", () =>
    Effect.gen(function* () {
      const result = yield* run(
        "[FIRING:1] KubeDeploymentReplicasMismatch profile-web",
        decoys,
        {
          "/aws/rds/instance/wards-db/postgresql": [
            [
              "2031-06-05T02:31:00Z",
              "wards-db.0",
              'FATAL:  password authentication failed for user "beds_app"',
            ],
          ],
        },
        true,
      )
      for (const f of result.findings) expect(f.title).not.toContain("password authentication failed")
    }),
  )
})
