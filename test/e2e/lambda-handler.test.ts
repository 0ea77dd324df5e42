/**
 * The intake Lambda's shape, smoke-tested: `handle` from hono/aws-lambda over `makeHttpApp`, fed
 * Function URL / API Gateway v2 events (mixed-case header names, plain and base64 bodies) the
 * way AWS delivers them. The runtime is the test composition (Slack replay, memory dedup,
 * in-process queue, recording master) so the same routes run as in src/lambda.ts.
 */
import { Effect, Exit, Layer, ManagedRuntime, Ref, Scope } from "effect"
import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeHttpApp } from "../../src/adapters/http/app.js"
import { memoryDedupStoreLayer } from "../../src/adapters/local/memory-dedup-store.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import {
  RecordedInvocations,
  recordingAgentInvokerLayer,
} from "../../src/adapters/local/recording-agent-invoker.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../../src/adapters/secrets-manager/env-secrets-layer.js"
import { signSlackRequest } from "../../src/cli/synthetic.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Intake } from "../../src/domain/intake.js"
import { redact } from "../../src/domain/redact.js"
import { appLayer } from "../../src/layers.js"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"
import { parsedLogs } from "../support/dispatch-rig.js"
import { mention, slackBotToken, slackBotUser, slackSecret, tsAgo } from "../support/intake-harness.js"

/** What the handler reads of an API Gateway v2 / Function URL event (the rest is AWS's). */
interface FunctionUrlEventInput {
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
  readonly isBase64Encoded: boolean
  readonly method?: string
}

const functionUrlEvent = (o: FunctionUrlEventInput): LambdaEvent => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: o.path,
  rawQueryString: "",
  headers: { ...o.headers },
  body: o.body,
  isBase64Encoded: o.isBase64Encoded,
  requestContext: {
    accountId: "anonymous",
    apiId: "abcdefghijklmnop",
    authentication: null,
    authorizer: {},
    domainName: "abcdefghijklmnop.lambda-url.eu-west-1.on.aws",
    domainPrefix: "abcdefghijklmnop",
    http: {
      method: o.method ?? "POST",
      path: o.path,
      protocol: "HTTP/1.1",
      sourceIp: "3.80.0.1",
      userAgent: "Slackbot 1.0 (+https://api.slack.com/robots)",
    },
    requestId: "7f1c2b2e-0d7a-4a36-9c55-3b8f2a3b1c9d",
    routeKey: "$default",
    stage: "$default",
    time: "26/Nov/2026:11:31:00 +0000",
    timeEpoch: 1_795_786_260_000,
  },
})

/** A minimal Lambda context: the handler only passes it through. */
const lambdaContext: LambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: "sre-on-call-intake",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-1:000000000000:function:sre-on-call-intake",
  memoryLimitInMB: "512",
  awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
  logGroupName: "/aws/lambda/sre-on-call-intake",
  logStreamName: "2026/11/26/[$LATEST]0123456789abcdef",
  getRemainingTimeInMillis: () => 30_000,
}

/** Slack's own header spelling (API Gateway passes them through; Function URLs lower-case them). */
const mixedCase = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const spelled: Record<string, string> = {
    "content-type": "Content-Type",
    "x-slack-signature": "X-Slack-Signature",
    "x-slack-request-timestamp": "X-Slack-Request-Timestamp",
  }
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [spelled[k] ?? k, v]))
}

const jsonBody = (body: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(body)
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`not an object: ${body}`)
  return { ...value }
}

