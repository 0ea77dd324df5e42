/**
 * inferCauses rules: scope (the alert's subject, the dependencies its evidence names, a person's
 * words matched to findings), windows (evidence vs change lookback), the change → symptom link
 * (only a change before the symptoms, only the subject's own), ranking and tie-breaks, and what
 * never becomes a cause alone (context, a caller's complaint about the alerting service).
 */
import { describe, expect, it } from "vitest"
import type { AgentId } from "../../src/domain/agent-id.js"
import { inferCauses } from "../../src/domain/causes.js"
import { type Finding, numberFindings } from "../../src/domain/finding.js"
import type { Severity } from "../../src/domain/severity.js"
import {
  alertTime,
  at,
  eksFindings,
  finding,
  logsFindings,
  oomContext,
  oomFacts,
  slackFindings,
} from "./build-report-support.js"

const window = oomContext.window
const oomNumbered = numberFindings([...eksFindings, ...logsFindings, ...slackFindings])
const causesOf = (findings: ReadonlyArray<Finding>, f = oomFacts) =>
  inferCauses({ facts: f, findings, window, alertTime })

const nothingNamed = { ...oomFacts, namespace: null, workload: null, service: null, pod: null, node: null }

describe("inferCauses on the OOM-after-deploy evidence", () => {
  const causes = causesOf(oomNumbered)

  it("one cause: the rollout and what it changed, then the OOM kills and the heap, citing eks, logs and chat", () => {
    expect(causes).toHaveLength(1)
    const [top] = causes
    expect(top?.text).toMatch(
      /^rollout of payments-api v2\.14\.0 at 13:01 UTC \(SETTLEMENT_BATCH_SIZE 1000→5000\)/,
    )
    expect(top?.text).toMatch(/followed by OOMKilled \(out of memory\) in payments-api: /)
    expect(top?.text).toMatch(/heap out of memory/)
    // what broke (eks, logs), the change (eks, chat), what users saw
    expect(top?.findings).toEqual(["eks#3", "cloudwatch_logs#1", "eks#2", "slack_scanner#1", "eks#4"])
  })

  it("the red herring in another namespace and the caller's errors are never causes", () => {
    const cited = causes.flatMap((c) => c.findings)
    expect(cited).not.toContain("eks#1")
    expect(cited).not.toContain("cloudwatch_logs#2")
    for (const c of causes) expect(c.text).not.toMatch(/ImagePullBackOff|reports-cron|checkout-web/)
  })

  it("does not depend on the order the findings arrive in", () => {
    expect(causesOf([...oomNumbered].reverse())).toEqual(causes)
  })
})

const f = (agent: AgentId, title: string, severity: Severity, over: Partial<Finding> = {}) =>
  finding(agent, {
    title,
    severity,
    observedAt: at("2026-11-27T13:00:00Z"),
    service: "payments-api",
    ...over,
  })

