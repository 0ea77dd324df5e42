/**
 * A scenario file (scenarios/FORMAT.md), decoded strictly: an unknown key anywhere is an error
 * naming its path, except inside `kubernetes.objects`, which pass through as the API returns
 * them (only apiVersion, kind, metadata.name and — for namespaced kinds — metadata.namespace are
 * required). The message id's own time must agree with `posted_at`, as real ones do.
 */
import { readFile } from "node:fs/promises"
import { DateTime, Effect, Either, ParseResult, Schema } from "effect"
import { parseDocument } from "yaml"
import { timeFromSnowflake } from "../adapters/discord/snowflake.js"
import { slackTsToMillis } from "../adapters/slack/slack-events.js"
import { AgentId } from "../domain/agent-id.js"
import { Severity } from "../domain/severity.js"
import { ScenarioModel } from "./scenario-model.js"

const Instant = Schema.DateTimeUtc
const Text = Schema.String

import { isClusterScoped } from "./kubernetes-store.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))
const Json = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** A Kubernetes object exactly as `kubectl get -o yaml` prints it: only its identity is checked. */
export const KubeObject = Schema.Struct(
  {
    apiVersion: NonEmpty,
    kind: NonEmpty,
    metadata: Schema.Struct({ name: NonEmpty, namespace: Schema.optional(NonEmpty) }, Json),
  },
  Json,
).pipe(
  Schema.filter((o) =>
    isClusterScoped(o.kind, o.metadata.namespace) || o.metadata.namespace !== undefined
      ? undefined
      : { path: ["metadata", "namespace"], message: `a namespaced ${o.kind} needs metadata.namespace` },
  ),
)
export type KubeObject = typeof KubeObject.Type

const SlackReply = Schema.Struct({
  ts: NonEmpty,
  user: NonEmpty,
  bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  text: Text,
})
const SlackMessage = Schema.Struct({
  ts: NonEmpty,
  user: NonEmpty,
  bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  text: Text,
  replies: Schema.optionalWith(Schema.Array(SlackReply), { default: () => [] }),
})
const DiscordMessage = Schema.Struct({
  id: NonEmpty,
  timestamp: Instant,
  user: NonEmpty,
  bot: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  text: Text,
})

export const ScenarioAlert = Schema.Struct({
  platform: Schema.Literal("slack", "discord"),
  channel: NonEmpty,
  channel_name: Schema.optionalWith(Schema.NullOr(Text), { default: () => null }),
  message_id: NonEmpty,
  thread_id: Schema.optionalWith(Schema.NullOr(NonEmpty), { default: () => null }),
  posted_at: Instant,
  author: NonEmpty,
  bot: Schema.Boolean,
  trigger: Schema.Literal("mention", "reaction", "thread_mention", "message_command", "command"),
  text: Text,
  note: Schema.optionalWith(Schema.NullOr(Text), { default: () => null }),
})
export type ScenarioAlert = typeof ScenarioAlert.Type

/**
 * A term an expectation matches in report text. YAML reads a bare `403` or `true` as a number or
 * a boolean; in a list of words to find it is still that word, so it is taken as written rather
 * than rejecting the whole scenario over a missing pair of quotes.
 */
const Term = Schema.Union(
  NonEmpty,
  Schema.transform(Schema.Union(Schema.Number, Schema.Boolean), NonEmpty, {
    strict: true,
    decode: (v) => String(v),
    encode: (s) => (s === "true" ? true : s === "false" ? false : Number(s)),
  }),
)

export const ScenarioExpect = Schema.Struct({
  decision: Schema.Literal("investigate", "gate"),
  /** inclusive range [lowest, highest] */
  severity: Schema.optionalWith(Schema.Tuple(Severity, Severity), {
    default: () => ["info", "critical"] as const,
  }),
  cause_terms: Schema.optionalWith(Schema.Array(Schema.NonEmptyArray(Term)), { default: () => [] }),
  evidence_from: Schema.optionalWith(Schema.Array(AgentId), { default: () => [] }),
  must_not_contain: Schema.optionalWith(Schema.Array(Term), { default: () => [] }),
})
export type ScenarioExpect = typeof ScenarioExpect.Type

