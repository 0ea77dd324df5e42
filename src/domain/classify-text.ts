/**
 * Turns a raw chat message into what the classifier reasons about: lower-case text with chat
 * markup removed (Slack and Discord mentions, emoji shortcodes, link wrappers), the links it
 * carried, and clauses of canonical word tokens (contractions expanded, multi-word terms merged).
 * Every regex here is anchored on a literal or bounded, so any input costs time linear in its size;
 * and only the first 64 Ki characters are read: Slack cuts messages at 40,000 characters and
 * Discord at 4,000, so a longer text is not a chat message and its head carries the signal.
 */
import { merges, stretchedWords } from "./classify-lexicon.js"

/** A run of tokens between sentence breaks; `question` when it ended with "?". */
export interface Clause {
  readonly start: number
  readonly end: number
  readonly question: boolean
}

export interface Message {
  /** Lower-case text, markup removed, URLs kept (format and link rules read this). */
  readonly text: string
  /** The same text in its original case (alert names are CamelCase: "HighMemoryUsage"). */
  readonly cased: string
  readonly urls: ReadonlyArray<string>
  /** Emoji shortcode names (`pray`, `rotating_light`) and the alarm emoji characters found. */
  readonly emoji: ReadonlyArray<string>
  readonly hasEmoji: boolean
  /** Canonical word tokens; every URL is the token `_url_`. */
  readonly tokens: ReadonlyArray<string>
  readonly clauses: ReadonlyArray<Clause>
}

export const urlToken = "_url_"
const maxAnalysedChars = 65_536

