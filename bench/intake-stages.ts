/**
 * bench/intake-stages — where does one intake request's time go? The pieces of the path that
 * bench/intake measures end to end, each timed alone, one call at a time, on the same runtime
 * (in-memory dedup, logging off, the bench's counting queue): the Hono edge, the HMAC, the
 * Schema decode, the classifier, one fiber on the ManagedRuntime, the secret, the claim, the
 * whole Intake without Hono, and the whole app. Stages take turns in blocks (as in bench/intake).
 *
 *   npx tsx bench/intake-stages.ts [--quick]
 *
 * A diagnostic for docs/benchmarks.md, not a pass/fail benchmark: costs overlap (ingest includes
 * verify and decode; intake includes ingest and classify) and are reported in µs per call.
 */
import { loadavg } from "node:os"
import { Effect, FiberRef, HashMap, Layer, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { makeHttpApp } from "../src/adapters/http/app.js"
import { requestEdge } from "../src/adapters/http/request-edge.js"
import { memoryDedupStoreLayer } from "../src/adapters/local/memory-dedup-store.js"
import { slackMessageText } from "../src/adapters/slack/message-text.js"
import { verifySlackSignature } from "../src/adapters/slack/signature.js"
import { parseSlackEnvelope } from "../src/adapters/slack/slack-events.js"
import { classify } from "../src/domain/classify.js"
import { defaultConfig } from "../src/domain/config.js"
import { newInvestigationId } from "../src/domain/ids.js"
import { Intake } from "../src/domain/intake.js"
import { IntakeOutcome } from "../src/domain/intake-outcome.js"
import { ChatPlatforms } from "../src/ports/chat-platform.js"
import { DedupStore } from "../src/ports/dedup-store.js"
import { Secrets } from "../src/ports/secrets.js"
import { floorHandler, makeFloorApp } from "./baselines.js"
import { makeOursApp, makeOursRuntime } from "./intake-app.js"
import { fmt, mergePhases, type Phase, runPool, statsOf } from "./measure.js"
import { makePlainApp } from "./plain-app.js"
import {
  alertText,
  benchBotUser,
  benchSigningSecret,
  type Delivery,
  makeDeliveries,
  slackEventsUrl,
} from "./slack-deliveries.js"

const quick = process.argv.includes("--quick")
const sizes = quick ? { warmMs: 300, perBlock: 100, blocks: 4 } : { warmMs: 1_000, perBlock: 400, blocks: 8 }

// Stages that are not HTTP calls still go through `runPool`, which wants a Response.
const ok = new Response(null, { status: 200 })

interface Stage {
  readonly id: string
  readonly label: string
  /** called once per request with a fresh delivery */
  readonly run: (d: Delivery) => unknown
}

const ours = await makeOursRuntime({ dedup: memoryDedupStoreLayer(), log: "off" })
const { runtime } = ours
const loggedRuntime = await makeOursRuntime({ dedup: memoryDedupStoreLayer(), log: "json" })
// "investigation queued" as intake.ts logs it: one line, its fields as one object; requestId
// the one annotation (app.ts sets it on the request's fiber).
const queuedLine = Effect.zipRight(
  FiberRef.update(FiberRef.currentLogAnnotations, HashMap.set<string, unknown>("requestId", "3f1d4c2a-9e3f")),
  Effect.logInfo("investigation queued", {
    platform: "slack",
    channel: "C0BENCH01",
    messageId: "1764255000.000001",
    trigger: "mention",
    dedupKey: "slack:C0BENCH01:1764255000.000001",
    investigationId: "0b7c2a9e-3f1d-4c2a-9e3f-1d4c2a9e3f1d",
    decision: "investigate",
    verdict: "alert",
    tier: "heuristic",
    reasons: "explicit trigger: mention; alert format: alertmanager; alert format: severity label",
  }),
)
// The edge alone: makeHttpApp over an Intake that answers at once.
const stubRuntime = ManagedRuntime.make(
  Layer.succeed(
    Intake,
    Intake.of({ handle: () => Effect.succeed(IntakeOutcome.Dispatched({ investigationId: "0b7c2a9e" })) }),
  ),
)
await stubRuntime.runtime()
const edgeApp = makeHttpApp(stubRuntime, { bodyLimitBytes: defaultConfig.limits.request_body_bytes })
const oursApp = await makeOursApp({ dedup: memoryDedupStoreLayer(), log: "off" })
const floorApp = makeFloorApp(benchSigningSecret)
const emptyApp = new Hono().post("/slack/events", (c) => c.json({ ok: true }))
const floorMwApp = new Hono()
  .use(
    requestEdge({
      bodyLimitBytes: defaultConfig.limits.request_body_bytes,
      onTooLarge: (c) => c.json({ ok: false }, 413),
    }),
  )
  .post("/slack/events", floorHandler(benchSigningSecret))
// DIAGNOSTIC ONLY (bench/plain-app.ts): the alert path's work with no Effect at all.
const plainApp = makePlainApp(benchSigningSecret)
const [chats, dedup, secrets, intake] = await runtime.runPromise(
  Effect.all([ChatPlatforms, DedupStore, Secrets, Intake]),
)
const nowSeconds = () => Math.floor(Date.now() / 1000)
const mentionEvent = JSON.parse(makeDeliveries(1)[0]?.body ?? "{}").event
let claims = 0

// Intake without Hono, synchronously: the in-memory path never waits.
const handleSync = (d: Delivery) =>
  runtime.runSyncExit(intake.handle("slack", { headers: d.headers, rawBody: d.body }))

const stages: ReadonlyArray<Stage> = [
  {
    id: "hono-empty",
    label: "Hono edge alone: new Request → route → c.json (no body read)",
    run: (d) => emptyApp.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
  {
    id: "floor",
    label: "floor app (edge + body read + HMAC + JSON.parse)",
    run: (d) => floorApp.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
  {
    id: "floor-mw",
    label: "floor handler behind app.ts's request edge middleware (request id, body limit)",
    run: (d) => floorMwApp.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
  {
    id: "verify",
    label: "verifySlackSignature (src/adapters/slack/signature.ts)",
    run: (d) =>
      verifySlackSignature({
        secret: benchSigningSecret,
        timestamp: d.headers["x-slack-request-timestamp"],
        signature: d.headers["x-slack-signature"],
        rawBody: d.body,
        nowSeconds: nowSeconds(),
        windowSeconds: 300,
      }),
  },
  { id: "json-parse", label: "JSON.parse of the body", run: (d) => JSON.parse(d.body) },
  {
    id: "envelope",
    label: "parseSlackEnvelope: JSON.parse + Schema decode (slack-events.ts)",
    run: (d) => parseSlackEnvelope(d.body),
  },
  {
    id: "message-text",
    label: "slackMessageText of the app_mention (message-text.ts)",
    run: () => slackMessageText(mentionEvent),
  },
  {
    id: "classify",
    label: "classify, tier 1 (src/domain/classify.ts)",
    run: () =>
      classify({ text: `<@${benchBotUser}> ${alertText}`, trigger: "mention" }, defaultConfig.classifier),
  },
  {
    id: "fiber",
    label: "runtime.runPromise(Effect.void): one fiber on the ManagedRuntime",
    run: () => runtime.runPromise(Effect.void),
  },
  {
    id: "investigation-id",
    label: "runPromise(newInvestigationId): 4 × Random.nextIntBetween (ids.ts)",
    run: () => runtime.runPromise(newInvestigationId),
  },
  {
    id: "log-line",
    label:
      'runPromise(the "investigation queued" line: request id + one logInfo with its fields), production JSON logger + redact',
    run: () => loggedRuntime.runtime.runPromise(queuedLine),
  },
  {
    id: "log-line-off",
    label: "the same effect, logging off",
    run: () => runtime.runPromise(queuedLine),
  },
  {
    id: "secret",
    label: "runPromise(Secrets.get), a plain value (env-secrets-layer.ts)",
    run: () => runtime.runPromise(secrets.get("SLACK_SIGNING_SECRET")),
  },
  {
    id: "ingest",
    label: "runPromise(slack.ingest): verify + decode + mention → Alert (slack-ingest.ts)",
    run: (d) => runtime.runPromise(chats.slack.ingest({ headers: d.headers, rawBody: d.body })),
  },
  {
    id: "claim",
    label: "runPromise(DedupStore.claim), in-memory (memory-dedup-store.ts)",
    run: () =>
      runtime.runPromise(
        dedup.claim({
          key: `slack:C0STAGE:${claims++}`,
          investigationId: "i",
          triggerId: null,
          now: Date.now(),
          reclaimGated: false,
        }),
      ),
  },
  {
    id: "intake",
    label: "runPromiseExit(Intake.handle), without Hono (intake.ts)",
    run: (d) => runtime.runPromiseExit(intake.handle("slack", { headers: d.headers, rawBody: d.body })),
  },
  {
    id: "edge",
    label: "makeHttpApp over an Intake that answers at once: the edge around intake (app.ts)",
    run: (d) => edgeApp.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
  // Why the pieces cost more together than apart: the same Intake.handle right after something
  // that evicts one machine resource, beside that something alone (the difference is the cost
  // of running Intake cold on it). V8's megamorphic stub cache (a fixed table of property-lookup
  // handlers shared by every megamorphic call site) is evicted by 3,000 property loads over
  // 3,000 object shapes (~0.3 MB); the CPU's L2 by a 1 MiB read; both by Hono's request path.
  {
    id: "stubs-evicted",
    label: "3,000 loads of one property over 3,000 object shapes (evicts V8's megamorphic stub cache)",
    run: () => megamorphicLoads(),
  },
  {
    id: "intake-after-stubs",
    label: "the same, then Intake.handle (runSyncExit)",
    run: (d) => {
      megamorphicLoads()
      return handleSync(d)
    },
  },
  { id: "l2-evicted", label: "a 1 MiB read (evicts the CPU's L2)", run: () => sweep() },
  {
    id: "intake-after-l2",
    label: "the same, then Intake.handle (runSyncExit)",
    run: (d) => {
      sweep()
      return handleSync(d)
    },
  },
  {
    id: "intake-sync",
    label: "Intake.handle alone (runSyncExit: the in-memory path never waits)",
    run: handleSync,
  },
  {
    id: "plain",
    label: "the same work in one plain Hono handler, no Effect (a diagnostic, not a design)",
    run: (d) => plainApp.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
  {
    id: "ours",
    label: "ours: the whole app (makeHttpApp), in-memory dedup, logging off",
    run: (d) => oursApp.app.request(slackEventsUrl, { method: "POST", headers: d.headers, body: d.body }),
  },
]

// Objects of 3,000 different shapes (a distinct property each), read through one call site.
const shapes = Array.from({ length: 3_000 }, (_, i) => ({ [`p${i}`]: i, x: i }))
let sink = 0
const megamorphicLoads = () => {
  let s = 0
  for (const o of shapes) s += o.x
  sink += s
}
const mib = new Float64Array(131_072)
const sweep = () => {
  let s = 0
  // One read per 64-byte line.
  for (let i = 0; i < mib.length; i += 8) s += mib[i] ?? 0
  sink += s
}

const asResponse = async (x: unknown): Promise<Response> => {
  const v = await x
  return v instanceof Response ? v : ok
}

const block = async (stage: Stage, n: number): Promise<Phase> => {
  const deliveries = makeDeliveries(n)
  return runPool(n, 1, (i) => {
    const d = deliveries[i]
    if (d === undefined) throw new Error(`no delivery ${i}`)
    return asResponse(stage.run(d))
  })
}

process.stderr.write(
  `bench/intake-stages: ${stages.length} stages (load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")})\n`,
)
for (const stage of stages) {
  const started = performance.now()
  while (performance.now() - started < sizes.warmMs) await block(stage, 100)
}
const phases = new Map<string, Array<Phase>>(stages.map((s) => [s.id, []]))
for (let b = 0; b < sizes.blocks; b++) {
  for (let k = 0; k < stages.length; k++) {
    const stage = stages[(b + k) % stages.length]
    if (stage !== undefined) phases.get(stage.id)?.push(await block(stage, sizes.perBlock))
  }
}
// Sanity: the intake stages really dispatch (a fresh alert each time).
const dispatchedBefore = ours.enqueued()
const check = await runtime.runPromise(
  Effect.flatMap(Effect.succeed(makeDeliveries(1)[0]), (d) =>
    d === undefined
      ? Effect.die("no delivery")
      : intake.handle("slack", { headers: d.headers, rawBody: d.body }),
  ),
)
if (check._tag !== "Dispatched" || ours.enqueued() !== dispatchedBefore + 1) {
  process.stderr.write(`intake did not dispatch a fresh alert: ${JSON.stringify(check)}\n`)
  process.exit(1)
}

const out: Array<string> = [
  "## bench/intake-stages",
  "",
  `command: \`npx tsx bench/intake-stages.ts${quick ? " --quick" : ""}\`; node ${process.version}; ` +
    `${sizes.blocks} blocks × ${sizes.perBlock} calls per stage, one call at a time`,
  "",
  "| stage | median µs | mean µs |",
  "|---|---:|---:|",
]
for (const stage of stages) {
  const s = statsOf(mergePhases(phases.get(stage.id) ?? []))
  out.push(`| ${stage.id}: ${stage.label} | ${fmt(s.medianMs * 1000, 1)} | ${fmt(s.meanMs * 1000, 1)} |`)
}
process.stdout.write(`${out.join("\n")}\n`)
if (sink === Number.NEGATIVE_INFINITY) process.stderr.write("unreachable\n")
await oursApp.close()
await stubRuntime.dispose()
await loggedRuntime.runtime.dispose()
await runtime.dispose()
process.exit(0)
