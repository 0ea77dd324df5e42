/**
 * Messages that state no problem at all — no failure state, no problem report, no ask to look —
 * and that are plainly about something else: work planned for later ("next tuesday we're
 * upgrading the cluster"), an announcement ("release 6.13 is out"), thanks or praise that opens
 * the message, a question to the bot about itself, a question about the team's plans or
 * resources ("does anyone have the link to the settlement dashboard?"), a state reported as fine
 * ("error budget at 68%, looking healthy"), venting ("…just complaining"). Without these, such a
 * message had no signal either way and was investigated by default; with them it is chatter.
 * The caller passes only messages with no strong evidence and no ask, and for most frames no
 * weak evidence either (see `classify.ts`): a report anywhere in the message always wins. Pure,
 * on the canonical tokens of classify-text.ts. Measured with blind corpora (docs/decisions.md).
 */

import {
  fineStates,
  linkingWords,
  metricPredicates,
  metrics,
  monthNames,
  presentWords,
  problemPredicates,
  reportVerbs,
  subordinators,
  weekdayNames,
  words,
} from "./classify-lexicon.js"
import type { ChatterCategory } from "./classify-phrases.js"
import { impossibleValues, screenWrong } from "./classify-talk.js"
import type { Message } from "./classify-text.js"

// With their short forms, which a plan writes ("deploy freeze from mon").
const weekdays = new Set([...weekdayNames, ..."mon tue wed thu fri sat sun".split(" ")])
const periods = words(`
  week month quarter year sprint weekend release deploy window cycle morning afternoon evening night
  iteration`)
/** Words that put work later than now. */
const laterWords = words("tomorrow tonight later upcoming soon shortly eod eow")
const countWords = words("twice thrice times once")
const dayBreaks = words("lunch standup dinner breakfast")
/** Forms that announce what will happen: "will", "going to", "we're upgrading", "starts monday". */
const futureForms = words(`
  will going planning plan plans planned scheduled schedule starts start starting begins begin beginning
  kicks kicking happens happening moving move rotating rotate upgrading upgrade migrating migrate
  decommissioning decommission switching switch doing running run deploying deploy ooo off out away
  covering cover shipping rolling goes switches let session workshop training meeting due ready review demo
  sync offsite retro killing kill sunsetting sunset deprecating retiring removing ends ending expires pushing
  postponing delaying decommissioned moved rescheduled postponed`)
// "sync … stopped at 06:40": a past verb puts the time before now.
// ("seit heute Morgen", "seit gestern": German "since", which puts a fault's start before now.)
const notFuture = words(
  "seit seitdem gestern since until last ago yesterday was were did had stopped started failed crashed broke died none nobody cannot forwarding forwarded fwd normally usually typically",
)
/** Words before a job's progress that say it is behind ("only at 40%", "still 12%"). */
const behindMarkers = words("only still just barely merely")
const lowWords = words("low empty depleted short")
const lowNowMarkers = words(
  "looks look looking is are running getting v very dangerously pretty super really",
)
const stallVerbs = words("stall fail stop bounce break halt freeze block run")
/** A resource said low now ("looks v low"), then what will fail of it ("payouts will stall"). */
const lowNowWillFail = (tokens: ReadonlyArray<string>, i: number): boolean =>
  lowWords.has(tokens[i] ?? "") &&
  lowNowMarkers.has(tokens[i - 1] ?? "") &&
  tokens.slice(i + 1, i + 12).some((w, k) => w === "will" && stallVerbs.has(tokens[i + 2 + k] ?? ""))
const absent = words("offline ooo out away off afk unavailable slow_to_respond")
// "scheduled for mar 3", "in may": after a number or "in", these two are months too.
const months = new Set([...monthNames, "mar", "may"])
/** Later days and "from" in the other languages on-call channels use ("à partir de lundi", "ab Montag"). */
const foreignLater = words(`
  demain mañana amanhã morgen domani lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes
  miércoles jueves viernes sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag
  segunda terça quarta quinta sexta`)
/** Planned work named in those languages ("gel des déploiements", "Wartungsfenster"). */
const foreignPlans = words(
  "gel rappel wartung wartungsfenster mantenimiento manutenção maintenance freeze congelamiento migração migración avisando aviso",
)

/** What "the last" dates: "the last week", "the last 2 hours", "the last deploy on friday" is not. */
const lastTime = (t: string): boolean =>
  periods.has(t) ||
  weekdays.has(t) ||
  /^(?:\d{1,3}|few|couple|several|half|time|hour|hours|day|days|minute|minutes|mins|seconds|night|nights|one|two|three)$/.test(
    t,
  )

/** A time later than now ("next tuesday", "on monday", "tomorrow", "in 2 hours", "at 22:00"). */
const perfects = words("have has had")
/** "have not gone out in 3 days", "hasn't synced in 2 hours": a perfect negated before token `i`. */
const sinceNegated = (tokens: ReadonlyArray<string>, i: number): boolean =>
  tokens
    .slice(Math.max(0, i - 6), i)
    .some((t, k, w) => perfects.has(t) && (w[k + 1] === "not" || w[k + 1] === "never"))

