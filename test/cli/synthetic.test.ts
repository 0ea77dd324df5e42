/**
 * `cli synthetic` builds requests our own verifiers accept, signed at `--at`; its arguments are
 * checked with clear errors. The real commands (`npm run --silent cli -- …`) are run once each
 * against a served intake, so the wiring a user types is what is tested.
 */
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { Effect, Either, Exit, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { discordPublicKeyFromSeed, verifyDiscordSignature } from "../../src/adapters/discord/signature.js"
import { verifySlackSignature } from "../../src/adapters/slack/signature.js"
import { buildSynthetic, parseSyntheticArgs } from "../../src/cli/run-synthetic.js"
import { targetUrl } from "../../src/cli/synthetic.js"
import { type LoopbackServer, serveLoopback } from "../../src/replay/serve.js"
import { discordSeed, type Harness, makeHarness, slackSecret } from "../support/intake-harness.js"

const run = promisify(execFile)
const at = "2026-11-27T13:05:00Z"
const atMs = Date.parse(at)

describe("cli synthetic: arguments", () => {
  it("parses the documented options, --at as an RFC 3339 instant", () => {
    expect(
      parseSyntheticArgs(
        ["--platform", "slack", "--url", "http://127.0.0.1:3000", "--text", "db is slow", "--at", at],
        0,
      ),
    ).toEqual({
      platform: "slack",
      url: "http://127.0.0.1:3000",
      text: "db is slow",
      at: atMs,
    })
  })

  it.each([
    [["--platform", "teams", "--url", "http://x", "--text", "t"], /--platform must be slack or discord/],
    [["--platform", "slack", "--url", "not a url", "--text", "t"], /--url must be a URL/],
    [["--platform", "slack", "--url", "http://x", "--text", "  "], /--text is required/],
    [
      ["--platform", "slack", "--url", "http://x", "--text", "t", "--at", "yesterday"],
      /--at must be an RFC 3339 instant/,
    ],
    [
      ["--platform", "slack", "--url", "http://x", "--text", "t", "--verbose", "1"],
      /unknown option --verbose/,
    ],
    [["--platform"], /bad arguments/],
  ])("rejects %j", (args, message) => {
    expect(parseSyntheticArgs(args, 0)).toMatch(message)
  })

  it("accepts the service's base URL or the route itself", () => {
    expect(targetUrl("http://127.0.0.1:3000", "/slack/events")).toBe("http://127.0.0.1:3000/slack/events")
    expect(targetUrl("http://127.0.0.1:3000/slack/events", "/slack/events")).toBe(
      "http://127.0.0.1:3000/slack/events",
    )
  })
})

describe("cli synthetic: what it signs", () => {
  it("a Slack app_mention dated and signed at --at, which our verifier accepts at that instant", async () => {
    const built = await buildSynthetic(
      { platform: "slack", url: "http://x", text: "db is slow", at: atMs },
      { SLACK_SIGNING_SECRET: "s3" },
    )
    if (typeof built === "string") throw new Error(built)
    const { headers, body } = built.request
    expect(headers["x-slack-request-timestamp"]).toBe(String(atMs / 1000))
    expect(JSON.parse(body)).toMatchObject({
      type: "event_callback",
      event: { type: "app_mention", ts: `${atMs / 1000}.000100` },
    })
    const ok = verifySlackSignature({
      secret: "s3",
      timestamp: headers["x-slack-request-timestamp"],
      signature: headers["x-slack-signature"],
      rawBody: body,
      nowSeconds: atMs / 1000,
      windowSeconds: 300,
    })
    expect(Either.isRight(ok)).toBe(true)
  })

  it("a Discord /investigate signed with the seed, naming the public key the service needs", async () => {
    const built = await buildSynthetic(
      { platform: "discord", url: "http://x", text: "db is slow", at: atMs },
      { DISCORD_SIGNING_KEY: discordSeed },
    )
    if (typeof built === "string") throw new Error(built)
    const publicKey = await discordPublicKeyFromSeed(discordSeed)
    expect(built.note).toContain(publicKey)
    const verified = await Effect.runPromise(
      Effect.either(
        verifyDiscordSignature({
          publicKeyHex: publicKey,
          timestamp: built.request.headers["x-signature-timestamp"],
          signature: built.request.headers["x-signature-ed25519"],
          rawBody: built.request.body,
          nowSeconds: atMs / 1000,
          windowSeconds: 300,
        }),
      ),
    )
    expect(Either.isRight(verified)).toBe(true)
  })

  it("says which variable is missing", async () => {
    expect(await buildSynthetic({ platform: "slack", url: "http://x", text: "t", at: 0 }, {})).toMatch(
      /SLACK_SIGNING_SECRET is not set/,
    )
    expect(
      await buildSynthetic(
        { platform: "discord", url: "http://x", text: "t", at: 0 },
        { DISCORD_SIGNING_KEY: "xyz" },
      ),
    ).toMatch(/DISCORD_SIGNING_KEY must be a 64-hex-character Ed25519 seed/)
  })
})

describe("the real commands, as a user types them", () => {
  let h: Harness
  let server: LoopbackServer
  let scope: Scope.CloseableScope
  beforeAll(async () => {
    h = await makeHarness()
    scope = Effect.runSync(Scope.make())
    const { Hono } = await import("hono")
    // The harness's app on a real socket: the CLI talks HTTP to it like to `npm start`.
    const app = new Hono().all("*", async (c) =>
      h.request(c.req.path, {
        method: c.req.method,
        headers: c.req.raw.headers,
        body: await c.req.arrayBuffer(),
      }),
    )
    server = await Effect.runPromise(Scope.extend(serveLoopback(app), scope))
  })
  afterAll(async () => {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    await h.close()
  })

  it("npm run --silent cli -- synthetic … reaches the service and prints its answer", async () => {
    const { stdout } = await run(
      "npm",
      [
        "run",
        "--silent",
        "cli",
        "--",
        "synthetic",
        "--platform",
        "slack",
        "--url",
        server.url,
        "--text",
        "checkout returning 502s",
      ],
      { env: { ...process.env, SLACK_SIGNING_SECRET: slackSecret } },
    )
    expect(stdout).toMatch(/^200 \{"ok":true,"investigationId":"[0-9a-f-]{36}"\}/)
    await h.waitForInvocations(1)
  }, 60_000)

  it("npm run --silent cli -- classify prints exactly one JSON line per input line on stdout", async () => {
    const child = execFile("npm", ["run", "--silent", "cli", "--", "classify"], { env: process.env })
    child.stdin?.end('{"text":"payments are broken"}\nnot json\n{"text":"thanks!"}\n')
    const stdout = await new Promise<string>((resolve, reject) => {
      let out = ""
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString()
      })
      child.on("error", reject)
      child.on("close", () => resolve(out))
    })
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toEqual([
      { verdict: "alert", decision: "investigate", reasons: expect.any(Array) },
      { error: "not valid JSON", line: 2 },
      { verdict: "chatter", decision: "gate", reasons: expect.any(Array) },
    ])
  }, 60_000)
})
