/**
 * Reading the SKILL.md bundles and the start-up check over `config.yaml`. Bundles are found
 * relative to this module (`import.meta.url`), not the working directory, so `tsx` source runs,
 * the CLI and the agent container started from anywhere all read the same files (a build that
 * bundles the code must copy `src/agents/<dir>/skills/` next to it). Every problem of every
 * agent is reported at once as a `ConfigInvalid`, which the entry points already print and exit on.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { AgentId } from "../domain/agent-id.js"
import { type AppConfig, ConfigInvalid } from "../domain/config.js"
import { type ToolSignature, toolSignatures } from "./agent-tools.js"
import { agentDir, checkAgentSkills, type Skill, type SkillSource, skillPath } from "./skills.js"

/** `src/agents/` (wherever this module is). */
export const defaultSkillsRoot: string = fileURLToPath(new URL(".", import.meta.url))

export type AgentSkills = { readonly [K in AgentId]?: ReadonlyArray<Skill> }

export interface SkillFilesOptions {
  readonly root?: string
  /** Tools per agent (default: the registered ones). */
  readonly tools?: (agent: AgentId) => ReadonlyArray<ToolSignature>
  /** The agents to check (default: all). */
  readonly agents?: ReadonlyArray<AgentId>
}

const skillDirsOf = (root: string, agent: AgentId): ReadonlyArray<string> => {
  const dir = `${root}/${agentDir(agent)}/skills`
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
}

const readSkill =
  (root: string, agent: AgentId) =>
  (skill: string): SkillSource => {
    const path = `${root}/${skillPath(agent, skill)}`
    return existsSync(path) ? { _tag: "found", text: readFileSync(path, "utf8") } : { _tag: "missing" }
  }

/** Read and check every agent's skills against config and the registered tools. */
export const loadSkills = (
  config: AppConfig,
  options: SkillFilesOptions = {},
): Effect.Effect<AgentSkills, ConfigInvalid> =>
  Effect.gen(function* () {
    const root = options.root ?? defaultSkillsRoot
    const tools = options.tools ?? toolSignatures
    const checks = yield* Effect.try({
      try: () =>
        (options.agents ?? AgentId.literals).map((agent) => ({
          agent,
          ...checkAgentSkills({
            agent,
            configured: config.agents[agent].skills,
            onDisk: skillDirsOf(root, agent),
            read: readSkill(root, agent),
            tools: tools(agent),
          }),
        })),
      catch: (e) =>
        new ConfigInvalid({
          source: "agent skills",
          problems: [
            `could not read the skill bundles under ${root}: ${e instanceof Error ? e.message : String(e)}`,
          ],
        }),
    })
    const problems = checks.flatMap((c) => c.problems)
    if (problems.length > 0)
      return yield* new ConfigInvalid({ source: "agent skills (config.yaml)", problems })
    const skills: AgentSkills = Object.fromEntries(checks.map((c) => [c.agent, c.skills]))
    return skills
  })

/** One agent's skills (the check's result, for callers that need only one agent). */
export const loadAgentSkills = (
  config: AppConfig,
  agent: AgentId,
  options: SkillFilesOptions = {},
): Effect.Effect<ReadonlyArray<Skill>, ConfigInvalid> =>
  Effect.map(loadSkills(config, { ...options, agents: [agent] }), (all) => all[agent] ?? [])
