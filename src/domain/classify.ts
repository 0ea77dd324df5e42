/**
 * The alert/chatter gate, tier 1: pure, total and deterministic. Explicit operator intent (a
 * reaction, a command, the word "investigate") always investigates. Otherwise the gate only
 * closes on confident chatter; a real problem statement, however short, is investigated, and
 * anything unclear is left "ambiguous" for the optional model tier (classify-tier2.ts).
 */

import type { Classification, Verdict } from "./classification.js"
import { alertEvidence, dashboardLinks, problemsOfNoSystem } from "./classify-alert-signals.js"
import { chatterSignals } from "./classify-chatter.js"
import { attachedToReport } from "./classify-closures.js"
import {
  bareReaction,
  botSmallTalk,
  checkOnTheBot,
  downFor,
  everydayTalk,
  feedbackToTheBot,
  jokeSetUp,
  quietStreak,
  quiz,
  routingQuestion,
  shorthandTalk,
  smallTalk,
} from "./classify-everyday.js"
import { fixHeld } from "./classify-fix-held.js"
import { foreignReports, japaneseChatter } from "./classify-foreign.js"
import { alertFormats, titledHeartbeat } from "./classify-formats.js"
import {
  aboutAReview,
  aboutThePast,
  aGeneralQuestion,
  aHandover,
  alertingDesign,
  announcedWork,
  artifactRequest,
  conditionalTokens,
  liveBesideWindow,
  nonIncidentAsk,
  onlyMetaVocabulary,
  onlyTheUsual,
  opensWithSupposition,
} from "./classify-frames.js"
import { frenchSpanishChatter } from "./classify-french-spanish.js"
import { germanChatter } from "./classify-german.js"
import { goodNews } from "./classify-good-news.js"
import type { Evidence } from "./classify-grammar.js"
import { heartbeatAlert, leadingAlertHeader, mayAskToInvestigate } from "./classify-header.js"
import { italianCzechGreekChatter } from "./classify-italian-czech-greek.js"
import { activeMarkers, closureWords, liveWords, reviewWords, words } from "./classify-lexicon.js"
import { marketTalk } from "./classify-market-talk.js"
import {
  aboutNoProblem,
  announcesDashboard,
  curiosity,
  resourceTopics,
  venting,
} from "./classify-no-problem.js"
import { nordicTurkishChatter } from "./classify-nordic-turkish.js"
import { tokenCategory } from "./classify-phrases.js"
import { polishDutchRomanianChatter } from "./classify-polish-dutch-romanian.js"
import { portugueseHindiChatter } from "./classify-portuguese-hindi.js"
import { readingReports } from "./classify-readings.js"
import { asksAgain, asksToInvestigate, requests } from "./classify-requests.js"
import { saidNoIssue } from "./classify-said-no-issue.js"
import { impossibleValues, talkFrame } from "./classify-talk.js"
import { bareStatusQuestion, retiredOnAPlan, teamLife } from "./classify-team-life.js"
import { terseTalk } from "./classify-terse-talk.js"
import { analyse, type Message } from "./classify-text.js"
import { classifierDisabledReason } from "./classify-tier2.js"
import { toolNotice } from "./classify-tool-notices.js"
import type { ClassifierSettings } from "./config.js"
import { isExplicitTrigger, type Trigger } from "./platform.js"

export {
  applyTier2,
  classifierDisabledReason,
  parseTier2Reply,
  tier2SystemPrompt,
  wantsTier2,
} from "./classify-tier2.js"

export interface ClassifyInput {
  readonly text: string
  readonly trigger: Trigger
}

interface Tier1 {
  readonly verdict: Verdict
  readonly reasons: ReadonlyArray<string>
}

const maxReasons = 6
const result = (verdict: Verdict, reasons: ReadonlyArray<string>): Tier1 => ({
  verdict,
  reasons: [...new Set(reasons)].slice(0, maxReasons),
})
const reasonsOf = (evidence: ReadonlyArray<Evidence>): ReadonlyArray<string> => evidence.map((e) => e.reason)
const lastAt = (evidence: ReadonlyArray<Evidence>): number => evidence.reduce((m, e) => Math.max(m, e.at), -1)

/** `alert_terms` from the config, matched as whole canonical words anywhere in the message. */
const alertTerms = (message: Message, terms: ReadonlyArray<string>): ReadonlyArray<Evidence> => {
  const { tokens } = message
  return terms.flatMap((term) => {
    const parts = analyse(term).tokens
    if (parts.length === 0) return []
    const i = tokens.findIndex((_t, i) => parts.every((p, k) => tokens[i + k] === p))
    return i < 0 ? [] : [{ reason: `alert term: ${term}`, at: i + parts.length - 1, strong: true }]
  })
}

