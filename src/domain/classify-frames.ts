/**
 * Frames that make a message about something other than a live problem, whatever incident
 * words it holds: work announced in advance ("load test starts now, expect 5xx"), a question or
 * request that is not about a failure ("where's the runbook for X?", "can you summarize last
 * week's incidents?"), an incident in the past ("what was the root cause of monday's outage?"),
 * an incident review ("retro notes: …") and alerting's own design ("should we raise the
 * threshold?"); and the tokens of a supposition ("if checkout ever returns 502s…"), which are no
 * evidence. Each frame stands down when the message also puts a problem in the present ("still",
 * "now", "but … isn't coming back"), so a hedged report is never gated. Pure, on the canonical
 * tokens of classify-text.ts. Measured with blind corpora (docs/decisions.md).
 */
import { alertEvidence } from "./classify-alert-signals.js"
import type { Evidence } from "./classify-grammar.js"
import {
  activeMarkers,
  fineStates,
  functionWords,
  healthyStates,
  incidentWords,
  linkingWords,
  metrics,
  monthNames,
  presentWords,
  problemPredicates,
  reviewWords,
  severityWords,
  weekdayNames,
  words,
} from "./classify-lexicon.js"
import { liveProblemBeside } from "./classify-live-beside.js"
import { readingReports } from "./classify-readings.js"
import type { Message } from "./classify-text.js"

/** Words that contrast a plan with what happened, or end it: "the window ended but …". */
const contrastWords = words("but however though although unexpected unexpectedly unplanned ended finished")
/** "the window is over" ends a plan; "fail over to the replica" is part of one. */
const isContrast = (tokens: ReadonlyArray<string>, k: number): boolean =>
  contrastWords.has(tokens[k] ?? "") ||
  (tokens[k] === "over" && ["is", "was", "are", "were"].includes(tokens[k - 1] ?? ""))

/** Work done on purpose, announced: its failures are expected. */
const planWords = words(`
  maintenance wartung wartungsfenster mantenimiento load_test loadtest game_day chaos drill pentest fuzzing
  planned intentionally deliberately on_purpose simulating simulate simulation`)

/** "maintenance" names work only as itself ("maintenance window", "RDS maintenance tonight"), not
 * as a kind of thing ("creating a maintenance request", "maintenance texts bouncing"). */
const upkeepWords = words("maintenance wartung mantenimiento manutenção")
const upkeepFollowers = words(`
  window windows mode tonight today tomorrow at from on between is will starts start starting started
  scheduled planned for in this next until till period work works ends ended complete done over of
  en em sur an am auf im de do da del della dans`)
/**
 * "grafana upgrade tonight 22:00, dashboards unavailable for ~10 min": a change named with the
 * night or day it is set for is announced work too ("the upgrade tonight broke …" fails it).
 */
const scheduledChanges = words("upgrade migration cutover switchover patching reboot")
const setFor = words("tonight tomorrow tmrw")
const planWordAt = (tokens: ReadonlyArray<string>, k: number, clauseEnds: ReadonlySet<number>): boolean => {
  const t = tokens[k] ?? ""
  if (scheduledChanges.has(t) && setFor.has(tokens[k + 1] ?? "")) return true
  if (!planWords.has(t)) return false
  return !upkeepWords.has(t) || clauseEnds.has(k) || upkeepFollowers.has(tokens[k + 1] ?? "")
}

/** What announced work is expected to set off ("expect 5xx", "alerts may fire"). */
const setOff = words("fire page trigger flap alert blip fail spam throw emit")
const mayWords = words("may might will could")
/** Work whose checks may fail while it runs ("health checks will fail during the deploy"). */
const workWords = words(`
  deploy deploying deployment rollout upgrade upgrading migration migrating restart restarting reboot
  rebooting cutover switchover failover patching release releasing`)
/** The planned work itself failed ("restore drill failed: WAL segment … missing"). */
const workFailed = words("failed fails failing errored aborted broke crashed")
/** Where a failed job leaves a site ("left in maintenance mode", "stuck in maintenance mode"). */
const leftIn = words("left stuck hung remains remained")
const foreseen = words("see notice observe get")
const expectWords = words("expect expecting expected")
const briefWords = words("a short brief small quick tiny minor")
const bareCount = /^\d[\d.,]*k?$/
const comparisons = words("above below than over under beyond higher lower more less")

const anchorWords = words("since after once")
const whWords = words("what when where which who how")

const inPresent = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some((t) => presentWords.has(t) || activeMarkers.has(t))

/**
 * The tokens of the clauses not addressed to the bot: "do you still have the timeline?" puts
 * the bot's memory in the present, not a problem.
 */
const botHas = words("have has keep kept store stored remember save saved")

/** Per token: inside a clause asking the bot for what it has ("do you still have the timeline?"). */
const toTheBot = (message: Message): ReadonlyArray<boolean> => {
  const marks = message.tokens.map(() => false)
  for (const c of message.clauses) {
    const clause = message.tokens.slice(c.start, Math.min(c.end, c.start + 40))
    const asks = clause.some((t, k) => t === "you" && clause.slice(k + 1, k + 3).some((w) => botHas.has(w)))
    if (asks) for (let i = c.start; i < c.end; i++) marks[i] = true
  }
  return marks
}
const aboutSystems = (message: Message): ReadonlyArray<string> => {
  const marks = toTheBot(message)
  return message.tokens.filter((_t, i) => marks[i] !== true)
}

const isProblemToken = (t: string): boolean => problemVocabulary(t) || problemPredicates.has(t)
const problemVocabulary = (t: string): boolean =>
  incidentWords.has(t) || severityWords.has(t) || metrics.has(t) || /^(?:[45]\d\ds?|[45]xx)$/.test(t)

/** "resolves to 10.20.4.11 (expected public VIP)": a measured value's norm in parentheses, no forecast. */
const parenthesisedExpected =
  /\b(?:resolves?|resolved|returns?|returned|points?|reads?|shows?|reports?|got|is|are|was|were)\b[^!?\n()]{1,100}\(expected:? (?!~?\d+ ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b)[^)\n]{1,40}\)/
