/**
 * THE composition root: the only module that names ports and adapters together. Entry points
 * pick a composition (AWS Lambda, local serve) and tests build their own from `appLayer` with
 * replay servers and in-memory stores, so every path runs the same domain services.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { ConfigProvider, Effect, Layer, Option } from "effect"
import { bedrockLlmLayer } from "./adapters/bedrock/bedrock-llm-layer.js"
import { cloudWatchLogSourceLayer } from "./adapters/cloudwatch-logs/cloudwatch-log-source.js"
import { makeDiscordPlatform } from "./adapters/discord/discord-platform.js"
import { dynamoDedupStoreLayer } from "./adapters/dynamodb/dynamo-dedup-store.js"
import { dynamoIncidentStoreLayer } from "./adapters/dynamodb/dynamo-incident-store.js"
import { kubernetesClusterLayer } from "./adapters/kubernetes/kubernetes-cluster-layer.js"
import { ConfigMissing, loadConfigFile } from "./adapters/local/config-file.js"
import { fileDedupStoreLayer } from "./adapters/local/file-dedup-store.js"
import { fileIncidentStoreLayer } from "./adapters/local/file-incident-store.js"
import { fileTraceStoreLayer } from "./adapters/local/file-trace-store.js"
import { inProcessDispatchQueueLayer } from "./adapters/local/in-process-queue.js"
import { inlineAgentInvokerLayer } from "./adapters/local/inline-agent-invoker.js"
import { memoryDedupStoreLayer } from "./adapters/local/memory-dedup-store.js"
import { memoryIncidentStoreLayer } from "./adapters/local/memory-incident-store.js"
import { memoryTraceStoreLayer } from "./adapters/local/memory-trace-store.js"
import { noTraceStoreLayer } from "./adapters/local/no-trace-store.js"
import { offLlmLayer } from "./adapters/local/off-llm.js"
import { routingAgentInvokerLayer } from "./adapters/local/routing-agent-invoker.js"
import { prometheusMetricSourceLayer } from "./adapters/prometheus/prometheus-metric-source.js"
import { awsTraceStoreLayer } from "./adapters/s3/s3-trace-store.js"
import { tracesConfig } from "./adapters/s3/trace-store-config.js"
import { envSecretsLayer } from "./adapters/secrets-manager/env-secrets-layer.js"
import { secretsManagerResolver } from "./adapters/secrets-manager/secrets-manager-resolver.js"
import { makeSlackPlatform } from "./adapters/slack/slack-platform.js"
import { makeSlackWebApi } from "./adapters/slack/slack-web-api.js"
import { sqsDispatchQueueLayer } from "./adapters/sqs/sqs-dispatch-queue.js"
import { masterAgent } from "./agents/master/master-agent.js"
import { specialistAgents } from "./agents/registry.js"
import { loadSkills } from "./agents/skill-files.js"
import { AppSettings } from "./domain/app-settings.js"
import { isAgainRequest } from "./domain/classify.js"
import { type AppConfig, ConfigInvalid, defaultConfig } from "./domain/config.js"
import { DispatcherLive } from "./domain/dispatcher.js"
import type { IncidentRecord } from "./domain/incident-record.js"
import { IntakeLive } from "./domain/intake.js"
import { OrchestratorLive } from "./domain/orchestrator.js"
import { meteredLlmLayer } from "./domain/usage-meter.js"
import type { AgentInvoker } from "./ports/agent-invoker.js"
import { ChatPlatforms } from "./ports/chat-platform.js"
import { type Cluster, notConfiguredClusterLayer } from "./ports/cluster.js"
import type { DedupStore } from "./ports/dedup-store.js"
import type { DispatchQueue } from "./ports/dispatch-queue.js"
import { type IncidentStore, notConfiguredIncidentStoreLayer } from "./ports/incident-store.js"
import type { Llm } from "./ports/llm.js"
import { type LogSource, notConfiguredLogSourceLayer } from "./ports/log-source.js"
import { type MetricSource, notConfiguredMetricSourceLayer } from "./ports/metric-source.js"
import { Secrets } from "./ports/secrets.js"
import type { TraceStore } from "./ports/trace-store.js"
import type { ReplayEndpoints } from "./replay/scenario-sources.js"

export interface ChatEndpoints {
  /** Slack Web API base (default https://slack.com/api); a replay server in tests and the demo. */
  readonly slackApiUrl?: string
  /** Discord REST base (default https://discord.com/api/v10). */
  readonly discordApiUrl?: string
  /** Our Slack bot's identity when already known (auth.test at start). */
  readonly slackIdentity?: { readonly userId: string | null; readonly botId: string | null }
}

