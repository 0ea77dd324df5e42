/**
 * Monitoring tools announce themselves by format: Alertmanager's `[FIRING:n]`, CloudWatch's
 * "changed from OK to ALARM", Datadog's "Triggered: [P2]"… Recognising the format is the most
 * confident alert signal there is, so it short-cuts every other rule. Each pattern starts with
 * a literal or is bounded, so scanning stays linear.
 */
import type { Message } from "./classify-text.js"

type Check = (text: string, tokens: ReadonlyArray<string>, cased: string) => boolean

const has =
  (...needles: ReadonlyArray<string>): Check =>
  (text) =>
    needles.some((n) => text.includes(n))
/**
 * `pattern` on the text, run only when one of `needles` (strings every match contains) is
 * there: most messages carry none of a format's words, and skipping the regex outright is far
 * cheaper than running it (this runs on every delivery, for every format).
 */
const matches =
  (...guarded: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp]>): Check =>
  (text) =>
    guarded.some(([needles, pattern]) => needles.some((n) => text.includes(n)) && pattern.test(text))
const either =
  (...checks: ReadonlyArray<Check>): Check =>
  (text, tokens, cased) =>
    checks.some((check) => check(text, tokens, cased))

/**
 * A state word then an alert's own name, as notification bots write it: "RESOLVED:
 * HighMemoryUsage on node-7", "FIRING - api-5xx-rate". The name must look like an identifier
 * (CamelCase with two humps, or words joined by - or _), so "Resolved: thanks all" stays chatter.
 */
const stateThenAlertName: Check = (text, _tokens, cased) =>
  ["firing", "resolved", "recovered", "triggered", "alert", "alarm"].some((w) => text.includes(w)) &&
  /(?:^|\n)[ \t*_>`]{0,8}(?:FIRING|RESOLVED|RECOVERED|TRIGGERED|ALERT|ALARM|Firing|Resolved|Recovered|Triggered|Alert)\b[ \t]{0,3}[:\-–—][ \t]{0,3}[*_`"']{0,2}\[?(?:[A-Z][a-z0-9]{1,30}(?:[A-Z][A-Za-z0-9]{0,30}){1,8}|[A-Za-z][A-Za-z0-9]{1,30}(?:[-_][A-Za-z0-9]{1,30}){1,8})\b/.test(
    cased,
  )

/**
 * "OK: Mainframe bridge mq-gw-01: …": the state as monitors write it (capitals, read on the cased
 * text), a host part holding a machine-style name (letters joined to digits or by - _ .), and
 * the check after a second colon — "OK: see you at 10:30" and "OK: thanks all" have no host.
 */
const checkStateOnHost: Check = (text, _tokens, cased) =>
  text.includes(": ") &&
  /(?:^|\n)[^\w\n]{0,8}(?:OK|WARNING|CRITICAL|UNKNOWN|RECOVERY|PROBLEM|DOWN|UP|RESOLVED|RECOVERED|FIRING|TRIGGERED|ALERT): [^:\n]{0,60}\b(?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+|[A-Za-z]+\d+[A-Za-z0-9]*)\b[^:\n]{0,30}: \S/.test(
    cased,
  )

/** Sentry's "58 events in 5m" / "1,204 events in the last hour", read on tokens. */
const eventCount: Check = (_text, tokens) =>
  tokens.some(
    (t, i) =>
      (t === "events" || t === "event") && /^\d[\d,.]*$/.test(tokens[i - 1] ?? "") && tokens[i + 1] === "in",
  )

const LINE_START = "(?:^|\\n)[ \\t*_>`]{0,8}"