const futureAnchor = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some(
    (t, i) =>
      laterWords.has(t) ||
      (t === "next" && (weekdays.has(tokens[i + 1] ?? "") || periods.has(tokens[i + 1] ?? ""))) ||
      ((t === "on" || t === "this" || t === "from") && weekdays.has(tokens[i + 1] ?? "")) ||
      // "after lunch", "after standup"
      (t === "after" && dayBreaks.has(tokens[i + 1] ?? "")) ||
      // "this weekend", "this afternoon" — not "this morning", which has begun.
      (t === "this" &&
        periods.has(tokens[i + 1] ?? "") &&
        tokens[i + 1] !== "morning" &&
        tokens[i + 1] !== "night") ||
      weekdays.has(t) ||
      (t === "at" && /^\d{1,2}(?:am|pm|h)?$/.test(tokens[i + 1] ?? "")) ||
      // "moved to 3pm"
      (t === "to" && /^\d{1,2}(?:am|pm)$/.test(tokens[i + 1] ?? "")) ||
      // ("heute Morgen" is this morning, begun, not German "morgen", tomorrow.)
      (foreignLater.has(t) && !(t === "morgen" && tokens[i - 1] === "heute")) ||
      // "gets decommissioned on the 30th"
      (t === "on" && tokens[i + 1] === "the" && /^\d{1,2}(?:st|nd|rd|th)$/.test(tokens[i + 2] ?? "")) ||
      // "scheduled for dec 12"
      (months.has(t) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[i + 1] ?? "")) ||
      // "in january", "in Q1"
      ((months.has(t) || /^q[1-4]$/.test(t)) && tokens[i - 1] === "in") ||
      // ("failed over twice in 10 minutes" counts the past.)
      // ("refunds haven't gone out in 3 days": a negated perfect counts the time since, the past.)
      (t === "in" &&
        !countWords.has(tokens[i - 1] ?? "") &&
        !sinceNegated(tokens, i) &&
        /^\d{1,3}$/.test(tokens[i + 1] ?? "") &&
        /^(?:min|mins|minutes|hours?|days?|weeks?)$/.test(tokens[i + 2] ?? "")),
  )

/** Work that is a noun, which a time's possessive names ("tonight's sync", "tomorrow's deploy"). */
const workNouns = words(
  "sync deploy run upgrade move switch session workshop training meeting review demo retro",
)
/**
 * "1,412 SKUs have contract price > list price after tonight's SAP sync": the possessive (read
 * "tonight is") names a piece of work by when it runs, which may be over; it announces nothing.
 */
const namedByItsTime = (tokens: ReadonlyArray<string>, i: number): boolean => {
  if (!workNouns.has(tokens[i] ?? "")) return false
  // Up to two names between ("tonight's SAP sync"); the work's own verb after it announces.
  const is = tokens.lastIndexOf("is", i - 1)
  return (
    is >= i - 3 &&
    is > 0 &&
    laterWords.has(tokens[is - 1] ?? "") &&
    !tokens.slice(is + 1, i).some((t) => futureForms.has(t)) &&
    !tokens.slice(i + 1, i + 3).some((t) => t === "is" || t === "will" || futureForms.has(t))
  )
}

/**
 * Work or absence planned for later: a later time and a form that announces it ("we're
 * upgrading the prod cluster next tuesday", "I'll be OOO next week", "change freeze starts
 * monday"), and nothing anchoring it in the past.
 */
/** Incident severity labels that head a report ("SEV2:", "P1 -", "Sev 2:"). */
const severityLabels = words("sev0 sev1 sev2 sev3 sev4 p0 p1 p2 p3 p4")
const planners = words("i we you they")

const runs = words("run ran checked scanned")
/** Who or what makes "run at 19:00" a plan ("will run at", "we run at", "to run at"). */
const runPlanners = words("will to we i you they gonna can should would shall must may might 'll i'll we'll")
const ranAt = (tokens: ReadonlyArray<string>, i: number): boolean =>
  runs.has(tokens[i] ?? "") &&
  tokens[i + 1] === "at" &&
  /^\d{1,2}(?::\d\d)?$/.test(tokens[i + 2] ?? "") &&
  !runPlanners.has(tokens[i - 1] ?? "") &&
  tokens.slice(0, i).some((w) => /^[~>]?\d/.test(w)) &&
  // ("reindex of 1,200 SKUs tomorrow, run at 19:00" is a plan.)
  !tokens.some((w) => laterWords.has(w))

/** What a script signs its findings with ("bagrecon-watchdog:", "[stock-check]"). */
const scriptHead =
  /^\s*(?:\[[\w .-]{2,40}\]|[\w.]+-(?:watchdog|checker|check|monitor|recon|reconciler|guard|sentinel|script|bot|cron|audit|auditor|job):)/
