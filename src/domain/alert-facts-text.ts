/**
 * Chat markup is noise to a fact extractor: Slack mrkdwn, Discord markdown, mention tokens,
 * link syntax and HTML escapes hide the `key: value` shapes alert templates use. This module
 * turns a posted message into plain lines once, so every other extractor reads the same text.
 * Every pattern is bounded and anchored so the whole pass stays linear in the input size.
 */

/** Facts live near the top of a message; beyond this the text is ignored (bounds the work). */
export const maxFactsText = 100_000

export interface AlertDoc {
  /** Trimmed, non-empty lines: mentions gone, links reduced to labels, formatting stripped. */
  readonly lines: ReadonlyArray<string>
  /** `lines` joined with "\n". */
  readonly text: string
  /** `text` with every URL replaced by a space: label and identifier scans never read URLs. */
  readonly plain: string
  /** Every http(s) URL in order of appearance, deduplicated. */
  readonly links: ReadonlyArray<string>
}

// <@U…>, <@!123>, <@&123> (roles), <#C…|name>, <!here>, <!subteam^…|@x>, Discord <:emoji:123>
const mentionToken = /<(?:@[!&]?|#|!)[^<>\s]{0,200}>|<a?:\w{1,64}:\d{1,25}>/g

// Slack <url|label> and <url>, markdown [label](url) and [label](<url>), bare URLs.
const linkToken =
  /<(https?:\/\/[^|<>\s]{1,2000})(?:\|[^<>]{0,500})?>|\[[^[\]\n]{0,500}\]\(<(https?:\/\/[^<>\s]{1,2000})>\)|\[[^[\]\n]{0,500}\]\((https?:\/\/[^\s()<>]{1,2000})\)|(https?:\/\/[^\s<>[\]|`"'*]{1,2000})/g

const slackLink = /<((?:https?|mailto|tel):[^|<>\s]{1,2000})(?:\|([^<>]{0,500}))?>/g
const markdownLink = /\[([^[\]\n]{0,500})\]\(<?(https?:\/\/[^\s<>]{1,2000}?)>?\)/g
const bareUrl = /https?:\/\/[^\s<>[\]|`"'*]{1,2000}/g
const emojiShortcode = /(?<=^|\s):[a-z0-9_+-]{0,64}[a-z][a-z0-9_+-]{0,64}:(?=\s|$)/g
const formatting = /\*{1,3}|`{1,3}|~~/g
const bullet = /^(?:[•◦▪‣·>*+-]\s{1,20}){1,4}/

const entities: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
}
const entity = /&(?:lt|gt|amp|quot|#39);/g

export const stripMentions = (text: string): string => text.replace(mentionToken, " ")

/** A bare URL swallows a closing ")" it did not open, and sentence punctuation after it. */
const trimUrl = (url: string): string => {
  let out = url.replace(/[.,;:!?]+$/, "")
  while (out.endsWith(")") && count(out, "(") < count(out, ")"))
    out = out.slice(0, -1).replace(/[.,;:!?]+$/, "")
  return out
}

const count = (s: string, ch: string): number => s.split(ch).length - 1

/** Every http(s) URL in `text` (Slack and markdown link syntax unwrapped), deduplicated, order kept. */
export const extractLinks = (text: string): ReadonlyArray<string> => {
  const seen = new Set<string>()
  for (const m of text.matchAll(linkToken)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? (m[4] === undefined ? undefined : trimUrl(m[4]))
    if (raw !== undefined && raw.length > "https://".length) seen.add(decodeEntities(raw))
  }
  return [...seen]
}

const decodeEntities = (s: string): string => s.replace(entity, (e) => entities[e] ?? e)

const cleanLine = (line: string): string =>
  line
    .replace(emojiShortcode, " ")
    .replace(formatting, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(bullet, "")
    .trim()

/** Read a posted message into plain lines (see AlertDoc). Total: any string gives a document. */
export const readDoc = (input: string): AlertDoc => {
  const raw = stripMentions(input.length > maxFactsText ? input.slice(0, maxFactsText) : input)
  const links = extractLinks(raw)
  const unlinked = raw
    .replace(slackLink, (_m, url: string, label: string | undefined) => ` ${label?.trim() || url} `)
    .replace(markdownLink, (_m, label: string, url: string) => ` ${label.trim() || url} `)
  const lines = decodeEntities(unlinked)
    .split(/\r?\n|\r/)
    .map(cleanLine)
    .filter((l) => l.length > 0)
  const text = lines.join("\n")
  return { lines, text, plain: text.replace(bareUrl, " "), links }
}
