/**
 * The gate against labelled corpora: the public fixture (a verbatim copy of
 * shared/fixtures/classification.jsonl) and our own larger, harder one. Every alert must be
 * investigated; at least 90 % of chatter gated. The known misses are listed, so a change that
 * gates more or less than before shows up here by name.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { classify } from "../../src/domain/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"

const settings = Schema.decodeSync(ClassifierSettings)({})

const Row = Schema.Struct({
  label: Schema.Literal("alert", "chatter"),
  text: Schema.String,
  source: Schema.optional(Schema.String),
})
const Rows = Schema.Array(Schema.parseJson(Row))

const load = (name: string) =>
  Schema.decodeUnknownSync(Rows)(
    readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== ""),
  )

const score = (rows: ReturnType<typeof load>) => {
  const results = rows.map((row) => ({ row, c: classify({ text: row.text, trigger: "mention" }, settings) }))
  const alerts = results.filter((r) => r.row.label === "alert")
  const chatter = results.filter((r) => r.row.label === "chatter")
  const investigated = alerts.filter((r) => r.c.decision === "investigate").length
  const gated = chatter.filter((r) => r.c.decision === "gate").length
  const falseAlarms = chatter.length - gated
  return {
    alerts: alerts.length,
    investigated,
    chatter: chatter.length,
    gated,
    missedChatter: chatter.filter((r) => r.c.decision !== "gate").map((r) => r.row.text),
    recall: investigated / alerts.length,
    precision: investigated / (investigated + falseAlarms),
  }
}

describe("public fixture (shared/fixtures/classification.jsonl)", () => {
  const s = score(load("classification.jsonl"))

  it("investigates all 20 alerts", () => {
    expect(s.alerts).toBe(20)
    expect(s.investigated).toBe(20)
  })

  it("gates all 15 chatter lines (threshold: 90 %)", () => {
    expect(s.chatter).toBe(15)
    expect(s.gated).toBe(15)
    expect(s.gated / s.chatter).toBeGreaterThanOrEqual(0.9)
  })
})

describe("extra corpus (test/fixtures/classification-extra.jsonl)", () => {
  const rows = load("classification-extra.jsonl")
  const s = score(rows)

  it("is large and covers every alert source named in the design", () => {
    expect(rows.length).toBeGreaterThanOrEqual(150)
    const sources = new Set(rows.map((r) => r.source))
    for (const source of [
      "alertmanager",
      "grafana",
      "cloudwatch",
      "datadog",
      "pagerduty",
      "opsgenie",
      "sentry",
      "uptime",
      "human",
    ])
      expect(sources).toContain(source)
  })

  it("investigates every alert", () => {
    expect(s.alerts).toBe(147)
    expect(s.investigated).toBe(147)
  })

  it("gates at least 90 % of chatter", () => {
    expect(s.chatter).toBe(111)
    expect(s.gated).toBe(111)
    expect(s.gated / s.chatter).toBeGreaterThanOrEqual(0.9)
    expect(s.missedChatter).toEqual([])
  })

  it("reports precision and recall of 'investigate' for alerts", () => {
    console.log(
      `classifier on extra corpus: recall ${(s.recall * 100).toFixed(1)} %, precision ${(s.precision * 100).toFixed(1)} %, ` +
        `chatter gated ${s.gated}/${s.chatter}`,
    )
    expect(s.recall).toBe(1)
    expect(s.precision).toBeGreaterThanOrEqual(0.97)
  })
})

// Four corpora written blind (by people who had not read the classifier) to measure how the
// gate generalises, then kept as regression sets. Each was scored before the rules it then
// informed: the first 41 of 100 chatter lines gated; the second 37, then 51 with the first's
// rules; the third 34, then 62 with the first two's (and 6 alerts missed, fixed since); the
// fourth 35 before any of them, 63 with all three's (4 alerts missed, fixed since). The fifth
// and sixth, written a stop later against the gate of the first four, gated 55 and 45 and
// missed 2 and 8 alerts (live reports read as recovered on a state word: "images are fine,
// it's the HTML"); fixed since, and 68 and 61 gated. The seventh, written after all of that,
// gated 58 and missed 4 alerts ("the job says it finished", "nobody can complete picks", "the
// live event", a Pingdom recovery), fixed since. The eighth (stop 12) was written in the public
// fixture's style and mix, ten times larger (150 alerts, 150 chatter lines, three in four of
// them everyday chatter): first sight, every alert investigated and 138 chatter lines gated
// (92 %); the misses (hearts as emoji, general questions, "it's always DNS 😂") informed the
// rules that gate 144 now. The ninth, the same brief written after this stop's rules, gated
// 136 of 150 at first sight (90.7 %), every alert investigated; 140 now. Stop 13 wrote seven
// more in the same brief, two or three at a time, each scored before the rules it informed
// (docs/decisions.md, "Stop 13"): chatter gated at first sight 115, 114, 117 (against stop
// 12's gate), 125, 121 (after the first round), 128, 120 (after the second), 128, 135 (after
// the third), 127, 133 (after the fourth), 125, 139 (after the fifth), 129, 125 (after the
// sixth), 128, 129 (after the seventh), with 0–6 alerts missed each time, fixed since. Stop 14
// (docs/decisions.md, "Stop 14: the gate"): 130, 128 against stop 13's gate, then 134, 135, 134
// and 134 (4, 3, 5 and 1 alerts missed, fixed) after its first round, 130 and 141 (0 and 1)
// after its second, 140 and 135 (7 and 3: "maintenance requests" read as planned maintenance)
// after its third, 136 and 137 (1 and 4) after its fourth, 138 and 142 (3 and 3) after its fifth, 140 and 138 (2 and 1) during its seventh, 143 and 139 (4 and 3) after it. Stop 15:
// 137 and 141 (0 and 2 alerts missed: New Relic's "Closed: … violation", a Nagios-style "OK: host:
// check") against stop 14's gate; 140 and 135 (3 and 0: "up but extremely slow", "is a 404",
// "should have gone live at 9") after its first round; 145 and 139 (4 and 2: "guest wifi down" read
// as office talk, a screen's quoted "room not ready", UptimeRobot's "It was down for 14 minutes",
// another tenant's data shown) after its second; 142 and 140 (5 and 1: "the batch is running now,
// can we stop it?", "closed restaurants", "paid 0€", a Zabbix-style "RESOLVED: Host …:", a
// Statuspage "— Investigating:") after its third; 142 and 133 (2 and 0: "Up: host is back UP (was
// down for 7 minutes)", "running for 6h, normally 40min") after its fourth. None is blind any more, so a new measure
// needs a new corpus.
describe.each([
  ["classification-blind-1.jsonl", 100, 100, 89],
  ["classification-blind-2.jsonl", 100, 100, 88],
  ["classification-blind-3.jsonl", 100, 100, 79],
  ["classification-blind-4.jsonl", 100, 100, 75],
  ["classification-blind-5.jsonl", 100, 100, 83],
  ["classification-blind-6.jsonl", 100, 100, 78],
  ["classification-blind-7.jsonl", 100, 100, 77],
  ["classification-blind-8.jsonl", 150, 150, 147],
  ["classification-blind-9.jsonl", 150, 150, 148],
  ["classification-blind-10.jsonl", 150, 150, 149],
  ["classification-blind-11.jsonl", 150, 150, 144],
  ["classification-blind-12.jsonl", 150, 150, 148],
  ["classification-blind-13.jsonl", 150, 150, 143],
  ["classification-blind-14.jsonl", 150, 150, 144],
  ["classification-blind-15.jsonl", 150, 150, 144],
  ["classification-blind-16.jsonl", 150, 150, 140],
  ["classification-blind-17.jsonl", 150, 150, 142],
  ["classification-blind-18.jsonl", 150, 150, 141],
  ["classification-blind-19.jsonl", 150, 150, 145],
  ["classification-blind-20.jsonl", 150, 150, 146],
  ["classification-blind-21.jsonl", 150, 150, 139],
  ["classification-blind-22.jsonl", 150, 150, 144],
  ["classification-blind-23.jsonl", 150, 150, 142],
  ["classification-blind-24.jsonl", 150, 150, 137],
  ["classification-blind-25.jsonl", 150, 150, 136],
  ["classification-blind-26.jsonl", 150, 150, 137],
  ["classification-blind-27.jsonl", 150, 150, 148],
  ["classification-blind-28.jsonl", 150, 150, 148],
  ["classification-blind-29.jsonl", 150, 150, 143],
  ["classification-blind-30.jsonl", 150, 150, 145],
  ["classification-blind-31.jsonl", 150, 150, 141],
  ["classification-blind-32.jsonl", 150, 150, 141],
  ["classification-blind-33.jsonl", 150, 150, 138],
  ["classification-blind-34.jsonl", 150, 150, 145],
  ["classification-blind-35.jsonl", 150, 150, 146],
  ["classification-blind-36.jsonl", 150, 150, 145],
  ["classification-blind-37.jsonl", 150, 150, 141],
  ["classification-blind-38.jsonl", 150, 150, 143],
  ["classification-blind-39.jsonl", 150, 150, 147],
  ["classification-blind-40.jsonl", 150, 150, 148],
  ["classification-blind-41.jsonl", 150, 150, 148],
  ["classification-blind-42.jsonl", 150, 150, 143],
  ["classification-blind-43.jsonl", 150, 150, 143],
  ["classification-blind-44.jsonl", 150, 150, 139],
  ["classification-blind-45.jsonl", 150, 150, 143],
  ["classification-blind-46.jsonl", 150, 150, 147],
  ["classification-blind-47.jsonl", 150, 150, 142],
  ["classification-blind-48.jsonl", 150, 150, 142],
  ["classification-blind-49.jsonl", 150, 150, 147],
  ["classification-blind-50.jsonl", 150, 150, 147],
  ["classification-blind-51.jsonl", 150, 150, 145],
  ["classification-blind-52.jsonl", 150, 150, 145],
  ["classification-blind-53.jsonl", 150, 150, 147],
  ["classification-blind-54.jsonl", 150, 150, 141],
  // Stop 16 (docs/decisions.md, "The gate, stop 16"). First sight 103, 111, 102, 102, 125, 112 gated and 6 alerts missed. 55–58 were written to a brief that labelled
  // tools' recoveries chatter, against the project's policy (a tool's notification is investigated,
  // firing or resolved): those lines stay below each floor by design.
  ["classification-blind-55.jsonl", 150, 150, 125],
  ["classification-blind-56.jsonl", 150, 150, 127],
  ["classification-blind-57.jsonl", 150, 150, 123],
  ["classification-blind-58.jsonl", 150, 150, 121],
  ["classification-blind-59.jsonl", 150, 150, 148],
  ["classification-blind-60.jsonl", 150, 150, 139],
  // Written after the first round's rules (tools' recoveries labelled alert, as policy says):
  // first sight 131, 120, 128, 127 gated and 2 alerts missed; the second round's rules then.
  ["classification-blind-61.jsonl", 150, 150, 142],
  ["classification-blind-62.jsonl", 150, 150, 140],
  ["classification-blind-63.jsonl", 150, 150, 146],
  ["classification-blind-64.jsonl", 150, 150, 147],
  // Written after round 2's rules, 65–66 in the hard brief, 67–68 in the public fixture's style:
  // first sight 131, 116, 138, 127 gated and 2 alerts missed; round 3's rules then.
  ["classification-blind-65.jsonl", 150, 150, 143],
  ["classification-blind-66.jsonl", 150, 150, 134],
  ["classification-blind-67.jsonl", 150, 150, 146],
  ["classification-blind-68.jsonl", 150, 150, 139],
  // Stop 17, the public fixture's style, written after round 3's rules: first sight 144 and 140
  // gated, 2 alerts missed (a fine state as the contrast to a failure; data flat since 2am);
  // round 4's rules then.
  ["classification-blind-69.jsonl", 150, 150, 150],
  ["classification-blind-70.jsonl", 150, 150, 150],
  // The same style, written after round 3 as well: first sight 147 and 132 gated, 4 alerts
  // missed (damage stated without a problem word: wiped links, a count far above its normal, a
  // screen showing 0, an operation timed per item); round 5's rules then.
  ["classification-blind-71.jsonl", 150, 150, 150],
  ["classification-blind-72.jsonl", 150, 150, 150],
  // Written after round 4's rules: first sight 140 and 139 gated, 1 alert missed (a closure
  // word naming an event, "on every lesson complete", read as a recovery); round 6's rules then.
  ["classification-blind-73.jsonl", 150, 150, 150],
  ["classification-blind-74.jsonl", 150, 150, 150],
  // Written after round 5's rules: first sight 145 and 143 gated, 2 alerts missed (a closure word
  // in a relative clause about other things, "boxes … that were released"; a partner receiving
  // zero of our messages); round 7's rules then.
  ["classification-blind-75.jsonl", 150, 150, 150],
  ["classification-blind-76.jsonl", 150, 150, 150],
  // Written after round 7's rules: first sight 144 and 144 gated, 2 alerts missed ("smart meter
  // readings … 6h behind" read as praise; "SEV2: … not reaching …, event starts in 40 min" read
  // as a plan); round 8's rules then.
  ["classification-blind-77.jsonl", 150, 150, 150],
  ["classification-blind-78.jsonl", 150, 150, 150],
  // Written after round 8's rules: first sight 136 and 134 gated, 2 alerts missed ("running on
  // fixed time" read as a fix; emails going out dated 01/01/1970 read as an announcement);
  // rounds 9 and 9b then.
  ["classification-blind-79.jsonl", 150, 150, 148],
  ["classification-blind-80.jsonl", 150, 150, 147],
  // Stop 18, round 10 (docs/decisions.md). First sight 147, 141, 142, 126 gated and 3 alerts missed
  // (a screen showing a wrong state, a screen showing other users' data, a price shown as €0).
  ["classification-blind-81.jsonl", 150, 150, 150],
  ["classification-blind-82.jsonl", 150, 150, 150],
  ["classification-blind-83.jsonl", 150, 150, 150],
  ["classification-blind-84.jsonl", 150, 150, 150],
  // Stop 18, round 11. First sight (on round 10) 140 and 95 gated, 1 alert missed: 86 is a
  // German-speaking team, whose everyday talk fell through to "no confident signal".
  ["classification-blind-85.jsonl", 150, 150, 150],
  ["classification-blind-86.jsonl", 150, 150, 150],
  // Stop 18, round 12. First sight (on round 11) 94 and 135 gated, 2 alerts missed: 87 is a
  // French- and Spanish-speaking team.
  ["classification-blind-87.jsonl", 150, 150, 150],
  ["classification-blind-88.jsonl", 150, 150, 150],
  // Stop 18, round 13 (English, public style). First sight (on round 12) 148 and 142 gated, 3 alerts
  // missed: "X is working but Y is gone", "no more connections allowed", a Statuspage incident "Identified".
  ["classification-blind-89.jsonl", 150, 150, 150],
  ["classification-blind-90.jsonl", 150, 150, 150],
  // Stop 18, round 14 (English, public style). First sight (on round 13) 141 and 139 gated, 5 alerts
  // missed: a 0-byte backup, a button that spins forever in the back office, a forecast of all
  // zeros, a script's [plan-check] tag read as a plan, a Nagios RECOVERY.
  ["classification-blind-91.jsonl", 150, 150, 150],
  ["classification-blind-92.jsonl", 150, 150, 150],
  // Stop 18, round 15 (English, public style). First sight (on round 14) 140 and 139 gated, 3 alerts
  // missed: a batch at 20× its usual time, an uptime monitor's "UP alert", a site live with {{placeholders}}.
  ["classification-blind-93.jsonl", 150, 150, 150],
  ["classification-blind-94.jsonl", 150, 150, 150],
  // Stop 19, round 16. First sight (on stop 18's last commit) 143 and 133 gated, 1 alert missed:
  // "they can't mark deliveries done" read as a closure. 96 is a Brazilian and Indian team
  // (Portuguese, Hinglish): its acks and greetings had no reading.
  ["classification-blind-95.jsonl", 150, 150, 150],
  ["classification-blind-96.jsonl", 150, 150, 150],
  // Stop 19, round 17: 300 hard alerts and no chatter (people's reports in many registers and
  // languages, less common tools). First sight (on round 16) 7 missed: a fun fact about a screen
  // that is wrong, a reminder with the problem back now, a greeting before slowness, Flux's
  // automatic rollback, an IAM user nobody made, a bill at 3× a normal day, a quoted error code.
  ["classification-blind-97.jsonl", 300, 0, 0],
  // Stop 19, round 18. First sight (on round 16) 146 and 134 gated, 2 alerts missed in 99 (fixed in
  // round 17). 99 is a team talking with the bot: correcting its report, teasing it, asking it.
  ["classification-blind-98.jsonl", 150, 150, 150],
  ["classification-blind-99.jsonl", 150, 150, 150],
  // Stop 19, round 19. First sight (on round 18) 140 and 138 gated, 3 alerts missed: a status page's
  // "Incident created … Status: Identified", "can't close it remotely" read as a closure,
  // "something's up w pricing svc" read as a service back up.
  ["classification-blind-100.jsonl", 150, 150, 150],
  ["classification-blind-101.jsonl", 150, 150, 150],
  // Stop 19, round 20. First sight (on round 19) 146 and 145 gated, 2 alerts missed: a metrics bill
  // at 2× "this month" read as a plan, a plant script's "3 printers in ERROR state" read as a joke.
  ["classification-blind-102.jsonl", 150, 150, 150],
  ["classification-blind-103.jsonl", 150, 150, 150],
  // Stop 19, round 21. First sight (on round 20) 147 and 127 gated (105 is half a Discord gaming
  // community: emotes, mistyped bot commands, reactions typed as text), 2 alerts missed: Sentry's
  // "events up 800% vs last week" read as a past incident, "pog … negative scores" read as praise.
  ["classification-blind-104.jsonl", 150, 150, 150],
  ["classification-blind-105.jsonl", 150, 150, 150],
  // Stop 19, round 22. First sight (on round 21) 144 and 136 gated (107: British and Australian
  // English), 2 alerts missed: "keeps losing the star … seeing is fine so probably not weather" read
  // as an all-clear, "no bike released" read as a recovery. 106 keeps one chatter line investigated
  // by policy: it says "investigate".
  ["classification-blind-106.jsonl", 150, 150, 149],
  ["classification-blind-107.jsonl", 150, 150, 150],
  // Stop 19, round 23 (the stop's last, alerts only). First sight (on round 22) 147 and 144 gated, 2
  // alerts missed: polite requests to the bot to look at a system ("if you have a moment, could you
  // check whether card payments … are ok?", "would you mind glancing at the permit portal …").
  // Stop 20, round 24 took their chatter: 108 keeps "checkout was down for 4 min last night … already
  // in the incident doc" (an uptime monitor's shape) and "is it normal that the weekly digest has 0
  // incidents? 🎉" investigated.
  ["classification-blind-108.jsonl", 150, 150, 148],
  ["classification-blind-109.jsonl", 150, 150, 150],
  // Stop 20, round 24. First sight (on stop 19's last commit) 144, 143 and 113 gated (112: a Polish,
  // Dutch and Romanian team in English and their own languages), 2 alerts missed: "restarted it
  // twice, same thing" read as resolved, "many duplicate tasks created" read as an announcement.
  // 110 keeps "sentry error count is down 40% this week, nice job" investigated (Sentry's shape).
  ["classification-blind-110.jsonl", 150, 150, 149],
  ["classification-blind-111.jsonl", 150, 150, 150],
  ["classification-blind-112.jsonl", 150, 150, 150],
  // Stop 20, round 25. First sight (on round 24): 115 is 300 hard alerts only, 19 missed (a courtesy
  // or a plan before a live problem, irony, a reading wrong by its value alone — "goes from 200ms to
  // 9s", "0 riders assigned", "arrive in 0 minutes" —, "nothing can be sorted" read as resolved,
  // tools' recoveries in Checkly's, Nagios' and a status page's words); 113 and 114 (a terse team)
  // gated 144 and 134. 114 keeps "did u get my dm" and "free washes for staff saturday 🚗".
  ["classification-blind-113.jsonl", 150, 150, 150],
  ["classification-blind-114.jsonl", 150, 150, 148],
  ["classification-blind-115.jsonl", 300, 0, 0],
  // Stop 21, round 26. First sight (on stop 20's last commit) 143 and 129 gated (117: a young team's
  // Slack and a Discord community server, meme-heavy), 3 alerts missed: "users see 'try again later'"
  // read as a farewell, a screen showing a state the writer denies ("shows the whole south district
  // red, there's no outage", "shows 'maintenance' but we don't have maintenance scheduled??").
  // 117 keeps five one-off lines investigated (a mascot question, "the owl is watching 👀🦉", …).
  ["classification-blind-116.jsonl", 150, 150, 150],
  ["classification-blind-117.jsonl", 150, 150, 145],
  // Stop 21, round 27. First sight (on round 26) 145 and 127 gated (119: a crypto exchange's team,
  // market talk that is no incident), 1 alert missed: "0 applicants synced … (expected ~400 in BR
  // peak hours)" read as announced work. 119 keeps "who ate my kaya toast" and "pumping numbers on
  // the new ws gateway benchmark" investigated.
  ["classification-blind-118.jsonl", 150, 150, 150],
  ["classification-blind-119.jsonl", 150, 150, 148],
  // Stop 21, round 29. First sight (on round 28) 135 and 131 gated (120: an airline's ops channel,
  // where delayed/cancelled/diverted flights are normal operations; 121: a restaurant SaaS's long
  // relayed support messages), 1 alert missed: a relayed report opening "I apologize if it's user
  // error on their side" read as the writer's own mistake. 121 keeps five one-off lines investigated.
  ["classification-blind-120.jsonl", 150, 150, 148],
  ["classification-blind-121.jsonl", 150, 150, 145],
  // Stop 21, round 30. First sight (on round 29) 131 and 124 gated (122: a transit agency, where
  // operations' vehicle news is chatter; 123: a web agency's casual channel), 6 alerts missed in 123:
  // an update job that left a site in maintenance mode, Better Stack's "Resolved: Incident on …", a
  // site stuck on its maintenance message for an hour, a hijacked redirect and a store looking
  // closed asked with "??", a certificate that "could not be renewed". 123 keeps 24 lines of agency
  // life with no signal either way (gossip, invoices, parties) investigated.
  ["classification-blind-122.jsonl", 150, 150, 137],
  ["classification-blind-123.jsonl", 150, 150, 126],
  // Stop 22, round 31. First sight (on stop 21's last commit) 144, 129 and 134 gated (124: a
  // ski-resort operator, German and French; 126: a satellite-imagery startup writing lowercase
  // abbreviations, Discord mentions; 128: festival ticketing in on-sale week, Italian slang), 6
  // alerts missed: stale imagery delivered "from 2022", "archive urls → 403", a disk whose frames are
  // "gonna back up", a printer export failing, a sync at 40 % half an hour before gates open, passes
  // priced CHF 0 asked with "??". Greetings in Italian, talk about alerting and team life stay
  // investigated.
  ["classification-blind-124.jsonl", 150, 150, 147],
  ["classification-blind-126.jsonl", 150, 150, 130],
  ["classification-blind-128.jsonl", 150, 150, 139],
  // Stop 22, round 32 (floors of 124, 126 and 128 raised by its leftovers). First sight (on stop
  // 21's last commit) 143, 143 and 130 gated (125: a legal e-discovery SaaS writing formally; 127:
  // pet insurance's support agents, Spanish and Portuguese; 129: a city's 311 desk, Indian and
  // Filipino English), 2 alerts missed: a Statuspage component "Online Fine Payments" changed to
  // Major Outage read as back online, and "this is not user error. The platform returns HTTP 500…"
  // read as the writer's own mistake.
  ["classification-blind-125.jsonl", 150, 150, 150],
  ["classification-blind-127.jsonl", 150, 150, 150],
  ["classification-blind-129.jsonl", 150, 150, 150],
  // Stop 22, round 33. First sight (on round 32) 137, 129, 127 and 114 gated (130: freight
  // forwarding, Dutch and Arabic-English courtesies; 131: a mobile game's live-ops, Korean and
  // Japanese; 132: a university's IT desk, Swahili and Afrikaans; 133: a smart-meter team's dry
  // understatement), 7 alerts missed: a heartbeat missed, a player's progress "back to 0", a split
  // DNS answer "(expected public VIP)", wifi "weer af", a queue "sat at 12k … not budging", a
  // customer's £14,000 bill "might be worth a look", a canary from 'Fixed …' that did not complete.
  // Dry humour naming no system ("not ideal — the canteen's out of scones") stays investigated.
  ["classification-blind-130.jsonl", 150, 150, 147],
  ["classification-blind-131.jsonl", 150, 150, 143],
  ["classification-blind-132.jsonl", 150, 150, 141],
  ["classification-blind-133.jsonl", 150, 150, 134],
  // Stop 23, round 34. First sight (on stop 22's last commit) 111, 145, 118, 114 and 110 gated
  // (134: a Polish commuter-rail operator; 135: a hospital lab system's clinical shorthand; 136: a
  // crypto exchange, Turkish and Russian; 137: a SEA marketplace, Vietnamese, Thai and Bahasa; 138:
  // a Nordic broadcaster, Finnish and Swedish), 6 alerts missed: a field "coming thru with NHS no
  // blank", a script's "[hl7-watch] RECOVERED:", "double-credited deposits …, 4 so far — should we
  // stop the scanner?", a fee "0đ for all … orders, pretty sure that's wrong", a stream "black on
  // the web player. apps seem fine", "the same frame … for four minutes now".
  ["classification-blind-134.jsonl", 150, 150, 127],
  ["classification-blind-135.jsonl", 150, 150, 145],
  ["classification-blind-136.jsonl", 150, 150, 140],
  ["classification-blind-137.jsonl", 150, 150, 143],
  ["classification-blind-138.jsonl", 150, 150, 134],
  // Stop 23, round 35. First sight (on round 34) 104, 140 and 114 gated (139: a BNPL fintech in
  // Mexico and Colombia, Latin-American Spanish; 140: a county's 911 dispatch IT, radio 10-codes;
  // 141: an Indian quick-commerce app, Hinglish, Tamil- and Bengali-English), 3 alerts missed:
  // "recrder not recording positon 6 calls??" and "console shows the Pisgah channel grayed out" read
  // as questions about resources, a script's "mismatch > 5% … Run at 19:00 IST." read as a plan.
  ["classification-blind-139.jsonl", 150, 150, 124],
  ["classification-blind-140.jsonl", 150, 150, 140],
  ["classification-blind-141.jsonl", 150, 150, 128],
  // Stop 24, round 36. First sight (on round 35) 138, 139 and 138 gated (142: a ski resort's lifts
  // and ticketing, some German and French; 143: a veterinary clinic chain's SaaS, some Spanish;
  // 144: a container port terminal, Dutch and Singaporean colleagues), 2 alerts missed: "reminders
  // went out TWICE … clinics are getting angry calls" read as a note, "help, tomorrow's schedule …
  // shows every slot double-booked" read as a plan.
  ["classification-blind-142.jsonl", 150, 150, 144],
  ["classification-blind-143.jsonl", 150, 150, 143],
  ["classification-blind-144.jsonl", 150, 150, 145],
  // Stop 24, round 37. First sight (on round 36) 134 and 136 gated (145: a public-radio and
  // podcast network, Québécois French; 146: an EU e-signature SaaS, some Italian, Czech and
  // Greek), 1 alert missed: "upload fails … with 413 — it worked last week" read as resolved.
  ["classification-blind-145.jsonl", 150, 150, 150],
  ["classification-blind-146.jsonl", 150, 150, 150],
  // Stop 24, round 38. First sight (on round 37) 140, 126 and 134 gated (147: a municipal water
  // utility's IT, terse field crews; 148: a mobile game's live-ops on Discord, Korean and Japanese;
  // 149: a UK university's central IT, some Welsh), 3 alerts missed: "push went out twice to
  // everyone … at 18:00" read as a plan, "wo 55812 shows complete on tablet but open in Maximo"
  // and "heap creeping up again" read as resolved.
  ["classification-blind-147.jsonl", 150, 150, 148],
  ["classification-blind-148.jsonl", 150, 150, 146],
  ["classification-blind-149.jsonl", 150, 150, 149],
  // Stop 24, round 39. First sight (on round 38) 140 and 145 gated (150: a regional airline's
  // ground-ops IT, Irish and Scottish English; 151: a home-insurance claims SaaS), 3 alerts
  // missed: a "bagrecon-watchdog: :red_circle:" finding "due off in 20 min" and German "zeigt seit
  // heute Morgen keine Dienstpläne mehr an" read as plans, "push notifications not arriving, crew
  // are missing roster change alerts" read as alerting talk. Then "wilco", "howya" and a
  // terraform apply that completed gated too.
  ["classification-blind-150.jsonl", 150, 150, 142],
  ["classification-blind-151.jsonl", 150, 150, 146],
  // Stop 25, round 40. First sight 133, 99, 140, 130, 144 and 127 gated (152: a Swedish/Polish
  // furniture shop; 153: a Brazilian and European Portuguese ticket seller; 154: an Indian grocery,
  // Hinglish; 155: Australian/NZ campervans; 156: casual US on Discord; 157: Turkish and Taglish
  // tutoring), 7 alerts missed: "is the waiting room stuck?" and "kids app crashes" read as jokes
  // of no system, "refunds haven't gone out in 3 days" as a plan, "last ping 11m ago (expected <
  // 1m)" as announced work, an uptime monitor's "✅ Resolved: **Booking API** is back up" and "the
  // lesson room loads but there's no tutor video, tutor side looks fine" as resolved.
  ["classification-blind-152.jsonl", 150, 150, 144],
  ["classification-blind-153.jsonl", 150, 150, 146],
  ["classification-blind-154.jsonl", 150, 150, 146],
  ["classification-blind-155.jsonl", 150, 150, 147],
  ["classification-blind-156.jsonl", 150, 150, 148],
  ["classification-blind-157.jsonl", 150, 150, 147],
  // Stop 25, round 41. First sight 146 and 107 gated (158: a US/UK bike-share; 159: a coach-ticketing
  // company in Spain and Mexico, Spanish and Spanglish), no alert missed: Spanish courtesies ("órale",
  // "qué chido", "guay", "va"), questions to the bot ("¿eres una IA?", "cuéntame un chiste"), the
  // team's process asked ("¿cuál es la política de escalado para P3?"), handovers, plans, success
  // reports and scripts' zero counts ("0 errores") passed, and English "when I said the Denver team
  // is down that meant down a mechanic", "is there an alert for X or should I add one?", a weekly
  // monitor digest naming its noisiest monitor.
  ["classification-blind-158.jsonl", 150, 150, 150],
  ["classification-blind-159.jsonl", 150, 150, 150],
  // Stop 25, round 42. First sight 146, 142, 148, 140, 140 and 134 gated (160: a US/Canada vet-clinic
  // chain; 161: a UK/Ireland e-bike share on Discord, some Québécois French; 162: a restaurant-
  // reservation SaaS; 163: a formal, terse water utility; 164: a game studio's live-ops on Discord;
  // 165: a money-transfer fintech, heavy abbreviations), 8 alerts missed: a screen's state denied
  // bare ("show closed tonight, they're not") and "does not appear to have completed" read as
  // resolved, a site's "wifi keeps dropping" as office talk, Azure Monitor's "Resolved: Sev2 '…'"
  // and "[recon-bot] ✅ RESOLVED: … (was 17)" as recoveries, "we're live in 10 min" and "live on
  // stream" as back live, "looks v low, payouts will stall soon" as a plan.
  ["classification-blind-160.jsonl", 150, 150, 149],
  ["classification-blind-161.jsonl", 150, 150, 145],
  ["classification-blind-162.jsonl", 150, 150, 149],
  ["classification-blind-163.jsonl", 150, 150, 147],
  ["classification-blind-164.jsonl", 150, 150, 148],
  ["classification-blind-165.jsonl", 150, 150, 148],
  // Stop 25, kept as written: first sight on round 42's rules 144 and 143 gated (166: a ski-resort
  // operator; 167: a print-on-demand shop, British and American writers), one alert missed ("the RIP
  // in room B is stuck": a room as a place read as a joke's thing, since fixed). Their chatter left
  // (an Opsgenie hand-over, "brew anyone?", "down the pub at 5") is the floor, not a target.
  ["classification-blind-166.jsonl", 150, 150, 144],
  ["classification-blind-167.jsonl", 150, 150, 143],
])("blind corpus %s", (name, alerts, chatter, gatedAtLeast) => {
  const s = score(load(name))

  it(`investigates every one of its ${alerts} alerts`, () => {
    expect(s.alerts).toBe(alerts)
    expect(s.investigated).toBe(alerts)
  })

  it(`gates at least ${gatedAtLeast} of its ${chatter} chatter lines`, () => {
    expect(s.chatter).toBe(chatter)
    expect(s.gated).toBeGreaterThanOrEqual(gatedAtLeast)
  })
})