const alarmMarks = words("red_circle rotating_light sos siren alert warning 🔴 🚨 ⚠")
/** What a check finds wrong, counted now ("6 bags … (BRS mismatch)", "12 pallets missing"). */
const findings = words(
  "mismatch mismatches mismatched missing discrepancy discrepancies unmatched orphaned stuck failed overbooked",
)
const checkNouns = words("check checks checker job jobs report reports script scan alert alerts rule")
/**
 * "bagrecon-watchdog: :red_circle: flight CB4412 due off in 20 min with 6 bags loaded for
 * passengers not boarded (BRS mismatch)": a script's (or an alarm's) finding, wrong now; the
 * time after it says how soon it matters, it plans nothing.
 */
const scriptFinding = (message: Message): boolean =>
  // ("the missing-pallet check will run at 6" names a check, which finds nothing yet.)
  message.tokens.some(
    (t, i) =>
      (findings.has(t) || (t === "booked" && message.tokens[i - 1] === "double")) &&
      !checkNouns.has(message.tokens[i + 1] ?? ""),
  ) &&
  (message.emoji.some((e) => alarmMarks.has(e)) ||
    ((message.text.includes("-") || message.text.includes("[")) &&
      scriptHead.test(message.text.slice(0, 80))))

const plannedForLater = (message: Message): boolean => {
  const { tokens } = message
  // "I'll be offline 2h for the dentist": an absence, whenever it is.
  const away = tokens.some(
    (t, i) =>
      t === "be" &&
      (tokens[i - 1] === "gonna" || (tokens[i - 1] === "will" && tokens[i - 2] === "i")) &&
      absent.has(tokens[i + 1] ?? ""),
  )
  // "going to the depot today, might be slow to respond": the writer's own pace, whoever asks.
  if (away || tokens.includes("slow_to_respond")) return true
  return (
    futureAnchor(tokens) &&
    !scriptFinding(message) &&
    tokens.some(
      (t, i) =>
        (futureForms.has(t) && !namedByItsTime(tokens, i)) || foreignPlans.has(t) || t === "change_freeze",
    ) &&
    !tokens.some(
      (t, i) =>
        // ("migrating the last Zabbix checks this month": the last of them, not a past time.)
        (notFuture.has(t) && !(t === "last" && tokens[i - 1] === "the" && !lastTime(tokens[i + 1] ?? ""))) ||
        // "ingest is dropping every couple minutes, the live show starts in 40 min": recurring now.
        // ("move the sync to every 30 minutes next sprint" is the plan's schedule.)
        (t === "every" &&
          /^(?:couple|few|other|\d+|minute|min|mins|minutes|hour|second|seconds|time)$/.test(
            tokens[i + 1] ?? "",
          ) &&
          tokens.slice(Math.max(0, i - 3), i).some((w) => /^[a-z]{3,}ing$/.test(w))) ||
        // "gates open in 30 min and the allowlist sync is only at 40%": a job behind the deadline.
        (/^\d{1,2}(?:[.,]\d+)?%$/.test(t) &&
          tokens.slice(Math.max(0, i - 3), i).some((w) => behindMarkers.has(w))) ||
        // "inv-reconciler: mismatch > 5% … (1,413 SKUs). Run at 19:00 IST.": a script's finding
        // signed with when its check ran; a count before it is what the run found.
        ranAt(tokens, i) ||
        // "prefund bal at UnionBank looks v low, PH payouts will stall soon": a resource low now,
        // its consequence to come — a report, not a plan.
        lowNowWillFail(tokens, i) ||
        // "an article that should have gone live at 9": an expectation already missed.
        (t === "should" && tokens[i + 1] === "have") ||
        (t === "supposed" && tokens[i + 1] === "to") ||
        // "won't install on the lab machines, exam at 2pm": a failure, whatever comes later.
        (t === "not" && (tokens[i - 1] === "can" || tokens[i - 1] === "could" || tokens[i - 1] === "will")) ||
        // "SEV2: dispatch not reaching the Powerwalls, VPP event starts in 40 min": an incident
        // label heading a failure now; the event later is a deadline, not a plan.
        // ("p4: we're not deploying until monday" is the writers' own plan.)
        (t === "not" &&
          severityLabels.has(tokens[0] ?? "") &&
          /^[a-z]{3,}ing$/.test(tokens[i + 1] ?? "") &&
          !tokens.slice(Math.max(0, i - 2), i).some((w) => planners.has(w))),
    )
  )
}

const shipVerbs = words(
  "shipped released deployed launched published rolled merged promoted added created built updated documented migrated",
)
const outWords = words("out live available published")
const repeats = words("duplicate duplicates duplicated dupe dupes twice thrice double doubled")
const repeatTools = words(
  "detection detector check checker checks filter finder guard removal cleanup merge merger",
)
/**
 * "many duplicate tasks created for same grave", "orders get created twice": things made over
 * again is wrong behaviour reported, not a release (a "duplicate-detection job" is a tool).
 */