describe("the intake Lambda handler (hono/aws-lambda over makeHttpApp)", () => {
  const scope = Effect.runSync(Scope.make())
  const logs: Array<string> = []
  const recording = recordingAgentInvokerLayer()
  let slack: SlackReplay
  let runtime: ManagedRuntime.ManagedRuntime<RecordedInvocations | Intake, never>
  let handler: ReturnType<typeof handle>

  beforeAll(async () => {
    slack = await Effect.runPromise(
      Scope.extend(
        makeSlackReplay({
          token: slackBotToken,
          identity: { userId: slackBotUser, botId: "B0SREBOT", teamId: "T0ACME001", team: "acme" },
        }),
        scope,
      ),
    )
    runtime = ManagedRuntime.make(
      Layer.mergeAll(
        appLayer({
          config: defaultConfig,
          secrets: envSecretsLayer({
            env: { SLACK_SIGNING_SECRET: slackSecret, SLACK_BOT_TOKEN: slackBotToken },
          }),
          dedup: memoryDedupStoreLayer(),
          traces: memoryTraceStoreLayer(),
          llm: offLlmLayer,
          invoker: recording,
          queue: "in-process",
          chat: { slackApiUrl: slack.apiUrl },
        }),
        recording,
      ).pipe(Layer.provideMerge(captureLoggerLayer(logs, redact))),
    )
    handler = handle(makeHttpApp(runtime, { bodyLimitBytes: defaultConfig.limits.request_body_bytes }))
  })

  afterAll(async () => {
    await runtime.dispose()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })

  const invocations = () => runtime.runPromise(Effect.flatMap(RecordedInvocations, Ref.get))

  it("url_verification with a plain body and mixed-case headers → 200, the challenge, x-request-id", async () => {
    const raw = JSON.stringify({
      type: "url_verification",
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595",
    })
    const signed = signSlackRequest(slackSecret, Date.now(), raw)
    const result = await handler(
      functionUrlEvent({
        path: "/slack/events",
        headers: mixedCase(signed.headers),
        body: raw,
        isBase64Encoded: false,
      }),
      lambdaContext,
    )
    expect(result.statusCode).toBe(200)
    expect(result.isBase64Encoded).toBe(false)
    expect(jsonBody(result.body)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595" })
    const headers = "headers" in result && result.headers !== undefined ? result.headers : {}
    expect(String(headers["x-request-id"])).toMatch(/^[0-9a-f-]{36}$/)
    expect(String(headers["content-type"])).toContain("application/json")
  })

  it("the same with a base64 body (isBase64Encoded: true) verifies over the decoded bytes", async () => {
    // Non-ASCII on purpose: the signature is over the UTF-8 bytes, which base64 carries exactly.
    const raw = JSON.stringify({ type: "url_verification", challenge: "défi-☃-42" })
    const signed = signSlackRequest(slackSecret, Date.now(), raw)
    const result = await handler(
      functionUrlEvent({
        path: "/slack/events",
        headers: { ...mixedCase(signed.headers), "X-Request-Id": "lambda-req-1" },
        body: Buffer.from(raw, "utf8").toString("base64"),
        isBase64Encoded: true,
      }),
      lambdaContext,
    )
    expect(result.statusCode).toBe(200)
    expect(jsonBody(result.body)).toEqual({ challenge: "défi-☃-42" })
    const headers = "headers" in result && result.headers !== undefined ? result.headers : {}
    expect(headers["x-request-id"]).toBe("lambda-req-1")
  })

  it("a signed app_mention → 200 with the investigation id, and the master gets it", async () => {
    const ts = tsAgo(15_000, 411)
    const raw = JSON.stringify(mention({ text: "[FIRING:1] KubePodCrashLooping (eks-prod payments)", ts }))
    const signed = signSlackRequest(slackSecret, Date.now(), raw)
    const result = await handler(
      functionUrlEvent({
        path: "/slack/events",
        headers: mixedCase(signed.headers),
        body: Buffer.from(raw).toString("base64"),
        isBase64Encoded: true,
      }),
      lambdaContext,
    )
    expect(result.statusCode).toBe(200)
    const body = jsonBody(result.body)
    expect(body.ok).toBe(true)
    expect(body.investigationId).toBeTypeOf("string")
    await expect.poll(async () => (await invocations()).length).toBe(1)
    const [invocation] = await invocations()
    expect(invocation?.task.investigationId).toBe(body.investigationId)
    expect(invocation?.task.alert.messageId).toBe(ts)
    expect(invocation?.task.alert.channel).toBe("C0ALERTS")
    const queued = parsedLogs(logs).find((l) => l.message === "investigation queued")
    expect(queued?.investigationId).toBe(body.investigationId)
  })

  it("a tampered body → 401; an unknown route → 404; oversize → 413; healthz GET → 200", async () => {
    const raw = JSON.stringify({ type: "url_verification", challenge: "c" })
    const signed = signSlackRequest(slackSecret, Date.now(), raw)
    const tampered = await handler(
      functionUrlEvent({
        path: "/slack/events",
        headers: mixedCase(signed.headers),
        body: raw.replace('"c"', '"d"'),
        isBase64Encoded: false,
      }),
      lambdaContext,
    )
    expect(tampered.statusCode).toBe(401)
    expect(jsonBody(tampered.body)).toMatchObject({ error: { code: "bad_signature" } })

    const missing = await handler(
      functionUrlEvent({ path: "/nope", headers: {}, body: null, isBase64Encoded: false }),
      lambdaContext,
    )
    expect(missing.statusCode).toBe(404)

    const big = Buffer.alloc(defaultConfig.limits.request_body_bytes + 1, "x").toString("base64")
    const oversize = await handler(
      functionUrlEvent({
        path: "/slack/events",
        headers: { "Content-Type": "application/json" },
        body: big,
        isBase64Encoded: true,
      }),
      lambdaContext,
    )
    expect(oversize.statusCode).toBe(413)

    const health = await handler(
      functionUrlEvent({ path: "/healthz", headers: {}, body: null, isBase64Encoded: false, method: "GET" }),
      lambdaContext,
    )
    expect(health.statusCode).toBe(200)
    expect(jsonBody(health.body)).toEqual({ ok: true })
  })
})
