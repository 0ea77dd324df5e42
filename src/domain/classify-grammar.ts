/**
 * The small grammar every tier-1 rule shares: evidence positions, negation ("no errors", "not
 * seeing"), and the walk from a predicate back over "is still not" to its subject. Windows are
 * bounded (a few tokens), so a rule applied at every token keeps the whole scan linear.
 */
import {
  adverbs,
  errorNouns,
  failureStates,
  functionWords,
  incidentWords,
  linkingWords,
  negations,
  notSystems,
  pastLinking,
  personalSubjects,
  severityWords,
  words,
} from "./classify-lexicon.js"
import { urlToken } from "./classify-text.js"

/** A signal at a token position; `strong` survives thanks, `weak` (bare vocabulary) does not. */
export interface Evidence {
  readonly reason: string
  readonly at: number
  readonly strong: boolean
}

export type Tokens = ReadonlyArray<string>

export const at = (tokens: Tokens, i: number): string => tokens[i] ?? ""

/** The quoted words of a report, at most eight, for a human-readable reason. */
export const phrase = (tokens: Tokens, from: number, to: number): string =>
  `'${tokens
    .slice(Math.max(from, to - 7), to + 1)
    .join(" ")
    .replaceAll("_", " ")}'`

export const HTTP_ERROR = /^(?:[45]\d\ds|50[234]|[45]xxs?)$/
const NAMED_ERROR = /^[a-z]{2,40}(?:error|exception|denied|refused|exceeded|failure|timeout|unavailable)s?$/

export const isErrorNoun = (t: string): boolean => errorNouns.has(t) || HTTP_ERROR.test(t)

/** Something whose presence is bad ("errors", "latency", "502s", "outage"). */
export const isProblemWord = (t: string): boolean =>
  isErrorNoun(t) || severityWords.has(t) || incidentWords.has(t) || t === "error_rate"

const articles = words("a an")
/**
 * An HTTP error status said as a noun: "the hero image is a 404", "getting an 503 on login".
 * Bare "404" is a number; after an article it is the response.
 */
export const isStatusCodeNoun = (tokens: Tokens, j: number): boolean =>
  /^[45]\d\d$/.test(at(tokens, j)) && articles.has(at(tokens, j - 1))

const amountVerbs = words("paid charged billed refunded credited shows showing show payout payouts")
const amountFollowers = words("for on to in at from per")
/**
 * A zero amount where money is paid or shown: "couriers get paid 0€ for deliveries", "the app
 * shows 0.00" ("shows 0 errors" counts errors, and is good news).
 */
export const isZeroAmount = (tokens: Tokens, j: number): boolean => {
  const t = at(tokens, j)
  if (t !== "0" && !/^0[.,]00$/.test(t)) return false
  const next = at(tokens, j + 1)
  return (
    amountVerbs.has(at(tokens, j - 1)) && (next === "" || amountFollowers.has(next) || /^[.,;!?]$/.test(next))
  )
}

/** A named failure: Kubernetes states, errno names, `KeyError`, `AccessDenied`, a 5xx status. */
/** A browser's or a runtime's error code shown on a screen: "ERR_CONNECTION_REFUSED", "ERR_NAME_NOT_RESOLVED". */
const ERROR_CODE = /^err_[a-z][a-z_]{2,40}$/

export const isFailureState = (t: string): boolean =>
  failureStates.has(t) || /^(?:5\d\ds|50[234])$/.test(t) || NAMED_ERROR.test(t) || ERROR_CODE.test(t)

export const negators: ReadonlySet<string> = new Set([
  "not",
  "no",
  "zero",
  "without",
  "never",
  "0",
  "no_longer",
])

/** Is the token at `j` negated by one of the two tokens before it ("no errors", "not seeing errors")? */
// A count of zero negates only the word it counts ("0 errors"), not one further on ("0/1 CrashLoopBackOff").
const counts: ReadonlySet<string> = new Set(["0", "zero"])

