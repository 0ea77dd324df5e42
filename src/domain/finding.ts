/**
 * A Finding: one piece of evidence an agent found, on the one severity scale. Agents return
 * them without ids; the master numbers them `<agent>#<n>` (1-based, in the agent's order) so a
 * cause can cite them and a reader can find them. Text fields are redacted before they leave
 * the agent, and again before anything is rendered.
 */
import { Schema } from "effect"
import { AgentId } from "./agent-id.js"
import { Severity } from "./severity.js"

export const FindingId = Schema.String.pipe(Schema.pattern(/^[a-z_]+#\d+$/))

export const Finding = Schema.Struct({
  /** `<agent>#<n>`; empty until the master numbers the agent's findings. */
  id: Schema.String,
  agent: AgentId,
  /** One line: what is wrong ("payments-api-6c9f7d8b4-q7x2m OOMKilled, 6 restarts"). */
  title: Schema.String,
  /** The explanation, a few lines at most. */
  detail: Schema.String,
  severity: Severity,
  /** A machine-readable kind for correlation ("oom_killed", "rollout", "log_signature", …). */
  kind: Schema.String,
  observedAt: Schema.NullOr(Schema.DateTimeUtc),
  /** `pod/<ns>/<name>`, `deployment/<ns>/<name>`, `node/<name>`, `loggroup/<name>`, `channel/<id>`. */
  resource: Schema.NullOr(Schema.String),
  /** The service this is about, when known (a service, not a log group or a pod). */
  service: Schema.NullOr(Schema.String),
  /** A deep link to the evidence (console, log query, message permalink). */
  link: Schema.NullOr(Schema.String),
  /** The (redacted) raw excerpt the finding rests on: a log line, an event message. */
  excerpt: Schema.NullOr(Schema.String),
})
export type Finding = typeof Finding.Type

/** The master's numbering: `<agent>#1`, `<agent>#2`, … in the order the agent returned them. */
export const numberFindings = (findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> => {
  const counters = new Map<string, number>()
  return findings.map((f) => {
    const n = (counters.get(f.agent) ?? 0) + 1
    counters.set(f.agent, n)
    return { ...f, id: `${f.agent}#${n}` }
  })
}
