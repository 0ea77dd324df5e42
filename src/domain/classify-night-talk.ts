/**
 * A team's talk at the end of a shift or between pages, naming problems it does not report: a
 * past incident's cause asked while its write-up is written, a login change announced, praise
 * relayed from a customer, a store reopened, a runbook note explaining a usual error, an alert
 * or a ticket explained away, an error budget cheered, a retention asked, a joke taken back, an
 * on-call hand-off after a quiet night. Frames of classify-talk.ts: each stands down when the
 * message puts a problem in the present ("…, and the dryers are failing again now").
 */
import type { Frame } from "./classify-talk.js"

/** A problem put in the present beside the talk: "still failing", "but", "right now". */
const liveHere =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\bright now\b|\b(?:but|however|though|although|except|apart from)\b|\bsince (?:\d|this|yesterday|last|the)/

/** The same, with "still" and "again" as problems back ("still failing", "down again"). */
const liveOrBack = new RegExp(`${liveHere.source}|\\b(?:still|again)\\b`)

export const nightTalkFrames: ReadonlyArray<Frame> = [
  {
    // "was last week's dryer outage the firmware or the broker? writing the RCA now": a past
    // incident's cause asked for its write-up.
    name: "a past incident asked for its write-up",
    needles: ["rca", "postmortem", "post-mortem", "pir", "retro", "write-up", "writeup", "incident report"],
    pattern:
      /\b(?:last (?:week|month|night|year|sprint|friday|monday|weekend)|yesterday|the other day)(?:'s|’s)? [\w -]{0,30}\b(?:outage|incident|downtime|crash|meltdown|sev ?\d|p\d)\b[^\n]{0,120}\b(?:writing|drafting|doing|working on|finishing|starting) (?:up )?(?:the |a |my |our )?(?:rca|postmortem|post-mortem|pir|retro|write-?up|incident report)\b/,
    live: liveOrBack,
  },
  {
    // "heads up: Grafana SSO switched to Okta, you may need to log in again": a login change.
    name: "a login change announced",
    needles: ["log in again", "login again", "sign in again", "log back in", "sign back in", "re-login"],
    pattern:
      /\b(?:switched|moved|migrated|changed|updated|rotated|moving|switching|migrating) [^\n]{0,80}\b(?:you(?:'ll| will| may| might)?|everyone(?:'ll| will| may| might)?) (?:need to |have to |be asked to )?(?:log in again|login again|sign in again|log back in|sign back in|re-login)\b/,
    live: liveHere,
  },
  {
    // "the latency dashboards look way nicer after Kai's redesign": a panel's look praised, whatever
    // metric it plots.
    name: "a panel's redesign praised",
    needles: ["nicer", "prettier", "cleaner", "better"],
    pattern:
      /\b(?:dashboards?|graphs?|charts?|panels?|boards?|ui|pages?|views?)\b (?:look|looks|looking|are|is) (?:so |much |way |a lot )*(?:nicer|prettier|cleaner|better)\b[^.?!\n]{0,20}\b(?:after|since|with) (?:the |[\w-]{1,30}(?:'s|’s) )?(?:redesign|refresh|rebrand|revamp|cleanup|new (?:theme|design|layout|look|colou?rs))\b/,
    live: liveOrBack,
  },
  {
    // "a customer in Porto called support just to say the new app is way faster 😊": praise relayed.
    name: "praise relayed from a customer",
    needles: ["just to say", "just to tell", "just to thank", "just to let"],
    pattern:
      /\b(?:called|emailed|wrote|messaged|rang|tweeted|reached out|phoned|texted|dmed|came by|stopped by)\b[^\n]{0,30}\bjust to (?:say|tell us|tell them|thank|let us know)\b/,
    weakOnly: true,
    live: liveOrBack,
  },
  {
    // "Lisbon store reopened after the renovation, all 24 machines online ✅": a site back after works.
    name: "a site reopened after works",
    needles: ["reopen", "re-open", "back open"],
    pattern:
      /\b(?:re-?opened|reopens|reopening|is back open|are back open)\b (?:today |this morning )?after (?:the |its |their |a )?(?:renovation|refit|remodel|refurb(?:ishment)?|move|relocation|holidays?|closure|works?|rebuild|upgrade|repaint)\b/,
    live: liveOrBack,
  },
  {
    // "fyi for the runbook: 'cmd ack timeout' at 3am is usually the store router doing its
    // nightly reboot": a usual error explained for the docs.
    name: "a usual error explained for the docs",
    needles: ["for the runbook", "for the playbook", "for the wiki", "for the docs", "for the handbook"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:fyi|note|psa|tip|til)[,:]? )?(?:for the|for our) (?:runbook|playbook|wiki|docs|handbook|onboarding doc)s?\s{0,2}[:,—-][^\n]{0,120}\b(?:is|are) (?:usually|normally|always|just|typically|mostly)\b/,
    live: liveOrBack,
  },
  {
    // "the alert from earlier was a flapping probe, nothing was actually broken": a page explained away.
    name: "an alert explained away",
    needles: ["nothing"],
    pattern:
      /\b(?:alert|alarm|page|ping|warning|ticket|incident)s? (?:from |at |this |last )?(?:earlier|this morning|last night|yesterday|before|\d{1,2}(?::\d\d)? ?(?:am|pm)?)? ?(?:was|were) (?:just |only )?(?:a |an )?(?:flapping|flaky|false|bogus|misconfigured|noisy|test|stale|spurious|glitchy)\b[^\n]{0,60}\bnothing (?:was |is |were )?(?:actually |really |ever )?(?:broken|down|wrong|affected|impacted)\b/,
    live: liveOrBack,
  },
  {
    // "that 'site down' zendesk ticket was a customer on ie11 lmao. closed": a ticket explained away.
    name: "a ticket explained away",
    needles: ["ticket", "complaint", "report"],
    pattern:
      /\b(?:that|the|this) ['"‘“][^'"’”\n]{1,40}['"’”] (?:zendesk |jira |support |freshdesk |intercom |helpdesk )?(?:ticket|complaint|report|email)s? (?:was|were) (?:just )?(?:a |an |one |some )?(?:customer|user|guy|person|someone|kid|bot|test|duplicate|spam|typo|crawler)\b/,
    live: liveHere,
  },
  {
    // "error budget for store-portal is still at 92% this month 🎉": an error budget mostly left.
    name: "an error budget cheered",
    needles: ["error budget"],
    pattern:
      /\berror budget\b[^.?!\n]{0,40}?\b(?:is |still |at |has |sits |sitting )*(?:at )?(?:[5-9]\d|100)(?:[.,]\d+)?%(?: (?:left|remaining|intact))?(?: (?:this|for the) (?:month|quarter|week|sprint))?\s*(?:🎉|🥳|🙌|💪|😎|!|\.|$)/u,
    live: /\b(?:burn(?:ing|ed|t)?|burn rate|dropp\w*|down to|only|but|however|gone|exhausted|blown)\b/,
  },
  {
    // "how long is Sentry retention for spin-mobile?", "what's the log retention on loki?": how
    // long data is kept, asked.
    name: "a retention asked",
    needles: ["retention", "retain", "keep logs", "kept"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? )?(?:how long|what(?:'s| is)(?: the)?|how many days)\b[^?\n]{0,60}\b(?:retention|retained|retain|kept|keep (?:logs|events|data|traces))\b[^?\n]{0,60}\?\s*$/,
    weakOnly: true,
  },
  {
    // "bot pls": the bot nudged, nothing asked of it ("pls help, printers stopped" asks).
    name: "the bot nudged",
    needles: ["pls", "plz", "please"],
    pattern: /^[^\w\n]{0,8}(?:hey |oi |come on |c'?mon )?bot,? (?:pls|plz|please)[\s.!?]*$/,
  },
  {
    // "who broke prod? jk nobody, it's fine, just wanted to see ur reaction": a joke taken back.
    name: "a joke taken back",
    needles: ["jk", "j/k", "kidding", "just joking"],
    pattern:
      /\b(?:jk|j\/k|just kidding|kidding|just joking)\b[,.!]? [^\n]{0,40}\b(?:it'?s fine|all good|nobody|no one|nothing(?:'s| is)? (?:broken|wrong|down)|just wanted to)\b/,
    live: liveHere,
  },
  {
    // "handing off on-call to maya, quiet night, 1 flaky heartbeat alert that cleared itself,
    // nothing else": a hand-off after a quiet night.
    name: "an on-call hand-off",
    needles: ["handing", "handed", "passing"],
    pattern:
      /^[^\w\n]{0,8}(?:ok |okay )?(?:handing|handed|passing) (?:off |over )?(?:the )?(?:on-?call|pager|shift)\b (?:to|over to) ?(?: [\w.@-]{1,30}\b)?[^\n]{0,60}\b(?:quiet|calm|uneventful|boring|nothing (?:else|to report|major|open|firing|ongoing)|no open (?:incidents|alerts|pages|tickets)|all good)\b/,
    // ("two flaky synthetics to keep an eye on but they're not firing": watched, not live.)
    live: /\b(?:still (?:firing|failing|down|open|broken|ongoing)|ongoing|unresolved|except|apart from|besides|(?:is|are) (?:down|failing|broken)|watch (?:out|closely)|keep an eye(?![^\n]{0,60}\b(?:(?:is|are|'re)n'?t|(?:is|are|'re) not) (?:firing|failing|alerting|paging)\b))\b/,
  },
]