const madeTwice = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some((t, i) => repeats.has(t) && !repeatTools.has(tokens[i + 1] ?? ""))
/** "we just shipped 4.19 to prod", "release 6.13 is out", "the new runbook is live". */
const announcement = (message: Message): boolean => {
  const { tokens } = message
  const first = message.clauses[0]
  // "we just deployed 3.8.1 and accept rate fell off a cliff. rollback?": asking is no announcing.
  if (first === undefined || message.clauses.some((c) => c.question) || madeTwice(tokens)) return false
  const head = tokens.slice(first.start, first.end)
  return (
    head.some((t, i) => shipVerbs.has(t) && i <= 3) ||
    head.some((t, i) => outWords.has(t) && (head[i - 1] === "is" || head[i - 1] === "are") && i >= 2)
  )
}

/** What heads a reminder or a note to the team ("reminder: on-call sync moved to 15:30", "fyi: new runbook index…"). */
const noteHeads = words("reminder reminders fyi psa announcement notice feature_request note_to_self")
const noteLeads = words("monthly weekly daily friendly gentle quick small another")
/**
 * What makes a note or a deploy notice a report: a denial, or a report forwarded ("fyi ticket
 * from a customer: …", "fyi this just came in: > [CRITICAL] …").
 */
const reportSigns = words(
  "not no never cannot without nothing nobody none customer customers user users ticket came forwarded fwd reported reports",
)
/**
 * A reminder or a note heading the message, with nothing negated and nothing asked: news for
 * the team, not a report ("fyi the nightly export did not run" negates, and stays a report).
 */
const aNote = (message: Message): boolean => {
  const { tokens } = message
  const head = noteLeads.has(tokens[0] ?? "") ? 1 : 0
  return (
    noteHeads.has(tokens[head] ?? "") &&
    !tokens.some((t) => reportSigns.has(t)) &&
    !message.clauses.some((c) => c.question) &&
    !recurs(message)
  )
}

/**
 * "reminder that last time the controller went quiet it was the VPN — it's quiet again now", "…
 * it's happening again": a past cause recalled for a problem back now is a report. A state that is
 * good news again ("chair 4 is open again") and a recurrence supposed ("if it's quiet again,
 * check the VPN") are none.
 */
const recurrence =
  /\b(?:again (?:now|right now|today|tonight|this (?:morning|afternoon|evening))\b|(?:happening|doing it|at it) again\b|(?:is|are|it'?s|they'?re|it is|they are|went|has gone|have gone) (?!(?:open|up|fine|working|running|online|available|live|normal|green|ok|okay|back|healthy|stable|on)\b)[a-z]+ again\b)/
const supposed = /\b(?:if|when|whenever|in case|should|once)\b[^.;!?\n—]*$/
const recurs = (message: Message): boolean => {
  if (!message.tokens.includes("again")) return false
  const text = message.text.slice(0, 2000)
  const m = recurrence.exec(text)
  return m !== null && !supposed.test(text.slice(Math.max(0, m.index - 60), m.index))
}

const deployingWords = words("deploying releasing shipping rolling")
/** "the android release 5.13 is rolling out at 10%": a staged rollout's progress. */
const stagedRollout = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some(
    (t, i) =>
      (t === "rolling" || t === "rolled") &&
      tokens[i + 1] === "out" &&
      (tokens[i + 2] === "to" || tokens[i + 2] === "at") &&
      /^\d{1,3}%$/.test(tokens[i + 3] ?? ""),
  )
/** A deploy announced as it starts, by the one doing it ("deploying X to prod now, will watch it"). */
const deployNotice = (message: Message): boolean =>
  (deployingWords.has(message.tokens[0] ?? "") || stagedRollout(message.tokens)) &&
  !message.clauses.some((c) => c.question) &&
  !message.tokens.some((t) => reportSigns.has(t))

/** A new dashboard announced ("new dashboard for the checkout funnel is live: <link>"): its link is no alert. */
export const announcesDashboard = (message: Message): boolean =>
  /\b(?:new|updated) (?:[\w-]+ ){0,3}(?:dashboard|board|panel|view)s?\b[^.?!\n]{0,80}\b(?:is|are) (?:now )?(?:live|up|ready|out)\b|(?:^|\n)\W{0,3}new (?:[\w-]+ ){0,3}(?:dashboard|board|panel)s? for [^:\n]{1,60}:|\b(?:dashboard|board)s? (?:is|are) (?:now )?live\b|\b(?:added|made|built|created|published) (?:a |an |the )?(?:new )?(?:dashboard|board|panel)s?\b/.test(
    message.text.slice(0, 2000),
  )

// Not a greeting: "yo, search results are empty" is a report that opens with one.
// Nor a laugh: "lol the dashboard shows another tenant's pipelines" is a report too.
const social = new Set<ChatterCategory>(["thanks", "praise", "farewell"])
/** Celebration ("🎉 we did it", "metrics bill way lower after the cleanup 🎉"): good news. */
const celebration =
  /🎉|🥳|🙌|👏|💪|🍾|🎂|🏆|:tada:|:raised_hands:|:clap:|:muscle:|:partying_face:|:birthday:|:trophy:/
/** Words that turn from the social part to another topic: what follows is the message. */
const topicShifts = words("btw fyi anyway also quick however but unrelated separately")

