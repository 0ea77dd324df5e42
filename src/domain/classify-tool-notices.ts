/**
 * A tool's post that is about no monitored condition: an on-call hand-off, a maintenance window
 * started or scheduled, a deploy or sync that succeeded, a dependency PR opened, a job's success
 * line, a certificate renewed, a release's health or a periodic digest. Tools write them in the
 * same shapes as their alerts ("PagerDuty: …", "Opsgenie: …"), so the alert formats would read
 * them as notifications; they page nobody. Each kind stands down when the post also names
 * trouble ("Health: Degraded", "sync failed", "renewal failed", "job FAILED"), so a tool's
 * failure in the same shape stays an alert. Read on the lower-cased text's first 2,000
 * characters; every pattern is guarded by a word each of its matches holds.
 */
import type { Message } from "./classify-text.js"

const maxChars = 2000

/**
 * A window's suppressed alerts, zero counts ("0 mismatches", "no agents offline") and forecasts
 * ("may be briefly unavailable"): no trouble. ("could not be renewed" is no forecast: the
 * renewal failed.)
 */
// ("Health: Progressing → Healthy", "(triggered by auto-sync)": a sync's own steps to healthy.)
const harmless =
  /\b(?:alerts|notifications)\b[^.\n]{0,60}\bsuppressed until\b|\bprogressing ?(?:→|->|to) ?healthy\b|\btriggered by (?:auto-?sync|a push|push|commit|webhook|schedule|cron|@[\w.-]{1,40})\b|\btriggered by (?:[a-zäöüßéèçñ'.-]{2,20} ){0,2}[a-zäöüßéèçñ'.-]{2,20}\s*$|\b(?:0|no|zero|none) (?:currently )?[\w-]{1,30}|\b(?:may|might|will|could) (?!not\b)(?:be )?(?:briefly |temporarily )?[\w-]{1,20}(?: over)?/g

/** Trouble named anywhere in the post: the notice is then about a problem. */
const trouble =
  /\b(?:fail(?:s|ed|ing|ure|ures)?|errors?|errored|degraded|unhealthy|down|broken|outage|critical|crash(?:ed|es|ing)?|dropped|drop|below|breach(?:ed|es)?|exceeded|vulnerab\w*|cve-\d|security|expired|firing|triggered|alarm|missing|progressing|unknown|out of sync|outofsync|timed out|timeout|stuck|rejected|aborted|cancell?ed|warning|sev ?\d|incident #?\d*|incidents|escalat\w*|problem|issue #?\d+|not been|could not|couldn't|unable|didn'?t|did not|never|regress\w*|threshold|spike|alert)\b|\/incidents\/|❌|🔴|⚠/

/** A monitored condition's recovery, which policy keeps an alert ("✅ … recovered", "State: OK"). */
const recovery = /\b(?:resolved|recovered|recovery|back up|is up|state: ?ok|alarm|monitor is)\b/

interface Kind {
  readonly name: string
  /** Words one of which every match of `pattern` holds. */
  readonly needles: ReadonlyArray<string>
  readonly pattern: RegExp
  /** What else must be absent, beyond `trouble`. */
  readonly unless?: RegExp
  /** What the notice names as its subject, not as trouble (a rule's name, a silenced alert's). */
  readonly quiet?: RegExp
}

const kinds: ReadonlyArray<Kind> = [
  {
    name: "an on-call hand-off",
    needles: ["call", "primary", "secondary", "rotation", "takes over", "/schedules/", "override", "rotaç"],
    // ("Your on-call shift … begins in 15 minutes", "Schedule override: … is covering …",
    // "… has taken over the on-call rotation …", Opsgenie's "Your on-call schedule "SRE AU"
    // changes in 1 hour", "[Opsgenie] Schedule rotation: … on-call is now Marta L until Mon
    // 09:00", "Opsgenie: schedule 'Fulfilment on-call' rotated — A is on call this week",
    // "Opsgenie: rotação 'Venue Ops PT' começou — T está de prevenção esta semana",
    // "Opsgenie: schedule "Onsale Week" — Marco B is on call starting 20:00 CET": who is
    // on call, not what pages them; "Opsgenie schedule change: … on-call rotates tonight at 18:00
    // — A → B" too.)
    pattern:
      /\bon-?call hand-?(?:off|over)\b|\byour on-?call shift\b[^\n]{0,80}\b(?:begins|starts|ends|has (?:started|ended))\b|\bschedule override\b|\b(?:your )?on-?call schedule ['"‘’“][^'"‘’”\n]{1,60}['"‘’”] (?:changes|rotates|starts|begins|ends|hands (?:off|over)) in\b|\bschedule ['"‘’][^'"‘’\n]{1,60}['"‘’] (?:updated|changed|edited)\b|\badded as (?:an )?override\b|\b(?:has )?taken over (?:the )?(?:[\w-]{1,30} )?on-?call\b|\byou are now on[- ]?call\b|\bis now (?:the )?(?:primary|secondary|on[- ]?call)\b|\bist (?:ab sofort|ab heute|jetzt|nun) (?:die |der )?(?:primary|secondary|on[- ]?call|in (?:der )?rufbereitschaft)\b|\bschedule ['"‘’][^'"‘’\n]{1,60}['"‘’] (?:(?:—|–|-|:) )?(?:next )?(?:on-?call )?rotation\b|\btakes over (?:at|from|as)\b|pagerduty\.com\/schedules\/|\b(?:your )?rotation ['"‘’][^'"‘’\n]{1,60}['"‘’] (?:starts|begins|ends) in\b|\bon-?call (?:calendar|schedule|rota)\b[^\n]{0,40}\b(?:published|is up|posted|updated)\b|\bschedule rotation\b[^\n]{0,80}\bon-?call is now\b|\bschedule rotation (?:started|has started|starts|began|begun|changed)\b[^\n]{0,10}\bon-?call:|\bon-?call is now [a-z][\w.'-]* [a-z][\w.'-]* (?:until|till|from)\b|\bschedule ['"‘’“][^'"‘’”\n]{1,60}['"‘’”] [^\n]{0,60}\bis on[- ]?call (?:starting|from|until|till|as of)\b|\bschedule ['"‘’][^'"‘’\n]{1,60}['"‘’] rotated\b[^\n]{0,80}\bis on[- ]?call\b|\brotação ['"‘’][^'"‘’\n]{1,60}['"‘’] (?:começou|iniciou|mudou)\b[^\n]{0,80}\b(?:está|fica|é) de (?:prevenção|plantão|sobreaviso)\b|\bschedule change:[^\n]{0,60}\bon-?call rotates (?:tonight |today |tomorrow |this evening )?(?:at|on) [^\n]{1,30}(?:→|->)/,
  },
  {
    // "Grafana: annotation 'Deploy ticket-api 3.9.1' added to dashboard …", "Grafana: silence
    // created for 'Shop POS heartbeat' … until 06:00 by ops": a note or a mute set by someone,
    // about no condition (the quoted name is the subject, whatever it says).
    name: "an annotation or a silence set",
    needles: ["annotation", "silence"],
    pattern:
      /\bannotation ['"‘“][^'"’”\n]{1,80}['"’”] (?:was |has been )?(?:added|created|updated|edited)\b|\bsilence (?:was |has been )?(?:created|added|updated|extended)\b(?: for ['"‘“][^'"’”\n]{1,80}['"’”])?[^\n]{0,80}\b(?:until|by|for)\b/,
    quiet: /['"‘“][^'"’”\n]{1,80}['"’”]/g,
  },
  {
    name: "a maintenance window",
    needles: ["maintenance", "muted", "suppressed"],
    // (AWS Health's "scheduled change: Amazon RDS maintenance for db-1 scheduled for next Tue")
    pattern:
      /\bscheduled change\b[^\n]{0,40}\bmaintenance\b|\bmaintenance for [\w .-]{1,80} scheduled for\b|\bmaintenance (?:window )?(?:['"‘’][^'"‘’\n]{1,60}['"‘’] )?(?:has )?(?:started|scheduled|starts|created|begins|begun|in progress|is now active|now active)\b|\bscheduled maintenance\b|\bmonitor muted\b|\bmuted by \S{1,40} until\b|\b(?:alerts|notifications)\b[^.\n]{0,60}\bsuppressed until\b/,

    // "there's no maintenance scheduled today" doubts the window the report compares with.
    // ("the site is showing the 'Briefly unavailable for scheduled maintenance' message and it's
    // been an hour": a page a person sees, stuck, not a window a tool opened.)
    unless:
      /\b(?:no|any|not) maintenance\b|\bmaintenance mode\b|\b(?:showing|displaying|stuck)\b|\bit'?s been\b/,
  },
  {
    name: "a deploy that succeeded",
    needles: [
      "synced",
      "healthy",
      "pipeline",
      "applied",
      "apply complete",
      "release ",
      "_complete",
      "succeeded",
      "merged",
      "to destroy",
      "destroyed",
      "sync ok",
      "uploaded",
      "no changes",
      "published",
      "pushed",
      "exported",
      "/",
      "helmrelease",
      "deployment",
    ],
    // CloudFormation's UPDATE_COMPLETE and CodePipeline's SUCCEEDED (via AWS Chatbot), a merge
    // request merged, a Terraform run applied or an Atlantis plan posted, a release deployed.
    // ("Release v2.8.0 of courier-app published to Play Store internal track", "content-sync:
    // published 48 new lessons (it→en) to CDN ✅", "kiosk-config-sync: pushed new fare tables to
    // 42/42 kiosks ✅": a release or a sync's batch out, to all of its targets.)
    // ("gtfs-publish: static GTFS 2024-05-20 published to open data portal (1,204 routes). ✅":
    // a script's export out, ticked.)
    // ("Release 'FieldLink-API-Prod-118' deployed successfully to stage 'Production'": Azure DevOps.)
    // ("✅ Deploy records-api to prod (us-east-1) succeeded — run #4412 by jm", "Terraform Cloud:
    // Run applied successfully in workspace prod — 2 added", "Terraform Cloud: run for workspace
    // aws-portal-prod applied successfully (2 added, 1 changed, 0 destroyed)": a deploy or a run,
    // done, the workspace named before or after.)
    // ("Terraform Cloud: run 'prod-network' applied successfully (3 added, 1 changed, 0
    // destroyed)", "Release **owner-app v5.3.0** published by @x": the run named, the release in bold.)
    // ("terraform apply in claims-prod-us-east-1 completed: 0 added, 2 changed, 0 destroyed.":
    // the same run, told by a CI job.)
    // ("[liveops-bot] Event "Winter Solstice Login" published to the calendar … ✅": a bot's tag
    // in brackets heads it as a name with a colon does.)
    // ("[nightly-sync] station catalogue synced from council open data: 412 stations, 3 added, 0
    // removed. OK": a script's sync under its tag, ending OK.)
    pattern:
      /^[^\w\n]{0,8}\[[\w.-]{2,40}\] [^\n]{0,80}\bsynced\b[^\n]{0,120}[.:,] ?(?:ok|done|success|succeeded|✅)[^\w\n]{0,8}$|\bsynced\b[^\n]{0,120}\bhealthy\b|\bpipeline #?\d{1,10} (?:passed|succeeded)\b|\brun (?:run-\w{1,30} )?applied (?:successfully )?in workspace\b|\bterraform cloud:? (?:run ['"‘][\w.-]{1,80}['"’]|run-\w{1,30}) applied successfully\b|\brun (?:run-\w{1,30} )?(?:for|in|on) workspace [\w.-]{1,80} (?:was |has been )?applied(?: successfully)?\b|^[^\w\n]{0,8}(?:✅ ?|:white_check_mark: ?)?deploy(?:ment)? (?:of )?[\w@/.-]{1,80} to [\w.-]{1,40}(?: \([^)\n]{1,80}\))? (?:succeeded|completed successfully|finished successfully|was successful)\b|\bapply complete\b|\bapply (?:in|for|on|of) [\w.-]{1,80} (?:completed|finished|succeeded)(?: successfully)?: \d{1,5} added, \d{1,5} changed, \d{1,5} destroyed\b|\bstack [\w-]{1,80} (?:update|create)_complete\b|\b(?:code)?pipeline [\w-]{1,80} execution succeeded\b|\bmerge request !\d{1,7}\b[^\n]{0,160}\bmerged into\b|\b(?:run-\w{1,30} applied|applied) for workspace\b|\bplan for\b[^\n]{0,80}\b\d{1,5} to add, \d{1,5} to change, \d{1,5} to destroy\b|\brelease [\w@.-]{2,80}(?: v?\d[\w.-]{0,20})? (?:was |has been )?deployed to\b|\bhelmrelease [\w/.-]{1,80} (?:upgraded|installed|reconciled)\b[^\n]{0,80}\bready\b|\b(?:preview|production) deployment (?:is )?ready\b|\bsync (?:ok|succeeded|successful)\b[^\n]{0,120}\bhealthy\b|\b(?:uploaded|submitted) to (?:testflight|the app store|app store connect|google play|the play store|play console)\b|\bno changes\. your infrastructure matches the configuration\b|^[^\w\n]{0,8}release ['"‘“][\w.-]{2,80}['"’”] deployed successfully to (?:stage|environment) ['"‘“][\w .-]{1,40}['"’”]|^[^\w\n]{0,8}release [\w.-]{2,60} v?\d[\w.-]{0,20} (?:published|submitted|released|rolled out|promoted)\b|^[^\w\n]{0,8}release [*_]{1,2}[\w.-]{2,60} v?\d[\w.-]{0,20}[*_]{1,2} (?:published|submitted|released|rolled out|promoted)\b|^[^\w\n]{0,8}release v?\d[\w.-]{0,20} of [\w@/.-]{2,60} (?:was |has been )?(?:published|submitted|released|rolled out|promoted)\b|^[^\w\n]{0,8}[\w.-]{2,40}: published \d[\d,]{0,8} (?:new |updated )?[\w -]{1,30}(?: \([^)\n]{1,60}\))? to\b|^[^\w\n]{0,8}[\w.-]{2,40}: (?:pushed|synced|published|deployed|applied|distributed|rolled out) [^\n]{0,80}?\bto (?:all )?(\d{1,6})\/\1\b|^[^\w\n]{0,8}(?:[\w.-]{2,40}:|\[[\w.-]{2,40}\]) [^\n]{0,80}?\b(?:published|pushed|uploaded|exported) to [^\n]{0,160}(?:✅|:white_check_mark:)[^\w\n]{0,4}$/,
    // ("synced: 0 stations, 412 removed. OK": an empty sync is the trouble, whatever it ends with.)
    // ("… 14 destroyed — that wasn't supposed to destroy anything": a person says it went wrong.)
    unless:
      /\bsynced\b[^\n]{0,80}: 0 [a-z]|\bsuspended\b|\bsync failed\b|\brollback\b|\bsupposed to\b|\bunexpected(?:ly)?\b|\b[1-9][\d,]{0,6} new (?:issues?|errors?)\b/,
  },
  {
    name: "a dependency update opened",
    needles: ["renovate", "dependabot", "dependency", "bump "],
    // ("Update dependency @stripe/stripe-js to v4": the scope's "@stripe" is read as a mention.)
    pattern:
      /\b(?:renovate|dependabot)\b[^\n]{0,80}\b(?:update|bump|pin|opened|pull request|pr #?\d)|\bupdate dependency\s{1,3}[\w@/.-]{1,80} to v?\d|\bbump [\w@/.-]{1,80} from v?\d[\w.-]{0,20} to v?\d/,
    // ("dependabot opened PR #1440 in kelpie/outage-map-web": the repository's name is no trouble.)
    // ("Bump lodash … in /outage-map-web": the directory's name is no trouble either.)
    quiet: /\b[\w.-]{1,40}\/[\w.-]{1,80}|\bin \/[\w./-]{1,80}/g,
  },
  {
    name: "a job that succeeded",
    needles: ["success", "succeeded", "passed", "ok", "completed"],
    // ("Jenkins: app #611 SUCCESS", "run #5521 completed successfully", "nightly base backup …
    // completed in 41m ✔", "Build #2291 of app-android (release/4.12.1) SUCCESS in 7m", "nightly-e2e
    // on main passed (142 tests, 0 failed)", "GitHub Actions: Build DragonRift-Android 4.12.2
    // (#8841) succeeded — uploaded to Play internal track")
    pattern:
      /\b(?:build|run|job|pipeline) #\d{1,10} of [\w@/.-]{1,80}(?: \([^)\n]{1,60}\))? (?:success|succeeded|passed)\b|\b(?:build|run|job|workflow|pipeline) [\w.-]{1,60}(?: [\w.-]{1,20}){0,2} \(#\d{1,10}\) (?:success|succeeded|passed)\b|^[^\w\n]{0,8}[\w.-]{2,40} on [\w/.-]{1,40} passed \(\d[\d,]{0,6} tests?, 0 failed\)|^[^\n]{0,80}?(?::|\]|—| -)[ \t]{0,3}(?:✅|:white_check_mark:)?[ \t]{0,3}(?:success|succeeded|passed)\b|^[^\n]{0,100}? #\d{1,7} (?:success|succeeded|passed)\b|\b(?:run|build|job) #?\d{1,10} completed successfully\b|\b(?:backup|snapshot|dump)\b[^\n]{0,100}\bcompleted\b[^\n]{0,60}(?:✔|✅|:heavy_check_mark:|:white_check_mark:)|(?:✅|:white_check_mark:)[^\n]{0,60}\b(?:build|job|export|backup|restore test|dump|pg_dump|snapshot)\b[^\n]{0,60}\b(?:success|succeeded|passed|ok|completed successfully)\b/,
    unless: recovery,
  },
  {
    name: "a pull request opened",
    needles: ["opened", "review requested"],
    // ("PR #5012 opened by @svenja: "dispatch: tune …" — review requested from @sre")
    pattern:
      /^[^\w\n]{0,8}(?:pr|pull request|merge request|mr) [#!]\d{1,7} (?:opened by\b|[^\n]{0,200}\breview requested from\b)/,
  },
  {
    // ("Silence created by akim for alertname=KubeJobFailed … (2h). Comment: known flaky job")
    name: "a silence created",
    needles: ["silence"],
    pattern: /^[^\w\n]{0,8}silence (?:created|added|extended|updated) (?:by|for)\b/,
    quiet: /\balertname=\S{1,80}/g,
  },
  {
    // ("Alert rule "Kiosk card decline rate" was updated by lea.k@… (threshold 0.25 → 0.30)")
    name: "an alerting rule edited",
    needles: ["rule", "monitor", "heartbeat"],
    // ("Opsgenie: Heartbeat configuration updated for temp-hold-evaluator by omar.haddad": the
    // check's settings edited, not a heartbeat missed.)
    pattern:
      /^[^\w\n]{0,8}(?:opsgenie|pagerduty|datadog|grafana|better ?stack|healthchecks(?:\.io)?):? heartbeat (?:configuration |settings |check )?(?:['"‘“][^'"’”\n]{1,60}['"’”] )?(?:was |has been )?(?:updated|created|edited|modified|enabled|added|renamed) (?:for [\w.-]{1,80} )?by\b|^[^\w\n]{0,8}(?:alert rule|alerting rule|monitor) ['"‘“][^'"’”\n]{1,80}['"’”] (?:was |has been )?(?:updated|created|edited|modified|deleted|renamed) by\b/,
    quiet:
      /^[^\w\n]{0,8}(?:alert rule|alerting rule|monitor) ['"‘“][^'"’”\n]{1,80}['"’”]|\(threshold [^)\n]{0,40}\)/g,
  },
  {
    // ("Change CHG0041882 approved: CIS patching Saturday 22:00–02:00, implementer: R. Okafor":
    // a change record's approval, work planned, not a condition.)
    name: "a change approved",
    needles: ["chg", "change"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:normal |standard )?change(?: request)? )?(?:chg|cr)[- ]?\d{3,12} (?:was |has been )?(?:approved|authori[sz]ed|scheduled|created|submitted)\b/,
  },
  {
    // ("[push-scheduler] campaign "weekly_reminder_jp" completed: 1.42M sent, 0.3% failed (within
    // normal range)": a send done, its failures said to be the usual share.)
    name: "a campaign sent",
    needles: ["campaign"],
    pattern:
      /^[^\w\n]{0,8}(?:\[[\w.-]{2,40}\] )?(?:push |email |sms )?campaign ['"‘“][^'"’”\n]{1,80}['"’”] (?:completed|finished|sent|delivered)\b/,
    quiet:
      /['"‘“][^'"’”\n]{1,80}['"’”]|\b\d{1,2}(?:\.\d{1,3})?% failed \((?:within|in line with|normal|usual|as usual|expected)[^)\n]{0,40}\)/g,
  },
  {
    name: "an annotation",
    needles: ["annotation"],
    pattern: /\bannotation (?:added|created)\b/,
  },
  {
    name: "a certificate renewed",
    needles: ["renewed", "renewal"],
    // ("portal cert renewal went through, new expiry is Jan 2026": a person's word for the same.)
    pattern:
      /\b(?:cert|certs|certificate|ssl|tls)\b[^\n]{0,40}\brenewal (?:went through|succeeded|completed|is done|worked)\b|\b(?:cert|certs|certificate|ssl|tls)\b[^\n]{0,80}\brenewed\b|\brenewed\b[^\n]{0,80}\b(?:valid until|new expiry|expires on|valid till)\b/,
    unless: recovery,
  },
  {
    // ("AWS Chatbot: cost anomaly summary for Jun — no anomalies detected": a scan that found
    // nothing; "cost anomaly detected: +340%" is the finding itself.)
    name: "a scan that found nothing",
    needles: ["summary", "report", "digest", "scan"],
    pattern:
      /\b(?:summary|report|digest|scan)\b[^\n]{0,80}\b(?:no|0|zero) (?:new )?(?:anomal(?:y|ies)|findings|issues|alerts|incidents|errors|violations|vulnerabilities) (?:were |was )?(?:detected|found|reported|flagged)\b/,
  },
  {
    name: "a release's health",
    needles: ["crash-free", "crash free"],
    pattern: /\b(?:release health|weekly report for)\b[^\n]{0,160}\bcrash[- ]free\b/,
  },
  {
    name: "a periodic digest",
    needles: ["digest", "report", "summary", "generated", "relatório", "rapor"],
    // ("daily bike count digest: 18,402 trips …", "Reporting: weekly PDF 'Signal Ops Overview'
    // has been generated and emailed to …": a count or a document sent on its schedule.)
    // ("Weekly monitor digest (Nov 4–10): 14 monitors triggered, 14 recovered": a week counted.)
    // ("[fx-report] weekly corridor volume digest: US->MX $4.1M, …": a script's, its name first.)
    // ("Grafana: report "Weekly DC throughput" generated and emailed to …", "Grafana: weekly
    // dashboard report 'Marketplace health' — …", "Datadog: Monthly SLO report — …", "Better Stack:
    // relatório mensal de uptime — x 99.95%")
    pattern:
      /^[^\n]{0,40}?\b(?:daily|weekly|monthly|quarterly) (?:slo |sla |dashboard |kpi |uptime |availability |usage |performance |monitor |monitors |alert |alerts |alerting |incident |on-?call |cert |certificate |ssl |tls )?(?:digest|report|summary)\b(?: for [\w .-]{1,40}| ['"‘“][^'"’”\n]{1,60}['"’”])?(?: \([^)\n]{1,30}\))?\s{0,2}(?::|—|-|is ready)|\breport ['"‘“][^'"’”\n]{1,60}['"’”](?: for [\w .-]{1,30})? (?:is ready|(?:has been |was )?generated|ist fertig|ist bereit|wurde erstellt)\b|^[^\n]{0,40}?\b(?:grafana|datadog|looker|metabase|kibana)\b:? report:? ['"‘“]|\berror budget report\b|^[^\n]{0,40}?\brelatório (?:mensal|semanal|diário|trimestral) de (?:uptime|disponibilidade|sla|slo)\b|^[^\n]{0,40}?\b(?:aylık|haftalık) (?:uptime|erişilebilirlik|sla|slo) raporu\b|^[^\w\n]{0,8}(?:\[[a-z][\w.-]{1,30}\] )?(?:daily|weekly|monthly) [a-z]{2,20} (?:count|counts|traffic|usage|sales|ridership|volume|visits|footfall) (?:digest|report|summary):|\b(?:daily|weekly|monthly|quarterly) (?:pdf|csv|xlsx|excel|email) ['"‘“][^'"’”\n]{1,60}['"’”] (?:has been |was )?generated\b/,
    unless:
      /\b(?:breach\w*|exhausted|violat\w*|not within|outside (?:the )?slo|missed|failing|outage|currently (?:firing|failing|down)|expired|renewal failed|failed to renew|could not be renewed|violad[oa]s?|abaixo d[oa]|fora do slo|ihlal\w*|altında)(?![\p{L}])/u,
    // ("Noisiest monitor: [P3] Log volume spike": the week's loudest alert named, as history.)
    // ("Noisiest: lobby-gateway-ws-errors (5)": the same, the noun left out.)
    quiet:
      /\b(?:noisiest|loudest|busiest|most frequent|top)(?: (?:monitor|alert|check|rule)s?)?:[^\n]{0,100}/g,
  },
]

const triggeredTrend =
  /\b(?:triggered|fired|alerts|pages|incidents)(?: this (?:week|month))? \((?:↓|↑|-|\+) ?\d{1,3}(?:\.\d)?%\)/g
/** Trouble a digest counts in passing ("3 triggered this week", "3 new issues") is its history. */
const countsHistory = new Set(["a periodic digest", "a release's health"])

/** "dispatch 99.71% (target 99.8%)": a number under its target is an SLO missed, said in figures. */
const belowTarget = (text: string): boolean =>
  text.includes("target") &&
  [...text.matchAll(/(\d{1,3}(?:\.\d{1,4})?) ?% \(target:? (\d{1,3}(?:\.\d{1,4})?) ?%\)/g)].some(
    (m) => Number(m[1]) < Number(m[2]),
  )

/** The kind of tool notice the message is, when it is one and names no trouble; else null. */
export const toolNotice = (message: Message): string | null => {
  const text = message.text.slice(0, maxChars)
  const kind = kinds.find(
    (k) => k.needles.some((n) => text.includes(n)) && k.pattern.test(text) && !k.unless?.test(text),
  )
  // ("the backup job reported success but the file is 0 bytes": what comes after is the news.)
  // ("…, still serving the old one", "the job says ok, yet the bucket is empty": doubted.)
  if (kind === undefined || /\b(?:but|however|though|although|yet|still|says|supposedly)\b/.test(text))
    return null
  // "is the nightly backup job ok? nothing landed in s3": a tool's notice asks nothing.
  if (text.includes("?")) return null
  const rest = text.replace(harmless, " ").replace(kind.quiet ?? harmless, " ")
  if ((!countsHistory.has(kind.name) && trouble.test(rest)) || belowTarget(text)) return null
  if (
    countsHistory.has(kind.name) &&
    // ("drop rate 0.42%" is a KPI's name; "3 regressions" in a week's report is a count of it.)
    /\b(?:dropped|drop(?! rate)|below|fell|down to|regress\w*|spike|threshold|escalat\w*)\b|↓/.test(
      // ("14 monitors triggered this week (↓22%)": fewer alerts than last week, no drop of a metric.)
      rest.replace(/\b\d{1,4} regressions?\b/g, " ").replace(triggeredTrend, " "),
    )
  )
    return null
  return kind.name
}
