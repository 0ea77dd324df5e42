/**
 * The deployment manifest (`config.yaml`), decoded strictly: an unknown key anywhere is an
 * error naming its path. Keys stay snake_case in code so they can be grepped against the file.
 * Every section has embedded defaults, so a minimal file (or none, for the local demo) works.
 */
import { Either, ParseResult, Schema } from "effect"
import {
  defaultMetricFloors,
  defaultMetricQueries,
  type MetricQueryKind,
  templateProblem,
} from "./metric-queries.js"
import type { Severity } from "./severity.js"

const PositiveInt = Schema.Int.pipe(Schema.positive())
const NonNegativeInt = Schema.Int.pipe(Schema.nonNegative())
const NonEmpty = Schema.String.pipe(Schema.minLength(1))

const withDefault = <A, I, R>(schema: Schema.Schema<A, I, R>, value: () => NoInfer<A>) =>
  Schema.optionalWith(schema, { default: value })

export const AgentRuntime = Schema.Literal("inline", "agentcore", "url")
export type AgentRuntime = typeof AgentRuntime.Type

export const AgentSettings = Schema.Struct({
  enabled: withDefault(Schema.Boolean, () => true),
  runtime: withDefault(AgentRuntime, () => "inline" as const),
  /** A model for bounded drill-downs/synthesis; null = deterministic only. */
  model: withDefault(Schema.NullOr(NonEmpty), () => null),
  skills: withDefault(Schema.Array(NonEmpty), () => []),
  max_tool_steps: withDefault(PositiveInt, () => 4),
  token_budget: withDefault(PositiveInt, () => 20_000),
})
export type AgentSettings = typeof AgentSettings.Type

const agent = withDefault(AgentSettings, () => Schema.decodeSync(AgentSettings)({}))

export const AgentsSettings = Schema.Struct({
  master: agent,
  eks: agent,
  cloudwatch_logs: agent,
  slack_scanner: agent,
  discord_scanner: agent,
  incident_history: agent,
  prometheus: agent,
}).pipe(
  Schema.filter((a) =>
    a.master.enabled
      ? undefined
      : { path: ["master", "enabled"], message: "the master agent cannot be disabled" },
  ),
)
export type AgentsSettings = typeof AgentsSettings.Type

export const ModelPrice = Schema.Struct({
  /** USD per million input tokens */
  input: Schema.NonNegative,
  /** USD per million output tokens */
  output: Schema.NonNegative,
})

