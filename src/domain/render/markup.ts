/**
 * The two chat dialects, and the one way untrusted text enters them: redacted, made one line,
 * clipped, then escaped — Slack `&`→`&amp;`, `<`→`&lt;`, `>`→`&gt;` (so `<!channel>` or
 * `<@U…>` from a log line stays inert text), Discord `@everyone`/`@here` and `<@…>`, `<@&…>`,
 * `<#…>` broken with a zero-width space. Links are built only from URLs the report carries
 * (the alert's, the agents' deep links), redacted and made unable to break out of the syntax.
 */
import type { Platform } from "../platform.js"
import { redact as redactText } from "../redact.js"
import { httpUrl } from "../report-links.js"
import { clipText, oneLine } from "../report-text.js"

const zwsp = "\u200b"
const maxUrlChars = 1000
const maxLabelChars = 100

export const escapeSlack = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

export const escapeDiscord = (s: string): string =>
  s
    .replace(/@(everyone|here)/gi, `@${zwsp}$1`)
    .replace(/<([@#/])/g, `<${zwsp}$1`)
    // a masked link in untrusted text would look like one of ours
    .replace(/\]\(/g, `]${zwsp}(`)

export interface Dialect {
  readonly platform: Platform
  readonly bold: (trusted: string) => string
  readonly italic: (trusted: string) => string
  /** Untrusted text on one line, at most `max` characters before escaping. */
  readonly text: (untrusted: string, max: number) => string
  /** Untrusted text keeping its line breaks (an analysis), each line escaped. */
  readonly lines: (untrusted: string, max: number) => ReadonlyArray<string>
  /** Untrusted text as inline code (backticks inside it cannot close the span). */
  readonly code: (untrusted: string, max: number) => string
  /** A link, or null when the URL is not a usable http(s) URL; the label is treated as untrusted. */
  readonly link: (url: string, label: string) => string | null
  /** Units a hard wrap must never split (entities, links). */
  readonly atom: RegExp
}

const untrusted = (esc: (s: string) => string) => (s: string, max: number) =>
  esc(clipText(oneLine(redactText(s)), max))

const untrustedLines = (esc: (s: string) => string) => (s: string, max: number) =>
  clipText(redactText(s), max)
    .split(/\r?\n|\r/)
    .map((l) => esc(l.replace(/\s+/g, " ").trimEnd()))
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))

/** Characters that could end the link syntax early, percent-encoded (they are never needed raw). */
const linkSafe = (url: string): string =>
  url
    .replace(/[<>|"`[\]{}\\^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    .replace(/@(everyone|here)/gi, "%40$1")

const usableUrl = (url: string): string | null => {
  const u = httpUrl(url)
  return u === null || u.length > maxUrlChars ? null : linkSafe(u)
}

export const slackDialect: Dialect = {
  platform: "slack",
  bold: (s) => `*${s}*`,
  italic: (s) => `_${s}_`,
  text: untrusted(escapeSlack),
  lines: untrustedLines(escapeSlack),
  code: (s, max) => `\`${untrusted(escapeSlack)(s.replace(/`/g, "'"), max)}\``,
  link: (url, label) => {
    const u = usableUrl(url)?.replace(/&/g, "&amp;")
    const l = untrusted(escapeSlack)(label.replace(/\|/g, "/"), maxLabelChars)
    return u === undefined || u.length > maxUrlChars ? null : `<${u}|${l}>`
  },
  atom: /&[a-z]{2,4};|<[^<>\n]{0,1700}>/,
}

export const discordDialect: Dialect = {
  platform: "discord",
  bold: (s) => `**${s}**`,
  italic: (s) => `_${s}_`,
  text: untrusted(escapeDiscord),
  lines: untrustedLines(escapeDiscord),
  code: (s, max) => `\`${untrusted(escapeDiscord)(s.replace(/`/g, "'"), max)}\``,
  link: (url, label) => {
    const u = usableUrl(url)
    const l = untrusted(escapeDiscord)(label.replace(/[[\]]/g, ""), maxLabelChars)
    return u === null ? null : `[${l}](<${u}>)`
  },
  atom: /\[[^\]\n]{0,600}\]\(<[^<>\n]{0,1100}>\)/,
}

export const dialectFor = (platform: Platform): Dialect =>
  platform === "slack" ? slackDialect : discordDialect
