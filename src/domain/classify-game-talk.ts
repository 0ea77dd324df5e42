/**
 * A gaming community's talk with the bot in its Discord, naming no problem it reports: a bot
 * command typed or mistyped ("!leaderbaord top10", "/stauts"), a reaction typed as text
 * ("reacted with :thumbsup:"), an invitation to play, new content hyped, a remark or a request
 * to the bot about itself ("bot, rate my replay"), a how-to said to be no fault, a name that
 * holds an error ("a chart called 'Error 502' lmao"), a key binding called "down", a problem the
 * writer thought there was, an SLO's value asked or drafted, an alert's look asked for the
 * runbook, hindsight on a past error. Frames of classify-talk.ts: each stands down when the
 * message puts a problem in the present.
 */
import type { Frame } from "./classify-talk.js"

/** A problem put in the present beside the talk: "still failing", "is down", "right now". */
const liveHere =
  /\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging|missing|wrong)\b|\bright now\b|\bsince (?:\d|this|yesterday|last|the)/

/** The same, with a turn ("but", "though") or a recurrence ("again"). */
const liveOrTurn = new RegExp(
  `${liveHere.source}|\\b(?:but|however|though|except|again)\\b|\\b(?:error|errors|crash(?:es|ed|ing)?|500|502|503|timeout|timed out|broke|broken|bug(?:ged)?)\\b`,
)