export const Scenario = Schema.Struct({
  name: NonEmpty.pipe(Schema.pattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: () => "must be kebab-case" })),
  description: Text,
  now: Instant,
  alert: ScenarioAlert,
  kubernetes: Schema.optional(
    Schema.Struct({
      cluster: NonEmpty,
      objects: Schema.optionalWith(Schema.Array(KubeObject), { default: () => [] }),
      logs: Schema.optionalWith(Schema.Record({ key: NonEmpty, value: Text }), { default: () => ({}) }),
    }),
  ),
  cloudwatch: Schema.optional(
    Schema.Struct({
      region: NonEmpty,
      log_groups: Schema.Array(
        Schema.Struct({
          name: NonEmpty,
          events: Schema.optionalWith(
            Schema.Array(Schema.Struct({ timestamp: Instant, stream: NonEmpty, message: Text })),
            { default: () => [] },
          ),
        }),
      ),
    }),
  ),
  prometheus: Schema.optional(
    Schema.Struct({
      series: Schema.Array(
        Schema.Struct({
          labels: Schema.Record({ key: NonEmpty, value: Text }),
          samples: Schema.Array(Schema.Tuple(Instant, Schema.Number)),
        }),
      ),
    }),
  ),
  chat: Schema.optional(
    Schema.Struct({
      slack: Schema.optionalWith(
        Schema.Record({
          key: NonEmpty,
          value: Schema.Struct({ name: Schema.optional(Text), messages: Schema.Array(SlackMessage) }),
        }),
        { default: () => ({}) },
      ),
      discord: Schema.optionalWith(
        Schema.Record({
          key: NonEmpty,
          value: Schema.Struct({ name: Schema.optional(Text), messages: Schema.Array(DiscordMessage) }),
        }),
        { default: () => ({}) },
      ),
    }),
  ),
  history: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        id: NonEmpty,
        title: Text,
        summary: Text,
        root_cause: Text,
        resolved_at: Instant,
        link: NonEmpty,
        alert_name: Schema.optional(NonEmpty),
        service: Schema.optional(NonEmpty),
        namespace: Schema.optional(NonEmpty),
      }),
    ),
    { default: () => [] },
  ),
  /** Scripted model turns per agent (docs/scenario-model.md); absent: no model, deterministic. */
  model: Schema.optional(ScenarioModel),
  expect: ScenarioExpect,
})
export type Scenario = typeof Scenario.Type

export class ScenarioInvalid extends Schema.TaggedError<ScenarioInvalid>()("ScenarioInvalid", {
  source: Schema.String,
  problems: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `${this.source} is not a valid scenario:\n${this.problems.map((p) => `  - ${p}`).join("\n")}`
  }
}

const renderPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0
    ? "(top level)"
    : path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("")

/** The alert's message id must encode its posted_at (Slack ts / Discord snowflake), as real ones do. */
const idTimeProblems = (s: Scenario): ReadonlyArray<string> => {
  const posted = s.alert.posted_at.epochMillis
  const ms =
    s.alert.platform === "slack" ? slackTsToMillis(s.alert.message_id) : timeFromSnowflake(s.alert.message_id)
  if (ms === null || Number.isNaN(ms))
    return [`alert.message_id: not a ${s.alert.platform === "slack" ? "Slack ts" : "Discord snowflake"}`]
  return Math.abs(ms - posted) >= 1000
    ? [
        `alert.message_id: its time ${new Date(ms).toISOString()} does not match alert.posted_at ${DateTime.formatIso(s.alert.posted_at)}`,
      ]
    : []
}

export const decodeScenario = (doc: unknown, source = "scenario"): Either.Either<Scenario, ScenarioInvalid> =>
  Schema.decodeUnknownEither(Scenario, { onExcessProperty: "error", errors: "all" })(doc).pipe(
    Either.mapLeft((error) => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const useful = issues.filter((i) => !(i._tag === "Type" && i.message.startsWith("Expected undefined")))
      const problems = [
        ...new Set((useful.length > 0 ? useful : issues).map((i) => `${renderPath(i.path)}: ${i.message}`)),
      ]
      return new ScenarioInvalid({ source, problems })
    }),
    Either.flatMap((s) => {
      const problems = idTimeProblems(s)
      return problems.length === 0 ? Either.right(s) : Either.left(new ScenarioInvalid({ source, problems }))
    }),
  )

export const parseScenarioText = (text: string, source: string): Either.Either<Scenario, ScenarioInvalid> => {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
  if (doc.errors.length > 0) {
    return Either.left(
      new ScenarioInvalid({ source, problems: doc.errors.map((e) => e.message.split("\n")[0] ?? e.message) }),
    )
  }
  return decodeScenario(doc.toJS(), source)
}

export const loadScenarioFile = (path: string): Effect.Effect<Scenario, ScenarioInvalid> =>
  Effect.tryPromise({
    try: () => readFile(path, "utf8"),
    catch: (e) =>
      new ScenarioInvalid({
        source: path,
        problems: [`cannot read: ${e instanceof Error ? e.message : String(e)}`],
      }),
  }).pipe(Effect.flatMap((text) => parseScenarioText(text, path)))
