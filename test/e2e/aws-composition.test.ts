/**
 * The production wiring, for real: `awsLayer(config, env)` exactly as src/lambda.ts and
 * src/dispatch.ts build it, with the AWS SDK pointed at dynalite and the SQS replay through the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables (which @aws-sdk 3.1169 honours via
 * @smithy/core's getEndpointUrlConfig) and dummy credentials from the environment. One signed
 * app_mention goes in at the edge; the claim lands in DynamoDB and the request on SQS; the
 * dispatch side fails it — the master is on AgentCore (as deployed) and its ARN is not set, so the
 * invoker answers not_configured naming the variable — and the DLQ consumer tells the thread and
 * gives the claim back.
 */
import { tmpdir } from "node:os"
import { join } from "node:path"
import { GetItemCommand } from "@aws-sdk/client-dynamodb"
import { Cause, Effect, Exit, Layer, ManagedRuntime, Option, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createDedupTable } from "../../src/adapters/dynamodb/dedup-table.js"
import { makeHttpApp } from "../../src/adapters/http/app.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { deadLetterBatch, dispatchBatch } from "../../src/adapters/sqs/lambda-batch.js"
import { signSlackRequest } from "../../src/cli/synthetic.js"
import { ConfigInvalid, defaultConfig } from "../../src/domain/config.js"
import { decodeInvestigationRequest } from "../../src/domain/investigation-request.js"
import { redact } from "../../src/domain/redact.js"
import { awsLayer } from "../../src/layers.js"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"
import { makeSqsReplay, type SqsReplay } from "../../src/replay/sqs.js"
import { parsedLogs } from "../support/dispatch-rig.js"
import { type DynaliteServer, startDynalite, uniqueTableName } from "../support/dynalite.js"
import { mention, slackBotToken, slackBotUser, slackSecret, tsAgo } from "../support/intake-harness.js"

const tableName = uniqueTableName("dedup")
/** As deployed: the master runs on AgentCore. */
const deployed = {
  ...defaultConfig,
  agents: {
    ...defaultConfig.agents,
    master: { ...defaultConfig.agents.master, runtime: "agentcore" as const },
  },
}
const alertTs = tsAgo(20_000, 512)
const dedupKeyOf = (ts: string) => `slack#C0ALERTS#${ts}`

/** Sets process.env for the SDK's default chains; `restore` puts every touched variable back. */
const withProcessEnv = (vars: Readonly<Record<string, string | undefined>>) => {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  const apply = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  apply(vars)
  return { restore: () => apply(saved) }
}

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E | undefined =>
  Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined

describe("awsLayer against dynalite and the SQS replay", () => {
  const scope = Effect.runSync(Scope.make())
  const logs: Array<string> = []
  let dynamo: DynaliteServer
  let sqs: SqsReplay
  let slack: SlackReplay
  let env: Record<string, string>
  let restoreEnv: () => void = () => undefined
  let runtime: ManagedRuntime.ManagedRuntime<Layer.Layer.Success<ReturnType<typeof awsLayer>>, unknown>

  beforeAll(async () => {
    dynamo = await startDynalite()
    await Effect.runPromise(createDedupTable(dynamo.client, tableName))
    sqs = await Effect.runPromise(Scope.extend(makeSqsReplay({ queues: ["investigations"] }), scope))
    slack = await Effect.runPromise(
      Scope.extend(
        makeSlackReplay({
          token: slackBotToken,
          identity: { userId: slackBotUser, botId: "B0SREBOT", teamId: "T0ACME001", team: "acme" },
          channels: {
            C0ALERTS: { messages: [{ ts: alertTs, bot: true, username: "Alertmanager", text: "x" }] },
          },
        }),
        scope,
      ),
    )
    const nowhere = join(tmpdir(), `sre-on-call-no-aws-config-${process.pid}`)
    restoreEnv = withProcessEnv({
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.url,
      AWS_ENDPOINT_URL: undefined,
      AWS_ACCESS_KEY_ID: "AKIDLOCALTEST",
      AWS_SECRET_ACCESS_KEY: "local-test-secret",
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: "us-east-1",
      AWS_CONFIG_FILE: nowhere,
      AWS_SHARED_CREDENTIALS_FILE: nowhere,
      AWS_EC2_METADATA_DISABLED: "true",
    }).restore
    env = {
      AWS_REGION: "us-east-1",
      DEDUP_TABLE_NAME: tableName,
      DISPATCH_QUEUE_URL: sqs.queueUrl("investigations"),
      SLACK_SIGNING_SECRET: slackSecret,
      SLACK_BOT_TOKEN: slackBotToken,
      SLACK_API_URL: slack.apiUrl,
    }
    // As src/lambda.ts and src/dispatch.ts compose it (their JSON logger captured here).
    runtime = ManagedRuntime.make(
      Layer.provideMerge(awsLayer(deployed, env), captureLoggerLayer(logs, redact)),
    )
  })

  afterAll(async () => {
    await runtime?.dispose()
    restoreEnv()
    await dynamo?.stop()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })

  const getItem = async (key: string) =>
    (
      await dynamo.client.send(
        new GetItemCommand({ TableName: tableName, Key: { pk: { S: key } }, ConsistentRead: true }),
      )
    ).Item

  it("mention → 200; one SQS message (an InvestigationRequest); the claim RECEIVED in DynamoDB; then dispatch fails not_configured (no master ARN) and the DLQ consumer tells the thread and releases the claim", async () => {
    const app = makeHttpApp(runtime, { bodyLimitBytes: defaultConfig.limits.request_body_bytes })
    const raw = JSON.stringify(
      mention({ text: "[FIRING:1] KubePodCrashLooping (eks-prod payments)", ts: alertTs }),
    )
    const signed = signSlackRequest(slackSecret, Date.now(), raw)
    const response = await app.request(signed.path, {
      method: "POST",
      headers: signed.headers,
      body: signed.body,
    })
    expect(response.status).toBe(200)
    const answer: unknown = await response.json()
    expect(answer).toMatchObject({ ok: true, investigationId: expect.any(String) })
    const investigationId =
      typeof answer === "object" && answer !== null && "investigationId" in answer
        ? answer.investigationId
        : null

    // SQS: exactly one message, signed like AWS, decoding strictly to the request
    const messages = sqs.messages("investigations")
    expect(messages).toHaveLength(1)
    const [message] = messages
    const sends = sqs.requests().filter((r) => r.operation === "SendMessage")
    expect(sends).toHaveLength(1)
    expect(sends[0]?.authorization).toBe("valid")
    const request = await Effect.runPromise(decodeInvestigationRequest(message?.body))
    expect(request.investigationId).toBe(investigationId)
    expect(request.dedupKey).toBe(dedupKeyOf(alertTs))
    expect(request.context).toMatchObject({ platform: "slack", channel: "C0ALERTS", messageId: alertTs })
    expect(request.interaction).toBeNull()

    // DynamoDB (reached only through AWS_ENDPOINT_URL_DYNAMODB): the claim, RECEIVED, held by this id
    const item = await getItem(dedupKeyOf(alertTs))
    expect(item?.state).toEqual({ S: "RECEIVED" })
    expect(item?.investigationId).toEqual({ S: investigationId })
    expect(Number(item?.ttl?.N)).toBeGreaterThan(Date.now() / 1000)

    // The dispatch Lambda: MASTER_AGENT_RUNTIME_ARN unset → not_configured → the record is reported failed
    const event = { Records: [{ messageId: message?.messageId ?? "", body: message?.body ?? "" }] }
    const batch = await runtime.runPromise(dispatchBatch(event))
    expect(batch).toEqual({ batchItemFailures: [{ itemIdentifier: message?.messageId }] })
    const failed = parsedLogs(logs).find((l) => l.message === "dispatch failed; SQS will retry")
    expect(String(failed?.error)).toContain("MASTER_AGENT_RUNTIME_ARN is not set")
    expect((await getItem(dedupKeyOf(alertTs)))?.state).toEqual({ S: "RECEIVED" })

    // The DLQ consumer: the notice in the alert's thread, the claim given back
    const dead = await runtime.runPromise(deadLetterBatch(event))
    expect(dead).toEqual({ batchItemFailures: [] })
    const posts = slack.requests().filter((q) => q.operation === "chat.postMessage")
    expect(posts).toHaveLength(1)
    expect(posts[0]?.body).toMatchObject({ channel: "C0ALERTS", thread_ts: alertTs })
    expect(JSON.stringify(posts[0]?.body)).toContain(
      `could not start the investigation (id \`${investigationId}\`)`,
    )
    expect(await getItem(dedupKeyOf(alertTs))).toBeUndefined()
    expect(logs.join("\n")).not.toContain(slackSecret)
    expect(logs.join("\n")).not.toContain(slackBotToken)
  })
})

