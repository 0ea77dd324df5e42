/**
 * The human-visible text of a Discord message, each piece of content exactly once. Alert bots
 * post `content`, `embeds` or both, often repeating the summary in both (Grafana puts the alert
 * title in `content` and the embed title), and the original read `content` only, so an
 * embeds-only Alertmanager/Grafana alert arrived empty. Same de-duplication rule as Slack; the
 * text stays in Discord markdown. Total: a shape it does not know is skipped, never thrown.
 */
import { Option, Schema } from "effect"
import { mergeDistinct } from "../chat-text/distinct-text.js"

/** Decodes to the value when `schema` accepts it, to `undefined` otherwise: never fails its parent. */
const lenient = <A, I>(schema: Schema.Schema<A, I>) =>
  Schema.optional(
    Schema.transform(Schema.Unknown, Schema.UndefinedOr(Schema.typeSchema(schema)), {
      strict: true,
      decode: (u) => Option.getOrUndefined(Schema.decodeUnknownOption(schema)(u)),
      encode: (a) => a,
    }),
  )

const Str = lenient(Schema.String)
const List = lenient(Schema.Array(Schema.Unknown))

const Embed = Schema.Struct({
  title: Str,
  description: Str,
  author: lenient(Schema.Struct({ name: Str })),
  footer: lenient(Schema.Struct({ text: Str })),
  fields: List,
})
const Field = Schema.Struct({ name: Str, value: Str })
const Message = Schema.Struct({ content: Str, embeds: List, message_snapshots: List })
/** A forwarded message carries the original under `message_snapshots[].message`. */
const Snapshot = Schema.Struct({ message: lenient(Schema.Struct({ content: Str, embeds: List })) })

const decodeAll = <A, I>(schema: Schema.Schema<A, I>, items: ReadonlyArray<unknown> | undefined): A[] =>
  (items ?? []).flatMap((u) => Option.toArray(Schema.decodeUnknownOption(schema)(u)))

/** Bots fill a blank field name or value with a zero-width space; that is no text. */
const visible = (s: string | undefined): string => (s ?? "").replaceAll("\u200b", "").trim()

const fieldLine = (f: typeof Field.Type): string => {
  const [name, value] = [visible(f.name), visible(f.value)]
  return name === "" || value === "" ? name + value : `${name}: ${value}`
}

const embedPieces = (embeds: ReadonlyArray<unknown> | undefined): string[] =>
  decodeAll(Embed, embeds).flatMap((e) => [
    e.author?.name ?? "",
    e.title ?? "",
    e.description ?? "",
    decodeAll(Field, e.fields).map(fieldLine).join("\n"),
    e.footer?.text ?? "",
  ])

const messagePieces = (m: {
  readonly content?: string | undefined
  readonly embeds?: ReadonlyArray<unknown> | undefined
}): string[] => [m.content ?? "", ...embedPieces(m.embeds)]

/** The visible text of a Discord message object (MESSAGE_CREATE, resolved message); `""` when nothing. */
export const discordMessageText = (message: unknown): string =>
  Option.match(Schema.decodeUnknownOption(Message)(message), {
    onNone: () => "",
    onSome: (m) =>
      mergeDistinct([
        ...messagePieces(m),
        ...decodeAll(Snapshot, m.message_snapshots).flatMap((s) =>
          s.message ? messagePieces(s.message) : [],
        ),
      ]),
  })
