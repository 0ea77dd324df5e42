/**
 * Test harness for the logs agent: a CloudWatch Logs replay, the real adapter over it, and an
 * AgentTask built from an alert text the way the engine builds it (facts extracted, the
 * evidence window around the alert time), with the TestClock set to "now".
 */
import { DateTime, Effect, TestClock } from "effect"
import { makeCloudWatchLogSource } from "../../../src/adapters/cloudwatch-logs/cloudwatch-log-source.js"
import type { AgentTask } from "../../../src/domain/agent-task.js"
import { investigationWindow } from "../../../src/domain/alert-context.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { makeCloudWatchLogsReplay } from "../../../src/replay/cloudwatch-logs.js"
import type { ReplayLogGroup } from "../../../src/replay/cloudwatch-logs-state.js"

export interface TaskSpec {
  readonly text: string
  readonly alertTime: string
  readonly now: string
  /** Seconds after `now` (default 60). */
  readonly deadlineS?: number
  /** Seconds after `now` when the report is released (hints.report_at), if any. */
  readonly reportAtS?: number
}

export const taskFor = (spec: TaskSpec): AgentTask => {
  const alertTime = DateTime.unsafeMake(spec.alertTime)
  const now = DateTime.unsafeMake(spec.now)
  const windows = defaultConfig.windows
  return {
    task: "investigate",
    investigationId: "7c1f6a2e-0d3b-4c5a-9e8f-1a2b3c4d5e6f",
    alert: {
      platform: "slack",
      workspace: "T0TEAM",
      channel: "C0ALERTS",
      messageId: "1795784700.000200",
      threadId: "1795784700.000200",
      text: spec.text,
      note: null,
      author: { id: "B0ALERTMGR", name: "Alertmanager", bot: true },
      triggeredBy: null,
      trigger: "mention",
      alertTime,
      receivedAt: alertTime,
      window: investigationWindow(alertTime, {
        evidenceBeforeMinutes: windows.evidence_before_minutes,
        evidenceAfterMinutes: windows.evidence_after_minutes,
        changeLookbackHours: windows.change_lookback_hours,
      }),
    },
    facts: extractFacts(spec.text, defaultConfig.severity.labels),
    dedupKey: null,
    hints:
      spec.reportAtS === undefined
        ? {}
        : { report_at: DateTime.formatIso(DateTime.add(now, { seconds: spec.reportAtS })) },
    deadline: DateTime.add(now, { seconds: spec.deadlineS ?? 60 }),
  }
}

/** A replay of `logGroups`, the real adapter over it (slow per-call timeouts, so they never fire here), "now" set. */
export const harness = (logGroups: ReadonlyArray<ReplayLogGroup>, now: string, maxAttempts = 3) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse(now))
    const replay = yield* makeCloudWatchLogsReplay({ region: "us-east-1", logGroups })
    const source = yield* makeCloudWatchLogSource({
      region: "us-east-1",
      endpoint: replay.url,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-a-secret" },
      timeoutMs: 600_000,
      maxAttempts,
    })
    return { replay, source }
  })

export const event = (timestamp: string, stream: string, message: string) => ({
  timestamp: DateTime.unsafeMake(timestamp),
  stream,
  message,
})
