/**
 * buildReport on a hand-built OOM-after-deploy investigation: the conclusions follow the
 * in-scope evidence (never the red herring), severity follows DESIGN §3's rule, evidence sits in
 * catalogue order, services are services, actions are specific, and the footer counts every
 * model call, with an unknown model making the cost unknown rather than zero.
 */
import { describe, expect, it } from "vitest"
import { placeholderResult } from "../../src/domain/agent-result.js"
import { buildReport } from "../../src/domain/build-report.js"
import type { Finding } from "../../src/domain/finding.js"
import { lowRelevanceNote } from "../../src/domain/finding-relevance.js"
import type { Severity } from "../../src/domain/severity.js"
import {
  at,
  eksFindings,
  finding,
  logsFindings,
  ok,
  oomFacts,
  oomInput,
  oomResults,
  unlabelled,
} from "./build-report-support.js"

const report = buildReport(oomInput())

describe("buildReport: OOM after deploy", () => {
  it("the top cause cites the eks and logs findings about payments-api, not the red herring", () => {
    const [top] = report.causes
    expect(top?.findings).toEqual(expect.arrayContaining(["eks#3", "cloudwatch_logs#1"]))
    expect(top?.text).toMatch(/OOMKilled|out of memory/)
    expect(top?.text).toMatch(/payments-api/)
    for (const cause of report.causes) {
      expect(cause.findings).not.toContain("eks#1")
      expect(cause.text).not.toMatch(/ImagePullBackOff|reports-cron/)
    }
    const ids = new Set(report.evidence.flatMap((b) => b.findings.map((f) => f.id)))
    for (const id of report.causes.flatMap((c) => c.findings)) expect(ids.has(id)).toBe(true)
  })

  it("headline: one line naming the symptom and the change it followed", () => {
    expect(report.headline).toBe(
      "payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts — after the rollout at 13:01 UTC",
    )
  })

  it("evidence: catalogue order, findings numbered in the agent's order then sorted by severity", () => {
    expect(report.evidence.map((b) => `${b.agent}:${b.status}`)).toEqual([
      "eks:ok",
      "cloudwatch_logs:ok",
      "prometheus:unhealthy",
      "slack_scanner:ok",
      "discord_scanner:disabled",
      "incident_history:timeout",
    ])
    expect(report.evidence[0]?.findings.map((f) => `${f.id} ${f.severity}`)).toEqual([
      "eks#4 critical",
      "eks#1 high",
      "eks#3 high",
      // The rollout is context, info on its own; the top cause cites it (DESIGN §3).
      "eks#2 medium",
    ])
    expect(report.evidence[0]?.findings.find((f) => f.id === "eks#3")?.title).toBe(eksFindings[2]?.title)
  })

  it("services are services: the alert's workload and the caller it breaks, never a log group", () => {
    expect(report.services).toEqual(["payments-api", "checkout-web"])
    const logGroupAsService = finding("cloudwatch_logs", {
      title: "payments-api ERROR spike",
      severity: "high",
      service: "/aws/containerinsights/eks-prod/application",
      resource: "loggroup//aws/containerinsights/eks-prod/application",
      observedAt: at("2026-11-27T13:03:00Z"),
      detail: "payments-api",
    })
    const withLogGroup = buildReport(
      oomInput({ results: [ok("cloudwatch_logs", [...logsFindings, logGroupAsService])] }),
    )
    for (const s of withLogGroup.services) expect(s).not.toMatch(/\/|loggroup/)
  })

  it("actions: roll back to the revision the rollout names, then the symptom, then each silent agent", () => {
    expect(report.actions).toEqual([
      "Roll back payments-api to revision 6 (image v2.13.2): kubectl -n payments rollout undo deployment/payments-api --to-revision=6",
      "Check payments-api's memory limit against its actual usage (OOMKilled)",
      "Check Prometheus configuration: PROMETHEUS_URL is not set",
      "Re-run or check Past incidents manually (no answer when this report was built)",
    ])
  })

  it("timeline: oldest first, the alert in its place, ties in catalogue order", () => {
    expect(
      report.timeline.map((e) => [new Date(e.at.epochMillis).toISOString().slice(11, 19), e.findings]),
    ).toEqual([
      ["13:01:02", ["eks#2"]],
      ["13:01:10", ["slack_scanner#1"]],
      ["13:02:10", ["eks#4"]],
      ["13:02:10", ["cloudwatch_logs#1"]],
      ["13:04:00", ["eks#1"]],
      ["13:05:00", []],
      ["13:05:10", ["cloudwatch_logs#2"]],
      ["13:08:08", ["eks#3"]],
    ])
  })

  it("impact names the critical/high evidence about payments-api and its callers", () => {
    expect(report.impact).toMatch(/^4 critical\/high findings: /)
    expect(report.impact).toMatch(/\(cloudwatch_logs#2\)/)
    expect(report.impact).not.toMatch(/eks#1/)
  })

  it("links: finding deep links, deduplicated; the alert's own come first", () => {
    expect(report.links.map((l) => l.url)).toEqual([
      "https://console.aws.amazon.com/eks/home#/clusters/eks-prod/pods/payments-api-6c9f7d8b4-q7x2m",
      "https://acme.slack.com/archives/C0DEPLOYS/p1795784470000100",
    ])
    const withAlertLink = buildReport(
      oomInput({
        facts: { ...oomFacts, links: ["https://grafana.example.net/d/abc", "javascript:alert(1)"] },
      }),
    )
    expect(withAlertLink.links[0]).toEqual({
      label: "Alert: grafana.example.net",
      url: "https://grafana.example.net/d/abc",
    })
    expect(withAlertLink.links).toHaveLength(3)
  })

  it("footer: duration since the start, tokens and cost of every agent and of the master", () => {
    expect(report.footer).toEqual({
      durationMs: 42_500,
      inputTokens: 4000,
      outputTokens: 700,
      costUsd: expect.closeTo(0.0185, 10),
      unknownModels: [],
      agents: [
        {
          agent: "eks",
          model: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
          inputTokens: 1000,
          outputTokens: 200,
          costUsd: expect.closeTo(0.002, 10),
        },
        {
          agent: "master",
          model: "us.anthropic.claude-sonnet-4-6",
          inputTokens: 3000,
          outputTokens: 500,
          costUsd: expect.closeTo(0.0165, 10),
        },
      ],
    })
  })

  it("an unknown model id makes the cost unknown and names the model", () => {
    const unknown = buildReport(
      oomInput({ masterUsage: [{ model: "mystery-model", inputTokens: 10, outputTokens: 1 }] }),
    )
    expect(unknown.footer.costUsd).toBeNull()
    expect(unknown.footer.unknownModels).toEqual(["mystery-model"])
    expect(unknown.footer.inputTokens).toBe(1010)
    expect(unknown.footer.agents.at(-1)).toEqual({
      agent: "master",
      model: "mystery-model",
      inputTokens: 10,
      outputTokens: 1,
      costUsd: null,
    })
  })
})

describe("buildReport: severity follows the evidence (DESIGN §3)", () => {
  const high = eksFindings.filter((f) => f.kind !== "availability")
  const noise = finding("eks", {
    title: "reports-cron ImagePullBackOff",
    severity: "medium",
    resource: "pod/batch/reports-cron-1-abcde",
    observedAt: at("2026-11-27T13:00:00Z"),
  })
  const stale: Finding = { ...noise, severity: "critical", observedAt: at("2026-11-25T02:00:00Z") }
  const cases: ReadonlyArray<[string, Severity | null, ReadonlyArray<Finding>, Severity]> = [
    ["label only", "medium", [], "medium"],
    ["label only, nothing in scope", "low", [noise], "low"],
    ["findings only: the cited findings", null, high, "high"],
    ["both: the cause raises a low label", "low", high, "high"],
    ["both: the label raises the cause", "critical", high, "critical"],
    ["none: the most severe finding in the window", null, [noise], "medium"],
    ["none: a finding outside the window does not count", null, [stale], "info"],
    ["nothing at all", null, [], "info"],
  ]
  it.each(cases)("%s", (_, label, findings, expected) => {
    const facts = { ...unlabelled, severity: label, severityLabel: label }
    const built = buildReport(oomInput({ facts, results: [ok("eks", findings)] }))
    expect(built.severity).toBe(expected)
  })
})

describe("buildReport: honesty and hygiene", () => {
  it("no cause: says so in the headline and asks for a direct check", () => {
    const quiet = buildReport(
      oomInput({ results: [ok("eks", []), placeholderResult("prometheus", "error", "HTTP 502")] }),
    )
    expect(quiet.causes).toEqual([])
    expect(quiet.headline).toBe("KubePodCrashLooping: no cause established from the evidence gathered")
    expect(quiet.actions[0]).toMatch(/^No cause established: check KubePodCrashLooping on payments-api/)
    expect(quiet.actions).toContain("Re-run or check Prometheus manually (HTTP 502)")
    expect(quiet.impact).toMatch(/^Impact unknown/)
  })

  it("an analysis citing an id not in the evidence is an alternative hypothesis naming the unknown ids", () => {
    const analysis = { text: "maybe DNS [eks#99]", cites: ["eks#99"], model: "m" }
    expect(buildReport(oomInput({ analysis })).analysis).toEqual({
      ...analysis,
      cites: [],
      unknownCites: ["eks#99"],
      verdict: "alternative",
      reason: "unknown_ids",
    })
    const mixed = buildReport(oomInput({ analysis: { ...analysis, cites: ["eks#3", "eks#99"] } })).analysis
    expect(mixed).toMatchObject({ cites: ["eks#3"], unknownCites: ["eks#99"], verdict: "alternative" })
  })

  it("redacts every text it carries: findings, summaries, reasons, analysis", () => {
    const leaky = finding("eks", {
      title: "payments-api crash token=abcdef123456",
      detail: "AKIAIOSFODNN7EXAMPLE",
      excerpt: "Authorization: Bearer 0123456789abcdefghij",
      link: "https://u:hunter2hunter2@x.example.net/p",
      severity: "high",
      service: "payments-api",
      observedAt: at("2026-11-27T13:03:00Z"),
    })
    const built = buildReport(
      oomInput({
        results: [
          ok("eks", [leaky], { summary: "password=s3cr3tpass" }),
          placeholderResult("prometheus", "error", "xoxb-2210535565-1234567890123-AbCdEfGhIjKl"),
        ],
        analysis: { text: "secret: hushhush99", cites: [], model: "m" },
      }),
    )
    const json = JSON.stringify(built)
    for (const s of [
      "abcdef123456",
      "AKIAIOSFODNN7EXAMPLE",
      "0123456789abcdefghij",
      "hunter2hunter2",
      "s3cr3tpass",
      "AbCdEfGhIjKl",
      "hushhush99",
    ])
      expect(json).not.toContain(s)
    expect(json).toContain("[REDACTED]")
  })

  it("a finding claiming another agent is numbered under the agent that returned it", () => {
    const stray = finding("prometheus", { title: "heap out of memory", severity: "high" })
    const built = buildReport(oomInput({ results: [ok("cloudwatch_logs", [stray])] }))
    expect(built.evidence[0]?.findings.map((f) => [f.id, f.agent])).toEqual([
      ["cloudwatch_logs#1", "cloudwatch_logs"],
    ])
  })

  it("results in any order give the same report", () => {
    expect(buildReport(oomInput({ results: [...oomResults].reverse() }))).toEqual(report)
  })
})

describe("buildReport: context that is part of a cause", () => {
  it("a rollout cited by a cause is rated medium; one no cause cites stays as the agent rated it", () => {
    const report = buildReport(oomInput())
    const cited = new Set(report.causes.flatMap((c) => c.findings))
    const changes = report.evidence.flatMap((b) => b.findings).filter((f) => f.kind === "rollout")
    expect(changes.length).toBeGreaterThan(0)
    for (const f of changes) expect(f.severity).toBe(cited.has(f.id) ? "medium" : "info")
    const uncited = buildReport(
      oomInput({
        results: [
          ok(
            "eks",
            eksFindings.filter((f) => f.kind === "rollout"),
          ),
        ],
      }),
    )
    expect(uncited.causes).toEqual([])
    expect(uncited.evidence[0]?.findings.map((f) => f.severity)).toEqual(["info"])
  })
})

describe("buildReport: a failing dependency the alert did not name", () => {
  it("gets its in-scope severity back when the top cause is about it", () => {
    const note = lowRelevanceNote("critical")
    const dependency = finding("eks", {
      title: "fare-quote: container api ImagePullBackOff in 3/3 pods (image fare-quote:v3.2.0-rc1)",
      kind: "image_pull",
      severity: "low",
      service: "fare-quote",
      resource: "pod/payments/fare-quote-7d9f8c6b5-x1k2m",
      observedAt: at("2026-11-27T13:02:00Z"),
      detail: `Back-off pulling image. 0/3 replicas ready. ${note}`,
    })
    const caller = finding("cloudwatch_logs", {
      title: "payments-api: ERROR upstream fare-quote unavailable: connect ECONNREFUSED",
      kind: "log_signature",
      severity: "high",
      service: "payments-api",
      resource: "loggroup/payments-api",
      observedAt: at("2026-11-27T13:03:00Z"),
      detail: "payments-api: ERROR upstream fare-quote unavailable",
    })
    const report = buildReport(
      oomInput({ results: [ok("eks", [dependency]), ok("cloudwatch_logs", [caller])] }),
    )
    const shown = report.evidence.flatMap((b) => b.findings).find((f) => f.kind === "image_pull")
    const top = report.causes[0]
    expect(top?.findings).toContain(shown?.id)
    expect(shown?.severity).toBe("critical")
    expect(shown?.detail).not.toContain("Low relevance")
  })

  it("keeps the low rating when no cause is about it", () => {
    const herring = finding("eks", {
      title: "reports-cron: ImagePullBackOff",
      kind: "image_pull",
      severity: "low",
      service: "reports-cron",
      resource: "pod/batch/reports-cron-1",
      observedAt: at("2026-11-27T13:02:00Z"),
      detail: `Back-off pulling image. ${lowRelevanceNote("high")}`,
    })
    const report = buildReport(oomInput({ results: [ok("eks", [...eksFindings, herring])] }))
    const shown = report.evidence
      .flatMap((b) => b.findings)
      .find((f) => f.title === "reports-cron: ImagePullBackOff")
    expect(shown?.severity).toBe("low")
  })
})