/** Thanks, praise or a greeting, with no other topic ("shoutout to the DBA team, the index change cut query time in half 💪"). */
const socialOnly = (
  message: Message,
  categories: ReadonlyArray<ChatterCategory>,
  leftover: number,
): boolean =>
  (categories.some((c) => social.has(c)) || celebration.test(message.text) || message.tokens[0] === "til") &&
  leftover <= 12 &&
  // "that's… not good": praise denied is a worry.
  !message.tokens.includes("not") &&
  // "TIL the stock page shows 99999 units of insulin, we have maybe 40": a screen said wrong.
  !screenWrong.test(message.text.slice(0, 2000)) &&
  !impossibleValues.test(message.text.slice(0, 2000)) &&
  // "bills are estimated even though the meter is reporting fine": fine is the contrast to a report.
  !/\b(?:though|although|whereas)\b/.test(message.text.slice(0, 2000)) &&
  !message.clauses.some((c) => c.question) &&
  !message.tokens.some((t, i) => topicShifts.has(t) && i < message.tokens.length - 1)

const asksAtBot = words("do does did can could will would are is have has")
/** What a question says the bot does: "is it true you run on Lambda?" */
const botDoes = words(
  "run runs read reads use post posts work works support store keep see watch handle cost learn",
)
/** "is the bot still working after the migration?", "do you also get alerts from sentry?" */
const questionToTheBot = (message: Message): boolean =>
  message.clauses.some((c) => {
    if (!c.question) return false
    const clause = message.tokens.slice(c.start, c.end)
    // "is it possible to make you post in threads only?"
    const aboutYou = clause.some(
      (t, k) =>
        t === "you" &&
        (clause[k - 1] === "make" ||
          clause[k - 1] === "let" ||
          // "can I add you to #video-oncall too?"
          clause[k - 1] === "add" ||
          clause[k - 1] === "invite" ||
          clause.slice(k + 1, k + 3).some((w) => botDoes.has(w))),
    )
    return (
      aboutYou ||
      // "what timezone are your reports in?", "alguém sabe se o bot também lê os alertas?"
      clause.includes("your") ||
      /\b(?:o|el|le|der|the|this|our) bot\b/.test(message.text.slice(0, 500)) ||
      (asksAtBot.has(clause[0] ?? "") && clause.slice(1, 3).includes("you")) ||
      // "how did you figure out the HLR thing?"
      // "how long do you usually take to finish an investigation?"
      (clause[0] === "how" && clause[1] === "long" && clause.slice(2, 4).includes("you")) ||
      // "why did you investigate that staging alert?"
      ((clause[0] === "how" || clause[0] === "why") &&
        (clause[1] === "did" || clause[1] === "do") &&
        clause[2] === "you") ||
      (asksAtBot.has(clause[0] ?? "") && clause[1] === "the" && clause[2] === "bot")
    )
  })

/** What the bot runs on or how it comes across: "are you running on the new model?", "you sound smarter". */
const botItself =
  /\bare you (?:now |still )?(?:running|built|powered|based|trained|hosted) on\b|\byou (?:sound|seem|feel|look) (?:a (?:lot |bit )?|much |way |so )?(?:smarter|faster|quicker|sharper|different|dumber|slower|chattier|friendlier|nicer|wiser|more (?:polite|helpful|chatty|confident))\b|\b(?:did|have) (?:they|you|someone|somebody) (?:upgrade|update|retrain|swap|switch)(?:ed|d)? (?:you|your (?:model|brain))\b/

const planningOpeners: ReadonlyArray<ReadonlyArray<string>> = [
  ["should", "we"],
  ["shall", "we"],
  ["can", "we"],
  ["could", "we"],
  ["let", "us", "discuss"],
  ["thoughts", "on"],
  ["any", "concerns"],
  ["any", "objections"],
  ["thoughts"],
  ["anyone", "want", "to"],
  ["want", "to"],
  ["do", "we", "still"],
  ["do", "we", "use"],
  ["we", "should"],
  ["who", "wants", "to"],
  ["what", "do", "we", "think"],
  ["what", "do", "you", "think"],
  ["let", "us", "talk"],
  ["let", "us", "chat"],
  ["any", "plans", "to"],
]
/** "should we move the batch to 22:00? let's discuss in the sync": a plan discussed, nothing wrong. */
const planningQuestion = (message: Message): boolean =>
  message.tokens.some((_t, i) => planningOpeners.some((p) => p.every((w, k) => message.tokens[i + k] === w)))

/** What a team keeps and people ask where to find: a question about one is not a report. */
const resourceNouns = words(`
  runbook runbooks playbook playbooks dashboard dashboards link links doc docs documentation wiki page
  template templates repo channel slo slos sla target targets objective budget error_budget policy
  process procedure checklist guide guides diagram version versions access permission permissions
  owner owners contact rotation schedule calendar meetup conference slides deck recording query list
  datasource panel metric label documented`)

