/**
 * Log groups related to an alert by its words, when nothing it names leads to one: a person
 * writes "the daily arrears report hasn't come through", never `arrears-report-generator`, and
 * an alarm on a queue names the queue, not its consumer. The alert's distinctive words (not the
 * generic ones every group name has — prod, api, service, aws, lambda, ecs —, not environment,
 * region or time words, not a person's name) are searched for, and a group is related when its
 * own name shares two of them ("arrears" and "report"), or one while the rest of its name only
 * says what role it plays (`invoice-worker`). One shared word alone is too weak: "payments" in a
 * report would pull in every payments group of another product. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import type { LogGroupSearch, RankedLogGroup } from "./log-group-discovery.js"
import { consumerOnly, sharedWords } from "./log-group-kin.js"
import { searchable } from "./log-group-names.js"
import { searchStem } from "./log-group-word-stem.js"
import { serviceOfGroup } from "./log-origin.js"
import { reportSalientWords } from "./report-salient-words.js"

export { searchStem }

export const maxWordSearches = 6
/**
 * The words a found group is ranked by: more than are searched for, since a report's product
 * words come in no order ("valves … schedule … command") and a group found by one is related by
 * the others.
 */
export const maxRankWords = 16

// Words group names and reports share without saying which product they are about.
const genericWords = new Set(
  (
    "prod production prd staging stage stg test uat api apis service services svc aws amazon lambda ecs eks " +
    "app apps web server servers logs group groups function functions task tasks cluster worker default main " +
    "primary internal public private team teams today yesterday tomorrow morning afternoon evening night tonight " +
    "daily weekly hourly monthly usually normally lands landed arrive arrived come came coming fine checked check " +
    "spam need needed needs call calls someone anyone anybody again working works work broken hasn isn wasn didn " +
    "doesn haven won can't isnt hasnt didnt doesnt about usual still since earlier later email emails mail inbox " +
    "people customers users user customer report's page site website thing stuff going went gone " +
    // A person's verbs and fillers ("never opened", "nothing is reaching them"): no product is named so.
    "never opened opening says said show shows showing hand look looking nothing already reaching reach " +
    // The people a product serves, as "customers" and "users" above: a tenant's complaint is about
    // the product (autopay, receipts), and a group named for them (`tenant-notifications`) is no lead.
    "tenant tenants resident residents emailed complaining " +
    // The screen a person reads the status on, not the product: every front end is named so.
    "portal portals"
  ).split(" "),
)
const regionWords = /^(?:east|west|north|south|central|northeast|southeast|northwest|southwest|eu|us|ap)$/

/** Words written capitalised mid-sentence: a person's name ("asked Marcus"), not a product. */
const properNames = (text: string): ReadonlySet<string> =>
  new Set(
    [...text.matchAll(/(?<![.!?:\n]\s{0,3})(?<=\s)([A-Z][a-z]{2,})\b/g)].map((m) =>
      (m[1] ?? "").toLowerCase(),
    ),
  )

/** The alert's distinctive words to rank group names by (see the module header), at most `maxRankWords`. */
export const alertWords = (facts: AlertFacts, text: string): ReadonlyArray<string> => {
  const names = properNames(text)
  const words = [
    ...new Set(
      facts.keywords.filter(
        (k) => /^[a-z]{4,}$/.test(k) && !genericWords.has(k) && !regionWords.test(k) && !names.has(k),
      ),
    ),
  ]
  // The words the person repeats or quotes first: they name the product area, and only the
  // first `maxWordSearches` words are searched for.
  const salient = reportSalientWords(facts, text)
  const lead = words.filter((w) => salient.has(searchStem(w)))
  return [...lead, ...words.filter((w) => !lead.includes(w))].slice(0, maxRankWords)
}