const formats: ReadonlyArray<readonly [string, Check]> = [
  [
    "alertmanager",
    either(
      matches(
        [["[firing", "[resolved"], /\[(?:firing|resolved)(?::\s?\d{1,6})?\]/],
        [["alertname"], /alertname ?[=:]/],
      ),
      // Its own links or its name heading a line, not a person asking how to use it.
      matches([
        ["alertmanager"],
        new RegExp(`${LINE_START}\\[?alertmanager\\b|alertmanager[.:/]|\\/alertmanager\\b`),
      ]),
      (text) => text.includes("labels:") && text.includes("annotations:"),
    ),
  ],
  [
    "grafana",
    either(
      has("[alerting]", "[no data]"),
      matches(
        [["firing", "resolved"], /\*{1,2}\[?(?:firing|resolved)(?::\d{1,6})?\]?\*{1,2}/],
        [["value:"], /value: ?\[?[a-z][a-z0-9_]{0,20}=/],
      ),
    ),
  ],
  [
    "cloudwatch",
    either(
      has("threshold crossed", "in alarm state", "aws chatbot"),
      // Its own heading ("CloudWatch Alarm | ApiGateway-Latency"), not a question about "the CloudWatch
      // alarms" or "what happens if a CloudWatch alarm fires…" (an article names one in talk).
      matches([["cloudwatch alarm"], /(?<!\b(?:a|an|the|any|every|each|one|if) )cloudwatch alarm(?!s)/]),
      matches(
        [[': "'], new RegExp(`${LINE_START}(?:alarm|insufficient_data|ok): "`)],
        [["alarm: ", "insufficient_data: "], new RegExp(`${LINE_START}(?:alarm|insufficient_data): `)],
        [["changed from "], /changed from (?:ok|alarm|insufficient_data) to (?:ok|alarm|insufficient_data)/],
        [["state:"], /state: ?\*{0,2}alarm/],
      ),
    ),
  ],
  [
    "datadog",
    either(
      has("datadoghq", "[triggered on {"),
      matches(
        [
          ["triggered: ", "recovered: ", "warn: ", "renotify: ", "no data: "],
          // ("recovered: st agnes printers are back since 10:15, thanks for the help": a person's
          // recovery thanks someone; a monitor's line never does.)
          new RegExp(
            `${LINE_START}(?:(?:re-)?triggered|warn|renotify|no data|recovered(?![^\\n]{0,160}\\b(?:thanks|thank you|thx|ty|cheers)\\b)): `,
          ),
        ],
        [["[p"], /\[p[1-5]\]/],
      ),
    ),
  ],
  [
    "pagerduty",
    // Its own links, its name heading a line or tagged, its "Triggered #1234:" titles — not a
    // person naming it ("add me to the pagerduty schedule").
    matches(
      [["pagerduty.com"], /pagerduty\.com/],
      [["pagerduty"], new RegExp(`${LINE_START}\\[?pagerduty\\b|\\[pagerduty\\]`)],
      // PagerDuty's own "Incident #4471 triggered", not a person's "your summary for incident #4466".
      [
        ["incident #"],
        /(?:^|\n)[^\w\n]{0,8}incident #\d{1,10}(?: \([^)\n]{1,20}\))?:|incident #\d{1,10}:? (?:triggered|acknowledged|escalated)|incident #\d{1,10} (?:resolved|triggered|acknowledged)(?: on| by|:)|(?:triggered|resolved|acknowledged|escalated): incident #\d{1,10} on /,
      ],
      [["urgency:"], /urgency: ?(?:high|low)/],
      [
        ["triggered #", "resolved #", "acknowledged #", "escalated #"],
        new RegExp(`${LINE_START}(?:triggered|resolved|acknowledged|escalated) #\\d{1,10}:`),
      ],
    ),
  ],
  [
    "opsgenie",
    matches(
      [["opsgenie"], new RegExp(`opsgenie\\.com|${LINE_START}\\[?opsgenie\\b|\\[opsgenie\\]`)],
      [["priority:"], /priority: ?p[1-5]/],
    ),
  ],
  [
    // A provider's status page relayed to chat: "[Cloudflare Status] Resolved - Elevated 5xx …",
    // "Investigating - We are investigating reports of …".
    "status page",
    matches(
      [[" status]"], /\[[^\]\n]{1,40} status\]/],
      // Statuspage's component changes: 'Statuspage: Acme component "Online Fine Payments" changed
      // to Major Outage' — the component's name is the product's own ("online", "up" and "back" in
      // it are no recovery words).
      [
        ["component"],
        /\bcomponents? "?[^"\n]{1,80}"? (?:status )?(?:changed|went|moved|has changed|is now)(?: from [a-z ]{3,30})? to (?:major outage|partial outage|degraded performance|operational)\b/,
      ],
      // "Twilio Status: SMS delivery delays … — Identified": a provider's page heading the message.
      [
        [" status: ", " status - ", " status update: ", " status — ", " status – "],
        /^[\s*_>`]{0,8}[a-z0-9][a-z0-9 .&-]{0,30} status(?: update)?(?::| -| —| –) [^\n]{0,200}\b(?:investigating|identified|monitoring|resolved|degraded performance|partial outage|major outage)\b/,
      ],
      // The status updates' own sentences, which a person's "resolved - thanks" never has.
      [
        ["investigating - ", "identified - ", "monitoring - ", "resolved - "],
        /(?:investigating|identified|monitoring) - (?:we are|we have|we're|a fix has|the issue)|resolved - this incident has been resolved/,
      ],
      [["statuspage.io", "status.io"], /statuspage\.io|status\.io\b/],
      // Statuspage's, Instatus' and Better Stack's own notices: 'Incident created on
      // status.x.io: "Delayed starts" — Status: Identified', "New incident: … — Investigating".
      // A condition on a monitored page is an alert by policy ("Scheduled maintenance" is no incident).
      [
        ["incident created", "new incident", "status: "],
        /\b(?:incident created|new incident)\b[^\n]{0,200}\b(?:investigating|identified|monitoring|degraded performance|partial outage|major outage)\b|(?:^|[—–-] )status: (?:investigating|identified|degraded performance|partial outage|major outage)\b/,
      ],
      // Its own host heading the notice: "status.lockerly.io — Degraded performance: …".
      [
        ["status."],
        /(?:^|\s)status\.[a-z0-9-]{1,40}\.[a-z]{2,10}\b[^\n]{0,200}\b(?:investigating|identified|degraded performance|partial outage|major outage)\b/,
      ],
      // Cloud providers' own health pages: "Google Cloud Service Health: New incident affecting …".
      [
        ["service health", "health dashboard"],
        /(?:service health|health dashboard)[^\n]{0,40}\b(?:new incident|incident affecting|issue affecting|degraded|outage)/,
      ],
    ),
  ],
  [
    "sentry",
    either(
      // Its links, its name heading a line, its own words — not "add the Sentry project to…".
      matches([["sentry"], new RegExp(`sentry\\.io|${LINE_START}\\[?sentry\\b|\\[sentry\\]`)]),
      has("first seen"),
      matches(
        [["new issue"], /new issue(?: in [^\n]{1,80})?:/],
        [["regression"], /regression(?::| in | — | - )/],
        // "Issue escalating in checkout-service: stripe.error.CardError …", "Escalating issue in X:".
        [["issue escalating", "escalating issue"], /(?:issue escalating|escalating issue) in [^\n:]{1,80}:/],
      ),
      eventCount,
    ),
  ],
  [
    "uptime monitor",
    either(
      matches(
        [["monitor is "], /monitor is (?:down|up)/],
        // Checkly and synthetic checks: 'Check "Login E2E" failed', "Check *Homepage* is DOWN".
        [
          ["check "],
          /(?:^|\n)[^\n\w]{0,8}check [*_"'`][^\n*_"'`]{1,80}[*_"'`] (?:has )?(?:failed|is down|is degraded|degraded)/,
        ],
      ),
      has("health check failed"),
      // Checkly's "✅ 'Merchant books delivery' recovered in all locations after 9 failed runs",
      // "failed in 2/3 locations": a check's state counted over its probe locations.
      matches([
        [" locations", " location"],
        /\b(?:recovered|failed|failing|degraded|is down|is up) in (?:all|some|\d{1,2}(?: ?\/ ?\d{1,2}| of \d{1,2})?) locations?\b/,
      ]),
      // UptimeRobot's "Up: Loyalty portal (https://…) is back up. It was down for 14 minutes and 02 seconds."
      matches(
        // ("remember when the tile server was down for 6 hours in March?": history told, no tool.)
        [
          ["was down for"],
          /(?<!\bremember (?:when|the time)\b[^\n]{0,80})\bwas down for \d{1,5} ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hours?|days?)\b/,
        ],
        [
          ["up: ", "down: "],
          /(?:^|\n)[^\w\n]{0,8}(?:up|down): [^\n]{0,80}(?:\(https?:\/\/|\b[a-z0-9-]+\.[a-z0-9.-]+\.[a-z]{2,}\b)/,
        ],
        // Pingdom's and Better Stack's "UP alert: status.x.io is up again at 07:31:40 CET, after
        // 17m 38s of downtime", "DOWN alert: shop.x.io is down since 07:14:02": the state then
        // "alert:" heading the line, or the downtime timed as only a monitor times it (a person's
        // "the site is up again after 20 min of downtime" gives no seconds).
        [
          ["up alert: ", "down alert: "],
          /(?:^|\n)[^\w\n]{0,8}(?:pingdomalert:? )?(?:up|down) alert: [^\n]{1,80}\bis (?:up|down|back up|not responding)\b/,
        ],
        [["of downtime"], /\bafter (?:\d{1,3}d ?)?(?:\d{1,2}h ?)?\d{1,2}m \d{1,2}s of downtime\b/],
        // A status monitor's "✅ Resolved: **Booking API** is back up. Incident lasted 9 minutes.":
        // the check mark, "Resolved:", the monitor's name in bold or italics and the timed outage
        // are the tool's; a person's "resolved, booking api is back up" has none of them.
        [
          ["resolved: "],
          /(?:^|\n)[^\w\n]{0,8}✅ ?resolved: ?[*_]{1,2}[^\n*_]{1,60}[*_]{1,2} (?:is|are) (?:back up|back online|up|operational|recovered)\b[^\n]{0,60}\b(?:lasted|after|for) \d{1,4} ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/,
        ],
      ),
    ),
  ],
  [
    // AWS's own event notifications (ElastiCache, RDS, Health) relayed to chat.
    "aws event",
    matches(
      [["elasticache:"], /\belasticache:[a-z]{4,40}\b/],
      [["rds-event-"], /\brds-event-\d{4}\b/],
      [["aws health"], /aws health (?:event|notification|dashboard)/],
      [["cost anomaly detection", "anomaly detected"], /cost anomaly detection|anomaly detected/],
    ),
  ],
  [
    // Security scanners' findings: a scanner heading its message, or its "N new critical
    // vulnerabilities" line.
    "security scanner",
    matches(
      [
        [
          "snyk",
          "trivy",
          "guardduty",
          "inspector",
          "crowdstrike",
          "falco",
          "wiz",
          "lacework",
          "sysdig",
          "aqua",
        ],
        new RegExp(
          `${LINE_START}\\[?(?:snyk|trivy|guardduty|amazon inspector|crowdstrike(?: falcon)?|falco|wiz|lacework|sysdig|aqua)\\b[\\]:]|(?:crowdstrike|falco|wiz|lacework|sysdig)[^\\n]{0,40}\\b(?:detection|finding|alert|issue)\\b`,
        ),
      ],
      [["vulnerabilit"], /\b\d{1,5} new (?:critical|high)(?: severity)? vulnerabilit/],
      // Its own "GuardDuty Finding: …" heading, not "the GuardDuty finding earlier was our pentest".
      [["guardduty finding"], /guardduty finding(?:[:|]| ?\(| type| severity)/],
    ),
  ],
  [
    "zabbix/nagios",
    either(
      has("service alert:", "host alert:"),
      matches(
        [["problem: "], /(?:^|[\s*])problem: /],
        [["problem duration:"], /problem duration: ?\d/],
        // Nagios/Icinga notification subjects, firing or recovered: "RECOVERY: Service 'Disk C:'
        // on host mes-01 is OK", "RECOVERY: Host mes-01 is UP", "RECOVERY - mes-01/disk is OK",
        // "** RECOVERY alert - ams-pij/CUPS queue is OK **".
        // A person's "recovery: checkout is ok now" names no host or check this way.
        [
          ["recovery", "problem"],
          new RegExp(
            `${LINE_START}(?:(?:icinga2?|nagios|naemon|check_?mk)[: ]+)?(?:recovery|problem)(?: (?:service |host )?alert)?(?::| -) (?:service\\b[^\\n]{1,80}\\bon host\\b|host\\b[^\\n]{1,60}\\bis (?:up|down|unreachable)\\b|[a-z0-9][\\w.-]*[-_.\\d][\\w.-]*(?:\\/| - )[^\\n]{1,60}\\bis (?:ok|critical|warning|unknown)\\b)`,
          ),
        ],
        // Zabbix's older recovery subject, "Resolved: Free disk space is less than 20% on volume
        // /data": its templates' trigger names compare a value with a limit.
        [
          ["resolved: "],
          new RegExp(
            `${LINE_START}(?:zabbix:? )?resolved: [^\\n]{1,80}?\\b(?:is (?:less|more|greater|lower|higher) than \\d|(?:over|above|below) \\d+(?:\\.\\d+)?\\s?% for \\d+\\s?m\\b|on volume \\/|is unavailable by icmp|has been restarted \\(uptime)`,
          ),
        ],
      ),
    ),
  ],
  [
    // PRTG's subjects: "[PRTG Network Monitor] Up: Ping sensor on mes-01", "[PRTG] Down: HTTP …".
    "prtg",
    matches([
      ["[prtg"],
      /\[prtg[^\]\n]{0,30}\] (?:up|down|warning|unusual|down \((?:acknowledged|partial)\)|down ended)\b/,
    ]),
  ],
  [
    "alert notification",
    either(
      stateThenAlertName,
      // "[OK] Redis evictions on session-cache back to normal": a check's state heading its line.
      matches([["[ok]", "[warning]", "[critical]"], /(?:^|\n)[^\w\n]{0,8}\[(?:ok|warning|critical)\] \w/]),
      // Nagios/Icinga-style "OK: mq-gw-01: MQ queue depth … back to normal", "CRITICAL: db-03: Disk
      // / is 97% full": a check state in capitals, then a host named as machines are, then a colon.
      checkStateOnHost,
      // "[hl7-watch] RECOVERED: ORU^R01 … flowing again": a custom script's name in brackets (a
      // machine-style name, joined by - _ .) then its state in capitals, firing or recovered alike,
      // its status emoji between ("[recon-bot] ✅ RESOLVED: USD recon re-run — 0 unmatched (was 17)").
      (text, _tokens, cased) =>
        text.includes("] ") &&
        /(?:^|\n)[^\w\n]{0,8}\[[a-z][a-z0-9]{0,30}(?:[-_.][a-z0-9]{1,30}){1,4}\] {1,2}(?:(?:✅|✔️?|❌|⚠️?|🔴|🟢) {0,2})?(?:RECOVERED|RESOLVED|OK|FIRING|CRITICAL|WARNING|WARN|DOWN|UP|ALERT|PROBLEM|FAILED|FAILING)\b ?[:\-–—]/.test(
          cased,
        ),
      // "Resolved in 12m: Free disk space is less than 10% on /data": an on-call tool's recovery.
      matches([
        [" in "],
        /(?:^|\n)[^\w\n]{0,8}(?:resolved|recovered) in \d{1,4} ?(?:s|m|h|d|sec|min|mins|minutes|hours?)\b/,
      ]),
      // A check's name then its state, as monitors title their messages: "✅ Restore test
      // recovered: weekly restore drill …", "Nightly backup failed: …".
      matches([
        [
          " recovered:",
          " failed:",
          " is down:",
          " is up:",
          " resolved:",
          " is back up:",
          " aborted:",
          "budget alert:",
        ],
        // ("postmortem for INC-4471 is up:", "new runbook for … is up:", "new grafana dashboard
        // for van temps is up: <link>" share a document, whatever host the link names; "change
        // request for rotating the API key is up: CHG-2304" a change waiting for approval.)
        /(?:^|\n)[^\w\n]{0,8}(?::[a-z0-9_+-]{1,40}:\s{0,3})?(?!(?:the |our |a )?(?:(?:new|updated) )?(?:[\w-]+ ){0,3}?(?:postmortem|post-mortem|runbook|doc|docs|retro|rca|pir|write-?up|notes|slides|agenda|draft|dashboard|board|panel|pr|deck|summary|recording|change request|merge request|pull request|rfc|proposal)\b)[a-z][\w .-]{2,60} (?:recovered|failed|is down|is up|resolved|is back up|aborted|budget alert):/,
      ]),
    ),
  ],
  [
    // Incident tools' state lines: "Resolved: [#3321] Checkout p99 …", "Issue closed: Web
    // transaction time > 3s …" (New Relic), "[RECOVERY] vpn-gw-2 - …" (Nagios, Zabbix).
    "incident notification",
    matches(
      [
        ["resolved: ", "triggered: ", "acknowledged: ", "escalated: "],
        new RegExp(
          `${LINE_START}(?:resolved|triggered|acknowledged|escalated): (?:\\[#\\d{1,10}\\]|#[a-z]{0,6}-?\\d{2,10}\\b)`,
        ),
      ],
      [
        ["issue ", "incident ", "alert "],
        new RegExp(
          `${LINE_START}(?:issue|incident|alert) (?:opened|closed|acknowledged|resolved|reopened|created|escalated): `,
        ),
      ],
      // Azure Monitor's "Fired: Sev2 'sql-billing-dtu-high' — DTU percentage 92% on sqldb-…" and its
      // recovery "Resolved: Sev2 '…' — …": a severity then the rule's quoted name ("resolved: sev2
      // was the vpn, thanks" names no rule).
      [
        ["resolved: sev", "fired: sev", "activated: sev", "deactivated: sev"],
        new RegExp(
          `${LINE_START}(?:resolved|fired|activated|deactivated): sev ?[0-4] (?:azure monitor alert )?['"‘“][\\w .:/-]{2,80}['"’”]`,
        ),
      ],
      // Datadog's "[Recovered on {service:newsletter-sender}] SMTP bounce rate normal again".
      [
        ["[triggered on {", "[recovered on {", "[warn on {", "[re-triggered on {"],
        /\[(?:triggered|recovered|warn|re-triggered) on \{/,
      ],
      [
        ["[recovery]", "[problem]", "[recovered]", "[resolved]", "[triggered]"],
        new RegExp(`${LINE_START}\\[(?:recovery|problem|recovered|resolved|triggered)\\] `),
      ],
      // Sentry's "[checkout-svc] Resolved: HoldConflictError …" and "Issue resolved in regulatory-export: …".
      [
        [
          "] resolved:",
          "] regression:",
          "] new issue:",
          "issue resolved in ",
          "regression in ",
          "new issue in ",
        ],
        new RegExp(
          `${LINE_START}(?:\\[[\\w.-]{2,40}\\] (?:resolved|regression|new issue): |(?:issue resolved|regression|new issue) in [\\w.-]{2,40}: )`,
        ),
      ],
      // New Relic's policy states: "Closed: Warning violation — Error percentage > 5% on …",
      // "Open: Critical violation …" (a person would not call a problem a "violation").
      [
        ["violation"],
        new RegExp(
          `${LINE_START}(?:open|opened|closed|acknowledged|resolved): (?:critical |warning |high |low )?violation\\b`,
        ),
      ],
      // Statuspage's incident updates: "[Statuspage] Acme Online — Investigating: Payments may fail",
      // 'Statuspage: Incident "Some users can't send messages" — Identified.' (still open until
      // "Resolved": a fix being deployed or monitored is the incident's middle).
      [
        ["statuspage", "— investigating:", "— identified:", "– investigating:", "– identified:"],
        /\[statuspage\][^\n]{0,100}\b(?:investigating|identified|monitoring|resolved|update)\b|[—–] (?:investigating|identified): |statuspage: incident\b[^\n]{0,160} [—–-] (?:investigating|identified|monitoring)\b/,
      ],
      // "[#8815] RESOLVED: Screening Gateway - health probe failing": the id first.
      [
        ["] resolved:", "] triggered:", "] acknowledged:", "] escalated:"],
        new RegExp(`${LINE_START}\\[#\\d{1,10}\\] (?:resolved|triggered|acknowledged|escalated): `),
      ],
      // Better Stack's "✅ Resolved: Incident on shop.example.com (Timeout) was resolved
      // automatically after 11 minutes", "New incident on x.com (Keyword not found)": a host and
      // its cause in brackets, heading the line — a person says "the incident on x last week".
      [
        ["incident on "],
        /(?:^|\n)[^\w\n]{0,8}(?:(?:resolved|new incident|acknowledged|ongoing):? )?incident on [a-z0-9][\w.-]{0,80}\.[a-z]{2,24}(?:\/[^\s)]{0,60})? \([^)\n]{1,60}\)/,
      ],
      [
        ["resolved: ", "triggered: ", "firing: ", "recovered: "],
        new RegExp(
          `${LINE_START}(?:resolved|triggered|firing|recovered): (?:sentry|datadog|grafana|new relic|checkly|pingdom|cloudwatch|opsgenie|pagerduty|honeycomb|uptime ?robot|better ?stack)\\b[^\\n]{0,40}\\b(?:alert|monitor|alarm|check|incident)\\b`,
        ),
      ],
    ),
  ],
  [
    "severity label",
    matches([
      ["severity"],
      /severity ?[=:][\s`*"'_]{0,6}(?:critical|high|warning|error|page|major|minor|sev|p[0-4])/,
    ]),
  ],
]

/**
 * Tools known by name only: a person names them in passing ("shoutout to the Checkly synthetic",
 * "clean up the old Nagios checks"), so the name is the tool's own format only where its own
 * messages put it — heading the message ("New Relic | Open violation", "[uptime-kuma] [🔴 Down]")
 * — and elsewhere it is a weak sign the rest of the gate weighs.
 */
const vendorNames: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["grafana", ["grafana"]],
  [
    "uptime monitor",
    [
      "uptimerobot",
      "uptime robot",
      "uptime-kuma",
      "uptime kuma",
      "pingdom",
      "better stack",
      "betterstack",
      "better uptime",
      "statuscake",
      "checkly",
      "site24x7",
      "freshping",
      "cronitor",
      "healthchecks.io",
    ],
  ],
  ["new relic", ["new relic", "newrelic"]],
  ["zabbix/nagios", ["zabbix", "nagios", "icinga"]],
]

/** The message's head: its first line without leading markup, as far as a tool puts its name. */
const headOf = (text: string): string =>
  (text.split("\n", 1)[0] ?? "")
    .replace(/^(?:[\s*_>`[\]()|!-]+|:[a-z0-9_+-]{1,40}:|\p{Extended_Pictographic}+|:)+/gu, "")
    .slice(0, 32)

export interface AlertFormats {
  /** Formats by their structure, or a tool's name heading the message: an alert whatever else it says. */
  readonly structural: ReadonlyArray<string>
  /** Tools named elsewhere in the message: a weak sign only. */
  readonly named: ReadonlyArray<string>
}

/** The alert formats present in the message (see above). */
export const alertFormats = (message: Message): AlertFormats => {
  const structural = formats
    .filter(([, check]) => check(message.text, message.tokens, message.cased))
    .map(([name]) => name)
  let head: string | null = null
  const named: Array<string> = []
  for (const [name, needles] of vendorNames) {
    if (structural.includes(name) || !needles.some((n) => message.text.includes(n))) continue
    if (head === null) head = headOf(message.text)
    const first = head
    // Heading the message as its tool writes it ("New Relic | Open violation", "Grafana: …"), not
    // a sentence that starts with the name ("New Relic trial ends Friday").
    const heads = (n: string) =>
      first.startsWith(n) && /^\W{0,3}(?:[|:\]\-–—]|alert|violation|incident|$)/.test(first.slice(n.length))
    if (needles.some(heads) || needles.some((n) => message.text.includes(`[${n}`))) structural.push(name)
    else named.push(name)
  }
  return { structural, named }
}

/**
 * Alertmanager's heartbeat (Watchdog, InfoInhibitor, DeadMansSwitch: firing by design) with its
 * name on a line above the header ("Watchdog\n[FIRING:1] Watchdog\nThis is an alert meant to
 * ensure …"): the header short-cut reads the heartbeat only when the header leads, so the same
 * message with a title first is read here. Only the heartbeat's name may precede the header; a
 * heartbeat said missing ("not received for 20m") is the pipeline broken. Its name, or null.
 */
export const titledHeartbeat = (raw: string): string | null => {
  const text = raw.slice(0, 2000)
  if (!/watchdog|infoinhibitor|deadmansswitch/i.test(text)) return null
  const m =
    /^(?:[ \t\r\n]{0,8}<[@!][^<>\n]{1,80}>){0,4}[ \t\r\n*_]{0,8}(?:(?:watchdog|infoinhibitor|deadmansswitch)[ \t*_:]{0,4}\r?\n[ \t\r\n*_]{0,8}){1,2}\[firing(?::\s?1)?\][ \t*_]{0,4}(watchdog|infoinhibitor|deadmansswitch)(?=[ \t]*(?:$|\n|\())/i.exec(
      text,
    )
  if (m === null || /\b(?:missing|not received|absent|stopped|no longer)\b/i.test(text)) return null
  return m[1] ?? null
}
