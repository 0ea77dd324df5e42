/**
 * Asides that borrow alerting's words without reporting (round 38): a scare taken back ("is the
 * portal down? jk"), a pun on "down" ("the only thing down today is my motivation"), a blip put
 * down to known work ("the latency spike at 3am was the backup window, known and fine"), a fault
 * traced to the reporter's own machine or to another team's field, a service praised as solid
 * since a change, a drill announced ("fire alarm test … don't panic"), a graph asked for a report,
 * a chore's turn asked, the bot asked to keep quiet somewhere, a trailer cheered with 🔥. Frames
 * of classify-talk.ts: each stands down when the message puts a problem in the present.
 */
import type { Frame } from "./classify-talk.js"

/**
 * A problem put in the present beside praise "since" a change (the default reads "since the …" as
 * a problem's start): "still", "now", "but", "is down".
 */
const liveNow =
  /\b(?:is|are|keeps?|still|now|currently|got|gone|been) (?:\w+ )?(?:down|failing|broken|erroring|timing out|crashing|dropping|flaky|flaking|stuck|unreachable|offline)\b|\bright now\b|\b(?:but|however|though|although|except|apart from)\b/

export const asideFrames: ReadonlyArray<Frame> = [
  {
    // "is the portal down? jk, just checking you're awake", "who broke the build? kidding, it's
    // green": a scare asked, then taken back at once.
    name: "a joke taken back",
    needles: ["jk", "j/k", "kidding", "joking"],
    pattern:
      /^[^\n?]{2,80}\?[^\w\n]{0,4}(?:lol |haha |lmao )?(?:jk|j\/k|kidding|just kidding|joking|just joking|only joking)\b[^\n?]{0,60}$/,
  },
  {
    // "the only thing down today is my motivation", "the only thing crashing here is me": a pun.
    name: "a pun on a fault word",
    needles: ["only thing"],
    pattern:
      /\bthe only thing (?:that'?s |that is )?(?:down|broken|crashing|crashed|on fire|failing|dead|offline|lagging|slow|leaking|burning|timing out)\b[^\n]{0,30}\bis (?:my|me|our|the coffee|the kettle)(?: [\w'-]{1,20})?[^\w\n]{0,8}$/,
  },
  {
    // "the latency spike at 3am was the backup window, known and fine", "that CPU blip was the
    // nightly batch, expected": a past blip put down to known work.
    name: "a blip put down to known work",
    needles: ["known", "expected", "fine", "harmless", "normal"],
    pattern:
      /\b(?:spike|blip|dip|bump|jump|drop|alert|page)\b[^.\n?]{0,40}?\bwas (?:just |only )?(?:the|a|our) (?:[\w-]+ ){0,3}?(?:window|job|backup|batch|maintenance|test|deploy|reindex|import|export|cron|run)\b[^.\n?]{0,20}?\b(?:known|expected|fine|harmless|normal|as usual)\b/,
  },
  {
    // "resolved — the SSO issue was a browser extension on the reporter's machine", "the VPN
    // problem was their home router": the cause on the reporter's own side.
    name: "a fault traced to the reporter's side",
    needles: ["extension", "machine", "laptop", "router", "their ", "reporter", "user's"],
    pattern:
      /\b(?:issue|problem|error|fault|outage|slowness|ticket)\b was (?:just |only |actually )?(?:a |an |the |their |his |her )?(?:[\w-]+ ){0,2}?(?:browser extension|ad ?blocker|home router|home wifi|local (?:proxy|cache|setting)|(?:vpn|proxy|cache|browser|extension|router|laptop|machine|pc) on (?:the )?(?:reporter'?s|user'?s|customer'?s|their|his|her) (?:machine|laptop|pc|device|side|end))\b/,
  },
  {
    // "main break on Pine is a field issue, nothing on our side, just fyi", "snow tomorrow, crews
    // on standby. nothing for IT": another team's trouble, ours said to be untouched.
    name: "another team's trouble, nothing for us",
    needles: ["nothing on our", "nothing for it", "nothing for us", "nothing for ops", "nothing at our"],
    pattern:
      /\bnothing (?:on|at) our (?:side|end)\b|\bnothing for (?:it|us|ops|infra|the (?:it|ops|infra) team)\b(?! (?:but|except)\b)[\s,.!]*(?:just fyi|fyi)?[\s.!]*$/,
  },
  {
    // "lockbox file landed at 6:02, payments posted fine", "the bank feed came in at 5, all
    // reconciled cleanly": a batch arrived and went through, the whole message.
    name: "a batch landed fine",
    needles: ["fine", " ok", "cleanly", "normally", "as usual", "as normal"],
    pattern:
      /\b(?:file|files|batch|feed|import|export|upload|transfer|extract|drop)\b[^\n,]{0,30}\b(?:landed|arrived|came in|ran|loaded|processed|imported)\b[^\n,]{0,30}, (?:[\w-]+ ){0,3}?(?:posted|processed|loaded|imported|went through|reconciled|ran|matched) (?:all )?(?:fine|ok|okay|cleanly|normally|as (?:normal|usual|expected))[\s.!]*$/,
  },
  {
    // "eduroam has been rock solid since the controller upgrade, fair play to Networks": praise.
    name: "a service praised as solid",
    needles: ["solid", "flawless", "stable", "bulletproof"],
    pattern:
      /\b(?:has|have) been (?:rock[- ]solid|solid|flawless|bulletproof|super stable|really stable|so stable|stable) (?:since|after|all (?:week|month|term))\b/,
    live: liveNow,
  },
  {
    // "fire alarm test in Castle Quay at 11, don't panic", "siren test tomorrow, ignore it": a drill.
    name: "a drill announced",
    needles: ["alarm test", "fire drill", "siren test", "evacuation drill", "test of the fire"],
    pattern:
      /\b(?:fire alarm test|alarm test|fire drill|siren test|evacuation drill|test of the fire alarms?)\b[^\n]{0,60}\b(?:at \d|today|tomorrow|this (?:morning|afternoon)|on (?:mon|tues|wednes|thurs|fri)day|don'?t panic|ignore|no need to)\b/,
  },
  {
    // "can you pull the Learn latency graph for last week? need it for the monthly report": a
    // past graph asked for a document.
    name: "a graph asked for a report",
    needles: ["report", "slides", "deck", "review"],
    pattern:
      /\b(?:can|could) (?:you|someone|u) (?:pull|grab|export|send|share|get) (?:me |us )?(?:the |a )?[\w -]{1,40}\b(?:graph|chart|numbers|stats|figures|data|dashboard)s? (?:for|from|over) (?:last|the last|yesterday|the past)\b[^\n]{0,60}\b(?:for|in) (?:the |my |our )?(?:monthly|weekly|quarterly|annual|board|service)? ?(?:report|slides|deck|review)\b/,
  },
  {
    // "whose turn is it to write the monthly service report?": a chore's rota.
    name: "a chore's turn asked",
    needles: ["whose turn", "who's turn", "whos turn"],
    pattern:
      /\b(?:whose|who'?s|whos) turn is it to (?:write|do|run|take|host|present|chair|organi[sz]e|make|buy|bring|book|lead|send|update|review|prepare|draft|order|clean)\b[^\n?]{0,60}\?[^\w\n]{0,4}$/,
  },
  {
    // "can you stay quiet in #its-random please": the bot asked to keep out of a channel.
    name: "the bot asked to keep quiet",
    needles: ["quiet in", "silent in", "out of #"],
    pattern: /\b(?:stay|keep|be) (?:quiet|silent) in #[\w-]{1,80}\b|\bstay out of #[\w-]{1,80}\b/,
  },
  {
    // "new season trailer 🔥🔥🔥", "the new skins 🔥": a release cheered with fire.
    name: "a release cheered",
    needles: ["🔥"],
    pattern:
      /^[^\w\n]{0,8}(?:the |that |this )?(?:new |next )?(?:[\w-]+ ){0,2}?(?:trailer|skins?|season|banner|art|artwork|soundtrack|music|cosmetics?|collab|teaser|logo|mascot|merch|splash screen)(?: (?:drop|reveal|art))? ?(?:🔥\s?){1,6}[^\w\n]{0,8}$/u,
  },
]
