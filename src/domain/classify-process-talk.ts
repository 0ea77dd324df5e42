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
    // "Kindly add me to the Digital Services on-call group. My ID is ssharma", "can someone add me
    // to the PagerDuty rotation?", "please remove me from the alerts DL": membership asked.
    name: "a membership asked",
    needles: ["add me", "remove me", "invite me"],
    pattern:
      /\b(?:kindly|please|pls|plz|can (?:you|someone|anyone)|could (?:you|someone|anyone))\b (?:please |kindly )?(?:add|remove|invite) me (?:to|from|in|into) (?:the |our |a )?[\w #@.-]{0,40}\b(?:group|channel|rota|rotation|schedule|distribution list|dl|list|team|workspace|escalation policy|roster)\b/,
    // ("add me to the on-call rota? also the replica is 45 min behind": a report after the ask.)
    live: new RegExp(
      `${liveHere.source}|\\b(?:also|btw|plus|behind|lagging|failing|down|errors?|erroring|stuck|missing|slow|timing out|broken|5\\d\\d|4\\d\\d)\\b`,
    ),
  },
  {
    // "Please find attached the weekly uptime summary. Uptime was 99.97%", "I told them 99.95%
    // uptime last quarter — correct?": an availability figure reported or quoted, no outage.
    name: "an uptime figure reported",
    needles: ["uptime", "availability"],
    pattern:
      /\b(?:please find attached|attached is|attaching|sharing|here is|here'?s) (?:the |our )?(?:weekly|monthly|quarterly|daily|q[1-4]|annual|yearly) (?:uptime|availability|sla|slo) (?:summary|report|digest|numbers|figures)\b|\b(?:told|tell|quoted|quote|gave|give|promised|promise) (?:them|him|her|the client|the customer|counsel|the board)\b[^\n]{0,30}\b99\.\d{1,3} ?% (?:uptime|availability)\b/,
    // (A figure under 99%, a missed target or a missing report is trouble.)
    live: new RegExp(
      `${liveHere.source}|\\b(?:breach(?:ed)?|below|missed|missing|target|under (?:the |our )?(?:slo|sla))\\b|(?<![\\d.])(?:\\d|[1-8]\\d|9[0-8])(?:\\.\\d+)? ?%`,
    ),
  },
  {
    // "Monthly report: uptime 99.93%, 3 incidents", "Weekly digest: 22 monitors triggered, 22
    // recovered", "stats: help desk closed 612 tickets in exam week, new record", "monthly uptime
    // for the student portal was 99.97%, report attached": a period's figures told, all past.
    name: "a period's report or digest",
    needles: ["report", "digest", "numbers", "stats", "summary", "recap", "roundup", "uptime"],
    pattern:
      /^[^\w\n]{0,8}(?:the |our )?(?:weekly|monthly|quarterly|daily|yearly|annual|q[1-4]|end of (?:week|month)) (?:[\w-]+ )?(?:report|digest|numbers|stats|summary|recap|roundup|round-up)\s{0,2}[:—–-]|^[^\w\n]{0,8}(?:stats|numbers|figures)\s{0,2}[:—–-]|\b(?:weekly|monthly|quarterly|yearly|annual) (?:uptime|availability) (?:for [\w -]{1,40} )?(?:was|is|came in at|at|of) 99\.\d{1,3} ?%/,
    // (A figure under 99%, a missed target, a failure or an expiry named is trouble.)
    live: new RegExp(
      `${liveHere.source}|\\b(?:breach(?:ed)?|below|missed|missing|target|under (?:the |our )?(?:slo|sla)|still|ongoing|open|unresolved|firing|fail\\w*|expir\\w*|could ?n[o']t|can ?n[o']t|not|errors?|down|broken|stuck)\\b|(?<![\\d.])(?:\\d|[1-8]\\d|9[0-8])(?:\\.\\d+)? ?%`,
    ),
  },
  {
    // "we should really have an alert for the SSEN feed going stale. ticket raised for next
    // sprint", "we need a monitor on the SFTP drop, I'll add it": an alert wished for, nothing seen.
    name: "an alert wished for",
    needles: ["should", "need", "must", "ought"],
    pattern:
      /^[^\w\n]{0,8}(?:honestly,? |tbh,? |imo,? )?(?:we|someone) (?:really |probably |definitely |seriously )?(?:should|need to|must|ought to|could) (?:really |probably |definitely )?(?:have|add|set up|get|build|create|write) (?:an? |some |proper )?(?:alert|alarm|monitor|check|alerting|monitoring)s? (?:for|on|when|if)\b/,
    live: new RegExp(
      `${liveHere.source}|\\b(?:again|already|currently|this morning|today|tonight|missed)\\b`,
    ),
  },
  {
    // "DCC maintenance Sunday 01:00–05:00, reads will queue up and catch up after. planned": a
    // window's day told with what it will do to the data.
    name: "a planned window's effect",
    needles: ["maintenance"],
    pattern:
      /\bmaintenance\b[^.\n]{0,40}\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^\n]{0,120}?\b(?:will|'ll|should|may|might) (?:queue|back up|pile up|buffer|pause|be paused|be delayed|lag|retry|catch up)\b/,
    live: liveHere,
  },
  {
    // "Sir, just confirming that citizens are now able to pay fines", "members can now log in
    // again from the app": the service told working again.
    name: "a service told usable again",
    needles: ["now able", "able to", "can now"],
    pattern:
      /\b(?:are|is) (?:now |again |all )*able to (?:pay|log ?in|sign ?in|book|submit|access|use|upload|download|check ?out|order|claim|file|search|register|renew|see)\b|\b(?:users|customers|citizens|members|clients|patients|owners|agents|staff|everyone|people) can now (?:pay|log ?in|sign ?in|book|submit|access|use|upload|download|check ?out|order|claim|file|search|register|renew|see)\b/,
    live: new RegExp(`${liveHere.source}|\\bnot\\b|n't\\b|\\bstill\\b|\\bonly\\b`),
  },
  {
    // "the payout failures were yesterday btw, all reprocessed last night ✅", "the OCR backlog
    // from Tuesday has fully cleared. Thank you all": a past problem told over.
    name: "a past problem told over",
    needles: ["cleared", "reprocessed", "drained", "caught up", "recovered", "resolved"],
    pattern:
      /\b(?:were|was) (?:yesterday|last night|this morning|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^\n]{0,30}\b(?:all |fully |since )?(?:reprocessed|cleared|drained|resolved|retried|recovered|caught up)\b|\bfrom (?:yesterday|last night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b (?:has|have) (?:now |fully |since |all )*(?:cleared|drained|caught up|recovered|been (?:cleared|reprocessed|resolved|drained))\b/,
    live: liveHere,
  },
  {
    // "status: queues empty, payouts flowing, zendesk calm 😌": a status line, every item fine.
    name: "an all-fine status line",
    needles: ["status"],
    pattern:
      /^[^\w\n]{0,8}(?:quick )?status(?: check| update)?:? (?:[a-z0-9 -]{1,30} (?:empty|flowing|calm|green|quiet|normal|healthy|fine|ok|clear|stable|nominal|steady)[,;. ]{0,3}){2,4}/,
    live: new RegExp(
      `${liveHere.source}|\\b(?:fire|failing|fail(?:s|ed)?|stuck|growing|backed up|backlog(?:ged)?|down|errors?|red|spiking|slow|degraded)\\b`,
    ),
  },
  {
    // "false alarm, the clinic was closed for a holiday, that's why no invoices 🏖️": an alarm
    // taken back, its cause told.
    name: "a false alarm explained",
    needles: ["false alarm"],
    pattern: /^[^\w\n]{0,8}(?:ok,? |oh,? |nvm,? |never mind,? |update:? )?false alarm[,.:;!—–-]/,
    live: liveHere,
  },
  {
    // "the error in yesterday's slide deck was a typo, not a platform error 😅": an error in a
    // document, none in a system.
    name: "a document's error told a typo",
    needles: ["typo"],
    pattern:
      /\b(?:error|mistake|issue|number|figure) in (?:the |yesterday'?s |today'?s |my |our |last week'?s )?(?:slide deck|slides?|deck|doc|document|email|report|spreadsheet|memo|newsletter|minutes|notes)\b[^\n]{0,30}\b(?:was|is) (?:just |only |simply )?(?:a )?typo\b|\b(?:was|is) (?:just |only |simply )?a typo,? not (?:a |an )?(?:platform|system|real|prod|production|app) (?:error|issue|bug|problem|outage)\b/,
    live: liveHere,
  },
  {
    // "lol opposing counsel's vendor portal is down again, not our problem": another party's
    // system, disowned.
    name: "another party's outage disowned",
    needles: ["not our", "not my"],
    pattern:
      /\b(?:their|opposing counsel'?s|the other side'?s|counsel'?s|the client'?s|the court'?s|someone else'?s|the neighbou?rs'?)\b[^\n]{0,40}\b(?:is|are|went|was) (?:down|broken|out|offline|dead)(?: again)?\b[^\n]{0,10}\bnot (?:our|my) (?:problem|issue|circus|system|monkeys)\b/,
    // (Their system down is the frame itself; ours beside it, or a "but", is news.)
    live: /\b(?:but|however|though|although|also|too|as well)\b|\b(?:we|us|our|my)\b(?! (?:problem|issue|circus|monkeys|system)\b)/,
  },
  {
    // "tbh the new alert format is way easier to read", "we should alert on consumer lag imo":
    // the alerts themselves talked about.
    name: "alerting talked about",
    needles: ["alert"],
    pattern:
      /\b(?:the )?new alert(?:s|ing)? (?:format|layout|template|message|wording|style)s? (?:is|are|looks?) (?:way |much |so |a lot |far )?(?:easier|better|nicer|cleaner|more readable|clearer|readable)\b|\bwe should (?:really |probably |also )?(?:alert|page) on [\w -]{2,40}(?:,? imo|,? i think|,? tbh)\b/,
    live: liveHere,
  },
  {
    // "Just to confirm, the downtime notice for Sunday has been posted on the website", "FYI the
    // error messages in the Spanish translation were updated", "the new 'Service Unavailable' page
    // design has been approved": a piece of writing about failures done, no failure.
    name: "a notice or text told done",
    needles: ["has been ", "have been ", " were ", " was ", " got "],
    pattern:
      /^[^\w\n]{0,8}(?:(?:just )?(?:for (?:your )?information|to confirm|confirming|fyi|for reference|update|sir|ma'?am|hi all|hello all)[,:]? (?:that )?)*(?:the|our) (?:new |updated |revised )?[^\n.!?]{0,60}?\b(?:notices?|messages?|translations?|page design|designs?|banners?|templates?|wording|copy|slides?|slide deck|sops?|runbooks?|faqs?|announcements?|advisory|advisories|email templates?|newsletter|texts?|mock-?ups?|screens?)\b[^\n.!?]{0,60}? (?:has been|have been|was|were|got) (?:now |already |finally )?(?:posted|updated|approved|published|translated|reviewed|signed off|uploaded|finali[sz]ed|proofread|corrected|reworded|redesigned)\b/,
    live: liveHere,
  },
  {
    // "The change advisory board approved the SSL certificate renewal for next week", "CAB signed
    // off on Sunday's patching": a change's approval told.
    name: "a change's approval told",
    needles: ["approved", "signed off"],
    pattern:
      /^[^\w\n]{0,8}(?:fyi,? |update:? |good news:? )?(?:the )?(?:cab|change advisory board|change board|change committee|change manager|[\w-]{2,30} (?:team|office|committee|board)) (?:has |have |just |finally )*(?:approved|signed off(?: on)?) (?:the |our |a |tonight'?s |sunday'?s |next week'?s )?[^\n.!?]{0,60}?\b(?:renewal|change|patch(?:ing)?|upgrade|migration|window|release|rollout|maintenance|deploy(?:ment)?|cutover|request|rfc|cr)\b/,
    live: liveHere,
  },
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
  {
    // "is the Deputy CIO to be informed for Sev2 also, or only Sev1?", "do we call the vendor for
    // P2 too or just P1?": who is told for which severity, asked.
    name: "an escalation matrix asked",
    needles: ["sev", "p1", "p2", "p3", "severity"],
    pattern: new RegExp(
      `\\bfor ${severity}(?: also| too| as well)?,? or (?:only |just |also )?(?:for )?${severity}\\b[^\\n?]{0,20}\\?`,
    ),
    live: liveHere,
  },
  {
    // "Could you please share the runbook link for payment gateway issues? Just for reference",
    // "where can I find the SOP for portal outages?": a document asked for, no problem told.
    name: "a runbook asked for",
    needles: ["runbook", "sop", "playbook", "escalation matrix", "checklist"],
    pattern:
      /\b(?:share|send|post|forward|point me to|where (?:is|are|can i find|do i find)|link to|need)\b (?:me |us )?(?:the |a |our )?(?:latest )?(?:runbooks?|sops?|playbooks?|escalation matrix|checklists?)(?: link| doc| page)? (?:for|on|about|covering)\b[^\n]{0,80}\?(?:[^\n]{0,30}\b(?:just )?for (?:reference|future reference|my reference|onboarding|the onboarding))?/,
    live: new RegExp(`${liveHere.source}|\\b(?:now|currently|again)\\b`),
  },
  {
    // "Counsel would like a copy of our SOC 2 report; who should I ask?", "who do I contact for
    // the pen test letter?": who holds a document, asked.
    name: "a document's owner asked",
    needles: ["who "],
    pattern:
      /\b(?:report|certificate|attestation|policy|questionnaire|dpa|pen ?test(?: letter| report)?|contract|insurance certificate|audit)\b[^\n?]{0,40}\bwho (?:should|do|can|could|would) (?:i|we) (?:ask|contact|talk to|reach out to|ping|email)\b|\bwho (?:should|do|can|could|would) (?:i|we) (?:ask|contact|talk to|reach out to|ping|email) (?:for|about) (?:a |the |our )?(?:copy of )?(?:the |our )?[\w -]{0,30}\b(?:report|certificate|attestation|policy|questionnaire|dpa|contract|audit)\b/,
    live: liveHere,
  },
  {
    // "When is the next patch window for the city hall kiosks?", "when's the next maintenance
    // window?": the calendar asked.
    name: "the next window asked",
    needles: ["next "],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? |sorry,? |hi,? )?when(?:'s| is| are| will be) (?:the |our )?next (?:patch(?:ing)?|maintenance|change|release|deploy(?:ment)?|upgrade|downtime|freeze)(?: (?:window|cycle|train|slot|day|night))?\b[^\n?]{0,60}\?/,
    live: liveHere,
  },
  {
    // "Please help me understand what is "p95 latency" in the dashboard, I am new to the team",
    // "what does 'saturation' mean on the kafka board?": a quoted term's meaning asked.
    name: "a term's meaning asked",
    needles: ['"', "'", "“", "‘"],
    pattern:
      /\b(?:understand|explain|what (?:is|are|does|do)|meaning of)\b (?:what (?:is|are) )?["'“‘][\w %.-]{1,40}["'”’] (?:mean|means|stand for|in (?:the|this|our) (?:dashboard|report|graph|chart|panel|board|runbook|sop|doc))\b/,
    live: liveHere,
  },
  {
    // "is the latency dashboard per tenant or global?", "is the latency dashboard the one under
    // Platform?", "how often do you check the Kafka lag?": a question about how a board is read.
    name: "a dashboard's reading asked",
    needles: ["dashboard", "board", "panel", "how often"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? |question:? |noob q:? )?(?:is|are) (?:the |our |this |that )?[\w -]{0,30}\b(?:dashboards?|boards?|panels?)\b (?:per [\w -]{1,20} or [\w -]{1,20}|the one (?:under|in|on|called|named)\b[^\n?]{0,40}|(?:in|under) [\w -]{1,30} or [\w -]{1,30})\?|^[^\w\n]{0,8}how often do (?:you|we|y'?all|you guys) (?:check|look at|review|watch)\b[^\n?]{0,60}\?/,
    live: new RegExp(`${liveHere.source}|\\b(?:broken|empty|blank|stale|wrong|missing|not loading)\\b`),
  },
]