export const chatPlatformsLayer = (config: AppConfig, endpoints: ChatEndpoints = {}) =>
  Layer.effect(
    ChatPlatforms,
    Effect.gen(function* () {
      const secrets = yield* Secrets
      const common = {
        secrets,
        timeoutMs: config.limits.outbound_timeout_ms,
        signatureWindowSeconds: config.limits.signature_window_s,
        windows: {
          evidenceBeforeMinutes: config.windows.evidence_before_minutes,
          evidenceAfterMinutes: config.windows.evidence_after_minutes,
          changeLookbackHours: config.windows.change_lookback_hours,
        },
      }
      return ChatPlatforms.of({
        slack: makeSlackPlatform({
          ...common,
          ...(endpoints.slackApiUrl === undefined ? {} : { apiUrl: endpoints.slackApiUrl }),
          ...(endpoints.slackIdentity === undefined ? {} : { identity: endpoints.slackIdentity }),
          reactionTrigger: config.triggers.slack_reaction,
          againRequested: isAgainRequest,
        }),
        discord: makeDiscordPlatform({
          ...common,
          ...(endpoints.discordApiUrl === undefined ? {} : { apiUrl: endpoints.discordApiUrl }),
          messageCommand: config.triggers.discord_message_command,
          slashCommand: config.triggers.discord_slash_command,
        }),
      })
    }),
  )

/** Where the specialists read from: a scenario's replay servers, the real backends, or nothing. */
export interface SourceLayers {
  readonly cluster: Layer.Layer<Cluster>
  readonly logs: Layer.Layer<LogSource>
  readonly metrics: Layer.Layer<MetricSource>
}

/** No data source: each agent answers `unhealthy` with what is missing. */
export const notConfiguredSources: SourceLayers = {
  cluster: notConfiguredClusterLayer(),
  logs: notConfiguredLogSourceLayer(),
  metrics: notConfiguredMetricSourceLayer(),
}

/** A scenario's replay servers; the credentials are dummies the replay accepts, so nothing on the machine is read. */
export const replaySourceLayers = (endpoints: ReplayEndpoints): SourceLayers => ({
  cluster:
    endpoints.kubernetes === null
      ? notConfiguredClusterLayer("this scenario has no kubernetes section")
      : kubernetesClusterLayer({
          kubeconfig: endpoints.kubernetes.kubeconfig,
          clusterName: endpoints.kubernetes.cluster,
        }),
  logs:
    endpoints.cloudwatch === null
      ? notConfiguredLogSourceLayer("this scenario has no cloudwatch section")
      : cloudWatchLogSourceLayer({
          region: endpoints.cloudwatch.region,
          endpoint: endpoints.cloudwatch.endpoint,
          credentials: { accessKeyId: "REPLAYACCESSKEY", secretAccessKey: "replay-secret-key" },
        }),
  metrics:
    endpoints.prometheus === null
      ? notConfiguredMetricSourceLayer("this scenario has no prometheus section")
      : prometheusMetricSourceLayer({ url: endpoints.prometheus.url, linkable: false }),
})