/** Questions about how the bot works, not about a system. */
/** "the bot thought my lunch order was an incident", "the bot flagged our fire drill as a P1". */
const botMisread =
  /\bbot (?:thought|took|read|flagged|treated|mistook|called|marked) (?:my|our|his|her|their|a|the|this|that) [\w' -]{1,40}? (?:was |as |for )(?:an? )?(?:incident|alert|outage|page|p[0-4]|sev ?\d)\b/

const botsOwnHealth =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:hey|hi|so|lol|ok)[,!]?\s+)?what(?:'s| is) your (?:own )?(?:uptime|sla|slo|error rate|availability|version)(?:,? (?:bot|buddy|friend|mate))?\s*\?[\s?!.]*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/u

const aboutTheBot =
  /\b(?:how (?:do|does|can|would|will) you (?:\w+ ){0,2}(?:work|decide|know|pick|choose|handle|get (?:triggered|notified))|(?:of|for|on) your own (?:latency|uptime|errors?|logs|metrics|health|status|dashboard|availability)|how (?:long|fast|quickly) do you (?:\w+ ){0,2}(?:take|need)|\b(?:do you ever|is it true you never|do you) sleep\b|this is the bot\b|would be (?:cool|nice|great|awesome) if you could\b|(?:qu[eé]|que) puedes hacer|was kannst du|que peux-tu faire|qu'est-ce que tu (?:peux|sais) faire|o que (?:você|voce) (?:pode|consegue) fazer|cosa (?:puoi|sai) fare|what(?:'s| is) your (?:favou?rite|name|model|time ?zone)|what (?:time ?zone|language|model|format) do you|why did you (?:react|reply|respond|answer|add|put|post)|what (?:do|can) you (?:do|read|look at)|do you (?:read|watch|see|look at) (?:every|all)|(?:just )?curious how you)\b/i

/**
 * How the bot behaves or where it is, asked as the whole message: "is it normal that you reply in
 * threads?", "can you join #yard-ops?", "do you see Azure Monitor alerts too or only AWS?", "is it
 * possible to mute you in #random?". (A
 * report after it, "can you join #payments, checkout is down there", is no such question.)
 */
