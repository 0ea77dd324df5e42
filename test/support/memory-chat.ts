/**
 * An in-memory ChatPlatforms for orchestrator tests: it keeps each posted message by id and
 * records every post, update and reaction, so a test can assert what a thread looked like at
 * any moment without real HTTP (whose timeouts would race a TestClock).
 */
import { Effect, Layer } from "effect"
import type { MessageRef } from "../../src/domain/dedup.js"
import type { Platform } from "../../src/domain/platform.js"
import {
  type ChatMessage,
  type ChatPlatformService,
  ChatPlatforms,
  type ThreadTarget,
} from "../../src/ports/chat-platform.js"

export interface ChatOp {
  readonly op: "post" | "update" | "react"
  readonly platform: Platform
  readonly target: ThreadTarget | MessageRef
  readonly message: ChatMessage | null
}

export interface MemoryChat {
  readonly layer: Layer.Layer<ChatPlatforms>
  readonly ops: Array<ChatOp>
  /** The current content of every message posted, by id. */
  readonly messages: Map<string, ChatMessage>
  readonly posts: () => ReadonlyArray<ChatOp>
  readonly updates: () => ReadonlyArray<ChatOp>
}

/** `dieOn`: posting a message it matches is a defect (a bug), to exercise crash handling. */
export const makeMemoryChat = (dieOn: (message: ChatMessage) => boolean = () => false): MemoryChat => {
  const ops: Array<ChatOp> = []
  const messages = new Map<string, ChatMessage>()
  let next = 0
  const platform = (name: Platform): ChatPlatformService => ({
    platform: name,
    ingest: () => Effect.dieMessage("ingest is not used here"),
    post: (target, message) =>
      dieOn(message)
        ? Effect.dieMessage("a bug while posting")
        : Effect.sync(() => {
            ops.push({ op: "post", platform: name, target, message })
            const id = `m${++next}`
            messages.set(id, message)
            return { channel: target.channel, messageId: id }
          }),
    update: (ref, message) =>
      Effect.sync(() => {
        ops.push({ op: "update", platform: name, target: ref, message })
        messages.set(ref.messageId, message)
      }),
    react: (ref) =>
      Effect.sync(() => {
        ops.push({ op: "react", platform: name, target: ref, message: null })
      }),
    permalink: (ref) => Effect.succeed(`https://chat.example/${ref.channel}/${ref.messageId}`),
    editInteractionResponse: (interaction, message) =>
      Effect.sync(() => {
        const id = `m${++next}`
        messages.set(id, message)
        return { channel: interaction.interactionId, messageId: id }
      }),
    history: (channel) => Effect.succeed({ channel, messages: [], pages: 0, incomplete: null }),
  })
  return {
    layer: Layer.succeed(ChatPlatforms, { slack: platform("slack"), discord: platform("discord") }),
    ops,
    messages,
    posts: () => ops.filter((o) => o.op === "post"),
    updates: () => ops.filter((o) => o.op === "update"),
  }
}

/** Everything a message shows (fallback text and every block's text), for assertions. */
export const visibleText = (m: ChatMessage | null | undefined): string =>
  m === null || m === undefined ? "" : [m.text, JSON.stringify(m.blocks ?? [])].join("\n")
