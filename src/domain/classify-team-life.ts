/**
 * The team's own life, told where nothing else in the message is evidence of a problem (the
 * caller decides): time off and shift swaps, parties and toasts, a thread moved to a call,
 * something shared to read, a laugh, a schedule asked after, a reading said to be right, a
 * past matter said to be settled, "status?" asked bare. Read only after every problem signal
 * came up empty, so "I'm on PTO next week and checkout is 502ing" still reports.
 */
import { screenWrong } from "./classify-talk.js"
import type { Message } from "./classify-text.js"

/** "heads up I'm on PTO next week", "swapping my Thursday shift with Dev": who works when. */
const timeOff =
  /\b(?:i'?m|i am|i'?ll be|i will be|[a-z]+ is|[a-z]+ will be) (?:on (?:pto|leave|vacation|holiday|holidays|annual leave|parental leave|sick leave)|ooo|out of (?:the )?office)\b|\bswap(?:ping|ped|s)? (?:my |our |his |her |their |the )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day |weekend |night |late |early |morning )?(?:shifts?|on-?calls?|rota|pager weeks?)\b|\b(?:is |are )?covering (?:for me|my shift|signals|on-?call)\b|\b(?:i'?m |am )?out sick(?: today| tomorrow| this week)?\b[^\n]{0,40}\b[a-z]+ is covering\b/i

/** "happy bike to work day! 🚴", "harvest party friday at 5", "salud 🥂", "pet photo friday 📸": a celebration. */
const celebration =
  /\bhappy (?:[\w'-]+ ){0,4}(?:day|week|friday|holidays?|new year|birthday|anniversary|diwali|holi|eid|onam|pongal|navratri|lohri|dussehra|raksha bandhan|carnaval|carnival|festa junina|são joão|christmas|easter|hanukkah|thanksgiving)\b|\b(?:team |office |harvest |holiday |christmas |xmas |launch |farewell |leaving |summer |pizza )(?:party|drinks|lunch|dinner|bbq)\b|\b(?:pet|dog|cat|doggo|puppy) (?:photo|pic|picture|selfie)s? (?:friday|monday|day|thread|time)\b|\bsend (?:us )?(?:your )?(?:pics|photos|pictures) of (?:your )?(?:pets?|dogs?|cats?|floofs?|doggos?|pups?|kitties|fur ?babies)\b|^\s*(?:<[@!][\w|]+>\s*)?(?:cheers|salud|prost|santé|sante|skål|kanpai|saúde|salute|na zdrowie)\b[\s!.]*(?:\p{Extended_Pictographic}\s*)*$/iu

/**
 * "happy diwali to everyone celebrating 🪔", "happy holidays to all who celebrate!", "happy first
 * powder day everyone ❄️": the whole message.
 */
const wishToAll =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:and )?happy [\w' -]{1,30}? (?:to )?(?:everyone|everybody|all|y'?all|folks|team)(?: (?:celebrating|who (?:celebrates?|is celebrating|are celebrating)))?[\s!.]*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/**
 * "this thread is getting long, moving to a huddle", "latency budget discussion moved to
 * #platform-planning": the talk goes elsewhere.
 */
const movesTheTalk =
  /\b(?:moving|move|taking|take) (?:this |it |the discussion |the conversation )?(?:to|into|over to) (?:a |the |our )?(?:huddle|call|zoom|meet|voice|dm|dms|thread|side thread|war room channel)\b|\blet'?s (?:take|move) (?:this|it) (?:offline|to dm)\b|\b(?:discussion|conversation|thread|talk|chat) (?:has )?(?:moved|moving) to #[\w-]{2,60}\s*$/i

/** "tasting notes for the new Syrah are up on the blog, go read them", "interesting graph": to read. */
const toRead =
  /\bgo (?:read|check out|have a look at) (?:it|them|this|that)\b|\b(?:are|is) (?:up|live|out) on the (?:blog|wiki|site|intranet|handbook)\b|\b(?:interesting|cool|neat|fun|great) (?:graph|chart|read|article|post|stat|fact|trivia|map)\b|\bworth a read\b|\bsharing (?:this |these |it )?for (?:\w+ )?(?:reading|reference|awareness)\b|\b(?:town ?hall|all-?hands|offsite|webinar|training) (?:slides|recording|deck|notes) (?:are|is) (?:in|on|up)\b/i

/** "cellar bay 2 sitting at 13°C exactly where it should be": a reading said to be right. */
const asItShouldBe =
  /\b(?:exactly |right |just )(?:where|what) (?:it|they|we) (?:should|want(?:ed)? (?:it|them) to) be\b|\bexactly (?:on|at) (?:target|setpoint|spec)\b/i

/** "the double-charge from April is fully refunded, nothing left to do there": settled. */
const settled =
  /\b(?:fully|all|completely) refunded\b|\bnothing (?:left|more|else) to do (?:there|here|on (?:it|that|this))\b/i

/** "quick q: is the allocation drop still Thursday at 9?": a plan's date asked after. */
const scheduleAsked =
  /\b(?:is|are) (?:the |our )?[\w -]{1,40} still (?:on |happening |planned |scheduled )?(?:for |on )?(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next week)\b[^?\n]{0,20}\?/i

/** "alles wieder grün 👍", "tout est vert", "todo verde": all green, said in another language. */
const allGreen =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:alles (?:wieder )?(?:grün|gut|ok|in ordnung)|tout est (?:vert|ok|bon)(?: à nouveau)?|todo (?:en )?(?:verde|bien|ok)|tutto (?:verde|ok|a posto))\b[\s!.]*(?:\p{Extended_Pictographic}\s*)*$/iu

/**
 * What a report says and the team's life does not: an aside, a turn, people affected, a time it
 * started ("happy friday all 🎉 btw voice chat is silent for everyone since 15:40" reports).
 */
const reportTurn =
  /\b(?:btw|but|since|anyone|everyone|everybody|users|customers|still|again|not|wrong|can'?t|cannot|won'?t|doesn'?t|isn'?t|not working)\b/i

/**
 * "tea break?", "sprint planning in 10, hop in voice", "Jour de poudreuse demain, qui vient skier ?",
 * "wie war dein Wochenende?", "any recs for the team book club?": people asked along or after.
 */
// ("lunch at 12:30? taco truck by the Austin office 🌮": a time to meet asked, what follows is the plan.)
const invitation =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:coffee|lunch|tea|drinks|beers?|pizza|dinner|brunch) (?:at|@) \d{1,2}(?:[:.]\d\d)?(?: ?[ap]m)?\s*\?|^\s*(?:<[@!][\w|]+>\s*)?(?:anyone (?:up )?for )?(?:a )?(?:coffee|tea|lunch|snack|beer|drinks?|pizza|cake)(?: break| run| time| later)?\s*\?+\s*(?:\p{Extended_Pictographic}\s*)*$|\bhop (?:in|into|on|onto) (?:the )?(?:voice|vc|call|zoom|meet|huddle|stage)\b|\bqui (?:vient|est partant|est chaud|veut venir)\b|\bwer kommt mit\b|\bqui[eé]n (?:viene|se apunta)\b|\bwie war (?:dein|euer|ihr|das|der|die) (?:wochenende|urlaub|tag|ausflug|trip)\b|\bcomment (?:s'est passé|était) (?:ton|votre) (?:week-?end|voyage|congé)\b|\bqu[eé] tal (?:el|tu) (?:finde|fin de semana|viaje)\b|\bbook club\b/iu

/**
 * "how's the weather in SP? here it's 33° and humid as always", "Berlin team, karaoke friday? 🎤",
 * "pub quiz tonight?": the weather asked after, an outing asked along.
 */
const weatherOrOuting =
  /\bhow'?s the weather (?:in|over in|up in|down in|at|out in) [\w .-]{1,20}\?|^\s*(?:<[@!][\w|]+>\s*)?(?:[\w -]{1,20} (?:team|folks|crew|people|peeps|squad)[,:]? )?(?:karaoke|drinks|bowling|pub quiz|quiz night|pub|beers?|bbq|padel|5-a-side|football|board games|team dinner|team lunch)(?: (?:on |this |next )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tonight|tomorrow|after work|later|tmrw))?\s*\?+\s*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/** "teaching the new hire how to use you, say hi 👋", "welcome our new intern Sam": someone introduced. */
const introduced =
  /\bsay (?:hi|hello|hey)\b[\s!.]*(?:\p{Extended_Pictographic}\s*)*$|\bwelcome (?:our |the )?new (?:hire|colleague|teammate|intern|joiner|team ?member)\b/iu

/** "the library board loved the uptime chart 📈": a chart or report praised by its readers. */
const chartLoved =
  /\b(?:loved|love|liked|enjoyed|were impressed by|was impressed by) (?:the|our|your) (?:[\w-]+ ){0,2}(?:chart|graph|dashboard|report|slides|deck|numbers|stats)\b/i

/** "is 'ILS' the same thing as the staff client? sorry, new here": a term asked by a newcomer. */
const newcomerAsks =
  /\bis ['"‘“][^'"’”\n]{1,30}['"’”] the same (?:thing )?as\b[^\n]{0,80}\?|\bsorry,? (?:i'?m )?new here\b/i

/** "no rush, but what's the status of the onboarding ticket?": a ticket's progress asked after. */
const ticketAsked =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:no rush|no hurry|no pressure|whenever you (?:get a chance|can))[,!.]? (?:but )?)?what(?:'s| is) the (?:status|eta|progress) (?:of|on) (?:the |my |our )?[\w -]{1,60} (?:ticket|request|task|order|project|pr|proposal|rfc)\s*\?+\s*$/i

/** "storm Agnes coming thurs, … quiet days ahead": a quiet stretch foreseen. */
const quietAhead = /\bquiet (?:days?|week|weekend|shift|night|times?|stretch) ahead\b/i

/** "still green on my side", "all good on my end": the writer's own view, all fine. */
const fineOnMySide =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:still |all |everything(?:'s| is) )?(?:green|good|fine|quiet|clean|ok|okay) (?:on|from|at|here on) my (?:side|end)\b[\s!.]*(?:\p{Extended_Pictographic}\s*)*$/iu

/**
 * "0 alerts overnight?? suspicious but i'll take it", "zero pages last night": a quiet night
 * counted, heading the message.
 */
const quietNight =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:0|zero|no) (?:alerts?|pages?|incidents?|alarms?|pings) (?:overnight|last night|today|all (?:night|day|week|weekend)|this (?:week|weekend|morning))\b[?!.,\s]*(?:[^\n]{0,60})?$/iu

/** The team's life named, if the whole message is that and nothing else reported a problem. */
/**
 * The writer's own next step or an errand of the team, no problem in it: "joining the bridge
 * now", "will update the ticket", "monitoring for another 30 min before I close it", "I'll take
 * the first shift of the holiday on-call", "who ordered pizza for the night shift?", "please
 * don't @ the bot for password resets, use the service desk portal", "go birds 🦅".
 */
const ownNextStep =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:ok,? |ok so )?(?:joining|hopping on|jumping on|dialing into) the (?:bridge|call|zoom|huddle)(?: now)?[\s!.]*$|^\s*(?:<[@!][\w|]+>\s*)?(?:i )?will update the (?:ticket|incident|doc|thread|jira)(?: shortly| later| in a bit)?[\s!.]*$|\bmonitoring for (?:another|a further|a few more) [\w ]{1,12} before (?:i|we) close (?:it|the ticket|the incident)\b|\bi'?ll take (?:the )?(?:first|second|last|next|holiday|weekend|night) (?:shift|on-?call|pager)\b|\bwho (?:ordered|brought|baked) (?:the |these |those )?(?:pizza|donuts|food|lunch|cake|bagels|stroopwafels|cookies|brownies|muffins|croissants|pastries|samosas|ladoos|laddoos|sweets|mithai|chocolates?|brigadeiros|pão de queijo|snacks|doughnuts|cupcakes|waffles)\b|\bdon'?t @ the bot for\b|^\s*(?:<[@!][\w|]+>\s*)?(?:go|let'?s go) [a-z]{3,15}s[\s!]*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/** "census export went through fine this time 👍", "CHG0041234 approved by CAB": news that went well. */
const wentWell =
  /\bwent through (?:fine|ok|okay|clean|cleanly|smoothly|without (?:a hitch|issues))\b|\bapproved by (?:the )?cab\b|\brelease [\w.-]{1,40} [\w.-]{1,20} published to\b/i

/**
 * "the new sourdough starter in Leeds is called Doughby, that's the big news today": something
 * given a name, the team's news (the caller found no problem in it).
 */
const named =
  /\b(?:new|our|the) (?:[\w-]+ ){0,4}(?:is|was|has been|got|will be) (?:officially )?(?:called|named|christened|dubbed)\b/i

/**
 * "reminder: no deploys to plant systems during the Christmas peak (Dec 15 - Jan 2)": a change
 * freeze announced or recalled.
 */
const freezeReminder =
  /^[^\w\n]{0,8}(?:(?:friendly )?(?:reminder|heads up|psa|fyi)[:,!—-]?\s+)?(?:no|don'?t|do not|please don'?t|please do not|please no) (?:more )?(?:deploys?|deployments?|releases?|merges?|changes|prod changes)\b[^?\n]{0,60}\b(?:during|until|till|over|through|before|after|this|next|from)\b|\b(?:deploy|change|code|release|merge) freeze\b[^?\n]{0,40}\b(?:starts?|begins?|from|until|till|during|in effect|reminder|is on|ends?)\b/i

export const teamLife = (message: Message): string | null => {
  const text = message.text.slice(0, 500)
  // ("nothing left to do" says "nothing" itself; a turn after it may still report.)
  if (settled.test(text) && !/\b(?:but|still|again|btw)\b/i.test(text)) return "a past matter settled"
  // ("is the allocation drop still Thursday at 9?": the plan's "still", not a problem's.)
  if (scheduleAsked.test(text)) return "a plan's date asked after"
  // ("0 alerts overnight?? suspicious but i'll take it": the writer's own "but".)
  if (quietNight.test(text) && !/\b(?:but|except)\b(?! i'?ll take it)/i.test(text))
    return "a quiet night counted"
  // ("still green on my side": the whole message, its "still" no problem's.)
  if (fineOnMySide.test(text)) return "all fine on the writer's side"
  if (ticketAsked.test(text)) return "a ticket's progress asked after"
  // ("happy diwali to everyone celebrating 🪔": the wish's own "everyone", the whole message.)
  if (wishToAll.test(text)) return "a celebration"
  if (reportTurn.test(text)) return null
  if (introduced.test(text)) return "someone introduced"
  if (chartLoved.test(text)) return "a chart praised"
  if (newcomerAsks.test(text)) return "a term asked by a newcomer"
  if (invitation.test(text)) return "people asked along"
  if (weatherOrOuting.test(text)) return "the weather or an outing, asked"
  if (quietAhead.test(text)) return "a quiet stretch foreseen"
  if (timeOff.test(text)) return "time off or a shift swap"
  if (celebration.test(text)) return "a celebration"
  if (named.test(text)) return "something named"
  if (freezeReminder.test(text)) return "a change freeze recalled"
  if (movesTheTalk.test(text)) return "the talk moved elsewhere"
  // ("fun fact: the stock page shows 99999 units, we have maybe 40": a screen said wrong.)
  if (toRead.test(text) && !screenWrong.test(text)) return "something shared to read"
  if (asItShouldBe.test(text)) return "a reading said to be right"
  if (allGreen.test(text)) return "all green"
  if (ownNextStep.test(text)) return "the writer's next step or a team errand"
  if (wentWell.test(text) && !/\b(?:but|except|failed|errors?)\b/.test(text)) return "news that went well"
  // "lmao the bike lane cone is wearing a santa hat": a laugh opening a short message.
  if (/^(?:lmao|lol|lmfao|haha\w*|rofl)$/.test(message.tokens[0] ?? "") && message.tokens.length <= 16)
    return "a joke"
  return null
}

/**
 * "any open incidents right now?", "status?": asked bare, the whole message — nothing named to
 * look at, no problem seen ("any open incidents? I'm seeing 502s" reports).
 */
export const bareStatusQuestion =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:hey|hi|quick q)[,:!]?\s+)?(?:status|any updates?|updates|what'?s the status|status update|anything (?:exciting|interesting|new|fun|spicy|notable|i should know(?: about)?)(?: (?:happen(?:ed)?|going on|to report))?(?: (?:from |during )?(?:overnight|last night|today|this morning|over the weekend|while i was (?:out|away|off|asleep)))?|(?:are there |is there )?any (?:open|active|ongoing|live) (?:incidents?|pages|outages)(?: (?:right now|now|atm|at the moment|today|going on))?)\s*\?+\s*$/i

/**
 * "we're winding down the old WMS next month, fyi": a system retired on a plan, "down" is the
 * plan's word. The whole message; a turn after it may report.
 */
export const retiredOnAPlan =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:(?:fyi|heads up|psa)[,:!]?\s+)?(?:we'?re|we are|we will be|we'?ll be|[\w-]+ (?:is|are)) (?:winding down|sunsetting|retiring|decommissioning|shutting down) (?:the |our )?(?:old |legacy |v1 |previous )?[\w.-]{1,30}(?: [\w.-]{1,30})? (?:next|this|in|by|at the end of|end of) (?:week|month|quarter|year|sprint|monday|tuesday|wednesday|thursday|friday|q[1-4]|\d{1,2} (?:weeks|months))(?:[,.]? (?:fyi|just fyi|heads up))?[\s!.]*$/i
