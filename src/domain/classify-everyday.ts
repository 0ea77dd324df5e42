/**
 * Talk that is about the office, the team's day or the bot's own output, not about a system:
 * "what's the wifi password for the depot office?", "the office dog just stole my sandwich",
 * "your last investigation was spot on", "mute yourself for an hour, we're doing a demo".
 * These are read only where nothing else in the message is evidence of a problem (the caller
 * decides): "the office wifi is down" still has its problem word.
 */
import { words } from "./classify-lexicon.js"
import type { Message } from "./classify-text.js"

/**
 * Office life: what people ask or tell each other about the day, never a part of a system the
 * bot can look at. Narrow on purpose: "party", "match", "room", "laptop" or "newsletter" also
 * name what users of a product see ("voice chat cuts out in every party", "newsletter signup
 * does nothing"), and those reports often carry no other signal.
 */
const officeLife = words(`
  wifi guest_wifi canteen cafeteria lunch coffee kitchen snacks pizza cake birthday sandwich dog dogs cat cats
  puppy kitty parking weather snow snowfall desk badge maths math standup standups meeting jira office`)

/** What a report says and small talk does not: a denial, an extent, people affected, a turn. */
const reportMarks = words(`
  not no never nothing nobody cannot wont none every all everyone everybody users customers players
  since started after again still btw fyi anyway but without bad wrong`)

const backOrFront = new Set(["back", "front"])

const askWords = words("what where who when how is are does do")