export const ModelsSettings = Schema.Struct({
  default: withDefault(NonEmpty, () => "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
  region: withDefault(NonEmpty, () => "us-east-1"),
  prices: withDefault(Schema.Record({ key: NonEmpty, value: ModelPrice }), () => ({
    "us.anthropic.claude-haiku-4-5-20251001-v1:0": { input: 1, output: 5 },
    "anthropic.claude-haiku-4-5-20251001-v1:0": { input: 1, output: 5 },
    "us.anthropic.claude-sonnet-4-6": { input: 3, output: 15 },
    "global.anthropic.claude-sonnet-4-6": { input: 3, output: 15 },
    "us.anthropic.claude-sonnet-4-20250514-v1:0": { input: 3, output: 15 },
  })),
})

export const defaultNudge =
  "👋 I investigate infrastructure alerts, and this looked like conversation, so I left it. " +
  "To investigate it anyway, mention me with the word *investigate* in this thread (or react with :sre-on-call:)."

export const ClassifierSettings = Schema.Struct({
  /** false: every mention is investigated and no nudge is posted. */
  enabled: withDefault(Schema.Boolean, () => true),
  nudge: withDefault(NonEmpty, () => defaultNudge),
  /** Extra words that mark a message as an alert (matched on word boundaries). */
  alert_terms: withDefault(Schema.Array(NonEmpty), () => []),
  /** Extra whole-message phrases that are chatter. */
  chatter_phrases: withDefault(Schema.Array(NonEmpty), () => []),
  llm: withDefault(
    Schema.Struct({
      enabled: withDefault(Schema.Boolean, () => false),
      model: withDefault(NonEmpty, () => "us.anthropic.claude-haiku-4-5-20251001-v1:0"),
      timeout_ms: withDefault(PositiveInt, () => 1500),
    }),
    () => ({ enabled: false, model: "us.anthropic.claude-haiku-4-5-20251001-v1:0", timeout_ms: 1500 }),
  ),
})
export type ClassifierSettings = typeof ClassifierSettings.Type

export const TriggersSettings = Schema.Struct({
  /** Slack reaction (emoji name, no colons) that asks for an investigation. */
  slack_reaction: withDefault(NonEmpty, () => "sre-on-call"),
  /** Discord message context-menu command name. */
  discord_message_command: withDefault(NonEmpty, () => "Investigate alert"),
  /** Discord slash command name (without the slash); its option is `text`. */
  discord_slash_command: withDefault(NonEmpty, () => "investigate"),
})

export const ChannelRef = Schema.Struct({ id: NonEmpty, name: Schema.optional(Schema.String) })

export const ChannelsSettings = Schema.Struct({
  slack: withDefault(Schema.Array(ChannelRef), () => []),
  discord: withDefault(Schema.Array(ChannelRef), () => []),
})

export const WindowsSettings = Schema.Struct({
  evidence_before_minutes: withDefault(PositiveInt, () => 30),
  evidence_after_minutes: withDefault(NonNegativeInt, () => 5),
  change_lookback_hours: withDefault(PositiveInt, () => 6),
})

export const BudgetsSettings = Schema.Struct({
  ack_ms: withDefault(PositiveInt, () => 3000),
  started_notice_ms: withDefault(PositiveInt, () => 5000),
  report_deadline_s: withDefault(PositiveInt, () => 60),
  synthesis_reserve_s: withDefault(NonNegativeInt, () => 10),
  late_results_s: withDefault(PositiveInt, () => 300),
  snapshot_s: withDefault(PositiveInt, () => 30),
})

export const LimitsSettings = Schema.Struct({
  request_body_bytes: withDefault(PositiveInt, () => 1_048_576),
  signature_window_s: withDefault(PositiveInt, () => 300),
  dedup_ttl_hours: withDefault(PositiveInt, () => 24),
  dedup_reclaim_after_s: withDefault(PositiveInt, () => 120),
  secrets_ttl_s: withDefault(PositiveInt, () => 300),
  /** Per outbound chat call, retries included. Intake's own calls stay well inside the 3 s ack. */
  outbound_timeout_ms: withDefault(PositiveInt, () => 2500),
  slack_section_chars: withDefault(PositiveInt, () => 3000),
  slack_blocks: withDefault(PositiveInt, () => 50),
  slack_text_chars: withDefault(PositiveInt, () => 12_000),
  discord_message_chars: withDefault(PositiveInt, () => 2000),
  findings_shown_per_agent: withDefault(PositiveInt, () => 20),
})

/** A PromQL template; placeholders only inside double-quoted label values (no injection from alert text). */
const MetricQueryTemplate = NonEmpty.pipe(Schema.filter((t) => templateProblem(t) ?? undefined))
const metricQuery = (kind: MetricQueryKind) =>
  withDefault(Schema.NullOr(MetricQueryTemplate), () => defaultMetricQueries[kind])
const metricFloor = (kind: MetricQueryKind) =>
  withDefault(Schema.NonNegative, () => defaultMetricFloors[kind])

export const PrometheusSettings = Schema.Struct({
  /** null: PROMETHEUS_URL (with `--live`); unset both and the agent answers unhealthy. */
  url: withDefault(Schema.NullOr(NonEmpty), () => null),
  /** One template per signal, null to skip it. Placeholders: {service} {namespace} {workload} {pod} {container} {cluster}, `_re` for regex-quoted. */
  queries: withDefault(
    Schema.Struct({
      error_rate: metricQuery("error_rate"),
      latency_p99: metricQuery("latency_p99"),
      saturation: metricQuery("saturation"),
      restarts: metricQuery("restarts"),
    }),
    () => ({ ...defaultMetricQueries }),
  ),
  /** Absolute floor per signal: below it nothing is an anomaly. */
  floors: withDefault(
    Schema.Struct({
      error_rate: metricFloor("error_rate"),
      latency_p99: metricFloor("latency_p99"),
      saturation: metricFloor("saturation"),
      restarts: metricFloor("restarts"),
    }),
    () => ({ ...defaultMetricFloors }),
  ),
  /** Anomaly: incident level ≥ min_ratio × the baseline mean AND ≥ min_z baseline standard deviations above it. */
  min_ratio: withDefault(Schema.Number.pipe(Schema.greaterThan(1)), () => 2),
  min_z: withDefault(Schema.Number.pipe(Schema.positive()), () => 3),
  /** Range-query resolution. */
  step_s: withDefault(PositiveInt, () => 60),
  /** Other metrics of the alert's service/workload read and judged besides the signals (0: none). */
  scan_metrics: withDefault(Schema.Int.pipe(Schema.between(0, 20)), () => 8),
  /** Per query attempt. */
  timeout_ms: withDefault(PositiveInt, () => 5000),
})
export type PrometheusSettings = typeof PrometheusSettings.Type

/** Where the agents read from when running against real systems (`--live`, AWS). */
export const SourcesSettings = Schema.Struct({
  cloudwatch_logs: withDefault(
    Schema.Struct({
      /** null: AWS_REGION, else models.region */
      region: withDefault(Schema.NullOr(NonEmpty), () => null),
      /** Extra log-group name prefixes to search besides the ones derived from the alert. */
      log_group_prefixes: withDefault(Schema.Array(NonEmpty), () => []),
    }),
    () => ({ region: null, log_group_prefixes: [] }),
  ),
  kubernetes: withDefault(
    Schema.Struct({
      /** kubeconfig context; null: the current one (or in-cluster config). */
      context: withDefault(Schema.NullOr(NonEmpty), () => null),
      /** The cluster's name as alerts name it (e.g. eks-prod), to tell alerts about other clusters apart. */
      cluster_name: withDefault(Schema.NullOr(NonEmpty), () => null),
    }),
    () => ({ context: null, cluster_name: null }),
  ),
  prometheus: withDefault(PrometheusSettings, () => Schema.decodeSync(PrometheusSettings)({})),
})
export type SourcesSettings = typeof SourcesSettings.Type

const labels = (xs: ReadonlyArray<string>) => withDefault(Schema.Array(NonEmpty), () => xs)

/** Alert severity labels → our scale (matched case-insensitively). */
export const SeverityLabels = Schema.Struct({
  critical: labels(["critical", "crit", "fatal", "emergency", "sev1", "sev-1", "p1"]),
  high: labels(["high", "error", "major", "sev2", "sev-2", "p2", "urgency: high"]),
  medium: labels(["warning", "warn", "sev3", "sev-3", "p3"]),
  low: labels(["low", "minor", "sev4", "sev-4", "p4"]),
  info: labels(["info", "informational", "p5"]),
})
export type SeverityLabels = typeof SeverityLabels.Type

export const AppConfig = Schema.Struct({
  project: withDefault(NonEmpty, () => "sre-on-call"),
  environment: withDefault(NonEmpty, () => "dev"),
  models: withDefault(ModelsSettings, () => Schema.decodeSync(ModelsSettings)({})),
  agents: withDefault(AgentsSettings, () => Schema.decodeSync(AgentsSettings)({})),
  classifier: withDefault(ClassifierSettings, () => Schema.decodeSync(ClassifierSettings)({})),
  triggers: withDefault(TriggersSettings, () => Schema.decodeSync(TriggersSettings)({})),
  channels: withDefault(ChannelsSettings, () => Schema.decodeSync(ChannelsSettings)({})),
  windows: withDefault(WindowsSettings, () => Schema.decodeSync(WindowsSettings)({})),
  budgets: withDefault(BudgetsSettings, () => Schema.decodeSync(BudgetsSettings)({})),
  limits: withDefault(LimitsSettings, () => Schema.decodeSync(LimitsSettings)({})),
  sources: withDefault(SourcesSettings, () => Schema.decodeSync(SourcesSettings)({})),
  severity: withDefault(
    Schema.Struct({ labels: withDefault(SeverityLabels, () => Schema.decodeSync(SeverityLabels)({})) }),
    () => ({
      labels: Schema.decodeSync(SeverityLabels)({}),
    }),
  ),
})
export type AppConfig = typeof AppConfig.Type

export const severityScale: ReadonlyArray<Severity> = ["critical", "high", "medium", "low", "info"]

/** The embedded defaults (what an empty config.yaml means). */
export const defaultConfig: AppConfig = Schema.decodeSync(AppConfig)({})

export class ConfigInvalid extends Schema.TaggedError<ConfigInvalid>()("ConfigInvalid", {
  source: Schema.String,
  problems: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `${this.source} is invalid:\n${this.problems.map((p) => `  - ${p}`).join("\n")}`
  }
}

const renderPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0
    ? "(top level)"
    : path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("")

/**
 * Pure: decode an already-parsed document. Errors name the path (`agents.eks.foo: is
 * unexpected …`); an unknown key is an error, never silently dropped.
 */
export const decodeConfig = (doc: unknown, source = "config.yaml"): Either.Either<AppConfig, ConfigInvalid> =>
  Schema.decodeUnknownEither(AppConfig, { onExcessProperty: "error", errors: "all" })(doc ?? {}).pipe(
    Either.mapLeft((error) => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      // A wrong type under an optional key is also reported as "Expected undefined"; drop that echo.
      const useful = issues.filter((i) => !(i._tag === "Type" && i.message.startsWith("Expected undefined")))
      const shown = (useful.length > 0 ? useful : issues).map((i) => `${renderPath(i.path)}: ${i.message}`)
      return new ConfigInvalid({ source, problems: [...new Set(shown)] })
    }),
  )
