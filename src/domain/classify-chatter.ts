/**
 * Tier-1 chatter signals. Three structures make a message conversation rather than an alert:
 * it is made only of chatter phrases ("got it, thanks"); a problem word is the *object* of
 * thanks, praise or a fix ("thanks for fixing the outage" — absorbed, not reported); or the
 * latest news in it is that something recovered ("the outage is over", "502s are gone").
 */
import { chainBefore, type Evidence, isErrorNoun } from "./classify-alert-signals.js"
import * as L from "./classify-lexicon.js"
import { type ChatterCategory, chatterPhrases, fillers, tokenCategory } from "./classify-phrases.js"
import { analyse, type Clause, type Message } from "./classify-text.js"

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
        return w !== undefined && (part === "_num_" ? /^\d{1,6}$/.test(w) : w === part)
      })
      if (ok) return { length: p.parts.length, category: p.category }
    }
  }
  const category = tokenCategory(word)
  return category === null ? null : { length: 1, category }
}

const social = new Set<ChatterCategory>(["thanks", "greeting", "farewell", "praise"])
const alertVocabulary = [L.severityWords, L.incidentWords, L.problemPredicates, L.failureStates, L.metrics, L.errorNouns]
const nameLike = (w: string): boolean => /^\p{L}{2,20}$/u.test(w) && !alertVocabulary.some((set) => set.has(w))

/** Parse the words as a sequence of chatter phrases (one name allowed next to a greeting or thanks). */
const wholeParse = (words: ReadonlyArray<string>, indexes: ReadonlyArray<PhraseIndex>): ReadonlyArray<ChatterCategory> | null => {
  const parse = (from: number): Array<ChatterCategory> | null => {
    const path: Array<Array<ChatterCategory> | undefined> = []
    path[from] = []
    for (let i = from; i < words.length; i += 1) {
      const here = path[i]
      if (here === undefined) continue
      const hit = matchLength(words, i, indexes)
      if (hit !== null && path[i + hit.length] === undefined) path[i + hit.length] = [...here, hit.category]
      const last = here[here.length - 1]
      if (i === words.length - 1 && last !== undefined && social.has(last) && nameLike(words[i] ?? "")) path[i + 1] ??= here
    }
    const done = path[words.length]
    return done !== undefined && done.length > 0 ? done : null
  }
  const direct = parse(0)
  if (direct !== null || words.length < 2 || !nameLike(words[0] ?? "")) return direct
  const named = parse(1)
  return named !== null && social.has(named[0] ?? "resolved") ? named : null
}

const stops = new Set(["and", "now", "still", "again", "yet", "also", "so", "plus", "meanwhile", "then"])
const gratitudeObjects = new Set(["for", "on", "to", "with", "about", "re", "regarding"])
const praiseNouns = new Set("work job catch call find one stuff effort response fix".split(" "))
const praiseWords = new Set("nice great good awesome amazing excellent well solid".split(" "))
const directGratitude = new Set("appreciate appreciated sorry apologies congrats congratulations kudos props shoutout".split(" "))
const statusVerbs = new Set(
  "deployed shipped merged released reverted rolled_back restarted bumped upgraded scaled mitigated".split(" "),
)
const doneWords = new Set(
  "done complete completed finished merged shipped live successful succeeded landed published deployed released".split(" "),
)
const recoveredFollowers = new Set(["again", "now", "fine", "normally", "properly", "ok"])
/** "do you like…", "what do you think about…": asking the bot for an opinion or a poem. */
const opinions = new Set("think like love hate feel believe prefer dream enjoy write sing draw play remember know".split(" "))
/** A problem that stopped ("errors stopped", "alerts cleared"), or an incident closed. */
const endings = new Set(["stopped", "ceased", "subsided", "cleared", "disappeared", "vanished", "stopped firing"])
const closings = new Set(["closed", "closing", "close"])
const closable = new Set(["incident", "issue", "ticket", "alert", "alarm", "page", "outage", "this", "it"])
/** "is working" is news; "has been running for 6 hours" is not. */
const activities = new Set(["working", "running", "responding", "passing"])

const isThanks = (tokens: ReadonlyArray<string>, i: number): boolean => {
  const t = tokens[i] ?? ""
  return tokenCategory(t) === "thanks" || (t === "thank" && tokens[i + 1] === "you") || t.startsWith("appreciat")
}

/** Where the object of thanks/praise/a fix starts, if token `i` opens one. */
const objectStart = (tokens: ReadonlyArray<string>, c: Clause, i: number): number | null => {
  const t = tokens[i] ?? ""
  let k = i + 1
  if (directGratitude.has(t) || t.startsWith("appreciat")) return k
  if (praiseWords.has(t) && praiseNouns.has(tokens[k] ?? "")) k += 1
  else if (!isThanks(tokens, i)) return null
  while (k < c.end && k < i + 5 && (fillers.has(tokens[k] ?? "") || L.personalSubjects.has(tokens[k] ?? ""))) {
    if (gratitudeObjects.has(tokens[k] ?? "")) return k
    k += 1
  }
  return gratitudeObjects.has(tokens[k] ?? "") ? k : null
}