/** Resources whose topic is a failure ("the runbook for kafka consumer lag", "an SLO for log latency"). */
const topicalResources = words(
  "runbook runbooks playbook playbooks dashboard dashboards doc docs wiki slo slos sla query queries template guide rule rules panel timeline haiku poem song limerick story joke",
)
const resourceUsers = words("we you i they")
const resourceUses = words("use follow have keep need run")
const resourceAux = words("do does should would can")
/** "what runbook (do) we use for gate scanner outages": where the topic after the resource starts, or -1. */
const usedFor = (tokens: ReadonlyArray<string>, i: number): number => {
  const k = resourceAux.has(tokens[i + 1] ?? "") ? i + 2 : i + 1
  return resourceUsers.has(tokens[k] ?? "") &&
    resourceUses.has(tokens[k + 1] ?? "") &&
    tokens[k + 2] === "for"
    ? k + 3
    : -1
}
const topicEnds = new Set([
  ...linkingWords,
  ...reportVerbs,
  ...problemPredicates,
  ...subordinators,
  "that",
  "which",
])

/**
 * Per token: inside the topic of a resource ("runbook for *kafka consumer lag*", "dashboard for
 * *seller payouts latency*"): a failure named as what a resource is about, not one happening.
 * The topic ends at a verb ("dashboard for checkout *shows errors*" still reports). So is what
 * someone is curious about ("curious about the backoff").
 */
export const resourceTopics = (message: Message): ReadonlyArray<boolean> => {
  const { tokens } = message
  const marks = tokens.map(() => false)
  for (const c of message.clauses) {
    for (let i = c.start; i < c.end; i += 1) {
      // What someone is curious about, or will talk about ("talk about the kafka lag alerts").
      if (
        (tokens[i] === "curious" ||
          tokens[i] === "talk" ||
          tokens[i] === "chat" ||
          tokens[i] === "discuss") &&
        tokens[i + 1] === "about"
      ) {
        for (let k = i + 2; k < c.end && k < i + 8; k += 1) marks[k] = true
        continue
      }
      if (!topicalResources.has(tokens[i] ?? "")) continue
      const from =
        tokens[i + 1] === "for" || tokens[i + 1] === "on" || tokens[i + 1] === "about"
          ? i + 2
          : tokens[i + 1] === "is" && tokens[i + 2] === "for"
            ? i + 3
            : usedFor(tokens, i)
      if (from < 0) continue
      for (let k = from; k < c.end && k < from + 6 && !topicEnds.has(tokens[k] ?? ""); k += 1) marks[k] = true
    }
  }
  return marks
}
/** "¿dónde está el runbook?", "onde fica o runbook", "wo ist das runbook": where something is. */
const whereIs =
  /(?:d[oó]nde est[aá]|onde (?:fica|está|tem)|alguém tem|alguien tiene|wo (?:ist|finde)|où (?:est|trouver)|dove (?:si trova|è))/

const affected = words("everyone everybody nobody users customers")
const deniedStatements = words("none nothing nobody")

/** "did someone change the pricing page?" suspects a change: a report's question, not a resource's. */
const suspects = words("someone somebody anyone anybody")

/**
 * A wrong thing users see, asked about in surprise ("site keeps redirecting to some casino page
 * on mobile??", "the password page is back up for customers?? store looks closed"): the question
 * mark is alarm, and the behaviour is the report.
 */
const seenWrongPattern =
  /\bredirect(?:s|ing|ed)? (?:\w+ ){0,2}?to (?:some|a random|random|a weird|weird|a spam|spam|a sketchy|sketchy|a shady|shady)\b|\bredirect(?:s|ing|ed)? (?:\w+ ){0,2}?to (?:\w+ ){0,3}?(?:spam|casino|porn|pharmacy|gambling|scam|phishing)\b|\blooks? (?:closed|broken|hacked|blank|empty)\b|\b(?:shows?|showing|back up|is up)\b[^\n?]{0,30}\b(?:password|coming soon|opening soon) page\b|\b(?:password|coming soon|opening soon) page (?:is )?(?:back up|up|showing|shows)\b/
const seenWrong = (text: string): boolean =>
  (text.includes("redirect") || text.includes("look") || text.includes(" page")) &&
  seenWrongPattern.test(text)