const expectedThreshold =
  /\(expected:? ?(?:<=?|>=?|≤|≥|under|below|within|less than|at most|at least|every) ?~?\d[^)\n]{0,30}\)/
/** "expect 5xx", "expect ~60s of failover", "alerts may fire", "it is expected". */
const expectsTrouble = (message: Message): boolean =>
  // `expect(page).toHaveURL(…)` is a failed test's assertion, not a forecast.
  !message.text.includes("expect(") &&
  message.tokens.some((t, i, tokens) => {
    if (expectWords.has(t)) {
      if (tokens[i - 1] === "not" || tokens[i - 2] === "not") return false
      // "$4,812 above expected spend": a comparison, not a forecast.
      if (comparisons.has(tokens[i - 1] ?? "")) return false
      // "0 applicants synced in the last 60m (expected ~400)": a measured count beside the norm
      // it falls short of ("downtime expected 5m" forecasts, its figure has a unit).
      // ("resolves to 10.20.4.11 (expected public VIP)": any value beside the one expected.)
      if (t === "expected" && parenthesisedExpected.test(message.text.slice(0, 2000))) return false
      // "last ping received 11m ago (expected < 1m)": a threshold beside a value that breaks it,
      // a heartbeat gone stale, not a forecast.
      if (t === "expected" && expectedThreshold.test(message.text.slice(0, 2000))) return false
      if (
        t === "expected" &&
        bareCount.test(tokens[i + 1] ?? "") &&
        tokens.slice(0, i).some((w) => bareCount.test(w))
      )
        return false
      const next = tokens.slice(i + 1, i + 9)
      // "… a burst of 5xx and a crashloop or two. All expected, nothing to chase"
      return (
        next.length === 0 ||
        tokens[i - 1] === "is" ||
        ((tokens[i - 1] === "all" || tokens[i - 1] === "totally") &&
          tokens.slice(0, i).some(problemVocabulary)) ||
        // ("expect a short blip": the blip the work will cause; "failing since 10:00, expect more
        // blips" foretells from a present failure.)
        next.some((w, k) => problemVocabulary(w) || (w === "blip" && briefWords.has(next[k - 1] ?? "")))
      )
    }
    if (!mayWords.has(t)) return false
    // "alerts may fire"; "there may be a short blip", "you might see some 5xx" — not "X might be
    // broken" (a hedged report) nor "won't load" (a negated state).
    // ("rate limit reached, checkouts will fail until 00:00": a failure foretold with no work
    // announced is what a present problem will do — a warning, not a plan.)
    if (tokens[i + 1] === "fail" && tokens[i + 2] !== "over" && !tokens.some((w) => workWords.has(w)))
      return false
    if (setOff.has(tokens[i + 1] ?? "")) return true
    const forecast =
      t !== "will" &&
      ((tokens[i - 1] === "there" && tokens[i + 1] === "be") || foreseen.has(tokens[i + 1] ?? ""))
    return (
      forecast &&
      tokens.slice(i + 2, i + 6).some((w) => w === "blip" || w === "blips" || problemVocabulary(w))
    )
  })

/**
 * Work announced in advance (a maintenance window, a load test, a game day, an upgrade whose
 * failover is expected): chatter, unless the message also says the plan is over or something
 * is wrong now, or the plan is only when a problem started ("since the maintenance …").
 */
/** A test's assertion that failed: "expected 200, got 500", "expected 3 rows but got 0". */
const assertionFailed =
  /\bexpected:? ['"]?\w{1,20}['"]?,? (?:but )?(?:got|received|was|returned|saw):? ['"]?\w{1,20}/

export const announcedWork = (
  message: Message,
  /** `conditionalTokens(message)`, which the caller has already read. */
  supposed: ReadonlyArray<boolean>,
): string | null => {
  const { tokens } = message
  // "is it expected that both nodes say they're the leader?" asks whether a state is wrong.
  if (message.clauses.some((c) => c.question && tokens.slice(c.start, c.end).some((t) => expectWords.has(t))))
    return null
  // "post-deploy-smoke failed on main … expected 200, got 500": a check's assertion failed after
  // the work, which is the news.
  if (message.text.includes("expected") && assertionFailed.test(message.text.slice(0, 2000))) return null
  const ends = new Set(message.clauses.map((c) => c.end - 1))
  const isPlan = (k: number) => planWordAt(tokens, k, ends)
  const planAt = tokens.findIndex((_t, k) => isPlan(k))
  // "we don't have maintenance today, do we?" doubts a plan; it does not announce one.
  const last = message.clauses[message.clauses.length - 1]
  // "…, don't we?", "…, is it?" — not "wdyt?", which asks for views of the plan.
  const tagQuestion =
    last?.question === true && last.end - last.start <= 3 && tagOpeners.has(tokens[last.start] ?? "")
  // "what time is the game day on thursday?" asks about the plan, which stands.
  const doubted = tokens.some(
    (_t, k) =>
      isPlan(k) &&
      (tokens.slice(Math.max(0, k - 3), k).some((b) => b === "not" || b === "no") ||
        message.clauses.some(
          (c) => c.question && k >= c.start && k < c.end && !whWords.has(tokens[c.start] ?? ""),
        )),
  )
  if (doubted || (planAt >= 0 && tagQuestion)) return null
  // "PITR restore drill failed: WAL segment missing", "the load test failed to start": the work
  // went wrong, which is the news ("the drill failed over the db" is the drill's own step).
  if (
    tokens.some(
      (_t, k) =>
        isPlan(k) && [1, 2].some((d) => workFailed.has(tokens[k + d] ?? "") && tokens[k + d + 1] !== "over"),
    )
  )
    return null
  // "core auto-update FAILED on x — site left in maintenance mode": the mode is where a failed
  // job left the site, not a window anyone opened.
  if (
    tokens.some(
      (t, k) =>
        upkeepWords.has(t) &&
        tokens[k + 1] === "mode" &&
        tokens.slice(Math.max(0, k - 3), k).some((w) => leftIn.has(w)),
    )
  )
    return null
  const planned = planAt >= 0
  if (!planned && !expectsTrouble(message)) return null
  // "disk on backup-01 at 99%, next backup will fail": a forecast from a reading is a warning.
  if (!planned && tokens.some((t) => /^\d+(?:[.,]\d+)?%$/.test(t))) return null
  // "liquidations are not firing … maintenance margin": something not working is no plan.
  if (
    tokens.some(
      (t, k) =>
        (healthyStates.has(t) || t === "firing") && (tokens[k - 1] === "not" || tokens[k - 2] === "not"),
    )
  )
    return null
  // "… unless they're still firing after 15:15" supposes, it does not report.
  if (tokens.some((t, k) => !supposed[k] && (isContrast(tokens, k) || activeMarkers.has(t)))) return null
  // The tokenizer drops "but" as filler: "the load test is later, but right now latency is spiking".
  if (/\b(?:but|however|though|although)\b/.test(message.text)) return null
  if (planAt >= 0 && tokens.slice(0, planAt).some((t) => anchorWords.has(t))) return null
  // "maintenance on the db tonight at 10, and checkout is already timing out": the announcement
  // covers only what it announces, not a failure live beside it.
  if (liveProblemBeside(message, supposed, isPlan)) return null
  return "announced work (expected, not a failure)"
}

