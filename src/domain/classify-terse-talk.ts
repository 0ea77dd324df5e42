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
/** Nor a thing down or impossible ("standup in 5, checkout down for everyone"). */
const noTrouble = String.raw`${noProblem}(?![^\n]*\b(?:down|dead|broke|can'?t|cannot|unable|won'?t (?:load|start|open|boot))\b)`
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
    /^how many (?:alerts|pages|incidents|tickets|deploys|releases)(?: (?:did|have) we (?:get|got|had|have|do|done)| (?:fired|triggered|went off|came in|were (?:fired|raised|opened)))? (?:this|last|over the|in the last) (?:week|month|sprint|quarter|shift|night|weekend|year)\s*\??$/,
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
    // ("the latency dashboard is really pretty now, nice job": praised with thanks.)
    /^(?:the )?(?:new )?(?:[\w-]+ ){0,3}(?:dashboard|board|panel|view|runbook|graph)s? (?:looks?|is|are) (?:really |so |very )?(?:nice|great|good|sick|slick|clean|awesome|neat|amazing|pretty|beautiful|gorgeous|lovely)(?: now)?\b(?:[,;—-]? ?(?:nice|great|good|awesome) (?:job|work)|[,;—-]? ?(?:thanks|thank you|ty|kudos)(?: [\w@]{1,20}){0,3})?[\s.!]*(?:\p{Extended_Pictographic}\ufe0f?\s*)*$/u,
  ],
  // "Update terraform aws provider to v5.61.0 #2207", "chore(deps): bump axios from 1.6.0 to 1.7.2".
  [
    "a dependency update's title",
    // (Dependabot's "Bump org.x:y from 1.77 to 1.78.1 in /svc (#1077)": a Maven name and a folder.)
    /^(?:(?:chore|fix|build)\(deps(?:-dev)?\): )?(?:update|bump|upgrade) [\w@/.: -]{1,60}? (?:from v?[\d.]+ )?to v?\d+(?:\.\d+){1,3}(?: in \/[\w./-]{0,60})?(?: \(#?\d+\)| #\d+)?\s*$/,
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
  // "what time zone are the alert timestamps in?": how alerts are written, asked.
  [
    "a question about alerts' format",
    /^(?:what|which) (?:time ?zone|tz|format|units?|language|date format) (?:are|is|do) (?:the |our |your )?(?:alert|page|incident|pager|notification)s? ?(?:timestamps?|times|dates|messages?|durations?|titles?)? (?:in|shown in|use|using|written in)\s*\?*$/,
  ],
  // "what's the p95 target for speech scoring again, 2s?": a target asked, nothing said to miss it.
  [
    "a target asked",
    /^what(?:'s| is| was|’s) (?:the |our )?(?:[\w-]+ ){0,2}(?:target|slo|sla|objective|goal|budget|threshold)(?! (?:breach|miss))\b(?![^\n]*\b(?:now|currently|since|breach\w*|miss\w*|fail\w*|down|because|but)\b)[^\n.!]{0,50}\?\s*$/,
  ],
  // "still learning how the alert routing works, where do I read about it?": docs asked for.
  [
    "docs asked for",
    new RegExp(
      String.raw`^(?:[^?\n]{0,60}[,;—-]\s*)?where (?:do|can|should) (?:i|we|new folks|newcomers) (?:read|learn|find (?:docs|more|out)|look)(?: more)? (?:about|up) (?:it|this|that|them|the [\w -]{1,30}|[\w-]+)\s*\?*${noTrouble}$`,
    ),
  ],
  // "lmk when you're free to pair on the alert routing": time asked of a teammate.
  [
    "time to pair asked",
    new RegExp(
      String.raw`^(?:lmk|let me know|ping me|tell me) when (?:you'?re|you are|u r|ur|you’re) free to (?:pair|sync|chat|talk|go over|walk through|work)\b${noTrouble}[^?\n]{0,60}$`,
    ),
  ],
  // "heads up, I'm rebooting the staging modbus simulator, nothing prod", "fyi restarting the
  // staging redis in 10 min for the upgrade, expect a short blip": work on a system no customer
  // uses, announced by the one doing it (a restart that did not help is no announcement).
  [
    "work on a test system announced",
    new RegExp(
      String.raw`^(?:(?:heads[ -]?up|fyi|psa|note)[,:!—-]?\s*)?(?:i'?m |i am |we'?re |we are |i'?ll |i will |we'?ll |about to |going to |gonna )?(?:restart|reboot|redeploy|upgrad|patch|bounc|recycl|reset|rebuild|flush|drain|wip)\w* (?:the |our )?(?:staging|stage|dev|test|qa|sandbox|uat|preprod|pre-prod|demo)\b${noTrouble}(?![^\n]*\b(?:didn'?t|did not|doesn'?t|still|help(?:ed)?|because|can'?t|cannot|won'?t (?:start|boot|come))\b)[^?\n]{0,100}$`,
    ),
  ],
  // "heads up: traffic spike expected at 19:00 because of the campaign, we already scaled up":
  // a load foretold and already met.
  [
    "an expected load already met",
    new RegExp(
      String.raw`^(?:(?:heads[ -]?up|fyi|psa)[,:!—-]?\s*)?(?:an? |big |huge )?(?:traffic|load|usage|signups?|orders?|requests?) (?:spike|surge|peak|bump|rush|increase) (?:is )?expected\b${noTrouble}[^?\n]{0,80}\bwe(?:'ve| have)? already (?:scaled|bumped|added|provisioned|increased|pre-?warmed|warmed)\b[^?\n]{0,40}$`,
    ),
  ],
  // "billing cycle 15 finished fine in the end": a run that went well, the whole message.
  [
    "a run that went fine",
    new RegExp(
      String.raw`^(?:the )?(?:[\w-]+ ){1,4}(?:finished|completed|ran|went through|went|worked|succeeded|passed) (?:fine|ok|okay|well|cleanly|clean|smoothly|successfully|without (?:issues|errors|problems))(?: in the end| after all| this time| today| this morning| last night| overnight)?${noTrouble}${end}`,
      "u",
    ),
  ],
  // "billing-portal release v5.3.1 tagged and published ✅".
  [
    "a release published",
    new RegExp(
      String.raw`^(?:the )?(?:[\w-]+ ){0,2}(?:release |version )?v?\d+(?:\.\d+){1,3}[\w.-]* (?:is |was |has been |got )?(?:tagged|published|released|cut|shipped|out)(?: and (?:published|released|pushed|shipped|tagged|announced))?${end}`,
      "u",
    ),
  ],
  // "the new grafana folder for telemetry is set up, feel free to add panels".
  [
    "something new set up",
    new RegExp(
      String.raw`^(?:the )?new (?:[\w-]+ ){0,3}(?:folder|dashboard|board|channel|repo|workspace|project|space|alias|group|rota|rotation|view|runbook|wiki page)s? (?:for [\w -]{1,30} )?(?:is|are) (?:now )?(?:set ?up|ready|live|created|up)\b${noTrouble}(?:[,;—-] ?(?:feel free to|go ahead and|please|pls) [^?\n]{0,50})?${end}`,
      "u",
    ),
  ],
  // "the error rate graph on the lessons dashboard is so boring today, love to see it": a flat
  // graph praised.
  [
    "a boring graph praised",
    /^(?:the )?(?:[\w-]+ ){0,4}(?:graphs?|dashboards?|charts?|boards?|panels?)\b[^?\n]{0,40}\b(?:is|are|looks?|looking) (?:so |very |super |beautifully |delightfully |wonderfully )?(?:boring|flat|quiet|uneventful)\b[^?\n]{0,20}\b(?:love to see it|love it|love that|nice|chef'?s kiss|as it should be|just how i like it)\b[^?\n]{0,20}$/u,
  ],
  // "community AMA with the learning science team is saturday 6pm UTC!", "sprint planning moved to
  // 11, bring snacks", "new japanese course just dropped 🇯🇵 go try it", "mods reminder: feature
  // requests go in #suggestions": a community's or a team's own news.
  [
    "an event announced",
    new RegExp(
      String.raw`^(?:the |our |community |team |weekly |monthly )*(?:ama|town ?hall|all-?hands|meetup|q&a|hackathon|game night|quiz night|workshop|webinar|stand-?up|retro|sprint planning|sprint review|planning|demo day|offsite|lunch and learn|office hours)\b${noTrouble}[^?\n]{0,60}\b(?:is|starts|moved|moves|at|on|tomorrow|tonight|today|${DAY}|\d{1,2}(?::\d\d)? ?(?:am|pm|utc)?)\b[^?\n]{0,40}$`,
      "u",
    ),
  ],
  [
    "something new announced",
    new RegExp(
      String.raw`^(?:the |a |our )?new (?:[\w-]+ ){1,3}(?:just )?(?:dropped|landed|launched|is out|are out)\b${noTrouble}[^?\n]{0,40}$`,
      "u",
    ),
  ],
  [
    "a moderators' note",
    new RegExp(
      String.raw`^(?:mods?|moderators?|admins?|community team) (?:reminder|note|psa|update)\s*:${noTrouble}[^\n]{0,120}$`,
    ),
  ],
  // "what did the reservoir say to the pump? nothing, it just waved 🌊": a joke's set-up and its punchline.
  [
    "a joke",
    new RegExp(
      String.raw`^what did (?:the |an? )?[\w -]{1,30} say to (?:the |an? )?[\w -]{1,30}\?${noTrouble}[^?\n]{0,60}$`,
      "u",
    ),
  ],
  // Internet slang said to the bot: "skill issue tbh 😂", "touch grass bot", "ratio + L",
  // "it's giving on-call energy", "POV: you're on call and it's friday 5pm", "i was down bad with
  // the subjunctive but now i get it" (a person's "down bad" is a mood, not an outage).
  [
    "slang",
    new RegExp(
      String.raw`^(?:(?:skill issue|touch(?:ing)? grass|ratio(?: \+ [^+\n]{1,40})*|l \+ ratio(?: \+ [^+\n]{1,40})*|no cap|it'?s giving [\w -]{1,30}(?:energy|vibes?)|main character energy)(?: (?:tbh|fr|ngl|lol|lmao|bot|bro|honestly))*${end}|pov:? you'?re (?:on[ -]?call|the on-?call|debugging|oncall)\b[^?\n]{0,60}$|(?:i|we)(?:'m| am| was|'re| are| were) (?:so |lowkey |highkey |literally )?down bad (?:with|over|about|for) [^?\n]{0,60}$)`,
      "u",
    ),
  ],
  // "any reason we pinned the kafka client to 3.4?": a past decision asked about.
  [
    "a decision asked about",
    /^any (?:reason|idea why|context on why|background on why) (?:we|you|they|someone) (?:pinned|chose|picked|went with|switched|kept|set|capped|locked)\b[^?\n]{0,60}\?\s*$/,
  ],
  // "shift change in 10, anything I should know?", "handover at 6, anything open?": the next
  // shift asking along.
  [
    "a shift change",
    new RegExp(
      String.raw`^(?:shift change|shift swap|handover|hand-?off|change of shift) (?:in \d{1,3}(?: ?(?:min(?:ute)?s?|m))?|at \d{1,2}(?:[:.]\d\d)?(?: ?[ap]m)?|soon|now)\b[,.!;:—–-]*\s*(?:anything (?:i should know|i need to know|to know|to hand over|open|going on)|any(?:thing)? (?:updates?|news)|what'?s (?:new|open|up))?\s*\??${end}`,
      "u",
    ),
  ],
  // "I'm covering Dana's crew systems rotation until Friday", "i'll be on the payments rota
  // this week": who holds a rotation.
  [
    "a rotation covered",
    new RegExp(
      String.raw`^(?:fyi,? |heads up,? )?(?:i'?m|i am|i'?ll be|i will be) (?:covering|taking|on|holding) (?:for )?(?:[\w-]+'s |the |my )?(?:[\w-]+ ){0,3}(?:rotation|rota|shift|on-?call|pager)(?: (?:until|till|through|thru|for|this|next) [\w ]{1,20})?${end}`,
      "u",
    ),
  ],
  // "status: all stations checking in ok, bag scan rates normal, feeds fresh. quiet morning":
  // every site reporting well, nothing of a failure after it.
  [
    "every site checking in ok",
    new RegExp(
      String.raw`^(?:status:? |update:? |morning check:? )?all (?:[\w-]+ ){0,2}(?:stations|sites|stores|nodes|kiosks|gates|feeds|systems|locations|branches|terminals) (?:are )?(?:checking in|reporting(?: in)?|look(?:ing)?|are) (?:ok|okay|fine|green|normal|nominal|healthy)\b${noTrouble}(?![^\n]*\b(?:but|except|apart from)\b)[^?\n]{0,120}$`,
      "u",
    ),
  ],
  // "14 cancellations at DEN for the snowstorm, all went through the rebook tool fine 👍":
  // normal operations told done through a tool.
  [
    "normal operations done fine",
    new RegExp(
      String.raw`^${noTrouble}(?![^\n]*\b(?:but|except|apart from|still)\b)[^?\n]{0,80}\ball (?:went|got|were|have been|got pushed) (?:through|rebooked|processed|handled|reaccommodated)\b[^?\n]{0,40}\b(?:fine|ok|okay|smoothly|without (?:a hitch|issues?|problems?))${end}`,
      "u",
    ),
  ],
  // "if anyone asks, the "flight cancelled" banner on the website is legit, NW33 really is
  // cancelled": a shown state confirmed true ("shows cancelled but it's boarding" reports).
  [
    "a shown state confirmed true",
    new RegExp(
      String.raw`^(?:if anyone asks,? |fyi,? |heads up,? |just so you know,? )?the [^\n]{1,40}\b(?:banner|message|notice|status|badge|label|sign|warning) (?:on [^\n]{1,30} )?is (?:legit|real|correct|accurate|right|true|expected)\b${noProblem}(?![^\n]*\b(?:but|though|except)\b)[^?\n]{0,60}$`,
      "u",
    ),
  ],
  // "quick q: what's the timezone of the daily report?", "are kiosk uptime numbers in the monthly
  // report from you or from the vendor?": how a report is made, asked (not why it is wrong).
  [
    "a question about a report",
    new RegExp(
      String.raw`^(?:quick q(?:uestion)?[:,]? )?(?:what(?:'s| is| are)|which|who|where|are|is|does|do) ${noTrouble}(?![^\n]*\b(?:empty|missing|late|wrong|blank|stale|didn'?t|hasn'?t|isn'?t|not|no)\b)[^?\n]{0,60}\b(?:daily|weekly|monthly|quarterly|nightly|sla|uptime) (?:report|summary|digest|numbers|email)\b[^?\n]{0,40}\?${end}`,
      "u",
    ),
  ],
  // "what's your escalation policy when a feed goes stale?", "what's the procedure if a store's
  // printer dies?": how a kind of failure is handled, asked as the whole message ("the feed went
  // stale, what's the procedure?" reports first).
  [
    "a policy asked about",
    /^(?:quick q(?:uestion)?[:,]? )?what(?:'s| is| are) (?:your|our|the) (?:[\w-]+ ){0,2}(?:policy|policies|process|procedure|protocol|playbook|runbook|sop) (?:when|if|for when|in case) (?:a |an |the |one of |our |their )[^?.!\n]{1,70}\?\s*$/,
  ],
  // "is the tournament stream tonight at 7 or 8 CET?": when an event is, asked ("is the stream
  // down tonight at 7 or 8?" names trouble).
  [
    "a time asked",
    new RegExp(
      String.raw`^is the ${noTrouble}[\w' -]{1,40} (?:tonight|today|tomorrow|tmrw|on ${DAY}) at \d{1,2}(?::\d\d)? ?(?:[ap]m)? or \d{1,2}(?::\d\d)? ?(?:[ap]m)?(?: [a-z]{2,4})?\s*\?\s*$`,
      "u",
    ),
  ],
  // "pm for tue's PIX incident is thu 3pm ET, invite sent": a postmortem's meeting set.
  [
    "a postmortem meeting set",
    new RegExp(
      String.raw`^(?:pm|postmortem|post-mortem|pir|retro|rca review) (?:for|on) ${noTrouble}[^,.\n]{1,50} is (?:on |at )?(?:${DAY}|${SHORT_DAY}|today|tomorrow|tmrw|next week)[^,.\n]{0,30}(?:,? (?:cal(?:endar)? )?invites? (?:sent|out)|,? in the calendar)?\s*[.!]?\s*$`,
      "u",
    ),
  ],
  // "Shardfall is down... to #2 on the Steam top sellers 😭": a rank fallen, told as a joke on "down".
  [
    "a chart rank fallen",
    /^[\w' .-]{1,40} is down\W{0,5}(?:to )?#\d{1,3} (?:on|in) (?:the )?[\w -]{0,30}\b(?:top sellers|best ?sellers|charts?|rankings?|leaderboard|top \d{1,3})\b[^\w\n]{0,12}$/u,
  ],
  // "Could you kindly confirm the escalation procedure for out-of-hours SCADA alarms?": the
  // process asked formally, the whole message ("…? the pumps are alarming now" reports after it).
  [
    "a procedure asked",
    /^(?:could|would|can) you (?:please |kindly )?(?:confirm|clarify|explain|share|remind (?:me|us) of) (?:the|our|your) (?:[\w-]+ ){0,3}(?:policy|process|procedure|protocol|playbook|runbook|sop|escalation path|rota) (?:for|when|if|in case of|on) [^?.!\n]{1,80}\?\s*$/,
  ],
  // "downtime for the Type B gateway migration confirmed for Tue 01:00–01:30 UTC": a window
  // agreed, nothing else said.
  [
    "a downtime window confirmed",
    /^(?![^\n]*\b(?:but|however|though|already|now|down|failing|errors?)\b)(?:the )?(?:downtime|maintenance(?: window)?|outage window|cutover(?: window)?) (?:for [^\n]{1,60}? )?(?:is )?(?:confirmed|approved|booked|agreed|locked in) (?:for|on|at) [\w :.,/–-]{1,40}$/,
  ],
]

/**
 * Round 37's team talk, each shape the whole message: "10-4", a fact or the bot asked about, a
 * notice (a freeze, an audit, docs published), the writer's own VPN, an outage of years ago told
 * as a story, the alert's sound joked about, streams verified, a tool's weekly test passed.
 */
const roundTalk: ReadonlyArray<readonly [string, RegExp]> = [
  // "10-4", "10-4 thanks": radio code for "understood".
  [
    "an acknowledgement",
    new RegExp(`^10-4(?:[,!]? (?:thanks|thx|ty|copy|got it|roger|good buddy))?${end}`, "u"),
  ],
  // "quick q: which region does the podcast CDN origin live in?", "what account is the
  // staging bucket in?": where a thing lives, asked.
  [
    "a question about where a thing lives",
    new RegExp(
      String.raw`^(?:quick q(?:uestion)?[:,]? )?(?:which|what) (?:region|zone|az|datacenter|data center|dc|account|cluster|project|subscription|vpc)${noTrouble} (?:does|do|is|are) [^?\n]{1,60}\b(?:live|run|sit|hosted|deployed|located|in)(?: in| on)?\s*\?\s*$`,
      "u",
    ),
  ],
  // "how much latency is acceptable for the HSM? I don't remember the number from the design
  // doc", "what's the max error rate allowed for checkout?": a budget asked, nothing measured.
  [
    "a limit asked about",
    new RegExp(
      String.raw`^(?:quick q(?:uestion)?[:,]? )?(?:how much|how many) [\w -]{1,30} (?:is|are) (?:acceptable|ok|okay|allowed|tolerable|fine|too much) for [^?\n]{1,40}\?${noTrouble}(?: [^?\n]{0,80}\b(?:remember|recall|forgot|forget)\b[^?\n]{0,60})?${end}`,
      "u",
    ),
  ],
  // "is today's pledge total real? $212k 🤯", "is this signup number right?! 3x last year":
  // good news doubted in wonder.
  [
    "a figure wondered at",
    new RegExp(
      String.raw`^is (?:today's|this|that|the|our) (?:[\w-]+ ){0,2}(?:total|number|count|figure|tally|record|amount)${noTrouble} (?:real|right|correct|legit|accurate)\s*\?[?!]*(?: [$€£]?[\d.,]+\s?[km]?)?${end}`,
      "u",
    ),
  ],
  // "can you write a haiku about dead air?", "write me a limerick about the pager": a poem asked.
  [
    "a poem asked of the bot",
    /^(?:can|could|would) you (?:write|compose|make) (?:me |us )?(?:a|an) (?:haiku|poem|limerick|sonnet|song|rap|verse)\b[^,;.!\n]{0,50}\?*\s*$/u,
  ],
  // "can you explain me what 'FIRING:3' means? the number is the count of alerts?": a word asked.
  // ("can you explain what GameServerFleetLowReady actually means? reading the runbook rn": an
  // alert's name asked, the writer reading up.)
  [
    "what a word means",
    new RegExp(
      String.raw`^(?:can|could) you explain (?:me |to me )?what (?:['"‘“][^'"’”\n]{1,30}['"’”]|[a-z][\w.:-]{2,60}) (?:actually |really |exactly )?means\s*\?${noTrouble}(?: [^?\n]{1,80}\?| [^?\n]{1,60})?\s*$`,
      "u",
    ),
  ],
  // "remember the Christmas freeze starts 18 Dec, no deploys after that", "reminder the CRTC
  // logger audit is next week, please don't touch the logging server": a notice ("…, also we're
  // getting 500s" reports beside it).
  [
    "a notice",
    new RegExp(
      String.raw`^(?![^\n]*(?:\b[45]\d\ds?\b|\b(?:also|but|meanwhile|however|getting|seeing)\b))(?:remember|reminder|reminder that|heads[ -]?up|fyi|psa)[:,]?${noTrouble} (?:the |our )?[\w -]{0,30}\b(?:freeze|audit|maintenance|pen ?test|inspection|review|cutover|dr test|drill)s? (?:starts|begins|kicks off|is|are)\b[^?\n]{0,100}$`,
      "u",
    ),
  ],
  // "docs for the new pledge API are up on confluence", "runbook is published on the wiki".
  [
    "docs published",
    new RegExp(
      String.raw`^(?:the )?(?:new )?(?:docs|documentation|runbooks?|wiki page|slides|recording|notes|spec)${noTrouble}(?: for [^\n]{1,40}?)? (?:is|are) (?:now )?(?:up|live|published|posted)(?: on| in| at) (?:the )?(?:confluence|notion|wiki|gdrive|drive|sharepoint|github|portal)\b[^?\n]{0,30}$`,
      "u",
    ),
  ],
  // "we are not down, it was my VPN 🙈", "checkout isn't down, it's just my wifi".
  [
    "the writer's own connection",
    new RegExp(
      String.raw`^(?:we|it|[\w-]{1,30})(?:['’]re not|['’]s not| is not| are not| isn['’]t| aren['’]t) down[,;.!]? (?:it was|it's|its|was) (?:just |only )?my (?:vpn|wifi|wi-fi|network|laptop|browser|proxy|cache|connection)${end}`,
      "u",
    ),
  ],
  // "the stream went down for 2 min during the 2021 drive and we still hit goal lol": an outage
  // of a year gone told as a story.
  [
    "an old outage told as a story",
    /^(?![^\n]*\b(?:again|now|currently|right now|today)\b)(?:the |our )?[\w -]{1,30} (?:went down|crashed|died|fell over) (?:for [\w ]{1,15} )?(?:during|in) (?:the )?(?:19|20)\d\d\b[^\n]{0,60}\b(?:and we still|lol|haha|good times|fun times)\b[^\n]{0,30}$/u,
  ],
  // "lol the alert sound in the newsroom is the Jeopardy theme now": the pager's tune, no alert.
  [
    "the alert's sound joked about",
    new RegExp(
      String.raw`^(?:lol |haha |lmao )?(?:the |our )?(?:alert|pager|page|alarm|notification) (?:sound|tone|ringtone|noise|chime|jingle)${noTrouble}\b[^\n]{0,40}\bis (?:now )?(?:the |a |an )[^\n]{1,40}$`,
      "u",
    ),
  ],
  // "all streams verified after the encoder swap, 128k and 64k both clean".
  [
    "verified after a change",
    new RegExp(
      String.raw`^(?:all |every )?[\w -]{1,30} verified${noTrouble} (?:after|post|following) (?:the )?[\w -]{1,30}[,;:—-]+ [^\n]{0,50}\b(?:clean|fine|ok|good|healthy|green)${end}`,
      "u",
    ),
  ],
  // "[eas-monitor] Weekly test (RWT) relayed successfully on WNSR-FM and CKNS-FM": a tool's
  // routine test passed.
  [
    "a routine test passed",
    new RegExp(
      String.raw`^\[[\w-]{2,30}\] (?:weekly|daily|monthly|scheduled|routine|required) test\b${noTrouble}[^\n]{0,30}\b(?:relayed|passed|completed|sent|succeeded|received|ok)(?: successfully)?\b[^\n]{0,60}$`,
      "u",
    ),
  ],
]

/** A word one of `roundTalk`'s shapes holds, so other messages skip them cheaply. */
const roundNeedle =
  /10-4|\b(?:which|what|how|is|can|could|would|remember|reminder|heads|fyi|psa|docs|documentation|runbooks?|wiki|slides|recording|notes|spec|not down|went down|crashed|died|fell|alert|pager|page|alarm|notification|verified|test)\b/

/** The reason a whole terse message is team talk, or null. */
export const terseTalk = (message: Message): string | null => {
  const text = message.text.slice(0, 300).replace(mention, "").trim()
  if (text.length > 120) return null
  for (const [name, pattern] of shapes) if (pattern.test(text)) return name
  if (!roundNeedle.test(text)) return null
  for (const [name, pattern] of roundTalk) if (pattern.test(text)) return name
  return null
}
