/**
 * The rotation behind refused credentials: when the alerting service's error lines say its
 * credentials are refused, the logs agent finds the rotation functions' groups (no alert names
 * them), reads their steps over the change lookback, and reports the rotation that explains the
 * refusals as a `credential_rotation` change about the service — not another team's rotation,
 * and no search at all when nothing is refused.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { refusalsOf } from "../../../src/agents/cloudwatch-logs/rotation-findings.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { at, finding } from "../../domain/build-report-support.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2026-09-14T02:31:00Z"
const alert = `[FIRING:1] KubeDeploymentReplicasMismatch prod
*Alert:* Deployment ledger/ledger-api has not matched the expected number of replicas
*Labels:* alertname=KubeDeploymentReplicasMismatch, cluster=eks-core-euw1, namespace=ledger, deployment=ledger-api, severity=critical`
const appGroup = "/aws/containerinsights/eks-core-euw1/application"
const refused = (pod: string, t: string) =>
  event(
    t,
    `${pod}_ledger_ledger-api`,
    `${t} ERROR [pool-2] com.mysql.cj.jdbc.exceptions.SQLError: Access denied for user 'ledger_svc'@'10.40.3.7' (using password: YES)`,
  )
const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:444455556666:secret:${name}-Hk29sQ`
const rotationSteps = (name: string, user: string, t: string) => [
  event(
    `${t}:01Z`,
    "2026/09/14/[$LATEST]aa",
    `createSecret: Successfully put secret for ARN ${arn(name)} and version 77e1.`,
  ),
  event(
    `${t}:03Z`,
    "2026/09/14/[$LATEST]aa",
    `setSecret: Successfully set password for ${user} in MySQL DB for secret arn ${arn(name)}.`,
  ),
  event(
    `${t}:05Z`,
    "2026/09/14/[$LATEST]aa",
    `testSecret: Successfully signed into MySQL DB for secret arn ${arn(name)}.`,
  ),
  event(
    `${t}:07Z`,
    "2026/09/14/[$LATEST]aa",
    `finishSecret: Successfully set AWSCURRENT stage to version 77e1 for secret ${arn(name)}.`,
  ),
]

const groups = (appEvents: ReturnType<typeof event>[]) => [
  { name: appGroup, events: appEvents },
  {
    name: "/aws/lambda/SecretsManagerRDSMySQLRotationSingleUser",
    events: rotationSteps("prod/ledger/mysql-app", "ledger_svc", "2026-09-14T01:45"),
  },
  // Another team's rotation, later and closer to the alert: a red herring.
  {
    name: "/aws/lambda/payments-db-rotation",
    events: rotationSteps("prod/payments/pg-app", "payments_app", "2026-09-14T02:05"),
  },
]

describe("credential rotation behind refused credentials", () => {
  it.scoped("reports the rotation of the refused user's secret as a change about the service", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(
        groups([
          refused("ledger-api-5f7b9c6d84-k2xq9", "2026-09-14T02:12:40Z"),
          refused("ledger-api-5f7b9c6d84-p8wzt", "2026-09-14T02:19:02Z"),
        ]),
        now,
      )
      const task = taskFor({ text: alert, alertTime: "2026-09-14T02:28:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      const rotations = result.findings.filter((f) => f.kind === "credential_rotation")
      expect(rotations).toHaveLength(1)
      expect(rotations[0]).toMatchObject({ service: "ledger-api", severity: "medium" })
      expect(rotations[0]?.title).toBe(
        'ledger-api: Secrets Manager secret prod/ledger/mysql-app (user ledger_svc) rotated at 01:45:07Z, before its first "access denied" at 02:12:40Z',
      )
      expect(rotations[0]?.resource).toBe("loggroup//aws/lambda/SecretsManagerRDSMySQLRotationSingleUser")
      expect(rotations[0]?.detail).not.toContain("payments")
    }),
  )

  it.scoped("looks for no rotation when no credential is refused", () =>
    Effect.gen(function* () {
      const { replay, source } = yield* harness(
        groups([
          event(
            "2026-09-14T02:12:40Z",
            "ledger-api-5f7b9c6d84-k2xq9_ledger_ledger-api",
            "ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms",
          ),
        ]),
        now,
      )
      const task = taskFor({ text: alert, alertTime: "2026-09-14T02:28:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      expect(result.findings.filter((f) => f.kind === "credential_rotation")).toEqual([])
      expect(replay.requests().filter((r) => r.operation === "FilterLogEvents")).toEqual([])
    }),
  )

  it("reads refusals from in-scope signatures only, earliest per service", () => {
    const sig = (service: string, severity: "high" | "info", t: string, title: string) =>
      finding("cloudwatch_logs", { kind: "log_signature", service, severity, title, observedAt: at(t) })
    const refusals = refusalsOf([
      sig(
        "ledger-api",
        "high",
        "2026-09-14T02:19:00Z",
        'ledger-api: FATAL: password authentication failed for user "ledger"',
      ),
      sig("ledger-api", "high", "2026-09-14T02:12:00Z", "ledger-api: 401 Unauthorized from fx-rates"),
      sig(
        "audit-log",
        "info",
        "2026-09-14T02:00:00Z",
        'audit-log: password authentication failed for user "audit"',
      ),
    ])
    expect(refusals).toEqual([
      {
        service: "ledger-api",
        users: ["ledger"],
        firstMs: Date.parse("2026-09-14T02:12:00Z"),
        words: "password authentication failed",
      },
    ])
  })
})