/**
 * A failure live now beside a maintenance window a person announced in a tool's words
 * ("scheduled maintenance tonight at 11, meanwhile the picking app is timing out"): the window
 * does not cover it (classify-live-beside.ts).
 */
export const liveBesideWindow = (message: Message): boolean => {
  const ends = new Set(message.clauses.map((c) => c.end - 1))
  return liveProblemBeside(message, conditionalTokens(message), (k) => planWordAt(message.tokens, k, ends))
}

// Questions and requests about something other than a failure, read at the message's start.
const howTo: ReadonlyArray<ReadonlyArray<string>> = [
  ["how", "do", "i"],
  ["how", "do", "we"],
  ["how", "can", "i"],
  ["how", "can", "we"],
  ["how", "should", "i"],
  ["how", "should", "we"],
  ["how", "to"],
  ["where", "do", "i"],
  ["where", "do", "we"],
  ["where", "can", "i"],
  ["where", "is", "the"],
  ["where", "are", "the"],

  ["is", "there", "a", "way"],
  ["is", "there", "a", "runbook"],
  ["is", "this", "channel"],
  ["is", "this", "the", "right"],
]
/** "what's the kubectl command to…", "what's the escalation policy…": asking for a fact of the process. */
const howToNouns = words(`
  command commands syntax difference link url policy process procedure flag option options query runbook
  datasource panel metric metrics label labels
  runbooks doc docs documentation escalation rotation schedule dashboard channel repo way best`)
/** "who wrote this rule?", "who handled the kafka outage?": asking for a person. */
const whoVerbs = words(
  "wrote writes maintains maintain owns own runs run built build handled handles approved manages made set configured added is",
)

const howToQuestion = (tokens: ReadonlyArray<string>, i: number, end: number): boolean =>
  (tokens[i] === "what" &&
    tokens[i + 1] === "is" &&
    tokens.slice(i + 2, Math.min(end, i + 6)).some((t) => howToNouns.has(t))) ||
  (tokens[i] === "what" && tokens[i + 1] === "does" && tokens.slice(i + 2, end).includes("mean")) ||
  (tokens[i] === "who" && whoVerbs.has(tokens[i + 1] ?? "") && tokens[i + 2] !== "down") ||
  (tokens[i] === "which" && tokens.slice(i + 1, Math.min(end, i + 4)).some((t) => howToNouns.has(t)))

const admin: ReadonlyArray<ReadonlyArray<string>> = [
  ["can", "i", "mute"],
  ["can", "i", "get"],
  ["can", "i", "have"],
  ["can", "we", "move"],
  ["can", "we", "swap"],
  ["can", "we", "reschedule"],
  ["please", "add", "me"],
  ["add", "me"],
  ["can", "you", "add", "me"],
  ["i", "am", "swapping"],
  ["i", "am", "out"],
  ["i", "am", "ooo"],
  ["ping", "me"],
  ["dm", "me"],
  ["i", "am", "off"],
]
// Asking for an artifact, or to change how the bot or alerting behaves — not to investigate.
const artifactVerbs = words(`
  remind summarize summarise generate write draft compile turn prepare list export schedule translate
  add mute unmute silence snooze stop swap reschedule cover move archive rename`)
const askOpeners = words("can could would please")
const botCapability = words(
  "read see look watch access support handle know remember learn use cost work update post reply respond answer pick choose decide keep store close receive",
)

const startsWith = (tokens: ReadonlyArray<string>, from: number, phrase: ReadonlyArray<string>): boolean =>
  phrase.every((w, k) => tokens[from + k] === w)

/** Skips "fyi", "quick question", "hey", "btw" and similar lead-ins. */
const leadIns = words("fyi btw quick question q hey hi hello yo ok so also and random dumb silly")

export const artifactRequest = "a request for something other than an investigation"
const objectStarts = words(
  "the a an this that these those my our me us it all some last yesterday today for request",
)

/** "wie kann ich einen Alert stummschalten?", "¿cómo puedo…?": how-to questions in other languages. */
// ("¿cómo añado un nuevo monitor…?": the opening mark and a verb of adding or setting up.)
const foreignHowTo =
  /^\s*(?:wie (?:kann|können|mache) (?:ich|wir|man)|¿?\s?c[oó]mo (?:puedo|podemos|se|añado|agrego|creo|configuro|activo|desactivo|silencio|cambio)|como (?:posso|podemos|faço)|comment (?:puis-je|peut-on|faire))\b/