/** The real backends (`--serve --live`, AWS): kubeconfig and the AWS credential chain, as config.yaml scopes them. */
export const liveSourceLayers = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
): SourceLayers => ({
  cluster: kubernetesClusterLayer({
    kubeconfig: "default",
    context: config.sources.kubernetes.context,
    clusterName: config.sources.kubernetes.cluster_name,
  }),
  logs: cloudWatchLogSourceLayer({
    region:
      config.sources.cloudwatch_logs.region ??
      env.AWS_REGION ??
      env.AWS_DEFAULT_REGION ??
      config.models.region,
  }),
  metrics: liveMetricsLayer(config, env),
})

/** Prometheus at PROMETHEUS_URL (else `sources.prometheus.url`); neither set → the agent answers unhealthy. */
const liveMetricsLayer = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
): Layer.Layer<MetricSource> => {
  const url = env.PROMETHEUS_URL?.trim() || config.sources.prometheus.url
  return url === null || url === undefined || url === ""
    ? notConfiguredMetricSourceLayer()
    : prometheusMetricSourceLayer({ url, timeoutMs: config.sources.prometheus.timeout_ms })
}

const sourcesLayer = (sources: SourceLayers) => Layer.mergeAll(sources.cluster, sources.logs, sources.metrics)

export interface AppParts<E> {
  readonly config: AppConfig
  readonly secrets: Layer.Layer<Secrets>
  readonly dedup: Layer.Layer<DedupStore, E>
  readonly llm: Layer.Layer<Llm>
  readonly traces: Layer.Layer<TraceStore>
  /** "in-process": an Effect Queue drained by the Dispatcher in this process. */
  readonly queue: "in-process" | Layer.Layer<DispatchQueue>
  readonly chat?: ChatEndpoints
  /** Environment for agent routing (`<ID>_AGENT_RUNTIME_ARN`, `<ID>_AGENT_URL`). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** How dispatch reaches the master. Default: per config.yaml (inline: this process's Orchestrator). */
  readonly invoker?: Layer.Layer<AgentInvoker>
  /** How the master reaches the specialists. Default: per config.yaml, with the inline specialists. */
  readonly specialistInvoker?: Layer.Layer<AgentInvoker>
  /** What the inline specialists read (default: nothing configured). */
  readonly sources?: SourceLayers
  /** Past incidents: the master records into it, incident_history reads it (default: not configured). */
  readonly incidents?: Layer.Layer<IncidentStore>
  readonly agentCoreRegion?: string
}

/**
 * Intake + Dispatcher + the master's Orchestrator over the given adapters. Dispatch and the
 * Orchestrator each get their own AgentInvoker: dispatch reaches the master (inline, that is this
 * process's Orchestrator, or AgentCore), the Orchestrator reaches the specialists.
 */
export const appLayer = <E>(parts: AppParts<E>) => {
  const env = parts.env ?? {}
  const region = parts.agentCoreRegion ?? parts.config.models.region
  // One layer value for both users, so they share one store (layers are memoised by reference).
  const incidents = parts.incidents ?? notConfiguredIncidentStoreLayer()
  const chat = chatPlatformsLayer(parts.config, parts.chat).pipe(Layer.provide(parts.secrets))
  const ports = Layer.mergeAll(
    Layer.succeed(AppSettings, parts.config),
    incidents,
    parts.secrets,
    parts.dedup,
    parts.llm,
    parts.traces,
    chat,
  )
  const specialistInvoker =
    parts.specialistInvoker ??
    routingAgentInvokerLayer({
      agents: parts.config.agents,
      env,
      inline: specialistAgents(parts.config),
      agentCore: { region },
    }).pipe(
      Layer.provide(Layer.merge(sourcesLayer(parts.sources ?? notConfiguredSources), incidents)),
      // The chat scanners read channel history through the same platforms intake uses.
      Layer.provide(chat),
    )
  const orchestrator = OrchestratorLive.pipe(Layer.provide(specialistInvoker), Layer.provide(ports))
  const masterInvoker =
    parts.invoker ??
    routingAgentInvokerLayer({
      agents: parts.config.agents,
      env,
      inline: { master: masterAgent },
      agentCore: { region },
    }).pipe(Layer.provide(orchestrator))
  const dispatcher = DispatcherLive.pipe(Layer.provide(masterInvoker), Layer.provideMerge(ports))
  const queue =
    parts.queue === "in-process" ? inProcessDispatchQueueLayer().pipe(Layer.provide(dispatcher)) : parts.queue
  return IntakeLive.pipe(Layer.provideMerge(Layer.mergeAll(dispatcher, queue, orchestrator)))
}

