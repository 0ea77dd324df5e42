/**
 * The short thread messages: what each says, in each dialect, with the alert title escaped like
 * any untrusted text and every notice well inside both platforms' limits.
 */
import { describe, expect, it } from "vitest"
import { agentInfo, specialists } from "../../../src/domain/agent-id.js"
import {
  failureNotice,
  interruptedNote,
  lateUpdateNote,
  movedNote,
  startedNotice,
} from "../../../src/domain/render/notices.js"

const started = {
  title: "[FIRING:1] KubePodCrashLooping <!channel> @everyone token=abcdef123456",
  investigationId: "inv-oom-1",
  agents: [agentInfo("eks"), agentInfo("cloudwatch_logs")],
  deadlineSeconds: 60,
}

describe("notices", () => {
  it("started (Slack): the alert escaped and redacted, the agents with emoji and name, the deadline", () => {
    expect(startedNotice("slack", started)).toBe(
      [
        "🔎 *Investigation started*: [FIRING:1] KubePodCrashLooping &lt;!channel&gt; @everyone token=[REDACTED]",
        "*Querying:* ☸️ Kubernetes (EKS), 📋 CloudWatch Logs",
        "Report within 60 s · investigation `inv-oom-1`",
      ].join("\n"),
    )
  })

  it("started (Discord): markdown bold, @everyone broken", () => {
    const text = startedNotice("discord", started)
    expect(text).toMatch(/^🔎 \*\*Investigation started\*\*: /)
    expect(text).toContain("@\u200beveryone")
    expect(text).not.toMatch(/@everyone|abcdef123456/)
  })

  it("a huge title and every agent still fit both platforms", () => {
    const big = { ...started, title: "x".repeat(10_000), agents: specialists }
    for (const platform of ["slack", "discord"] as const)
      expect(startedNotice(platform, big).length).toBeLessThan(2000)
  })

  it("failure, late result, interrupted and moved notes", () => {
    expect(failureNotice("slack", "inv-9")).toBe(
      "⚠️ *Investigation failed* before its report was posted (investigation `inv-9`). The alert still needs a look; quote the id to find its trace.",
    )
    expect(failureNotice("discord", "inv-9")).toMatch(/^⚠️ \*\*Investigation failed\*\* .*`inv-9`/)
    expect(lateUpdateNote("slack", agentInfo("prometheus"), 2)).toBe(
      "📬 Late result from 📈 *Prometheus*: report updated (revision 2)",
    )
    expect(interruptedNote("discord", [agentInfo("eks"), agentInfo("incident_history")])).toBe(
      "⏹️ Stopped waiting for ☸️ Kubernetes (EKS), 📚 Past incidents at the late-results cutoff; the report above is final. _Check them manually if they matter._",
    )
    expect(movedNote("slack")).toMatch(/^\(this part of the report/)
  })
})