describe("inferCauses rules", () => {
  it("context (info) alone is never a cause", () => {
    const only = numberFindings([
      f("slack_scanner", "deployed payments-api", "info", { kind: "deploy_announcement" }),
      f("incident_history", "INC-1 payments-api OOMKilled", "medium", { kind: "similar_incident" }),
      f("eks", "payments-api restarted twice, recovered", "low", { kind: "restarts" }),
    ])
    expect(causesOf(only)).toEqual([])
  })

  it("out of the evidence window is not a cause; a change within the hour before the symptoms is theirs", () => {
    const rollout = (time: string) =>
      f("eks", "payments-api rolled out", "info", { kind: "rollout", observedAt: at(time) })
    const symptoms = [
      f("eks", "payments-api OOMKilled", "high", {
        kind: "oom_killed",
        observedAt: at("2026-11-27T12:00:00Z"),
      }),
      f("cloudwatch_logs", "payments-api 5xx", "medium", { observedAt: at("2026-11-27T13:04:00Z") }),
    ]
    const [top, ...rest] = causesOf(numberFindings([...symptoms, rollout("2026-11-27T12:10:00Z")]))
    expect(rest).toEqual([])
    expect(top?.findings).toEqual(["cloudwatch_logs#1", "eks#2"])
    expect(top?.text).toBe(
      "rollout of payments-api at 12:10 UTC followed by 5xx errors in payments-api: payments-api 5xx",
    )
  })

  it("a rollout hours before symptoms that began just now is evidence, not their cause", () => {
    const benign = numberFindings([
      f("eks", "payments-api rolled out", "info", {
        kind: "rollout",
        observedAt: at("2026-11-27T09:30:00Z"),
      }),
      f("cloudwatch_logs", "payments-api 5xx", "medium", { observedAt: at("2026-11-27T13:04:00Z") }),
    ])
    expect(causesOf(benign)).toEqual([
      { text: "5xx errors in payments-api: payments-api 5xx", findings: ["cloudwatch_logs#1"] },
    ])
  })

  it("a change hours before a failure that builds up (pods evicted over their storage limit) is its cause", () => {
    const findings = numberFindings([
      f("eks", "payments-api rolled out (LOG_LEVEL INFO→DEBUG)", "info", {
        kind: "rollout",
        observedAt: at("2026-11-27T09:30:00Z"),
      }),
      f("eks", "payments-api: 3 pods Evicted — ephemeral-storage use over the pod's own limit", "high", {
        kind: "pod_evicted",
        observedAt: at("2026-11-27T12:40:00Z"),
      }),
    ])
    const [top] = causesOf(findings)
    expect(top?.text).toMatch(
      /^rollout of payments-api at 09:30 UTC \(LOG_LEVEL INFO→DEBUG\) followed by Evicted/,
    )
    expect([...(top?.findings ?? [])].sort()).toEqual(["eks#1", "eks#2"])
  })

  it("a change after the symptoms began, or another service's change, is not their cause", () => {
    const later = numberFindings([
      f("eks", "payments-api OOMKilled", "high", {
        kind: "oom_killed",
        observedAt: at("2026-11-27T12:50:00Z"),
      }),
      f("eks", "payments-api rolled out", "info", {
        kind: "rollout",
        observedAt: at("2026-11-27T12:55:00Z"),
      }),
      f("slack_scanner", "deployed search-api", "info", {
        kind: "deploy_announcement",
        service: "search-api",
        observedAt: at("2026-11-27T12:00:00Z"),
      }),
    ])
    const [top] = causesOf(later)
    expect(top?.findings).toEqual(["eks#1"])
    expect(top?.text).toBe("OOMKilled in payments-api: payments-api OOMKilled")
  })

  it("an announcement alone is the change when the cluster recorded none", () => {
    const told = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { kind: "oom_killed" }),
      f("slack_scanner", "deployed payments-api v2.14.0", "info", {
        kind: "deploy_announcement",
        service: null,
        resource: "channel/C0DEPLOYS",
        observedAt: at("2026-11-27T12:30:00Z"),
      }),
    ])
    expect(causesOf(told)[0]?.text).toMatch(
      /^deploy of payments-api v2\.14\.0 at 12:30 UTC \(announced\) followed by/,
    )
    expect(causesOf(told)[0]?.findings).toEqual(["eks#1", "slack_scanner#1"])
  })

  it("an announced change that is not a deploy is named a change, in its own words", () => {
    const told = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { kind: "oom_killed" }),
      f(
        "slack_scanner",
        "Change to payments-api announced in #ops: scaling payments-api desired count 12 → 24",
        "info",
        {
          kind: "deploy_announcement",
          service: null,
          resource: "channel/C07OPS",
          observedAt: at("2026-11-27T12:30:00Z"),
        },
      ),
    ])
    expect(causesOf(told)[0]?.text).toMatch(
      /^change to payments-api at 12:30 UTC \(announced: "scaling payments-api desired count 12 → 24"\) followed by/,
    )
  })

  it("a crash loop and the container's own fatal error lines are one cause, saying why it exits", () => {
    const crash = numberFindings([
      f("eks", "payments-api: container api CrashLoopBackOff in 2/2 pods (Error (exit 1))", "critical", {
        kind: "crash_loop",
      }),
      f("cloudwatch_logs", "payments-api: FATAL client certificate CN=psp expired (x509)", "high", {
        kind: "log_signature",
        resource: "loggroup/payments-api",
      }),
    ])
    const causes = causesOf(crash)
    expect(causes).toHaveLength(1)
    expect(causes[0]?.findings).toEqual(["eks#1", "cloudwatch_logs#1"])
    expect(causes[0]?.text).toContain("certificate CN=psp expired")
  })

  it("timeouts of a workload that cannot get its replicas are one cause with the scheduling failure", () => {
    const short = numberFindings([
      f("cloudwatch_logs", "payments-api: ERROR POST /v2/pay handler timeout after 10000ms", "high", {
        kind: "log_signature",
        resource: "loggroup/payments-api",
      }),
      f("eks", "payments-api: 6 pods Pending — 0/9 nodes: Insufficient cpu", "medium", {
        kind: "unschedulable",
      }),
    ])
    const causes = causesOf(short)
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toMatch(/^FailedScheduling \(Insufficient cpu\) and timeouts in payments-api/)
  })

  it("a renamed variable is not split into a setting and a value", () => {
    const renamed = numberFindings([
      f("eks", "payments-api OOMKilled", "high", { kind: "oom_killed" }),
      f("eks", "payments-api: rollout revision 11 → 12", "info", {
        kind: "config_change",
        detail: "env DATABASE_URL → LEDGER_DB_DSN; env POOL_SIZE 10 → 20; revision 11 → 12",
        observedAt: at("2026-11-27T12:50:00Z"),
      }),
    ])
    const text = causesOf(renamed)[0]?.text ?? ""
    expect(text).not.toContain("DATABASE_UR L")
    expect(text).toContain("POOL_SIZE 10→20")
  })

  it("a finding with no time counts as in the window; one without an id is never cited", () => {
    const untimed = numberFindings([f("eks", "payments-api OOMKilled", "high", { observedAt: null })])
    expect(causesOf(untimed).map((c) => c.findings)).toEqual([["eks#1"]])
    expect(causesOf([f("eks", "payments-api OOMKilled", "high")])).toEqual([])
  })

  it("pods group under their workload: one OOM cause across both pods", () => {
    const pods = numberFindings(
      ["q7x2m", "w2v9k"].map((p) =>
        f("eks", `${p} OOMKilled`, "high", {
          kind: "oom_killed",
          service: null,
          resource: `pod/payments/payments-api-6c9f7d8b4-${p}`,
        }),
      ),
    )
    const causes = causesOf(pods)
    expect(causes).toHaveLength(1)
    expect(causes[0]?.text).toBe("OOMKilled in payments-api across 2 pods: q7x2m OOMKilled")
    expect(causes[0]?.findings).toEqual(["eks#1", "eks#2"])
  })

  it("ranks by severity, then corroborating agents, then proximity to the alert; at most three", () => {
    const svc = (service: string, agent: AgentId, severity: Severity, time: string) =>
      f(agent, `${service} failing`, severity, { service, observedAt: at(time) })
    const many = numberFindings([
      svc("far", "eks", "high", "2026-11-27T12:40:00Z"),
      svc("near", "eks", "high", "2026-11-27T13:04:00Z"),
      svc("two-agents", "eks", "high", "2026-11-27T12:36:00Z"),
      svc("two-agents", "cloudwatch_logs", "medium", "2026-11-27T12:36:00Z"),
      svc("critical", "prometheus", "critical", "2026-11-27T12:36:00Z"),
      svc("low", "eks", "low", "2026-11-27T13:05:00Z"),
    ])
    const subjects = causesOf(many, nothingNamed).map((c) => /in ([\w-]+)/.exec(c.text)?.[1])
    expect(subjects).toEqual(["critical", "two-agents", "near"])
  })

  it("a config change says what it changed", () => {
    const resized = numberFindings([
      f("eks", "payments-api: 2/2 pods OOMKilled", "high", { kind: "oom_killed" }),
      f(
        "eks",
        "payments-api: config change revision 6 → 7 at 12:40:00 (memory limit 512Mi → 256Mi)",
        "info",
        {
          kind: "config_change",
          observedAt: at("2026-11-27T12:40:00Z"),
          detail: "memory limit 512Mi → 256Mi; revision 6 → 7 at 12:40:00",
        },
      ),
    ])
    expect(causesOf(resized)[0]?.text).toMatch(
      /^config change of payments-api at 12:40 UTC \(memory limit 512Mi→256Mi\) followed by OOMKilled in payments-api: /,
    )
  })
})