const botQuestion =
  /\b(?:is it (?:normal|expected|intended|on purpose|by design) that you|(?:is it possible|is there a way|(?:can|could|may) (?:i|we)) (?:to )?(?:mute|silence|snooze|turn off|disable|kick|remove|block|hide) you\b|(?:get|add|invite|bring) you (?:in)?to #|can you (?:join|be added to|come to|also watch|watch) #|do you (?:also )?(?:see|get|receive|read|watch|support|handle|cover) [\w -]{1,40} (?:alerts|alarms|notifications|monitors|pages|events)\b)[^.!?\n]{0,60}\?\s*$/i

/**
 * "can I ask you where a container is? like MSKU1234567?", "could I ask you how many boxes are in
 * block C?": a business lookup asked of the bot, the whole message ("can I ask you why containers
 * aren't showing?" asks about a failure).
 */
const lookupAsked =
  /^[^\w\n]{0,8}(?:(?:hey|hi|quick q|quick question)[,:!]?\s+)?(?:can|could|may) i ask you (?:where|what|how many|how much|when|which|who|about)\b[^?\n]{0,60}\?(?:\s*(?:like|e\.?g\.?|for example|say|eg)\b[^?\n]{0,40}\??)?\s*$/

const reminiscing =
  /\b(?:remember|recall) (?:when|that time|the time|how|last|the [^.?!\n]{0,40}\b(?:outage|incident|sev ?\d|meltdown|downtime|fire|when|storm|fiasco|saga|disaster|drama|mess|chaos|debacle|nightmare|madness|episode)\b)/
/**
 * "throwback to when the whole gate went down because…😂", "remember the BAPLIE parsing bug from
 * March?": a past fault named by when it was (an answer that reports — "…? it's back, parser
 * failing" — is checked where it is used).
 */
const recalledFault =
  /\b(?:remember|recall) the [^.?!\n]{0,40}\b(?:bug|glitch|outage|incident) (?:from|in|of|back in|last) (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|last (?:year|month|week|quarter|summer|winter)|20\d\d|q[1-4])\b|\bthrowback to (?:when|the (?:time|day|night))\b/

/**
 * A favour of no work asked of the bot: "can you help me practice my german? 😄", "could you
 * teach me some Japanese", "help me write a birthday poem for Ana". A system in trouble named
 * beside it is still reported (the caller checks for strong evidence).
 */
const personalFavour =
  /\b(?:help me|teach me|can you|could you) (?:to )?(?:practi[cs]e|learn|improve|brush up(?: on)?|study) (?:my |some |a bit of |basic )?(?:german|french|spanish|italian|portuguese|dutch|japanese|chinese|mandarin|korean|english|polish|swedish|turkish|arabic|hindi|russian|greek|language|vocab(?:ulary)?|grammar|pronunciation)\b|\bteach me (?:some |a bit of |basic )?(?:german|french|spanish|italian|portuguese|dutch|japanese|chinese|mandarin|korean|english|chess|jokes?)\b|\b(?:help me|can you|could you) (?:write|compose|come up with) (?:a |an |my )?(?:birthday |farewell |wedding |funny |short )?(?:poem|haiku|limerick|toast|speech|card|joke|song|cv|resume|cover letter)\b/

/** Asking for a code review: a review word before a PR/MR, or a link to one. */
const codeReviewAsk =
  /\b(?:review|ptal|approve|stamp|lgtm|look at (?:my|our)|look over)\b[^.?!\n]{0,40}\b(?:pr|prs|pull request|merge request|mr|diff|patch|alert rule|rule|threshold)\b|\b(?:pr|mr|pull request)\b[^.?!\n]{0,60}\b(?:needs? (?:one |an? |two )?(?:approval|review|stamp)|ready for review)\b|github\.com\/[\w.-]+\/[\w.-]+\/pull\/\d+|\/-\/merge_requests\/\d+/i

const alarmEmoji = words("rotating_light fire warning sos red_circle boom siren alert")
const fireEmoji = new Set(["🔥", "fire"])
const isAlarm = (e: string): boolean => alarmEmoji.has(e) || /\p{Extended_Pictographic}|⚠/u.test(e)

/** Words of a question about what just happened ("seems ok now, was that something?"). */
// ("the batch is running now, can we stop it?": a halt asked for after it.)
const afterWords = words(
  "why what something normal expected worry cause caused happened happen stop kill halt pause cancel abort disable",
)

/** A question after the recovery asking what it was: the person wants a look, not silence. */
const asksAfter = (message: Message, closure: number): boolean =>
  message.clauses.some(
    (c) =>
      c.question && c.start > closure && message.tokens.slice(c.start, c.end).some((t) => afterWords.has(t)),
  )

const alertVocabulary = /alert|alarm|firing|down\b|fail|error|critical|warning|problem|degraded/

/**
 * What a person wrote around what they pasted: quoted lines (`> …`, `&gt; …` as Slack sends
 * them) and code (inline or fenced) removed.
 */
const ownWords = (raw: string): string =>
  raw
    .replace(/```[\s\S]*?```/g, " ")
    // A pasted alert in inline code is long; `critical`, `prod` are a tool's own emphasis.
    .replace(/`[^`\n]{15,}`/g, " ")
    .replace(/^[ \t]*(?:>|&gt;).*$/gm, " ")

/**
 * An alert format only inside a quote or code ("what was this old alert about? > ALARM: …",
 * "we'll inject `[FIRING] KubeNodeNotReady` at 15:00"): the person's own words decide. Chatter
 * around a quoted alert is chatter; anything else investigates, as an alert would. Null when the
 * format is in the person's own words or they wrote too little to judge.
 */
const quotedAlert = (raw: string, settings: ClassifierSettings): Tier1 | null => {
  const own = ownWords(raw)
  if (own === raw) return null
  const message = analyse(own)
  if (message.tokens.length < 6 || alertFormats(message).structural.length > 0) return null
  const rest = tier1(own, message, settings)
  return rest.verdict === "chatter" ? result("chatter", [...rest.reasons, "about a quoted alert"]) : null
}

/** What a recovery was said to do, and then did not ("the rollback didn't fix it"). */
/** The writer's own dismissal: "not an incident", "false positive, …", "that was me restarting it". */
const dismissals = words("stand_down false_alarm was_me ignore")
const turns = /\b(?:but|however|though|although)\b/
const concedes =
  /\bbut (?:it'?s |it is |this is |that'?s )?not (?:an? |the )?(?:real |full |major |actual )?(?:outage|incident|issue|problem)\b/
const undoneFixes = words("fix help work resolve solve")
const intensifiers = words("very really extremely super still quite so way incredibly painfully")
const degraded = words(
  "slow slower sluggish laggy flaky flakey unstable degraded intermittent spotty choppy patchy",
)
const modalsBefore = words("could can cannot")

/**
 * Whether the news after the last recovery undoes it: "the map shows them as restored but they
 * still have no power", "power was restored at 3am. the restore events aren't making it to the
 * map", "the rollback didn't fix it" ("fixed, not seeing errors" ends with its own closure).
 */
const undone = (message: Message, closure: number): boolean =>
  closure >= 0 &&
  (qualifiedAtOnce(message.tokens, closure) ||
    fineButElsewhere(message.text) ||
    // "slow but not an outage": the problem conceded, only its size denied.
    concedes.test(message.text.slice(0, 2000)) ||
    message.tokens.some((t, i) => {
      if (i <= closure) return false
      const next = message.tokens[i + 1] ?? ""
      return (
        t === "still" ||
        // "the button does nothing, no error, just nothing"
        (t === "nothing" && message.tokens[i - 1] === "just") ||
        // "no impact on prod yet"
        t === "yet" ||
        // "apply completed: 14 destroyed — that was not supposed to destroy anything", "… removed
        // the records unexpectedly": what it did was wrong ("no unexpected errors since" is fine).
        (t === "not" && next === "supposed") ||
        ((t === "unexpected" || t === "unexpectedly") &&
          message.tokens[i - 1] !== "no" &&
          message.tokens[i - 1] !== "nothing") ||
        // "the export job passed but never uploaded the file": what it was to do, not done.
        (t === "never" && /^[a-z]{3,}(?:ed|ne|wn|t)$/.test(next)) ||
        // ("published but it's not on the homepage": denied right after it)
        // ("closing OPS-1401, couldn't reproduce it" supports the closing.)
        (t === "not" &&
          (undoneFixes.has(next) ||
            (/ing$/.test(next) && next !== "seeing") ||
            (i <= closure + 4 && !modalsBefore.has(message.tokens[i - 1] ?? "") && next !== "sure")))
      )
    }))

/**
 * "staging is fine but prod unlock requests hang forever", "EU looks healthy but US customers get
 * logged out": a fine state of one thing is what the report after "but" is compared with. The
 * writer's own plan after it ("fine but I'll keep watching", "but let's …") is no report.
 */
const fineThenBut =
  /\b(?:is|are|looks?|seems?|works?|working|running|says|shows) (?:all |totally |perfectly )?(?:fine|ok|okay|good|healthy|green|normal|up)\b,? but (?!i\b|i'|i’|we\b|we'|we’|let|will\b|keep|keeping|watching|monitoring|nothing|no action|no need|just (?:in case|fyi|so))/
/**
 * "chat is working but read receipts are gone for everyone": working (running, up, live) is the
 * fine state itself, so a failure must follow for the contrast ("it's working but thanks anyway"
 * closes it).
 */
const workingThenBut =
  /\b(?:is|are|'s|’s) (?:all |still )?(?:working|running|loading|live|up)\b,? but [^.!?\n]{0,80}(?:\b(?:gone|missing|broken|down|failing|fails|failed|erroring|empty|stuck|blank|not|never|wrong|disappeared|slow|dead|errors?|timing out|times out)\b|n['’]t\b)/
const fineButElsewhere = (text: string): boolean =>
  text.includes(" but ") &&
  (fineThenBut.test(text.slice(0, 2000)) || workingThenBut.test(text.slice(0, 2000)))

/**
 * "the liveblog is up but extremely slow": a degraded state said of it straight after the
 * recovery ("renewed, alert should clear" starts a new subject instead).
 */
const qualifiedAtOnce = (tokens: ReadonlyArray<string>, closure: number): boolean => {
  let k = closure + 1
  while (intensifiers.has(tokens[k] ?? "")) k += 1
  return degraded.has(tokens[k] ?? "")
}

// ("kaikki kunnossa? ei, sport1 on musta": Finnish, Polish, Russian, Turkish, Swedish too.)
const everything = words("everything kaikki wszystko her allt semua все всё tout alles todo tudo")
const denials = words("no nope nah not negative nein non ei nie нет ні hayır nej không tidak")
/**
 * "recovered? no — printers still offline", "fixed? nope": a recovery asked and denied at once
 * is the report that it is not over.
 */
const recoveryDenied = (message: Message): boolean =>
  message.clauses.some((c, k) => {
    const next = message.clauses[k + 1]
    return (
      c.question &&
      next !== undefined &&
      denials.has(message.tokens[next.start] ?? "") &&
      (message.tokens
        .slice(c.start, c.end)
        .some((t) => closureWords.has(t) || tokenCategory(t) === "resolved") ||
        // "kaikki kunnossa? ei, …", "wszystko ok? nie, …": "everything fine?" in a few words.
        (c.end - c.start <= 3 && everything.has(message.tokens[c.start] ?? ""))) &&
      // ("fixed? no worries", "resolved? no idea": an answer, not a denial.)
      !["worries", "idea", "problem", "prob", "rush"].includes(message.tokens[next.start + 1] ?? "")
    )
  })

const doneAdjectives = words("closed fixed resolved finished completed done sorted")
const describesANoun = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some((t, i) => doneAdjectives.has(t) && /^[a-z]{3,}s$/.test(tokens[i + 1] ?? ""))

/** A laugh in the message: an emoji or a word ("lol", "hahaha", "lmao"). */
const laughing = (message: Message): boolean =>
  /😂|🤣|😆|😅|🙃|😄|😁/.test(message.text) || message.tokens.some((t) => tokenCategory(t) === "laughter")

const tier1 = (raw: string, message: Message, settings: ClassifierSettings): Tier1 => {
  // "the new season trailer is 🔥": slang for great, not an alarm.
  const praisedFire = /\b(?:is|looks|was|are|looking) (?:so |pure |absolutely )?🔥/.test(message.text)
  const alarms = message.emoji
    .filter((e) => isAlarm(e) && !(praisedFire && e === "🔥"))
    .map((e) => ({ reason: `alarm emoji: ${e}`, at: 0, strong: false }))
  if (message.tokens.length === 0) {
    // "🔥🔥" alone is hype ("that's fire"), as the labelled corpora read it; a siren or a
    // warning sign alone (🚨, ⚠️, 🆘) has no other reading and still investigates.
    if (alarms.length > 0 && !message.emoji.filter(isAlarm).every((e) => fireEmoji.has(e)))
      return result("alert", reasonsOf(alarms))
    if (message.hasEmoji) return result("chatter", ["chatter: emoji only"])
    return result("chatter", [/<[@!#]/.test(raw) ? "chatter: bare mention" : "chatter: empty message"])
  }
  const terms = alertTerms(message, settings.alert_terms)
  // "PagerDuty: On-call handoff — …", "ArgoCD: … synced … Health: Healthy": a tool's post about
  // no monitored condition, in its alerts' shape. (A header leading the message short-cuts the
  // gate to an alert whatever follows, so the full gate leaves those to it.)
  const notice = terms.length === 0 && leadingAlertHeader(raw) === null ? toolNotice(message) : null
  // ("scheduled maintenance tonight; meanwhile checkout is timing out": the window covers only itself.)
  if (notice !== null && !(notice === "a maintenance window" && liveBesideWindow(message)))
    return result("chatter", [`chatter: a tool's notice (${notice})`])
  const formats = alertFormats(message)
  // "Watchdog\n[FIRING:1] Watchdog …": the heartbeat of classify-header.ts under its own title.
  const heartbeat = formats.structural.includes("alertmanager") ? titledHeartbeat(raw) : null
  if (heartbeat !== null)
    return result("chatter", [`chatter: an alert that always fires by design (${heartbeat})`])
  if (formats.structural.length > 0)
    return (
      quotedAlert(raw, settings) ??
      result("alert", [...formats.structural.map((f) => `alert format: ${f}`), ...reasonsOf(terms)])
    )
  const chatter = chatterSignals(message, settings.chatter_phrases)
  // ("Anzeige … zeigt 'Boarding abgeschlossen' obwohl …": a German report the phrases cannot read.)
  if (chatter.whole !== null && terms.length === 0 && !foreignReports(message).some((e) => e.strong))
    return result(
      "chatter",
      chatter.whole.map((c) => `chatter: ${c}`),
    )

  // Thanks for a postmortem or a retro is about a past incident, whatever its summary says
  // broke ("the 502s were an ALB timeout"): nothing is asked and nothing is live.
  const retrospective =
    message.tokens.some((t) => reviewWords.has(t)) &&
    !message.tokens.some((t) => activeMarkers.has(t) || liveWords.has(t))
  if (retrospective && chatter.thanks.length > 0 && terms.length === 0 && requests(message).length === 0)
    return result("chatter", ["chatter: thanks", "about: a past incident's review"])

  // Nothing asked, no configured alert term, nothing put in the present: a message about
  // something else that happens to name problems.
  const aboutSomethingElse = (pattern: RegExp): boolean =>
    pattern.test(message.text.slice(0, 2000)) &&
    terms.length === 0 &&
    requests(message).length === 0 &&
    !message.tokens.some(
      (t, i) =>
        // "let's not do that again", "never again" wish it away; it is no recurrence.
        (activeMarkers.has(t) &&
          !(
            t === "again" &&
            message.tokens.slice(Math.max(0, i - 4), i).some((w) => w === "not" || w === "never")
          )) ||
        liveWords.has(t),
    )
  // "remember when the dashboard was down all day last friday 😂": a story about the past.
  // ("remember the parsing bug from March? it's back, parser failing on every file": the answer reports.)
  const recalledAsked = message.clauses.find((c) => c.question)
  if (aboutSomethingElse(reminiscing)) return result("chatter", ["chatter: a story about the past"])
  if (
    aboutSomethingElse(recalledFault) &&
    (recalledAsked === undefined ||
      !alertEvidence(message).some(
        (e) => e.strong && e.at >= recalledAsked.end && e.reason.startsWith("problem report:"),
      ))
  )
    return result("chatter", ["chatter: a story about the past"])
  // A question about the bot itself ("how do you actually work?") names alerts and errors as
  // things it handles, not as something failing now.
  if (aboutSomethingElse(aboutTheBot) || aboutSomethingElse(botQuestion) || aboutSomethingElse(lookupAsked))
    return result("chatter", ["chatter: question about the bot"])
  // "bad bot, that summary was way off": the problem is the reply's, not a system's.
  if (
    personalFavour.test(message.text.slice(0, 500)) &&
    terms.length === 0 &&
    !alertEvidence(message).some((e) => e.strong)
  )
    return result("chatter", ["chatter: a favour of no work asked"])
  // "what can you help with?", "u speak spanish?": small talk with the bot, its "help" no ask.
  // "anyone down for tacos at lunch?": asked along, its "down" no outage.
  if (downFor.test(message.text.slice(0, 300)) && terms.length === 0)
    return result("chatter", ["chatter: people asked along"])
  if (
    botSmallTalk.test(message.text.slice(0, 300)) &&
    terms.length === 0 &&
    !alertEvidence(message).some((e) => e.strong)
  )
    return result("chatter", ["chatter: small talk with the bot"])
  if (aboutSomethingElse(feedbackToTheBot)) return result("chatter", ["chatter: feedback on the bot"])
  // "haha the bot thought my lunch order was an incident again": the bot's misreading laughed at;
  // its "again" and its incident word are the bot's, not a problem's.
  // "what's your uptime, bot? 😄": its own health asked ("…? checkout is down" reports).
  const misread = message.text.includes("bot ") && botMisread.test(message.text.slice(0, 500))
  if (
    (misread || (message.text.includes("your") && botsOwnHealth.test(message.text.slice(0, 300)))) &&
    terms.length === 0 &&
    requests(message).length === 0 &&
    !alertEvidence(message).some((e) => e.strong && !e.reason.startsWith("incident word:"))
  )
    return result("chatter", [misread ? "chatter: feedback on the bot" : "chatter: question about the bot"])
  if (aboutSomethingElse(routingQuestion)) return result("chatter", ["chatter: where a problem goes, asked"])
  // "why did the CDN break up with the origin? too many unresolved issues": a joke's words.
  if (jokeSetUp.test(message.text.slice(0, 500)) && terms.length === 0)
    return result("chatter", ["chatter: a joke"])
  // ("still" there is the bot's, not a problem's.)
  // ("just checking you see the payments alerts, checkout is down" reports beside the check.)
  if (
    checkOnTheBot.test(message.text.slice(0, 500)) &&
    terms.length === 0 &&
    requests(message).length === 0 &&
    !alertEvidence(message).some((e) => e.strong)
  )
    return result("chatter", ["chatter: a check that the bot is there"])
  if (terms.length === 0) {
    const general = aGeneralQuestion(message)
    if (general !== null) return result("chatter", [`chatter: ${general}`])
    // "pager silent all weekend", "canary clean", "who has pager tonight": a terse team's talk.
    const terse = terseTalk(message)
    if (terse !== null) return result("chatter", [`chatter: ${terse}`])
    // "BTC down 8% lol", "market is bleeding, -20% on alts": a price moving, not a system.
    const market = marketTalk(message)
    if (market !== null) return result("chatter", [`chatter: ${market}`])
    // "any open incidents right now?", "we're winding down the old WMS next month, fyi", "p99 went
    // from 900ms to 250ms": the whole message asks bare, retires on a plan, or tells good news.
    if (bareStatusQuestion.test(raw.slice(0, 300)))
      return result("chatter", ["chatter: a bare status question"])
    if (retiredOnAPlan.test(raw.slice(0, 300)))
      return result("chatter", ["chatter: a system retired on a plan"])
    const news = goodNews(message)
    if (news !== null) return result("chatter", [`chatter: ${news}`])
  }
  // "could someone review my PR … so we don't double-charge on gateway timeouts again": the
  // problem words say what a change will fix; a review is asked, not an investigation — unless
  // the message also puts a problem in the present ("payments are failing now").
  if (
    codeReviewAsk.test(message.text.slice(0, 2000)) &&
    terms.length === 0 &&
    !message.tokens.some((t) => liveWords.has(t))
  )
    return result("chatter", ["chatter: a code review request"])

  // "if checkout ever starts returning 502s, who should I page?": a problem supposed, not seen.
  const hypothetical = conditionalTokens(message)
  // Talk about alerting itself ("should we raise the HighErrorRate threshold?").
  if (terms.length === 0 && alarms.length === 0) {
    const design = alertingDesign(message, hypothetical)
    if (design !== null) return result("chatter", [`chatter: ${design}`])
  }
  // Work announced in advance ("load test starts now, expect 5xx"), or an incident told as
  // past ("what was the root cause of monday's outage?"): its problem words are not live.
  if (terms.length === 0) {
    // An alarm emoji quoted in a story of the past ("the 'site down 🔥' message yesterday was a
    // test") is part of the story; announced work with one is not chatter.
    const frame =
      (alarms.length === 0 ? announcedWork(message, hypothetical) : null) ??
      aboutThePast(message) ??
      (alarms.length === 0 ? aboutAReview(message) : null)
    if (frame !== null) return result("chatter", [`chatter: ${frame}`])
  }

  const topics = resourceTopics(message)
  const live = (e: Evidence) =>
    chatter.absorbed[e.at] !== true && !hypothetical[e.at] && topics[e.at] !== true
  // A tool named in passing is a sign only when the message speaks of alerting or failing.
  const named = alertVocabulary.test(message.text)
    ? formats.named.map((f) => ({ reason: `alert format: ${f} (named)`, at: 0, strong: false }))
    : []
  const seen = [
    ...alertEvidence(message),
    ...foreignReports(message),
    ...readingReports(message),
    ...(announcesDashboard(message) ? [] : dashboardLinks(message)),
    ...terms,
    ...named,
  ]
  const found = seen.filter(live)
  // "my brain is OOMing 🧠💥": a joke's emoji is part of the joke.
  // "sev1 on floor 3: the coffee machine is in CrashLoopBackOff 😂": laughed at, a severity word
  // or an alarm emoji are part of the joke too — never a system's name or a report.
  const joke =
    (found.length === 0 ||
      (found.every((e) => /^(?:severity|incident) word:/.test(e.reason)) && laughing(message)) ||
      venting.test(message.text)) &&
    problemsOfNoSystem(message)
  const evidence = joke ? [] : [...found, ...alarms.filter(live)]
  const asks = requests(message).filter(live)
  const strong = evidence.filter((e) => e.strong)
  const weak = evidence.filter((e) => !e.strong)
  const closureReasons = reasonsOf(chatter.closures)

  // "the 'down' in down-migration means rollback", "Q2 plan: …", "writing the incident report for
  // the kiosk outage", "interesting read on retries": problem words talked about, none reported.
  if (terms.length === 0) {
    const talk = talkFrame(message, strong.length > 0)
    if (talk !== null) return result("chatter", [`chatter: ${talk}`])
    // "passt", "Grüezi mitenand", "wer hat diese Woche Rufbereitschaft?": German talk.
    const german = germanChatter(message, strong.length > 0)
    if (german !== null) return result("chatter", [`chatter: ${german}`])
    // "d'acc", "¿comemos juntos hoy?", "déploiement … terminé, RAS": French and Spanish talk.
    const frenchSpanish = frenchSpanishChatter(message, strong.length > 0)
    if (frenchSpanish !== null) return result("chatter", [`chatter: ${frenchSpanish}`])
    // "vlw", "theek hai", "o deploy correu bem, nenhum erro": Portuguese and Hinglish talk.
    const portugueseHindi = portugueseHindiChatter(message, strong.length > 0)
    if (portugueseHindi !== null) return result("chatter", [`chatter: ${portugueseHindi}`])
    // "spoko", "ik pak hem op", "totul e ok după deploy": Polish, Dutch and Romanian talk.
    const polishDutchRomanian = polishDutchRomanianChatter(message, strong.length > 0)
    if (polishDutchRomanian !== null) return result("chatter", [`chatter: ${polishDutchRomanian}`])
    // "va bene", "díky moc", "καλημέρα", "vše v pořádku": Italian, Czech and Greek talk.
    const italianCzechGreek = italianCzechGreekChatter(message, strong.length > 0)
    if (italianCzechGreek !== null) return result("chatter", [`chatter: ${italianCzechGreek}`])
    // "trevlig helg!", "kolay gelsin", "ok na po, gumagana na", "kia ora": Swedish, Turkish,
    // Tagalog and Māori/Australian talk.
    const nordicTurkish = nordicTurkishChatter(message, strong.length > 0)
    if (nordicTurkish !== null) return result("chatter", [`chatter: ${nordicTurkish}`])
  }

  // A question or request that is not about a failure ("where's the runbook for
  // KubePodCrashLooping?"): only alerting's own vocabulary, no problem stated.
  if (strong.length === 0) {
    const frame = nonIncidentAsk(message)
    // An artifact asked for ("help me write a PromQL query for p99 latency") may name any metric;
    // another question only alerting's own words.
    if (frame !== null && (onlyMetaVocabulary(weak) || frame === artifactRequest))
      return result("chatter", [`chatter: ${frame}`])
  }

  if (strong.length === 0) {
    const japanese = japaneseChatter(message.text.slice(0, 2000))
    if (japanese !== null) return result("chatter", [`chatter: ${japanese}`])
    // "why do we call it a shadow? always wondered": asked, but out of curiosity, not to look at something.
    if (curiosity(message)) return result("chatter", ["chatter: a question out of curiosity"])
  }
  // "handing over on-call to @julia, quiet shift, only the usual webcam flaps overnight": the
  // shift's known noise, named as such in a handover, is no report.
  if (
    strong.length > 0 &&
    asks.length === 0 &&
    strong.every((e) => onlyTheUsual(message.tokens, e.at)) &&
    aHandover(message) === "a shift handover"
  )
    return result("chatter", [
      "chatter: a shift handover",
      ...reasonsOf(strong).map((r) => `known noise: ${r}`),
    ])
  if (strong.length === 0 && asks.length === 0) {
    if (praisedFire && found.length === 0) return result("chatter", ["chatter: praise"])
    const handover = aHandover(message)
    if (handover !== null) return result("chatter", [`chatter: ${handover}`])
    // "what if the HSM cluster dies during EOD?": every problem in it is supposed.
    if (
      found.length === 0 &&
      (seen.some((e) => hypothetical[e.at] === true) || opensWithSupposition(message))
    )
      return result("chatter", ["chatter: a problem supposed, not seen"])
    const frame = aboutNoProblem(message, {
      categories: chatter.categories,
      leftover: chatter.leftover,
      // A severity heading the message ("sev2: the retention job deleted logs…") is no meta talk.
      vocabulary:
        !onlyMetaVocabulary(weak) ||
        weak.some((e) => e.reason.startsWith("severity word:")) ||
        alarms.length > 0,
    })
    if (frame !== null) return result("chatter", [`chatter: ${frame}`])
    // "the sales reports have been going out every night since Thursday's fix, thanks!"
    const held = fixHeld(message)
    if (held !== null) return result("chatter", [`chatter: ${held}`])
  }

  // "… customers say 'the system is down' … No incident right now.", "NW218 diverted to BOS for a
  // medical, just logging it for the shift": the writer's own word that nothing is wrong, or why
  // the note is posted, with no problem after it (classify-said-no-issue.ts).
  if (terms.length === 0 && alarms.length === 0) {
    const said = saidNoIssue(message)
    if (
      said !== null &&
      strong.every((e) => (said.supersedes ? e.at < said.end : e.at >= said.start && e.at < said.end))
    )
      return result("chatter", [
        `chatter: ${said.reason}`,
        ...reasonsOf(strong).map((r) => `superseded: ${r}`),
      ])
  }
  // "not an incident, just letting you know traffic will go up": the writer says so, nothing asked.
  const standsDown = chatter.closures.some((c) => c.strong && dismissals.has(message.tokens[c.at] ?? ""))
  const lastClosure = lastAt(chatter.closures)
  if (
    standsDown &&
    asks.length === 0 &&
    !undone(message, lastClosure) &&
    // "ignore the last alert, payments are failing now": live again after the dismissal.
    !message.tokens.some((t, i) => i > lastClosure && activeMarkers.has(t)) &&
    // "not an outage, but logins fail for everyone": a problem stated after a turn.
    !(lastAt(strong) > lastClosure && turns.test(message.text.slice(0, 2000))) &&
    // "logins fail for 30% of users, degraded but not an outage": the problem conceded before it.
    !concedes.test(message.text.slice(0, 2000))
  )
    return result("chatter", [...closureReasons, ...reasonsOf(strong).map((r) => `superseded: ${r}`)])
  if (strong.length > 0) {
    // The latest news wins: a recovery after the last problem statement (and no ask after it) is
    // chatter — a recovery, not a state that may be another thing's ("images are fine").
    const recovery = lastAt(chatter.closures.filter((c) => c.strong))
    // "DDoS attack mitigated on classroom…, ongoing": a problem still going on after it is no recovery.
    // ("green again" is the recovery's own word.)
    // ("no issue right now": the recovery's own "now".)
    const stillOn =
      message.tokens.some(
        (t, i) =>
          i > recovery && activeMarkers.has(t) && t !== "again" && !(t === "now" && i <= recovery + 2),
      ) || undone(message, recovery)
    // ("svc erroring on every lesson complete": the closure is part of the report, not news after it.)
    if (
      recovery > lastAt(strong) &&
      lastAt(asks) < recovery &&
      !asksAfter(message, recovery) &&
      !stillOn &&
      !attachedToReport(message, lastAt(strong), recovery)
    )
      return result("chatter", [...closureReasons, `superseded: ${strong[0]?.reason ?? ""}`])
    return result("alert", [...reasonsOf(strong), ...reasonsOf(asks), ...reasonsOf(weak)])
  }
  // "is the coffee machine on 3rd floor broken or is it just me ☕": a joke asks along.
  if (joke && asks.every((a) => a.reason === "request: 'anyone else'"))
    return result("chatter", ["chatter: a problem of no system (a joke)"])
  // "did anyone else get the company newsletter?": asked along about everyday life.
  if (
    weak.length === 0 &&
    asks.length > 0 &&
    asks.every((a) => a.reason === "request: 'anyone else'") &&
    everydayTalk(message)
  )
    return result("chatter", ["chatter: everyday talk, no system named"])
  if (asks.length > 0)
    return result(weak.length > 0 ? "alert" : "ambiguous", [...reasonsOf(asks), ...reasonsOf(weak)])
  if (weak.length > 0) {
    if (closureReasons.length > 0 && !undone(message, lastAt(chatter.closures)))
      return result("chatter", [...closureReasons, `superseded: ${weak[0]?.reason ?? ""}`])
    if (chatter.thanks.length > 0)
      return result("chatter", ["chatter: thanks", `about: ${weak[0]?.reason ?? ""}`])
    return result("alert", reasonsOf(weak))
  }
  const recoveryUndone = undone(message, lastAt(chatter.closures))
  if (closureReasons.length > 0 && !recoveryUndone) return result("chatter", closureReasons)
  const ackOnly = chatter.categories.every((c) => c === "acknowledgement")
  if (
    chatter.categories.length > 0 &&
    chatter.leftover <= (ackOnly ? 2 : 4) &&
    // "orders from closed restaurants": a recovery word before a noun describes it, it is no news.
    !(chatter.closures.length === 0 && describesANoun(message.tokens)) &&
    !recoveryDenied(message) &&
    // "pog the leaderboard is showing negative scores for everyone": excitement over wrong data.
    !impossibleValues.test(message.text.slice(0, 2000)) &&
    // "the app is back online but really laggy": the recovery phrase is undone.
    !(
      chatter.categories.includes("resolved") &&
      lastAt(chatter.closures) >= 0 &&
      qualifiedAtOnce(message.tokens, lastAt(chatter.closures))
    )
  )
    return result(
      "chatter",
      chatter.categories.map((c) => `chatter: ${c}`),
    )
  if (quiz.test(raw.slice(0, 200)) || smallTalk.test(raw.slice(0, 200)))
    return result("chatter", ["chatter: small talk"])
  if (quietStreak.test(message.text.slice(0, 500)))
    return result("chatter", ["chatter: a quiet streak counted"])
  // "is the canteen open today?", "the office dog just stole my sandwich": nothing of a system.
  if (everydayTalk(message)) return result("chatter", ["chatter: everyday talk, no system named"])
  if (bareReaction.test(message.text.slice(0, 200))) return result("chatter", ["chatter: a bare reaction"])
  if (shorthandTalk.test(message.text.slice(0, 200)))
    return result("chatter", ["chatter: a team's shorthand"])
  const life = teamLife(message)
  if (life !== null) return result("chatter", [`chatter: ${life}`])
  return result("ambiguous", ["no confident alert or chatter signal"])
}

