/**
 * Tier-1 chatter signals. Three structures make a message conversation rather than an alert:
 * it is made only of chatter phrases ("got it, thanks"); a problem word is the *object* of
 * thanks, praise or a fix; or the latest news in it is that something recovered (the last two
 * in classify-closures.ts). A short message that is mostly chatter counts too.
 */
import { closureIsNoRecovery, closureSignals } from "./classify-closures.js"
import type { Evidence } from "./classify-grammar.js"
import {
  adverbs,
  errorNouns,
  failureStates,
  functionWords,
  incidentWords,
  linkingWords,
  metaWords,
  metrics,
  personalSubjects,
  problemPredicates,
  severityWords,
} from "./classify-lexicon.js"
import { type ChatterCategory, chatterPhrases, fillers, tokenCategory } from "./classify-phrases.js"
import { analyse, type Message } from "./classify-text.js"

export interface ChatterSignals {
  /** The categories of a message made only of chatter phrases, else null. */
  readonly whole: ReadonlyArray<ChatterCategory> | null
  /** Tokens inside the object of thanks, praise or a fix. */
  readonly absorbed: ReadonlyArray<boolean>
  readonly thanks: ReadonlyArray<number>
  readonly closures: ReadonlyArray<Evidence>
  /** Chatter categories present anywhere, and how many content words are left outside them. */
  readonly categories: ReadonlyArray<ChatterCategory>
  readonly leftover: number
}

interface Phrase {
  readonly parts: ReadonlyArray<string>
  readonly category: ChatterCategory
}
type PhraseIndex = ReadonlyMap<string, ReadonlyArray<Phrase>>

const canonicalWords = (text: string): ReadonlyArray<string> =>
  analyse(text.replaceAll("#", " _num_ ")).tokens.filter((t) => !fillers.has(t))

const buildIndex = (phrases: ReadonlyArray<readonly [ChatterCategory, string]>): PhraseIndex => {
  const index = new Map<string, Array<Phrase>>()
  for (const [category, text] of phrases) {
    const parts = canonicalWords(text)
    const head = parts[0]
    if (head === undefined) continue
    index.set(head, [...(index.get(head) ?? []), { parts, category }])
  }
  for (const list of index.values()) list.sort((a, b) => b.parts.length - a.parts.length)
  return index
}

const staticIndex = buildIndex(chatterPhrases)

const matchLength = (words: ReadonlyArray<string>, i: number, indexes: ReadonlyArray<PhraseIndex>) => {
  const word = words[i] ?? ""
  for (const index of indexes) {
    for (const p of index.get(word) ?? []) {
      const ok = p.parts.every((part, k) => {
        const w = words[i + k]
        if (w === undefined) return false
        // ("+1 to what Marco said": any one name.)
        return part === "_num_"
          ? /^\d{1,6}$/.test(w)
          : part === "_name_"
            ? /^\p{L}{2,20}$/u.test(w)
            : w === part
      })
      if (ok) return { length: p.parts.length, category: p.category }
    }
  }
  const category = tokenCategory(word)
  return category === null ? null : { length: 1, category }
}

const maxWholeWords = 24
const maxPartialWords = 60
const social = new Set<ChatterCategory>(["thanks", "greeting", "farewell", "praise"])
const alertVocabulary = [severityWords, incidentWords, problemPredicates, failureStates, metrics, errorNouns]
const nameLike = (w: string): boolean =>
  /^\p{L}{2,20}$/u.test(w) && !alertVocabulary.some((set) => set.has(w))