/** "why did the CDN break up with the origin?": a joke's set-up. */
export const jokeSetUp =
  /\bwhy did (?:the |an? )?[\w -]{1,30} (?:break up with|cross the road|go to (?:therapy|the doctor|the vet|the gym|jail|school))\b|\bknock,? knock\b|\bwalks into a bar\b|\b(?:is|was|'s|’s) (?:honestly |actually |clearly )?the real (?:sev ?\d|p\d|outage|incident|emergency)\b|\bhave you tried turning (?:it|[\w -]{1,30}) off and on again\b|\bthe real (?:outage|incident|sev ?\d|emergency) (?:is|was)\b/i

/** "what's 2+2": a quiz for the bot. */
export const quiz =
  /^\s*(?:<[@!][\w|]+>\s*)?what(?:'s| is) \d+(?: ?[-+*x×/] ?\d+|% of \d[\d,.]*(?: ?[a-z]{1,4})?)\s*\??[^\n?]{0,60}$/i

/**
 * "how's everyone doing?", "how's the snow up there today?": asking after people or the weather,
 * the whole message. Systems are never in it ("how's the db doing?" asks after one).
 */
export const smallTalk =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:hey|hi|hello|morning|good morning|yo|hiya)[,!]?\s+)?(?:(?:all|team|folks|everyone|y'all)[,!]?\s+)?how(?:'s| is| are|’s|s) (?:every(?:one|body)|y'?all|you all|you guys|the team|the crew|things|life|your (?:day|week|weekend|morning|shift|holiday|trip)|the (?:weather|snow|rain|surf|skiing|slopes|powder|commute|sun|heat|wind|storm|new baby|trip|holiday|vacation)(?: (?:up|down|over|out) there)?)(?: (?:doing|going|holding up|treating you|looking|today))?(?: (?:today|tonight|this morning|this week|up there|down there|over there|out there|on your side))?\s*[?!.]*\s*(?:\p{Extended_Pictographic}\s*)*$/iu

/**
 * Everyday office talk, when the caller found no problem at all: "what's the wifi password for
 * the depot office?", "is the canteen open today?", "the office dog just stole my sandwich".
 * Short, with no number and nothing a report would say ("…from my laptop and the office wifi,
 * nothing resolves" is a report).
 */
/** A host name: "fitting.cimaroc.internal", "shop.example.com". */
const hostName =
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|com|net|org|io|cloud|app|dev)$/

/** Sites a business runs, where a connection is part of the work ("the control room", "the depot"). */
const workplaces = words(`
  control_room depot depots store stores shop shops clinic clinics branch branches warehouse plant site
  station stations yard hospital ward pharmacy lab restaurant restaurants hub`)
const dropVerbs = words("dropping dropped drops cutting disconnecting failing going")
/**
 * "wifi at the Thornbeck control room keeps dropping", "the wifi at the depot keeps cutting out":
 * a connection failing over and over at a site the business runs is a report ("office wifi is
 * slow lol" stays office life: "office" is no such site).
 */
const siteConnectionDrops = (tokens: ReadonlyArray<string>): boolean =>
  tokens.some((t, i) => (t === "keeps" || t === "keep") && dropVerbs.has(tokens[i + 1] ?? "")) &&
  tokens.some((t, i) => workplaces.has(t) || (t === "room" && tokens[i - 1] === "control"))

export const everydayTalk = (message: Message): boolean => {
  const { tokens } = message
  return (
    tokens.length <= 16 &&
    !siteConnectionDrops(tokens) &&
    // ("back-office", "front office": a company's internal application, a system)
    tokens.some((t, i) => officeLife.has(t) && !(t === "office" && backOrFront.has(tokens[i - 1] ?? ""))) &&
    // ("a big red error on fitting.cimaroc.internal": a host named is a system named)
    !tokens.some((t) => hostName.test(t)) &&
    // (an ordinal is no reading: "the wifi password on the 4th floor")
    !tokens.some(
      (t, i) =>
        // ("what's the guest wifi password again": "again" closing a question is "remind me")
        (reportMarks.has(t) &&
          !(t === "again" && i === tokens.length - 1 && askWords.has(tokens[0] ?? ""))) ||
        // (nor is a snow or rain depth, a temperature: "30cm overnight, can confirm from the parking lot")
        (/\d/.test(t) && !/^\d{1,2}(?:st|nd|rd|th)$/.test(t) && !/^\d{1,3}(?:cm|mm|°c?|°f)$/.test(t)),
    )
  )
}

/**
 * Feedback on the bot's own output or a setting for it: "btw the link in your last message was
 * broken", "bad bot, that summary was way off", "mute yourself for an hour please". A problem
 * named there is the bot's reply's, not a system's.
 */
export const feedbackToTheBot =
  /\b(?:your |the bot'?s |(?:that|this) (?=last |previous |latest ))(?:last |previous |latest |earlier |first |recent )?(?:message|messages|report|reports|summary|summaries|investigation|investigations|analysis|answer|answers|reply|replies|rca|write-?up|link|links|output|nudge)\b|\b(?:bad|good|great|nice|silly|dumb|naughty) bot\b|\bthe (?:root cause|rca|analysis|summary|diagnosis) you (?:found|gave|posted|wrote|sent)\b|\b(?:mute|silence|pause|snooze|quiet) (?:yourself|the bot)\b/i

/** "it's been 14 days without a P1, new record": a quiet streak counted, nothing failing. */
export const quietStreak =
  /\b\d{1,4} (?:straight |whole )?(?:days|weeks|months|sprints) (?:without|since|with no|w\/o) (?:an? |any |the last |our last )?(?:p[0-4]|sev ?[0-4]|incidents?|outages?|pages?|major incidents?|rollbacks?|downtime)\b/i

/**
 * "what's the slack channel for broker-portal issues?", "where do I report app store issues?":
 * where a problem goes, asked — the problem words name a kind of issue, not one happening. The
 * question must be the whole message: "which team owns payments? payments are down" reports.
 */
export const routingQuestion =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:hey|hi|hello|quick q|quick question|sorry|dumb question)[,:!]?\s+)?(?:(?:which|what(?:'s| is)(?: the)?|where(?:'s| is)(?: the)?) (?:right |correct |best |usual )?(?:slack |discord |teams )?(?:channel|team|queue|jira project|jira board|alias|mailing list|email|rota|rotation|escalation path|support group|runbook|playbook|dashboard|doc|docs|wiki page)(?: link)?|where (?:do|does|is|are) (?:the |our |all (?:the )?)?(?:[\w-]{1,40} ){1,2}?(?:dashboards?|runbooks?|docs|graphs|alerts|alarms|notifications|pages|errors|logs)(?: (?:for|from|of|about) (?:the )?[\w.-]{1,40}(?: [\w.-]{1,40})?)? (?:live|go|end up|land|get (?:sent|routed|posted)|show up)|where (?:do|should|can) (?:i|we) (?:report|raise|file|log|send|post|escalate))\b[^?\n]{0,80}\?\s*(?:<[@!][\w|]+>\s*)?$/i

