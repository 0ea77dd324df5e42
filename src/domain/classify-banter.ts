/**
 * A team's banter and asides in its ops channels, in British and Australian English as much as
 * any other (round 22): the weather told ("stinking hot in Brisbane, 36 degrees"), an outage in
 * the news that is someone else's, a status explained as known work ("the docks showing offline
 * are the ones we pulled out"), a good month told, a cosmetic snag handed to another team, a
 * nuisance said to be no bug, a process question asked for a doc. Frames of classify-talk.ts:
 * each stands down when the message puts a problem in the present.
 */
import type { Frame } from "./classify-talk.js"

/** A problem put in the present beside the aside: "still failing", "but", "right now". */
const liveHere =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|throwing|hanging)\b|\bright now\b|\b(?:but|however|though|although|except|apart from)\b/

export const banterFrames: ReadonlyArray<Frame> = [
  {
    // "stinking hot in Brisbane, 36 degrees", "freezing in Leeds this morning": the weather where
    // the writer is, the whole message ("the server room is stinking hot" names a place we run).
    name: "the weather told",
    needles: ["hot", "cold", "freezing", "humid", "muggy", "scorch", "degrees", "sunny", "windy"],
    pattern:
      /^[^\w\n]{0,8}(?:it'?s |its |it is )?(?:stinking|boiling|bloody|so|really|absolutely|properly|baking|freezing|perishing|brass monkeys|a scorcher|scorching|sweltering)?\s?(?:hot|cold|freezing|humid|muggy|sunny|windy|scorcher|scorching|sweltering|baking)(?: out)?,? (?:in|up in|down in|out in|here in|over in|at) [a-z][\w -]{1,30}(?:today|tonight|this (?:morning|arvo|afternoon|week))?[,.!]?(?: (?:-?\d{1,2}|a)(?: ?degrees| ?°c?| ?c)?)?[^\w\n]{0,8}$/,
    live: liveHere,
  },
  {
    // "the outage in the news today is some other company's CDN, we're not affected": someone
    // else's outage, ours said to be fine.
    name: "someone else's outage",
    needles: ["not affected", "unaffected", "not impacted", "doesn't affect us", "not ours", "not us"],
    pattern:
      /\b(?:outage|incident|breach|issue|problem|downtime)\b[^\n]{0,40}\b(?:in|on|from) the news\b[^\n]{0,80}\b(?:(?:we'?re|we are|we aren'?t|we're not) (?:not )?(?:affected|impacted)|unaffected|doesn'?t affect us|not ours|not us)\b|\b(?:some )?other (?:company|companies|provider|vendor|org)'?s?\b[^\n]{0,60}\b(?:we'?re not|we are not|not) (?:affected|impacted)\b/,
    live: liveHere,
  },
  {
    // "no drama, the Leeds docks showing offline are the ones we pulled out for the street works":
    // a status explained as known work.
    name: "a status explained as known work",
    needles: ["the ones we", "the one we", "that we pulled", "we pulled", "we removed"],
    pattern:
      /\b(?:showing|shown|show|listed|marked|flagged|reporting) (?:as )?(?:offline|down|red|missing|unavailable|inactive|disconnected)\b[^\n]{0,30}\b(?:are|is) (?:just )?the ones? (?:we|they|ops|facilities|the council) (?:pulled|removed|took|taken|decommissioned|unplugged|disconnected|switched off|turned off|shut down)\b/,
    live: liveHere,
  },
  {
    // "last month we had 4 sev2s, this month zero. chuffed": a good month told.
    name: "a good month told",
    needles: ["this month", "this week", "this quarter"],
    pattern:
      /\blast (month|week|quarter) (?:we had |there were |was )?\d{1,4} (?:sev ?\d|p\d|incidents?|pages|outages|sev\d?s|p\ds)\b[^\n]{0,10}\bthis \1 (?:zero|none|0|nil|just (?:one|1))\b/,
    live: liveHere,
  },
  {
    // "the down arrow icon in the UI looks weird on dark mode, not urgent, design will pick it
    // up": a cosmetic snag handed to another team.
    name: "a cosmetic snag handed on",
    needles: ["not urgent", "no rush", "low priority"],
    pattern:
      /\b(?:icon|colou?r|font|padding|spacing|alignment|button|label|logo|dark mode|light mode|tooltip)\b[^\n]{0,60}\b(?:looks?|is|are) (?:a bit |slightly |kinda |a little )?(?:weird|odd|off|ugly|funny|wonky|squished|misaligned|blurry)\b[^\n]{0,40}\b(?:not urgent|no rush|low priority)\b[^\n]{0,40}\b(?:design|ux|frontend|the designers|someone|they|i)(?:'ll| will) (?:pick (?:it|this) up|take (?:it|this)|look at (?:it|this)|sort (?:it|this))\b/,
    live: liveHere,
  },
  {
    // "the moon is ruining everyone's sessions again 🌕 (not a bug)": a nuisance said to be no
    // bug, in brackets after it.
    name: "a nuisance said to be no bug",
    needles: ["(not a bug)", "(not a real issue)", "(not an issue)", "(not an incident)", "(not a problem)"],
    pattern: /\((?:not a bug|not a real issue|not an issue|not an incident|not a problem)\)[^\w\n]{0,8}$/,
    live: liveHere,
  },
]
