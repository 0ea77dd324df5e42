/**
 * The Dispatcher against the real platform adapters and the replay servers: acknowledge on the
 * platform (👀 on Slack; the deferred @original edit on Discord), hand the master a task whose
 * thread is the right anchor and which never carries the interaction token, and move the claim
 * RECEIVED → DISPATCHED only once the master has it. Redelivered or re-claimed requests are
 * skipped; a failing 👀 never stops a dispatch; a failing master fails it without marking it.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Ref } from "effect"
import { RecordedInvocations } from "../../src/adapters/local/recording-agent-invoker.js"
import { Dispatcher } from "../../src/domain/dispatcher.js"
import {
  claimFor,
  discordRequest,
  dispatchRigLayer,
  parsedLogs,
  Rig,
  slackRequest,
  stateOf,
} from "../support/dispatch-rig.js"

const parentTs = "1795784000.000100"
const replyTs = "1795784010.000200"
const slackChannels = {
  C0ALERTS: {
    messages: [
      {
        ts: parentTs,
        user: "U0DANA",
        text: "checkout 502s",
        replies: [{ ts: replyTs, bot: true, username: "Alertmanager", text: "[FIRING:1] CheckoutHigh5xx" }],
      },
    ],
  },
}

const invocations = Effect.flatMap(RecordedInvocations, Ref.get)

describe("Dispatcher on Slack", () => {
  it.scopedLive(
    "👀 on the alert, the master's task anchored on the thread, and the claim RECEIVED → DISPATCHED",
    () =>
      Effect.gen(function* () {
        const request = slackRequest({ investigationId: "inv-slack-1", ts: replyTs, threadTs: parentTs })
        yield* claimFor(request)
        expect(yield* stateOf(request.dedupKey)).toBe("RECEIVED")

        const outcome = yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))
        expect(outcome).toBe("dispatched")

        const { slack } = yield* Rig
        const reactions = slack.requests().filter((q) => q.operation === "reactions.add")
        expect(reactions).toHaveLength(1)
        expect(reactions[0]?.body).toMatchObject({ channel: "C0ALERTS", timestamp: replyTs, name: "eyes" })
        expect(slack.channel("C0ALERTS")?.messages[0]?.replies[0]?.reactions.get("eyes")).toEqual([
          "U0SREBOT",
        ])

        const [invocation, ...rest] = yield* invocations
        expect(rest).toEqual([])
        expect(invocation?.agent).toBe("master")
        expect(invocation?.task.task).toBe("investigate")
        expect(invocation?.task.investigationId).toBe("inv-slack-1")
        expect(invocation?.task.alert.messageId).toBe(replyTs)
        expect(invocation?.task.alert.threadId).toBe(parentTs)
        // the deadline is report_deadline_s after dispatch, and the task carries the same instant
        const deadlineMs = invocation?.deadline.epochMillis ?? 0
        expect(invocation?.task.deadline.epochMillis).toBe(deadlineMs)
        expect(deadlineMs - Date.now()).toBeGreaterThan(0)

        expect(yield* stateOf(request.dedupKey)).toBe("DISPATCHED")
      }).pipe(Effect.provide(dispatchRigLayer({ slackChannels }))),
  )

  it.scopedLive(
    "a request whose claim was re-claimed by another investigation id is skipped: no 👀, no master",
    () =>
      Effect.gen(function* () {
        const request = slackRequest({ investigationId: "inv-lost", ts: parentTs })
        // The claim went stale and another runtime re-claimed the message under its own id.
        yield* claimFor(request, "inv-winner")
        const outcome = yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))
        expect(outcome).toBe("skipped")
        expect(yield* invocations).toEqual([])
        const { slack, logs } = yield* Rig
        expect(slack.requests().filter((q) => q.operation === "reactions.add")).toEqual([])
        expect(yield* stateOf(request.dedupKey)).toBe("RECEIVED")
        expect(parsedLogs(logs).some((l) => l.message === "already dispatched or re-claimed: skipping")).toBe(
          true,
        )
      }).pipe(Effect.provide(dispatchRigLayer({ slackChannels }))),
  )

  it.scopedLive("a request already DISPATCHED (queue redelivery) is skipped: the master gets it once", () =>
    Effect.gen(function* () {
      const request = slackRequest({ investigationId: "inv-twice", ts: parentTs })
      yield* claimFor(request)
      const dispatcher = yield* Dispatcher
      expect(yield* dispatcher.dispatch(request)).toBe("dispatched")
      expect(yield* dispatcher.dispatch(request)).toBe("skipped")
      expect(yield* invocations).toHaveLength(1)
    }).pipe(Effect.provide(dispatchRigLayer({ slackChannels }))),
  )

  it.scopedLive(
    "a failing master fails dispatch with the invoker's error and leaves the claim RECEIVED",
    () =>
      Effect.gen(function* () {
        const request = slackRequest({ investigationId: "inv-fail", ts: parentTs })
        yield* claimFor(request)
        const dispatcher = yield* Dispatcher
        const error = yield* Effect.flip(dispatcher.dispatch(request))
        expect(error).toMatchObject({ _tag: "AgentInvokeError", agent: "master", reason: "unreachable" })
        expect(yield* invocations).toEqual([])
        expect(yield* stateOf(request.dedupKey)).toBe("RECEIVED")
        // the retry (same request, same claim) then goes through
        expect(yield* dispatcher.dispatch(request)).toBe("dispatched")
        expect(yield* stateOf(request.dedupKey)).toBe("DISPATCHED")
      }).pipe(Effect.provide(dispatchRigLayer({ slackChannels, invoker: { failFirst: 1 } }))),
  )

  it.scopedLive("a failing 👀 never stops the dispatch: logged, the master still gets the task", () =>
    Effect.gen(function* () {
      const { slack, logs } = yield* Rig
      slack.failNext("reactions.add", "not_reactable")
      const request = slackRequest({ investigationId: "inv-no-eyes", ts: parentTs })
      yield* claimFor(request)
      expect(yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))).toBe("dispatched")
      expect(slack.requests().filter((q) => q.operation === "reactions.add")).toHaveLength(1)
      expect(yield* invocations).toHaveLength(1)
      expect(yield* stateOf(request.dedupKey)).toBe("DISPATCHED")
      const warning = parsedLogs(logs).find((l) => l.message === "reacting 👀 failed")
      expect(warning?.level).toBe("WARN")
      expect(String(warning?.error)).toContain("not_reactable")
    }).pipe(Effect.provide(dispatchRigLayer({ slackChannels }))),
  )

  it.scopedLive("deadLetter posts the failure notice in the alert's thread and gives the claim back", () =>
    Effect.gen(function* () {
      const request = slackRequest({ investigationId: "inv-dead", ts: replyTs, threadTs: parentTs })
      yield* claimFor(request)
      yield* Effect.flatMap(Dispatcher, (d) => d.deadLetter(request))
      const { slack } = yield* Rig
      const posts = slack.requests().filter((q) => q.operation === "chat.postMessage")
      expect(posts).toHaveLength(1)
      expect(posts[0]?.body).toMatchObject({ channel: "C0ALERTS", thread_ts: parentTs })
      expect(JSON.stringify(posts[0]?.body)).toContain("could not start the investigation (id `inv-dead`)")
      expect(yield* stateOf(request.dedupKey)).toBeNull()
    }).pipe(Effect.provide(dispatchRigLayer({ slackChannels }))),
  )
})

const channelId = "1345319652556800001"
const alertId = "1575473947607040000"
const applicationId = "1246387765248000004"
const discordChannels = {
  [channelId]: {
    messages: [
      {
        id: alertId,
        timestamp: "2026-11-26T11:31:00Z",
        user: "Alertmanager",
        bot: true,
        text: "[FIRING:1] x",
      },
    ],
  },
}

describe("Dispatcher on Discord", () => {
  it.scopedLive(
    "message command: the @original edit to 'Investigating…', 👀 on the alert, anchored on the alert",
    () =>
      Effect.gen(function* () {
        const { discord, logs } = yield* Rig
        const token = "aW50ZXJhY3Rpb246c2VjcmV0LXRva2VuLW1lc3NhZ2UtY29tbWFuZA"
        discord.registerInteraction({ applicationId, token, channelId })
        const request = discordRequest({
          investigationId: "inv-discord-1",
          trigger: "message_command",
          channel: channelId,
          messageId: alertId,
          applicationId,
          interactionId: "1575474450923520000",
          token,
        })
        yield* claimFor(request)
        expect(yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))).toBe("dispatched")

        const edits = discord.requests().filter((q) => q.operation === "editOriginal")
        expect(edits).toHaveLength(1)
        expect(edits[0]?.method).toBe("PATCH")
        expect(edits[0]?.path).toBe(`/api/v10/webhooks/${applicationId}/${token}/messages/@original`)
        expect(edits[0]?.body).toMatchObject({ content: "🔎 Investigating…" })
        const reactions = discord.requests().filter((q) => q.operation === "addReaction")
        expect(reactions).toHaveLength(1)
        expect(reactions[0]?.path).toContain(`/channels/${channelId}/messages/${alertId}/reactions/`)

        const [invocation] = yield* invocations
        expect(invocation?.task.alert.threadId).toBe(alertId)
        // The interaction token goes no further than dispatch: not in the task, not in the log.
        expect(JSON.stringify(invocation?.task)).not.toContain(token)
        expect(Object.keys(invocation?.task ?? {})).not.toContain("interaction")
        expect(logs.join("\n")).not.toContain(token)
        expect(yield* stateOf(request.dedupKey)).toBe("DISPATCHED")
      }).pipe(Effect.provide(dispatchRigLayer({ discordChannels }))),
  )

  it.scopedLive(
    "/investigate text: anchors on the response message id; no 👀 (there is no alert message)",
    () =>
      Effect.gen(function* () {
        const { discord, logs } = yield* Rig
        const token = "slash-token-9f8e7d6c5b4a"
        const original = discord.registerInteraction({ applicationId, token, channelId })
        const interactionId = "1575474471895040000"
        const request = discordRequest({
          investigationId: "inv-discord-2",
          trigger: "command",
          channel: channelId,
          messageId: interactionId,
          applicationId,
          interactionId,
          token,
        })
        expect(request.context.threadId).toBeNull()
        yield* claimFor(request)
        expect(yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))).toBe("dispatched")
        const [invocation] = yield* invocations
        expect(invocation?.task.alert.threadId).toBe(original.id)
        expect(original.id).not.toBe(interactionId)
        expect(discord.requests().filter((q) => q.operation === "addReaction")).toEqual([])
        expect(JSON.stringify(invocation?.task)).not.toContain(token)
        expect(logs.join("\n")).not.toContain(token)
      }).pipe(Effect.provide(dispatchRigLayer({ discordChannels }))),
  )

  it.scopedLive(
    "/investigate whose @original edit fails still dispatches, with no anchor (the master posts fresh)",
    () =>
      Effect.gen(function* () {
        const { discord } = yield* Rig
        const token = "slash-token-unknown-webhook"
        discord.registerInteraction({ applicationId, token, channelId })
        discord.failNext("editOriginal", { status: 404, code: 10015, message: "Unknown Webhook" })
        const request = discordRequest({
          investigationId: "inv-discord-3",
          trigger: "command",
          channel: channelId,
          messageId: "1575474471895040001",
          applicationId,
          interactionId: "1575474471895040001",
          token,
        })
        yield* claimFor(request)
        expect(yield* Effect.flatMap(Dispatcher, (d) => d.dispatch(request))).toBe("dispatched")
        const [invocation] = yield* invocations
        expect(invocation?.task.alert.threadId).toBeNull()
      }).pipe(Effect.provide(dispatchRigLayer({ discordChannels }))),
  )

  it.scopedLive(
    "deadLetter on Discord edits the interaction response into the notice (no channel post)",
    () =>
      Effect.gen(function* () {
        const { discord } = yield* Rig
        const token = "dead-letter-token-000000"
        discord.registerInteraction({ applicationId, token, channelId })
        const request = discordRequest({
          investigationId: "inv-discord-dead",
          trigger: "message_command",
          channel: channelId,
          messageId: alertId,
          applicationId,
          interactionId: "1575474450923520009",
          token,
        })
        yield* claimFor(request)
        yield* Effect.flatMap(Dispatcher, (d) => d.deadLetter(request))
        const edits = discord.requests().filter((q) => q.operation === "editOriginal")
        expect(edits).toHaveLength(1)
        expect(JSON.stringify(edits[0]?.body)).toContain(
          "could not start the investigation (id `inv-discord-dead`)",
        )
        expect(discord.requests().filter((q) => q.operation === "createMessage")).toEqual([])
        expect(yield* stateOf(request.dedupKey)).toBeNull()
      }).pipe(Effect.provide(dispatchRigLayer({ discordChannels }))),
  )
})