/** Parse the words as a sequence of chatter phrases (one name allowed next to a greeting or thanks). */
const wholeParse = (
  words: ReadonlyArray<string>,
  indexes: ReadonlyArray<PhraseIndex>,
): ReadonlyArray<ChatterCategory> | null => {
  const parse = (from: number): Array<ChatterCategory> | null => {
    const path: Array<Array<ChatterCategory> | undefined> = []
    path[from] = []
    for (let i = from; i < words.length; i += 1) {
      const here = path[i]
      if (here === undefined) continue
      const hit = matchLength(words, i, indexes)
      if (hit !== null && path[i + hit.length] === undefined) path[i + hit.length] = [...here, hit.category]
      const last = here[here.length - 1]
      if (i === words.length - 1 && last !== undefined && social.has(last) && nameLike(words[i] ?? ""))
        path[i + 1] ??= here
    }
    const done = path[words.length]
    return done !== undefined && done.length > 0 ? done : null
  }
  const direct = parse(0)
  if (direct !== null || words.length < 2 || !nameLike(words[0] ?? "")) return direct
  const named = parse(1)
  return named !== null && social.has(named[0] ?? "resolved") ? named : null
}

/** "do you like…", "what do you think about…": asking the bot for an opinion or a poem. */
const opinions = new Set(
  "think like love hate feel believe prefer dream enjoy write sing draw play remember know".split(" "),
)

/**
 * Praise words that also name a kind of thing ("smart bot" is praise; "smart meter", "smart
 * lock", "magic link", "top player" are things): before a noun they are its name, not praise ("best thing",
 * "clever fix", "handy script" stay praise).
 */
const namingAdjectives = new Set(["smart", "magic", "top"])
const attributive = (word: string, next: string | undefined): boolean =>
  namingAdjectives.has(word) &&
  next !== undefined &&
  // ("top notch" is praise.)
  next !== "notch" &&
  /^\p{L}[\p{L}-]{1,30}$/u.test(next) &&
  !fillers.has(next) &&
  !functionWords.has(next) &&
  tokenCategory(next) === null

export const chatterSignals = (message: Message, configured: ReadonlyArray<string>): ChatterSignals => {
  const { tokens } = message
  const indexes =
    configured.length === 0
      ? [staticIndex]
      : [buildIndex(configured.map((p) => ["configured phrase", p] as const)), staticIndex]
  const { absorbed, thanks, closures } = closureSignals(message)
  const kept = tokens.flatMap((t, i) => (fillers.has(t) ? [] : [i]))
  const words = kept.map((i) => tokens[i] ?? "")
  const whole = words.length > 0 && words.length <= maxWholeWords ? wholeParse(words, indexes) : null
  const categories = new Set<ChatterCategory>()
  const covered = tokens.map(() => false)
  // Only a short message can be mostly chatter; a long one is never gated on phrases alone.
  for (let w = 0; w < words.length && words.length <= maxPartialWords; w += 1) {
    const hit = matchLength(words, w, indexes)
    if (hit === null) continue
    // "queue depth ticking up again, 40k now": a metric rising, not "back up"; "found it unlocked":
    // what was seen, not the cause found (classify-closures.ts).
    if (hit.category === "resolved" && closureIsNoRecovery(tokens, kept[w] ?? -1)) continue
    if (
      hit.length === 1 &&
      hit.category === "praise" &&
      attributive(words[w] ?? "", tokens[(kept[w] ?? 0) + 1])
    )
      continue
    categories.add(hit.category)
    for (let k = w; k < w + hit.length; k += 1) covered[kept[k] ?? -1] = true
    w += hit.length - 1
  }
  const content = (t: string, i: number) =>
    !(covered[i] || absorbed[i] || fillers.has(t) || functionWords.has(t) || personalSubjects.has(t)) &&
    !(linkingWords.has(t) || adverbs.has(t) || metaWords.has(t))
  if (words.length <= maxPartialWords) {
    if (tokens.some((t) => metaWords.has(t))) categories.add("small talk")
    const asksOpinion = (t: string, i: number) =>
      t === "you" && (opinions.has(tokens[i + 1] ?? "") || opinions.has(tokens[i + 2] ?? ""))
    if (tokens.some(asksOpinion)) categories.add("question about the bot")
  }
  return {
    whole,
    absorbed,
    thanks,
    closures,
    categories: [...categories],
    leftover: tokens.reduce((n, t, i) => (content(t, i) ? n + 1 : n), 0),
  }
}
