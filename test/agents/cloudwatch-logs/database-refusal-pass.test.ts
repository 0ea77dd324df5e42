/**
 * An alert's service that logs nothing of its own in CloudWatch (silent-failure-pass.ts,
 * databaseRefusalPass): the managed databases' logs are read for refused connections — a
 * PostgreSQL or MySQL out of connection slots — as support (≤ medium). Decoys: the service's own
 * lines were read (they lead), and a database log holding only routine lines.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeCloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2031-09-10T04:45:00Z"
const alertTime = "2031-09-10T04:41:00Z"
const app = "/aws/containerinsights/ops-prod-east/application"
type Line = readonly [string, string, string]
const groupsWith = (lines: ReadonlyArray<Line>, databases: Record<string, ReadonlyArray<Line>>) => [
  { name: app, events: lines.map(([t, stream, message]) => event(t, stream, message)) },
  ...Object.entries(databases).map(([name, ls]) => ({
    name,
    events: ls.map(([t, stream, message]) => event(t, stream, message)),
  })),
]
const caller: Line = [
  "2031-09-10T04:30:00Z",
  "store-web-5c9d7f8b6d-9qf2m_shop_web",
  "ERROR GET /api/carts -> cart-api responded 503 (upstream)",
]
const alert = "[P1] Triggered: cart-api 5xx error rate > 5% on env:prod\nTags: env:prod, service:cart-api"

const run = (lines: ReadonlyArray<Line>, databases: Record<string, ReadonlyArray<Line>>) =>
  Effect.gen(function* () {
    const { source } = yield* harness(groupsWith(lines, databases), now)
    const task = taskFor({ text: alert, alertTime, now })
    return yield* makeCloudWatchLogsAgent()
      .handle(task, { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

describe("the database refusal pass", () => {
  it.scoped.each([
    [
      "/aws/rds/instance/carts-db/postgresql",
      "2031-09-10 04:31:00 UTC:10.1.2.3(5011):carts@shop:[811]:FATAL:  sorry, too many clients already",
    ],
    [
      "/aws/rds/instance/carts-db/postgresql",
      "2031-09-10 04:31:00 UTC:10.1.2.3(5011):carts@shop:[811]:FATAL:  remaining connection slots are reserved for non-replication superuser connections",
    ],
    [
      "/aws/rds/cluster/carts-aurora/error",
      "2031-09-10T04:31:00.118Z 41 [ERROR] [MY-010934] [Server] Too many connections: refused client 10.4.5.6",
    ],
  ] as const)("reads %s for a refused connection, as support", ([group, message]) =>
    Effect.gen(function* () {
      const result = yield* run([caller], { [group]: [["2031-09-10T04:31:00Z", "db.0", message]] })
      expect(result.summary).toContain("refused connections")
      const refused = result.findings.find(
        (f) => f.resource?.includes("/aws/rds/") || f.title.match(/too many|slots/i),
      )
      expect(refused?.severity).toBe("medium")
    }),
  )
  it.scoped("decoy: the service's own errors were read: no database pass", () =>
    Effect.gen(function* () {
      const result = yield* run(
        [
          caller,
          ["2031-09-10T04:32:00Z", "cart-api-7d6c5b4a39-kk2jp_shop_api", "ERROR pool timeout after 30000ms"],
        ],
        {
          "/aws/rds/instance/carts-db/postgresql": [
            ["2031-09-10T04:31:00Z", "db.0", "FATAL:  sorry, too many clients already"],
          ],
        },
      )
      expect(result.summary).not.toContain("refused connections")
    }),
  )
  it.scoped("decoy: a database log of routine lines: no finding from it", () =>
    Effect.gen(function* () {
      const result = yield* run([caller], {
        "/aws/rds/instance/carts-db/postgresql": [
          ["2031-09-10T04:31:00Z", "db.0", "LOG:  checkpoint complete: wrote 4211 buffers (1.7%)"],
        ],
      })
      expect(result.summary).not.toContain("refused connections")
      for (const f of result.findings) expect(f.title).not.toContain("checkpoint")
    }),
  )
})
