/**
 * Skills: what an agent's model is told about each of its tools, one bundle per skill at
 * `src/agents/<agent-dir>/skills/<skill>/SKILL.md` — YAML frontmatter (`name` = the folder,
 * `description`, `tool` = the registered tool it describes, `input_schema` = that tool's input as
 * JSON Schema) and a Markdown body that goes into the model's system prompt. `config.yaml`
 * `agents.<id>.skills` lists the skills an agent offers its model; an empty list (the default)
 * means every skill in the agent's folder. The start-up check reads them all and refuses to start
 * on any problem, naming the agent, the skill and what is wrong: a missing bundle, bad
 * frontmatter, a tool the agent does not have, or an `input_schema` that differs from the tool's
 * own (generated from its Schema — the original's skill text drifted from its tools, W10). Pure:
 * reading the files is `skill-files.ts`.
 */
import { Either, ParseResult, Schema } from "effect"
import { parseDocument } from "yaml"
import type { AgentId } from "../domain/agent-id.js"
import type { ToolSignature } from "./agent-tools.js"

export const SkillName = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/))

export const SkillFrontmatter = Schema.Struct({
  name: SkillName,
  description: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(1024)),
  /** The registered tool this skill describes (`pod_logs`). */
  tool: Schema.String.pipe(Schema.pattern(/^[a-zA-Z0-9_-]{1,64}$/)),
  input_schema: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
})

export interface Skill {
  readonly agent: AgentId
  readonly name: string
  readonly description: string
  readonly tool: string
  readonly inputSchema: Readonly<Record<string, unknown>>
  /** Markdown, for the model's system prompt. */
  readonly body: string
}

/** `cloudwatch_logs` → `cloudwatch-logs`: agent folders are kebab-case. */
export const agentDir = (agent: AgentId): string => agent.replaceAll("_", "-")

/** Where a skill's bundle lives, relative to `src/agents/`. */
export const skillPath = (agent: AgentId, skill: string): string =>
  `${agentDir(agent)}/skills/${skill}/SKILL.md`

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

const decodeFrontmatter = Schema.decodeUnknownEither(SkillFrontmatter, {
  onExcessProperty: "error",
  errors: "all",
})

const describeIssues = (e: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(e)
    .slice(0, 5)
    .map((i) => `${i.path.length === 0 ? "frontmatter" : i.path.join(".")}: ${i.message}`)
    .join("; ")

/** One SKILL.md's text → the skill, or what is wrong with it. */
export const parseSkill = (agent: AgentId, text: string): Either.Either<Skill, string> => {
  const match = frontmatter.exec(text)
  if (match === null) return Either.left("no YAML frontmatter (the file must start with a --- block)")
  const doc = parseDocument(match[1] ?? "")
  if (doc.errors.length > 0)
    return Either.left(`frontmatter is not valid YAML: ${doc.errors[0]?.message ?? ""}`)
  return Either.match(decodeFrontmatter(doc.toJS()), {
    onLeft: (e) => Either.left(describeIssues(e)),
    onRight: (f) =>
      Either.right({
        agent,
        name: f.name,
        description: f.description,
        tool: f.tool,
        inputSchema: f.input_schema,
        body: (match[2] ?? "").trim(),
      }),
  })
}

/** JSON with object keys sorted, so two schemas compare by content. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )

/** What the check found for one listed skill: its text, or that the bundle does not exist. */
export type SkillSource = { readonly _tag: "found"; readonly text: string } | { readonly _tag: "missing" }

export interface SkillCheckInput {
  readonly agent: AgentId
  /** `agents.<id>.skills` (empty: every skill on disk). */
  readonly configured: ReadonlyArray<string>
  /** Skill folders on disk for this agent. */
  readonly onDisk: ReadonlyArray<string>
  readonly read: (skill: string) => SkillSource
  readonly tools: ReadonlyArray<ToolSignature>
}

export interface SkillCheck {
  readonly skills: ReadonlyArray<Skill>
  readonly problems: ReadonlyArray<string>
}

/** The skills an agent offers its model, and every problem with them. Pure. */
export const checkAgentSkills = (input: SkillCheckInput): SkillCheck => {
  const { agent } = input
  const names = input.configured.length > 0 ? input.configured : input.onDisk
  const problems: Array<string> = []
  const skills: Array<Skill> = []
  const toolsSeen = new Map<string, string>()
  const toolNames = input.tools.map((t) => t.name)
  for (const name of names) {
    const where = `agents.${agent}.skills: skill "${name}"`
    if (!Schema.is(SkillName)(name)) {
      problems.push(`${where} is not a valid skill name (lower case, digits and '-')`)
      continue
    }
    const source = input.read(name)
    if (source._tag === "missing") {
      problems.push(`${where} not found: there is no src/agents/${skillPath(agent, name)}`)
      continue
    }
    const parsed = parseSkill(agent, source.text)
    if (parsed._tag === "Left") {
      problems.push(`${where} (src/agents/${skillPath(agent, name)}): ${parsed.left}`)
      continue
    }
    const skill = parsed.right
    if (skill.name !== name) {
      problems.push(`${where}: its SKILL.md says name "${skill.name}"; it must match its folder`)
      continue
    }
    const tool = input.tools.find((t) => t.name === skill.tool)
    if (tool === undefined) {
      problems.push(
        `${where} names tool "${skill.tool}", which is not a tool of the ${agent} agent ` +
          (toolNames.length === 0 ? "(it has no tools)" : `(its tools: ${toolNames.join(", ")})`),
      )
      continue
    }
    const other = toolsSeen.get(skill.tool)
    if (other !== undefined) {
      problems.push(`${where} describes tool "${skill.tool}", which skill "${other}" already describes`)
      continue
    }
    if (canonicalJson(skill.inputSchema) !== canonicalJson(tool.inputSchema)) {
      problems.push(
        `${where}: input_schema differs from the input of tool "${skill.tool}"; it must be ${canonicalJson(tool.inputSchema)}`,
      )
      continue
    }
    toolsSeen.set(skill.tool, name)
    skills.push(skill)
  }
  return { skills, problems }
}
