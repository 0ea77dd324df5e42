/**
 * The whole local path, as `npm start -- --serve` runs it: a signed mention → intake → the
 * in-process queue → dispatch (👀) → the master inline → the Orchestrator → inline specialists →
 * the Incident Report in the alert's thread on the Slack replay; the claim ends DONE with the
 * report's ref, and asking again links to that report.
 */
import { Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { SpecialistId } from "../../src/domain/agent-id.js"
import type { AgentResult } from "../../src/domain/agent-result.js"
import { type AppConfig, defaultConfig } from "../../src/domain/config.js"
import { bodyText, type Harness, makeHarness, mention, tsAgo } from "../support/intake-harness.js"

const only = (enabled: ReadonlyArray<SpecialistId>): AppConfig => ({
  ...defaultConfig,
  agents: Object.fromEntries(
    Object.entries(defaultConfig.agents).map(([id, a]) => [
      id,
      { ...a, enabled: id === "master" || enabled.includes(id as SpecialistId) },
    ]),
  ) as AppConfig["agents"],
})

const result = (
  agent: SpecialistId,
  title: string,
  severity: "high" | "critical",
  kind: string,
): AgentResult => ({
  agent,
  status: "ok",
  findings: [
    {
      id: "",
      agent,
      title,
      detail: "",
      severity,
      kind,
      observedAt: null,
      resource: "pod/payments/payments-api-6c9f7d8b4-q7x2m",
      service: "payments-api",
      link: null,
      excerpt: null,
    },
  ],
  summary: "",
  reason: null,
  scanned: [],
  usage: [],
  durationMs: 0,
})

describe("the full local path", () => {
  let h: Harness
  afterEach(() => h.close())

  it("mention → report in the thread, claim DONE; a second request links to the report", async () => {
    const parent = tsAgo(30_000, 500)
    h = await makeHarness({
      config: only(["eks", "cloudwatch_logs"]),
      slackChannels: {
        C0ALERTS: {
          messages: [
            {
              ts: parent,
              user: "U0ALERTMGR",
              bot: true,
              text: "[FIRING:1] KubePodCrashLooping (eks-prod payments) critical",
            },
          ],
        },
      },
      engine: {
        specialists: {
          eks: {
            mode: "reply",
            handle: () =>
              Effect.succeed(
                result("eks", "payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts", "critical", "oom_killed"),
              ),
          },
          cloudwatch_logs: {
            mode: "reply",
            handle: () =>
              Effect.succeed(
                result("cloudwatch_logs", "JavaScript heap out of memory (12×)", "high", "log_signature"),
              ),
          },
        },
      },
    })
    const r = await h.postSlack(
      mention({ text: "please investigate", ts: tsAgo(1_000, 501), threadTs: parent }),
    )
    expect(r.status).toBe(200)
    const posts = () => h.slack.requests().filter((q) => q.operation === "chat.postMessage")
    await expect
      .poll(() => posts().some((p) => JSON.stringify(p.body).includes("Incident Report")), {
        timeout: 10_000,
      })
      .toBe(true)
    const texts = posts().map((p) => JSON.stringify(p.body))
    expect(texts.some((t) => t.includes("Investigation started"))).toBe(true)
    const report = posts().find((p) => JSON.stringify(p.body).includes("Incident Report"))
    expect(report?.body).toMatchObject({ channel: "C0ALERTS", thread_ts: parent })
    expect(JSON.stringify(report?.body)).toContain("eks#1")
    expect(JSON.stringify(report?.body)).toContain("cloudwatch_logs#1")
    expect(h.slack.requests().some((q) => q.operation === "reactions.add")).toBe(true)

    await expect
      .poll(async () => (await h.dedupRecord(`slack#C0ALERTS#${parent}`))?.state, { timeout: 10_000 })
      .toBe("DONE")
    const record = await h.dedupRecord(`slack#C0ALERTS#${parent}`)
    expect(record?.report?.channel).toBe("C0ALERTS")

    const again = await (
      await h.postSlack(mention({ text: "what did you find?", ts: tsAgo(500, 502), threadTs: parent }))
    ).json()
    expect(again).toMatchObject({ result: "linked" })
    const link = posts().at(-1)
    expect(bodyText(link?.body)).toMatch(/already investigated: see <https?:\/\/[^|>]+\|the report>/)
  }, 30_000)
})