describe("awsLayer configuration errors", () => {
  const base = {
    AWS_REGION: "us-east-1",
    DEDUP_TABLE_NAME: "dedup",
    DISPATCH_QUEUE_URL: "http://127.0.0.1:9/000000000000/investigations",
  }
  const build = (env: Readonly<Record<string, string | undefined>>) =>
    Effect.runPromiseExit(Effect.scoped(Layer.build(awsLayer(defaultConfig, env))))

  it.each([
    ["unset", "DEDUP_TABLE_NAME", { ...base, DEDUP_TABLE_NAME: undefined }],
    ["blank", "DEDUP_TABLE_NAME", { ...base, DEDUP_TABLE_NAME: "  " }],
    ["unset", "DISPATCH_QUEUE_URL", { ...base, DISPATCH_QUEUE_URL: undefined }],
  ])("%s %s → building the layer fails with ConfigInvalid naming it", async (_, name, env) => {
    const exit = await build(env)
    const error = failureOf(exit)
    expect(error).toBeInstanceOf(ConfigInvalid)
    expect(error?.problems).toEqual([`${name} is not set`])
    expect(error?.message).toContain(name)
  })

  it("a ManagedRuntime over it rejects at build with the same message", async () => {
    const runtime = ManagedRuntime.make(awsLayer(defaultConfig, { ...base, DEDUP_TABLE_NAME: undefined }))
    await expect(runtime.runtime()).rejects.toThrow(/DEDUP_TABLE_NAME is not set/)
    await runtime.dispose()
  })

  // Demonstrates a bug in src/adapters/http/app.ts (see the report): when the runtime itself
  // cannot be built, the documented "500 branch" logs through that same runtime, which rejects
  // again, so the request throws instead of being answered 500 (in Lambda: an invocation error).
  it("a webhook over a runtime that cannot be built is answered 500 with the JSON error body, never a crash", async () => {
    const logs: Array<string> = []
    const runtime = ManagedRuntime.make(
      Layer.provideMerge(
        awsLayer(defaultConfig, { ...base, DEDUP_TABLE_NAME: undefined }),
        captureLoggerLayer(logs),
      ),
    )
    try {
      const app = makeHttpApp(runtime, { bodyLimitBytes: defaultConfig.limits.request_body_bytes })
      const outcome = await Promise.resolve(
        app.request("/slack/events", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }),
      ).then(
        async (r) => ({ status: r.status, body: await r.text() }),
        (e: unknown) => ({ status: "threw", body: e instanceof Error ? e.message : String(e) }),
      )
      expect(outcome).toEqual({ status: 500, body: expect.stringContaining('"code":"internal"') })
    } finally {
      await runtime.dispose()
    }
  })
})
