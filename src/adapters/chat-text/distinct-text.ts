/**
 * The text of a chat message once: alert integrations repeat the same content in `text`, blocks,
 * attachments or embeds, in different markup. Pieces are compared in a normalised form
 * (mention-, markup-, whitespace- and case-insensitive, on word boundaries); Slack and Discord
 * readers share this rule.
 */

/** What one `<…>` token reads as: mentions, broadcasts and timestamps vanish, a link its label (or url). */
const tokenText = (inner: string): string => {
  if (/^(?:[@#!]|t:-?\d)/.test(inner)) return ""
  const emoji = /^a?:(\w+):\d+$/.exec(inner)
  if (emoji) return `:${emoji[1]}:`
  const bar = inner.indexOf("|")
  const label = bar < 0 ? "" : inner.slice(bar + 1)
  return label.trim() === "" ? inner.slice(0, bar < 0 ? undefined : bar) : label
}

/**
 * Comparison form: mention-, markup-, whitespace- and case-insensitive; words joined by one space.
 * Each rewrite runs only when its marker character is present (this runs on every piece of
 * every message), and whitespace runs collapse in one pass.
 */
export const normaliseForDedup = (text: string): string => {
  let t = text
  if (t.includes("<")) t = t.replace(/<([^<>\n]*)>/g, (_, inner: string) => tokenText(inner))
  if (t.includes("](")) t = t.replace(/\[([^\]\n]*)\]\(<?[^()\s<>]*>?\)/g, "$1")
  if (t.includes("&")) t = t.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&")
  if (t.includes("#")) t = t.replace(/^[ \t]*(?:-#|#{1,3})[ \t]/gm, "")
  return t
    .replace(/[*_~`|<>•\u200b]/g, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0

/** Equal once every run of whitespace reads as one space (a character loop: no string is built). */
const sameButSpacing = (a: string, b: string): boolean => {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(j)
    if (isSpace(x) && isSpace(y)) {
      while (i < a.length && isSpace(a.charCodeAt(i))) i++
      while (j < b.length && isSpace(b.charCodeAt(j))) j++
    } else if (x !== y) return false
    else {
      i++
      j++
    }
  }
  return i === a.length && j === b.length
}

/** `needle` occurs in the space-padded `hay` on word boundaries (the empty text occurs everywhere). */
const within = (hay: string, needle: string): boolean => needle === "" || hay.includes(` ${needle} `)

type Piece = { readonly raw: string; readonly norm: string }
const padded = (pieces: ReadonlyArray<Piece>): string => ` ${pieces.map((p) => p.norm).join(" ")} `

/**
 * Trimmed non-empty pieces in order, minus repeats: a piece already contained in the text kept so
 * far is dropped; a piece containing kept ones replaces them at the first one's place, unless that
 * would lose a piece dropped earlier (then it is appended). Invariant: every input piece stays
 * contained in the joined output.
 */
export const distinctPieces = (pieces: ReadonlyArray<string>): ReadonlyArray<string> => {
  // A piece like an earlier one but for its whitespace repeats it whatever the rule (Slack's
  // `text` and its rich_text block usually render so): drop it before paying for normalising.
  const present: string[] = []
  for (const piece of pieces) {
    const p = piece.trim()
    if (p !== "" && !present.some((q) => sameButSpacing(q, p))) present.push(p)
  }
  // One piece cannot repeat anything: skip the normalising (most alerts are just `text`).
  if (present.length <= 1) return present
  let kept: Piece[] = []
  let text = " "
  const seen: string[] = []
  for (const raw of present) {
    const norm = normaliseForDedup(raw)
    if (kept.length === 0 || !within(text, norm)) {
      const contained = (k: Piece) => within(` ${norm} `, k.norm)
      const first = kept.findIndex(contained)
      const replaced =
        first < 0
          ? []
          : [...kept.slice(0, first), { raw, norm }, ...kept.slice(first + 1).filter((k) => !contained(k))]
      const replacedText = padded(replaced)
      if (first >= 0 && seen.every((s) => within(replacedText, s))) {
        kept = replaced
        text = replacedText
      } else {
        kept.push({ raw, norm })
        text = `${text}${norm} `
      }
    }
    seen.push(norm)
  }
  return kept.map((k) => k.raw)
}

/** The distinct pieces joined by newlines; `""` when nothing is left. */
export const mergeDistinct = (pieces: ReadonlyArray<string>): string =>
  distinctPieces(pieces).join("\n").trim()
