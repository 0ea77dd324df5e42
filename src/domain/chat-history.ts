/**
 * Channel history as the chat scanners read it, whatever the platform: messages (thread
 * replies included, each naming its parent) in one window, oldest first, and whether the read
 * stopped early. A read that the platform kept throttling is kept, not thrown away: the scan
 * reports what it saw and says it is partial.
 */
import type { DateTime } from "effect"

/** The span of history to read, both ends inclusive. */
export interface HistoryWindow {
  readonly oldest: DateTime.Utc
  readonly latest: DateTime.Utc
  /**
   * Thread replies are read up to here when later than `latest`: a thread started before the
   * window is still answered in it ("the drain is still stuck" under the morning's announcement).
   */
  readonly repliesUntil?: DateTime.Utc
}

export interface HistoryAuthor {
  /** Slack user (or bot id) / Discord user id; null when the platform names none. */
  readonly id: string | null
  readonly name: string | null
  /** Posted by an integration or a bot (alert sources are bots: never a reason to skip). */
  readonly bot: boolean
}

export interface HistoryMessage {
  readonly channel: string
  /** Slack ts / Discord snowflake. */
  readonly messageId: string
  /** The thread parent's id for a thread reply; null for a top-level message. */
  readonly threadId: string | null
  readonly postedAt: DateTime.Utc
  /** Plain text, with blocks / attachments / embeds flattened in. */
  readonly text: string
  readonly author: HistoryAuthor
  /** Posted by our own bot (its notices and reports are never evidence). */
  readonly own: boolean
}

export type HistoryIncomplete =
  /** The platform still answered 429 after the waits the budget allows. */
  | { readonly reason: "rate_limited"; readonly message: string }
  /** More history than the page cap allows (the oldest part is unread). */
  | { readonly reason: "page_limit"; readonly message: string }

export interface ChannelHistory {
  readonly channel: string
  /** Oldest first. */
  readonly messages: ReadonlyArray<HistoryMessage>
  /** Pages requested (history and thread replies). */
  readonly pages: number
  /** null when the whole window was read. */
  readonly incomplete: HistoryIncomplete | null
}
