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
  {
    // "this ^", "^ this", "^^ same": agreement with the message above, the whole message.
    name: "agreement with the message above",
    needles: ["^"],
    pattern:
      /^[^\w\n]{0,8}(?:\^+\s*)?(?:this|that|same|exactly|agreed|same here|what (?:he|she|they) said)(?:\s*\^+)?[^\w\n]{0,8}$/,
    live: liveHere,
  },
  {
    // "error handling PR for ill-sync is up for review if anyone has a minute", "Renovate opened a
    // PR bumping the stripe SDK, can someone review?": a change asked to be reviewed.
    name: "a review asked",
    needles: ["review"],
    pattern:
      /\b(?:pr|prs|mr|pull request|merge request|patch|diff)\b[^.?!\n]{0,100}?\b(?:is |are )?(?:up|ready) for (?:review|a review)\b|\b(?:pr|prs|mr|pull request|merge request)\b[^.?!\n]{0,100}?,? (?:can|could|would) (?:someone|somebody|anyone|you|one of you) (?:please )?(?:review|have a look|take a look)\b/,
    live: liveHere,
  },
  {
    // "sentry error count is down 40% this week, nice job on the ill-sync fix", "Q3 incident
    // count was down 40% vs Q2 🎉 nice job everyone": a fall praised ("down 40% … nice job").
    name: "a fall praised",
    needles: ["nice", "great", "good job", "well done", "kudos", "🎉", "awesome"],
    pattern:
      /\b(?:errors?|error count|error rate|incidents?|incident count|pages|page count|alerts?|alert count|tickets?|ticket count|crash(?:es| rate)?|exceptions?|5xx|timeouts?|mttr|churn)\b[^.?!\n]{0,40}?\b(?:is|are|was|were|went|got)? ?(?:down|dropped|fell|reduced|cut) (?:by )?(?:~|about |almost |over )?\d{1,3}(?:\.\d)? ?%[^\n]{0,80}?(?:\bnice\b|\bgreat\b|\bgood job\b|\bwell done\b|\bkudos\b|🎉|\bawesome\b)/,
    live: liveHere,
  },
  {
    // "nice, the DLQ is empty now", "backlog drained 🎉", "retry queue is back to zero": a queue of
    // failures emptied is good news.
    name: "a failure queue emptied",
    needles: ["dlq", "dead letter", "dead-letter", "backlog", "retry queue", "error queue"],
    pattern:
      /\b(?:dlq|dead[- ]letter(?: queue)?|backlog|retry queue|error queue)s? (?:is |are |got |has been )?(?:now |finally |fully )?(?:empty|emptied|cleared|drained|at (?:0|zero)|back to (?:0|zero))\b/,
    live: liveHere,
  },
  {
    // "we had a 'connection refused' storm last month … worth adding to the onboarding doc imo", "the
    // outage last spring taught us to keep spare gateways", "yesterday api was down 20 min because
    // of expired cert, lesson learned haha": a past incident recalled for its lesson.
    name: "a past incident's lesson",
    needles: ["lesson", "taught us", "worth adding", "good to remember", "onboarding", "worth remembering"],
    pattern:
      /\b(?:yesterday|last (?:night|week|month|year|spring|summer|autumn|fall|winter|quarter|time)|(?:weeks?|months?|years?) ago|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b[^\n]{0,160}?\b(?:lessons? learn(?:ed|t)|taught us|worth adding to|good to remember|worth remembering)\b|\b(?:lessons? learn(?:ed|t)|taught us|worth adding to|good to remember|worth remembering)\b[^\n]{0,160}?\b(?:yesterday|last (?:night|week|month|year|spring|summer|autumn|fall|winter|quarter|time)|(?:weeks?|months?|years?) ago)\b|\b(?:outage|incident|storm|meltdown) (?:last|in) (?:\w+ )?(?:spring|summer|autumn|fall|winter|year|month|quarter)\b[^\n]{0,60}?\btaught us\b/,
    live: /\b(?:is|are|keeps?|still|currently|been|gone) (?:\w+ )?(?:failing|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|throwing|hanging|down)\b|\bright now\b|\bagain\b/,
  },
  {
    // "all branches confirmed self-checks working after the update", "the stores confirmed the
    // scanners ok since the patch": a check's success reported by the people who ran it.
    name: "a check confirmed working",
    needles: ["confirmed"],
    pattern:
      /\bconfirmed (?:that )?(?:the |their |its |all )?[\w-]{1,30}(?: [\w-]{1,30}){0,2} (?:are |is )?(?:working|ok|fine|running|good|back)\b/,
    live: new RegExp(`${liveHere.source}|\\bnot\\b|n't\\b|\\bstill\\b`),
  },
  {
    // "the latency dashboard got a new panel for p99 per district, check it out": a dashboard
    // change shown.
    name: "a dashboard change shown",
    needles: ["new panel", "new graph", "new chart", "new row", "new view", "new tab"],
    pattern:
      /\b(?:dashboards?|boards?|grafana|kibana|datadog)\b[^\n]{0,40}?\b(?:got|has|gets|now has|with) (?:a |some |two |2 |three |3 )?new (?:panels?|graphs?|charts?|rows?|views?|tabs?)\b|\badded (?:a )?new (?:panel|graph|chart|row)s? (?:to|on) (?:the )?[\w -]{1,30}(?:dashboard|board)\b/,
    live: liveHere,
  },
  {
    // "you said booking-api p99 hit 4s yesterday, was that the peak or just when you sampled it?":
    // a question about a number someone gave earlier.
    name: "a question about a past number",
    needles: ["you said", "you mentioned", "you posted"],
    pattern:
      /^[^\w\n]{0,8}(?:earlier |so )?you (?:said|mentioned|posted)\b[^\n]{0,120}?\b(?:yesterday|last (?:night|week)|earlier|this morning)\b[^\n]{0,120}\?/,
    live: liveHere,
  },
  {
    // "error rate on deposits is 0.2%, totally normal for a sunday", "p99 at 900ms, which is normal
    // for month-end": a level said normal for the time ("10x the usual for a tuesday" compares).
    name: "a level said normal for the time",
    needles: ["normal for", "usual for", "expected for", "typical for"],
    pattern:
      /(?<!\bnot |\bnot totally |\bnot quite |\bisn'?t |\bisnt |\bthe |\bab)\b(?:totally |perfectly |pretty |quite |completely |entirely )?(?:normal|usual|expected|typical) for (?:a |the |this |our )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday|night|morning|holiday|month[- ]end|payday|time of (?:day|year)|this time|black friday|season)\b/,
    // ("traffic from Germany is basically zero since 01:00. normal for a Saturday night?" asks.)
    live: new RegExp(`${liveHere.source}|\\?|\\bsince \\d`),
  },
  {
    // "error was on my side, wrong vpn profile, sorry", "the 401s were my fault, old token": the
    // writer's own mistake owned, nothing to look at.
    name: "the writer's own mistake",
    needles: ["my side", "my end", "my fault", "my mistake", "my bad", "user error", "pebkac"],
    pattern:
      /\b(?:errors?|issues?|problems?|failures?|[45]\d\dx?s?|timeouts?|it|that)\b (?:was|were|is) (?:on )?(?:my|our) (?:side|end|fault|mistake|bad)\b|(?<!\b(?:if|whether|might|may|could|maybe|perhaps|possibly|probably|in case) (?:it'?s |it is |this is |that'?s |it was |be |just |it'?s just )?|\b(?:not|isn'?t|wasn'?t|never|no) (?:a |an |just |simply |merely )?)\b(?:user error|pebkac)\b/,
    // ("For the avoidance of doubt, this is not user error. The platform returns HTTP 500 …": the
    // mistake denied, then the report.)
    // ("the 500s were on my side? no, checkout is still 500ing for everyone": not mine after all.)
    // ("I apologize if it's user error on their side. the KDS keeps going blank…": a hedge, then
    // the report; the customer's error only supposed.)
    live: new RegExp(
      `${liveHere.source}|\\bstill\\b|\\bagain\\b|\\bfor (?:everyone|everybody|all|customers|users)\\b`,
    ),
  },
  {
    // "how you decide what is alert and what not?", "how do you decide what's an alert?": the
    // bot's own judgement asked about ("how do you know payments-api is down?" asks for evidence).
    name: "a question about the bot's judgement",
    needles: ["how"],
    pattern:
      /^[^\w\n]{0,8}(?:and |so |but )?how (?:do |does |did )?(?:you|the bot|this bot) (?:decide|choose|pick|determine|judge|classify|sort)\b[^\n]{0,100}\?/,
    live: liveHere,
  },
  {
    // "Release 3.9.0 of caretaker-app-ios created. 0 new issues so far", "no new errors since the
    // deploy 🎉": none counted new.
    name: "no new issues counted",
    needles: ["new issue", "new error", "new crash", "new exception"],
    pattern:
      /\b(?:0|no|zero) new (?:issues|errors|crashes|exceptions)\b(?: (?:so far|yet|since|after|today))?/,
    live: liveHere,
  },
  {
    // "heading down to the basement server room to label cables, back in 20", "popping out for
    // lunch": the writer's whereabouts.
    name: "the writer's whereabouts",
    needles: ["heading", "popping", "nipping", "going down to", "going over to", "off to"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |i am |just |ok,? |brb,? )?(?:heading|popping|nipping|going|off) (?:down |up |over |out |back |across )?(?:to|for) (?:the |a |my )?[a-z][\w -]{1,40}\b[^\n]{0,80}?(?:\bback in\b|\bbrb\b|\bbbl\b|\bfor (?:lunch|coffee|a bit)\b|\bto (?:label|fix|swap|check|grab|replace|move|tidy)\b)/,
    live: liveHere,
  },
  {
    // "quiet night, nothing fired", "calm shift, nothing paged": a quiet shift told.
    name: "a quiet shift told",
    needles: ["nothing fired", "nothing paged", "nothing alerted", "no pages", "no alerts"],
    pattern:
      /^[^\w\n]{0,8}(?:quiet|calm|boring|uneventful|peaceful) (?:night|shift|weekend|day|morning|one)[,.!]? (?:nothing (?:fired|paged|alerted)|no (?:pages|alerts))\b/,
    live: liveHere,
  },
]