export const gameTalkFrames: ReadonlyArray<Frame> = [
  {
    // "!leaderbaord top10", "!hlep", "/stauts": a bot command typed as the whole message, ours or
    // another bot's, spelt right or not.
    name: "a bot command typed",
    needles: ["!", "/"],
    pattern: /^\s{0,4}[!/][a-z][\w-]{1,24}(?: [\w#@:.-]{1,24}){0,3}$/,
    live: liveOrTurn,
  },
  {
    // "reacted with :thumbsup:", "*reacts with 🫡*": a reaction typed as text.
    name: "a reaction typed",
    needles: ["react"],
    pattern: /^[*_\s]{0,6}(?:i |\w+ )?(?:reacted|reacts|reacting|reaction) (?:with )?[^\n]{0,30}$/,
    live: liveOrTurn,
  },
  {
    // "anyone up for a 4k lobby later?", "who's down for ranked tonight": an invitation to play.
    name: "an invitation to play",
    needles: ["anyone", "anybody", "who", "wanna", "want to"],
    pattern:
      /^[^\w\n]{0,8}(?:anyone|anybody|who(?:'s| is)?|(?:does )?any ?one|y'?all|you) (?:up for|down for|wanna|want to|free for|keen for|(?:down|up) to) (?:a |an |some |the |another )?(?:quick |few |couple )?[\w -]{0,30}\b(?:lobby|lobbies|match(?:es)?|games?|rounds?|sessions?|queue|ranked|duos?|party|raid|scrims?|multi(?:player)?|tourney|tournament|1v1|runs?)\b[^\n]{0,30}$/,
    live: liveOrTurn,
  },
  {
    // "new sakura cup charts dropped, they're insane", "anyone tried the new practice-mode
    // feature? it's fun": new content hyped.
    name: "new content hyped",
    needles: ["new"],
    pattern:
      /\bnew\b[\w -]{0,40}\b(?:charts?|maps?|songs?|tracks?|levels?|skins?|season|pack|event|mode|features?|cup|stages?|beatmaps?)\b[^\n]{0,40}\b(?:dropped|(?:is|are) out|just came out|released|(?:it'?s|they'?re|so|is|are) (?:so |really |actually )?(?:fun|insane|great|awesome|amazing|sick|fire|cool|good|hard|crazy|nuts))\b/,
    live: liveOrTurn,
  },
  {
    // "lowkey this bot is faster than the mods", "does the bot also do memes or just servers",
    // "bot, rate my replay 1-10": a remark on the bot or a game asked of it.
    name: "a remark or a game asked of the bot",
    needles: ["bot"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:lowkey|highkey|ngl|honestly|tbh|fr) )?(?:(?:this|the|our|ur|your) bot (?:is|'s) [^\n]{0,30}\b(?:faster|better|smarter|quicker|funnier|nicer|more \w+) than\b|(?:does|can|will|could) (?:the|this|ur|your) bot (?:also |even |ever )?(?:do|make|play|know|tell|post|draw|sing|rate|joke)\b|(?:hey |yo |ok )?bot[,:]? (?:rate|roast|judge|guess|pick|choose|sing|draw|tell me a|write me)\b)/,
    live: liveOrTurn,
  },
  {
    // "how do I link my discord account? (not broken, just can't find the button)": a how-to
    // said at once to be no fault.
    name: "a how-to said to be no fault",
    needles: ["not broken", "not a bug", "nothing's broken", "nothing is broken", "no bug", "not an issue"],
    pattern:
      /\b(?:not broken|not a bug|nothing'?s broken|nothing is broken|no bug|not an issue)\b[,;.]? ?(?:—|-)? ?(?:i |i'?m |it'?s )?(?:just|only|simply)\b/,
    live: /\b(?:right now|currently)\b|\b(?:is|are) (?:down|failing|erroring)\b/,
  },
  {
    // "i made a chart called 'Error 502' lmao", "the Sentry alert name is 'ChunkLoadError'
    // again, we should rename our chunks": a name that holds an error, laughed at or renamed.
    name: "a name that holds an error",
    needles: ["called", "named", "name is", "titled"],
    pattern:
      /\b(?:called|named|name is|titled) ['"‘“][^'"’”\n]{1,30}['"’”][^\n]{0,100}(?:\b(?:lol|lmao|haha\w*|rename|renamed|call (?:it|them|ours))\b|😂|🤣)/,
    live: /\b(?:right now|currently|is (?:down|failing|broken|firing))\b/,
  },
  {
    // "the 'down' arrow key binding is kinda weird in the new layout": a key called "down".
    name: "a key binding talked about",
    needles: ["bind", "remap", "hotkey", "arrow key"],
    pattern:
      /\b(?:key ?bind(?:ing)?s?|keybinds?|remap(?:ped|ping)?|hotkeys?|arrow keys?|(?:down|up|left|right)['"’”]? arrow)\b/,
    live: /\b(?:crash\w*|errors?|500|fail\w*|broken|not saving|won'?t save|doesn'?t (?:work|save)|reset(?:s|ting)?)\b/,
  },
  {
    // "lol I thought the leaderboard was broken but I was just on the unranked tab 🤦": a problem
    // the writer thought there was, taken back in the same breath.
    name: "a problem only thought",
    needles: ["thought"],
    pattern:
      /\bi thought\b[^\n]{0,60}\b(?:was|were|is|are|had) (?:\w+ )?(?:broken|down|bugged|failing|dead|gone|missing|wrong|stuck|frozen|lagging)\b[^\n]{0,10}\bbut (?:i was|i'?m|it was|it'?s|turns out|i just)\b/,
    live: /\b(?:right now|currently|still (?:broken|down|failing))\b/,
  },
  {
    // "quick q: is the p99 latency SLO 300ms or 500ms for chart-search?": an SLO's value asked;
    // "I'm drafting the Q3 SLO doc, target … 99.9% — thoughts?": one drafted.
    name: "an SLO's value asked or drafted",
    needles: ["slo", "sla"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? )?(?:is|was|what(?:'s| is)) (?:the |our )?[\w -]{0,30}\bsl[oa]\b[^?\n]{0,40}\bor\b[^?\n]{0,40}\?|\b(?:drafting|writing|working on|putting together|preparing|proposing)\b[^\n]{0,30}\bsl[oa]s? (?:doc|document|proposal|draft|page|spec)\b/,
    live: liveOrTurn,
  },
  {
    // "what would the alert look like if the anticheat backlog grew? want to add it to the
    // runbook": an alert's look asked, for a document.
    name: "an alert's look asked",
    needles: ["look like", "would the", "would an"],
    pattern:
      /\bwhat (?:would|will|should|does) (?:the|an?|that|our) (?:\w+ )?(?:alert|page|alarm|notification)s? (?:look like|say|contain)\b/,
    live: liveHere,
  },
  {
    // "in hindsight the 502s on Tuesday were just the ALB draining during the deploy": a past
    // error explained in hindsight.
    name: "a past error explained in hindsight",
    needles: ["hindsight", "in retrospect", "looking back"],
    pattern:
      /^[^\w\n]{0,8}(?:in hindsight|in retrospect|looking back)\b[^\n]{0,100}\b(?:were|was) (?:just|only|actually|simply|probably)\b/,
    live: /\b(?:right now|currently|again|still)\b|\b(?:is|are) (?:\w+ )?(?:failing|down|broken|erroring)\b/,
  },
]