export const negatedAt = (tokens: Tokens, start: number, j: number): boolean =>
  (j - 1 >= start && negators.has(at(tokens, j - 1))) ||
  (j - 2 >= start && negators.has(at(tokens, j - 2)) && !counts.has(at(tokens, j - 2)))

export interface Chain {
  /** index of the subject token (the first token before the linking chain), may be < clause start */
  readonly subject: number
  readonly linking: boolean
  readonly past: boolean
  readonly negated: boolean
}

/** Walk back from `j` over linking verbs, adverbs and negations ("is still not"). */
export const chainBefore = (tokens: Tokens, start: number, j: number): Chain => {
  let k = j - 1
  let linking = false
  let past = false
  let negated = false
  while (k >= start && j - k <= 6) {
    const t = at(tokens, k)
    if (linkingWords.has(t)) {
      linking = true
      past ||= pastLinking.has(t)
    } else if (negations.has(t) || t === "stopped" || t === "stop") negated = true
    else if (!adverbs.has(t)) break
    k -= 1
  }
  return { subject: k, linking, past, negated }
}

/** Subjects that deny what follows ("nothing's broken") — or, before a healthy state, are a problem ("nothing loads"). */
export const nobodyWords: ReadonlySet<string> = new Set(["nothing", "none", "nobody", "noone"])

/**
 * Is the state at `j` denied by its subject ("nothing's on fire", "nobody is down")? A healthy
 * state after such a subject is the opposite, a problem ("nothing loads"): callers check that first.
 */
export const deniedBySubject = (tokens: Tokens, start: number, j: number): boolean => {
  const { subject } = chainBefore(tokens, start, j)
  return subject >= start && nobodyWords.has(at(tokens, subject))
}

/** Words between "I am" and a state said of oneself ("I'm in a CrashLoopBackOff", "I'm running at 100%"). */
const selfFillers: ReadonlySet<string> = new Set(
  "in a an at the running basically literally officially like totally so full on".split(" "),
)

/** "I'm in a CrashLoopBackOff", "my 502 of the day": a state said of oneself. */
const saidOfOneself = (tokens: Tokens, start: number, j: number): boolean => {
  const before = at(tokens, j - 1)
  if (j - 1 >= start && (before === "my" || before === "your")) return true
  for (let k = j - 1; k >= start && j - k <= 5; k -= 1) {
    const t = at(tokens, k)
    if (t === "am" && at(tokens, k - 1) === "i" && k - 1 >= start) return true
    if (!selfFillers.has(t)) return false
  }
  return false
}

/** "back office", "front office": a company's internal application, a system, not the office. */
const backOrFrontOffice: ReadonlySet<string> = new Set(["back", "front"])
/** "the waiting room", "the lesson room", "the chat room": a room an application serves, a system. */
const appRooms: ReadonlySet<string> = new Set([
  "waiting",
  "lesson",
  "chat",
  "video",
  "virtual",
  "breakout",
  "class",
])
/** "in room B", "at room 4": where the thing is, not the thing ("the RIP in room B is stuck"). */
const roomAsPlace = (tokens: Tokens, k: number): boolean =>
  (at(tokens, k - 1) === "in" || at(tokens, k - 1) === "at") &&
  /^(?:[a-z]|\d+[a-z]?)$/.test(at(tokens, k + 1))
/**
 * Is token `k` something that is no system (the office, a coffee machine), not "the back office"?
 * A room that is a place stands for the thing in it: "the coffee machine in room B" is a joke's
 * thing, "the RIP in room B" a system.
 */
const noSystemAt = (tokens: Tokens, k: number): boolean => {
  const t = at(tokens, k)
  if (t === "room" && roomAsPlace(tokens, k))
    return at(tokens, k - 2) !== "room" && (noSystemAt(tokens, k - 2) || noSystemAt(tokens, k - 3))
  return (
    notSystems.has(t) &&
    !(t === "office" && backOrFrontOffice.has(at(tokens, k - 1))) &&
    !(t === "room" && appRooms.has(at(tokens, k - 1)))
  )
}

