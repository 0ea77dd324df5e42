/**
 * A team's process talk in its incident and ops channels, naming problems it does not report: a
 * blog post told about a past improvement, a dashboard announced live, a word's meaning taken
 * back ("'down' — as in going down to the café"), a freeze's scope asked, an old incident
 * remembered fondly, a change request waiting for approval, when to page for a severity asked,
 * severity levels defined or pinned. Frames of classify-talk.ts: each stands down when the
 * message puts a problem in the present ("…, and the printers are failing again now").
 */
import type { Frame } from "./classify-talk.js"

/** A problem put in the present beside the talk: "still failing", "but", "right now". */
const liveHere =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\bright now\b|\b(?:but|however|though|although|except|apart from)\b|\bsince (?:\d|this|yesterday|last|the)/

/** The same, with "again" as a problem back ("down again"). */
const liveOrBack = new RegExp(`${liveHere.source}|\\bagain\\b`)

const severity = "(?:sev ?[0-4]|p[0-4]|severity ?[0-4])"

export const processTalkFrames: ReadonlyArray<Frame> = [
  {
    // "wrote a blog post about how we cut OTA latency by half: <link>": a past improvement told.
    name: "a write-up of an improvement shared",
    needles: ["blog", "write-up", "writeup", "article", "case study", "newsletter"],
    pattern:
      /\b(?:wrote|written|published|posted|put up|shared|finished|new|our|my)\b[^\n]{0,30}\b(?:blog ?posts?|write-?ups?|articles?|case study|newsletter(?: piece)?)\b (?:about|on|describing|explaining|covering|:)? ?(?:how|why|what|the way)\b/,
    live: liveHere,
  },
  {
    // "the data quality dashboard for audiograms is live, have a look: <grafana link>": a new
    // dashboard announced, a look invited.
    name: "a dashboard announced live",
    needles: ["dashboard", "board", "panel"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:the|our|a|new|my) )*[\w -]{0,40}\b(?:dashboards?|boards?|panels?)\b[^\n.!?]{0,50}\b(?:is|are) (?:now |finally )?(?:live|up|ready|published|out)\b[^\n]{0,4}(?:[,.!—-] ?(?:have a look|take a look|check it out|feedback welcome|enjoy|go wild|link)|$|:)/,
    live: liveOrBack,
  },
  {
    // "lol \"down\" — as in I'm going down to the café": a word's other sense, said at once.
    name: "a word's meaning taken back",
    needles: ["as in", "i mean", "i meant", "meaning"],
    pattern:
      /['"‘“][\w -]{1,20}['"’”] ?(?:—|–|-|,|:)? ?(?:as in|i mean|i meant|meaning)\b (?:i'?m|i am|we'?re|going|like|the|my|[a-z]{3,}ing)\b/,
    live: /\b(?:right now|currently|is (?:actually )?(?:down|failing|broken))\b/,
  },
  {
    // "is the freeze also covering the plant controllers or just the cloud stuff?": a freeze's
    // scope asked.
    name: "a freeze's scope asked",
    needles: ["freeze"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? )?(?:is|does|will|do|are) (?:the |this |our )?(?:change |deploy(?:ment)? |code |release |holiday |prod )?freeze\b[^?\n]{0,100}\?/,
    weakOnly: true,
    live: liveHere,
  },
  {
    // "remember when the laser marker engraved a whole batch in Comic Sans? still my favourite
    // incident": an old incident remembered fondly.
    name: "an old incident remembered",
    needles: ["remember"],
    pattern:
      /^[^\w\n]{0,8}(?:lol |haha )?(?:anyone |who |do you |y'?all )?remember(?:s)? (?:when|the time)\b[^\n]{0,150}\b(?:favou?rite|best|classic|legendary|good times|fun times|never forget|all-?time|hall of fame)\b/,
    live: /\b(?:right now|currently|today|again)\b|\b(?:is|are) (?:\w+ )?(?:failing|down|broken|happening)\b/,
  },
  {
    // "change request for rotating the UPS API key is up: CHG-2304, needs one more approver":
    // a change waiting for approval.
    name: "a change request waiting for approval",
    needles: ["change request", "chg", "rfc", "approv"],
    pattern:
      /\b(?:change request|chg-?\d+|cr-\d+|rfc-?\d+)\b[^\n]{0,100}\b(?:needs?|waiting (?:on|for)|pending|awaiting) (?:one more |another |an? |two |2 |more )?(?:approv(?:er|ers|al|als)|sign-?offs?|reviews?|reviewers?)\b/,
    live: liveHere,
  },
  {
    // "do we page for sev3 at night or just open a ticket? new folks keep asking": when to page
    // for a severity, asked.
    name: "a paging policy asked",
    needles: ["page", "paged", "escalate", "wake"],
    pattern: new RegExp(
      `^[^\\w\\n]{0,8}(?:quick q:? )?(?:do|should|does|would|will) (?:we|you|they|on-?call|anyone|someone|i) (?:still |ever |actually |really )?(?:page|get paged|escalate|wake (?:someone|anyone|people|folks) up)\\b[^?\\n]{0,40}\\b(?:${severity}|low[- ]sev|minor|severity)\\b[^?\\n]{0,80}\\?`,
    ),
    weakOnly: true,
    live: liveHere,
  },
  {
    // "sev levels cheat sheet is pinned in #incidents now: sev2 = clinic-facing degradation,
    // sev3 = internal only": severity levels defined or pinned.
    name: "severity levels defined",
    needles: ["sev", "severity", "p1", "p2", "p3"],
    pattern: new RegExp(
      `\\b${severity} ?(?:=|means|is for|→|->) [^\\n,;]{3,60}[,;] (?:and )?${severity} ?(?:=|means|is for|→|->)|\\b(?:sev(?:erity)? (?:levels?|definitions?|matrix|guide|table|cheat ?sheet)|(?:cheat ?sheet|guide|doc|table|matrix) (?:for|of|on) sev(?:erity)? levels)\\b[^\\n]{0,40}\\b(?:pinned|posted|published|shared|updated|is up|in the wiki|on confluence)\\b`,
    ),
    live: liveOrBack,
  },
  {
    // "if dome-07 ever reports open during rain again, what's our escalation path? writing it up
    // now", "what dashboards do you check first when someone reports slow unlocks? asking for the
    // onboarding doc": how the team handles a kind of problem, asked for a document.
    name: "a process question asked for a doc",
    needles: ["writing it up", "writing this up", "onboarding", "runbook", "playbook", "documenting", "wiki"],
    pattern:
      /^[^\w\n]{0,8}(?:if [^?\n]{0,100}, )?(?:what|how|who|where|when|which)\b[^?\n]{0,140}\?[^?\n]{0,12}\b(?:writing (?:it|this|that) up|asking for (?:the |our |a )?(?:onboarding|runbook|playbook|wiki|docs?)|for (?:the |our )?(?:onboarding|runbook|playbook|wiki)(?: docs?| page| deck)?|documenting (?:it|this|that))\b/,
    live: liveHere,
  },
]