/** Traces in S3 + DynamoDB when TRACES_BUCKET_NAME and TRACES_TABLE_NAME are set; off otherwise. */
const awsTraces = (env: Readonly<Record<string, string | undefined>>) =>
  tracesConfig.pipe(
    Effect.withConfigProvider(
      ConfigProvider.fromMap(
        new Map(Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]]))),
      ),
    ),
    Effect.map(Option.match({ onNone: () => noTraceStoreLayer, onSome: awsTraceStoreLayer })),
    Effect.mapError((e) => new ConfigInvalid({ source: "environment", problems: [String(e)] })),
  )

/** Past incidents on DynamoDB when INCIDENTS_TABLE_NAME is set; not configured (agent unhealthy) otherwise. */
export const awsIncidents = (
  env: Readonly<Record<string, string | undefined>>,
  region: string,
): Layer.Layer<IncidentStore> => {
  const tableName = env.INCIDENTS_TABLE_NAME?.trim() ?? ""
  return tableName === ""
    ? notConfiguredIncidentStoreLayer(
        "INCIDENTS_TABLE_NAME is not set: no incident history in this deployment",
      )
    : dynamoIncidentStoreLayer({ client: new DynamoDBClient({ region, maxAttempts: 3 }), tableName })
}

/**
 * The model client for a deployment: Bedrock when config.yaml gives the classifier or any agent a
 * model (metered, so each agent task's model calls land in its own usage), off otherwise.
 */
export const configuredLlmLayer = (config: AppConfig): Layer.Layer<Llm> =>
  config.classifier.llm.enabled || Object.values(config.agents).some((a) => a.model !== null)
    ? meteredLlmLayer.pipe(Layer.provide(bedrockLlmLayer({ region: config.models.region })))
    : offLlmLayer

/** config.yaml from CONFIG_PATH or the working directory; embedded defaults when there is none. */
export const loadConfig = (path: string) =>
  loadConfigFile(path).pipe(
    Effect.catchIf(
      (e): e is ConfigMissing => e instanceof ConfigMissing,
      () => Effect.logWarning(`${path} not found: using embedded defaults`).pipe(Effect.as(defaultConfig)),
    ),
  )

/**
 * `loadConfig`, then the start-up skill check (every skill config.yaml lists, or every bundle on
 * disk, exists and names a tool its agent has): for the entry points that run agents.
 */
export const loadAgentConfig = (path: string) =>
  loadConfig(path).pipe(Effect.tap((config) => loadSkills(config)))

const requireEnv = (env: Readonly<Record<string, string | undefined>>, name: string) => {
  const value = env[name]?.trim() ?? ""
  return value === ""
    ? Effect.fail(new ConfigInvalid({ source: "environment", problems: [`${name} is not set`] }))
    : Effect.succeed(value)
}

/** The AWS region: the Lambda/SDK environment's, else the models' region from config. */
const awsRegion = (env: Readonly<Record<string, string | undefined>>, config: AppConfig): string =>
  env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? config.models.region

/**
 * AWS: secrets from env or Secrets Manager ARNs, dedup on DynamoDB, the queue on SQS, the model
 * on Bedrock only when the tier-2 classifier is enabled. Shared by the intake and dispatch Lambdas.
 */
