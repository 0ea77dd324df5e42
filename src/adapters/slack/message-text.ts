/**
 * The human-visible text of a Slack message, each piece of content exactly once. Integrations
 * put the same alert in `text`, Block Kit `blocks` and legacy `attachments` in any mix (an
 * app_mention repeats `text` as a rich_text block; Alertmanager/Grafana leave `text` empty), and
 * the original joined them blindly, duplicating content (W11) and ignoring rich_text. Output is
 * Slack-style text (`<@U…>`, `<url|label>`, `&amp;`-escaped literals), so every source renders
 * into one encoding and compares cleanly. Total: a shape it does not know is skipped, never thrown.
 */
import { Option, Schema, SchemaAST } from "effect"
import { mergeDistinct } from "../chat-text/distinct-text.js"

/**
 * Decodes to the value when `schema` accepts it, to `undefined` otherwise: never fails its parent.
 * The check is built once per field schema (this runs for every field of every rich-text node
 * of every delivery): a type guard when the schema decodes to itself, else a decoder.
 */
const lenient = <A, I>(schema: Schema.Schema<A, I>) => {
  const accepts = Schema.is(schema)
  const decode = Schema.decodeUnknownOption(schema)
  // No transformation anywhere inside (a primitive, an array of unknowns): decoding is checking.
  const selfDecoding = SchemaAST.encodedAST(schema.ast) === SchemaAST.typeAST(schema.ast)
  return Schema.transform(Schema.Unknown, Schema.UndefinedOr(Schema.typeSchema(schema)), {
    strict: true,
    decode: (u) => (selfDecoding ? (accepts(u) ? u : undefined) : Option.getOrUndefined(decode(u))),
    encode: (a) => a,
  })
}

const Str = Schema.optional(lenient(Schema.String))
const Num = Schema.optional(lenient(Schema.Number))
const Flag = Schema.optional(lenient(Schema.Boolean))
const List = Schema.optional(lenient(Schema.Array(Schema.Unknown)))

// Each shape is declared once over its field kinds and built twice: as Slack sends it (plain
// optional fields, a quick decode) and leniently (a field of the wrong type reads as absent).
// The first is tried first; only a message it rejects pays for the lenient one, whose every
// field is a transformation. Whatever the first accepts, the second decodes to the same value.
type AnyField = Schema.Struct.Field

const styleFields = <F extends AnyField>(flag: F) => ({ bold: flag, italic: flag, strike: flag, code: flag })
const Style = Schema.Struct(styleFields(Flag))
type Style = typeof Style.Type
const StyleAsSent = Schema.Struct(styleFields(Schema.optional(Schema.Boolean)))

/** One rich_text node, inline or container; which fields matter depends on `type`. */
const richNodeFields = <S extends AnyField, N extends AnyField, St extends AnyField, L extends AnyField>(
  str: S,
  num: N,
  style: St,
  list: L,
) => ({
  type: str,
  text: str,
  url: str,
  user_id: str,
  channel_id: str,
  usergroup_id: str,
  range: str,
  name: str,
  skin_tone: num,
  value: str,
  timestamp: num,
  format: str,
  fallback: str,
  indent: num,
  offset: num,
  /** Text styling on inline nodes; "bullet" | "ordered" on a rich_text_list. */
  style,
  elements: list,
})
const RichNode = Schema.Struct(
  richNodeFields(Str, Num, Schema.optional(lenient(Schema.Union(Schema.String, Style))), List),
)
type RichNode = typeof RichNode.Type

const textObjectFields = <S extends AnyField>(str: S) => ({ text: str })
const TextObject = Schema.Struct(textObjectFields(Str))
const blockFields = <S extends AnyField, T extends AnyField, L extends AnyField>(
  str: S,
  text: T,
  list: L,
) => ({
  type: str,
  text,
  fields: list,
  elements: list,
})
const Block = Schema.Struct(
  blockFields(Str, Schema.optional(lenient(Schema.Union(Schema.String, TextObject))), List),
)
const Field = Schema.Struct({ title: Str, value: Str })
const Attachment = Schema.Struct({
  pretext: Str,
  title: Str,
  text: Str,
  fallback: Str,
  fields: List,
  blocks: List,
})
const messageFields = <S extends AnyField, L extends AnyField>(str: S, list: L) => ({
  text: str,
  blocks: list,
  attachments: list,
})
const Message = Schema.Struct(messageFields(Str, List))

const AsSentStr = Schema.optional(Schema.String)
const AsSentList = Schema.optional(Schema.Array(Schema.Unknown))

/** `asSent` first, `lenient` only for what it rejects (both decode to the lenient shape). */
const decoderOf =
  <A>(asSent: (u: unknown) => Option.Option<A>, lenientDecode: (u: unknown) => Option.Option<A>) =>
  (u: unknown): Option.Option<A> => {
    const quick = asSent(u)
    return Option.isSome(quick) ? quick : lenientDecode(u)
  }

