/**
 * What a ChatPlatform's ingest makes of one verified delivery. Failures to verify are errors
 * (WebhookRejected); everything that verified is one of these values, so a strange payload is
 * an Ignored with a reason, never a crash.
 */
import { Data } from "effect"
import type { AlertContext } from "./alert-context.js"
import type { InteractionRef } from "./interaction.js"
import type { Platform } from "./platform.js"

export type WebhookEvent = Data.TaggedEnum<{
  /** Slack url_verification, Discord PING: answer with this JSON body. */
  Challenge: { readonly body: Readonly<Record<string, unknown>> }
  /** Valid but nothing to do; logged with its reason and answered 200. */
  Ignored: { readonly reason: string }
  /** An alert to consider. */
  Alert: {
    readonly context: AlertContext
    /** Slack's X-Slack-Retry-Num, when this delivery is a retry. */
    readonly retryAttempt: number | null
    /** "investigate again": start a new investigation even if this message had one. */
    readonly again: boolean
    /**
     * The message or delivery that asked (a thread mention's ts, a reaction, an interaction id):
     * tells a second operator request apart from a re-delivery of the same one.
     */
    readonly triggerId: string
    readonly interaction: InteractionRef | null
  }
  /** A slash command (Slack) or application command (Discord) that is not an investigation. */
  Command: {
    readonly platform: Platform
    readonly command: string
    readonly text: string
    readonly channel: string
    readonly user: string | null
    readonly threadId: string | null
  }
  /** Tell the user something privately (ephemeral): empty /investigate text, unsupported interaction. */
  Reply: { readonly text: string }
}>

export const WebhookEvent = Data.taggedEnum<WebhookEvent>()