export const awsLayer = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
) =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      const region = awsRegion(env, config)
      const tableName = yield* requireEnv(env, "DEDUP_TABLE_NAME")
      const queueUrl = yield* requireEnv(env, "DISPATCH_QUEUE_URL")
      return appLayer({
        config,
        secrets: envSecretsLayer({
          env,
          ttlSeconds: config.limits.secrets_ttl_s,
          resolveArn: secretsManagerResolver(),
        }),
        dedup: dynamoDedupStoreLayer({ client: new DynamoDBClient({ region, maxAttempts: 3 }), tableName }),
        llm: configuredLlmLayer(config),
        traces: yield* awsTraces(env),
        incidents: awsIncidents(env, region),
        queue: sqsDispatchQueueLayer({ queueUrl, client: { region } }),
        env,
        agentCoreRegion: region,
        chat: {
          ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
          ...(env.DISCORD_API_URL ? { discordApiUrl: env.DISCORD_API_URL } : {}),
        },
      })
    }),
  )

export interface LocalServeOptions {
  readonly config: AppConfig
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stateDir: string
  readonly chat: ChatEndpoints
  readonly sources: SourceLayers
  /** The model client (default: Bedrock when config names a model); a scenario's Converse replay with --scenario. */
  readonly llm?: Layer.Layer<Llm>
}

/**
 * `npm start -- --serve`: one process, file-backed dedup and traces under the state dir, the
 * in-process queue, secrets from the environment, the master and the agents inline (or wherever
 * config.yaml routes them).
 */
export const localServeLayer = (options: LocalServeOptions) =>
  appLayer({
    config: options.config,
    secrets: envSecretsLayer({
      env: options.env,
      ttlSeconds: options.config.limits.secrets_ttl_s,
      resolveArn: secretsManagerResolver(),
    }),
    dedup: fileDedupStoreLayer({ dir: `${options.stateDir}/dedup` }),
    llm: options.llm ?? configuredLlmLayer(options.config),
    traces: fileTraceStoreLayer({ dir: options.stateDir }),
    incidents: fileIncidentStoreLayer({ dir: `${options.stateDir}/incidents` }),
    queue: "in-process",
    chat: options.chat,
    env: options.env,
    sources: options.sources,
  })

/**
 * `--serve` start-up check: with SLACK_BOT_TOKEN set, auth.test must succeed (a clear error
 * otherwise) and tells us our bot's identity; without it, chat output stays off.
 */
export const checkSlackToken = (
  env: Readonly<Record<string, string | undefined>>,
  apiUrl: string | undefined,
) =>
  Effect.gen(function* () {
    if ((env.SLACK_BOT_TOKEN ?? "").trim() === "") return null
    const secrets = yield* Secrets
    const api = makeSlackWebApi({
      ...(apiUrl === undefined ? {} : { baseUrl: apiUrl }),
      timeoutMs: 5000,
      token: secrets.get("SLACK_BOT_TOKEN"),
    })
    return yield* api.authTest()
  }).pipe(Effect.provide(envSecretsLayer({ env, resolveArn: secretsManagerResolver() })))

/**
 * One agent in its own container (AgentCore Runtime, `src/agent-server.ts`). The master gets the
 * whole engine: chat, its claim store (DEDUP_TABLE_NAME, to mark DONE), traces, the model when one
 * is configured, and the specialists as config.yaml routes them. A specialist needs only itself.
 */
export const masterRuntimeLayer = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
) =>
  Layer.unwrapEffect(
    Effect.gen(function* () {
      const region = awsRegion(env, config)
      const table = env.DEDUP_TABLE_NAME?.trim() ?? ""
      if (table === "")
        yield* Effect.logWarning("DEDUP_TABLE_NAME is not set: investigations will not be marked DONE")
      const secrets = envSecretsLayer({
        env,
        ttlSeconds: config.limits.secrets_ttl_s,
        resolveArn: secretsManagerResolver(),
      })
      const incidents = awsIncidents(env, region)
      const chat = chatFromEnv(config, env, secrets)
      const llm = configuredLlmLayer(config)
      const ports = Layer.mergeAll(
        Layer.succeed(AppSettings, config),
        secrets,
        incidents,
        table === ""
          ? memoryDedupStoreLayer()
          : dynamoDedupStoreLayer({
              client: new DynamoDBClient({ region, maxAttempts: 3 }),
              tableName: table,
            }),
        llm,
        yield* awsTraces(env),
        chat,
        routingAgentInvokerLayer({
          agents: config.agents,
          env,
          inline: specialistAgents(config),
          agentCore: { region },
        }).pipe(
          Layer.provide(Layer.mergeAll(sourcesLayer(liveSourceLayers(config, env)), incidents, llm)),
          Layer.provide(chat),
        ),
      )
      return OrchestratorLive.pipe(Layer.provideMerge(ports))
    }),
  )