const ANGLE = /<([^<>]*)>/g
const DISCORD_EMOJI = /^a?:([\w~-]{1,64}):\d{1,32}$/
const DISCORD_TIME = /^t:\d{1,20}(?::[a-z])?$/i
const LINK_SCHEME = /^[a-z][a-z0-9+.-]{1,20}:/i
const ENTITY = /&(lt|gt|amp|quot|#39|apos);/g
const PLAIN_MENTION = /(^|[\s(])@[\p{L}\p{N}_.-]+/gu
const URL = /https?:\/\/[^\s<>|"'`]+/g
const URL_TAIL = /[.,;:!?)\]}*_~]+$/
const EMOTICON = /(?<=^|\s)(?:[:;=][-'^]?[)(\][dpo3|/\\*]{1,3}|<\/?3{1,5}|\^_{0,3}\^)(?=\s|$)/g
const SHORTCODE = /(?<![\p{L}\p{N}]):([a-z0-9_+'-]{1,64}):(?![\p{L}\p{N}])/gu
const PICTOGRAPH = /\p{Extended_Pictographic}/u
// A token starts with a letter or digit: a mark alone is an emoji's variation selector (❤️).
const TOKEN =
  /\+1|[\p{L}\p{N}_][\p{L}\p{M}\p{N}_]*(?:['.][\p{L}\p{M}\p{N}_]+)*%?|[.!?;,:\n—–…]|(?<=\s)-(?=\s)|(?<=\s)\p{Extended_Pictographic}(?=\uFE0F?\s+\p{L})/gu
// TOKEN restricted to ASCII text, where it matches exactly the same (letters, marks and digits
// outside ASCII, and the dashes and ellipsis, cannot occur): most alerts are ASCII, and a regex
// without Unicode property classes is much less code to run.
const TOKEN_ASCII = /\+1|[A-Za-z0-9_]+(?:['.][A-Za-z0-9_]+)*%?|[.!?;,:\n]|(?<=\s)-(?=\s)/g
const NON_ASCII = /[\u0080-\uffff]/

const alarmCharacters = ["🚨", "🔥", "⚠", "🆘", "🔴", "💥"]
// Maps, not object literals: a token like "__proto__" must not reach Object.prototype.
const entities: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["#39", "'"],
  ["apos", "'"],
])

/** Slack `<…>` and Discord `<…>` tokens: mentions vanish, links keep URL and label, custom emoji become shortcodes. */
const unwrapAngle = (_whole: string, inner: string): string => {
  const first = inner.charAt(0)
  if (first === "@" || first === "#" || first === "!") return " "
  const emoji = DISCORD_EMOJI.exec(inner)
  if (emoji !== null) return ` :${emoji[1] ?? ""}: `
  if (DISCORD_TIME.test(inner)) return " "
  const bar = inner.indexOf("|")
  const target = bar < 0 ? inner : inner.slice(0, bar)
  const label = bar < 0 ? "" : inner.slice(bar + 1)
  return LINK_SCHEME.test(target) ? ` ${target} ${label} ` : ` ${inner} `
}

const notContraction: ReadonlyMap<string, ReadonlyArray<string>> = new Map<string, ReadonlyArray<string>>([
  ["cant", ["can", "not"]],
  ["cannot", ["can", "not"]],
  ["dont", ["do", "not"]],
  ["doesnt", ["does", "not"]],
  ["didnt", ["did", "not"]],
  ["isnt", ["is", "not"]],
  ["arent", ["are", "not"]],
  ["wasnt", ["was", "not"]],
  ["werent", ["were", "not"]],
  ["couldnt", ["could", "not"]],
  ["wouldnt", ["would", "not"]],
  ["shouldnt", ["should", "not"]],
  ["havent", ["have", "not"]],
  ["hasnt", ["has", "not"]],
  ["hadnt", ["had", "not"]],
  ["aint", ["is", "not"]],
  ["im", ["i", "am"]],
  ["ive", ["i", "have"]],
  ["youre", ["you", "are"]],
  ["theyre", ["they", "are"]],
  ["whats", ["what", "is"]],
  ["thats", ["that", "is"]],
  ["lets", ["let", "us"]],
  ["u", ["you"]],
  ["pls", ["please"]],
  ["plz", ["please"]],
  // A terse team's shorthand: "dal-03 maint 10pm", "tuning, thurs?".
  ["maint", ["maintenance"]],
  ["thurs", ["thursday"]],
  ["weds", ["wednesday"]],
])

const negatedBase: ReadonlyMap<string, string> = new Map([
  ["ca", "can"],
  ["wo", "will"],
  ["ai", "is"],
  ["sha", "shall"],
])
const suffixes: ReadonlyArray<readonly [string, string]> = [
  ["'re", "are"],
  ["'m", "am"],
  ["'ve", "have"],
  ["'ll", "will"],
  ["'d", "would"],
  ["'s", "is"],
]

/** Whether a letter repeats three times in a row ("sloooow"); digits never count (ids, "1000"). */
const stretched = (token: string): boolean => {
  for (let i = 2; i < token.length; i += 1) {
    const c = token.charCodeAt(i)
    if (c >= 97 && c <= 122 && c === token.charCodeAt(i - 1) && c === token.charCodeAt(i - 2)) return true
  }
  return false
}
const RUN = /([a-z])\1{2,}/g

/** "sloooow" → "slow", "gooood" → "good" (see `stretchedWords`). */
const unstretch = (token: string): string => {
  const two = token.replace(RUN, "$1$1")
  return stretchedWords.has(two) ? two : token.replace(RUN, "$1")
}

/** Expand one raw token into canonical tokens ("isn't" → is not, "db's" → db is), appended to `out`. */
const pushCanonical = (raw: string, out: Array<string>): void => {
  const token = raw.length >= 4 && stretched(raw) ? unstretch(raw) : raw
  const table = notContraction.get(token)
  if (table !== undefined) {
    for (const word of table) out.push(word)
    return
  }
  // Every contraction below has an apostrophe: most tokens have none and are themselves.
  if (!token.includes("'")) {
    out.push(token)
    return
  }
  if (token.endsWith("n't") && token.length > 3) {
    const base = token.slice(0, -3)
    out.push(negatedBase.get(base) ?? base, "not")
    return
  }
  if (token === "let's") {
    out.push("let", "us")
    return
  }
  for (const [suffix, word] of suffixes) {
    if (token.endsWith(suffix) && token.length > suffix.length) {
      out.push(token.slice(0, -suffix.length), word)
      return
    }
  }
  out.push(token)
}

const mergeIndex: ReadonlyMap<string, ReadonlyArray<readonly [ReadonlyArray<string>, string]>> = (() => {
  const index = new Map<string, Array<readonly [ReadonlyArray<string>, string]>>()
  for (const [form, target] of merges) {
    const parts = form.split(" ")
    const head = parts[0] ?? ""
    const list = index.get(head) ?? []
    list.push([parts, target])
    index.set(head, list)
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length)
  return index
})()

/** Merge multi-word terms and "sev 1" → "sev1", within one clause. */
const mergeTerms = (words: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  let i = 0
  while (i < words.length) {
    const word = words[i] ?? ""
    const next = words[i + 1]
    if (word === "sev" && next !== undefined && /^[0-4]$/.test(next)) {
      out.push(`sev${next}`)
      i += 2
      continue
    }
    const candidates = mergeIndex.get(word)
    const hit =
      candidates === undefined
        ? undefined
        : candidates.find(([parts]) => parts.every((part, k) => words[i + k] === part))
    if (hit === undefined) {
      out.push(word)
      i += 1
    } else {
      out.push(hit[1])
      i += hit[0].length
    }
  }
  return out
}

const clauseWords = new Set(["but", "however", "though", "although", "except"])
const breakCharacters = new Set([".", "!", "?", ";", ",", ":", "\n", "—", "–", "…", "-"])

/** Split the cleaned text into canonical tokens grouped in clauses. */
const tokenize = (
  text: string,
  pattern: RegExp,
): { tokens: ReadonlyArray<string>; clauses: ReadonlyArray<Clause> } => {
  const tokens: Array<string> = []
  const clauses: Array<Clause> = []
  let pending: Array<string> = []
  const close = (question: boolean) => {
    if (pending.length === 0) return
    const start = tokens.length
    for (const token of mergeTerms(pending)) tokens.push(token)
    clauses.push({ start, end: tokens.length, question })
    pending = []
  }
  // An exec loop rather than matchAll: no iterator, and this runs on every message.
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0]
    // ("sorry to ping on a sunday 🙏 the wave has 0 riders": an emoji between words ends a sentence.)
    if (breakCharacters.has(raw) || (raw.charCodeAt(0) > 0x2000 && PICTOGRAPH.test(raw))) close(raw === "?")
    else if (clauseWords.has(raw)) close(false)
    else pushCanonical(raw, pending)
  }
  close(false)
  return { tokens, clauses }
}

/**
 * Pure and total: analyse any string. Each rewrite runs only when the character its pattern
 * needs is present, and ASCII text skips the Unicode-class patterns: same result, a fraction of
 * the regex work on the typical alert (this runs on every delivery).
 */
export const analyse = (raw: string): Message => {
  let cased = raw.slice(0, maxAnalysedChars)
  const ascii = !NON_ASCII.test(cased)
  if (cased.includes("<")) cased = cased.replace(ANGLE, unwrapAngle)
  if (cased.includes("&")) cased = cased.replace(ENTITY, (_m, name: string) => entities.get(name) ?? " ")
  if (cased.includes("@")) cased = cased.replace(PLAIN_MENTION, "$1 ")
  if (!ascii) cased = cased.replaceAll("’", "'")
  const unwrapped = cased.toLowerCase()
  const urls: Array<string> = []
  const withoutUrls = !unwrapped.includes("http")
    ? unwrapped
    : unwrapped.replace(URL, (url) => {
        urls.push(url.replace(URL_TAIL, ""))
        return ` ${urlToken} `
      })
  let emoticons = false
  const withoutEmoticons = !/[:;=<^]/.test(withoutUrls)
    ? withoutUrls
    : withoutUrls.replace(EMOTICON, () => {
        emoticons = true
        return " "
      })
  const emoji: Array<string> = []
  const plain = !withoutEmoticons.includes(":")
    ? withoutEmoticons
    : withoutEmoticons.replace(SHORTCODE, (_m, name: string) => {
        emoji.push(name)
        return " "
      })
  // The alarm characters and pictographs are all outside ASCII.
  const plainAscii = ascii || !NON_ASCII.test(plain)
  if (!plainAscii) for (const c of alarmCharacters) if (plain.includes(c)) emoji.push(c)
  const { tokens, clauses } = tokenize(plain, plainAscii ? TOKEN_ASCII : TOKEN)
  return {
    text: unwrapped,
    cased,
    urls,
    emoji,
    hasEmoji: emoticons || emoji.length > 0 || (!plainAscii && PICTOGRAPH.test(plain)),
    tokens,
    clauses,
  }
}