/** The first clause's frame when it is a question or request not about a failure, else null. */
export const nonIncidentAsk = (message: Message): string | null => {
  const { tokens } = message
  const first = message.clauses[0]
  if (first === undefined) return null
  let i = first.start
  while (i < first.end && leadIns.has(tokens[i] ?? "")) i += 1
  // A lead-in clause of its own ("quick question:") hands over to the next one.
  const clause = i === first.end ? message.clauses[1] : first
  if (clause === undefined) return null
  if (i === first.end) i = clause.start
  if (howTo.some((p) => startsWith(tokens, i, p)) || howToQuestion(tokens, i, clause.end))
    return "a how-to question"
  if (clause.question && foreignHowTo.test(message.text.replace(/<@[^>]*>/g, ""))) return "a how-to question"
  if (admin.some((p) => startsWith(tokens, i, p))) return "an admin request"
  // "can you summarize …", "please draft …": asking for an artifact, not an investigation.
  const verbAt = askOpeners.has(tokens[i] ?? "")
    ? tokens[i + 1] === "you" || tokens[i + 1] === "someone"
      ? i + 2
      : i + 1
    : i
  // "could you help me write a query…": the artifact is what is asked for.
  const helped = tokens[verbAt] === "help" && (tokens[verbAt + 1] === "me" || tokens[verbAt + 1] === "us")
  // An imperative without an opener names its object ("archive the old channel"); "archive
  // search returns 0 results" is a system named by the same word.
  const verb = helped ? verbAt + 2 : verbAt
  const imperativeOnly = verb === i && !objectStarts.has(tokens[verb + 1] ?? "")
  if (artifactVerbs.has(tokens[verb] ?? "") && !imperativeOnly) return artifactRequest
  // "do you only look at prod…", "how much does one investigation cost": about the bot itself.
  const aboutBot =
    (["do", "does", "will", "would"].includes(tokens[i] ?? "") &&
      tokens[i + 1] === "you" &&
      tokens.slice(i + 2, i + 5).some((t) => botCapability.has(t))) ||
    startsWith(tokens, i, ["how", "do", "i", "get", "you"]) ||
    (tokens[i] === "which" && tokens.slice(i + 1, clause.end).includes("you")) ||
    (tokens[i] === "how" &&
      (tokens[i + 1] === "much" || tokens[i + 1] === "many") &&
      tokens.slice(i, clause.end).some((t) => t === "cost" || t === "costs" || t === "tokens"))
  if (aboutBot) return "a question about the bot"
  // "when a monitor recovers, do you update your report…?", "what data sources do you look at?"
  const asksBot = message.clauses.some(
    (c) =>
      c.question &&
      tokens
        .slice(c.start, c.end)
        .some(
          (t, k) =>
            (t === "do" || t === "does" || t === "will" || t === "would") &&
            tokens[c.start + k + 1] === "you" &&
            tokens.slice(c.start + k + 2, c.start + k + 5).some((v) => botCapability.has(v)),
        ),
  )
  return asksBot ? "a question about the bot" : null
}

const guideNouns = words(
  "runbook runbooks playbook playbooks guide docs doc documentation checklist sop wiki",
)
const generally = words("general generally usually typically normally")
// ("…actually measures? trying to learn the metrics": why it is asked)
const purposeWords = words("writing asking documenting preparing updating trying learning studying")
const seenWords = words("saw seen noticed spotted found read new")
/** The message ends with its question ("…to the new intern? 🙂"): emoji and shortcodes after it do not count. */
const endsAsked = /\?(?:\s|\p{Extended_Pictographic}|\uFE0F|\u200D|:[a-z0-9_+-]{1,40}:)*$/u
/** Words that point at something at hand: "what does this error mean?" asks about a live one. */
const deictic = words("this these that those it its here")

/**
 * A question of general knowledge about failures, not a report of one: what a term means ("what
 * does SEV2 mean in our process?"), how two differ ("what's the difference between a 502 and a
 * 504?"), how one would go about one in general ("how would you debug a crashloop in
 * general?"), whether a guide exists ("do you have a runbook for redis failover?"). Only a short
 * message that is all questions, with nothing pointed at ("this error") or put in the present.
 */
export const aGeneralQuestion = (message: Message): string | null => {
  const { tokens, clauses } = message
  if (tokens.length === 0 || tokens.length > 24 || clauses.length > 2) return null
  // It ends with its question, or with where the term was seen ("…mean? saw it in the runbook list").
  const last = clauses[clauses.length - 1]
  // (or why it is asked: "…in general? writing onboarding docs")
  const whereSeen =
    last !== undefined &&
    !last.question &&
    (seenWords.has(tokens[last.start] ?? "") || purposeWords.has(tokens[last.start] ?? ""))
  if (!clauses.some((c) => c.question) || !(endsAsked.test(message.text.trim()) || whereSeen)) return null
  // "…again?" closing the question is "remind me", not a recurrence.
  const said = tokens.filter((t, k) => !(t === "again" && k === tokens.length - 1))
  if (inPresent(said) || said.some((t) => t === "since" || t === "still")) return null
  // "what does this error mean?" points at one at hand; "…? saw it in the runbook list" does not.
  if (clauses.some((c) => c.question && tokens.slice(c.start, c.end).some((t) => deictic.has(t)))) return null
  const at = (k: number, ...ws: ReadonlyArray<string>) => ws.every((w, j) => tokens[k + j] === w)
  const form = tokens.some(
    (t, k) =>
      (t === "what" &&
        (at(k + 1, "does") || at(k + 1, "do")) &&
        tokens.slice(k + 2, k + 8).includes("mean")) ||
      (t === "difference" && tokens[k + 1] === "between") ||
      // "what is a circuit breaker?", "what's a good threshold for…": a thing in general (an
      // article), not "what is wrong" nor "what is this error".
      (t === "what" &&
        (tokens[k + 1] === "is" || tokens[k + 1] === "s") &&
        (tokens[k + 2] === "a" || tokens[k + 2] === "an")) ||
      // "can you explain what p99 latency means?", "explain like I'm five: …"
      (t === "explain" &&
        tokens.slice(k + 1, k + 4).some((w) => w === "what" || w === "like" || w === "how")) ||
      (t === "how" &&
        (at(k + 1, "would", "you") || at(k + 1, "do", "you") || at(k + 1, "should", "we")) &&
        tokens.some((g) => generally.has(g))) ||
      (guideNouns.has(t) &&
        tokens[k + 1] === "for" &&
        tokens
          .slice(Math.max(0, k - 4), k)
          .some((w) => w === "have" || w === "there" || w === "any" || w === "where")),
  )
  return form ? "a general question, not a report" : null
}

