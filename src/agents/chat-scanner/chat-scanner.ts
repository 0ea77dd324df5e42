/**
 * The chat scanners' one algorithm, whatever the platform (the slack_scanner and
 * discord_scanner agents are this with a platform and its channels): read the alert's own
 * channel (when it is on this platform) and the channels config.yaml lists, by id, over the
 * change lookback through the alert's evidence window; classify the messages without a model
 * (chat-scan.ts); link each finding to its message. It never fails: no bot token → `unhealthy`
 * with the reason; a channel it cannot read is noted and the others still count; a platform that
 * keeps throttling makes the result say the scan was partial. It answers before the report is
 * released (`hints.report_at`), reporting the channels read by then.
 */
import { Clock, DateTime, Duration, Effect, Either, Option } from "effect"
import type { InlineAgent } from "../../adapters/local/inline-agent-invoker.js"
import { type AgentResult, noUsage, placeholderResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { certExpiryWarning } from "../../domain/chat-cert-expiry.js"
import type { ChannelHistory, HistoryMessage } from "../../domain/chat-history.js"
import { type ChannelInfo, type ChatMatch, hhmm, scanChat } from "../../domain/chat-scan.js"
import { workloadPaused } from "../../domain/chat-workload-pause.js"
import type { Finding } from "../../domain/finding.js"
import type { Platform } from "../../domain/platform.js"
import { redact } from "../../domain/redact.js"
import { type ChatError, type ChatPlatformService, ChatPlatforms } from "../../ports/chat-platform.js"
import { answerBy, specialistAgent } from "../specialist.js"

export type ScannerId = "slack_scanner" | "discord_scanner"

export interface ChatScannerOptions {
  readonly agent: ScannerId
  readonly platform: Platform
  /** config.yaml `channels.<platform>`: ids are what is read; names are for display. */
  readonly channels: ReadonlyArray<{ readonly id: string; readonly name?: string | undefined }>
  /** Channels read at most (the alert's own first). */
  readonly maxChannels: number
  /** `limits.findings_shown_per_agent`. */
  readonly maxFindings: number
  /** Channels read at once. */
  readonly concurrency?: number
}

/** The original read at most 10 channels; so do we, the alert's own first. */
export const maxScannedChannels = 10

const platformName = (p: Platform) => (p === "slack" ? "Slack" : "Discord")
const excerptChars = 500

/** The alert's channel first (when on this platform), then the configured ones; distinct, capped. */
export const channelsToRead = (task: AgentTask, options: ChatScannerOptions): ReadonlyArray<ChannelInfo> => {
  const configured = options.channels.map((c) => ({ id: c.id, name: c.name ?? null }))
  const own =
    task.alert.platform === options.platform
      ? [{ id: task.alert.channel, name: configured.find((c) => c.id === task.alert.channel)?.name ?? null }]
      : []
  const seen = new Set<string>()
  return [...own, ...configured]
    .filter((c) => !seen.has(c.id) && seen.add(c.id) !== undefined)
    .slice(0, options.maxChannels)
}

const toFinding = (agent: ScannerId, match: ChatMatch, link: string | null): Finding => {
  const m = match.message
  const who = `${m.author.name ?? m.author.id ?? "someone"}${m.author.bot ? " (bot)" : ""}`
  const text = redact(m.text.trim())
  return {
    id: "",
    agent,
    title: redact(match.title),
    detail: `${who} at ${hhmm(m.postedAt)} UTC${m.threadId === null ? "" : " (thread reply)"}: ${
      text.length > 300 ? `${text.slice(0, 299)}…` : text
    }`,
    severity: match.severity,
    kind: match.kind,
    observedAt: m.postedAt,
    resource: `channel/${m.channel}`,
    service: match.service,
    link,
    excerpt: text.length > excerptChars ? `${text.slice(0, excerptChars - 1)}…` : text,
  }
}

type Read = {
  readonly channel: ChannelInfo
  readonly outcome: Either.Either<ChannelHistory, ChatError> | null
}

const label = (c: ChannelInfo) => c.name ?? c.id

/**
 * The evidence window first, then the rest of the change lookback: each read has its own page
 * cap, so a busy channel never loses the minutes around the alert to hours of older history.
 */
const readChannel = (
  chat: ChatPlatformService,
  channel: string,
  w: AgentTask["alert"]["window"],
): Effect.Effect<ChannelHistory, ChatError> =>
  Effect.gen(function* () {
    const changes = yield* readChanges(chat, channel, w)
    if (changes.incomplete?.reason === "rate_limited") return changes
    const warnings = yield* readExpiryWarnings(chat, channel, w)
    return { ...changes, messages: [...warnings, ...changes.messages], pages: changes.pages }
  })

/** How far back certificate-expiry warnings are read: a weekly checker's last one, and a day. */
export const expiryWarningLookbackMs = 8 * 86_400_000

/**
 * Before the change lookback, only certificate-expiry warnings (chat-cert-expiry.ts) are kept:
 * posted days ahead, they are the evidence when the date passes. A failed or partial read of that
 * older history costs nothing but those warnings, so it is never an error nor a note.
 */
const readExpiryWarnings = (
  chat: ChatPlatformService,
  channel: string,
  w: AgentTask["alert"]["window"],
): Effect.Effect<ReadonlyArray<HistoryMessage>> => {
  const before = Math.min(w.changesSince.epochMillis, w.start.epochMillis)
  return chat
    .history(channel, {
      oldest: DateTime.unsafeMake(w.end.epochMillis - expiryWarningLookbackMs),
      latest: DateTime.unsafeMake(before - 1),
    })
    .pipe(
      // And a job paused by hand (chat-workload-pause.ts): its effect, a staleness alert, comes hours later.
      Effect.map((h) =>
        h.messages.filter(
          (m) =>
            certExpiryWarning(m.text, m.postedAt.epochMillis) !== null ||
            workloadPaused(m.text, pausedThreadParent(h.messages, m)) !== null,
        ),
      ),
      Effect.orElseSucceed((): ReadonlyArray<HistoryMessage> => []),
    )
}

/** The text of the message `m` replies under, when the read holds it. */
const pausedThreadParent = (messages: ReadonlyArray<HistoryMessage>, m: HistoryMessage): string =>
  m.threadId === null ? "" : (messages.find((p) => p.messageId === m.threadId)?.text ?? "")

const readChanges = (
  chat: ChatPlatformService,
  channel: string,
  w: AgentTask["alert"]["window"],
): Effect.Effect<ChannelHistory, ChatError> =>
  Effect.gen(function* () {
    const recent = yield* chat.history(channel, { oldest: w.start, latest: w.end })
    if (w.changesSince.epochMillis >= w.start.epochMillis || recent.incomplete?.reason === "rate_limited")
      return recent
    // Replies under an earlier thread are read through the window's end: posted in the window,
    // they are its evidence (the recent read only follows threads started in the window).
    const earlier = yield* chat.history(channel, {
      oldest: w.changesSince,
      latest: DateTime.unsafeMake(w.start.epochMillis - 1),
      repliesUntil: w.end,
    })
    const recentIds = new Set(recent.messages.map((m) => m.messageId))
    return {
      channel,
      messages: [...earlier.messages.filter((m) => !recentIds.has(m.messageId)), ...recent.messages].sort(
        (a, b) => a.postedAt.epochMillis - b.postedAt.epochMillis,
      ),
      pages: earlier.pages + recent.pages,
      incomplete: recent.incomplete ?? earlier.incomplete,
    }
  })

const scan = (task: AgentTask, options: ChatScannerOptions, chat: ChatPlatformService, started: number) =>
  Effect.gen(function* () {
    const { agent } = options
    const channels = channelsToRead(task, options)
    if (channels.length === 0)
      return placeholderResult(
        agent,
        "skipped",
        `no ${platformName(options.platform)} channel to read (the alert is elsewhere and config.yaml lists none)`,
      )
    const budgetMs = Math.max(0, answerBy(task, started) - started)
    const reads: ReadonlyArray<Read> = yield* Effect.forEach(
      channels,
      (channel) =>
        readChannel(chat, channel.id, task.alert.window).pipe(
          Effect.either,
          Effect.timeoutOption(Duration.millis(budgetMs)),
          Effect.map((o): Read => ({ channel, outcome: Option.getOrNull(o) })),
        ),
      { concurrency: options.concurrency ?? 4 },
    )
    const failures = reads.flatMap((r) =>
      r.outcome !== null && Either.isLeft(r.outcome) ? [{ channel: r.channel, error: r.outcome.left }] : [],
    )
    const histories = reads.flatMap((r) =>
      r.outcome !== null && Either.isRight(r.outcome)
        ? [{ channel: r.channel, history: r.outcome.right }]
        : [],
    )
    const timedOut = reads.filter((r) => r.outcome === null).map((r) => r.channel)
    if (
      histories.length === 0 &&
      failures.length > 0 &&
      failures.every((f) => f.error.reason === "not_configured")
    )
      return placeholderResult(agent, "unhealthy", failures[0]?.error.message ?? "not configured")
    if (histories.length === 0 && timedOut.length === 0)
      return placeholderResult(
        agent,
        "error",
        failures.map((f) => `${label(f.channel)}: ${f.error.message}`).join("; "),
      )

    const result = scanChat({
      alert: task.alert,
      facts: task.facts,
      channels,
      messages: histories.flatMap((h) => h.history.messages),
      maxFindings: options.maxFindings,
    })
    const workspace = task.alert.platform === options.platform ? task.alert.workspace : null
    const findings = yield* Effect.forEach(
      result.matches,
      (match) =>
        chat
          .permalink({ channel: match.message.channel, messageId: match.message.messageId }, workspace)
          .pipe(
            Effect.timeout(Duration.millis(Math.max(1, budgetMs))),
            Effect.orElseSucceed(() => null),
            Effect.map((link) => toFinding(agent, match, link)),
          ),
      { concurrency: 4 },
    )

    const throttled = histories.filter((h) => h.history.incomplete?.reason === "rate_limited")
    const capped = histories.filter((h) => h.history.incomplete?.reason === "page_limit")
    const read = histories.reduce((n, h) => n + h.history.messages.length, 0)
    const notes = [
      throttled.length === 0
        ? ""
        : `throttled: ${platformName(options.platform)} rate-limited the scan, so it is partial (${throttled
            .map((h) => label(h.channel))
            .join(", ")})`,
      capped.length === 0
        ? ""
        : `partial: more history than the page cap in ${capped.map((h) => label(h.channel)).join(", ")}`,
      timedOut.length === 0 ? "" : `not read in time: ${timedOut.map(label).join(", ")}`,
      failures.length === 0
        ? ""
        : `could not read ${failures.map((f) => `${label(f.channel)} (${f.error.code ?? f.error.reason})`).join(", ")}`,
    ].filter((n) => n !== "")
    const headline =
      findings.length === 0
        ? `nothing about the alert's service in ${histories.length} channel(s) (${read} message(s) read)`
        : `${findings.length} related message(s) in ${histories.length} channel(s) (${read} read)${
            result.omitted > 0 ? `, +${result.omitted} more not shown` : ""
          }; top: ${findings[0]?.title ?? ""}`
    const durationMs = (yield* Clock.currentTimeMillis) - started
    return {
      agent,
      status: "ok",
      findings,
      summary: [headline, ...notes].join("; "),
      reason: notes.length === 0 ? null : notes.join("; "),
      scanned: histories.map((h) => `channel/${h.channel.id}`),
      usage: noUsage,
      durationMs,
    } satisfies AgentResult
  })

export const makeChatScanner = (options: ChatScannerOptions): InlineAgent<ChatPlatforms> =>
  specialistAgent(options.agent, (task, started) =>
    Effect.flatMap(ChatPlatforms, (platforms) => scan(task, options, platforms[options.platform], started)),
  )