// Each rich_text node as Slack sends it: a small struct per `type`, so a node is checked against
// the two or three fields its type has (the union picks the member by its `type` literal)
// instead of all seventeen; a node of another type or shape takes the lenient decode.
const node = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F) =>
  Schema.Struct({ type: Schema.Literal(type), ...fields })
const AsSentStyle = Schema.optional(StyleAsSent)
const AsSentNum = Schema.optional(Schema.Number)
const RichNodeAsSent = Schema.Union(
  node("text", { text: Schema.String, style: AsSentStyle }),
  node("link", { url: Schema.String, text: AsSentStr, style: AsSentStyle }),
  node("user", { user_id: Schema.String }),
  node("channel", { channel_id: Schema.String }),
  node("usergroup", { usergroup_id: Schema.String }),
  node("broadcast", { range: Schema.String }),
  node("emoji", { name: Schema.String, skin_tone: AsSentNum }),
  node("color", { value: Schema.String }),
  node("date", { timestamp: Schema.Number, format: AsSentStr, fallback: AsSentStr }),
  node("rich_text_section", { elements: Schema.Array(Schema.Unknown) }),
  node("rich_text_quote", { elements: Schema.Array(Schema.Unknown) }),
  node("rich_text_preformatted", { elements: Schema.Array(Schema.Unknown) }),
  node("rich_text_list", {
    elements: Schema.Array(Schema.Unknown),
    style: AsSentStr,
    indent: AsSentNum,
    offset: AsSentNum,
  }),
)

// Decoders built once (decodeAll runs for every node of every message).
const decodeRichNode = decoderOf<RichNode>(
  Schema.decodeUnknownOption(RichNodeAsSent),
  Schema.decodeUnknownOption(RichNode),
)
const decodeBlock = decoderOf<typeof Block.Type>(
  Schema.decodeUnknownOption(
    Schema.Struct(
      blockFields(
        AsSentStr,
        Schema.optional(Schema.Union(Schema.String, Schema.Struct(textObjectFields(AsSentStr)))),
        AsSentList,
      ),
    ),
  ),
  Schema.decodeUnknownOption(Block),
)
const decodeTextObject = decoderOf<typeof TextObject.Type>(
  Schema.decodeUnknownOption(Schema.Struct(textObjectFields(AsSentStr))),
  Schema.decodeUnknownOption(TextObject),
)
const decodeField = Schema.decodeUnknownOption(Field)
const decodeAttachment = Schema.decodeUnknownOption(Attachment)
const decodeMessage = decoderOf<typeof Message.Type>(
  Schema.decodeUnknownOption(Schema.Struct(messageFields(AsSentStr, AsSentList))),
  Schema.decodeUnknownOption(Message),
)

/** The items `decode` accepts, in order; the others are skipped. */
const decodeAll = <A>(
  decode: (u: unknown) => Option.Option<A>,
  items: ReadonlyArray<unknown> | undefined,
): A[] => {
  const out: A[] = []
  for (const u of items ?? []) {
    const decoded = decode(u)
    if (Option.isSome(decoded)) out.push(decoded.value)
  }
  return out
}

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
  decodeAll(decodeRichNode, items)
    .map((n) => inlineText(n, plain))
    .join("")

const listItems = (list: RichNode): string => {
  const pad = "  ".repeat(Math.max(0, Math.min(8, Math.trunc(list.indent ?? 0))))
  const start = Math.max(0, Math.trunc(list.offset ?? 0))
  return decodeAll(decodeRichNode, list.elements)
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
  decodeAll(decodeRichNode, elements)
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
  decodeAll(decodeBlock, blocks).flatMap((block) => {
    if (block.type === "rich_text") return [renderRichText(block.elements)]
    if (block.type === "context") {
      return [
        decodeAll(decodeTextObject, block.elements)
          .map((e) => textOf(e).trim())
          .filter((t) => t !== "")
          .join(" "),
      ]
    }
    return [textOf(block.text), lines(decodeAll(decodeTextObject, block.fields).map(textOf))]
  })

const fieldLine = (f: typeof Field.Type): string => {
  const [title, value] = [(f.title ?? "").trim(), (f.value ?? "").trim()]
  return title === "" || value === "" ? title + value : `${title}: ${value}`
}

const attachmentPieces = (attachments: ReadonlyArray<unknown> | undefined): string[] =>
  decodeAll(decodeAttachment, attachments).flatMap((a) => {
    const fields = lines(decodeAll(decodeField, a.fields).map(fieldLine))
    const pieces = [a.pretext ?? "", a.title ?? "", a.text ?? "", fields, ...blockPieces(a.blocks)]
    return pieces.some((p) => p.trim() !== "") ? pieces : [a.fallback ?? ""]
  })

/** The visible text of a Slack message (event, history item or API payload); `""` when nothing. */
export const slackMessageText = (message: unknown): string =>
  Option.match(decodeMessage(message), {
    onNone: () => "",
    onSome: (m) =>
      mergeDistinct([m.text ?? "", ...blockPieces(m.blocks), ...attachmentPieces(m.attachments)]),
  })