const processOpeners = words("who what which how do does should shall")
const ourselves = words("we i our us")
/** "who do we page?", "should we fail over?": a question about what to do. */
const asksWhatWeDo = (tokens: ReadonlyArray<string>, q: { start: number; end: number }): boolean =>
  processOpeners.has(tokens[q.start] ?? "") &&
  tokens.slice(q.start + 1, Math.min(q.end, q.start + 4)).some((w) => ourselves.has(w))

/** Words that open a supposed, not an observed, state. */
const conditionals = words(
  "if whenever unless suppose supposing hypothetically imagine next_time in_case gdyby jeśli jeżeli eğer если якщо jos",
)

/**
 * Tokens inside a supposition: after "if", "whenever", "hypothetically"… in the same clause, or
 * in the clause after a lone "hypothetically,". Evidence there is a problem imagined.
 */
const spareTime = words("moment minute min sec second chance time mo")
/**
 * "if you have a moment, could you check…", "if you get a chance", "if you don't mind": a
 * courtesy around the ask, not a case supposed.
 */
const courtesy = (tokens: ReadonlyArray<string>, k: number): boolean =>
  tokens[k] === "if" &&
  ((tokens[k + 1] === "you" && tokens.slice(k + 2, k + 6).some((t) => spareTime.has(t))) ||
    (tokens[k + 1] === "you" && tokens[k + 3] === "mind") ||
    tokens[k + 1] === "possible")

/**
 * "(would've been more if the merchant API hadn't been rejecting bookings since Tuesday)": an
 * "if" denied in the past perfect states what did happen — no supposition.
 */
const counterfactual = (tokens: ReadonlyArray<string>, k: number): boolean => {
  if (tokens[k] !== "if") return false
  for (let j = k + 1; j < Math.min(tokens.length - 1, k + 6); j += 1)
    if (tokens[j] === "had" && tokens[j + 1] === "not") return true
  return false
}

export const conditionalTokens = (message: Message): ReadonlyArray<boolean> => {
  const { tokens } = message
  const marks = tokens.map(() => false)
  let carry = false
  // From the end: does a later clause ask what we do? (Once, not per clause: a pasted log can
  // be thousands of clauses.)
  const asked = message.clauses.some((q) => q.question)
  const laterAsks = message.clauses.map(() => false)
  for (let n = message.clauses.length - 2; n >= 0; n -= 1) {
    const q = message.clauses[n + 1]
    laterAsks[n] = laterAsks[n + 1] === true || (q !== undefined && asksWhatWeDo(tokens, q))
  }
  for (const [n, c] of message.clauses.entries()) {
    // "when the feed goes stale, who do we page?": a case asked about, not seen ("when users
    // log in they get 500s, is this known?" asks about what is seen).
    let on = carry || (tokens[c.start] === "when" && !c.question && asked && laterAsks[n] === true)
    for (let k = c.start; k < c.end; k += 1) {
      // "not sure if payments are broken" is a hedged report, not a supposition.
      // "not sure if payments are broken" hedges a report; "let me know if anything is missing" supposes.
      const letKnow = tokens[k - 1] === "know" && tokens[k - 2] === "me"
      if (
        conditionals.has(tokens[k] ?? "") &&
        (!hedges.has(tokens[k - 1] ?? "") || letKnow) &&
        !courtesy(tokens, k) &&
        !counterfactual(tokens, k)
      )
        on = true
      marks[k] = on
    }
    // "if the cluster loses a broker, does the consumer fail over?": the question is about the supposition.
    const next = message.clauses[n + 1]
    carry =
      (c.end - c.start === 1 && tokens[c.start] === "hypothetically") ||
      (next?.question === true &&
        tokens
          .slice(c.start, c.start + 2)
          .some((t, j) => conditionals.has(t) && !courtesy(tokens, c.start + j)) &&
        !c.question)
  }
  return marks
}
const suppositionOpeners = words(
  "hypothetically hypothetical suppose supposing imagine theoretically gdyby załóżmy гипотетически гіпотетично giả_sử",
)
/**
 * "hypothetically, if SAP went down during a bill-run, what would we do?": the whole message a
 * supposition, even where its problem words read as no evidence at all.
 */
export const opensWithSupposition = (message: Message): boolean => {
  const [first, second, third] = message.tokens
  // ("what would happen if …", "what happens if …": a supposition asked about)
  return (
    suppositionOpeners.has(first ?? "") ||
    // "co by się stało gdyby …" (Polish), "ถ้าระบบล่ม…" (Thai, "if"), "tänk om …", "entä jos …".
    (first === "co" && second === "by") ||
    (first ?? "").startsWith("ถ้า") ||
    (first === "tänk" && second === "om") ||
    (first === "entä" && second === "jos") ||
    (first === "what" &&
      (second === "if" || second === "happens" || (second === "would" && third === "happen")))
  )
}
const hedges = words("sure know wondering wonder check checking see unclear idea")
const tagOpeners = words("do does did is are was were will have has can could should not")