/** "just checking you're still connected after the reinstall": the bot's own presence checked. */
export const checkOnTheBot =
  /\bchecking (?:that |if |whether )?the bot (?:still )?(?:works|is working|is alive|responds|is up)\b|\b(?:sanity|quick) check\b[^?\n]{0,60}\b(?:are )?you (?:there|alive|awake|online|working)\b|\b(?:pinging|poking|nudging|checking on) you\b[^?\n]{0,30}\bto see (?:if|whether) you(?:'re| are|'ve| have)? (?:still )?(?:alive|awake|there|up|around|ok|okay|working|survived)\b|\bjust (?:checking|testing|making sure) (?:if |that |whether )?you(?:'re| are| can| do)? (?:still |also )?(?:here|there|alive|awake|online|connected|wired|set up|working|work|in this channel|receiving|respond|responding|reply|replying|pick(?:ing)? up|see|get|catch|read|notice|hear)/i

/**
 * "kthx", "fr", "oki", "this", "W bot", "goated", "big W for the team today", "ily bot ❤️":
 * a slang ack or reaction that is the whole message. A lone "this" or "fr" is one only when
 * nothing follows ("fr the checkout is down" reports).
 */
export const bareReaction =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:kthx|kthxbye|thx k|omg|omfg|fr|frfr|ong|ye|yee|yeh|oki|okie(?: dokie)?|kk|this|bro|bruh|tak|goated|based|ily|lmk|(?:big |huge |massive |another |absolute |a )?w|gg|ggs|bless(?: you| ya| u)?|fair|fair enough|fair point|valid|lovely(?: stuff| jubbly)?|smashing|cracking|nice one|champion)(?:[\s,!.]+(?:bot|bro|fam|team|all|guys|y'?all))?(?: for (?:the |this )?(?:team|squad|crew|us|everyone)(?: today| tonight| this week)?)?[\s!.?]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$/iu

/**
 * "all gud", "wrong chan sry", "mb", "gl with the patch tonight", "ooo tmrw", "happy fri",
 * "nowt to report", "Kind regards.", "sound", "class": a team's shorthand, the whole message.
 * "gl with …" wishes luck with work, never with a failure ("gl with the db being down" reports).
 */
export const shorthandTalk =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:all (?:gud|gucci|g)|mb|my bad|sry|soz|gl(?: hf)?|gl with (?![^\n]*\b(?:down|fail\w*|errors?|broken|outage|crash\w*|dead|stuck)\b)[\w .'-]{1,40}|bbl|brb|bbiab|ic|idk(?: tbh| tbf| lol| sry)?|dunno(?: tbh)?|(?:wfh|ooo)(?: today| tmrw| tomorrow| tmr| (?:mon|tue|wed|thu|fri)(?:day)?| next week| this arvo| pm| am)?|happy (?:fri|friday|mon|monday|weekend|hols|holidays)(?: (?:all|everyone|team|folks|y'?all))?|grats|congrats|hype|fab|sound|class|(?:kind |best |warm )?regards|nowt to report|wrong chan(?:nel)?(?:,? (?:sry|sorry|soz|oops))?|lemme know|standing by|quiet one today)[\s,!.?]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$/iu

/**
 * Small talk with the bot, the whole message or with a short aside: "whats ur fav book bot", "do
 * bots dream of electric sheep", "u speak spanish?", "just seeing if you respond", "what can you
 * help with?", "smh this bot never sleeps". The caller checks nothing in it reports a problem.
 */
export const botSmallTalk =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:hey|hi|hello|yo|smh|lol|ok)[,!]?\s+)?(?:what(?:'s| is|s) (?:your|ur|yr) (?:fav|favou?rite) [\w -]{1,30}|do (?:bots|robots|ais?|you|u) (?:ever )?(?:dream|sleep|get tired|get bored|have feelings|eat|like)\b[^?.!\n]{0,40}|(?:do |can )?(?:you|u) speak [a-z]{3,20}|what (?:can|do) (?:you|u) (?:help (?:me |us )?with|do for (?:me|us))|just (?:seeing|checking|testing) (?:if|whether) (?:you|u)(?:'re| are)? (?:respond|responding|reply|replying|there|alive|awake|online|around|up|work|working)|(?:this|the|our) bot (?:never|doesn'?t ever) (?:sleeps?|rests?|takes? a break)|ily bot)[\s?!.]*(?:[^?.!\n]{0,60}[\s?!.]*)?(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/**
 * "anyone down for tacos at lunch?", "who's down for coffee after standup?", "anyone fancy a
 * brew?": "down for" (or "fancy") is willing to come along, the whole message a question ("anyone down? checkout is" reports).
 */
export const downFor =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:anyone|any ?body|who(?:'s| is)?|y'?all|everyone|you) (?:down for|fancy|fancies|up for) (?:some |a |an )?(?:tacos?|lunch|coffee|tea|brew|cuppa|pint|pizza|drinks?|beers?|dinner|boba|sushi|burgers?|ramen|a walk|karaoke|trivia|ping ?pong|games?|board games|bowling|a run|donuts?|ice cream)\b[^?\n]{0,40}\?+\s*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu
