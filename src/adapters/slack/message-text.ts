/**
 * The human-visible text of a Slack message, each piece of content exactly once. Integrations
 * put the same alert in `text`, Block Kit `blocks` and legacy `attachments` in any mix (an
 * app_mention repeats `text` as a rich_text block; Alertmanager/Grafana leave `text` empty), and
 * the original joined them blindly, duplicating content (W11) and ignoring rich_text. Output is
 * Slack-style text (`<@U…>`, `<url|label>`, `&amp;`-escaped literals), so every source renders
 * into one encoding and compares cleanly. Total: a shape it does not know is skipped, never thrown.
 */
import { Option, Schema } from "effect"
import { mergeDistinct } from "../chat-text/distinct-text.js"

/** Decodes to the value when `schema` accepts it, to `undefined` otherwise: never fails its parent. */
const lenient = <A, I>(schema: Schema.Schema<A, I>) =>
  Schema.transform(Schema.Unknown, Schema.UndefinedOr(Schema.typeSchema(schema)), {
    strict: true,
    decode: (u) => Option.getOrUndefined(Schema.decodeUnknownOption(schema)(u)),
    encode: (a) => a,
  })

const Str = Schema.optional(lenient(Schema.String))
const Num = Schema.optional(lenient(Schema.Number))
const Flag = Schema.optional(lenient(Schema.Boolean))
const List = Schema.optional(lenient(Schema.Array(Schema.Unknown)))

const Style = Schema.Struct({ bold: Flag, italic: Flag, strike: Flag, code: Flag })
type Style = typeof Style.Type

/** One rich_text node, inline or container; which fields matter depends on `type`. */
const RichNode = Schema.Struct({
  type: Str,
  text: Str,
  url: Str,
  user_id: Str,
  channel_id: Str,
  usergroup_id: Str,
  range: Str,
  name: Str,
  skin_tone: Num,
  value: Str,
  timestamp: Num,
  format: Str,
  fallback: Str,
  indent: Num,
  offset: Num,
  /** Text styling on inline nodes; "bullet" | "ordered" on a rich_text_list. */
  style: Schema.optional(lenient(Schema.Union(Schema.String, Style))),
  elements: List,
})
type RichNode = typeof RichNode.Type

const TextObject = Schema.Struct({ text: Str })
const Block = Schema.Struct({
  type: Str,
  text: Schema.optional(lenient(Schema.Union(Schema.String, TextObject))),
  fields: List,
  elements: List,
})
const Field = Schema.Struct({ title: Str, value: Str })
const Attachment = Schema.Struct({
  pretext: Str,
  title: Str,
  text: Str,
  fallback: Str,
  fields: List,
  blocks: List,
})
const Message = Schema.Struct({ text: Str, blocks: List, attachments: List })

const decodeAll = <A, I>(schema: Schema.Schema<A, I>, items: ReadonlyArray<unknown> | undefined): A[] =>
  (items ?? []).flatMap((u) => Option.toArray(Schema.decodeUnknownOption(schema)(u)))

/** Slack escapes exactly these three in message text. */
export const escapeSlack = (s: string): string =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")

// == rich_text

const styled = (text: string, style: Style | string | undefined): string => {
  if (style === undefined || typeof style === "string") return text
  const core = text.trim()
  if (core === "") return text
  const lead = text.slice(0, text.length - text.trimStart().length)
  const trail = text.slice(text.trimEnd().length)
  const wrap = (on: boolean | undefined, mark: string, s: string) => (on === true ? `${mark}${s}${mark}` : s)
  const inner = wrap(
    style.bold,
    "*",
    wrap(style.italic, "_", wrap(style.strike, "~", wrap(style.code, "`", core))),
  )
  return `${lead}${inner}${trail}`
}

const dateText = (node: RichNode): string => {
  if (node.fallback !== undefined && node.fallback.trim() !== "") return escapeSlack(node.fallback)
  const ms = (node.timestamp ?? Number.NaN) * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return ""
  const iso = new Date(ms).toISOString().replace(".000Z", "Z")
  const format = node.format ?? "{date_num}"
  return escapeSlack(/\{\w+\}/.test(format) ? format.replace(/\{\w+\}/g, iso) : iso)
}

const inlineText = (node: RichNode, plain: boolean): string => {
  const style = plain ? undefined : node.style
  switch (node.type) {
    case "text":
      return styled(escapeSlack(node.text ?? ""), style)
    case "link": {
      const url = escapeSlack(node.url ?? "")
      const label = node.text === undefined ? "" : escapeSlack(node.text)
      if (url === "") return styled(label, style)
      return label.trim() === "" || label === url ? url : `<${url}|${label}>`
    }
    case "user":
      return node.user_id ? `<@${node.user_id}>` : ""
    case "channel":
      return node.channel_id ? `<#${node.channel_id}>` : ""
    case "usergroup":
      return node.usergroup_id ? `<!subteam^${node.usergroup_id}>` : ""
    case "broadcast":
      return node.range ? `<!${node.range}>` : ""
    case "emoji": {
      if (!node.name) return ""
      const tone = node.skin_tone !== undefined && node.skin_tone >= 2 ? `:skin-tone-${node.skin_tone}:` : ""
      return `:${node.name}:${tone}`
    }
    case "color":
      return escapeSlack(node.value ?? "")
    case "date":
      return dateText(node)
    default:
      return ""
  }
}

const inlineRun = (items: ReadonlyArray<unknown> | undefined, plain = false): string =>
  decodeAll(RichNode, items)
    .map((n) => inlineText(n, plain))
    .join("")

const listItems = (list: RichNode): string => {
  const pad = "  ".repeat(Math.max(0, Math.min(8, Math.trunc(list.indent ?? 0))))
  const start = Math.max(0, Math.trunc(list.offset ?? 0))
  return decodeAll(RichNode, list.elements)
    .map((item, i) => {
      const mark = list.style === "ordered" ? `${start + i + 1}.` : "•"
      return `${pad}${mark} ${inlineRun(item.elements).trim()}`
    })
    .join("\n")
}

const richContainer = (node: RichNode): string => {
  switch (node.type) {
    case "rich_text_section":
      return inlineRun(node.elements)
    case "rich_text_list":
      return listItems(node)
    case "rich_text_quote":
      return inlineRun(node.elements)
        .replace(/\n+$/, "")
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n")
    case "rich_text_preformatted":
      return `\`\`\`\n${inlineRun(node.elements, true).replace(/\n+$/, "")}\n\`\`\``
    default:
      return ""
  }
}

/** A rich_text block rendered the way Slack writes the same message in `text`. */
export const renderRichText = (elements: ReadonlyArray<unknown> | undefined): string =>
  decodeAll(RichNode, elements)
    .map((node) => richContainer(node).replace(/\n+$/, ""))
    .join("\n")

// == blocks and attachments

const textOf = (t: string | { readonly text?: string | undefined } | undefined): string =>
  typeof t === "string" ? t : (t?.text ?? "")

const lines = (texts: ReadonlyArray<string>): string =>
  texts
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .join("\n")

const blockPieces = (blocks: ReadonlyArray<unknown> | undefined): string[] =>
  decodeAll(Block, blocks).flatMap((block) => {
    if (block.type === "rich_text") return [renderRichText(block.elements)]
    if (block.type === "context") {
      return [
        decodeAll(TextObject, block.elements)
          .map((e) => textOf(e).trim())
          .filter((t) => t !== "")
          .join(" "),
      ]
    }
    return [textOf(block.text), lines(decodeAll(TextObject, block.fields).map(textOf))]
  })

const fieldLine = (f: typeof Field.Type): string => {
  const [title, value] = [(f.title ?? "").trim(), (f.value ?? "").trim()]
  return title === "" || value === "" ? title + value : `${title}: ${value}`
}

const attachmentPieces = (attachments: ReadonlyArray<unknown> | undefined): string[] =>
  decodeAll(Attachment, attachments).flatMap((a) => {
    const fields = lines(decodeAll(Field, a.fields).map(fieldLine))
    const pieces = [a.pretext ?? "", a.title ?? "", a.text ?? "", fields, ...blockPieces(a.blocks)]
    return pieces.some((p) => p.trim() !== "") ? pieces : [a.fallback ?? ""]
  })

/** The visible text of a Slack message (event, history item or API payload); `""` when nothing. */
export const slackMessageText = (message: unknown): string =>
  Option.match(Schema.decodeUnknownOption(Message)(message), {
    onNone: () => "",
    onSome: (m) =>
      mergeDistinct([m.text ?? "", ...blockPieces(m.blocks), ...attachmentPieces(m.attachments)]),
  })