/** Verbs that change alerting, and what they change. */
const designVerbs = words(`
  raise raising lower lowering bump bumping tune tuning tweak tweaking change changing add adding create
  creating write writing split splitting turned muted silenced keep keeping cleaned removed merge merging combine combining consolidate move moves moving set setting adjust adjusting increase increasing
  decrease decreasing drop dropping rename renaming delete deleting disable disabling enable enabling
  silence silenced silencing mute muted muting snooze snoozed replace replaced replacing remove removed
  removing deprecate deprecated retire retired need bumped raised lowered tuned adjusted changed make
  reduce reducing`)
const designObjects = words(`
  alert alerts alerting rule rules threshold thresholds routing receiver receivers silence silences
  inhibition escalation severity expr noise noisy synthetic synthetics monitor monitors probe probes`)
/** What is said of an alert that goes off too often ("too sensitive", "noisy", "alert fatigue"). */
const noiseWords = words("noisy sensitive chatty spammy flappy fatigue")
const liveAlerting = words("firing paging alerting triggered down failing broken outage erroring")

const deliveryVerbs = words(
  "arriving arrive arrived received receiving delivered delivering coming getting get",
)
const notSaid = words("not never no stopped")
/**
 * "crew app push notifications not arriving, crew are missing roster change alerts": messages
 * people do not receive, a delivery failing now, not our alerting talked about ("when they are
 * not arriving" supposes it).
 */
const notDelivered = (tokens: ReadonlyArray<string>, supposed: ReadonlyArray<boolean>): boolean =>
  tokens.some(
    (t, k) =>
      supposed[k] !== true &&
      ((deliveryVerbs.has(t) && notSaid.has(tokens[k - 1] ?? "")) ||
        (t === "missing" && tokens.slice(k + 1, k + 5).some((w) => w === "alerts" || w === "notifications"))),
  )

/**
 * Changing alerting itself ("should we raise the HighErrorRate threshold?", "we should add an
 * alert for the DLQ", "lgtm on the PR that moves the CPU alert threshold"): chatter, unless
 * something is firing or failing now.
 */
export const alertingDesign = (
  message: Message,
  /** `conditionalTokens(message)`: "should fire only if it's down 5 min" supposes the "down". */
  supposed: ReadonlyArray<boolean> = [],
): string | null => {
  const { tokens } = message
  // "should we page on a single 5xx?", "alert on queue depth": what to alert on.
  const designs = tokens.some(
    (t, i) =>
      (designVerbs.has(t) && tokens.slice(i + 1, i + 8).some((o) => designObjects.has(o))) ||
      ((t === "page" || t === "alert") &&
        (tokens[i + 1] === "on" || (tokens[i + 1] === "only" && tokens[i + 2] === "on")) &&
        ["to", "we", "should", "do", "you", "proposal", "idea", "suggestion"].includes(
          tokens[i - 1] ?? "",
        )) ||
      // "the DLQ depth alert is too sensitive", "the disk alert is noisy", "alert fatigue is real".
      (designObjects.has(t) &&
        t !== "noise" &&
        t !== "noisy" &&
        tokens.slice(i + 1, i + 9).some((w) => noiseWords.has(w))) ||
      // "should the gate latency threshold be 2s or 3s?"
      ((t === "threshold" || t === "thresholds") &&
        tokens[i + 1] === "be" &&
        message.clauses.some((c) => c.question && i >= c.start && i < c.end)) ||
      // "should the subscriptions latency alert be p95 or p99?": which of two settings, asked.
      ((t === "alert" || t === "alarm" || t === "monitor" || t === "slo") &&
        tokens[i + 1] === "be" &&
        tokens.slice(i + 3, i + 6).includes("or") &&
        message.clauses.some((c) => c.question && i >= c.start && i < c.end)),
  )
  // "do we still need the X rule?": keeping something, not a problem still there; "keep the 5xx
  // threshold at 2%" keeps a setting, it is no recurrence.
  const said = tokens.filter(
    (t, i) =>
      !(t === "still" && (tokens[i + 1] === "need" || tokens[i + 1] === "use")) && !designVerbs.has(t),
  )
  // "did someone change the alert rules? we have zero metrics since 01:30": a problem since then.
  // "did someone change the WAF rules? android traffic is getting 403": a status code seen.
  if (
    !designs ||
    inPresent(said) ||
    notDelivered(tokens, supposed) ||
    tokens.some(
      (t, k) => (liveAlerting.has(t) && supposed[k] !== true) || t === "since" || /^[45]\d\d$/.test(t),
    )
  )
    return null
  return "talk about alerting rules"
}

/** Words that only name alerting itself: allowed inside a non-incident question or request. */
const metaVocabulary = words(`
  alert alerts alerting alarm alarms incident incidents rule rules paging paged pagerduty issue issues
  problem problems threshold warning warnings critical error errors sev0 sev1 sev2 sev3 sev4 p0 p1 p2 p3 p4
  p5 escalation`)

/** Whether every piece of weak evidence is only vocabulary about alerting ("the TargetDown alert"). */
export const onlyMetaVocabulary = (evidence: ReadonlyArray<Evidence>): boolean =>
  evidence.every((e) => {
    const word = /^(?:incident|severity) word: (.+)$/.exec(e.reason)?.[1]
    return word !== undefined && metaVocabulary.has(word)
  })

const dayNames = new Set([...weekdayNames, ...monthNames, "yesterday"])
/** "in 2019", "the incident from 2024": a year is a past anchor (not after "since"). */
const pastYear = /^(?:19|20)\d\d$/
const oldWords = words("old older previous earlier former")
const ongoingAux = words("getting being keep keeps still")
const presentReports = words("returns returning throws throwing failing erroring crashing timing_out")
/** "at my previous job", "at my old company": a story from somewhere else. */
const formerPlaces = words("job jobs company companies employer team gig workplace role")
const lastWords = words("week month night quarter year sprint weekend time")
const incidentNouns = words(`
  outage outages incident incidents alert alerts alarm alarms paged pager sev0 sev1 sev2 sev3
  postmortem retro rca downtime fire fired spike spikes blip blips mttr mtta mttd inc root_cause issue
  issues p0 p1 p2 p3 p4`)