/** People getting for nothing what they should pay for ("customers are checking out for free"). */
const freeRide =
  /\b(?:people|users|customers|folks|everyone|buyers|fans|guests|clients|some|they)(?:'re| are| were| can| could| keep| have been| started)? (?:[\w-]+ ){0,4}?(?:for free|free of charge|for nothing)\b/

const notDoers = words("i we you they he she it who are is do does did was were")
const grayed = words("grayed greyed")
/**
 * "recrder not recording positon 6 calls??", "north radio gateway 10-7? console shows the Pisgah
 * channel grayed out": a thing that is not doing its work ("not recording", a noun before it; "are
 * we not using…" asks about a habit) or a control shown grayed out is a fault stated, whatever
 * is asked, and the resource nouns in it ("recording", "channel") are its subject.
 */
const statesAFault = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some(
    (t, i) =>
      (t === "not" &&
        /^[a-z]{3,}ing$/.test(tokens[i + 1] ?? "") &&
        i > 0 &&
        !notDoers.has(tokens[i - 1] ?? "")) ||
      (grayed.has(t) && tokens[i + 1] === "out"),
  )

/**
 * A question about a resource of the team ("is there a dashboard that shows deploy frequency?"),
 * with nothing measured or dated beside it ("…? ingest dashboard shows 0 rps", "orders went to
 * ~0. could be the dashboard itself?" are reports asking whether the dashboard lies).
 */
const resourceQuestion = (message: Message): boolean => {
  const { tokens, clauses } = message
  if (!clauses.some((c) => c.question)) return false
  if (clauses.some((c) => c.question && tokens[c.start] === "did" && suspects.has(tokens[c.start + 1] ?? "")))
    return false
  // "is it normal that the success rate panel is at 62%?": a measurement asked about is a report.
  if (tokens.some((t) => /^\d+(?:[.,]\d+)?%$/.test(t))) return false
  if (statesAFault(tokens)) return false
  // "is the archive bucket supposed to be public??": whether a state is right is a report's question.
  if (/\b(?:supposed|meant) to be\b/.test(message.text.slice(0, 2000))) return false
  if (seenWrong(message.text.slice(0, 2000))) return false
  // "the price calendar shows CHF 0 for next saturday?? people are buying passes for free": a
  // wrong price shown and used is a report, whatever else is asked.
  if (message.text.includes("free") && freeRide.test(message.text.slice(0, 2000))) return false
  const statements = clauses.filter((c) => !c.question).flatMap((c) => tokens.slice(c.start, c.end))
  // "…? none of the invites work": a denial beside the question is the report.
  if (
    statements.some(
      // ("…going out twice?? seeing duplicates in the dashboard": what someone sees is the report.)
      (t) =>
        /^~?\d/.test(t) ||
        metrics.has(t) ||
        metricPredicates.has(t) ||
        deniedStatements.has(t) ||
        t === "seeing",
    )
  )
    return false
  return tokens.some((t) => resourceNouns.has(t)) || whereIs.test(message.text.slice(0, 2000))
}

/** How a thing is when it is fine — not that it runs ("it's still running" is progress, not health). */

/** A state reported as fine, with nothing wrong said: "…68% remaining this month, looking healthy". */
const fineState = (message: Message): boolean =>
  message.tokens.some(
    (t, i) =>
      fineStates.has(t) &&
      ([
        "looking",
        "looks",
        "look",
        "is",
        "are",
        "all",
        "stays",
        "stayed",
        "remains",
        "seems",
        "went",
        "out",
        "checks",
        // "status: all systems nominal ✅"
        "systems",
      ].includes(message.tokens[i - 1] ?? "") ||
        // "all monitors green"
        (message.tokens[i - 2] === "all" && i >= 2)),
  ) &&
  !message.clauses.some((c) => c.question) &&
  // "sandbox is fine but prod search returns nothing": fine is what the report compares with.
  !/\b(?:but|however|though|except|whereas)\b/.test(message.text) &&
  // "the android app shows 'no connection' for everyone, web is fine"
  !message.tokens.some((t) => affected.has(t)) &&
  // "mobile check-in shows 'room not ready' for rooms that are clean": what a screen says, quoted.
  !shownMessage.test(message.text) &&
  // "guider keeps losing the star on T11, seeing is fine so probably not weather": a thing that
  // keeps failing is a live report, and "X is fine so probably not X" rules out one cause.
  !(message.tokens.some((t) => keeps.has(t)) && keepsFailing.test(message.text.slice(0, 2000))) &&
  !(message.tokens.includes("not") && ruledOut.test(message.text.slice(0, 2000)))

const keeps = words("keeps keep kept keeping")
const keepsFailing =
  /\b(?:keeps|keep|kept|keeping) (?:on )?(?:losing|failing|dropping|crashing|timing out|restarting|rebooting|disconnecting|freezing|hanging|erroring|stalling|stopping|flapping|dying|breaking|throwing|tripping|looping|skipping|missing|rejecting|refusing|bouncing|going (?:down|offline|dark|red))\b/i
/** "…is fine so probably not weather", "…looks ok, so likely not the network": one cause ruled out. */
const ruledOut =
  /\b(?:so|which means|meaning) (?:it'?s |its |it is )?(?:probably|prob|likely|prolly|maybe|def|definitely|most likely|surely)? ?not\b/i

/** A screen's or a tool's words quoted after showing them: "shows 'room not ready'", "says \"error\"". */
const shownMessage =
  /\b(?:shows?|showing|says|saying|displays?|displaying|returns?|returning|gives?|giving|gets?|getting)\s+['"“‘`][^'"”’`\n]{0,60}\b(?:not|no|error|errors|failed|failure|unavailable|invalid|denied|expired|wrong|unknown|missing)\b/

/**
 * "how many pages did we get this month vs last? curious about the trend", "did we ever figure
 * out why the dupes happened last month? just curious for the docs": asked out of curiosity about
 * the past, not to have something looked at now.
 */
const curious = /\b(?:curious|for the docs|for the wiki|not urgent|no rush)\b/
const pastOrCount = words("ever happened last month week ago many much trend did earlier was were")
// ("anyone know why we call it the juicer app? 😄": a name's story asked.)
const wondering =
  /\b(?:for (?:a|the) training(?: deck| doc| session)?|for (?:the )?onboarding(?: doc| deck)?|always wondered|just wondering|out of curiosity|just curious|asking for a friend|for future reference|did we ever (?:figure|find|work) out|did we ever follow(?:[- ])?up|did we ever (?:file|open|create|write)|why (?:(?:do|did|does) )?(?:we|they|people|folks|you all|everyone) (?:call|name|nickname) (?:it|this|that|them)\b|why (?:is|was) (?:it|this|that) (?:called|named)\b)\b/
/** "how many P1s did we have in Q3?", "how long did the SSO incident last?": a count of the past. */
const countOfPast =
  /\bhow (?:many|much|long|often)\b[^.?!\n]{0,80}\b(?:did|had|were|was|last (?:month|week|quarter|year))\b/
export const curiosity = (message: Message): boolean =>
  wondering.test(message.text) ||
  countOfPast.test(message.text.slice(0, 500)) ||
  (curious.test(message.text) && message.tokens.some((t) => pastOrCount.has(t)))

/** "the Q4 reliability report is in the shared drive": where something was put. */
const shared =
  /\b(?:is|are) (?:now )?(?:in|on) the (?:shared drive|drive|wiki|thread|channel|doc|confluence|notion)\b|\bthe (?:doc|link|runbook|dashboard|deck|slides) you asked for\b|^\s*new (?:[\w-]+ ){0,3}dashboard\b/
/** "welcome @sofia to the SRE team!" */
const welcome =
  /\bwelcome\b[^.?!\n]{0,30}\bto the [\w -]{0,20}(?:team|channel|rotation|crew|squad|on-?call)\b/

/** "Q4 OKR draft: reduce P1 count by 30%… feedback welcome": a document shared for review. */
const draftShared =
  /\b(?:feedback|thoughts|comments|input|reviews?) (?:welcome|appreciated|wanted)\b|\b(?:ready|up) for (?:review|feedback|comments)\b/

/** "…(not prod, just complaining)", "just venting": said to let off steam, not to have a look. */
export const venting = /\bjust (?:complaining|venting|ranting|sharing|saying|kidding)\b|\bjk\b/

export interface NoProblemInput {
  readonly categories: ReadonlyArray<ChatterCategory>
  readonly leftover: number
  /** The message has incident or alerting vocabulary (weak evidence), if nothing stronger. */
  readonly vocabulary: boolean
}

/**
 * The frame of a message that states no problem (see the module header), or null. With
 * incident vocabulary only a plan for later, a question to the bot, a planning question or
 * venting qualifies ("scheduled downtime for jenkins on saturday", "do you also get alerts from
 * sentry?"); an announcement, praise, a resource question or a fine state must have none.
 */
export const aboutNoProblem = (message: Message, input: NoProblemInput): string | null => {
  if (plannedForLater(message)) return "a plan or absence announced for later"
  // "CCU record today: 412k peak 🎉": celebrated, today or not.
  if (!input.vocabulary && celebration.test(message.text) && !message.clauses.some((c) => c.question))
    return "a celebration"
  // "deploying the scheduler to prod now, just a config change": a deploy announced as it starts.
  if (!input.vocabulary && deployNotice(message)) return "an announcement"
  // "reminder that last time it went quiet it was the VPN — it's quiet again now": a report.
  if (noteHeads.has(message.tokens[noteLeads.has(message.tokens[0] ?? "") ? 1 : 0] ?? "") && recurs(message))
    return null
  // "reminder that the cleanup cron now runs at 03:00": a note, even about now.
  if (!input.vocabulary && aNote(message)) return "an announcement"
  // "monitoring looks calm today 😌": a fine state, today or not.
  if (!input.vocabulary && fineState(message)) return "a state reported as fine"
  // "are you running on the new model now? you sound smarter 😄": the bot itself, now or not.
  if (!input.vocabulary && botItself.test(message.text.slice(0, 500))) return "a question about the bot"
  // "… since the last deploy", "… today", "right now": put in the present, whatever the frame.
  if (message.tokens.some((t) => t === "since" || presentWords.has(t))) return null
  if (questionToTheBot(message)) return "a question about the bot"
  if (planningQuestion(message)) return "a question about a plan"
  if (venting.test(message.text)) return "venting, not a report"
  if (draftShared.test(message.text)) return "a draft shared for feedback"
  // "welcome to the channel @ana! this is where alerts land": alerts named to a newcomer.
  if (welcome.test(message.text)) return "a welcome"
  if (input.vocabulary) return null
  if (announcement(message) || shared.test(message.text)) return "an announcement"
  if (socialOnly(message, input.categories, input.leftover))
    return `${input.categories.find((c) => social.has(c)) ?? "thanks"}`
  if (resourceQuestion(message)) return "a question about the team's resources"
  if (fineState(message)) return "a state reported as fine"
  return null
}