/** Words between a thing and a state it is said to have ("my patience has a 504 gateway timeout"). */
const havingFillers: ReadonlySet<string> = new Set(
  "a an the has have had having got gets is are major minor big huge massive total complete serious real full partial throwing returning giving serving spitting in at high low zero worse bigger longer".split(
    " ",
  ),
)

/** Words that put a day or a place after the thing that failed ("the sync on monday failed"). */
const attachers: ReadonlySet<string> = new Set("on since from until by at during over".split(" "))

/** Words that point back to the last clause's thing ("…next sprint, it's dead weight"). */
const referring: ReadonlySet<string> = new Set(["it", "this", "that", "they", "these", "those"])

/** Jobs a system runs, whatever thing names them ("printer export", "calendar sync", "wiki backup"). */
// ("kids app crashes", "meeting app hangs": an app, a site or a portal for a thing is a system.)
const jobNouns: ReadonlySet<string> = new Set(
  "export exports import imports sync syncs job jobs upload uploads feed feeds integration integrations backup backups pipeline batch webhook webhooks api spool queue app apps site portal".split(
    " ",
  ),
)

/** "my patience has a 504": a state something that is no system has. */
const hadByNoSystem = (tokens: Tokens, start: number, j: number): boolean => {
  for (let k = j - 1; k >= start && j - k <= 5; k -= 1) {
    const t = at(tokens, k)
    if (!(havingFillers.has(t) || isFailureState(t) || HTTP_ERROR.test(t) || /^\d/.test(t)))
      return (
        !attachers.has(at(tokens, k - 1)) &&
        // The word before a thing that opens its clause ends the last clause ("happy monday!
        // payments are failing"); before "it" or an adverb ("…on monday, it expires", "…zero
        // coffee, basically degraded") it is what the clause is about.
        (noSystemAt(tokens, k) ||
          ((k !== start || referring.has(at(tokens, k)) || adverbs.has(at(tokens, k))) &&
            !jobNouns.has(at(tokens, k)) &&
            noSystemAt(tokens, k - 1)))
      )
  }
  return false
}

const culprits: ReadonlySet<string> = new Set(["who", "someone", "somebody"])
const objectFillers: ReadonlySet<string> = new Set(["the", "my", "our", "a", "an", "this", "that"])
/** "who broke the coffee machine": what the culprit broke is no system. */
const brokeNoSystem = (tokens: Tokens, subject: number, j: number): boolean => {
  if (!culprits.has(at(tokens, subject)) || subject !== j - 1) return false
  const k = objectFillers.has(at(tokens, j + 1)) ? j + 2 : j + 1
  return noSystemAt(tokens, k)
}

/** Is the state at `j` about something that is no system ("my brain is in CrashLoopBackOff", "I'm at 100%")? */
export const aboutNoSystem = (tokens: Tokens, start: number, j: number): boolean => {
  const { subject } = chainBefore(tokens, start, j)
  // "the last sync on monday failed": monday is when, the sync is what failed.
  const when = attachers.has(at(tokens, subject - 1))
  return (
    (subject >= start && brokeNoSystem(tokens, subject, j)) ||
    // The word before the subject only inside the clause ("the coffee machine"): across a
    // clause's start it is the end of a greeting ("happy monday! payments are failing").
    (subject >= start &&
      !when &&
      (noSystemAt(tokens, subject) ||
        // ("wristband printer export failed", "calendar sync failed": a job the thing qualifies is a system's.)
        (subject - 1 >= start && noSystemAt(tokens, subject - 1) && !jobNouns.has(at(tokens, subject))))) ||
    saidOfOneself(tokens, start, j) ||
    hadByNoSystem(tokens, start, j)
  )
}

/** Can token `k` be the subject of a report (a thing, not "the", "I" or "you")? */
export const isSubject = (tokens: Tokens, start: number, k: number): boolean => {
  const s = at(tokens, k)
  return k >= start && s !== urlToken && !functionWords.has(s) && !personalSubjects.has(s)
}
