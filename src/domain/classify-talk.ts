/**
 * People's talk around the work that names problems without reporting one: what a word means
 * ("the 'down' in down-migration means rollback"), a plan or a proposal ("Q2 plan: migrate…"),
 * a write-up in progress ("writing the incident report for the kiosk outage now"), something
 * shared to read ("interesting read on retries: https://…"), a question about who owns
 * something or how a number is computed. Each frame stands down when the message also puts a
 * problem in the present ("…, and checkout is failing right now"), so a report in the same
 * shape is investigated. Read on the lower-cased text's first 2,000 characters; each pattern is
 * guarded by a word every match holds.
 */
import type { Message } from "./classify-text.js"

const maxChars = 2000

/** A problem put in the present: the talk then carries a report. */
const liveProblem =
  /\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\bright now\b|\bsince (?:\d|this|yesterday|last|the)|\b(?:but|however|though|although|still|again)\b/

const denied =
  /\b(?:can'?t|cannot|can not|unable|won'?t|not (?:working|loading)|yet|except|apart from|something(?:'s| is)? (?:wrong|off|broken)|(?:was|were) (?:\w+ )?(?:down|failing|broken|erroring))\b/

interface Frame {
  readonly name: string
  readonly needles: ReadonlyArray<string>
  readonly pattern: RegExp
  /** Whether it holds only with no strong evidence of a problem beside it (a plain question). */
  readonly weakOnly?: boolean
}

const quoted = `['"‘“][\\w -]{1,30}['"’”]`

const frames: ReadonlyArray<Frame> = [
  {
    name: "what a word means",
    needles: [
      "mean",
      "misnamed",
      "mislabel",
      "typo",
      "stands for",
      "refers to",
      "counts",
      "just the",
      "not ",
      "normal",
      "expected",
    ],
    pattern: new RegExp(
      `${quoted}[^.?!\\n]{0,80}\\b(?:means?|meant|(?:is )?misnamed|mislabell?ed|(?:is )?a typo|stands for|refers to|counts|(?:is|are) just (?:the|a)|not (?:an? )?(?:outage|system (?:thing|errors?|issue|problem)|real (?:error|outage|problem)))\\b|\\bby ${quoted} i meant\\b|\\bthe word ${quoted}|\\bin the [\\w ]{1,40} (?:title|label|name|column) is a typo\\b|${quoted} in the [\\w -]{1,30} is [^.?!\\n]{0,60}\\bthat'?s (?:normal|expected)\\b`,
    ),
  },
  {
    name: "a plan or a proposal",
    needles: ["plan", "proposal", "rfc", "idea", "suggestion", "poll", "roadmap"],
    pattern:
      /^[^\w\n]{0,8}(?:q[1-4] |h[12] |20\d\d |quick )?(?:plan|planning|planning question|proposal|rfc|idea|suggestion|poll|roadmap)\s{0,2}[:—-]/,
  },
  {
    name: "a write-up in progress",
    needles: ["writing", "drafting", "preparing", "putting together", "working on", "finishing", "reading"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |i am |currently |just )?(?:writing|drafting|preparing|putting together|working on|finishing|reading|wrapping up) (?:up )?(?:the|a|an|our|my|this) [^.?!\n]{0,60}\b(?:report|postmortem|post-mortem|rca|pir|retro|write-?up|summary|timeline|book|chapter|article|paper|blog post)\b/,
  },
  {
    name: "something shared to read",
    needles: ["read", "book club", "worth a", "recommend", "poke around", "curious", "new runbook"],
    pattern:
      /\b(?:interesting|good|great|nice|fascinating|fun) (?:read|article|post|talk|paper|thread|write-?up)\b|\brecommended reading\b|\bfor (?:the )?book club\b|\bworth a (?:read|look|watch)\b|\bhighly recommend\b|\bif you want to poke around\b|\bfor anyone curious\b|^[^\w\n]{0,8}new runbook for\b/,
  },
  {
    name: "a fact noted for a document or for fun",
    needles: ["for the ", "fun fact"],
    pattern:
      /^[^\w\n]{0,8}(?:for the (?:board deck|deck|audit|slides|newsletter|wiki|docs|record|quarterly review|okrs?|all-hands)|fun fact)\s{0,2}:/,
  },
  {
    name: "an alerting rule looked for",
    needles: ["have", "there"],
    pattern:
      /\b(?:wasn'?t there|was there|didn'?t we (?:use to |used to )?have|did we (?:use to |used to )?have|do we (?:still )?have) an? (?:alert|alarm|monitor|alert rule|rule|dashboard|check) for\b/,
  },
  {
    name: "a success reported",
    needles: [
      "fine",
      "smooth",
      "without",
      "not a single",
      "zero ",
      "nothing",
      "normally",
      "held",
      "holding",
      "look",
      "arrived",
      "done",
      "✅",
    ],
    pattern:
      /\b(?:ran|went|worked|running|going) (?:fine|smoothly|well|great|clean(?:ly)?|without (?:a hitch|issues?|problems?))\b|\bnothing to report\b|\b(?:operating|running) normally\b|\bis holding(?: (?:up|steady|nicely|well|fine)\b|(?=[,.!]|$))|\b(?:graphs?|dashboards?|charts?|numbers) looks? (?:healthy|amazing|great|good)\b|\btest (?:page|alert|notification) arrived\b|\b(?:upgrade|migration|cutover|rollout) (?:done|complete|completed|finished)\b|(?:✅[^✅\n]{1,40}){2}✅/,
    weakOnly: true,
  },
  {
    // Not only with no evidence: the problem words are what did not happen ("not a single blip").
    name: "a problem said not to have happened",
    needles: ["without", "not a single", "zero ", "held"],
    pattern:
      /\bwithout a (?:hiccup|hitch|blip|glitch|single error)\b|\bnot a single (?:blip|error|page|alert|hiccup)\b|\bzero (?:pages|alerts|incidents|errors)\b|\beverything held\b/,
  },
  {
    name: "nothing asked of anyone",
    needles: ["nothing", "no action", "no need"],
    pattern:
      /\b(?:no action (?:needed|required)|nothing to do|nothing for you to do|no need to do anything)(?: yet| for now| on our side)?\b|\bnothing(?:'s| is)? wrong, just\b/,
    weakOnly: true,
  },
  {
    name: "a question about who owns something or how it works",
    needles: ["who ", "how ", "what", "is there", "right channel"],
    pattern:
      /\bwho (?:owns|maintains|is responsible for|should i talk to|do i talk to|do i ask|gets woken up|gets paged)\b|\bhow (?:is|are) (?:the |our )?[\w -]{1,40} (?:calculated|computed|measured|counted|defined)\b|\bhow does (?:the )?[\w -]{1,40} (?:work|flow)\b|\bwhat'?s (?:the|our) (?:retention|rpo|rto|sla|slo)\b|\bhow many [\w -]{1,30} (?:do we have|are on|are there)\b|\bis there a (?:grafana |datadog |kibana )?(?:board|dashboard) for\b|\bis this the right channel\b/,
    weakOnly: true,
  },
]

/** The frame of talk the message is, or null (see the module header). */
export const talkFrame = (message: Message, strongEvidence: boolean): string | null => {
  const text = message.text.slice(0, maxChars)
  const frame = frames.find(
    (f) =>
      !(f.weakOnly === true && strongEvidence) &&
      f.needles.some((n) => text.includes(n)) &&
      f.pattern.test(text),
  )
  if (frame === undefined || liveProblem.test(text)) return null
  // "dashboards look healthy, yet nobody can log in": a success denied is a report.
  if (
    (frame.name === "a success reported" || frame.name === "a problem said not to have happened") &&
    denied.test(text)
  )
    return null
  return frame.name
}