export interface ScenarioAppParts {
  readonly config: AppConfig
  readonly env: Readonly<Record<string, string>>
  readonly chat: ChatEndpoints
  readonly sources: ReplayEndpoints
  /** The Converse replay of the scenario's `model:` section; absent or null: no model (offLlm). */
  readonly model?: { readonly endpoint: string; readonly region: string } | null
  /** The scenario's `history:` entries: the in-memory incident store starts with them. */
  readonly history?: ReadonlyArray<IncidentRecord>
}

/**
 * The real Bedrock adapter pointed at a scenario's Converse replay (HTTP/1, dummy keys the replay
 * accepts, so nothing on the machine is read), metered so each agent's calls land in its usage.
 */
export const scenarioLlmLayer = (model: { readonly endpoint: string; readonly region: string } | null) =>
  model === null
    ? offLlmLayer
    : meteredLlmLayer.pipe(
        Layer.provide(
          bedrockLlmLayer({
            region: model.region,
            endpoint: model.endpoint,
            credentials: { accessKeyId: "REPLAYACCESSKEY", secretAccessKey: "replay-secret-key" },
            requestHandler: new NodeHttpHandler(),
          }),
        ),
      )

/**
 * A scenario run (`cli investigate`, `cli eval`, the demo, the e2e suite): the real intake,
 * dispatch and master over the replay servers, with fresh in-memory stores and the in-process
 * queue; specialists inline, reading the scenario's sources.
 */
export const scenarioAppLayer = (parts: ScenarioAppParts) => {
  const llm = scenarioLlmLayer(parts.model ?? null)
  const incidents = memoryIncidentStoreLayer(parts.history ?? [])
  return appLayer({
    config: parts.config,
    secrets: envSecretsLayer({ env: parts.env }),
    dedup: memoryDedupStoreLayer(),
    llm,
    traces: memoryTraceStoreLayer(),
    incidents,
    queue: "in-process",
    chat: parts.chat,
    // The specialists get the same model client (for their bounded drill-downs) as the master.
    specialistInvoker: inlineAgentInvokerLayer(specialistAgents(parts.config)).pipe(
      Layer.provide(Layer.mergeAll(sourcesLayer(replaySourceLayers(parts.sources)), llm, incidents)),
      // The chat scanners read the scenario's channels from its Slack/Discord replays.
      Layer.provide(
        chatPlatformsLayer(parts.config, parts.chat).pipe(Layer.provide(envSecretsLayer({ env: parts.env }))),
      ),
    ),
  })
}

/** The chat platforms over the environment's bot tokens (values or Secrets Manager ARNs) and API bases. */
const chatFromEnv = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Layer.Layer<Secrets>,
) =>
  chatPlatformsLayer(config, {
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    ...(env.DISCORD_API_URL ? { discordApiUrl: env.DISCORD_API_URL } : {}),
  }).pipe(Layer.provide(secrets))

/**
 * A specialist in its own container: the real backends it reads (kubeconfig, the AWS credential
 * chain) and, for the chat scanners, the chat platforms over the bot tokens.
 */
export const specialistRuntimeLayer = (
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
) =>
  Layer.mergeAll(
    sourcesLayer(liveSourceLayers(config, env)),
    // The model for the agent's bounded drill-down, when config.yaml gives it one.
    configuredLlmLayer(config),
    awsIncidents(env, awsRegion(env, config)),
    chatFromEnv(
      config,
      env,
      envSecretsLayer({ env, ttlSeconds: config.limits.secrets_ttl_s, resolveArn: secretsManagerResolver() }),
    ),
  )
