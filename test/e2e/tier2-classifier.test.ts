/**
 * The optional tier-2 classifier end to end: intake with `classifier.llm.enabled`, the real
 * Bedrock adapter against the Converse replay. Only ambiguous text reaches the model, the reply
 * is parsed strictly (one word), and every failure fails open — toward investigating.
 */
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { Effect, Exit, Scope } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { bedrockLlmLayer } from "../../src/adapters/bedrock/bedrock-llm-layer.js"
import { defaultConfig } from "../../src/domain/config.js"
import { type BedrockReplay, type ConverseTurn, serveBedrockReplay } from "../../src/replay/bedrock.js"
import { type Harness, makeHarness, mention, tsAgo } from "../support/intake-harness.js"

const config = {
  ...defaultConfig,
  classifier: { ...defaultConfig.classifier, llm: { ...defaultConfig.classifier.llm, enabled: true } },
}
// Neither an alert format nor chatter: tier 1 calls this ambiguous.
const ambiguous = "billing exports are bigger than usual this week"

describe("tier-2 classifier (one model turn, strict parse, fail-open)", () => {
  let h: Harness
  let bedrock: BedrockReplay
  let scope: Scope.CloseableScope
  const start = async (script: ReadonlyArray<ConverseTurn>) => {
    scope = Effect.runSync(Scope.make())
    bedrock = await Effect.runPromise(Scope.extend(serveBedrockReplay(script), scope))
    h = await makeHarness({
      config,
      llm: bedrockLlmLayer({
        region: "us-east-1",
        endpoint: bedrock.url,
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        requestHandler: new NodeHttpHandler(),
      }),
    })
  }
  afterEach(async () => {
    await h.close()
    await Effect.runPromise(Scope.close(scope, Exit.void))
  })
  const decide = async (text: string, seq: number) =>
    (await h.postSlack(mention({ text, ts: tsAgo(1000, seq) }))).json()

  it("asks the model only about ambiguous text, and a one-word CHATTER gates it", async () => {
    await start([{ _tag: "reply", text: "CHATTER", usage: { inputTokens: 90, outputTokens: 1 } }])
    expect(await decide("[FIRING:1] KubePodCrashLooping (eks-prod payments) critical", 201)).toMatchObject({
      ok: true,
    })
    expect(await Effect.runPromise(bedrock.requests)).toHaveLength(0)
    expect(await decide(ambiguous, 202)).toMatchObject({ result: "gated" })
    const [sent] = await Effect.runPromise(bedrock.requests)
    expect(sent?.modelId).toBe(defaultConfig.classifier.llm.model)
    expect(JSON.stringify(sent?.body)).toContain("ALERT or CHATTER")
    expect(sent?.body).toMatchObject({ inferenceConfig: { maxTokens: 5, temperature: 0 } })
  })

  it("ALERT investigates; 'NOT AN ALERT', a throttled model and a malformed reply all fail open", async () => {
    await start([
      { _tag: "reply", text: "ALERT" },
      { _tag: "reply", text: "NOT AN ALERT" },
      { _tag: "error", status: 429, errorType: "ThrottlingException" },
      { _tag: "raw", status: 200, body: "{not json" },
    ])
    for (const [i, seq] of [211, 212, 213, 214].entries()) {
      const r = await decide(`${ambiguous} (${i})`, seq)
      expect(r).toMatchObject({ ok: true })
      expect(typeof (r as { investigationId?: unknown }).investigationId).toBe("string")
    }
    expect(await Effect.runPromise(bedrock.requests)).toHaveLength(4)
  })

  it("redacts the text before it reaches the model", async () => {
    await start([{ _tag: "reply", text: "CHATTER" }])
    await decide(`${ambiguous}, db password=hunter2-very-secret`, 221)
    const body = JSON.stringify((await Effect.runPromise(bedrock.requests))[0]?.body)
    expect(body).not.toContain("hunter2-very-secret")
    expect(body).toContain("[REDACTED]")
  })
})
