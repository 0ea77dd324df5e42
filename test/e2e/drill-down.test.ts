/**
 * An agent's model drill-down end to end: the public oom-after-deploy scenario with a scripted
 * eks model (docs/scenario-model.md) that calls three tools, through the whole path with the real
 * Bedrock client against the Converse replay. The findings of three calls reach the JSON report
 * after the plan's (whose ids are unchanged) and a fourth call's repeats of the plan's do not;
 * the eks agent's tokens and cost reach the footer; the top cause stays the plan's and the
 * scenario still passes.
 */
import { readFileSync } from "node:fs"
import { Effect, Either } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { parseDocument } from "yaml"
import { loadConfigFile } from "../../src/adapters/local/config-file.js"
import { decodeScenario, type Scenario } from "../../src/replay/scenario.js"
import { jsonContract } from "../../src/replay/scenario-output.js"
import { runScenario, type ScenarioRun } from "../../src/replay/scenario-run.js"
import { scoreRun } from "../../src/replay/score.js"

const source = "examples/scenarios/oom-after-deploy.yaml"
const sonnet = "us.anthropic.claude-sonnet-4-6"

/**
 * A kubelet event about the other pod's node, in a namespace the plan does not read: only a
 * drill-down that asks for the node's events finds it.
 */
const nodeEvent = {
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: "ip-10-0-4-22.ec2.internal.18b0", namespace: "default" },
  involvedObject: { kind: "Node", name: "ip-10-0-4-22.ec2.internal" },
  reason: "SystemOOM",
  type: "Warning",
  message: "System OOM encountered, victim process: node, pid: 4242",
  count: 2,
  firstTimestamp: "2026-11-27T13:06:58Z",
  lastTimestamp: "2026-11-27T13:06:58Z",
}

interface Doc {
  readonly kubernetes: { readonly objects: ReadonlyArray<unknown> }
}

const withModel = (model: unknown): Scenario => {
  const doc = parseDocument(readFileSync(source, "utf8")).toJS() as Doc
  const decoded = decodeScenario(
    {
      ...doc,
      kubernetes: { ...doc.kubernetes, objects: [...doc.kubernetes.objects, nodeEvent] },
      ...(model === undefined ? {} : { model }),
    },
    `${source} + model`,
  )
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  return decoded.right
}

const run = (scenario: Scenario) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const config = yield* loadConfigFile("config.yaml")
        return yield* runScenario(scenario, { config })
      }),
    ),
  )

const eksScript = {
  eks: {
    model_id: sonnet,
    turns: [
      {
        _tag: "reply",
        text: "The previous container and the pod's events first.",
        toolUses: [
          {
            id: "t1",
            name: "pod_logs",
            input: {
              namespace: "payments",
              pod: "payments-api-6c9f7d8b4-w2v9k",
              container: "api",
              previous: true,
            },
          },
          {
            id: "t2",
            name: "object_events",
            input: { namespace: "payments", kind: "Pod", name: "payments-api-6c9f7d8b4-q7x2m" },
          },
        ],
        usage: { inputTokens: 1200, outputTokens: 90 },
      },
      {
        _tag: "reply",
        toolUses: [
          {
            id: "t3",
            name: "object_events",
            input: { namespace: "default", kind: "Node", name: "ip-10-0-4-22.ec2.internal" },
          },
          {
            id: "t4",
            name: "describe_workload",
            input: { namespace: "payments", kind: "Deployment", name: "payments-api" },
          },
        ],
        usage: { inputTokens: 1800, outputTokens: 60 },
      },
      {
        _tag: "reply",
        text: "The rollout's batch size exhausts the heap.",
        usage: { inputTokens: 2500, outputTokens: 40 },
      },
    ],
  },
}

interface ContractFinding {
  readonly id: string
  readonly kind: string
  readonly title: string
  readonly resource: string | null
  readonly excerpt: string | null
}

interface Contract {
  readonly report: {
    readonly causes: ReadonlyArray<{ readonly text: string }>
    readonly evidence: ReadonlyArray<{
      readonly agent: string
      readonly summary: string
      readonly findings: ReadonlyArray<ContractFinding>
    }>
    readonly footer: { readonly agents: ReadonlyArray<Record<string, unknown>> }
  }
}

/** The JSON report contract, as `cli investigate --format json` prints it. */
const contract = (r: ScenarioRun): Contract => JSON.parse(jsonContract(r)) as Contract

const eksFindings = (r: ScenarioRun): ReadonlyArray<ContractFinding> =>
  contract(r).report.evidence.find((e) => e.agent === "eks")?.findings ?? []

const byId = (fs: ReadonlyArray<ContractFinding>) =>
  [...fs].sort((a, b) => Number(a.id.split("#")[1]) - Number(b.id.split("#")[1]))

describe("a scripted eks drill-down, end to end", () => {
  let baseline: ScenarioRun
  let scripted: ScenarioRun
  beforeAll(async () => {
    baseline = await run(withModel(undefined))
    scripted = await run(withModel(eksScript))
  }, 60_000)

  it("the findings of all three tool calls reach the JSON report, after the plan's", () => {
    const plan = byId(eksFindings(baseline))
    const all = byId(eksFindings(scripted))
    // The plan's findings keep their ids and content.
    expect(all.slice(0, plan.length)).toEqual(plan)
    const added = all.slice(plan.length)
    expect(added.map((f) => [f.id, f.kind, f.resource])).toEqual([
      [`eks#${plan.length + 1}`, "container_logs", "pod/payments/payments-api-6c9f7d8b4-w2v9k"],
      [`eks#${plan.length + 2}`, "object_events", "pod/payments/payments-api-6c9f7d8b4-q7x2m"],
      [`eks#${plan.length + 3}`, "object_events", "node/ip-10-0-4-22.ec2.internal"],
    ])
    expect(added[0]?.excerpt).toContain("JavaScript heap out of memory")
    expect(added[2]?.title).toContain("SystemOOM ×2")
    // describe_workload (a fourth call) ran too: its rollout and 0/2 replicas repeat the plan's, so they are not added twice.
    const eks = contract(scripted).report.evidence.find((e) => e.agent === "eks")
    expect(eks?.summary).toMatch(/Drill-down: 4 tool call\(s\), 3 more finding\(s\)\.$/)
    expect(scripted.modelRequests.map((r) => r.modelId)).toEqual([sonnet, sonnet, sonnet])
    const lastPrompt = JSON.stringify(scripted.modelRequests[2]?.body)
    expect(lastPrompt).toContain("Rollout history (newest first): rev 7")
  })

  it("the eks tokens and cost reach the footer; the top cause stays the plan's", () => {
    expect(contract(scripted).report.footer.agents).toEqual([
      {
        agent: "eks",
        model: sonnet,
        inputTokens: 5500,
        outputTokens: 190,
        costUsd: (5500 * 3 + 190 * 15) / 1_000_000,
      },
    ])
    // The same top cause; the drill-down's evidence may only add to it (here: the second pod's logs).
    const cause = (r: ScenarioRun) => contract(r).report.causes.map((c) => c.text.split(" followed by ")[0])
    expect(cause(scripted)).toEqual(cause(baseline))
    expect(cause(scripted)[0]).toBe(
      "rollout of payments-api v2.14.0 at 13:01 UTC (SETTLEMENT_BATCH_SIZE 1000→5000)",
    )
    expect(scoreRun(scripted.scenario.expect, scripted).pass).toBe(true)
  })
})
