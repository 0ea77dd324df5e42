/**
 * A terse team's talk, the whole message a few words: "pager silent all weekend", "first
 * on-call shift, wish me luck", "no friday deploys pls", "canary clean", "pto next week fyi", "who
 * has pager tonight", "how many alerts this week?", a deploy bot's "✅ … rolled out to 212
 * sites", a dependency PR's title alone, a postmortem link, a dashboard moved or praised, a
 * maintenance window with its expected outage. Each pattern holds the whole message (or says
 * what may follow), so "pager silent all weekend, but checkout is down now" is none of them.
 * Lower-cased text, mention stripped; pure.
 */

import type { Message } from "./classify-text.js"

const mention = /^\s*(?:<[@!#][^>\s]{1,40}>[\s,:]*)*/
const end = String.raw`[\s.!]*(?:\p{Extended_Pictographic}\ufe0f?\s*)*$`
const DAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day"
/** A day as a terse team writes it: "thurs?", "fri". */
const SHORT_DAY = "(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
/** Nothing of a failure anywhere after the pattern's start. */
const noProblem = String.raw`(?![^\n]*\b(?:fail\w*|errors?|broken|outage|5\d\d|not working|stuck|slow|offline|(?:is|are) down|crash\w*|timing out)\b)`
const SPAN = `(?:all |the whole |this |last |over the )?(?:weekend|night|week|shift|day|morning|evening|${DAY})`

const shapes: ReadonlyArray<readonly [string, RegExp]> = [
  // "pager silent all weekend", "phone's been quiet all night".
  [
    "a quiet shift",
    new RegExp(
      `^(?:the )?(?:pager|phone|on-?call|alerts?|pages?|rota)(?:'s| is| was|'s been| has been| have been| were)? (?:totally |completely |dead )?(?:silent|quiet|calm)(?: ${SPAN})?${end}`,
      "u",
    ),
  ],
  // "first on-call shift, wish me luck", "my first week on pager, here we go".
  [
    "a first shift",
    /^(?:my )?first (?:on-?call|pager|primary|secondary|night|solo)(?: shift| week| rotation)?(?: on (?:pager|on-?call|primary))?\b[^\n]{0,20}\b(?:wish me luck|here we go|nervous|excited|be gentle)\b/u,
  ],
  // "no friday deploys pls", "no deploys over the holidays please".
  [
    "a team rule",
    new RegExp(
      `^(?:reminder:? )?no (?:(?:${DAY}|weekend|late|holiday|after-?hours) )?(?:deploys?|deployments|releases|merges|pushes|changes)(?: (?:on|over) (?:the )?(?:${DAY}s?|weekends?|holidays?))?(?: please| pls| today| this week| folks| people)*${end}`,
      "u",
    ),
  ],
  // "deploy-prod ✅ kiosk-pos v3.8.2 rolled out to 212 sites": a deploy bot's success line.
  [
    "a rollout's success",
    /^[\w-]{0,30}\s*✅\s*[\w .@/-]{1,60}\b(?:rolled out|deployed|released|shipped|pushed) to (?:all )?\d{1,6} (?:sites|stores|hosts|nodes|clusters|regions|devices|kiosks|pods|servers|locations)[\s.!]*$/u,
  ],
  // "who has pager tonight", "who's on call this weekend?".
  [
    "who is on call, asked",
    new RegExp(
      String.raw`^who(?:'s| is| has)? (?:on )?(?:the )?(?:pager|on-?call|call|primary|secondary)(?: (?:tonight|today|tomorrow|now|this weekend|this week|next week|on ${DAY}))?\s*\??$`,
    ),
  ],
  // "how many alerts this week?", "how many pages did we get last night?".
  [
    "a count of alerts asked",
    /^how many (?:alerts|pages|incidents|tickets|deploys|releases)(?: (?:did|have) we (?:get|got|had|have|do|done))? (?:this|last|over the) (?:week|month|sprint|quarter|shift|night|weekend)\s*\??$/,
  ],
  // "latency thresholds need tuning, thurs?": a tuning session proposed.
  [
    "a tuning proposed",
    new RegExp(
      String.raw`^(?:the )?(?:[\w-]+ ){0,2}(?:thresholds?|alerts?|alert rules?|monitors?|slos?)(?: (?:really|probably|still))? (?:needs?|could use|want) (?:some )?(?:tuning|tweaking|adjusting|a tune-?up|a look)(?:[,;]? (?:${DAY}|${SHORT_DAY}|tomorrow|next week|this week)\??)?${end}`,
      "u",
    ),
  ],
  // "new latency dashboard looks nice", "the new checkout board is great".
  [
    "a dashboard praised",
    /^(?:the )?new (?:[\w-]+ ){0,3}(?:dashboard|board|panel|view|runbook|graph)s? (?:looks?|is|are) (?:really |so |very )?(?:nice|great|good|sick|slick|clean|awesome|neat|amazing)\b[\s.!]*(?:\p{Extended_Pictographic}\ufe0f?\s*)*$/u,
  ],
  // "Update terraform aws provider to v5.61.0 #2207", "chore(deps): bump axios from 1.6.0 to 1.7.2".
  [
    "a dependency update's title",
    /^(?:(?:chore|fix|build)\(deps(?:-dev)?\): )?(?:update|bump|upgrade) [\w@/. -]{1,60}? (?:from v?[\d.]+ )?to v?\d+(?:\.\d+){1,3}(?: \(#?\d+\)| #\d+)?\s*$/,
  ],
  // "canary clean", "staging looks green".
  [
    "a check passed",
    /^(?:the )?(?:canary|canaries|rollout|smoke(?: tests?)?|staging|build|ci|pipeline|preflight)(?: is| was| looks| looking| all)? (?:clean|green|good|fine|healthy|passed|passing)[\s.!]*$/,
  ],
  // "pm doc: https://…/pm/INC-4471": a postmortem's link alone.
  [
    "a postmortem link",
    /^(?:pm|postmortem|post-mortem|rca|pir|retro)(?: doc| notes| draft| write-?up)?\s*[:—-]?\s*<?https?:\/\/\S+?>?\s*$/,
  ],
  // "pto next week fyi", "ooo tomorrow".
  [
    "time off",
    new RegExp(
      String.raw`^(?:(?:i'?m |i am )?(?:on )?(?:pto|ooo|out of office|on leave|on vacation|on holiday))(?: (?:from |until |till )?(?:next week|this week|tomorrow|today|${DAY}|the \d{1,2}(?:st|nd|rd|th)?))+(?:,? fyi)?${end}`,
      "u",
    ),
  ],
  // "grafana dashboards moved to the Telemetry folder, update your bookmarks".
  [
    "a dashboard moved",
    /^(?:the |our |all )?(?:[\w-]+ ){0,2}(?:dashboards?|runbooks?|playbooks?|docs|wiki pages?|boards?)(?: have| has| were| was| got)? (?:moved|migrated|renamed|relocated) to\b[^.?!\n]{0,40}(?:[,;—-] ?(?:update|fix|change) (?:your|the) (?:bookmarks?|links?))?[\s.!]*$/,
  ],
  // "dal-03 maint 10pm, expect it offline": a window and its expected outage.
  [
    "maintenance announced",
    /^[\w-]{1,30} maint(?:enance)? (?:at |from )?(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|tonight|tomorrow)\s*[,;—-]\s*expect (?:it|them|[\w-]+) (?:to be |to go )?(?:offline|down|unavailable|unreachable)(?: for a bit| briefly)?[\s.!]*$/,
  ],
  // "cert renewal for the portal went through, new expiry is Feb 2025".
  [
    "a certificate renewed",
    new RegExp(
      String.raw`^(?:the )?(?:ssl |tls )?cert(?:ificate)?s? renewal (?:for [\w .-]{1,30} )?(?:went through|succeeded|worked|is done|completed|done)\b(?:[,;] new expiry (?:is |date )?[\w ,/-]{1,20})?${end}`,
      "u",
    ),
  ],
  // "we should write a runbook for when the TSSA feed is late, it's happened twice this year".
  [
    "a runbook proposed",
    /^we should (?:write|add|create|draft|have|put together) (?:a |an )?(?:runbook|playbook|checklist|sop|doc) for (?:when|if)\b(?![^\n]*\b(?:now|currently|today|again)\b)[^?\n]{0,100}$/,
  ],
  // "cake in the kitchen for Jenna's last day 🎂 come down before it's gone".
  [
    "food in the office",
    new RegExp(
      String.raw`^(?:there'?s |there is )?(?:cake|pizza|donuts?|doughnuts|snacks|bagels|cookies|treats|leftovers|breakfast|lunch|cupcakes|ice cream)\b (?:in|at|on) (?:the )?(?:kitchen|break ?room|canteen|office|lobby|[\w-]+ floor)\b${noProblem}[^?\n]{0,80}$`,
      "u",
    ),
  ],
  // "any reason we pinned the kafka client to 3.4?": a past decision asked about.
  [
    "a decision asked about",
    /^any (?:reason|idea why|context on why|background on why) (?:we|you|they|someone) (?:pinned|chose|picked|went with|switched|kept|set|capped|locked)\b[^?\n]{0,60}\?\s*$/,
  ],
]

/** The reason a whole terse message is team talk, or null. */
export const terseTalk = (message: Message): string | null => {
  const text = message.text.slice(0, 300).replace(mention, "").trim()
  if (text.length > 120) return null
  for (const [name, pattern] of shapes) if (pattern.test(text)) return name
  return null
}
