/**
 * A tool an agent's model drill-down may call: a name, a description, an input `Schema` (the
 * JSON Schema the model sees is generated from it, so the two cannot drift — the original's
 * skill text and tool signature did, W10) and `run` over the agent's ports. `agentTool` types
 * `run`'s input from the Schema; `bindTool` turns it into the loop's `LoopTool` for one task:
 * the input is decoded first, and a bad input or a failed read becomes the message the model
 * reads. To give an agent tools: write them next to the agent (`src/agents/<dir>/tools.ts`),
 * list them in `src/agents/agent-tools.ts`, and add one SKILL.md per tool (see `skills.ts`).
 */
import { Effect, JSONSchema, ParseResult, Schema } from "effect"
import type { AgentTask } from "../domain/agent-task.js"
import type { LoopTool, ToolOutput } from "../domain/tool-loop.js"

export type { ToolOutput } from "../domain/tool-loop.js"

/** A tool's own failure, worded for the model ("pod x not found in namespace y"). */
export class ToolFailed extends Schema.TaggedError<ToolFailed>()("ToolFailed", {
  message: Schema.String,
}) {}

export interface AgentTool<R> {
  /** Converse tool name: `[a-zA-Z0-9_-]{1,64}`. */
  readonly name: string
  readonly description: string
  /** JSON Schema of the input, generated from the input Schema. */
  readonly inputSchema: Readonly<Record<string, unknown>>
  /** Decode `input`, then run. */
  readonly call: (input: unknown, task: AgentTask) => Effect.Effect<ToolOutput, ToolFailed, R>
}

export interface AgentToolSpec<A, I, R> {
  readonly name: string
  readonly description: string
  readonly input: Schema.Schema<A, I, never>
  readonly run: (input: A, task: AgentTask) => Effect.Effect<ToolOutput, ToolFailed, R>
}

const issues = (e: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(e)
    .slice(0, 5)
    .map((i) => `${i.path.length === 0 ? "(input)" : i.path.join(".")}: ${i.message}`)
    .join("; ")

/** The JSON Schema of an input Schema, without the `$schema` line (Converse does not need it). */
export const jsonSchemaOf = <A, I>(schema: Schema.Schema<A, I, never>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(JSONSchema.make(schema)).filter(([key]) => key !== "$schema"))

export const agentTool = <A, I, R>(spec: AgentToolSpec<A, I, R>): AgentTool<R> => {
  const decode = Schema.decodeUnknownEither(spec.input, { onExcessProperty: "error", errors: "all" })
  return {
    name: spec.name,
    description: spec.description,
    inputSchema: jsonSchemaOf(spec.input),
    call: (input, task) => {
      const decoded = decode(input)
      return decoded._tag === "Left"
        ? Effect.fail(new ToolFailed({ message: `invalid input for ${spec.name}: ${issues(decoded.left)}` }))
        : spec.run(decoded.right, task)
    },
  }
}

/** The tool for one task, as the loop runs it, described to the model by its skill. */
export const bindTool = <R>(tool: AgentTool<R>, task: AgentTask, description: string): LoopTool<R> => ({
  spec: { name: tool.name, description, inputSchema: tool.inputSchema },
  call: (input) => tool.call(input, task).pipe(Effect.mapError((e) => e.message)),
})