const pastVerbs = words(`
  was were did had fired lasted took happened caused went died said broke crashed rolled reverted
  flagged mitigated resolved restored recovered spiked peaked paged got flipped changed pushed deployed
  added came shipped cost`)

// "has been at ~0 since": none is fine too.
const fineWords = new Set([...fineStates, "0", "zero"])

/** "…has been at ~0 since", "been fine since then": a good state since the story's end. */
const fineSince = (tokens: ReadonlyArray<string>, i: number): boolean =>
  (tokens[i + 1] === undefined ||
    tokens[i + 1] === "then" ||
    !/^\d|^(?:mon|tue|wed|thu|fri|sat|sun|yesterday|last|this)/.test(tokens[i + 1] ?? "")) &&
  tokens.slice(Math.max(0, i - 4), i).some((t) => fineWords.has(t))

const failedActions = words(
  "fire run trigger start complete finish send sync process produce load work upload deliver export import",
)

/** What is moved back on purpose ("we rolled the limits back", "scaled it back to 3"). */
const movedBack = words(
  "roll rolled rolling revert reverted scale scaled switch switched set put turn turned dial dialed dialled move moved",
)

/**
 * "it's back", "the 502s are back": a recurrence — not "back then" (the past again) nor a thing
 * moved back on purpose ("we rolled the limits back to 2 cores").
 */
const recurrenceAt = (tokens: ReadonlyArray<string>, i: number): boolean =>
  tokens[i] === "back" &&
  tokens[i + 1] !== "then" &&
  !tokens.slice(Math.max(0, i - 3), i).some((t) => movedBack.has(t))

/** Words that make "last week" the baseline a number is compared with. */
const comparing = words("vs versus than over")
const comparedVerbs = words("compared relative")
/**
 * "events up 800% vs last week", "errors 3x compared to last week", "slower than last month": the
 * past day is the baseline of a comparison with now, not the time of the event.
 */
const comparedWith = (tokens: ReadonlyArray<string>, i: number): boolean =>
  comparing.has(tokens[i - 1] ?? "") ||
  ((tokens[i - 1] === "to" || tokens[i - 1] === "with") && comparedVerbs.has(tokens[i - 2] ?? ""))

/**
 * A problem told as past: anchored on a past day ("monday's outage", "last month") with a past
 * verb, nothing in the present, and no "since" (which makes it ongoing).
 */
export const aboutThePast = (message: Message): string | null => {
  const { tokens } = message
  const anchored = tokens.some(
    (t, i) =>
      (dayNames.has(t) && tokens[i - 1] !== "since" && tokens[i - 1] !== "until") ||
      (t === "last" &&
        lastWords.has(tokens[i + 1] ?? "") &&
        tokens[i - 1] !== "since" &&
        !comparedWith(tokens, i)) ||
      (pastYear.test(t) && (tokens[i - 1] === "in" || tokens[i - 1] === "from")) ||
      (oldWords.has(t) &&
        (incidentNouns.has(tokens[i + 1] ?? "") || formerPlaces.has(tokens[i + 1] ?? ""))) ||
      // "the incident on the 12th", "what was the root cause of INC-4471?"
      (t === "the" && tokens[i - 1] === "on" && /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[i + 1] ?? "")) ||
      (t === "inc" && /^\d{2,}$/.test(tokens[i + 1] ?? "")) ||
      // "2 years ago", "months ago"
      (t === "ago" && /^(?:days?|weeks?|months?|years?)$/.test(tokens[i - 1] ?? "")),
  )
  // Only talk about incidents themselves ("monday's outage", "alerts fired last month"): a
  // failure of a system told in the past ("cron jobs didn't run last night") is still a report.
  // A review is always of the past: "the postmortem of last week's outage".
  // "getting paged by brokers": happening now, whatever the verb's form.
  const told =
    tokens.some((t, i) => (pastVerbs.has(t) && !ongoingAux.has(tokens[i - 1] ?? "")) || reviewWords.has(t)) ||
    // "what happened" is read as "what is going on"; in a story it is past.
    /\bwhat happened\b/i.test(message.text.slice(0, 2000))
  // "…the quote API returns wrong premiums": a report in the present beside the story.
  // "the cron didn't fire last night": a failure told in the past is still a report.
  if (tokens.some((t, i) => t === "not" && tokens[i - 1] === "did" && failedActions.has(tokens[i + 1] ?? "")))
    return null
  // "the leak alerts stopped firing, last one was tuesday": a stop that lasts is present too.
  if (tokens.some((t, i) => presentReports.has(t) || (t === "stopped" && /ing$/.test(tokens[i + 1] ?? ""))))
    return null
  if (!anchored || !told || !tokens.some((t) => incidentNouns.has(t))) return null
  // "since tuesday", "broken since" make it ongoing; "lag has been at ~0 since" is fine since then.
  // ("…we added monitoring since": since then, at the end; "it has been broken since" stays ongoing.)
  const sinceThen = (i: number) =>
    i === tokens.length - 1 && !tokens.slice(Math.max(0, i - 4), i).some(isProblemToken)
  if (tokens.some((t, i) => t === "since" && !sinceThen(i) && !fineSince(tokens, i))) return null
  // "again" closing a question is "remind me", not a recurrence.
  const asked = toTheBot(message)
  const live = tokens.filter((t, i) => {
    if (asked[i] === true) return false
    if (t !== "again" && t !== "still") return true
    const c = message.clauses.find((cl) => i >= cl.start && i < cl.end)
    // "is the flag still served to anyone?" asks about a state; "…still down" says one.
    if (t === "still") return !(c?.question === true && !tokens.slice(i + 1, c.end).some(isProblemToken))
    return !(c?.question === true && i === c.end - 1)
  })
  const recurs = live.some((_, i) => recurrenceAt(live, i))
  return inPresent(live) || recurs ? null : "about a past incident"
}