/** One pattern search per word, for the first `maxWordSearches` of them. */
export const wordSearches = (words: ReadonlyArray<string>): ReadonlyArray<LogGroupSearch> =>
  [...new Set(words.map(searchStem))]
    .filter((w) => searchable.test(w))
    .slice(0, maxWordSearches)
    .map((w) => ({ by: "pattern" as const, value: w, why: `log groups sharing the alert's word ${w}` }))

/** The found groups named with the alert's words (see the module header), most shared first. */
export const rankByWords = (
  words: ReadonlyArray<string>,
  found: ReadonlyArray<string>,
  salient: ReadonlySet<string> = new Set(),
): ReadonlyArray<RankedLogGroup> => {
  const phrase = words.join(" ")
  const orgs = orgPrefixes(found, words)
  const scored = [...new Set(found)].flatMap((group) => {
    const service = serviceOfGroup(group)
    const own =
      service ??
      group
        .split("/")
        .filter((p) => p !== "")
        .pop() ??
      ""
    const shared = sharedWordsOf(own, words)
    const leading = leads(withoutOrg(own, orgs), shared, salient)
    if (shared.length < 2 && !(shared.length === 1 && (consumerOnly(own, shared) || leading))) return []
    return [
      {
        name: group,
        score: shared.length,
        leading,
        reason: `named with the alert's words ${shared.join(", ")}`,
        service,
        shared: false,
        kin: true,
      },
    ]
  })
  const top = Math.max(0, ...scored.map((g) => g.score))
  // A group led by the word the person leans on stays beside the best-scored ones: a sibling may
  // share more of the report's words (`autopay-bank-status-poller`: "autopay", "bank") while the
  // one failing is named for the product alone (`autopay-nacha-builder`); the errors decide.
  return phrase === ""
    ? []
    : scored
        .filter((g) => g.score === top || g.leading)
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .map(({ leading: _, ...g }): RankedLogGroup => g)
}

/**
 * The first words that two or more found groups' names start with and the alert does not say:
 * the company's or the stack's prefix (`leasewell-autopay-…`, `leasewell-tenant-…`), not a
 * product word, so the word after it is the one a group is named for first.
 */
const orgPrefixes = (found: ReadonlyArray<string>, words: ReadonlyArray<string>): ReadonlySet<string> => {
  const counts = new Map<string, number>()
  for (const group of new Set(found)) {
    const first = segmentWords(ownName(group))[0]
    if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1)
  }
  const said = new Set(words.map(searchStem))
  return new Set([...counts].filter(([w, n]) => n >= 2 && !said.has(searchStem(w))).map(([w]) => w))
}

const ownName = (group: string): string =>
  serviceOfGroup(group) ??
  group
    .split("/")
    .filter((p) => p !== "")
    .pop() ??
  ""

const segmentWords = (name: string): ReadonlyArray<string> =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")

/** `own` without a leading org prefix (see `orgPrefixes`), when more of the name follows it. */
const withoutOrg = (own: string, orgs: ReadonlySet<string>): string => {
  const words = segmentWords(own)
  const first = words[0]
  return first !== undefined && orgs.has(first) && words.length > 1 ? words.slice(1).join("-") : own
}

/** The alert's words a group's own name holds (a stem counts: "render" → "renderer"). */
const sharedWordsOf = (own: string, words: ReadonlyArray<string>): ReadonlyArray<string> =>
  words.filter(
    (w) =>
      sharedWords(own, w).length > 0 ||
      own
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .includes(w),
  )

/**
 * Whether the one shared word is one the person leans on (repeats or quotes) and the first word
 * of the service's name: "delivery unavailable" of `delivery-quote-svc`, the service named for the
 * product area first and its step second. A word said once ("supplier invoice digest") is not
 * enough for `invoice-pdf-renderer`, nor a repeated word in the middle of a name.
 */
const leads = (own: string, shared: ReadonlyArray<string>, salient: ReadonlySet<string>): boolean => {
  const first =
    own
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .find((w) => w !== "") ?? ""
  return shared.some((w) => salient.has(searchStem(w)) && searchStem(first) === searchStem(w))
}
