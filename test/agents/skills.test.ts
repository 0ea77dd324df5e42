/**
 * Skills: SKILL.md frontmatter decoded strictly; the start-up check names the agent, the skill
 * and what is wrong (a missing bundle, a tool the agent does not have, an input schema that
 * drifted from the tool's, a name that is not its folder's); an empty `skills` list means every
 * bundle on disk; the shipped bundles pass against config.yaml and cover every registered tool;
 * the agent card lists them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { loadConfigFile } from "../../src/adapters/local/config-file.js"
import { agentTool, jsonSchemaOf } from "../../src/agents/agent-tool.js"
import { agentTools } from "../../src/agents/agent-tools.js"
import { skillsOf } from "../../src/agents/cards.js"
import { loadSkills } from "../../src/agents/skill-files.js"
import { canonicalJson, checkAgentSkills, parseSkill, type SkillSource } from "../../src/agents/skills.js"
import { type AppConfig, ConfigInvalid, defaultConfig } from "../../src/domain/config.js"

const Input = Schema.Struct({ pod: Schema.String })
const podLogs = { name: "pod_logs", inputSchema: jsonSchemaOf(Input) }

const skillText = (o: { name?: string; tool?: string; schema?: unknown; extra?: string } = {}): string =>
  [
    "---",
    `name: ${o.name ?? "pod-logs"}`,
    "description: Read one container's logs.",
    `tool: ${o.tool ?? "pod_logs"}`,
    `input_schema: ${JSON.stringify(o.schema ?? podLogs.inputSchema)}`,
    ...(o.extra === undefined ? [] : [o.extra]),
    "---",
    "",
    "# pod-logs",
    "",
    "Reads the logs.",
  ].join("\n")

const files =
  (texts: Readonly<Record<string, string>>) =>
  (skill: string): SkillSource => {
    const text = texts[skill]
    return text === undefined ? { _tag: "missing" } : { _tag: "found", text }
  }

const check = (configured: ReadonlyArray<string>, texts: Readonly<Record<string, string>>) =>
  checkAgentSkills({
    agent: "eks",
    configured,
    onDisk: Object.keys(texts),
    read: files(texts),
    tools: [podLogs],
  })

describe("parseSkill", () => {
  it("decodes the frontmatter and keeps the body for the prompt", () => {
    const skill = Either.getOrThrow(parseSkill("eks", skillText()))
    expect(skill).toEqual({
      agent: "eks",
      name: "pod-logs",
      description: "Read one container's logs.",
      tool: "pod_logs",
      inputSchema: podLogs.inputSchema,
      body: "# pod-logs\n\nReads the logs.",
    })
  })

  it("refuses a file with no frontmatter, invalid YAML, a missing or unknown key", () => {
    expect(parseSkill("eks", "# just markdown")).toEqual(
      Either.left(expect.stringContaining("no YAML frontmatter")),
    )
    expect(parseSkill("eks", "---\nname: [unclosed\n---\nbody")).toEqual(
      Either.left(expect.stringContaining("not valid YAML")),
    )
    expect(parseSkill("eks", "---\nname: pod-logs\ndescription: d\ninput_schema: {}\n---\n")).toEqual(
      Either.left(expect.stringContaining("tool: is missing")),
    )
    expect(parseSkill("eks", skillText({ extra: "owner: me" }))).toEqual(
      Either.left(expect.stringContaining("owner")),
    )
  })
})

describe("checkAgentSkills", () => {
  it("accepts a listed skill that names the agent's tool with its exact input schema", () => {
    const r = check(["pod-logs"], { "pod-logs": skillText() })
    expect(r.problems).toEqual([])
    expect(r.skills.map((s) => s.tool)).toEqual(["pod_logs"])
  })

  it("an empty list means every skill on disk", () => {
    expect(check([], { "pod-logs": skillText() }).skills.map((s) => s.name)).toEqual(["pod-logs"])
  })

  it("a listed skill with no bundle is an error naming the agent, the skill and the file", () => {
    expect(check(["pod-log"], { "pod-logs": skillText() }).problems).toEqual([
      'agents.eks.skills: skill "pod-log" not found: there is no src/agents/eks/skills/pod-log/SKILL.md',
    ])
  })

  it("a skill naming a tool the agent does not have is an error listing its tools", () => {
    expect(check(["pod-logs"], { "pod-logs": skillText({ tool: "exec_shell" }) }).problems).toEqual([
      'agents.eks.skills: skill "pod-logs" names tool "exec_shell", which is not a tool of the eks agent (its tools: pod_logs)',
    ])
    const none = checkAgentSkills({
      agent: "prometheus",
      configured: ["pod-logs"],
      onDisk: [],
      read: files({ "pod-logs": skillText() }),
      tools: [],
    })
    expect(none.problems).toEqual([
      expect.stringContaining("not a tool of the prometheus agent (it has no tools)"),
    ])
  })

  it("an input schema that drifted from the tool's is an error showing the right one", () => {
    const drifted = skillText({ schema: { type: "object", properties: { pod_name: { type: "string" } } } })
    const [problem] = check(["pod-logs"], { "pod-logs": drifted }).problems
    expect(problem).toContain('skill "pod-logs": input_schema differs from the input of tool "pod_logs"')
    expect(problem).toContain(canonicalJson(podLogs.inputSchema))
  })

  it("a name other than its folder's, bad frontmatter and two skills for one tool are errors", () => {
    const r = check(["pod-logs", "logs-again", "broken"], {
      "pod-logs": skillText(),
      "logs-again": skillText({ name: "logs-again" }),
      broken: "---\nname: broken\n---\n",
    })
    expect(r.problems).toEqual([
      'agents.eks.skills: skill "logs-again" describes tool "pod_logs", which skill "pod-logs" already describes',
      expect.stringMatching(
        /^agents\.eks\.skills: skill "broken" \(src\/agents\/eks\/skills\/broken\/SKILL\.md\): /,
      ),
    ])
    expect(check(["pod-logs"], { "pod-logs": skillText({ name: "other" }) }).problems).toEqual([
      'agents.eks.skills: skill "pod-logs": its SKILL.md says name "other"; it must match its folder',
    ])
  })
})

describe("loadSkills (the start-up check)", () => {
  it.effect("the shipped bundles pass against config.yaml and describe every registered tool", () =>
    Effect.gen(function* () {
      const config = yield* loadConfigFile("config.yaml")
      const skills = yield* loadSkills(config)
      for (const agent of ["eks", "cloudwatch_logs"] as const) {
        const described = (skills[agent] ?? []).map((s) => s.tool).sort()
        expect(described, agent).toEqual((agentTools[agent] ?? []).map((t) => t.name).sort())
      }
      expect((skills.eks ?? []).map((s) => s.name)).toEqual([
        "describe-workload",
        "node-conditions",
        "object-events",
        "pod-logs",
      ])
    }),
  )

  it.scoped("refuses to start on a missing skill and on a skill naming an unknown tool, all at once", () =>
    Effect.gen(function* () {
      const root = mkdtempSync(join(tmpdir(), "skills-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(root, { recursive: true, force: true })))
      mkdirSync(join(root, "cloudwatch-logs", "skills", "tail-logs"), { recursive: true })
      writeFileSync(
        join(root, "cloudwatch-logs", "skills", "tail-logs", "SKILL.md"),
        skillText({ name: "tail-logs", tool: "tail" }),
      )
      const config: AppConfig = {
        ...defaultConfig,
        agents: { ...defaultConfig.agents, eks: { ...defaultConfig.agents.eks, skills: ["pod-logs"] } },
      }
      const error = yield* Effect.flip(loadSkills(config, { root }))
      expect(error).toBeInstanceOf(ConfigInvalid)
      expect(error.problems).toEqual([
        'agents.eks.skills: skill "pod-logs" not found: there is no src/agents/eks/skills/pod-logs/SKILL.md',
        'agents.cloudwatch_logs.skills: skill "tail-logs" names tool "tail", which is not a tool of the cloudwatch_logs agent (its tools: list_log_groups, logs_insights_query)',
      ])
      expect(error.message).toContain("agent skills (config.yaml) is invalid")
    }),
  )
})

describe("the agent card", () => {
  it.effect("lists the agent's task and then each of its skills", () =>
    Effect.gen(function* () {
      const skills = yield* loadSkills(defaultConfig)
      const card = skillsOf("eks", skills.eks ?? [])
      expect(card.map((s) => s.id)).toEqual([
        "investigate_eks",
        "eks.describe-workload",
        "eks.node-conditions",
        "eks.object-events",
        "eks.pod-logs",
      ])
      expect(card.find((s) => s.id === "eks.pod-logs")?.tags).toContain("tool:pod_logs")
      expect(skillsOf("master").map((s) => s.id)).toEqual(["investigate_alert"])
    }),
  )
})

describe("agentTool", () => {
  it("generates the JSON Schema the model sees from the input Schema", () => {
    const tool = agentTool({ name: "t", description: "d", input: Input, run: () => Effect.die("unused") })
    expect(tool.inputSchema).toEqual({
      type: "object",
      required: ["pod"],
      properties: { pod: { type: "string" } },
      additionalProperties: false,
    })
  })
})