/** Japanese has no spaces: its review words are read in the text ("振り返り", "ポストモーテム"). */
const japaneseReview = /振り返り|ポストモーテム|事後検証|事後レビュー/

/**
 * A message whose first clause is about an incident review ("for the retro: can you pull the
 * timeline…", "postmortem for tuesday's outage is up"): chatter, unless it puts a problem in the
 * present ("postmortem later, checkout is down again now").
 */
export const aboutAReview = (message: Message): string | null => {
  const first = message.clauses[0]
  if (first === undefined) return null
  const { tokens } = message
  // In the opening words, past a short preamble ("not urgent — writing up the postmortem…",
  // "quick q for the postmortem doc: …").
  const opens = tokens
    .slice(first.start, Math.max(Math.min(first.end, first.start + 4), first.start + 7))
    .some((t) => reviewWords.has(t))
  // "the postmortem still needs a reviewer": the review's own state.
  const spoken = aboutSystems(message).filter(
    (t, i, all) => !(t === "still" && /^(?:needs?|waiting|pending|open)$/.test(all[i + 1] ?? "")),
  )
  const reviewed = opens || japaneseReview.test(message.text.slice(0, 200))
  return reviewed &&
    !inPresent(spoken) &&
    !spoken.some((_, i) => recurrenceAt(spoken, i)) &&
    !problemAside(message, first.end)
    ? "about an incident review"
    : null
}

/** Words that turn from the review to something else: "side note", "btw", "just fighting …". */
const asideWords =
  /\b(?:side ?note|btw|by the way|fyi|unrelated|meanwhile|also|ps|just fighting|fighting with|since the)\b/
/**
 * "I'll join the retro in 5 — just fighting the rider app, which logs me out every 30 seconds",
 * "writing up the weekly ops notes; side note, we lost 40 confirmations because the app kept
 * crashing": a problem told in passing beside the review, past its first clause, is a report.
 */
const problemAside = (message: Message, firstEnd: number): boolean =>
  asideWords.test(message.text.slice(0, 2000)) &&
  [...alertEvidence(message), ...readingReports(message)].some((e) => e.strong && e.at >= firstEnd)

const handoverWords = words(
  "handover handoff hand_over handing take taking covering cover swapping swapped swap switching passing übergabe passation traspaso",
)
const handoverObjects = words(
  "over off primary oncall on_call pager shift shifts weekend weekends rota rotation",
)
const pagerSpans = words("from until till tonight today this for starting now")
const workItems = words("ticket tickets story epic task")
const ticketTaking = words("take taking took grab grabbing grabbed own owning pick picking")

/**
 * "only the usual webcam flaps", "just the usual noise from the edge probes": the known noise of a
 * shift named as such. Read only in a handover (a report may start "the usual 502s again").
 */
export const onlyTheUsual = (tokens: ReadonlyArray<string>, j: number): boolean => {
  // ("only the usual STS-04 cycle-time blips": a crane's name and a compound before the noise;
  // "only the usual blips, but the gate OCR is down": another subject after the noise.)
  const window = tokens.slice(Math.max(0, j - 8), j)
  const usual = window.lastIndexOf("usual")
  return (
    usual > 0 &&
    !window.slice(usual + 1).some((w) => functionWords.has(w) || linkingWords.has(w)) &&
    (window[usual - 1] === "the" || window[usual - 1] === "our") &&
    (window.slice(0, usual).includes("only") || window.slice(0, usual).includes("just"))
  )
}

/**
 * A shift handover ("handover to US: quiet night", "taking over primary from kenji, nothing going
 * on"): chatter when it states no problem — the caller passes only messages with no strong
 * evidence and no ask ("handover: thumbnailer still OOMKilled" is an alert).
 */
export const aHandover = (message: Message): string | null => {
  const { tokens } = message
  const head = tokens.slice(0, 8)
  const opens = head.some(
    (t, i) =>
      t === "handover" ||
      t === "handoff" ||
      t === "übergabe" ||
      t === "passation" ||
      // "taking over primary", "covering his on-call".
      (handoverWords.has(t) && head.slice(i + 1, i + 3).some((w) => handoverObjects.has(w))),
  )
  // "I'm on call from now until 9am tomorrow, ping me": who holds the pager, and till when.
  const holdsPager = head.some(
    (t, i) =>
      t === "on_call" &&
      (head[i - 1] === "am" || head[i - 1] === "is" || head[i - 1] === "are") &&
      pagerSpans.has(head[i + 1] ?? ""),
  )
  // "checking in: anything I should know before taking over?"
  const takingOver = tokens
    .slice(0, 12)
    .some(
      (t, i) => (t === "taking" || t === "take") && tokens[i + 1] === "over" && tokens[i - 1] === "before",
    )
  // "going off shift, Jonas has the pager"
  // ("going offline, night shift has it": the next shift holds it.)
  const pagerWith = tokens.some(
    (t, i) =>
      (t === "has" || t === "have") &&
      ((tokens[i + 1] === "the" && tokens[i + 2] === "pager") ||
        (tokens[i - 1] === "shift" && (tokens[i + 1] === "it" || tokens[i + 1] === "the"))),
  )
  if (opens || holdsPager || pagerWith || takingOver || /^\s*引き継ぎ/.test(message.text))
    return "a shift handover"
  // "I'll take the ticket about the noisy printer alerts": work on a ticket taken, not a report.
  // ("I'm taking the snowmaking telemetry migration ticket for next sprint": names between.)
  const takesTicket = tokens.some(
    (t, i) =>
      ticketTaking.has(t) &&
      (tokens[i + 1] === "the" || tokens[i + 1] === "that" || tokens[i + 1] === "this") &&
      tokens.slice(i + 2, i + 7).some((w) => workItems.has(w)),
  )
  return takesTicket ? "a ticket taken" : null
}