/** Index of the clause's first subordinator ("after", "since"…), or its end when there is none. */
const firstSubordinator = (tokens: ReadonlyArray<string>, c: Clause): number => {
  for (let k = c.start; k < c.end; k += 1) if (L.subordinators.has(tokens[k] ?? "")) return k
  return c.end
}

const problemWord = (t: string): boolean =>
  L.severityWords.has(t) || L.incidentWords.has(t) || isErrorNoun(t) || L.problemPredicates.has(t)

/** Is token `j` news that something is over or fine? Returns the phrase that says so. */
const closureAt = (tokens: ReadonlyArray<string>, c: Clause, j: number): string | null => {
  const t = tokens[j] ?? ""
  const prev = tokens[j - 1] ?? ""
  const next = tokens[j + 1] ?? ""
  const negated = j > c.start && (prev === "not" || prev === "never")
  if (L.closureWords.has(t) && !negated) return t === "no_longer" && L.healthyStates.has(next) ? null : t
  if (problemWord(t) && j > c.start && ["no", "zero", "0", "without", "no_longer"].includes(prev)) return `${prev} ${t}`
  if (problemWord(t) && (prev === "seeing" || prev === "see") && tokens[j - 2] === "not") return `not seeing ${t}`
  const chain = chainBefore(tokens, c.start, j)
  const subject = tokens[chain.subject] ?? ""
  if (!chain.negated && (L.recoveredStates.has(t) || (t === "up" && !L.metrics.has(subject)))) {
    const activity = activities.has(t) ? prev === "is" || prev === "are" : chain.linking
    if (activity || recoveredFollowers.has(next)) return t
  }
  if (t === "gone" && chain.linking && problemWord(subject)) return `${subject} gone`
  if (t === "over" && chain.linking && !/^\d/.test(next)) return `${subject} is over`
  if (endings.has(t) && problemWord(subject)) return `${subject} ${t}`
  if (closings.has(t) && [next, tokens[j + 2] ?? "", subject].some((w) => closable.has(w))) return `${t} ${next}`
  if (doneWords.has(t) && !chain.negated && (j === c.start || !L.functionWords.has(prev) || chain.linking)) return t
  if (j === c.start && statusVerbs.has(t)) return t
  return null
}

export const chatterSignals = (message: Message, configured: ReadonlyArray<string>): ChatterSignals => {
  const { tokens } = message
  const indexes = configured.length === 0 ? [staticIndex] : [buildIndex(configured.map((p) => ["configured phrase", p] as const)), staticIndex]
  const absorbed = tokens.map(() => false)
  const thanks: Array<number> = []
  const closures: Array<Evidence> = []
  // An absorbed run ends at the same stop word whoever opened it, so meeting one means the rest is done.
  const absorb = (from: number, c: Clause) => {
    for (let k = from; k < c.end && !stops.has(tokens[k] ?? "") && absorbed[k] !== true; k += 1) absorbed[k] = true
  }
  for (const c of message.clauses) {
    const subordinate = firstSubordinator(tokens, c)
    for (let i = c.start; i < c.end; i += 1) {
      if (isThanks(tokens, i)) thanks.push(i)
      const object = objectStart(tokens, c, i)
      if (object !== null) absorb(object, c)
      if (c.question || i > subordinate) continue
      const closure = closureAt(tokens, c, i)
      if (closure === null) continue
      closures.push({ reason: `chatter: resolved ('${closure.replaceAll("_", " ")}')`, at: i, strong: false })
      absorb(i + 1, c)
    }
  }
  const kept = tokens.flatMap((t, i) => (fillers.has(t) ? [] : [i]))
  const words = kept.map((i) => tokens[i] ?? "")
  const whole = words.length > 0 && words.length <= 24 ? wholeParse(words, indexes) : null
  const categories = new Set<ChatterCategory>()
  const covered = tokens.map(() => false)
  for (let w = 0; w < words.length; w += 1) {
    const hit = matchLength(words, w, indexes)
    if (hit === null) continue
    categories.add(hit.category)
    for (let k = w; k < w + hit.length; k += 1) covered[kept[k] ?? -1] = true
    w += hit.length - 1
  }
  const content = (t: string, i: number) =>
    !(covered[i] || absorbed[i] || fillers.has(t) || L.functionWords.has(t) || L.personalSubjects.has(t)) &&
    !(L.linkingWords.has(t) || L.adverbs.has(t) || L.metaWords.has(t))
  if (tokens.some((t) => L.metaWords.has(t))) categories.add("small talk")
  const asksOpinion = (t: string, i: number) =>
    t === "you" && (opinions.has(tokens[i + 1] ?? "") || opinions.has(tokens[i + 2] ?? ""))
  if (tokens.some(asksOpinion)) categories.add("question about the bot")
  return {
    whole,
    absorbed,
    thanks,
    closures,
    categories: [...categories],
    leftover: tokens.reduce((n, t, i) => (content(t, i) ? n + 1 : n), 0),
  }
}