/** Tier 1 plus the explicit-trigger and enabled switches. Never throws. */
export const classify = (input: ClassifyInput, settings: ClassifierSettings): Classification =>
  classifyWith(input, settings, leadingAlertHeader(input.text))

/**
 * Every rule, without the header short-cut: what `classify` must agree with on verdict,
 * decision and tier (test/domain/classify-header.test.ts).
 */
export const classifyFully = (input: ClassifyInput, settings: ClassifierSettings): Classification =>
  classifyWith(input, settings, null)

const classifyWith = (
  input: ClassifyInput,
  settings: ClassifierSettings,
  header: string | null,
): Classification => {
  // Analysed only when a rule needs the words: a tool's header leading the message is an alert
  // whatever follows (classify-header.ts), so most tools' notifications are never analysed.
  let message: Message | undefined
  const analysed = (): Message => {
    message ??= analyse(input.text)
    return message
  }
  const heartbeat = heartbeatAlert(input.text)
  const { verdict, reasons } =
    heartbeat !== null
      ? result("chatter", [`chatter: an alert that always fires by design (${heartbeat})`])
      : header === null
        ? tier1(input.text, analysed(), settings)
        : result("alert", [
            `alert format: ${header}`,
            ...(settings.alert_terms.length === 0
              ? []
              : reasonsOf(alertTerms(analysed(), settings.alert_terms))),
          ])
  if (!settings.enabled)
    return {
      verdict,
      decision: "investigate",
      tier: "default",
      reasons: [classifierDisabledReason, ...reasons],
    }
  const explicit = [
    ...(isExplicitTrigger(input.trigger) ? [`explicit trigger: ${input.trigger}`] : []),
    ...(mayAskToInvestigate(input.text) && asksToInvestigate(analysed()) ? ["asked to investigate"] : []),
  ]
  if (explicit.length > 0)
    return {
      verdict: verdict === "ambiguous" ? "alert" : verdict,
      decision: "investigate",
      tier: "explicit",
      reasons: [...explicit, ...reasons],
    }
  if (verdict === "ambiguous") return { verdict, decision: "investigate", tier: "default", reasons }
  return { verdict, decision: verdict === "chatter" ? "gate" : "investigate", tier: "heuristic", reasons }
}

/** "investigate again", "investigate it again", "re-investigate", "reinvestigate" (not negated). */
export const isAgainRequest = (text: string): boolean => asksAgain(analyse(text))
