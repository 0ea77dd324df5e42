/**
 * The gate's rules by example: markup stripping, explicit intent, the alert/chatter combinations
 * an on-call SRE cares about (W7/W8 of the original fixed), the switches in ClassifierSettings.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { classify, isAgainRequest } from "../../src/domain/classify.js"
import { quietFailures } from "../../src/domain/classify-quiet-failures.js"
import { ClassifierSettings } from "../../src/domain/config.js"
import type { Trigger } from "../../src/domain/platform.js"

const settings = Schema.decodeSync(ClassifierSettings)({})
const withSettings = (overrides: Partial<typeof ClassifierSettings.Encoded>) =>
  Schema.decodeSync(ClassifierSettings)(overrides)
const run = (text: string, trigger: Trigger = "mention", s = settings) => classify({ text, trigger }, s)

describe("short human reports are alerts (W7)", () => {
  it.each([
    ["payments are broken", "problem report: 'payments are broken'"],
    ["db is slow", "problem report: 'db is slow'"],
    ["checkout returning 502s", "problem report: 'returning 502s'"],
    ["X not working", "problem report: 'x not working'"],
    ["can't reach the VPN", "problem report: 'can not reach'"],
    ["users seeing errors", "problem report: 'users seeing'"],
    ["pods restarting", "problem report: 'pods restarting'"],
    ["disk full", "problem report: 'disk full'"],
    ["high CPU", "problem report: 'high cpu'"],
    ["queue backing up", "problem report: 'queue backed up'"],
    ["search is lagging", "problem report: 'search is lagging'"],
  ])("%s", (text, reason) => {
    const c = run(`<@U01SREBOT> ${text}`)
    expect(c).toMatchObject({ verdict: "alert", decision: "investigate", tier: "heuristic" })
    expect(c.reasons).toContain(reason)
  })
})

describe("tools' own notifications, resolved or not, are alerts", () => {
  it.each([
    'Alert closed: "Vault unsealed count < 3" #a81f-22c1 — closed by Opsgenie Heartbeat',
    "Resolved: #INC-30398 e-prescribing gateway connection errors (auto-resolved by Datadog)",
    "Amazon ElastiCache notification | Cache cluster: shop-sessions-prod-002\nEvent: ElastiCache:FailoverComplete — Failover to replica node shop-sessions-prod-002-003 completed",
    "Snyk: 🔴 *2 new critical vulnerabilities* in `acme/checkout-api:prod` — CVE-2026-41127 (openssl). Deployed to eks-prod-use1.",
  ])("%s", (text) => {
    expect(run(text).decision).toBe("investigate")
  })
})

describe("a quoted alert and a tool named in passing", () => {
  it.each([
    [
      'Someone asked in standup what this old alert was about:\n> ALARM: "shop-prod-alb-5xx" in US East\nIt\'s from the 14th, the deploy that broke the health check. Resolved since.',
      "gate",
    ],
    [
      "For the game day: we'll inject `[FIRING] KubeNodeNotReady` on purpose in staging around 15:00. I'll post here when we start",
      "gate",
    ],
    [
      "shoutout to the Checkly synthetic for catching the Safari bug before customers did last week 🦸",
      "gate",
    ],
    [
      "that Checkly failure at 14:02 was the test account's password expiring, I rotated it, checks green again",
      "gate",
    ],
    // Pasted as live, or a tool's own message: an alert.
    ["seeing this right now:\n> [FIRING:1] KubePodCrashLooping (prod payments)", "investigate"],
    ["```\n[FIRING:1] KubePodCrashLooping (prod payments)\n```", "investigate"],
    ["Checkly: API check 'GET /v2/orders' degraded from 3 locations", "investigate"],
    ["[uptime-kuma] [✅ Up] Patch CDN manifest 200 - OK", "investigate"],
    [":large_green_circle: *Pingdom*: `manifest-api-eu` is UP again after 6m 40s of downtime", "investigate"],
    ["New Relic | Open violation: Apdex < 0.7 for storefront-graphql", "investigate"],
  ])("%s → %s", (text, decision) => {
    expect(run(text).decision).toBe(decision)
  })
})

describe("problems said of no system, and talk about what is over", () => {
  it.each([
    ["I'm running at 100% CPU today lol, too many meetings", "gate"],
    ["I'm in a CrashLoopBackOff with this spreadsheet, every fix breaks another formula", "gate"],
    ["my 502 of the day is my kid refusing to put on shoes 😂", "gate"],
    ["my brain is OOMing after this week, need a reboot 🧠💥", "gate"],
    ["I'm taking over primary from kenji for the next 2h, nothing going on atm", "gate"],
    [
      "handover notes for the weekend: freeze in place until Monday, nothing burning. have a good one",
      "gate",
    ],
    ["handover: the thumbnailer workers are still OOMKilled every 20 min", "investigate"],
    [
      "writing up the postmortem for friday's recs-api OOMKilled mess — do you still have the timeline from your report?",
      "gate",
    ],
    ["do you still see errors on checkout? the outage yesterday was bad", "investigate"],
    [
      "Reading the old incident from 2024 where the HL7 listener died — wild that we didn't have alerting back then 😅",
      "gate",
    ],
    [
      "the 'site down 🔥' message yesterday was Adrián testing the alert routing in the sandbox, sorry for the confusion",
      "gate",
    ],
    [
      "FYI: Stripe said the error rate incident from yesterday is fully resolved on their side, with an RCA coming next week.",
      "gate",
    ],
    // Said of a system, or live: alerts.
    ["I'm seeing 502s on checkout", "investigate"],
    ["payments-api is OOMing", "investigate"],
    ["my brain is fried and checkout is down", "investigate"],
    ["what's the rca for the payments errors right now?", "investigate"],
  ])("%s → %s", (text, decision) => {
    expect(run(text).decision).toBe(decision)
  })
})

describe("other languages", () => {
  it.each([
    ["el checkout está caído desde hace 10 minutos, los clientes no pueden pagar", "alert"],
    ["o app não carrega para ninguém desde as 14h", "alert"],
    ["les paiements ne passent plus depuis ce matin", "alert"],
    ["Login funktioniert nicht mehr, 500er auf /auth/token", "alert"],
    ["il servizio di notifiche non invia più niente da stamattina", "alert"],
    ["本番の決済APIでタイムアウトが多発しています。確認お願いします", "alert"],
    ["merci pour l'aide hier soir, c'était super efficace 🙏", "chatter"],
    ["gracias por la ayuda de ayer con el incidente de pagos 🙏", "chatter"],
    ["o problema da fila já foi resolvido, os consumidores voltaram ao normal ✅", "chatter"],
    ["ありがとうございました！昨日の障害対応、とても助かりました", "chatter"],
  ])("%s → %s", (text, verdict) => {
    expect(run(text).verdict).toBe(verdict)
  })
})

describe("general questions, reviews and emoji (stop 12, blind corpus 8 and sets 24–25)", () => {
  it.each([
    ["what does SEV2 mean in our process again?", "gate"],
    ["what's the difference between a 502 and a 504?", "gate"],
    ["how would you debug a crashloop in general?", "gate"],
    ["do you have a runbook for redis failover?", "gate"],
    ["❤️", "gate"],
    ["🤖❤️", "gate"],
    [
      "not urgent — writing up the postmortem for last night's order-events-indexer lag. do you remember what max.poll.records we rolled back to? and should we silence KafkaConsumerGroupLagHigh during the MSK broker patching on Tuesday or will the lag be fine?",
      "gate",
    ],
    [
      "quick q for the postmortem doc: on Tuesday when you flagged the CPU throttling on events-ingest, was that from container_cpu_cfs_throttled_periods_total or something else? we rolled the limits back to 2 cores and lag has been at ~0 since, just want to get the wording right 🙂",
      "gate",
    ],
    [
      "closing this one out: order-webhook-handler has been at 0 errors since the rollback to nodejs16.x at 17:41 yesterday and Shopify redelivered the failed webhooks overnight. postmortem draft is in the incident doc — nice catch on the aws-sdk import 🙌",
      "gate",
    ],
    [
      "you nailed the x509 thing earlier 😅 ledger-mtls-ca has the 2027 root now, error ratio is back to 0 and the retry queue drained. coffee's on me ☕",
      "gate",
    ],
    ["can you explain what p99 latency means?", "gate"],
    ["explain like I'm five: what is a circuit breaker?", "gate"],
    ["what's a good threshold for an error rate alert?", "gate"],
    [
      "sev1 on floor 3: the coffee machine has been in CrashLoopBackOff since 9am ☕🔥 can you page facilities or at least kubectl rollout restart it? 😂",
      "gate",
    ],
    ["lol the coffee machine is down again, SEV0 for the office", "gate"],
    // Pointed at, live, or back again: reports.
    ["sev1: checkout is down lol", "investigate"],
    ["the coffee machine is down but payments-api is throwing 500s 😂", "investigate"],
    ["what is a 502 doing on checkout right now?", "investigate"],
    ["explain how checkout is failing for EU users since 10:00", "investigate"],
    ["order-webhook-handler has been throwing errors since the rollout at 17:41", "investigate"],
    ["error ratio went from 0 to 12% on ledger-api", "investigate"],
    ["what does this error mean? checkout keeps returning 502", "investigate"],
    ["how do you debug a crashloop? payments-api is in one right now", "investigate"],
    ["is there a runbook for redis failover? it's failing over every 5 min since 09:00", "investigate"],
    ["postmortem for tuesday's outage is up, but the 502s are back", "investigate"],
    ["the outage on tuesday was bad and it has been broken since", "investigate"],
  ])("%s → %s", (text, decision) => {
    expect(run(text).decision).toBe(decision)
  })
})

describe("alert formats and words", () => {
  it("names the format and the severity word it saw", () => {
    expect(run("[FIRING:1] HighLatency (api)").reasons).toContain("alert format: alertmanager")
    expect(run("CloudWatch alarm cart-cpu changed from OK to ALARM").reasons).toContain(
      "alert format: cloudwatch",
    )
    expect(run("Triggered: [P2] error rate on auth").reasons).toContain("alert format: datadog")
    expect(run("critical").reasons).toEqual(["severity word: critical"])
  })

  it("keeps Slack links: a dashboard URL is a signal, the label is text", () => {
    const c = run("<@U1> <https://grafana.acme.io/d/api/overview|API overview>")
    expect(c.verdict).toBe("alert")
    expect(c.reasons).toContain("dashboard link: grafana.acme.io")
  })

  it("'thanks for the alert' is gratitude, not an alert (the original said alert)", () => {
    expect(run("thanks for the alert").decision).toBe("gate")
  })
})

describe("chatter", () => {
  it.each([
    "thanks a lot",
    "appreciate it 🙏",
    "ty",
    "cheers",
    "ok",
    "got it",
    "sounds good",
    "on it",
    "ack",
    "will do",
    "lgtm",
    "+1",
    ":pray:",
    "🙏🏽👍",
    "all good now",
    "good night",
    "haha",
    "nice work",
    "testing 123",
    "how are you",
    "who are you",
    "what can you do",
    "help",
    "hello!",
  ])("%s", (text) => {
    const c = run(`<@U01SREBOT> ${text}`)
    expect(c).toMatchObject({ verdict: "chatter", decision: "gate", tier: "heuristic" })
    expect(c.reasons[0]).toMatch(/^chatter: /)
  })

  it("strips Slack and Discord markup before judging", () => {
    for (const markup of ["<@U01ABC>", "<#C01ABC|ops>", "<!here>", "<!channel>", "<!subteam^S01|@sre>"])
      expect(run(`${markup} thanks!`).decision).toBe("gate")
    for (const markup of ["<@123456789012345678>", "<@!123456789012345678>", "<#123456789>", "<@&987654321>"])
      expect(run(`${markup} thanks!`).decision).toBe("gate")
    expect(run("@everyone @here thanks!").decision).toBe("gate")
    expect(run("<@U01SREBOT>").reasons).toEqual(["chatter: bare mention"])
    expect(run("   ").reasons).toEqual(["chatter: empty message"])
    expect(run("<@U01SREBOT> :pray:").reasons).toEqual(["chatter: emoji only"])
  })
})

describe("when alert and chatter signals meet, the latest news wins", () => {
  it.each([
    ["thanks for fixing the outage", "gate"],
    ["thanks, the outage is over", "gate"],
    ["resolved, thanks", "gate"],
    ["all good now, 502s are gone", "gate"],
    ["nice, errors are down to zero", "gate"],
    ["thanks — can you check why payments are failing?", "investigate"],
    ["thanks for the fix, but checkout is down again", "investigate"],
    ["the deploy fixed checkout but search is still down", "investigate"],
    ["fixed? no, search is still throwing 500s", "investigate"],
    ["errors spiked after the deploy finished", "investigate"],
    ["great, the db is down again", "investigate"],
    ["thanks, but it's happening again", "investigate"],
    ["checkout is down, all good otherwise", "investigate"],
    ["the nightly export finished with errors", "investigate"],
    ["hey, no orders since 10am", "investigate"],
    ["thanks! is the billing db ok?", "investigate"],
    ["the migration completed", "gate"],
    ["cool, no more 502s", "gate"],
    [
      "nice, the fix from yesterday is holding up 🎉 no more webhook retries overnight. thanks team 🙌",
      "gate",
    ],
    ["the rollback is holding steady, thanks all", "gate"],
    ["lol remember when the dashboard was down all day last friday 😂 good times", "gate"],
    ["remember when checkout was down last week? it is down again now", "investigate"],
    ["the fix is not holding up, payments failing again", "investigate"],
    ["no more retries are being processed, the queue is stuck", "investigate"],
    ["sounds good, I'll keep an eye on the error rate", "gate"],
    ["that 502 was me, I was restarting nginx. sorry!", "gate"],
    ["lol the pager went off for the coffee machine again, nothing's on fire", "gate"],
    ["nothing is broken, false alarm", "gate"],
    ["nothing loads on the checkout page", "investigate"],
    ["the pager went off again for payments-api, is it on fire?", "investigate"],
    [
      "could someone review my PR for the payments retry logic? no rush https://github.com/acme/pay/pull/2291 (so we don't double-charge on gateway timeouts again)",
      "gate",
    ],
    ["PTAL at the PR that fixes the checkout 502s", "gate"],
    [
      "payments are failing right now, the fix is in https://github.com/acme/pay/pull/12, can someone review",
      "investigate",
    ],
    // A state of something else than the problem is no recovery; a recovery says it changed.
    ["is the shop slow for anyone? PDPs take 8 seconds, images are fine it's the HTML", "investigate"],
    ["the thumbnailer workers are still OOMKilled every 20 min. rest is green.", "investigate"],
    ["ranked is borked, players get 0 LP after wins. pls confirm but it's live", "investigate"],
    ["the EU reminder SMS didn't go out this morning. US ones look fine.", "investigate"],
    ["checkout was throwing 502s, all green now", "gate"],
    ["search was timing out, it's fine again", "gate"],
    ["storefront still shows the old prices. we need the new ones live.", "investigate"],
    // Blind corpus 7's gated alerts: reported speech, an ability denied, an adjective, a count.
    [
      ":fire: the route plan for tomorrow didnt generate for Berlin. the nightly job says it finished but plans are empty.",
      "investigate",
    ],
    [
      'the warehouse system returns "database is locked" on every pick. Nobody can complete picks.',
      "investigate",
    ],
    [
      "```\nencoder-sports-1-0   0/1   CrashLoopBackOff   14   31m\n```\nthe live event starts in 40 min",
      "investigate",
    ],
    ["the cert-manager renewal alert is now live and tested ✅", "gate"],
    // A change that shipped is a suspect, not a recovery; a fix that shipped is.
    ["reports are returning 503 for everyone. we shipped the big-PDF change a bit ago", "investigate"],
    ["checkout was 502ing, deployed the fix, all good", "gate"],
    ["providers can't log in, it just goes back to the login screen after SSO", "investigate"],
  ])("%s → %s", (text, decision) => {
    expect(run(text).decision).toBe(decision)
  })
})

describe("explicit intent skips the gate (W8)", () => {
  it("explicit triggers investigate whatever the text, keeping tier 1's verdict", () => {
    for (const trigger of ["reaction", "thread_mention", "command", "message_command"] as const) {
      const c = run("thanks!", trigger)
      expect(c).toEqual({
        verdict: "chatter",
        decision: "investigate",
        tier: "explicit",
        reasons: [`explicit trigger: ${trigger}`, "chatter: thanks"],
      })
    }
    expect(run("db slow", "reaction").verdict).toBe("alert")
    expect(run("the checkout flow", "reaction").verdict).toBe("alert")
  })

  it("the word 'investigate' counts; 'investigating' and a negated one do not", () => {
    for (const text of ["investigate", "pls investigate", "Investigate again", "can you INVESTIGATE this?"]) {
      const c = run(`<@U1> ${text}`)
      expect(c.tier).toBe("explicit")
      expect(c.reasons[0]).toBe("asked to investigate")
    }
    expect(run("<@U1> investigating").decision).toBe("gate")
    expect(run("<@U1> no need to investigate, it was a test").tier).not.toBe("explicit")
    expect(run("<@U1> don't investigate").tier).not.toBe("explicit")
  })

  it("synthetic and mention triggers are not explicit", () => {
    expect(run("thanks", "synthetic").decision).toBe("gate")
  })
})

describe("settings", () => {
  it("ambiguous text is investigated by default and marked for the model tier", () => {
    const c = run("can someone take a look at the checkout flow when they get a chance please")
    expect(c).toMatchObject({ verdict: "ambiguous", decision: "investigate", tier: "default" })
  })

  it("enabled: false investigates everything and still reports the verdict", () => {
    const c = run("thanks!", "mention", withSettings({ enabled: false }))
    expect(c).toEqual({
      verdict: "chatter",
      decision: "investigate",
      tier: "default",
      reasons: ["classifier disabled", "chatter: thanks"],
    })
  })

  it("alert_terms add whole words", () => {
    expect(run("zorblax").verdict).toBe("ambiguous")
    const s = withSettings({ alert_terms: ["zorblax", "disk pressure"] })
    expect(run("the zorblax!", "mention", s).reasons).toEqual(["alert term: zorblax"])
    expect(run("zorblaxes", "mention", s).verdict).toBe("ambiguous")
    expect(run("thanks, zorblax", "mention", s).verdict).toBe("alert")
  })

  it("chatter_phrases add whole-message phrases", () => {
    expect(run("beep boop").verdict).toBe("ambiguous")
    const s = withSettings({ chatter_phrases: ["beep boop"] })
    expect(run("<@U1> Beep boop!", "mention", s)).toMatchObject({
      decision: "gate",
      reasons: ["chatter: configured phrase"],
    })
  })
})

describe("robustness", () => {
  it("object-prototype words are plain words (found by the totality property)", () => {
    for (const text of [
      "__proto__",
      "constructor",
      "hasOwnProperty isn't toString",
      "&__proto__;",
      "__proto__'s",
    ])
      expect(run(text).decision).toBe("investigate")
  })
})

describe("isAgainRequest", () => {
  it.each([
    ["investigate again", true],
    ["<@U1> please investigate it again", true],
    ["re-investigate", true],
    ["Reinvestigate!", true],
    ["investigate this again", true],
    ["investigate", false],
    ["investigating again", false],
    ["again", false],
    ["investigate the db, again the same", false],
    ["don't investigate again", false],
    ["reinvestigated", false],
  ])("%s → %s", (text, expected) => {
    expect(isAgainRequest(text)).toBe(expected)
  })
})

describe("a past incident's review", () => {
  it("thanks for a postmortem is chatter, whatever its summary says broke", () => {
    const c = run(
      "<@U08SREBOT> postmortem for last week's outage is up, thanks all :pray: https://wiki.example.io/pm/31\nTL;DR the 502s were an ALB idle timeout vs upstream keepalive mismatch",
    )
    expect([c.verdict, c.decision]).toEqual(["chatter", "gate"])
  })

  it("a live problem in the same message is still an alert", () => {
    expect(run("thanks for the retro! btw checkout is returning 502s again right now").decision).toBe(
      "investigate",
    )
    expect(run("postmortem: payments down again, 502s, can someone look?").decision).toBe("investigate")
  })
})

describe("a question about the bot itself", () => {
  it("is chatter, though it names alerts and errors as things the bot handles", () => {
    const c = run(
      "<@U0SREBOT> quick question, how do you actually work? do you read every alert that lands in the channels and look at the errors on your own, or only when someone tags you? just curious :)",
    )
    expect([c.verdict, c.decision, c.reasons]).toEqual([
      "chatter",
      "gate",
      ["chatter: question about the bot"],
    ])
    expect(run("what can you do?").decision).toBe("gate")
  })

  it("is still an alert when it puts a problem in the present or asks for a look", () => {
    expect(run("how do you know payments-api is down? it is still returning 502s").decision).toBe(
      "investigate",
    )
    expect(run("can you check why checkout is returning 502s?").decision).toBe("investigate")
  })
})

// Frames about something other than a live problem (classify-frames.ts), each beside the
// near-identical report it must still investigate. Found with two blind corpora of chatter.
describe("messages that are about something other than a live problem", () => {
  const decisions = (cases: ReadonlyArray<readonly [string, "gate" | "investigate"]>) =>
    cases.map(([text]) => [text, run(`<@U01SREBOT> ${text}`).decision])

  it("work announced in advance is chatter; a plan that is over, or only a time anchor, is not", () => {
    const cases = [
      ["load test against staging starts now, expect 5xx and latency alerts for ~30 min", "gate"],
      [
        "reminder: RDS minor version upgrade on orders-prod Sunday 02:00 UTC, expect ~60s of failover",
        "gate",
      ],
      ["staging is down for maintenance as planned tonight, nothing to investigate there", "gate"],
      ["chaos game day at 14:00, we'll be killing pods in staging on purpose, don't panic", "gate"],
      ["the maintenance window ended an hour ago but staging still isn't coming back", "investigate"],
      ["since the planned upgrade, payments are failing", "investigate"],
      ["is it expected that both db nodes say they're the leader?", "investigate"],
      ["Scheduled maintenance: primary Postgres will fail over to the replica Sunday 02:00 UTC", "gate"],
      [
        "the homepage is showing the maintenance banner... we don't have maintenance today, do we?",
        "investigate",
      ],
    ] as const
    expect(decisions(cases)).toEqual(cases)
  })

  it("an incident told as past is chatter; a failure told as past is still a report", () => {
    const cases = [
      ["what was the root cause of monday's checkout outage again?", "gate"],
      ["how many alerts fired last month, roughly?", "gate"],
      ["cron jobs didn't run last night", "investigate"],
      ["monday's outage is happening again", "investigate"],
      ["for the retro: can you pull the timeline for last week's Redis OOM?", "gate"],
      ["postmortem later, right now checkout is down", "investigate"],
      ["did someone change the pricing page? conversion there is a third of yesterday's", "investigate"],
      ["the outage last night was bad and checkout is still slow", "investigate"],
    ] as const
    expect(decisions(cases)).toEqual(cases)
  })

  it("how-to, admin and artifact requests are chatter unless they state a problem", () => {
    const cases = [
      ["where's the runbook for KubePodCrashLooping?", "gate"],
      ["what's the kubectl command to tail logs for a deployment?", "gate"],
      ["how do I silence an alert in Alertmanager for 2h?", "gate"],
      ["who owns the billing-api service?", "gate"],
      ["which runbook covers rotating the TLS certs on the ingress?", "gate"],
      ["please add me to the sre-primary pagerduty schedule", "gate"],
      ["can you summarize last week's incidents for the ops review?", "gate"],
      ["do you only look at prod or can you check staging too?", "gate"],
      ["how do I fix the 502s on checkout?", "investigate"],
      ["can you add more memory to payments, it's OOMing", "investigate"],
      ["who broke prod? checkout is down", "investigate"],
    ] as const
    expect(decisions(cases)).toEqual(cases)
  })

  it("talk about alerting rules is chatter unless something fires now", () => {
    const cases = [
      ["should we raise the HighErrorRate threshold from 1% to 2%? it fires way too often", "gate"],
      ["we should add an alert for when the DLQ is non-empty, wdyt?", "gate"],
      ["HighErrorRate is firing, should we raise the threshold?", "investigate"],
    ] as const
    expect(decisions(cases)).toEqual(cases)
  })

  it("a problem of something that is no system, or only supposed, is not evidence", () => {
    expect(run("<@U01SREBOT> my brain is crashlooping, it's friday").reasons).not.toContainEqual(
      expect.stringMatching(/problem report|failure state/),
    )
    expect(run("<@U01SREBOT> the build machine is down").decision).toBe("investigate")
    expect(
      run("<@U01SREBOT> if checkout ever starts returning 502s again, who should I page first?").reasons,
    ).toEqual(["chatter: a problem supposed, not seen"])
    expect(run("<@U01SREBOT> not sure if payments are broken").reasons[0]).toBe(
      "problem report: 'payments are broken'",
    )
  })

  it("a question after a recovery asks for a look; a status code after a report verb is a report", () => {
    expect(
      run("<@U01SREBOT> we just had like 2 minutes where nothing loaded, seems ok now, was that something?")
        .decision,
    ).toBe("investigate")
    expect(run("<@U01SREBOT> all good now, thanks!").decision).toBe("gate")
    expect(
      run(
        "<@U01SREBOT> maintenance finished fine, but since the restart the mobile API answers 401 for every token",
      ).decision,
    ).toBe("investigate")
    expect(
      run("<@U01SREBOT> I'm running the load test later today, but right now staging latency is spiking")
        .decision,
    ).toBe("investigate")
    expect(
      run("<@U01SREBOT> did someone change the alert rules? we have zero metrics from eu since 01:30")
        .decision,
    ).toBe("investigate")
  })

  it("a recurrence is a report, a return to normal a closure", () => {
    expect(run("<@U01SREBOT> thought it recovered at 3am but the errors are back").decision).toBe(
      "investigate",
    )
    expect(run("<@U01SREBOT> error rate is back to baseline, thanks for the report").decision).toBe("gate")
    expect(
      run("<@U01SREBOT> players can't join lobbies, they get bounced back to the main menu").decision,
    ).toBe("investigate")
  })

  it("vendors' formats are their own messages, not a person naming the vendor", () => {
    const cases = [
      [
        "[Cloudflare Status] Resolved - Elevated 5xx errors in FRA. This incident has been resolved.",
        "investigate",
      ],
      ["Resolved #48199: Health check /readyz failing on payments-api", "investigate"],
      ["resolved - thanks all", "gate"],
      ["testing the new Opsgenie → Slack integration after the migration, ignore this one 🙏", "gate"],
      ["谢谢", "gate"],
      ["obrigado pela ajuda", "gate"],
    ] as const
    expect(decisions(cases)).toEqual(cases)
    expect(run("<@U01SREBOT> does the investigate reaction also work inside threads?").tier).not.toBe(
      "explicit",
    )
    expect(run("<@U01SREBOT> can you investigate this?").tier).toBe("explicit")
  })
})

// Stop 13: measured on corpora written in the public fixture's style (docs/decisions.md). Each
// case is a variant of a class, not a corpus line: the rule must hold for the class.
describe("a message that states no problem at all is chatter, whatever else it is about", () => {
  it.each([
    ["next thursday we're migrating the search cluster to opensearch 2.13, expect nothing", "a plan"],
    ["I'll be OOO from monday, Priya is covering for me", "a plan"],
    ["reminder: code freeze starts friday for the quarter close", "a plan"],
    ["the postgres 17 upgrade is scheduled for mar 3, runbook coming", "a plan"],
    ["petit rappel : maintenance du cluster à partir de mardi", "a plan"],
    ["release 7.2 is out, notes in #releases", "an announcement"],
    ["we just shipped the new onboarding flow to prod 🚀", "an announcement"],
    [
      "new dashboard for the payouts pipeline is live: <https://grafana.example.net/d/p1|payouts>",
      "an announcement",
    ],
    ["kudos to the data team, the reindex halved query time 💪", "thanks"],
    ["TIL terraform has a moved block, neat", "thanks"],
    ["do you also read the CloudWatch alarms or only alertmanager?", "the bot"],
    ["is it true you run on lambda?", "the bot"],
    ["is it possible to make you reply in threads only?", "the bot"],
    ["should we move the nightly export to 02:00? let's discuss at standup", "a plan"],
    ["does anyone have the link to the capacity dashboard?", "resources"],
    ["¿dónde está el runbook de facturación?", "resources"],
    ["what's our availability target for the public api this quarter?", "resources"],
    ["the error budget for login is at 72% remaining, looking healthy", "fine"],
    ["what if the NAT gateway dies during the migration? do we have a plan?", "supposed"],
    ["the wifi on the 4th floor is having a major outage again (not prod, just complaining)", "joke"],
    ["is it friday yet? my patience has a 504 gateway timeout", "joke"],
    ["Q3 OKR draft: cut P1 count by half, improve MTTR. feedback welcome", "draft"],
    ["how many pages did we get this quarter vs last? just curious", "curious"],
  ])("%s (%s)", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    ["hey team, the recommendation carousel shows the same 4 items to everyone since the last deploy"],
    ["yo search results are empty for every query"],
    ["is there an incident right now? ingest dashboard shows 0 rps since 01:05"],
    ["orders per minute went to ~0 a few minutes ago. could be the dashboard itself?"],
    ["did someone change the pricing page? conversion is about a third of yesterday's"],
    ["lol the dashboard shows another tenant's pipeline names in my sidebar. that's... not good"],
    ["sev2: the retention job deleted logs still within retention. it's still running"],
    ["the runbook for kafka lag is fine but consumers are stuck since 09:10"],
    ["dashboard for checkout shows errors on every request"],
    ["next tuesday's certificate expires tonight and checkout will break"],
  ])("but not a report beside it: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it("a failure named as what a resource is about is no report", () => {
    expect(run("<@U01SREBOT> can you remind me what the runbook is for kafka consumer lag?").decision).toBe(
      "gate",
    )
    expect(run("<@U01SREBOT> is there a dashboard for payouts latency? for my bookmarks").decision).toBe(
      "gate",
    )
  })
})

describe("reports the gate used to leave to the default", () => {
  it.each([
    ["api is sloooow rn", "problem report: 'api is slow'"],
    ["payment callbacks return 401 since 08:00", "problem report: 'return 401'"],
    ["la API de pagos devuelve 500 desde hace 15 minutos", "problem report: 'devuelve 500'"],
    ["o login está quebrado desde as 10h", "problem report: 'está quebrado'"],
    ["pedidos não estão sendo sincronizados com o ERP", "problem report: 'não estão sendo sincronizados'"],
    ["hola, los pedidos no se sincronizan con el almacén", "problem report: 'no se sincronizan'"],
    ["本番のAPIが503を返しています。確認お願いします", "problem report: '503を返'"],
    ["customers report being logged out every few minutes", "problem report: 'customers report'"],
    ["login page just spins forever", "problem report: 'page just taking forever'"],
  ])("%s", (text, reason) => {
    const c = run(`<@U01SREBOT> ${text}`)
    expect(c.decision).toBe("investigate")
    expect(c.reasons).toContain(reason)
  })

  it("a German report is not thanks for reading 'vielen'", () => {
    expect(
      run("<@U01SREBOT> Login funktioniert bei vielen Nutzern seit ca. 20 Minuten nicht mehr").decision,
    ).toBe("investigate")
  })

  it.each([
    "Twilio Status: SMS delivery delays to Brazil carriers — Identified",
    "CrowdStrike detection: High severity on host build-07 — suspicious process xmrig",
    "AWS Cost Anomaly Detection: anomaly detected in Amazon EC2 — $4,812 above expected spend",
    "Google Cloud Service Health: New incident affecting Cloud SQL (europe-west3)",
    "✅ Restore test recovered: weekly restore drill finished OK after earlier failure",
  ])("a tool's own notification: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).reasons[0]).toMatch(/^alert format:/)
  })

  it("news that reads like a recovery but is not one", () => {
    expect(run("<@U01SREBOT> sepa transfers stuck in PENDING since 9:40, nothing is settling").decision).toBe(
      "investigate",
    )
    expect(
      run("<@U01SREBOT> GitHub checks stuck on Queued even though the jobs finished green").decision,
    ).toBe("investigate")
    expect(
      run("<@U01SREBOT> the pipelines are running with an older config, like it is cached from yesterday")
        .decision,
    ).toBe("investigate")
    expect(
      run("<@U01SREBOT> since the 2.3 rollout, 1 in 5 playlists are truncated. Rolling back is an option")
        .decision,
    ).toBe("investigate")
  })
})

describe("stop 13, second round: what a word means where it stands", () => {
  it.each([
    ["my inbox is in a dead letter queue at this point", "gate"],
    ["my patience has a 100% packet loss rate today", "gate"],
    ["we're down to two people this week so reviews might be slow", "investigate"],
    ["false alarm, the 502s were just me hitting the old staging URL 🙈", "gate"],
    ["nice, latency graphs are flat again since the fix went out 📉", "gate"],
    ["heads up: the new on-call schedule starts monday, check your shifts", "gate"],
    ["the new season trailer is 🔥", "gate"],
    ["remember last black friday when the promo engine melted? let's not do that again lol", "gate"],
    ["lessons learned from last week's desync incident: we need a canary. writing it up", "gate"],
    ["heads up: patch 4.20 goes live wednesday 09:00 UTC, servers restart at 08:45", "gate"],
    ["what does 'AgonesAllocationFailures' mean exactly? saw it in the runbook list", "gate"],
    ["we are at 99.97% uptime for november 🎉", "gate"],
    ["cost review: EC2 spend down 12% after the reserved instances, nice", "gate"],
  ] as const)("%s", (text, decision) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe(decision)
  })

  it.each([
    "are we expecting the maintenance banner right now? it's up on the live client and blocking everyone",
    "Velero backup accounts-daily completed with status PartiallyFailed (14 errors)",
    "Resolved in 12m: Free disk space is less than 10% on volume /data (replay-store-2)",
    "GuardDuty finding (HIGH): UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
    "staging is down and we have a release freeze in 2h, we can't test the hotfix",
    "tournament brackets aren't advancing, 3 matches finished but nobody moved on",
    "cost dashboard shows gpu spend tripled overnight, something's left running?",
    "docs site is 404ing on every page after the last deploy",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 13, third round: reports first read as recoveries or plans", () => {
  it.each([
    "scheduled scenes are running 1 hour late for everyone",
    "doorbell clips delayed 5+ minutes. was fine this morning",
    "firmware wave 2 looks stuck at 34% for over an hour, normally it's done by now",
    "the manifest CDN returns 404 for the 4.11.3 bundle. wave 1 starts in 20 min, need someone to look",
    "Cloudflare: DDoS attack mitigated on classroom.example.io — peak 1.9M rps, ongoing",
    "seeing 20% error rate on /api/v2/lessons in the canary, should we be worried?",
    ":rotating_light: Rollout aborted: quiz-engine canary 2026.47.3 — error rate 6.1%, auto-rolled back",
    "Vantage budget alert: Kinesis spend was $1,804 yesterday (daily budget $600)",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it("a recovery's own 'again' is no problem still going on", () => {
    expect(
      run("<@U01SREBOT> the pagerduty → slack integration is working again after the token rotation")
        .decision,
    ).toBe("gate")
  })
})

describe("stop 13, fourth round", () => {
  it.each([
    "closing INC-4471, root cause was the expired intermediate cert. postmortem to follow",
    "remember the black friday when all the locks went offline? good times 😂",
    "the broker outage was 2 years ago, stop bringing it up 😂",
    "I'll be offline 2h for the dentist, Mateus has the pager",
    "reminder: on-call swap requests for December are due Friday",
    "postmortem template updated, please use the new one from now on",
    "we should add a canary stage to the OTA pipeline, I'll write an RFC",
    "why do we call it a shadow anyway? always wondered",
    "if emqx went down completely, how long until the hubs reconnect? curious about the backoff",
    "dzień dobry",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 13, fifth round", () => {
  it.each([
    "false alarm, the 502s were from my local proxy 🤦",
    "the alert that fired earlier was a known flake, already silenced",
    "incident #4471 resolved, root cause was a bad secret rotation. PM to follow",
    "New Relic trial ends Friday, we're sticking with Datadog",
    "deploy of claims-intake-api v3.43.1 done, smoke tests passed",
    "the incident channel for #4475 can be archived",
    "added a dashboard for NDC offer expiry rates, check it out <https://grafana.example.io/d/ndc|NDC>",
    "monthly cost review is tomorrow, bring your team's numbers",
    "do we alert on hotel rate parity or is that just a daily report?",
    "wie kann ich einen Alert für das Wartungsfenster stummschalten?",
    "welcome @sofia to the SRE team! she'll be focusing on hotel supply",
    "the Q4 reliability report is in the shared drive",
    "we're killing the legacy quote endpoint next sprint, brokers have been notified",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "heads up, getting paged by brokers that the quote API returns wrong premiums — it's using last year's rating table",
    "batch of 200 claim docs stuck in OCR 'processing' for 2 hours, usually takes 5 min",
    "Incident #48197 resolved: Disk usage on kafka-broker-4 above 85% (Resolved by: auto-resolve)",
    "Incident #4480 resolved on Artifact Store: S3 PutObject throttling. Resolved by: Jonas K.",
    'FWD from support: "since this morning my hub shows a red light and the firmware update failed. I restarted it 3 times."',
    "CloudFront is serving a stale build — people see the old form that posts to the decommissioned endpoint",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 13, sixth round: reports the frames must not take", () => {
  it.each([
    "archive search returns 0 results for literally everything",
    "wirefeed stopped ingesting AP copy at 14:02, nothing since. reuters looks fine",
    "help 🙏 fraud team sees a spike of SIM swaps from a single dealer account in the last hour",
    "morning! btw is it normal that the activation success rate panel is at 62%?",
    "Resolved: Free disk space is less than 10% on volume /var (ocs-db-1)\nProblem duration: 2h 14m",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it("the errors that stopped are good news", () => {
    expect(run("<@U01SREBOT> the 502s stopped happening after the rollback, thanks").decision).toBe("gate")
  })
})

describe("stop 13, seventh round", () => {
  it("a business metric that rose is no report (left to the default, not gated: it says 'since')", () => {
    expect(
      run("<@U01SREBOT> paywall conversions are up 12% since the new offer page, cool to see").reasons,
    ).toEqual(["no confident alert or chatter signal"])
  })

  it.each([
    "[OK] Redis evictions on session-cache back to normal",
    "urgent: unusual logins to the admin console from an IP abroad, 14 failed + 2 successful",
    "bank-connector pods OOMKilled, restarted 6 times in the last 20 min",
    "the NBA player props tab is showing odds from yesterday",
    "yo something's up with search, conversion tanked in the last 30 mins 📉",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the alert from 10 min ago is mine, I'm draining batch-worker-04 for patching",
    "the blank W-2 thing was user error on the customer side",
    "writing the quarterly reliability report, how many P1s did we have in Q3?",
    "next game day we should simulate a bank SFTP outage, wdyt?",
    "I added the geo-fence runbook to confluence, let me know if anything is missing",
    "in last month's outage the root cause was the expired cert, we added monitoring since",
    "canary for quiz-engine looks healthy, promoting to 100%",
    "we're planning to migrate bank-connector to the new cluster in Q1, will share the plan",
    "gonna be offline for an hour, dentist 🦷",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 13, last blind pair's misses", () => {
  it.each([
    "Stripe status update: Resolved — Webhook delivery delays have been resolved.",
    "new listing PEPE2-USDT went live but nobody can place orders, all rejected with SYMBOL_NOT_TRADING",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it("something not working is no announced plan, whatever 'maintenance' means there", () => {
    expect(
      run("<@U01SREBOT> liquidations are not firing, accounts under maintenance margin for > 5 min 😬")
        .reasons,
    ).not.toContain("chatter: announced work (expected, not a failure)")
  })
})

describe("stop 14: office life, feedback on the bot, notes and explained alerts", () => {
  it.each([
    "anyone know the wifi password in the Leeds office?",
    "is the cafeteria doing pizza friday this week?",
    "the new office cat keeps sleeping on my desk",
    "what's the jira board for infra requests, OPS or INFRA?",
    "bad bot, you got the owner of that service wrong",
    "the runbook link in your previous reply points to the old wiki",
    "silence yourself for the rest of the drill please",
    "your latest summary was really clear, thanks",
    "reminder: retro for the search incident is at 14:00 in the big room",
    "psa: the on-call handbook moved to the platform space",
    "weekly reminder to check your pager app is logged in",
    "how does the bot decide which alerts to investigate?",
    "why did you investigate the staging one yesterday?",
    "gute Nacht zusammen, bis morgen",
    "so far so good, knock on wood",
    "I'm on call until Monday 9am, ping me for anything",
    "I'll grab the ticket about the flaky smoke test alerts",
    "let's chat about paging thresholds at the sync",
    "the disk alert on batch-3 was the monthly reindex, totally normal for the 1st",
    "the 5xx burst at noon was synthetic traffic from the load generator, not real users",
    "the checkout alert fired because the partner's sandbox was down, ignoring",
    "we can downgrade this to sev4 and close it tomorrow",
    "what was the impact of INC-3310 again? need it for the report",
    "the follow-up from the outage on the 3rd is done, we added a DLQ alarm",
    "did we ever find out why the export ran twice on friday?",
    "when the vendor feed goes stale, who do we page, us or data eng?",
    "search is back to normal, p95 under 250ms again",
    "the cert renewal went through, api.example.org serves correctly everywhere now",
    "will look into the noisy disk alert later, not an incident",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    // Office words beside what a report says: a denial, an extent, a number, a turn.
    "the office wifi and VPN both drop every few minutes since 10:00",
    "is it just the meeting links? none of the zoom invites from our scheduler work",
    "morning all, coffee first ☕ but fyi login returns 500 for every user",
    "fyi ticket from a customer: their invoices page shows someone else's invoices",
    "sync to the warehouse stopped at 04:10, nothing since",
    "p99 latency over 3s on checkout",
    "free disk below 10% on db-1",
    "availability under 99% for the public API this hour",
    "can you investigate the 502s on checkout?",
    "why is checkout slow? please investigate",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 14, second round: recoveries undone, compounds, notes about now", () => {
  it.each([
    // A recovery the message then undoes.
    "the status page says restored but three regions still have no service",
    "ops marked the ticket resolved. the retry jobs aren't running though",
    // "no X <noun>": a kind of thing, not a problem gone.
    "status map is empty for everyone, it renders the tiles but no incident markers",
    // Transitive "drained": drained something.
    "users say the app drained their phone battery overnight since 4.2 shipped",
    // A status code beside a question about rules.
    "did someone touch the WAF rules? partners get 403 on every webhook",
    // PagerDuty's resolved notification is still an alert posted.
    "Resolved: Incident #5120 on Payments — card auth webhook returning 502. Resolved by Datadog.",
    // Alerts that stopped firing are a monitoring gap.
    "the disk alerts for the db fleet stopped firing, last one was friday, we usually see a few a day",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "reminder that the log rotation cron now runs at 02:00 instead of 04:00",
    "that alert came from the load-test cluster, we can ignore it",
    "closing the loop on the slow search yesterday: bad query plan, p95 back to 200ms",
    "daily check: all dashboards green, no open incidents",
    "fun fact: we served 3 billion requests last month",
    "swapping shifts with Ana next week, pagerduty already updated",
    "[TEST] Opsgenie integration test — no action required",
    "not an incident, just a heads up that marketing sends the big newsletter at 9am so traffic will go up",
    "our availability SLO this quarter is at 99.95%, nice",
    "the memory alarm was the weekly reindex, expected, we'll tune it",
    "update: root cause was an expired API key, rotated it and the queue drained",
    "how do I get you to investigate a message?",
    "shh",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, third round", () => {
  it.each([
    "staging is fine but prod search returns no results for any query",
    "the vpn client won't install on the new laptops, error 0x80070643. onboarding at 2pm",
    "disk on archive-02 at 97%, tonight's backup will fail",
    "support says the 'export' button does nothing, no error, just nothing",
    "late fees aren't being waived for the hardship accounts, billing run is live now",
    "we just rolled out pricing-svc 2.4 and conversion fell off a cliff. roll back?",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "heads-up for tonight: the orders-db failover for the minor upgrade is at 01:00 UTC. Expect a minute of connection resets and some 5xx on checkout. All expected, nothing to chase",
    "scratch that, my mistake",
    "I owe you a coffee",
    "you're getting smarter every week",
    "yep that matches what I saw",
    "nothing to see here, I'm replaying old webhooks against the sandbox",
    "last week's p2 about duplicate emails came from a retry bug; fix shipped friday",
    "could you summarize what happened with the search outage last month? for the quarterly review",
    "proposal: merge the two checkout latency alerts into one. thoughts?",
    "Done. Merged the fix and it's live, error rate at zero",
    "just checking you're still connected after the app reinstall",
    "what's the wifi password on the 3rd floor?",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, fourth round", () => {
  it.each([
    "error rate on checkout back up to 6%, the revert didn't fix it",
    "Job `ledger-sync` exited with code 137 (OOMKilled) — 0 of 9,120 rows reconciled",
    "checkout is failing again after the deploy",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the 502 burst was our synthetic checks hitting the retired endpoint, removed them. nothing to see",
    "haha the 'outage' was just my laptop's VPN",
    "evening all",
    "going to deploy search-api 2.1 to staging after lunch, no prod changes today",
    "webhooks are sending again, the provider had a blip and confirmed it on their status page",
    "friendly nudge: the postmortem for the DNS thing still needs a reviewer",
    "does this bot read discord too?",
    "interesting, didn't know that about karpenter",
    "yesterday's billing mismatch is fully reconciled now, thanks for the help",
    "deploying notifier 1.4.2 to prod now, just a config change, will watch it",
    "just checking you still respond after the redeploy",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, fifth round: 'maintenance' as a kind of thing, ids first, greetings that open reports", () => {
  it.each([
    "getting 500s when submitting a maintenance request from the tenant app",
    "maintenance texts to technicians bouncing with error 30007",
    "maintenance ticket uploads fail with 413 since the nginx change",
    "[#9120] RESOLVED: Billing API - health probe failing in eu-west-1a. Resolved by: auto-resolve",
    'Resolved: Datadog monitor "checkout p99 > 2s" is back to normal (800ms)',
    "お疲れ様です、アプリでログインできないという問い合わせが増えています",
    "websocket feed is dropping every few minutes, the big match starts in 30 min 😬",
    "people who renewed today are locked out, the renewal webhook isn't updating plans",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "RDS maintenance tonight at 02:00, expect a short blip",
    "hoy a las 23h hacemos mantenimiento en search-api, puede haber un par de minutos de errores",
    "postmortem for INC-5120 is up: https://wiki.example.org/pm/5120, comments welcome",
    "the new SLO doc for payments is ready for review",
    "how long do you usually take to finish an investigation?",
    "how would you investigate consumer lag in general? writing onboarding docs",
    "cost report: s3 spend is down 15% this month, nice",
    "latency is fine now, p95 back at 120ms. thanks for the help",
    "the certs got renewed, the alert should clear in a few min",
    "rota swap: Lea and I swapped weekends, pagerduty is updated",
    "what's 3+5",
    "teşekkürler 🙏",
    "friday deploys, what could possibly go wrong 😅",
    "what's the guest wifi password again",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, sixth round", () => {
  it.each([
    "[Recovered] APM: checkout error rate back to normal",
    "the partner webhook for settled invoices is failing, last successful callback was 5h ago",
    "search results page logs people out when they switch tabs, started after lunch",
    "the nightly export cron didn't run last night, no files produced for any tenant",
    "the classifier tagged the whole French batch as spam and skipped its OCR pass, 40k docs",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "we decided to move the report sync to every 15 minutes next sprint",
    "going offline for the night, good night everyone",
    "the rca you posted for the queue backlog was spot on",
    "welcome to the channel @li! this is where alerts land, the bot looks at them",
    "I'll take the pager from here, go sleep",
    "you're the MVP today",
    "mic check",
    "'SEV1' in that subject was the tabletop exercise name, nothing is actually down",
    "did we ever file the ticket for the flaky login test?",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, seventh round", () => {
  it.each([
    "something weird with load balancing, site FRA-2 went over its power limit and the provider called",
    "rollout wave 2 bricked ~30 kiosks, they're not coming back online",
    "redis for carts failed over twice in 10 minutes and users get logged out",
    "[Recovered on {service:mailer}] SMTP bounce rate normal again (0.9%)",
    "the ios app shows 'no connection' for everyone, android is fine",
    "urgent: article published but it's not on the homepage or in search",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "just letting you know the load simulator will spam errors for the next hour, it's a test run",
    "already being handled by @li, just keeping you in the loop",
    "what's 15% of 2400 GB?",
    "closing INC-5120, ingest lag fully caught up",
    "that last summary was more thorough than my postmortem lol",
    "the incident review is moved to 4pm",
    "we turned off the noisy cpu alert on the dev cluster, fyi",
    "why did the proxy break up with the backend? too many unresolved issues",
    "sorry, that was a test page from the new PagerDuty integration",
    "can I add you to #payments-oncall too?",
    "update on the push incident: the vendor confirmed it on their side, nothing needed from us anymore",
    "no connection issues since the fix, thanks",
    "closing OPS-2210, couldn't reproduce the slow export since friday",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, eighth round", () => {
  it.each([
    'Forwarding from support: "none of our drivers can check in, the button just spins. We open in 20 min."',
    "refunds are going out twice for some customers?? seeing duplicates in the stripe dashboard",
    "is the exports bucket supposed to be public?? I can list it without creds",
    "nightly import processed 0 rows, normally 40k",
  ])("still a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "I keep getting OOM in my local docker, probably my old laptop. not a prod thing",
    "the store in Leeds gets a new fridge next week, no impact on systems",
    "spinning up a new test validator this afternoon, nothing to action",
    "mercado loco hoy jaja, pero todo funciona bien",
    "update: the deposit issue from this morning is fixed, the bank confirmed the backlog is processed",
    "the office printer is down again, which is honestly the real sev1",
    "please don't investigate, I'm just adding you to the channel",
    "false positive, the synthetic check's test account got locked, I reset it",
    "ignore the last one, that was me restarting the station",
    "we've verified the fix in prod, all stores are syncing normally",
    "buen trabajo equipo",
    "any plans to support Teams?",
    "monitoring looks calm today 😌",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 14, last blind pair's misses", () => {
  it.each([
    "staging is fine but the prod queue is returning 404 for the new page",
    "[billing-svc] Resolved: InvoiceLockError no longer seen in release 3.2.1",
    "Issue resolved in exports: KeyError in build_manifest (marked resolved in release 2026.11.3)",
    "vouchers printed from last night's batch all scan as invalid",
    "uh oh, sessions table growing fast, 3M rows and counting",
    "help!! stores can't sync",
    "the nightly export fails validation with schema errors, it passed last week and nothing changed",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 15: tools' state lines, quiet streaks, where a problem goes, the writer's own pace", () => {
  it.each([
    "Closed: Warning violation — Error percentage > 5% on claims-api has been closed after 18 minutes",
    "Open: Critical violation — Apdex < 0.7 on quotes-web",
    "OK: ledger bridge ldg-gw-02: MQ queue depth LEDGER.IN back to normal",
    "CRITICAL: pg-replica-3: replication lag 412s",
    "RECOVERY: edge_proxy_01: HTTP check OK",
    "what's the channel for checkout? it's returning 502s",
    "which team owns payments? payments are down",
    "3 days since the last outage and now checkout is down again",
    "why did you react with eyes, checkout is still failing",
    "bookings are up 300% and the confirmation emails stopped",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "OK: see you at 10:30",
    "OK: thanks all: great work",
    "it's been 30 days without a sev1, cake on friday",
    "6 weeks since our last rollback 🎉",
    "what's the slack channel for quotes-web issues?",
    "where do I report app store review issues?",
    "is there a dashboard for your own uptime?",
    "why did you reply to that, it was a joke",
    "heading to the warehouse audit, might be slow to respond till 3",
    "fyi the ios release 7.2 is rolling out to 25%",
    "signups are up 18% this week, nice",
    "ah, that explains it",
    "I've got the page, I'm on it, no need for you this time",
    "ok lo miro mañana, no es urgente",
    "passt, funktioniert wieder",
    "update: api stable for an hour, moved to monitoring",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 15, second round", () => {
  it.each([
    "the liveblog is up but extremely slow, 10 second delay on each new post",
    "the app is back online but really laggy on android",
    "the product page hero image is a 404 for everyone",
    "getting an 503 on every login attempt",
    "the 9am newsletter should have gone out an hour ago and it's still queued",
    "the export was supposed to land at 6 and nothing arrived",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "+1 to what Priya said",
    "how fast do you usually need to finish a report?",
    "what's your favorite colour",
    "what time zone do you use in reports?",
    "why did the router go to the doctor? it had a bad connection",
    "switching the pager to Ana for the night",
    "all good, that alert came from the old cluster which is being torn down",
    "acked it, known flaky canary, ticket OPS-88",
    "closing the incident, every region confirmed",
    "upgrading the cluster next tuesday, should be quick",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 15, third round: screens' words, guest wifi, another tenant's data, uptime recoveries", () => {
  it.each([
    "the kiosk shows 'card not accepted' for cards that work everywhere else",
    'the app says "session expired" right after login, our auth looks fine',
    "guest wifi is down on every floor of the madrid hotel",
    "public wifi in terminal 2 drops everyone after a minute",
    "the captive portal lets people in without a password, looks wrong",
    "🟢 Up: Member portal (https://members.example.com) is back up. It was down for 6 minutes and 40 seconds.",
    "🔴 Down: Booking API (https://api.example.com/health) is down",
    "a customer sees another tenant's invoices in the billing page",
    "is the exporter supposed to fail on every csv? getting schema errors on files that worked yesterday",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "what's the guest wifi password again",
    "update: prices on the partner site are correct again, sync dashboard green",
    "note to self: rotate the staging keys",
    "the vending machine is broken again, that's the real sev1",
    "have you tried turning it off and on again",
    "heading out, going off shift, Mia has the pager",
    "what's the runbook link for replica lag?",
    "we're all set, the partner got the file on the second try",
    "following up: refunds issued, nothing else pending",
    "that datadog alert was my test rule, deleted it",
    "we're already handling it in the war room, you can stand down",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 15, fourth round: a halt asked for, closed things, zero amounts, Statuspage", () => {
  it.each([
    "refund amounts look wrong, 10x for some orders. the job is running now, can we stop it?",
    "drivers are being sent to closed depots",
    "RESOLVED: Host print-bridge-07: Free disk space is less than 5% on volume /",
    "RECOVERED: Host edge-cache-2: HTTP latency back under 300ms",
    "sellers got paid 0 for orders settled today, the portal shows 0.00",
    "staging is fine but the prod export just hangs",
    "[Statuspage] Acme Cloud — Investigating: Logins may fail for some users",
    "Acme Cloud — Identified: Elevated error rates on the API",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "checking in: anything I should know before taking over?",
    "feliz navidad a todos 🎄",
    "new dashboard for refund volumes: https://grafana.example.com/d/refunds enjoy",
    "ok I think we can call it a day",
    "for the record the batch was slow yesterday because of quarter-end, expected behaviour",
    "sanity check after the reinstall, are you there?",
    "can you explain what 'KubeJobFailed' means in plain english? for the onboarding doc",
    "the dashboard shows 0 errors since the fix",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 15, fifth round", () => {
  it.each([
    "🟢 Up: shop.example.com/health is back UP (was down for 4 minutes 10 seconds)",
    "the nightly reconciliation has been running for 5h, normally 30min, settlement cutoff is at 17:00",
    "the cart is empty after login for every user",
    "error count 0 but latency 0 too, that's weird",
    "Route 53 health check `api-origin` changed to ALARM: 0 of 8 checkers reporting healthy",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "tack för hjälpen",
    "that page was a duplicate of #5512, already handled",
    "is it true you never sleep",
    "this is the bot I told you about",
    "ok, that's enough excitement for one day",
    "all queues green, queue is empty, quiet afternoon",
    "was kannst du alles?",
    "the 'high error rate' from last week was a dashboard query bug, no real issue",
    "checking the bot works after the reinstall",
    "would be nice if you could read our runbooks too",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 16: reports in the shapes the gate read as chatter", () => {
  it.each([
    // A fine state of another thing before "but": the report after it is the news.
    "staging is fine but prod unlock requests hang forever. repro: unlock bike 44812",
    "sandbox is fine but prod payouts never complete",
    "EU looks healthy but US customers get logged out every few minutes",
    "web checkout works fine but the android app won't load the basket",
    // A day's possessive names what broke; it announces no plan.
    "help! tomorrow's surgery schedule disappeared from the calendar view",
    "tomorrow's delivery slots vanished from the booking page",
    "next week's rota disappeared from the on-call calendar",
    // What a screen shows a thing as is its content, not news of a recovery.
    "not sure if it's just me but the lift status page shows every lift as CLOSED and they're all running",
    "the dashboard shows all stores as online and none of them can take cards",
    "the map marks the stations as closed even though they're open",
    // A failure foretold from a present problem, no work announced.
    "quota-bot: partner API rate limit reached (10,000/10,000 calls today) — new checkouts will fail until 00:00 UTC",
    "license-audit: 214 loans have no matching license document. Readers will fail to open these books.",
    "the token service will fail all logins after midnight, the signing key expires",
    // Planned work that itself failed.
    "backup-verify ❌ PITR restore drill failed: WAL segment 0000000300001A2F000000C4 missing",
    "chaos drill errored out halfway, the orders db is read-only",
    "the failover test failed: replica never promoted",
    // "what is holding it?" asks for a blocker; no success is told.
    "ip-10-60-5-21 has been cordoned for an hour and the pods on it never move. what is holding it?",
    // A day after the thing that failed says when, not what ("monday" is no system here).
    "the last sync on monday failed to run",
    "the export from friday failed halfway, nobody got their statements",
    // None done is the news: a negated count of successes.
    "not a single successful login today",
    "zero successful payments since 9am",
    "no successful builds on main since the merge",
    // Done, but what it was to do never happened.
    "the export job passed but never uploaded the file",
    "the backup completed but never showed up in s3",
    "deploy succeeded but the new pods never started",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "fixed, but we'll keep an eye on it tonight",
    "all good now, but let's write up a postmortem",
    "heads up: during the deploy tonight health checks will fail for a minute",
    "load test starts now, payments may fail for a minute",
    "game day tomorrow at 10, expect alerts",
    "fixed, never mind",
    "resolved. never heard back from the vendor though",
    "all good now, never again friday deploys lol",
  ])("still chatter: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 16: tools' posts about no monitored condition", () => {
  it.each([
    "PagerDuty: On-call handoff — Sam Lee is now primary for Payments until Tue 09:00 CET",
    "Opsgenie: You are now on-call for 'Warehouse SRE' until Monday 08:00",
    "Opsgenie: Schedule 'Core Infra' rotation: Priya takes over at 19:00 UTC",
    "here's next month's rota: https://acme.pagerduty.com/schedules/P7QX2Z1",
    "Opsgenie: Maintenance window started for payments-db (minor version upgrade), alerts suppressed until 03:00",
    "Datadog: Monitor muted: [P2] Queue depth on orders-worker — muted by lee.k until 14:00 (planned reindex)",
    "Argo CD: Application orders-api synced to revision a1b2c3d. Health: Healthy",
    "Flux: Kustomization apps/checkout synced, health: Healthy ✅",
    "Terraform Cloud: Run applied in workspace prod-core: 1 added, 2 changed, 0 destroyed.",
    "Renovate: Update dependency lodash to v4.17.21 — PR #442 opened",
    "Bump requests from 2.31.0 to 2.32.0 in /billing\nDependabot opened a pull request",
    "nightly-etl: SUCCESS — warehouse tables refreshed (runtime 41m)",
    "Build #1881 of web-frontend: SUCCESS (6 min 3 sec)",
    "cert-bot: ✅ api.example.com renewed successfully, new expiry 2027-01-03",
    "Sentry release health: shop-ios 8.2.0 — crash-free sessions 99.91% after 48h 🎉",
    "claims-watcher: daily summary — 1,904 claims submitted, 0 stuck, 3 rejected (within normal range)",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "ArgoCD: Application orders-api synced to revision a1b2c3d. Health: Degraded",
    "Argo CD: sync failed for application orders-api (revision a1b2c3d): ComparisonError",
    "cert-bot: ❌ renewal failed for api.example.com — ACME challenge timed out, expires in 5 days",
    "nightly-etl: job FAILED — warehouse tables not refreshed (exit 1)",
    "Build #1882 of web-frontend: FAILURE (2 min 1 sec)",
    "Sentry release health: shop-ios 8.2.1 — crash-free sessions dropped to 93.4%",
    "PagerDuty: Incident #5521 triggered — orders-api 5xx > 5% — escalated to Sam Lee (primary)",
    "Opsgenie: Maintenance window started for payments-db, but replication is now broken on the replica",
    "Dependabot alert: critical severity — lodash prototype pollution (CVE-2020-8203) in acme/shop",
    "Datadog weekly digest: 40 monitors, 4 currently alerting, checkout SLO breached twice",
    "the backup job reported success but the file is 0 bytes",
    "employee portal shows 'maintenance mode' and we don't have any maintenance scheduled today",
    "something is off with the daily report emails, nobody got them this morning",
  ])("an alert in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16: people's talk that names problems without reporting one", () => {
  it.each([
    // Tuning alerting.
    "the DLQ depth alert is too sensitive imo, let's make it 10 instead of 1",
    "can we make the stale-feed alert less noisy? it fires every time keys rotate",
    "the alert for disk on ci-runner-04 is noisy, I'm going to tune it",
    "should the gate latency threshold be 2s or 3s? leaning 2s",
    "quick poll: keep the 5xx threshold at 2% or move to 1%?",
    "proposal: page only on SLO burn, not on raw 5xx counts. thoughts?",
    "alert fatigue is real this week 😅",
    // Plans and proposals.
    "Q3 plan: move the ledger to Aurora and retire the old MySQL primary",
    "proposal: raise the rate-limit for partner-api to 2k rps",
    "roadmap: deprecate the v1 webhooks by December",
    // A word's meaning.
    "the 'critical' in the ticket title means the customer tier, not severity",
    "by 'broken' I meant the build, not prod — sorry",
    "the 'down' in down-migration means rollback, not outage, don't panic 😄",
    "the 'timeout' in the access log is the health checker closing early, that's normal",
    // A write-up in progress, something to read.
    "drafting the postmortem for Tuesday's checkout outage, will share tomorrow",
    "writing the incident report for the kiosk outage now, will share by EOD",
    "interesting read on load shedding: https://example.com/load-shedding",
    "worth a read for the DR discussion: https://example.com/aws-summary",
    // Ownership and how things work.
    "who owns the loyalty-api these days?",
    "how is the checkout conversion rate computed, sessions or users?",
    "how does the SMS retry flow work with Twilio?",
    "didn't we used to have an alert for cert expiry? can't find it",
    // Success told, nothing asked.
    "the backfill ran fine overnight, row counts match",
    "status: all warehouses operating normally, nothing to report",
    "the cache fix from Tuesday is holding, p95 back to 140ms",
    "pre-launch checklist: DNS ✅ TLS ✅ feature flags ✅",
    "the DB migration is scheduled for 3 June, no action needed yet",
    "ok to restart the staging workers? nothing's wrong, just want the new env vars",
    "for the board deck: checkout p95 was 420ms all quarter",
    "fun fact: the 2019 outage was caused by a leap year bug",
    // Greetings, acks and questions in other languages, and emoji.
    "salut tout le monde, bonne semaine !",
    "nos vemos mañana",
    "fijne dag allemaal",
    "bien reçu",
    "👍 seen",
    "kannst du auch Deutsch?",
    "quais comandos você aceita?",
    "wer hat diese Woche Bereitschaft?",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "the 'down' banner on the status page means checkout is down right now, please look",
    "plan: roll back now, payments are failing for everyone",
    "writing the incident report but the db is down again",
    "who owns the loyalty-api? it's returning 500s for every request",
    "is there a dashboard for queue lag? the orders queue is stuck at 40k",
    "do we have a monitor for the payout queue? it's been stuck since 9am",
    "the backfill ran fine but half the rows are null",
    "dashboards look healthy, yet nobody in Spain can log in",
    "migration done, and now the orders API returns 500 for every request",
    "for the record: checkout is down right now in EU",
    "seen, payments are down",
    "bien reçu, mais le paiement est toujours en panne",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16: success told, a story of the past, and their decoys", () => {
  it.each([
    "month-end close went smoothly, no pages at all",
    "the new escalation policy works, test page arrived in 4s",
    "I'll babysit the deploy myself, nothing for you to do",
    "zero pages overnight, first time in weeks",
    "big thanks to the team for the CDN cutover, not a single blip",
    "traffic peaked at 3x normal for the launch and everything held 💪",
    "remember the Black Friday appointment storm? booking-api handled 10x because of the queue change",
    "remember the great DNS fiasco of 2022? good times",
    "the team will hang out after the retro",
    "backup-check: ✅ orders-db nightly pg_dump OK (41.2 GB, 18m 02s)",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "zero alerts fired while the db was down for an hour, something is wrong with alerting",
    "traffic peaked at 3x and everything held until 14:00, now checkout is timing out",
    "we ran the batch without a hiccup but the totals are off by 10x",
    "remember the Black Friday storm? it is happening again right now, checkout is down",
    "is the nightly backup job ok? nothing landed in s3",
    "the backup job says ok, yet the bucket is empty",
    "cert renewed for api.example.com, still serving the old one in eu-west-1",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16, second round: reports the gate read as plans or office talk", () => {
  it.each([
    // A time's possessive names when the work ran; what it left behind is the news.
    "price-audit: :x: 1,412 SKUs have contract price > list price after tonight's SAP sync",
    "stock-check: 230 SKUs show negative stock after tonight's ERP import",
    "tonight's payroll run posted every salary twice",
    "is tonight's sync stuck? nothing moved since 22:00",
    "tonight's backup never ran",
    // A product's symptom said of it, whatever network it is on.
    "audio keeps buffering on wifi??",
    "video keeps stuttering on 4G since this morning",
    "the stream keeps buffering for everyone on wifi",
    "podcasts keep disconnecting on the office wifi",
    // A question about a blocker is no success told.
    "what is holding the payout batch? it's been pending for an hour",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "tonight's SAP sync will run at 22:00",
    "tomorrow's deploy is postponed to friday",
    "heads up, tonight's db upgrade starts at 23:00",
    "we're migrating the last Nagios checks to Prometheus this month",
    "the old jenkins box gets decommissioned on the 30th, fyi",
  ])("still a plan: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 16, second round: tools' posts about no monitored condition", () => {
  it.each([
    "Jenkins: checkout-service #1204 SUCCESS (8 min) — image pushed to ECR",
    "Jenkins: nightly-reports #77 SUCCESS",
    "GitHub Actions ✅ Build and test api-gateway — run #9921 completed successfully",
    'GitLab: merge request !312 "Bump retry budget" merged into main by j.ortiz',
    "AWS Chatbot: CloudFormation stack billing-api-prod UPDATE_COMPLETE in us-east-1",
    "AWS Chatbot: CloudFormation stack search-vpc CREATE_COMPLETE in ap-southeast-2",
    "AWS Chatbot: CodePipeline web-frontend-pipeline execution SUCCEEDED",
    'Grafana: report "Monthly capacity" generated and emailed to sre@example.com',
    "Grafana: weekly dashboard report 'Checkout health' — conversions +2% WoW",
    'Grafana: annotation added — "Kafka broker upgrade" on dashboard Streaming',
    "Atlantis: plan for `infra/dns` — 1 to add, 0 to change, 0 to destroy. Comment `atlantis apply` to apply.",
    "Terraform Cloud: run-9fQ applied for workspace core-prod — 0 added, 2 changed, 0 destroyed",
    "PagerDuty: Your on-call shift for Payments begins in 30 minutes (Sat 09:00 – Sun 09:00)",
    "PagerDuty: your on-call shift for Search has ended",
    "[Opsgenie] Schedule override: j.kim is covering Platform On-Call 09:00–13:00 today",
    "Opsgenie: Schedule override — Ana P. covers Checkout on-call Sun 08:00–20:00",
    '[Opsgenie] r.silva has taken over the on-call rotation "Core" until Monday 09:00',
    "pg-backup: nightly base backup of pg-orders-02 completed in 33m (180 GiB) ✔",
    "mysql-backup: snapshot of billing-db completed (42 GiB, 9m) ✅",
    "Datadog: Monthly SLO report — search-api 99.95% (target 99.9%), cart 99.99% (target 99.9%)",
    "Sentry: Release web@5.2.0 deployed to production — 0 new issues so far",
    'PR #771 opened by @mika: "search: raise cache TTL to 10m" — review requested from @platform',
    "Renovate: Pin dependency typescript to 5.6.3 (#2210)",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "Jenkins: checkout-service #1204 FAILURE (8 min) — tests failed",
    "AWS Chatbot: CloudFormation stack billing-api-prod UPDATE_ROLLBACK_COMPLETE in us-east-1",
    "AWS Chatbot: CloudFormation stack billing-api-prod UPDATE_FAILED in us-east-1",
    "AWS Chatbot: CodePipeline web-frontend-pipeline execution FAILED",
    "GitHub Actions ❌ Deploy api to production — run #9921 failed",
    "PagerDuty: Incident #4411 triggered — payments 5xx > 5% — your on-call shift began at 09:00",
    "[Opsgenie] Schedule override: j.kim covering, but alert P1 'db down' is still open",
    "pg-backup: nightly base backup of pg-orders-02 FAILED after 33m ❌",
    "db-backup: snapshot of billing-db completed ✔ but the upload to S3 timed out",
    "Datadog: Monthly SLO report — search-api 99.71% (target 99.9%)",
    "Sentry: Release web@5.2.0 deployed to production — 14 new issues",
    "Atlantis: plan for `infra/dns` failed — Error: provider authentication",
    "review requested from @sre: hotfix for checkout returning 502s, prod is broken",
  ])("an alert in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16, second round: people's talk that names problems without reporting one", () => {
  it.each([
    // Good news in numbers.
    "checkout p95 dropped to 320ms after the index change 🎉",
    "search latency is amazing since the rewrite, 60ms p99",
    "error rates flat all weekend, nice",
    "MTTR for Q3: 41 min, down from 75",
    "login latency is lower than ever after the cache, nice",
    "api 4.2 is out, error rate 0.05% like before, p99 unchanged 👍",
    "ingest p99 is 90ms after the batching change, nice improvement",
    "we hit 5M events/hour today, new record 🚀",
    "38k bookings today, record day! 📈",
    "the build cache work paid off, CI is at 6 min now",
    // What a word means, a phrase quoted.
    "FYI the 'down' in the dashboard name is short for 'downloads', nothing is down 😅",
    'the "ERR" column in that sheet is errors per million, it\'s just for the report',
    "reminder that the 'timeout' in the checkout copy is just UX text, not a real timeout",
    "lmao the 'is it down' meme in #random is peak",
    "we renamed the 'payments-down' board to 'payments-downstream' because people kept panicking 😂",
    "lol I typed 'prod is broken' in #test as a joke and people DMed me",
    // A rumour debunked.
    "that 502 screenshot going around on twitter is from 2022, we checked",
    "the video of the app crashing on reddit is an old version from March, we checked",
    "that tweet about our checkout being down is fake, we checked",
    // The writer's own past, the writer's focus.
    "I broke prod once by dropping the wrong table, ask me about it sometime 😅",
    "I once took down search with a bad regex, ask me about it at lunch",
    "we once deleted the whole staging cluster by accident, good times",
    "heads down on the billing migration today, ping me only if urgent",
    "I'm heads-down for the rest of the day on the SOC2 docs",
    // Questions about the bot and how paging works.
    "is it normal that you reply in threads?",
    "is it possible to get you into #warehouse-ops too?",
    "can you join #payments-alerts?",
    "do you see Azure Monitor alerts too or only AWS?",
    "you awake?",
    "pinging you just to see if you're alive after the upgrade 😄",
    "just poking you to see if you survived the redeploy",
    "does 'critical' severity page the secondary too or just primary?",
    "does a P2 page both primary and secondary?",
    "what does ApproximateAgeOfOldestMessage measure exactly?",
    "new joiner here 👋 what channels should I watch for alerts?",
    // Greetings and news in other languages, and short social words.
    "Bom dia! Só pra avisar que o deploy do app Android 8.15 saiu sem problemas",
    "Bom dia! O release do app iOS 24.7 saiu sem problemas",
    "todo tranquilo en Lima, sin incidentes hoy",
    "Buenos días equipo, ¿alguien sabe cuándo es la retro del incidente de pagos?",
    "TGIF 🍻",
    "wp",
    "happy payday everyone 💸",
    // A review's date, known noise, nothing to report.
    "postmortem for Monday's login outage is Thursday 15:00, invite going out now",
    "the exception stack traces at startup are a known noisy log, ticket OPS-12 to clean it up",
    "morning! did the daily check, queues empty, lag under 2m, nothing to report",
    "onboarding v2 shipped today, sign-ups up 12% and zero new issues in Sentry",
    "fun stat: 40% of orders came through the app last month",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "p99 dropped to 140ms but errors doubled",
    "orders dropped to 40 in the last hour",
    "orders down 40% today, latency like before",
    "latency is amazing, checkout is failing though",
    "error rates flat at 40% since the deploy",
    "error rate went up to 12% after the deploy, p99 unchanged",
    "p99 is 1800ms after the index change, not a nice improvement",
    "all-time high error rate today",
    "we hit a new record for 5xx today 😬",
    "the 'down' banner means checkout is down right now, please look",
    "the 'down' in the dashboard name is short for downloads, but downloads are failing for everyone",
    "that screenshot is from 2022 but the same 502 is happening now",
    "that screenshot from the customer shows checkout returning 502 right now",
    "I once again broke prod, checkout is down",
    "heads down, checkout is throwing 500s for everyone",
    "can you join #payments, checkout is down there",
    "is it normal that checkout returns 502s?",
    "what does AgeOfOldestMessage measure? it's at 9000 and climbing",
    "todo tranquilo, pero el checkout no carga",
    "o deploy saiu sem problemas mas o checkout não carrega",
    "postmortem is tomorrow but payments are failing again right now",
    "known noisy log or real? exceptions everywhere in quote-service since 10:00",
    "zero new issues in Sentry but checkout is down",
    "we once had this error, and now payments fail",
    "does the page just hang for anyone else?",
    "invite going out for the bridge, payments failing for everyone",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16, third round: reports read as recoveries", () => {
  it.each([
    // A share of a fleet falling back by itself is the failure's report.
    "[ota-guard] Paused campaign fw-9.1-wave2: 14% of devices rolled back to 9.0.3 after reboot loop",
    "3 canary stations auto-rolled back to 5.7.4 after watchdog reset",
    "14 devices rolled back to the old firmware overnight",
    "the tablets are stuck in a boot loop",
    // None completed, in another language.
    "Die Rufnummernmitnahme hängt, seit Stunden keine Portierung abgeschlossen",
    "Export hängt, kein Lauf abgeschlossen seit gestern",
    "A portabilidade travou, nenhum pedido resolvido há horas",
    "Le portage bloque, rien n'est résolu depuis ce matin",
    "la cola de portabilidad no se ha resuelto, ningún traslado desde ayer",
    // A dismissal turned or conceded.
    "not an incident, but checkout is failing for everyone",
    "logins fail for 30% of users, degraded but not an outage",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "we rolled back 3 services, all good",
    "at 9:40 we rolled back, errors gone",
    "Portierung abgeschlossen, alles wieder normal",
    "problema resuelto, gracias",
    "c'est résolu, merci",
    "the 502s are from the load test, not an outage",
    "the down arrow icon on the kiosk screen is a design change, not an outage 😄",
    "generation dropped in Perth today because of the storm, not an outage",
    "those 403s in the auth logs were from the security team's fuzzing run, agreed in advance",
    "fyi the spike in signups earlier was the radio ad, legit traffic",
    "the 500 errors in the logs from earlier are from the pen test, security team confirmed",
    "the error in my last message was pasted from the runbook, not a live issue",
  ])("a recovery or a dismissal in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 16, third round: tools' posts about no monitored condition", () => {
  it.each([
    "Silence created by akim for alertname=KubeJobFailed, namespace=batch-staging (2h). Comment: known flaky staging job",
    "Your monthly uptime report: Customer Portal 99.97%, Agent Portal 99.99%, Claims API 99.95%",
    "Datadog monthly usage summary: 1,284 hosts, 42.1M custom metrics. Download the full report from Plan & Usage.",
    "New Relic weekly performance summary: api avg response time 184 ms (−6%), error rate 0.11%",
    "Report 'Weekly network KPIs' is ready — PDF attached (call setup success 99.3%, drop rate 0.42%)",
    "AWS Health Event - scheduled change: Amazon RDS maintenance for orders-db-1 scheduled for next Tue 03:00 UTC",
    "Atlantis: `plan` for acme/infra/prod/claims — No changes. Your infrastructure matches the configuration.",
    "Application `docgen-staging` synced to revision 9b1e7d0. Sync Status: Synced, Health: Progressing → Healthy",
    "✅ web-bff-prod: Sync OK to 7c2e9ad, health Healthy (triggered by auto-sync)",
    "✅ Sync OK: quote-engine → prod-usw2 @ 3a9d0c7 (Healthy)",
    "Release v5.2.0 of adjuster-app uploaded to TestFlight ✈️",
    "Release shop-android 3.1.0 was deployed to production. 0 new issues so far.",
    'Alert rule "Kiosk card decline rate" was updated by lea.k@example.io (threshold 0.25 → 0.30)',
    "Monitor 'Checkout p99' was edited by sam@example.io",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "Release shop-android 3.1.0 was deployed to production. 12 new issues so far.",
    "✅ Sync OK: quote-engine → prod-usw2 @ 3a9d0c7 (Degraded)",
    "Application x synced to revision 9b1e. Health: Healthy → Degraded",
    "Release v5.2.0 of adjuster-app upload to TestFlight failed",
    "Silence created by akim for alertname=KubeJobFailed. Comment: job failing since 3am, checkout down",
    'Alert rule "Kiosk card decline rate" was updated by lea (threshold 0.25 → 0.30), and it is firing now',
    "Your monthly uptime report: Customer Portal 97.1% (target 99.9%)",
    "AWS Health Event - scheduled change: Amazon RDS maintenance for db-1 failed, instance unavailable",
    "Atlantis: plan for infra/prod — Error: Invalid provider configuration",
  ])("a tool's trouble in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 16, third round: people's talk that names no live problem", () => {
  it.each([
    // Success told, a rollout share, a streak cheered.
    "rollout of the new pricing rules is at 100% now, metrics all normal",
    "checked the quote funnel after the release, conversions normal",
    "checked the booking queue after the deploy, throughput normal",
    "canary for identity-api at 50%, all metrics flat, proceeding to 100%",
    "status check: all 42 garages reporting, occupancy feed healthy",
    "the cup final streaming peak went perfectly, CDN absorbed everything",
    "call drop rate has never looked better since the core upgrade, 0.2%",
    "latency graphs look gorgeous since the TSDB upgrade",
    "1 year without a major outage on the core, cake in the kitchen 🎂",
    "happy 1 year of zero full outages at the airport site 🥳",
    "zero offline hubs in NSW for a whole week, nice",
    "not a single dropped packet today. I'm taking credit.",
    // Questions for information.
    "quick q: does the quote api rate limit per broker or per IP?",
    "what time's the CAB today?",
    "¿a qué hora es la ventana de mantenimiento del router de Cork?",
    "does the partner api support pagination? a partner asked",
    "quelqu'un a le lien vers le tableau de bord des KPI réseau ?",
    "do we still need the old nagios checks now that we have datadog?",
    "quick q: which region is the permits db in?",
    "any recommendations for learning PromQL?",
    "sanity check before I merge: is it ok to drop the scrape interval to 15s?",
    "can someone take notes at the incident review tomorrow?",
    // Short social words.
    "g'day",
    "brigadão",
    "grand",
    "perfecto",
    "that works",
    "cute bot",
    "verstehst du auch Deutsch?",
    "you were right about the DNS thing last week btw",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "1 year without a major outage and now the core is down",
    "zero orders for a whole hour in NSW",
    "rollout is at 100% now but error rates doubled",
    "checked the funnel after the release, conversions down 40%",
    "latency graphs look gorgeous, but checkout is failing",
    "what time did checkout start failing?",
    "does the api support retries? it's returning 502s",
    "which region is the permits db in? it's down",
    "is it ok to drop the scrape interval to 15s? prometheus is OOMing",
    "does anyone have the link to the status page? checkout is down",
    "can someone take notes? I'm on the bridge, checkout is failing",
    "grand, checkout is down again",
    "that works? checkout still fails",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 17: reports the gate read as a fine state or praise", () => {
  it.each([
    // A fine state as the contrast to a present failure; complaints counted.
    "customers are getting bills with estimated reads even though their smart meter is reporting fine. at least 200 tickets",
    "support says 40+ complaints in the last hour about double charges",
    "readers get the old edition even though the CMS shows it published. 25 tickets so far",
    "kiosk prints blank receipts even though the printer status is fine",
    // Data that should flow, flat or at zero since a time.
    "meter readings for Coastal look flat since 2am, like zero consumption for the whole district. that's not real",
    "orders flat since 9am in the EU shop",
    "telemetry from the north pumps flatlined at 04:10",
    "signups flat at zero since noon",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "we closed 120 tickets this sprint 🎉",
    "shift summary: 1 page, resolved after the quota raise, 12 customer tickets answered, no open items",
    "closed 200 tickets this sprint",
    "latency flat since the deploy, nice",
    "error rate flat all week",
  ])("good news or work done in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 17: people's talk that names no live problem", () => {
  it.each([
    // "down" as willing.
    "down for a quick call about the tariff migration?",
    "anyone down for coffee after standup?",
    "you down for a quick sync on the rota?",
    // A link shared to read.
    "the new autopay dashboard is live, have a look when you get a chance: https://grafana.vallemar.example/d/autopay-v2",
    "the new capacity dashboard is up, take a look when you have time",
    "new on-call runbook is live — have a look before friday: https://wiki.example/oncall",
    // The bot itself; greetings and small talk.
    "are you running on the new model now? you sound smarter 😄",
    "did they upgrade you? you seem faster today",
    "how's everyone doing?",
    "how's the snow up there today?",
    "how's the weather over there?",
    "just checking that you pick up mentions in threads",
    "just making sure you can read DMs",
    // A supposition.
    "hypothetically, if SAP IS-U went down during a bill-run, what would we do?",
    "suppose the billing db fills up over the weekend, what would we do?",
    "what if the ticket scanners all went offline at opening, who do we call?",
    // All fine.
    "all pumping stations reporting normally after the firmware update 👌",
    "all gauges responding normally after the reboot",
    // A runbook looked up, a hand-off with the shift's known noise, the rota, a ticket taken.
    "can you remind me what runbook we use for gate scanner outages? just reading up before my shift",
    "which runbook do we use for kafka lag? asking for my on-call prep",
    "handing over on-call to @julia, quiet shift, only the usual webcam flaps overnight",
    "bumped the pager rotation for the holidays, check the schedule",
    "updated the on-call schedule for christmas, please check your slots",
    "swapped the weekend rota with @li, fyi",
    "I'm taking the snowmaking telemetry migration ticket for next sprint",
    "I'll grab the billing export cleanup story next week",
    // A word's meaning, an approval, the weather, the office.
    "the 'down' in that message was about the chairlift going down the mountain for maintenance 😅 not a systems thing",
    "the 'outage' in that post meant the power cut at my flat, not a systems issue",
    "thumbs up from me on the new alert routing",
    "+1 from me on the new escalation policy",
    "30cm overnight, can confirm from the parking lot",
    "who broke the coffee machine though",
    "who broke the microwave again",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "is checkout down for anyone else?",
    "down for 20 minutes now, the api",
    "who broke checkout?",
    "who broke staging again",
    "the dashboard shows the payments api offline",
    "the new dashboard is live and it shows checkout erroring since 9am",
    "can you check the pager? payments alert is firing",
    "handing over on-call to @julia, quiet shift except the db is at 95% disk",
    "handing over to @sam, only the usual webcam flaps but the payments db is down",
    "only the usual 502s on checkout again, can you look?",
    "just checking you see the payments alerts, checkout is down",
    "you seem slower today, is the api down?",
    "how's everyone doing? checkout is down btw",
    "hypothetically if the api is down, who do we call? because it is down right now",
    "what runbook we use for gate scanner outages? the scanners are down at gate 3",
    "can confirm, checkout is down for me too",
    "taking the ticket about checkout 502s, checkout is failing for everyone",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 17, round 5: damage, readings and slowness over a weak chatter reading", () => {
  it.each([
    // Data destroyed by a job, an import, a sync (a time like "last night" is no farewell).
    "MARC import from last night seems to have wiped the 856 links, ebook records have no access url",
    "the overnight catalog sync erased every patron's holds",
    "tonight's price import clobbered the sale prices, every item shows full price",
    "looks like the migration clobbered the shipping addresses for EU orders",
    // An operation timed per item, a queue out the door.
    "checkout at the Central desk takes like a minute per item, queue out the door",
    "the checkin kiosk at Eastside takes about 40 seconds per book, line out the door",
    "self-checkout tills are taking like 2 minutes per basket, queues round the block",
    // A screen asked why it shows nothing, in any language.
    "warum zeigt das ops dashboard für berlin 0 fahrten? wir sehen doch leute auf den scootern",
    "why does the fleet map show 0 scooters in Lisbon? they're all parked outside",
    "pourquoi la carte affiche 0 trottinettes à Lyon ? il y en a partout dans la rue",
    "¿por qué el panel muestra 0 viajes en Madrid? la gente está usando los patinetes",
    "why is the occupancy dashboard showing zero cars in garage 4? it's full",
    // A count far above its normal; "over-billed" is no "it's over".
    "ride-reaper: 1,180 rides open for more than 6 hours (normal < 40). Riders may be getting over-billed.",
    "payment-retry queue: 9,400 jobs pending (normal ~300)",
    "stuck-orders: 2.4k orders in PENDING for >2h, usually under 50",
    "hotels are getting over-charged for late check-out, 12 complaints already",
    "wallet top ups are double charging, 6 tickets in 20 min",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "I wiped my laptop last night and reinstalled, all good now",
    "we wiped the staging db to reseed it, all good",
    "the cleanup job erased the old test fixtures as planned",
    "it takes a minute per item to label them by hand, let's automate that next sprint",
    "the line at the new bakery downstairs is out the door lol",
    "night all, see you tomorrow",
    "heading out, night!",
    "the gig last night was amazing",
    "did anyone see the match last night",
  ])("chatter in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 17, round 5: people's talk and tools' posts that name no live problem", () => {
  it.each([
    // The writer's own plan after an acknowledgement.
    "ok will check tmrw",
    "kk will look monday",
    // A panel's design, a word's wording, product copy.
    "the error rate panel is misleading, it includes 404s from bots — can we change that next sprint?",
    "the checkout SLO panel is misleading, it counts health checks, should we exclude them?",
    "the p99 chart is confusing, it mixes staging and prod — let's split it next sprint",
    "the 'down' in that doc should be 'degraded', just fixing wording for the status page templates",
    "the 'critical' label in the runbook should be 'high', just fixing wording",
    'lol the rider app copy literally says "Error: fun not found" on the empty ride history screen, design wants it changed',
    "haha the checkout button copy says 'Pay up, buddy', marketing wants it changed",
    // A change's status, a past problem asked about, a timeline read, a name's story.
    "did the geofence alert tuning PR get merged?",
    "was the DLQ threshold change deployed already?",
    "the 'ride ended unexpectedly' bug from last month, was that ever root-caused? just curious for the doc",
    "the duplicate receipts issue from last quarter, was it ever figured out? for the wiki",
    "just read the Denver outage timeline, wild that one missing index caused all that",
    "finally went through the checkout outage postmortem, great write-up",
    "anyone know why we call it the juicer app? 😄",
    "why do we call the batch box the toaster? always wondered",
    // Work announced as normal, planned downtime asked about, a drill planned, a question to learn.
    "fyi Paris ops is rebalancing the fleet tonight, lots of scooters will be offline in the vans, that's normal",
    "heads up: the warehouse team is recounting stock tonight, the inventory dashboard will show zeros for an hour, that's expected",
    "will the dashboard be down during tonight's grafana upgrade? just planning my evening",
    "will checkout be read-only during sunday's db migration? need to tell the store managers",
    "are we still doing the game day on the 20th? want to simulate an IoT gateway failure",
    "for the DR drill next week we'll simulate losing eu-west-1",
    "so when the unlock error rate alert fires, what do you actually check first? trying to learn",
    "when the DLQ depth alarm goes off, what should on-call look at first?",
    // Good news, a milestone, an explained alert, past records asked for.
    "the dashboard colours are so much nicer after the redesign",
    "swap numbers look great this week, 14% fewer dead scooters on the street",
    "the Lyon launch went really well, 4k rides day one 🚀",
    "we hit 1M rides in Paris this year!",
    "we passed 50k bookings this month 🎉",
    "the latency alert at 3am was the known kafka rebalance, already discussed in standup, no action",
    "the 2am CPU page was the known backup job, already discussed, no action",
    "do you keep history of past incidents somewhere I can browse?",
    "does the team have a list of past outages I could read?",
    // Tools: a dependency PR, a weekly digest.
    "Update dependency @stripe/stripe-js to v4 (rider-web) — PR #877 opened, automerge disabled",
    "Update dependency @types/node to v22 — PR #91 opened",
    "Weekly monitor digest (Nov 4–10): 14 monitors triggered, 14 recovered, mean time to recover 11m. Noisiest: battery-swap-backlog-berlin (5)",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "ok will check, checkout is down for everyone",
    "the error rate panel is misleading, it says 0% but checkout is failing right now",
    "the checkout copy says 'Error: payment failed' for every card since the deploy",
    "did the checkout fix get deployed? payments are still failing",
    "the 'ride ended unexpectedly' bug from last month, was that ever root-caused? it's happening again right now",
    "why do we call the payments api twice per checkout? customers see double charges",
    "fyi kiosks will be offline tonight for the swap, that's normal — but the south gate ones are offline right now",
    "will the dashboard be down during the upgrade? because it's down right now",
    "the unlock error rate alert fires every minute now, what do you check first?",
    "the game day simulation broke prod for real, checkout is down right now",
    "14% more dead scooters this week than last",
    "the 3am latency alert was the known kafka rebalance, but it's still firing",
    "Weekly monitor digest (Nov 11–17): 9 monitors triggered, 7 recovered, 2 currently firing",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 17, round 6: a done word naming an event is no closure", () => {
  it.each([
    "gamification svc erroring on every lesson complete, see #support-escalations screenshot",
    "payments api throwing 500s on checkout complete since 9am",
    "the webhook fails at order complete for every EU customer",
    "sync worker crashing on sync done, logs in the thread",
    "push notifications erroring on each workout finished event",
    "the lesson complete screen throws an error for every user",
    "recovered? no — printers still offline",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // A problem followed by its fix is news after it, as before.
    "payments erroring again — fixed now",
    "checkout was failing, fixed now",
    "checkout erroring on mobile is fixed now",
    "login failing on iOS fixed by the rollback",
  ])("a recovery after the report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 17, round 6: people's all-clears, praise, social talk and tools' quiet posts", () => {
  it.each([
    // A person's all-clear.
    "everything green after the LIS upgrade",
    "everything's fine after the router swap",
    "status: all analyzers online, queues empty",
    "update: all kiosks up, payments flowing",
    "confirmed, riverside labels printing again",
    "yep, the ward scanners working again",
    "latency is back to normal, p95 ~600ms",
    "error rate is back to normal, 0.2%",
    "recovered: st agnes printers are back since 10:15, thanks for the help",
    // Praise, relayed or one's own.
    "the drivers loved the new courier app scanning, fyi",
    "the nurses really like the new label layout",
    "I love that the error messages in the app are translated into 38 languages now 😂",
    // A streak, an article, food, a weekend.
    "woohoo, first full week without a page",
    "sharing this article on cold-chain monitoring for specimen transport, interesting stuff",
    "sharing a nice post about retries and jitter",
    "who wants pizza after the go-live",
    "anyone up for tacos friday?",
    "buen finde equipo",
    // The bot asked about itself or for a favour of no work.
    "is it possible to mute you in #random?",
    "can we mute you in #general?",
    "can you help me practice my german? 😄",
    "could you help me brush up on my spanish before the trip",
    // Alert tuning, word talk, a season's dip, tidying after an incident.
    "should the subscriptions latency alert be p95 or p99? discussing in #sre-planning",
    "should the disk alarm be at 80 or 90 percent?",
    "the word 'latency' in Japanese is レイテンシ, learned that today from our own app",
    "the down arrow on the streak chart is just the holiday dip, expected every year",
    "the dip in signups is just the usual summer lull",
    "the outage banner from yesterday can be removed from the status page now, right?",
    "the incident notice on the status page can be taken down now?",
    // Tools: a release or a sync's batch out, a scan that found nothing.
    "Release v2.8.0 of courier-app published to Play Store internal track",
    "Release 4.1.0 of rider-ios submitted to App Store review",
    "content-sync: published 48 new lessons (it→en, ko→en) to CDN ✅",
    "catalog-sync: published 1,204 updated products to Algolia",
    "AWS Chatbot: cost anomaly summary for Jun — no anomalies detected",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "everything green except payments",
    "everything green except the EU checkout, it's still failing",
    "all analyzers online but results aren't posting",
    "latency is back to 4s again",
    "Release v2.8.0 failed to publish",
    "Release v2.8.0 of courier-app failed to publish to Play Store",
    "content-sync: published 0 of 48 lessons to CDN, 48 failed ❌",
    "AWS Chatbot: cost anomaly detected: +340% on NAT gateway",
    "Recovered: checkout p95 latency on env:prod",
    "the drivers loved the new app but scanning fails on android since this morning",
    "love how the app takes 40 seconds to open today 🙃 really great stuff",
    "I love that checkout is down again 🙃",
    "the down arrow on the streak chart is not the holiday dip, signups fell 80% in an hour",
    "the outage banner can be removed? no, checkout is still down",
    "should the latency alert be p95 or p99? it is firing right now on checkout",
    "is it possible to mute you? you keep paging for checkout which is down",
    "can you help me practice my german? also checkout is failing for everyone",
    "sharing this article on retries, meanwhile checkout is returning 502s right now",
  ])("a report in the same shape: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 17, round 7: a closure about other things, a partner's zero, and talk around the work", () => {
  it.each([
    // A closure word in a relative clause states what other things are; "still" keeps the problem.
    "customs hold sync didn't run last night, ~300 boxes still flagged on hold that were released",
    "invoice export didn't run, 40 orders still marked unpaid that were paid yesterday",
    "the nightly recon job failed, 120 tickets still open which got resolved last week",
    "refund sync broke, customers still see charges that were refunded",
    // A partner relaying that nothing of ours arrived: a feed stopped.
    "Hapag line desk says they got zero CODECO gate-in messages from us today",
    "DHL says they received no shipment notices from us since noon",
    "the bank says they got zero payment files from us today",
    "Maersk says they haven't received any of our EDI messages today",
    "our biggest customer says they got none of our order confirmations this morning",
    "the warehouse says they got no pick lists from us today",
    // Reports in the shapes of the talk below.
    "checkout-api is down: https://grafana.acme.io/d/abc/checkout",
    "new grafana dashboard is up: https://grafana.acme.io/d/x and it shows checkout 5xx at 40% right now",
    "just closed the jira ticket for the duplicate charges but they're happening again",
    "finance asked for a monthly export of refunds, the current export fails every time",
    "shop managers asked why the weekly report is empty since monday",
    "is there a runbook? the oven controllers are offline right now",
    "is there a runbook for when the oven controller goes offline? it just did at store 12",
    "quiet night except the gate OCR is down",
    "handoff: quiet night, only the usual blips, but the gate OCR is down since 4am",
    "the new cameras misread every plate since tuesday",
    "zero orders since 9am",
    "the new scanners are great but zero reads since tuesday",
    "what does E_CONN_RESET mean? checkout is throwing it for every order",
    "heads up, the scanner feed is down, ops are on it, nothing for us",
    "is the downtime over? the crane PLC is still unreachable",
    "can I ask you why containers aren't showing in the tracker? every lookup fails",
    "Hapag says our gate-in messages stopped",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the refund sync didn't run last night, fixed now and all 300 boxes released",
    "customs hold sync failed last night, rerun done, all boxes released now",
    "the customer says they got no complaints from us today, all good",
    "the auditor got zero findings from us this year 🎉",
    "new grafana dashboard for van chiller temps is up: https://grafana.hearthside.io/d/fleet-cold/van-cold-chain",
    "new kibana board for checkout logs is up: https://kibana.acme.io/app/dashboards#/view/abc",
    "updated grafana dashboard for the reefer plugs is up: https://grafana.port.io/d/reefer/plugs",
    "the new grafana board for kiosks is live: https://grafana.acme.io/d/kiosk/overview",
    "🥖 time",
    "🍕 time!",
    "☕ time?",
    "🍺 time 🎉",
    "🌮 o'clock",
    "just closed the jira ticket for the duplicate charges, refunds all processed",
    "closed the ticket for the double bookings, all guests refunded",
    "just resolved the zendesk ticket about the missing invoices, credits all issued",
    "finally closed out the jira for the failed payouts, all re-sent",
    "shop managers asked for a weekly report of pickup no-shows, not urgent, just an idea",
    "finance asked for a monthly export of refunds, no rush",
    "the drivers would like a dark mode in the app, just an idea",
    "support asked if we could add a csv download for failed orders, not urgent",
    "feature request from the store leads: a daily summary of late deliveries",
    "is there a runbook for when an oven controller goes offline? just want to read it before my first on-call",
    "is there a runbook for when the kafka consumer lags? want to read up",
    "do we have a playbook for when the payment gateway goes down? just reading up before on-call",
    "is there a runbook for if the reefer monitoring fails? asking for my onboarding",
    "handoff: quiet night, only the usual STS-04 cycle-time blips, nothing open. over to you Marta",
    "handover: calm shift, only the usual wifi blips on the handhelds, nothing open",
    "handing over: quiet night, just the usual latency spikes at the nightly batch, nothing open",
    "the new OCR cameras at lane 7 are 👌, zero misreads since tuesday",
    "the new scanners are great, zero misreads all week",
    "new label printers 👍 no jams since monday",
    "the new handhelds are solid, not a single crash since the update",
    "the new payment terminals are great, zero declines since the firmware update",
    "what does CODECO stand for again?",
    "what does EDI stand for?",
    "what does SLO mean again?",
    "what's BAPLIE short for?",
    "what does the H in HPA stand for?",
    "heads up, MSC ALINA arrives 4h early, planners are on it, nothing for us",
    "fyi the 14:00 ferry is cancelled, ops already rebooked everyone, nothing for us to do",
    "heads up, big promo tomorrow, marketing has it covered, nothing for us",
    "fyi the vendor changes its logo next week, nothing on our side",
    "is the down-time for the crane PLC upgrade still sunday?",
    "is the maintenance window for the db upgrade still on saturday?",
    "is the downtime for the SAP migration moved to next week?",
    "is the planned outage for the network swap still tonight?",
    "can I ask you where a container is? like MSKU1234567?",
    "can I ask you where my parcel is?",
    "could I ask you how many boxes are in yard block C?",
    "can you tell me where order 12345 is?",
  ])("talk: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 17, round 8: data late by a time, a labelled failure before a deadline, and talk around the work", () => {
  it.each([
    // Data, a feed or a copy late by a stated time ("smart" once read as praise here).
    "smart meter readings from the UK DCC adapter are 6h behind",
    "orders feed is 40 min behind",
    "the replica is 2h behind",
    "invoices are a day behind",
    "CDC stream is ~45 minutes behind prod",
    "meter data is delayed by 6h",
    "smart lock events from the Leeds sites are 3 hours behind",
    // An incident label heading a failure now; the event later is a deadline.
    "SEV2: battery dispatch not reaching Tesla Powerwalls in SA, VPP event starts in 40 min",
    "sev1: push notifications not reaching iOS devices, match kicks off in 30 min",
    "P2 - SMS codes not arriving for Optus customers, promo launches at noon",
    "sev2: boarding passes not loading in the app, first flight boards in 20 min",
    // Reports in the shapes of the talk below.
    "where did the Sentry alerts go? checkout is throwing 500s",
    "where do the Sentry alerts for boarding-app go? it's crashing on login",
    "remember to update the roster runbook, the solver is crashing on every run",
    "all stations checked in fine but 12 kiosks are offline",
    "kiosk-config-sync: pushed new fare tables to 30/42 kiosks — 12 failed",
    "pushed new fare tables to 30/42 kiosks — 12 failed",
    "menu-sync: published the winter menu to 118/118 stores, 3 errors",
    "volume is up 30% and checkout is timing out",
    "volume is up 30%, systems handling it fine but search is failing",
    "DLQ is filling up again",
    "the DLQ is empty again but orders are still missing",
    "not for you but checkout is down",
    "crews can't log in since Monday",
    "🚨",
    "🔥🚨",
    "prod 🔥",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // "smart bot" is still praise.
    "smart bot",
    // Where alerts go, asked.
    "quick q: where do the Sentry alerts for boarding-app go?",
    "where do PagerDuty alerts for the payments service end up?",
    "hey, where do the CloudWatch alarms for the ingest lambdas go?",
    "where do Datadog notifications from the billing api land?",
    // Work reminded of.
    "remember to update the roster runbook with the new solver flags",
    "don't forget to update the on-call wiki with the new escalation policy",
    "remember to add the new kiosk IDs to the inventory sheet",
    // A person's all-clear with a zero count.
    "status: all stations checked in fine this morning, 0 kiosk faults",
    "all depots reported in ok this morning, 0 scanner faults",
    // A design nit handed away from the bot.
    "the 'down' arrow on the new crew portal design looks weird, but that's a UX thing not for you 😅",
    "the red 'failed' badge on the new dashboard mockup is ugly, just a design thing",
    // A sync to all of its targets.
    "kiosk-config-sync: pushed new fare tables to 42/42 kiosks at all stations ✅",
    "menu-sync: published the new winter menu to 118/118 stores ✅",
    "signage-bot: deployed playlist v12 to 40/40 screens",
    // Reading shared.
    "reading material for the team: https://sre.google/sre-book/postmortem-culture/",
    "weekend reading: https://example.com/postmortems",
    // Growth the systems absorb.
    "quote volume is up 30% this week thanks to the new campaign, systems handling it fine",
    "bookings doubled after the TV spot, the cluster is handling the load fine",
    // A person's queue recovery.
    "the DLQ is empty again after the redrive 👍",
    "retry queue drained, back to zero",
    // Fire emoji alone is hype.
    "🔥🔥",
    "🔥",
    ":fire:",
    // The past looked back on, people away, the weather.
    "last year's heatwave outage was brutal, glad we have autoscaling now",
    "reminder: install crews in Perth are off on Monday (public holiday)",
    "heads up: support team is out on Friday for training",
    "it's 38 degrees in Adelaide today, panels are loving it ☀️",
  ])("talk: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "we're 2 days behind schedule on the migration",
    "Perth is 3h behind Sydney so standup is at 7",
    "the sprint is a week behind",
    "the release is delayed by a week",
  ])("lateness of people, plans or clocks is no report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).reasons.some((r) => /behind|delayed/.test(r))).toBe(false)
  })
})

describe("stop 17, round 9: 'fixed' naming a kind, and what we send carrying a placeholder", () => {
  it.each([
    "hi, i think the radar on Bridge Rd stopped sending data, corridor is running on fixed time",
    "the junction controller lost its detector feed, signals fell back to a fixed plan",
    "pump station 4 telemetry dropped out, the pumps are on a fixed schedule until it's back",
    "the lights stopped reacting to traffic, they're cycling on fixed timing",
    "the vpn gateway lost its fixed IP and partners can't connect",
    // What we send with an epoch date, a zero amount or an unfilled value.
    "shipping ETA emails going out with a delivery date of 01/01/1970",
    "invoices went out today showing a total of $0.00 for every customer",
    'order confirmation emails say "Hi {{first_name}}" instead of the name',
    "push notifications going out with 'undefined' as the title",
    "statements being sent with a due date of 1970-01-01",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // A fix done to the problem stays a closure.
    "checkout was failing, fixed now",
    "we fixed time sync on the kiosks, all good",
    // A placeholder expected or in a template is no report.
    "fyi: $0.00 invoices for free tier customers are expected, no action",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it("a template's placeholder is no report", () => {
    const r = run("<@U01SREBOT> the welcome email template uses {{first_name}}, can someone review the copy?")
    expect(r.reasons.some((x) => x.includes("{{first_name}}"))).toBe(false)
  })
})

describe("stop 17, round 9: tools' quiet posts", () => {
  it.each([
    "Build #2291 of streetfix-android (release/4.12.1) SUCCESS in 7m 12s",
    "Build #412 of billing-api (main) PASSED in 4m 03s",
    "nightly-e2e on main passed (142 tests, 0 failed) — storefront-web",
    "smoke-suite on release/2.3 passed (38 tests, 0 failed)",
    "Terraform Cloud: Run run-8KqW applied in workspace cellar-prod — 2 to add, 1 to change, 0 to destroy",
    "Opsgenie: Heartbeat configuration updated for temp-hold-evaluator by omar.haddad",
    "🚲 daily bike count digest: 18,402 trips across 22 stations yesterday (+6% w/w)",
    "weekly visitor count summary: 3,120 visits, +4% on last week",
    "Reporting: weekly PDF 'Signal Ops Overview' has been generated and emailed to signals-team",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "Build #88 of checkout-web (main) FAILURE in 3m",
    "nightly-e2e on main failed (142 tests, 3 failed) — storefront-web",
    "Terraform Cloud: Run run-8KqW errored in workspace cellar-prod",
    "Opsgenie: Heartbeat temp-hold-evaluator expired",
    "Reporting: weekly PDF 'Signal Ops Overview' failed to generate",
    "daily sales report: orders dropped 80% vs yesterday",
  ])("the same shapes with trouble: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 17, round 9b: the team's life and good news", () => {
  it.each([
    "heads up I'm on PTO next week, Carlos covers signals",
    "Priya is on parental leave from Monday, Tom has her reviews",
    "swapping my Thursday shift with Dev, updated the rotation",
    "swapped my weekend on-call with Ana, fyi",
    "happy bike to work day! 🚴",
    "just a reminder: harvest party friday at 5, the ops team is bringing the magnums",
    "team lunch on Wednesday, the new taco place",
    "salud 🥂",
    "prost!",
    "this thread is getting long, moving to a huddle",
    "let's take this to a call, too much typing",
    "tasting notes for the new Syrah are up on the blog, go read them 🍇",
    "interesting graph, the bike lane on Elm doubled cyclists in a month",
    "cellar bay 2 sitting at 13°C exactly where it should be",
    "freezer 4 at -18°C, right where we want it to be",
    "the double-charge from April is fully refunded, nothing left to do there",
    "the duplicate invoices from last quarter are all refunded",
    "quick q: is the allocation drop still Thursday at 9?",
    "is the game night still on for Friday?",
    "alles wieder grün 👍",
    "tout est vert à nouveau",
    "lmao the bike lane cone is wearing a santa hat",
    "lol the new intern brought a cake shaped like a server rack",
    "status?",
    "any updates?",
    "any open incidents right now?",
    "are there any active incidents?",
    "we're winding down the old WMS next month, fyi",
    "we are sunsetting the legacy booking API in Q3",
    "nice, p99 went from 900ms to 250ms after the index change",
    "checkout latency dropped from 2s to 400ms with the cache, great work",
    "error budget for StreetFix API is at 92% remaining this month, nice",
    "disk cleaned up on cctv-rec-03, 40% free now",
  ])("%s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "p99 went from 250ms to 900ms after the deploy",
    "status? checkout is down",
    "any open incidents? I'm seeing 502s",
    "cellar bay 2 at 19°C, should be 13",
    "the refund job failed again",
    "happy friday all 🎉 btw voice chat in-game is completely silent for everyone in party since like 15:40, vivox side maybe?",
    "is the payments webhook still failing on Friday?",
    "I'm on PTO next week but the backup job has been failing every night, can someone look",
    "error budget for StreetFix API is at 4% remaining this month",
    "fully refunded the first batch but the refund job is still failing for the rest",
    "we're winding down the old WMS next month but right now it's throwing 500s",
    "latency went from 300ms to 4s on checkout",
  ])("the same shapes with trouble: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 18, round 10: screens that are wrong, slang, bots' small talk and tools' quiet posts", () => {
  it.each([
    "lift status page shows every lift closed but they're all running",
    "the status board shows all trains cancelled but they're all running on time",
    "departures screen shows every gate closed but they are all open",
    "the app shows all stores as closed but they're all open today",
    "status page says everything is down but it's all working",
    "the pet portal shows other people's pets in the list?!? screenshot in thread",
    "my account page is showing someone else's orders",
    "customers are seeing other customers' invoices in the billing tab",
    "the patient app shows another patient's lab results",
    "i can see other users' addresses in the export?!",
    "shipping costs showing as €0 at checkout for EU buyers, we're eating postage on every order",
    "cart total shows $0 for some customers",
    "tax showing as 0,00 € on every invoice page",
    "prices display as £0 on the product page since the deploy",
    "delivery fee comes up as $0 at checkout in the app",
    "this is broken",
    "fr the checkout is down",
    "omg checkout is down",
    "this keeps failing",
    "W bot but the checkout is down",
    "what can you help with? checkout is down",
    "do you speak spanish? the spanish storefront is down",
    "still red on my side",
    "anything exciting overnight? the db crashed twice",
    "latency looks awful since the redis upgrade, p99 at 4s",
    "p99 at 1800ms since the deploy",
    "nightly-csv-import finished: 41 shops, 182,304 listings updated, 12 failed",
    "nightly import: 0 succeeded, 41 failed",
    "Flux: HelmRelease imaging/dicom-router upgrade failed: timed out waiting for condition",
    "Vercel: Deployment failed for PR #1440 (storefront)",
    "Opsgenie: Alert 'DiskFull on db-01' created, priority P1",
    "Monitor 'CDN edge' is down, maintenance ended",
    "v1.9 is out and the encoding issue is back",
    "P2: what's the diff between prod and staging db? prod is down",
    "checkout-api is up: false alarm? no, it's flapping",
    "the televet SFU went down mid-consult, calls did not fail over",
    "this keeps crashing on checkout",
    "fr checkout is returning 500s for everyone",
    "tea break? no, the payments db is down",
    "hop in voice, checkout is down for everyone",
    "still green on my side but customers can't log in",
    "anything exciting overnight? the backup job failed twice",
    "latency looks awful since the redis upgrade, p99 at 4s",
    "Flux: HelmRelease payments/api upgrade failed, not ready",
    "Vercel: Preview deployment failed for PR #12",
    "Opsgenie: Alert 'DiskFull on db-01' created, rotation 'Platform' notified",
    "Maintenance 'CDN migration' is now active but the origin is returning 502s for all monitors",
    "the outage in march is why we have two regions, and region 2 is down right now",
    "v1.9 is out but the encoding issue is still there",
    "we should revisit the DiskPressure threshold, db-01 is down right now",
    "what happens if the primary db dies? it just died and traffic did not fail over",
    "the pm doc is up: but the notion link is broken and checkout is failing",
    "nightly import finished: 0 succeeded, 41 failed",
    "just seeing if you respond, checkout is down",
    "u speak spanish? the spanish storefront is down since 9am",
    "the dashboard shows every pod running but they're all down",
    "the tracking page shows someone else's parcel for my order number",
    "subtotal shows €0 in the basket for some customers",
    "quiet days ahead? no, the kiosks are all offline",
    "remember the disk full outage? it's happening again on db-02 right now",
    "0 alerts overnight but the pager integration is broken",
  ])("a report: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the status page shows all green and everything is running",
    "kthx",
    "omg",
    "fr",
    "ye",
    "oki",
    "this",
    "bro 😂",
    "W bot",
    "goated",
    "big W for the team today",
    "ily bot ❤️",
    "smh this bot never sleeps",
    "tak",
    "yep",
    "ty bot",
    "okie dokie",
    "frfr",
    "huge W",
    "lmk",
    "whats ur fav book bot",
    "do bots dream of electric sheep",
    "u speak spanish? a few sellers from Valencia asked lol",
    "just seeing if you respond",
    "what can you help with?",
    "what's your favourite movie?",
    "do you speak german?",
    "what can you help me with",
    "just seeing if you're awake",
    "tea break?",
    "sprint planning in 10, hop in voice",
    "Jour de poudreuse demain, qui vient skier ?",
    "wie war dein Wochenende? viel Schnee gehabt?",
    "coffee run?",
    "retro in 5, hop in the call",
    "wie war dein Urlaub?",
    "any1 got recs for the team book club? we're doing the Google SRE book next lol",
    "anything exciting overnight?",
    "anything interesting happen last night?",
    "anything I should know from overnight?",
    "still green on my side",
    "all green on my end",
    "still good on my side",
    "0 alerts overnight?? suspicious but i'll take it",
    "zero pages last night, nice",
    "no alerts all weekend 🙌",
    "latency looks chef's kiss since the redis upgrade 🤌 p99 at 180ms",
    "p99 looks great since the cache change, 120ms",
    "response times are buttery smooth after the upgrade",
    "nightly-csv-import finished: 41 shops, 182,304 listings updated, 0 failed",
    "backup job completed: 120 files, 0 failed, 0 skipped",
    "Flux: HelmRelease imaging/dicom-router upgraded to chart 2.4.1, ready",
    "Flux: HelmRelease payments/api reconciled, ready",
    "Vercel: Preview deployment ready for PR #1440 (storefront) — https://storefront-git-fix-typos-dogear.vercel.app",
    "Vercel: Production deployment ready for storefront",
    "Grafana report: 'Weekly Site Availability' PDF is ready — https://grafana.tidewind.internal/reports/12",
    "Grafana report 'Monthly SLA' is ready: https://grafana.example.com/reports/3",
    "Opsgenie: Your rotation 'Marine Ops Platform' starts in 1 hour. On-call: Jonas Berg",
    "Opsgenie: rotation 'Marketplace weekend' starts in 30 min — on-call: Kofi Mensah",
    "Maintenance 'CDN migration' is now active for 3 monitors (ends 23:00 UTC)",
    "Maintenance window 'DB upgrade' is now active for 12 monitors",
    "remember the 'disk full' drama on drone-upload-01? we finally added lifecycle rules, shouldn't happen again",
    "remember the checkout mess last black friday? never again lol",
    "the spam wave last month is why we added the fraud-watch bot, fyi for the new folks",
    "the outage in march is why we have two regions now",
    "shop-sync v1.9 is out, the encoding issue from last week should be fixed for good",
    "v2.3 is released, the login bug from yesterday should be fixed",
    "once the new SCADA gateways are in, we should revisit the ModbusPollErrors threshold — no rush",
    "we should revisit the DiskPressure threshold at some point, no rush",
    "what's the diff between P2 and P3 for us?",
    "what's the difference between sev2 and sev3 here?",
    "pm doc is up: https://notion.so/dogear/pm-checkout-0702 pls comment before thurs",
    "postmortem doc is up: https://notion.so/x/pm-1",
    'the "alert fatigue" talk at the guild today was really good',
    "the 'incident command' workshop yesterday was great",
    "what would happen if the televet SFU went down mid-consult? do calls fail over?",
    "what happens if the primary db dies? does traffic fail over?",
    "storm Agnes coming thurs, crew transfers probably cancelled anyway, quiet days ahead",
    "¿puedes resumir el incidente de ayer en español?",
    "peux-tu résumer l'incident d'hier ?",
    "kannst du den Vorfall von gestern zusammenfassen?",
  ])("talk: %s", (text) => {
    expect(run(`<@U01SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 18, round 11: German everyday talk and an English library consortium", () => {
  it.each([
    "Anzeige am Gate B3 SZG zeigt 'Boarding abgeschlossen' obwohl wir noch gar nicht angefangen haben 🙈",
    "Tafel in Halle 2 zeigt 'gelandet' obwohl LH1234 noch gar nicht gestartet ist",
    "Die App zeigt 'Flug annulliert' obwohl der Flug planmäßig geht",
    "Check-in in ZRH geht nicht",
    "bag-recon wirft nur noch Fehler",
    "ist das SSO kaputt?",
    "Release 3.1 ist durch, aber Check-in geht nicht",
    "Check-in in ZRH geht nicht, erinnere mich später",
    "wer hat Rufbereitschaft? pax-notify ist kaputt",
    "was machen wir, wenn SITA down ist? gerade ist es down",
    "Tagesbericht: 0 Fehler, aber 12 Timeouts",
    "super, jetzt geht gar nichts mehr",
    "anyone down for lunch? also checkout is down",
    "the checkout error graph is flat but users get 500s",
    "we had 502s during the migration last year and now again, should we roll back?",
    "what's the status of the outage ticket? checkout is still failing",
  ])("report: %s", (text) => {
    expect(run(`<@U05BDAOPS> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "jep",
    "passt",
    "Servus miteinand",
    "Grüezi mitenand",
    "wird gemacht",
    "ich schau's mir an",
    "guten Rutsch!",
    "braver Bot",
    "blöder Bot 😂",
    "Kaffee?",
    "wer ist heute in der Bereitschaft?",
    "wer hat diese Woche Rufbereitschaft?",
    "Release 3.1 ist durch, keine Fehler",
    "Nachtlauf crew-sync: 0 Fehler, alles grün ✅",
    "Tagesbericht ldm-check: 212 Abflüge, alle LDMs gesendet, 0 Fehler ✅",
    "Ticket geschlossen, Ursache war ein volles Dateisystem",
    "erinnere mich um 14 Uhr an das Update",
    "bitte ignorieren, nur ein Test",
    "ignoriert den Alarm von vorhin auf deice-planner-staging, war mein Test",
    "was machen wir, wenn der Check-in komplett ausfällt?",
    "Gedankenspiel: was machen wir, wenn SITA mal komplett down ist?",
    "das 'down' im Dashboard-Titel heißt Downlink, nicht Ausfall 😅",
    "bin morgen krank, Jonas übernimmt",
    "neue Kollegin in GRZ, Lena, sagt mal hallo 👋",
    "plane gerade die Kapazität für den Winterflugplan, brauchen wir mehr Server?",
    "kannst du mir erklären, was pax_notify_sent_total genau zählt?",
    "On-call: Katrin Huber ist ab sofort Primary für 'Ground Ops Systems' (Übergabe von Lukas Brandner)",
    "Report 'Wochenbericht Turnaround' ist fertig: https://grafana.example.de/reports/tat-weekly",
    "Pipeline #48211 passed for bag-recon on main — triggered by Stefan Gruber",
    "who's down for pizza after standup?",
    "anyone down for coffee? ☕",
    "the checkout error graph is so flat lol, love to see it",
    "we had 502s during the migration last year, should we plan the next one for a sunday?",
    "lol the alert name 'BookDropOverflow' is my favorite thing today",
    "welcome our new intern Sam, say hi 👋",
    "the library board loved the uptime chart 📈",
    "no rush, but what's the status of the new branch onboarding ticket?",
    'is "ILS" the same thing as the staff client or is it the backend? sorry, new here',
    "out sick today, Alex is covering",
    "can someone explain what holds_queue_oldest_unprocessed_seconds means? trying to learn the metrics",
  ])("talk: %s", (text) => {
    expect(run(`<@U05BDAOPS> ${text}`).decision).toBe("gate")
  })
})

describe("stop 18, round 12: French and Spanish everyday talk and an English hospital team", () => {
  it.each([
    "le back-office support affiche des commandes en double",
    "login back-office KO avec le SSO google",
    "l'appli livreur est HS depuis 10h",
    "le paiement plante à chaque commande",
    "el panel de pedidos muestra los pedidos duplicados",
    "el checkout está caído desde las 9",
    "la web de Madrid no funciona",
    "le dashboard entrepôt affiche des stocks vides alors qu'on a tout",
    "d'acc, mais le back-office ne charge plus rien",
    "tout est revenu ? non, le SSO est encore KO",
    "hypothèse de départ : le checkout est en panne depuis 10h",
    "le café de la machine du 3e est down, et le checkout est KO aussi",
    "faux positif ? non, les paiements échouent depuis 10h",
    "will update the ticket, checkout is still down",
  ])("report: %s", (text) => {
    expect(run(`<@U07CLBSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "d'acc",
    "ça roule 👌",
    "c'est noté chef",
    "de nada",
    "coucou tout le monde 👋",
    "¿comemos juntos hoy?",
    "quelqu'un veut un café ?",
    "feliz viernes 🍻",
    "gentil bot 🤖",
    "¿sigues vivo?",
    "t'es un robot ou une vraie personne ?",
    "¿hablas francés?",
    "est-ce que tu as accès aux dashboards de prod ?",
    "tout est rentré dans l'ordre 👍",
    "migration de la base terminée, RAS",
    "cerramos el incidente, ya se solucionó",
    "désolé, mauvais canal",
    "faux positif, l'entrepôt était fermé",
    "c'était moi, j'ai coupé le worker à la main",
    "on peut relever le seuil de l'alerte disque ? elle sonne pour rien la nuit",
    "je pars en congés vendredi, Lucía me remplace",
    "la rétro est décalée à 16h",
    "imaginons que Stripe tombe, on fait quoi ?",
    "la panne de mardi c'était le DNS, c'est documenté",
    "je teste juste le bot, rien de cassé",
    "félicitations à l'équipe, zéro downtime pendant les soldes",
    "c'est quoi la différence entre une alerte warning et critical ?",
    "happy pharmacy week! 💊",
    "joining the call now",
    "monitoring for a few more minutes before I close it",
    "who brought the donuts? there are 6 left",
    "the nightly billing export went through fine 👍",
    "CHG0099 approved by CAB, Saturday patching",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07CLBSRE> ${text}`).decision).toBe("gate")
  })

  it("a Sentry weekly report counting regressions is its history", () => {
    expect(
      run("Sentry weekly report for shop: 4 new issues, 2 regressions, 99.1% crash-free sessions").decision,
    ).toBe("gate")
  })
})

describe("stop 18 round 13: a closure word beating a report, and chatter let through (corpora 89–90)", () => {
  it.each([
    // A fine state as the contrast before "but": working is the fine state itself.
    "chat is working but read receipts are gone for everyone",
    "login is working but password reset emails never arrive",
    "the kiosk app is running but receipts are blank",
    "booking is up but confirmations are missing for EU users",
    // "no more X allowed/available/left": a limit reached, not a problem gone.
    "pgbouncer maxed out on payments, seeing 'no more connections allowed'",
    "build runners full, no more slots available, jobs are queuing",
    "vault pool exhausted: no more leases available",
    "db01 says no more space left on device",
    // A fix under way, or a Statuspage incident not yet Resolved, is still open.
    'Statuspage: Incident "Some users can\'t send messages" — Identified. A fix is being deployed.',
    'Statuspage: Incident "Login failures" — Monitoring. A fix has been deployed and we are monitoring.',
    'Statuspage: Incident "Card payments failing" — Investigating.',
    "checkout errors on iOS, a fix is being rolled out",
    // Decoys in the chatter shapes below: a real problem in the same shape.
    "the scanners are down again, not an IT thing I think but can someone check the POS too?",
    "the Watchdog alert stopped firing, is alertmanager down?",
    "error budget burn for chat is at 91% this month",
    "android 7.15.0 rolled out to 100%, crash-free at 91.2%",
    "latency is back under 300ms but checkout still fails",
  ])("alert: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "no more errors since the deploy",
    "no more timeouts after the fix",
    'Statuspage: Incident "Login failures" — Resolved. This incident has been resolved.',
    "it's working but thanks anyway",
    // Not IT's problem, said by the writer.
    "the gate was slow this morning because of a customs inspection, not an IT thing",
    "lol the coffee machine on 3 is down again, not an IT issue thankfully",
    "printer queue jammed because someone loaded A3 paper, nothing to do with IT 😅",
    // A metric's meaning asked, permission to tidy, a dashboard made.
    "what does 'Apdex' actually measure?",
    "quick q: what does MTTA stand for?",
    "is it ok to delete the old legacy-profiles mysql snapshots from 2021?",
    "can we remove the stale staging buckets from last year?",
    "made a grafana dashboard for video date quality: https://grafana.tandem.dev/d/vq/video-quality",
    "just built a kibana dashboard for courier ETAs: https://kibana.shipfast.io/app/dashboards#/view/eta",
    // An alert explained as firing by design, a duplicate closed.
    "reminder that the Watchdog alert always fires, it's a heartbeat, not a problem",
    "the DeadMansSwitch alarm is supposed to fire all the time, ignore it",
    "just FYI — I closed the duplicate incident in ServiceNow",
    "merged the dupe tickets for the kiosk outage into INC-2231",
    // Good readings told: a fixed thing back in bounds, budget left, release health, fewer pages.
    "latency on the tracking portal is back under 300ms since the index fix, nice",
    "p95 for search is back below 200ms after the cache change 🎉",
    "error budget for chat is at 91% this month, we can ship the new typing indicator",
    "android 7.15.0 rolled out to 100%, crash-free at 99.7%, nice",
    "ios 4.2 crash-free users 99.4%, rolling to everyone tomorrow",
    "this channel is way quieter since we fixed the alert routing 🙏",
    "the pager has been much calmer since the dedupe rule went in",
    // Bare acks.
    "bless",
    "fair",
    "fair enough",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("gate")
  })
})

describe("stop 18 round 14: a weak chatter reading beating a report, and chatter let through (corpora 91–92)", () => {
  it.each([
    // Data read as nothing, and the last good run dated: reports, whatever else the message says.
    "[backup-check] nightly mysqldump of orders-db is 0 bytes",
    "the payroll export for tomorrow came out empty",
    "demand forecast for next week is all zeros, buyers are panicking",
    "today's settlement file is blank again",
    "last successful sync was 26 hours ago",
    "last good snapshot 3 days ago on the billing volume",
    // "back office" / "front office" is a system, not the office.
    "the back office never loads the refund page",
    "back-office hangs when you open an order",
    "front office app spins forever on check-in",
    // A script's hyphenated check tag is no "plan -" heading.
    "[plan-check] shift plan for 2024-10-02 missing 2 rows - plan generation incomplete",
    "[roster-check] rota for next week missing 3 shifts",
    // Monitors' recoveries are alerts by policy: Nagios/Icinga, PRTG, Zabbix.
    "RECOVERY: Service 'Disk C:' on host mes-historian-01 is OK - 42 GB free (35%)",
    "RECOVERY: Host scada-gw-02 is UP",
    "PROBLEM: Service 'HTTP' on host shop-web-01 is CRITICAL - connection refused",
    "RECOVERY - mes-01/disk is OK",
    "[PRTG Network Monitor] Up: mes-01 Ping (Ping) 4 msec",
    "[PRTG] Down: HTTP sensor on shop-web",
    "Resolved: Free disk space is less than 20% on volume /data",
    "Resolved: High CPU utilization (over 90% for 5m)",
    // Decoys in the chatter shapes below: a real problem in the same shape.
    "Grafana: silence created for 'Shop POS heartbeat' until 06:00 by ops - POS is down in 40 shops",
    "Opsgenie: Schedule 'Logistics' — rotation failed to sync",
    "all venues scanning normally, card payments failing at gate 3",
    "cleaned up the historian disk, 92% used now",
    "error rate has been flat at 12% all week",
    "the new service is called ledger-v2 and it's returning 500s",
    "reminder: no deploys until the payment outage is fixed, checkout is down",
    "shared the incident report, checkout is still down",
  ])("alert: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "DLQ is empty 👌",
    "the staging export is empty, expected",
    "recovery: checkout is ok now",
    // Keyword-filter jokes.
    "lol the 'down' in 'countdown timer' keeps matching my keyword filter",
    "'fail' in 'failover drill' keeps tripping our regex alert haha",
    "the word 'crash' in 'crash course' set off my keyword filter lol",
    // A runbook edited for review, a report shared, monitoring set up, reading up before a shift.
    "updating the runbook for 'orders stuck in pending', please review when you can",
    "playbook for 'cold room temperature high' updated, have a look",
    "rewrote the runbook for 'SFTP upload failing' — feedback welcome",
    "shared the Q4 availability report in the drive, have a look",
    "posted the monthly incident summary in #ops-reports",
    "monitoring for the new Lisbon store is set up, tell me if you want extra checks",
    "health checks for the loyalty api are in place now",
    "can you post the runbook link for payment issues? want to read it before my first shift",
    "where are the dashboards for edi errors? I'd like to look at them before my first on-call",
    // The paging policy asked about a kind of case.
    "quick q: should I page for a single kiosk offline or just open a ticket?",
    "should we page on a single failed payout or just log a ticket?",
    // Tools' quiet posts: Opsgenie rotations, Grafana annotations and silences.
    "Opsgenie: Schedule 'Venue Hardware' — next on-call rotation starts Friday 18:00 (Luis M.)",
    "Opsgenie: Schedule 'Warehouse' - rotation changes Monday 06:00 (next on call: Aisha B.)",
    "Grafana: annotation 'Deploy ticket-api 3.9.1' added to dashboard 'Ticketing overview' by ci-bot",
    "Grafana: silence created for 'Shop POS heartbeat' (region=north-west) until 06:00 by ops - shop refits overnight",
    // Good readings: space made, a low error rate held, every site working.
    "disk cleanup on reporting-db-01 done, back to 45% used",
    "cleaned up the historian disk, 35% used now",
    "pruned the old docker images on ci-runner-3, down to 52% used",
    "error rate on click and collect has been flat at 0.1% all week 👌",
    "5xx rate stayed steady at 0.02% all weekend",
    "all venues scanning normally, queue times under 5 min",
    "all tills working normally 👍",
    // Team news and a change freeze recalled.
    "the new sourdough starter in Leeds is called Doughby, that's the big news today",
    "our new office plant has been named Kevin",
    "reminder: no deploys to plant systems during the Christmas peak (Dec 15 - Jan 2)",
    "psa: no releases until after the january stocktake",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("gate")
  })
})

describe("stop 18 round 15: a job far over its usual time, monitors' UP notices, things published with a placeholder, and chatter let through (corpora 93–94)", () => {
  it.each([
    // A job timed at three times its stated usual or more: a report, whatever "night" reads as.
    "the night batch for renewal notices has been running for 7 hours, normally takes 20 min",
    "nightly reconciliation took 3h, usually 15 min",
    "payroll sync has been going for 2 hours (normally done in 20 minutes)",
    "the export job has been at 90 minutes now, it usually runs in about 10 min",
    // Uptime monitors' UP/DOWN notices: alerts by policy, firing or recovered.
    "UP alert: status.example.io is up again at 07:31:40 CET, after 17m 38s of downtime.",
    "DOWN alert: checkout.example.io is down since 07:14:02 CET",
    "Better Stack: api.example.com is up again after 2h 3m 10s of downtime",
    // Published with a template's unfilled value, and a job of ours losing what it carries.
    "the new landing page went live with {{hero_title}} in the header",
    "our spring catalogue is live with 'undefined' as every price label",
    "the help center article went live with lorem ipsum in the intro",
    "release 4.2 shipped with 'undefined' in the checkout footer",
    "looks like the sync lost half the line items for march",
    "the importer is stripping the attachments from every ticket",
    "looks like our export dropped variables again",
    // Decoys in the chatter shapes below: a real problem in the same shape.
    "👍 saw the settlement report, numbers don't match the bank's",
    "we were down for 11 minutes during the migration and checkout is still failing",
    "fyi the 'error' banner on the permits page is showing for everyone, checkout is failing",
  ])("alert: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // Runs near or under their usual, a person's "site is up again", a drop that is meant.
    "the night batch ran in 15 min, normally takes 2 hours",
    "our site is up again after 20 min of downtime, phew",
    "the migration drops the legacy columns, as planned",
    "the landing page went live with the new hero image 🎉",
    // Documents shared, reports checked and right.
    "sharing the capacity forecast for the summer season: https://docs.example.com/capacity",
    "here's the migration plan for the january peak: https://docs.example.com/plan",
    "👍 saw the settlement report, numbers match",
    "checked the payout run report, totals add up",
    // A deploy's timing asked, no rollback needed, a planned downtime told after it.
    "is it ok to deploy the portal hotfix now or should I wait for the freeze to lift?",
    "can we ship the pricing fix during lunch or should we wait until the freeze ends?",
    "rolling back wasn't needed, the canary looked clean",
    "no rollback needed, canary looked clean",
    "we didn't need to roll back, metrics held",
    "we were down for 11 minutes on friday, not bad for a full DB migration",
    "we were down 9 minutes during the db upgrade, well within the window",
    // Where telemetry goes, a threshold's value, a quoted warning meant, a runbook wanted.
    "quick q — where do the pay station logs end up, cloudwatch or loki?",
    "do the connector logs go to loki or datadog?",
    "is the latency alert threshold for citation-api 1.5s or 2s? updating the wiki",
    "is the p99 timeout for search 800ms or 1s?",
    "fyi the 'error' banner on the permits page is intentional, it's the holiday closure notice",
    "the 'payment failed' toasts in the demo shop are on purpose, sales uses them",
    "we should really write a runbook for the 'webhook signature invalid' alert before it fires for real",
    // An alert's timing discussed, a quote of the day, an expected alert to ack, bless.
    "I think the backlog alert should fire earlier, 20 min is too long. let's talk in planning",
    "the disk check should trigger later imo, it's noisy at 70%",
    "translation of the day: 'the server is down' → 'el servidor está abajo' (please never again)",
    "if the license server check fires tonight just ack it, IT is swapping the box tomorrow",
    "if the nas alert goes off over the weekend just silence it, facilities are moving it",
    "bless you bot",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07TNDM4X9B> ${text}`).decision).toBe("gate")
  })
})

describe("stop 19, round 16: an inability before a done word, Portuguese and Hinglish talk", () => {
  it.each([
    // An inability governing the verb whose complement is the done word: nothing got done.
    "vans are showing 'sync failed' on the driver app, they can't mark deliveries done",
    "drivers cannot mark orders done",
    "the app won't let me mark tasks complete",
    "users are unable to get payments completed",
    "riders can't mark their trips as finished",
    "impossible to get refunds completed since the update",
    "couldn't get the nightly build finished, it dies at the link step",
    // Portuguese and Hinglish reports keep their evidence.
    "o checkout está fora do ar",
    "login nahi ho raha",
    "site down hai kya?",
    "pagamento falhando desde 10h",
    "o deploy correu bem mas o pix está com erro",
    "sab theek hai but checkout latency is 4s",
    "tudo certo? o app não abre aqui",
    "happy holi everyone, checkout is down",
    // A talk frame's shape with a problem now.
    "we should add an alert for disk full on the nas, it's down right now",
    "'it's always DNS' — me, debugging checkout which is down right now",
    "On-call update: payments primary is now Ana (was Raj), checkout is down btw",
    "my tomato plant is down bad but checkout is down too",
    "what happens if a CloudWatch alarm fires? checkout is down right now",
  ])("report: %s", (text) => {
    expect(run(`<@U05GRW7BOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "can't believe it's finally done 🎉",
    "couldn't have done it without you",
    "can't wait to see it live",
    "we finally got payments completed",
    // Portuguese and Hinglish acks, thanks, greetings and small talk.
    "vlw",
    "blz",
    "beleza",
    "show de bola",
    "tmj",
    "obrigada!",
    "bom dia pessoal",
    "shukriya 🙏",
    "dhanyavaad",
    "theek hai",
    "accha ji",
    "kaise ho?",
    "namaste 🙏",
    "happy diwali everyone 🪔",
    "eid mubarak sab ko",
    "chai break ☕",
    "sending you a cookie 🍪",
    // All fine, no error, in Portuguese and Hinglish; a review asked.
    "o deploy de ontem correu bem, nenhum erro até agora",
    "a migração rodou liso, sem alertas",
    "sab theek chal raha hai, koi issue nahi hai",
    "fix ho gaya, koi error nahi",
    "alguém pode revisar meu PR do alerta de temperatura? não tem nada quebrado, é só ajuste de threshold",
    // English: a monitoring wish, a joke quoted on oneself, a hand-over, treats, good health.
    "we should add an alert for reservoir pH drift, right now we only see it in the dashboard",
    "we need to add monitoring for queue lag, we only notice it when customers complain",
    "'it's always DNS' — me, after 3 hours debugging something that was not DNS 😅",
    '"just a quick fix" - me, before breaking staging for a day',
    "On-call update: Farm Infra primary is now Yusuf A. (was Lotte V.) until Mon 09:00 CET",
    "who brought the stroopwafels? 🧇",
    "who baked the brownies?",
    "crash-free sessions on the harvest app are back above 99.5% after last week's fix 🙌",
    "crash-free users on android are at 99.8% this week",
    "my tomato plant at home is down bad, need an on-call botanist 🍅",
    "the customs-docs timeout we saw in October — was that the SEFAZ side or ours? writing the quarterly review",
    "the payment timeouts we saw in March — was that stripe or us? writing the quarterly review",
    "what happens if a CloudWatch alarm fires while the portal is in a maintenance window? just curious",
    "does a CloudWatch alarm page us when it goes to INSUFFICIENT_DATA? asking for the runbook",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05GRW7BOT> ${text}`).decision).toBe("gate")
  })

  it("Alertmanager's Watchdog under its own title is a heartbeat, unless said missing", () => {
    const watchdog =
      "<@U05GRW7BOT> Watchdog\n[FIRING:1] Watchdog\nThis is an alert meant to ensure that the entire alerting pipeline is functional. This alert is always firing."
    expect(run(watchdog).decision).toBe("gate")
    expect(run("<@U05GRW7BOT> Watchdog\n[FIRING:1] Watchdog\nWatchdog not received for 20m").decision).toBe(
      "investigate",
    )
    expect(run("<@U05GRW7BOT> Watchdog\n[FIRING:2] Watchdog, KubeNodeNotReady").decision).toBe("investigate")
    expect(run("<@U05GRW7BOT> CloudWatch alarm rds-orders-FreeStorage changed state to ALARM").decision).toBe(
      "investigate",
    )
  })
})

describe("stop 19, round 17: hard alerts under a chatty frame (corpus 97, two of 99)", () => {
  it.each([
    // A fun fact or TIL over a screen the writer says is wrong.
    "fun fact: the resort app now shows a lift queue of 9999 minutes at Chair 4. it is not that busy, I'm standing there",
    "fun fact: the pharmacy stock page shows 99999 units of insulin, we have maybe 40",
    "TIL the fleet dashboard shows truck 12 driving at 900 km/h. it isn't moving, it's parked in the yard",
    "fun fact, the thermostat panel reads -40°C in the server room. it is definitely not that cold",
    // A reminder of a past cause, the problem back now.
    "reminder that last time the snowmaking controller went quiet it was the VPN — it's quiet again now at Nordkamm",
    "reminder: last time the payment terminals froze it was the DHCP lease, they're frozen again now in store 7",
    "heads up, last time the label printer went offline it was the print server. it's offline again",
    // A greeting opening a report: slowness timed each, a queue huge now.
    "hi team, happy Friday 🎿 — gate scans at Chair 5 are taking like 6 seconds each, queue is huge",
    "hey everyone, happy monday! card payments at the bar are taking ~10 seconds each, the line is massive",
    "hi all, happy friday — the kiosk login is taking 2 minutes, queue is insane",
    "good morning all ☀️ the checkout page is taking about 20 seconds to load",
    // A tool's automatic rollback after its own failed change.
    "Flux: Kustomization `skischool/lesson-booking` reconciliation failed — HelmRelease upgrade timed out after 5m0s, rolled back",
    "Helm upgrade failed for release payments-api: timed out waiting for the condition, rolled back to revision 41",
    "ECS service orders-web: deployment failed, rolling back to task definition 17",
    "HelmRelease billing/invoice-api upgrade failed: context deadline exceeded — rolled back",
    "CodeDeploy: Deployment d-8XK2 failed, automatic rollback initiated",
    // A change nobody owns on an account, a key, a role, a rule, a record.
    "someone created an IAM user called 'support2' at 3am, nobody on the team did that",
    "there's a new API key on the Stripe account created last night, none of us did that",
    "the security group sg-0a12 got port 22 opened to 0.0.0.0/0, wasn't us",
    "somebody deleted the DNS record for shop.example.com, who did this?",
    // A cost or a count at a multiple of its normal; running wild is no recovery.
    "AWS bill for today is already 3x a normal day, something's running wild",
    "lambda invocations 3× a normal day, a function is running hot",
    "twilio SMS count is 10x the usual for a tuesday, something is running away",
    "our log volume is 5x a normal day and climbing",
    // An error code shown on a host.
    "screenshot from the rental desk: big red 'ERR_CONNECTION_REFUSED' on fitting.cimaroc.internal",
    "the front desk PC shows ECONNREFUSED when opening booking.resort.internal",
    "kiosk at door 2 says NXDOMAIN for menu.cafe.com",
    "the check-in tablet shows ERR_NAME_NOT_RESOLVED on checkin.hotel.internal",
    // A past incident followed up, or a closure followed by a new thing, that stopped minutes ago.
    "following up on last night's incident: the ingest rate dropped again 5 min ago, same pattern",
    "re last night's incident — the queue is growing again right now",
    "ok the lag is gone 👍 new thing though: ranger app push notifications stopped on iOS about 10 min ago",
    "lag is fixed, thanks! another issue: the map tiles stopped loading 5 minutes ago",
    "the printer is back up. separately, badge scans stopped working at the south door 10 min ago",
    "ok checkout is fine now. the receipt emails went silent about 20 min ago",
  ])("report: %s", (text) => {
    expect(run(`<@U05GRW7BOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "fun fact: the resort app now shows live lift queues at every chair",
    "fun fact: our app has been downloaded 9999 times this season",
    "fun fact: the first version of the booking site was written in a weekend",
    "reminder that last time the snowmaking controller went quiet it was the VPN, so check that first if it happens",
    "reminder: last time the payment terminals froze it was the DHCP lease, worth knowing",
    "reminder: chair 4 is open again from monday",
    "friendly reminder that the lift app is live again for the season",
    "hi team, happy Friday 🎿 have a great weekend everyone",
    "hey everyone, happy monday! the queue for the new ski passes was huge on saturday, great job",
    "we rolled back the helm release, errors are gone",
    "rolled back the checkout deploy, 5xx back to normal",
    "the upgrade failed earlier but we rolled back and everything is healthy now",
    "someone created an IAM user for the new contractor, Ana did that yesterday",
    "who did this amazing dashboard? love it",
    "what does ERR_CONNECTION_REFUSED mean in chrome?",
    "docs for fitting.cimaroc.internal are on the wiki",
    "following up on last night's incident: postmortem draft is in the doc, please review",
    "following up on last night's incident, thanks everyone for jumping in",
    "ok the lag is gone 👍 new thing though: we got a new coffee machine",
    "lag is fixed, thanks! another thing: standup moves to 10:00 tomorrow",
    "the errors stopped about 10 min ago, looks like the fix worked",
    "alerts dropped again 5 min ago, all quiet now",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05GRW7BOT> ${text}`).decision).toBe("gate")
  })
})

describe("a team talking with the bot (stop 19 round 18, corpora 98–99)", () => {
  it.each([
    "wrong cause, it's still failing",
    "wrong cause, it was the CDN but checkout is still timing out",
    "not the database, it was the cache, and it's down again",
    "you never sleep huh, but checkout is down right now",
    "remember the tile server outage in March? it's down again",
    "remember when the tile server was down for 6 hours? it's down again right now",
    "the cert was renewed yesterday but the warning is still firing",
    "is it normal that the DLQ has 3k messages?",
    "if you see TargetDown it's NOT me, nobody is migrating",
    "smooth shift so far except checkout 502s since 10 min",
    "marking the incident as resolved, but ranger alerts are still not flowing",
    "adding you to #payments, checkout is failing right now",
    "why does the decoder alert fire on CRC and not on null island fixes? the decoder is failing right now",
    "the map shows every truck in the ocean, pretty cool bug",
    "signups are 3x a normal day after the campaign 🎉 but the signup api is timing out",
    "TIL ECONNREFUSED means nothing is listening on that port, and checkout is getting it right now",
    "we decided to roll back but the rollback is failing",
    "the cameras went offline, known issue? nobody told us, need help",
    "the warning you saw earlier should be stale now but it keeps firing",
    "is the portal down for maintenance right now? customers can't log in",
    "Monitor is DOWN: checkout (https://shop.example.com). It was down for 5 minutes",
  ])("report: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "wrong cause, it was the CDN",
    "wrong root cause, it was a bad deploy",
    "bot, wrong guess: it was the firewall change",
    "nope, not the database, it was the cache",
    "you never sleep huh",
    "you always take breaks? lol",
    "the bot beat pagerduty by 2 minutes 😂",
    "wow the bot was faster than the pager again",
    "good bot",
    "please summarise yesterday's incident for the weekly notes",
    "can you recap last week's incidents for the ops review?",
    "sum up friday's outage for me please",
    "fyi nothing is broken, I'm just adding you to #grant-billing so you see future alerts",
    "adding you to #payments-alerts, no action needed",
    "just invited you to the warehouse channel so you see their pages",
    "can you add the new sip-gw-4 to your watch list? it's not live yet",
    "please add the new eu-west bucket to your monitoring",
    "why does the decoder alert fire on CRC and not on null island fixes?",
    "why does the disk alert fire at 80% and not at 90%?",
    "remember when the tile server was down for 6 hours in March? good times 🙃",
    "who remembers the day the whole DNS went away for a weekend? never again",
    "we decided: no more Sunday deploys after the OTA fiasco",
    "the team agreed to freeze deploys on Fridays from now on",
    "okay we decided that we'll rotate on-call weekly",
    "marking the incident as resolved, ranger alerts flowing again",
    "closing the ticket as fixed, payments are back to normal",
    "if you see 'TargetDown' for geofence in the next hour it's me doing the migration",
    "heads up, if you see 5xx on staging it's just me running a load test",
    "the wild dogs went offline because they're out of coverage, known, no action",
    "the north gate camera is dark because of the roadworks, expected, no action needed",
    "the cert was renewed yesterday, the warning you saw earlier should be stale now",
    "DNS is fixed, the alert you posted this morning should be gone",
    "is it normal that the DLQ has 2 messages? they're the poison-pill test ones I added",
    "the queue has 3 orders in it, those are just the dummy test orders we created",
    "is the portal down for maintenance tonight or next week? just planning",
    "smooth shift so far",
    "quiet night so far 🙏",
    "go team",
    "great job, everyone!",
    "just saw a lion kill on the live tracks, this job is wild",
    "my job is so cool",
    "field team says the elephants crossed the river today, pretty cool track on the portal",
    "the new map shows every truck live, pretty neat",
    "signups are 3x a normal day after the campaign 🎉",
    "orders are up 40% after the launch 🚀",
    "TIL ECONNREFUSED means nothing is listening on that port",
    "today I learned that a 499 means the client closed the connection",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("gate")
  })
})

describe("a laundromat night shift (stop 19 round 19, corpora 100–101)", () => {
  it.each([
    'Incident created on status.spincycle.io: "Delayed machine starts in Portugal" — Status: Identified',
    'New incident on status.acme.com: "Checkout errors in EU" — Status: Investigating',
    'Instatus: New incident "Payments degraded" – Investigating',
    'Better Stack status page: incident "API latency" created — Status: Monitoring',
    'status.lockerly.io — Degraded performance: "Slow locker unlocks in Austin"',
    'status.example.com: Partial outage — "Card payments failing in UK"',
    "driver says AUS-0412 stuck open, cant close it remotely",
    "the locker is jammed, unable to close the door from the app",
    "ticket INC-442 won't close, the form errors out",
    "we couldn't resolve it, payments still failing",
    "cannot close the incident, the button is greyed out and the alert keeps firing",
    "something's up w pricing svc, quotes coming back $0",
    "something is up with the checkout totals, everything coming back negative",
    "sth up w billing, invoices coming back NaN",
    "what's up with the pricing api? totals coming back undefined",
    "prices coming back €0 on the web shop",
    "quotes coming back 0.00 for every store",
    "refunds returning negative amounts in the admin",
    "checkout is solid red on the dashboard, 500s everywhere",
    "going to bed but the payments queue is still backing up",
    "anyway, the login page is down again",
    "bot pls check why orders are failing",
    "receipt printers stopped printing, pls help",
    "the site was down for 20 minutes, anyone know why?",
    "anyone down for a look? payments API is down for all EU users",
    "checkout down for everyone",
    "Opsgenie alert: P1 payments-api down — schedule 'payments-oncall' notified",
    "last week's dryer outage is back, dryers failing again in Porto",
    "we switched SSO to Okta and now nobody can log in again, login is failing",
    "Lisbon store reopened after the renovation but half the machines are offline",
    "the alert from earlier was a flapping probe, nothing was actually broken, but now checkout is down",
    "jk, it's fine, but actually checkout is down right now",
    "handing off on-call to maya, the payments alert is still firing, keep an eye on it",
    "the latency dashboards look nicer after Kai's redesign but p99 is still at 4s",
  ])("report: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    'Scheduled maintenance on status.spincycle.io: "Database upgrade" — Sat 02:00–03:00 UTC',
    'status.acme.com: Scheduled maintenance "Network upgrade" starts Sunday 01:00',
    "all good now, closing the ticket",
    "we can close the incident",
    "incident INC-4471 closed",
    "what's up team",
    "sup",
    "the site is up again",
    "everything's up and running",
    "prices are back to normal after the sale",
    "solid",
    "gnight",
    "g'night all",
    "anyway",
    "who needs sleep anyway",
    "bot pls",
    "what can u even do",
    "ok going to bed for real this time",
    "off to bed, night all",
    "hey bot, please",
    "anyone down for foosball after standup?",
    "down bad for a burrito rn",
    "who's down for pizza tonight",
    "y'all down for ping pong at 4?",
    "lowkey down bad for tacos",
    "Opsgenie schedule 'sudsy-primary' updated: Priya added as override Sat 00:00–08:00",
    'Opsgenie: schedule "payments-oncall" changed — Tom added as override Sun 08:00–20:00',
    "was last week's dryer outage the firmware or the broker? writing the RCA now",
    "yesterday's checkout incident — was it the cache or the db? drafting the postmortem now",
    "heads up: Grafana SSO switched to Okta, you may need to log in again",
    "fyi we migrated the VPN to the new gateway, you'll need to sign in again",
    "the latency dashboards look way nicer after Kai's redesign",
    "a customer in Porto called support just to say the new app is way faster 😊",
    "a driver emailed just to thank us for the new route planner",
    "Lisbon store reopened after the renovation, all 24 machines online ✅",
    "the Austin site is back open after the move, lockers all green",
    "fyi for the runbook: 'cmd ack timeout' at 3am is usually the store router doing its nightly reboot",
    "for the wiki: 'heartbeat missed' on sunday nights is normally the ISP maintenance",
    "the alert from earlier was a flapping probe, nothing was actually broken",
    "that page at 2am was a false positive, nothing was down",
    "that 'site down' zendesk ticket was a customer on ie11 lmao. closed",
    'the "app crashes" complaint was a user on a jailbroken phone',
    "error budget for store-portal is still at 92% this month 🎉",
    "error budget at 87% remaining for the quarter!",
    "how long is Sentry retention for spin-mobile?",
    "what's the log retention on loki?",
    "who broke prod? jk nobody, it's fine, just wanted to see ur reaction",
    "handing off on-call to maya, quiet night, 1 flaky heartbeat alert that cleared itself, nothing else",
    "handing over the pager to sam, all good, nothing to report",
    "the error dashboards are way cleaner after the revamp",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("gate")
  })
})

describe("a hearing-aid clinic and an aligner plant (stop 19 round 20, corpora 102–103)", () => {
  it.each([
    // A cost or a count that blew up, whatever period it is measured over ("this month" is no plan).
    "our datadog bill estimate for this month is 2x — custom metrics count exploded after the telemetry change, cardinality looks out of control",
    "AWS bill for october is already 3x what we budgeted, NAT egress charges exploded",
    "log ingest volume doubled overnight after the debug flag went out",
    "our prometheus series count is out of control since the new label, 4M active series",
    "cloudwatch costs spiked this week, looks like a runaway lambda",
    "our datadog bill is 2x normal and still climbing",
    // A monitor's report: a bracketed tag, devices in an upper-case fault state, a fleet share on a code.
    "[plant-watch] Monterrey: 9/24 printers reporting RESIN_LOW, 3 printers in ERROR state since 04:10",
    "[line-monitor] Plant 2: 4/12 fillers reporting LOW_PRESSURE",
    "[kiosk-watch] Lisbon: 2 kiosks in OFFLINE state since 03:00",
    "scanner-07 in FAULT state, belt stopped",
    // An error budget burning, low or gone.
    "error budget for store-portal is burning fast, down to 12%",
    "burn rate 14x on checkout-api slo",
    "error budget for search exhausted, 0% left",
    "the error budget for payments is down to 8% and it's only the 10th",
    // Decoys: a problem beside the chatter frames below.
    "wrote a blog post about the outage but checkout is still failing for EU users",
    "the status dashboard is live but every tile shows OFFLINE and the kiosks are running",
    "handing over on-call to @diego, the synthetics are still firing on eu-west",
    '"down" as in the API is actually down, not the café',
    "is the freeze why deploys are failing? pipeline red since 9:00",
    "remember when checkout went down last year? it's down again right now",
    "do we page for sev3? because search has been down for 20 min",
    "sev2: clinic portal degraded, appointments failing for 30% of users",
    "p1 = checkout down for everyone right now, p2 later",
  ])("alert: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "error budget still at 92% 🎉",
    "the printer on 3 is jammed again lol",
    "the printer in ERROR state again lol",
    "signups doubled this month 🎉",
    // A write-up of a past improvement shared.
    "wrote a blog post about how we cut firmware OTA latency by half: https://engineering.earwave.health/ota-cdn",
    "published a write-up on how we halved checkout p99 last quarter: https://blog.example.com/p99",
    "finished the case study about how we cut kiosk crashes by 80%, link in the doc",
    // A dashboard announced live.
    "the data quality dashboard for audiograms is live, have a look: https://grafana.earwave.internal/d/dq/audiogram-quality",
    "the new capacity dashboard for the warehouse is live, take a look: https://grafana.example.internal/d/cap",
    "our SLO board for the mobile app is up, feedback welcome",
    // A hand-off with nothing open, a watched thing not firing.
    "handing over on-call to @diego, nothing open, two flaky synthetics to keep an eye on but they're not firing",
    "handing over the pager to sam, no open incidents, one noisy disk alert to watch but it's not firing",
    // A word's other sense, said at once.
    'lol "down" — as in I\'m going down to the café, anyone want something?',
    "'outage' — as in the power outage at my flat, I'll be on mobile data today",
    '"crashing" as in crashing on the sofa after this week 😴',
    // A freeze's scope asked.
    "is the freeze also covering the plant controllers or just the cloud stuff?",
    "does the deploy freeze apply to the data pipelines too?",
    "is the code freeze also for hotfixes or only features?",
    // An old incident remembered fondly.
    "remember when the laser marker engraved a whole batch in Comic Sans? still my favourite incident",
    "anyone remember the time the kiosk printed every receipt in Klingon? all-time favourite outage",
    // A change request waiting for approval.
    "change request for rotating the UPS API key is up: CHG-2304, needs one more approver from plant ops",
    "CHG-5512 for the firewall rule cleanup needs two approvers before friday",
    "change request to bump the ingress timeouts is pending approval from the CAB",
    // When to page for a severity, asked.
    "do we page for sev3 at night or just open a ticket? new folks keep asking",
    "should we page for p3 on weekends or just ticket it?",
    "do we wake someone up for sev2 at night or wait until morning?",
    // Severity levels defined or pinned.
    "sev levels cheat sheet is pinned in #incidents now: sev2 = clinic-facing degradation, sev3 = internal only",
    "p1 = customer-facing outage, p2 = degraded, p3 = internal only — pinned in #ops",
    "severity matrix is pinned in #incidents now",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05WLDSRE> ${text}`).decision).toBe("gate")
  })
})

describe("a sheet-music publisher and a rhythm-game Discord (stop 19 round 21, corpora 104–105)", () => {
  it.each([
    // "last week" as the baseline of a comparison, not the event's time.
    "Issue escalating in checkout-service: stripe.error.CardError: Your card was declined — events up 800% vs last week",
    "Escalating issue in billing-api: TimeoutError: upstream timed out, 40x more events compared to last week",
    "Regression in search-web: TypeError: cannot read properties of undefined — up 300% versus last month",
    "New issue in cart: KeyError 'sku' — events up 5x over last week",
    "the api errors are way higher than last week, checkout failing for some users",
    "checkout declines up 800% vs last week",
    // Excitement words before wrong data are no praise.
    "pog the leaderboard is showing negative scores for everyone 💀 top player has -2147483648",
    "pog the leaderboard is showing negative scores for everyone",
    "sheesh my score says 2147483647 after one song",
    "poggers every player's accuracy is NaN now",
    "lets gooo everyone has 0 points on the season board lol",
    // Decoys of the gaming talk below: a problem in the present.
    "!leaderboard is down, returns 500 for everyone",
    "reacted with :thumbsup: but the payout is still failing",
    "anyone up for a lobby? matchmaking is down though",
    "new charts dropped but they crash the client on load",
    "in hindsight the 502s on tuesday were just the ALB draining, and they're back again now",
    "the alert called 'DiskFull' is firing right now",
    "keybinds reset every time i restart the client",
    "I thought it was fixed but it's still down",
  ])("alert: %s", (text) => {
    expect(run(`<@U07BFRGBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // The past anchor still holds outside a comparison.
    "we had an outage last week, root cause was the cert",
    "postmortem for last week's outage is up",
    // Slang and emotes as the whole message.
    "pog",
    "sheesh",
    "kekw",
    "owo",
    "o7",
    "skill issue",
    "top notch work on the leaderboard",
    "top player this week is insane, pog",
    // A bot command typed, ours or not, spelt right or not.
    "!leaderbaord top10",
    "!hlep",
    "/stauts",
    "/queue join",
    // A reaction typed as text.
    "reacted with :thumbsup:",
    "*reacts with 🫡*",
    "reacted with :eyes:",
    // An invitation to play.
    "anyone up for a 4k lobby later?",
    "anybody down for ranked tonight?",
    // New content hyped.
    "new sakura cup charts dropped, they're insane",
    "anyone tried the new practice-mode feature? it's fun",
    "the new winter season pack is out, it's so fun",
    // A remark on the bot or a game asked of it.
    "lowkey this bot is faster than the mods",
    "does the bot also do memes or just servers",
    "bot, rate my replay 1-10",
    "can the bot also tell jokes",
    // A how-to said to be no fault.
    "how do I link my discord account? (not broken, just can't find the button)",
    "not a bug, just asking where the export button went",
    // An SLO's value asked or drafted.
    "quick q: is the p99 latency SLO 300ms or 500ms for chart-search?",
    "I'm drafting the Q3 SLO doc, target for score-render availability 99.9% — thoughts?",
    "is the checkout SLO 99.9 or 99.95?",
    // An alert's look asked for the runbook; hindsight on a past error.
    "what would the alert look like if the anticheat backlog grew? want to add it to the runbook",
    "what would the page look like if the queue backed up? for the runbook",
    "in hindsight the 502s on Tuesday were just the ALB draining during the deploy",
    "in retrospect the timeouts last week were just the cron overlap",
    // A name that holds an error; a key called "down"; a problem only thought.
    "i made a chart called 'Error 502' lmao, it's all 5s and 0s",
    "my playlist is named 'FATAL ERROR' lol",
    "the 'down' arrow key binding is kinda weird in the new layout, anyone else remap it?",
    "lol I thought the leaderboard was broken but I was just on the unranked tab 🤦",
    "I thought the API was down but I was on the VPN lol",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07BFRGBOT> ${text}`).decision).toBe("gate")
  })
})

describe("remote telescopes and a bike share in British and Australian English (stop 19 round 22, corpora 106–107)", () => {
  it.each([
    // A thing that keeps losing or dropping something is a live report; "X is fine so probably
    // not X" rules out one cause, it is no all-clear.
    "guider keeps losing the star on T11, seeing is fine so probably not weather",
    "mount keeps losing alignment on scope 3, dome is fine",
    "the app keeps dropping my session, wifi is fine so probably not my end",
    "the tracker keeps dropping the satellite, network looks fine",
    "kiosk 4 keeps rebooting, power is fine",
    // None done: "no <thing> <done word>", "nothing released".
    'customer email: "tried to hire a bike at Roundhay, app took my money but no bike released" — there are 5 of these now',
    "paid for a locker but nothing released",
    "app charged me, no scooter unlocked",
    "no parcels delivered since 9am",
    // Decoys of the chatter below: the same shape with a problem in it.
    "the server room is stinking hot, 36 degrees",
    "the outage in the news today is AWS, and we're affected - checkout down",
    "the docks showing offline are the ones we pulled out, but dock 14 is also offline",
    "last month we had 4 sev2s, this month 9",
    "errors are heaps worse since the deploy",
    "checkout is miles slower since 2pm",
    "[nightly-sync] station catalogue sync failed: 0 stations. ERROR",
    "[nightly-sync] station catalogue synced: 0 stations, 412 removed. OK",
    'Opsgenie: [P1] dock-api down — on-call schedule "SRE AU"',
  ])("alert: %s", (text) => {
    expect(run(`<@U07PDLSRE1> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // Slang and small talk as the whole message.
    "righto",
    "too easy",
    "you beauty",
    "arvo all",
    "hiya all",
    "no dramas",
    "sweet as, cheers",
    "chuffed",
    "bit quiet today innit",
    "footy tonight?",
    "clear skies tonight!",
    // The weather where the writer is; rain told in British idiom.
    "stinking hot in Brisbane, 36 degrees",
    "freezing in Leeds this morning",
    "so humid in Sydney today",
    "it's bucketing down in Manchester, no one's riding today haha",
    // A metric praised, in any adverb.
    "the latency on the rider bff looks heaps better since the cache change, nice work everyone",
    // Someone else's outage; a status explained as known work; a good month told.
    "the outage in the news today is some other company's CDN, we're not affected",
    "no drama, the Leeds docks showing offline are the ones we pulled out for the street works",
    "last month we had 4 sev2s, this month zero. chuffed",
    // A cosmetic snag handed on; a nuisance said to be no bug.
    "the down arrow icon in the UI looks weird on dark mode, not urgent, design will pick it up",
    "the moon is ruining everyone's sessions again 🌕 (not a bug)",
    // A process question asked for a doc.
    "if dome-07 ever reports open during rain again, what's our escalation path? writing it up now",
    "what dashboards do you check first when someone reports slow unlocks? asking for the onboarding doc",
    "how do we fail over the payments db? writing it up for the runbook",
    // Tools' posts about no monitored condition.
    'Opsgenie: Your on-call schedule "SRE AU" changes in 1 hour — next: Mick Tran',
    "[nightly-sync] station catalogue synced from council open data: 412 stations, 3 added, 0 removed. OK",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07PDLSRE1> ${text}`).decision).toBe("gate")
  })
})

describe("polite asks to look at a system (stop 19 round 23, corpora 108–109)", () => {
  it.each([
    // A courtesy ("if you have a moment", "when you get a sec") is no supposition; a glance,
    // a peek or "would you mind checking" is a look asked for.
    "if you have a moment, could you check whether card payments at the meters are ok? got two calls from downtown",
    "sorry to bother — would you mind glancing at the permit portal when you get a sec? a couple of residents said renewals just spin",
    "if you have a minute, would you mind checking the loyalty app? a few customers said points aren't showing",
    "if you get a chance could you take a look at whether the kiosk printers are ok? front desk called twice",
    "sorry to bug you, could you peek at the booking site when you have a sec? two guests said checkout just spins",
    "if possible, could you glance at the payroll export? HR says it looks short",
    // Decoys of the chatter below: the same words about a system.
    "could you check the weather station feed? it stopped updating",
    "would you mind checking the time sync on the meters? they're 10 minutes off",
  ])("alert: %s", (text) => {
    expect(run(`<@U07PARKBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // Questions about the bot, or about no system, stay chatter.
    "could you check the weather?",
    "can you check your own uptime lol",
    "would you mind telling me what you can do?",
    "could you check in on the team later? jk",
    "if you have a moment, could you tell me a joke?",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07PARKBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 20, round 24: a restart in vain, things made twice, asides (corpora 110–112)", () => {
  it.each([
    // A restart or reboot the next words say did nothing: the problem is still live.
    "kiosk in Melbourne frozen on 'loading appointments', restarted it twice, same thing",
    "printer offline at the Hobart branch, power cycled it twice, no change",
    "app frozen on splash, restarted it 3 times, still the same",
    "kiosk frozen, restarted, didn't help",
    "the tablet hangs on sync, tried a restart, nothing changed",
    // Things made twice, duplicates created, double charges: wrong behaviour, not a release.
    "many duplicate tasks created for same grave, caretakers go there twice",
    "the sync created 40 duplicate members overnight",
    "orders get created twice when you tap pay",
    "customers were charged twice for one order",
    // Decoys of the asides below: the same shapes with a problem in the present.
    "the fix PR is up for review but checkout is still failing",
    "the DLQ is empty now but orders are still stuck",
    "error rate on deposits is 12%, not normal for a sunday",
    "traffic from Germany is basically zero since 01:00. normal for a Saturday night?",
    "the 500s were on my side? no, checkout is still 500ing for everyone",
    "0 new issues so far but the app is crashing on launch",
    "heading down to the server room, the core switch is down",
    "lesson learned yesterday: the api is down again right now",
    "the DLQ is full",
    "this ^ checkout is down",
    "i take this one, payments are failing since 9",
    "confirmed working on my end but customers still get 500s",
  ])("alert: %s", (text) => {
    expect(run(`<@U05LIBSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // A restart that worked, a duplicate-finding tool, duplicates cleaned up.
    "kiosk was frozen, restarted it and it's fine now",
    "restarted the kiosk twice, works now",
    "we created a duplicate-detection job for the member list, it's live",
    "duplicate tasks cleaned up, thanks",
    // Small talk, agreement, a task taken, a check from the writer's end.
    "still there?",
    "almost weekend",
    "long day huh",
    "this ^",
    "^ this",
    "bot go brrr",
    "i take this one",
    "confirmed working on my end",
    "works on my end now",
    // A review asked; a fall praised; a failure queue emptied.
    "error handling PR for ill-sync is up for review if anyone has a minute",
    "Renovate opened a PR bumping the stripe SDK, can someone review?",
    "Q3 incident count was down 40% vs Q2 🎉 nice job everyone",
    "ticket count dropped 25% this sprint, great work",
    "nice, the DLQ is empty now",
    "retry queue is back to zero",
    // A past incident's lesson; a question about a number given earlier.
    "we had a 'connection refused' storm last month when the VPC peering expired — worth adding to the onboarding doc imo",
    "the outage last spring taught us to keep spare gateways, good to remember for budget talks",
    "yesterday api was down 20 min because of expired cert, lesson learned haha",
    "you said booking-api p99 hit 4s yesterday, was that the peak or just when you sampled it?",
    // A level normal for the time; the writer's own mistake; the bot's judgement asked.
    "error rate on deposits is 0.2%, totally normal for a sunday",
    "p99 at 900ms, which is normal for month-end",
    "error was on my side, wrong vpn profile, sorry",
    "the 401s were my fault, old token",
    "how you decide what is alert and what not?",
    "how do you decide what's an alert?",
    // None counted new; the writer's whereabouts; a quiet shift.
    "Release 3.9.0 of caretaker-app-ios created. 0 new issues so far",
    "no new errors since the deploy 🎉",
    "heading down to the basement server room to label cables, back in 20",
    "popping out for lunch, back in 30",
    "quiet night, nothing fired",
    "calm shift, no pages",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05LIBSRE> ${text}`).decision).toBe("gate")
  })
})

describe("stop 20, round 24: a check confirmed, a dashboard change, a word's meaning (corpora 109–110)", () => {
  it.each([
    "branches confirmed the self-checks not working after the update",
    "confirmed the scanners still failing after the reboot",
    "the latency dashboard got a new panel and it shows p99 is 8s right now",
    "the word 'down' in the report means volume is down, and checkout is failing right now",
    "'down' means down, checkout is down right now",
  ])("alert: %s", (text) => {
    expect(run(`<@U05LIBSRE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "all branches confirmed self-checks working after the update",
    "the stores confirmed the scanners are fine",
    "the latency dashboard got a new panel for p99 per district, check it out",
    "we added a new panel to the checkout dashboard for refunds",
    "the word 'down' in the ILL report means volume is down, not the service 😄",
    "the 'failed' in the batch summary means retried, not lost",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05LIBSRE> ${text}`).decision).toBe("gate")
  })
})

describe("stop 20, round 25: a problem beside a courtesy, a plan or a document; odd values (corpus 115)", () => {
  it.each([
    // a courtesy before a live problem
    "thanks a lot for earlier! btw the pricing API quotes come back with a total of 0 for express parcels",
    "cheers for the help yesterday 🙏 the booking page has been 503ing since lunch",
    "sorry to ping on a sunday 🙏 the evening shift has zero drivers available and starts in 20 min",
    "congrats to the search service on its long nap 😴 it's been timing out since 10:40",
    "danke nochmal! übrigens, die Drucker am Lager melden Fehler, keine Etikette druckt",
    "seit 9 Uhr keine neuen Bestellungen im Shop, ist das normal?",
    // a problem told in passing beside a plan or a document
    "heads up, going into the planning sync in 2 — just fighting the driver app, which kicks users out every few seconds",
    "drafting the monthly report; side note, the label printer app kept crashing all morning and we lost 30 shipments",
    "joining the retro now; btw the wiki has been 502ing for an hour",
    "for the wiki: we shipped 2k orders today (would've been more if the payment gateway hadn't been declining cards since Monday)",
    // a jump, an absurd value, a warm cold chain, a security worry
    "the grafana panel for checkout shows error rate jumped from 0.5% to 12% at 09:10",
    "screenshot attached: latency went from 150ms to 4s after the 11:00 deploy",
    "app shows ETA 0 min for every order, bit weird",
    "the vaccine fridge in clinic 3 is at 11°C, not urgent I guess",
    "someone logged into the root account from an unknown location last night, should I worry?",
    "our API key was used from an IP in a different country this morning",
    "the warehouse says nothing can be scanned, every barcode comes back unknown",
    // tools' recoveries and a smoke test after a deploy
    "Checkly: 'Checkout E2E' failed in 2/3 locations",
    "** PROBLEM Service Alert - web-01/HTTP is CRITICAL **",
    "Twilio Status — Investigating: SMS delivery delays to UK carriers",
    "❌ post-deploy smoke failed on main\nGET /api/cart expected 200, got 503\ndeploy had already completed",
  ])("alert: %s", (text) => {
    expect(run(`<@U05CRNKL4NE> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "thanks a lot for the help earlier 🙏 all good now",
    "sorry to ping on a sunday 🙏 have a good one",
    "congratulations to the payments team 🎉 great launch",
    "p99 went from 900ms to 250ms after the cache change 🎉",
    "latency went from 4s to 150ms after the fix",
    "0 tickets assigned to me today 🎉",
    "the fridge in the office kitchen is at 4°C, milk is fine",
    "writing up the postmortem for tuesday's outage, will share by friday",
    "I'll join the retro in 5",
    "for the newsletter: we hit 10k deliveries this month 🎉",
    "the disk cleanup on db-01 worked, it's back at 40%",
    "the smoke test is expected to pass after the deploy",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05CRNKL4NE> ${text}`).decision).toBe("gate")
  })
})

describe("stop 20, round 25: a terse team's talk (corpora 113–114)", () => {
  it.each([
    "phone quiet all night",
    "alerts silent the whole weekend 🙌",
    "first night on pager, here we go",
    "no weekend deploys please",
    "✅ web-shop v2.4.1 deployed to 40 stores",
    "who's on call this weekend?",
    "how many pages did we get last week?",
    "the disk alerts need tuning, fri?",
    "the new checkout board is great",
    "chore(deps): bump axios from 1.6.0 to 1.7.2",
    "staging looks green",
    "postmortem: https://wiki.example.com/pm/INC-12",
    "ooo tomorrow fyi",
    "runbooks moved to the SRE space, update your bookmarks",
    "db-02 maint 11pm, expect it down for a bit",
    "any reason we capped the worker pool at 8?",
    "tls cert renewal for the api went through",
    "we should write a runbook for when the bank file is late",
    "pizza in the break room, come down 🍕",
    "OKR: halve pager noise by Q3",
  ])("chatter: %s", (text) => {
    expect(run(`<@U05TWSRE01> ${text}`).decision).toBe("gate")
  })

  it.each([
    "pager silent all weekend, but the API is down now",
    "canary failing",
    "canary clean but p99 is 8s",
    "who has pager tonight? checkout is 502ing",
    "how many alerts fired in the last 10 minutes, the site is down",
    "no deploys please, prod is down",
    "cert renewal failed for the portal",
    "db-02 maintenance 11pm, expect it offline — but it's been offline since 9pm",
    "pizza in the break room but the POS is down in all stores",
    "any reason the API is returning 500s?",
    "we should write a runbook for when the feed is late, it's late again now",
  ])("alert: %s", (text) => {
    expect(run(`<@U05TWSRE01> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 20: a greeting or a day before a live report", () => {
  // The last word of a greeting ("happy monday!", "quiet weekend but") is no subject of the
  // report after it: only a word inside the report's clause, or one "it"/an adverb points back to.
  it.each([
    "quiet weekend but checkout is down now",
    "happy monday! payments are failing since 9",
    "happy monday, but payments are failing",
    "good friday everyone… the booking api is returning 500s",
    "long weekend, and now the card readers are offline in every store",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the coffee machine is down again lol",
    "my weekend is ruined, the coffee machine is broken 😂",
    "let's kill the old build box next sprint, it's dead weight",
    "i'm on 3% battery and no coffee, basically degraded",
    "planning to rotate the gateway cert on monday, it expires in 3 weeks",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("gate")
  })
})

describe("stop 21: a screen's message or false state, and a team's own news", () => {
  // A quoted error people see is a report, not the writer's farewell ("try again later"); a bad
  // state shown and denied as a fact ("shows … red, there's no outage") is the display gone wrong.
  it.each([
    "we're getting rate limited by the LLM provider, users see 'try again later'",
    "the outage map shows the whole south district red, there's no outage",
    "customer portal shows 'maintenance' page but we don't have maintenance scheduled??",
    'students keep getting "something went wrong" when they submit the quiz',
    "since 10:00 customers see 'service unavailable' on the checkout page",
    'shoppers get the "oops, try again later" screen after payment',
    "learners are getting 'too many requests' on the speaking exercises",
    "the status board shows every lift as closed but they're all running",
    "the app marks all trains as cancelled, nothing is cancelled",
    "the kiosk displays 'out of service' on every terminal but they are actually working fine",
    "dashboard says the pumps at station 4 are offline, we didn't have any outage there",
    "the booking site shows 'maintenance' banner, we don't have maintenance planned today",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "see you later!",
    "later all, logging off",
    "ok cya later 👋",
    "users see 'welcome back!' now when they open the app, cute",
    'learners get a "streak saved" badge now, love it',
    "the status page shows maintenance for saturday, there's no outage expected",
    "the outage map shows all green, there's no outage",
    "the new map shows the south district in red, there's no outage expected during the works",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("gate")
  })

  // Whole-message team talk (classify-terse-talk.ts): work on a test system, a run that went
  // fine, a release tagged, an event moved, a target or a format asked, slang; each the whole
  // message, so a problem beside it still investigates.
  it.each([
    "heads up, rebooting the staging kafka in 5, nothing customer facing",
    "fyi upgrading the qa postgres tonight, expect a short blip",
    "restarting the dev cluster for the patch, ignore any noise",
    "heads up: load spike expected at 9am from the newsletter, we already scaled up the workers",
    "the nightly import finished fine this morning",
    "payroll run completed successfully",
    "mobile-app v2.14.0 released 🎉",
    "release 4.2 tagged",
    "the new on-call channel for payments is live, please join",
    "how many pages went off last week?",
    "which timezone are the incident timestamps in?",
    "what's the error budget for checkout again?",
    "where can I read more about the escalation policy?",
    "let me know when you're free to walk through the runbook",
    "the latency dashboard is so quiet today, love it",
    "team retro is on thursday at 3pm",
    "new german course just launched, go try it 🇩🇪",
    "mods note: please keep memes in #random",
    "it's giving main character energy",
    "touch grass",
    "L + ratio",
    "pov: you're on-call and the pager finally sleeps",
    "i'm so down bad over this new album",
    "what did the router say to the switch? you complete me",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "heads up, rebooting the staging db didn't help, checkout still times out",
    "fyi restarting the staging redis, prod redis is down too",
    "heads up, I'm rebooting the staging gateway because users can't log in on prod",
    "heads up: traffic spike expected at 19:00 but we already scaled up and checkout is failing",
    "traffic spike expected, we already scaled up but pods keep crashing",
    "billing cycle 15 finished fine but invoices are missing for 300 customers",
    "the nightly export ran fine but the file is empty",
    "release v5.3.1 tagged and published but the deploy failed",
    "the new grafana folder is set up but all panels show errors",
    "what's the p95 target for speech scoring? we're at 9s now",
    "what's the SLO target, we're breaching it since 10",
    "how many alerts fired this month? 400 in the last hour alone, something is broken",
    "skill issue? no, payments are failing for everyone",
    "POV: checkout is down and it's friday 5pm",
    "sprint planning moved because prod is down",
    "where do I read about this? checkout is returning 502s",
    "lmk when you're free to pair on the checkout outage",
    "the error rate graph is so boring today, love to see it. oh wait now it spikes to 40%",
    "new release just dropped and login is broken",
    "mods reminder: the bot is down, report bugs in #suggestions",
    "we're down bad, checkout is failing for everyone",
    "what did the vendor say to the ticket? checkout is failing",
    "standup in 5, checkout down for everyone",
    "new course just dropped but the app can't open it",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 21, round 27: a shortfall against the norm, market talk, a desk's talk (corpora 118–119)", () => {
  it.each([
    "migrating the ledger db at 22:00, downtime expected 5m, alerts may fire",
    "failover drill at 3pm, errors expected for ~60s",
    "SOL dumping hard today, glad I sold last week",
    "bitcoin up 6% since the ETF news, everyone in the office is checking charts",
    "alts nuking again lol",
    "BTC/USD at 97k, new ATH 🎉",
    "xrp -12% on the week, rip my portfolio",
    "liquidations across the market this morning, engine held up fine",
    "who fancies a cuppa? ☕",
    "anyone up for a pint after work?",
    "smashing, cheers",
    "nice one!",
    "happy hanukkah to all who celebrate!",
    "happy eid to everyone 🌙",
    "FOMC minutes at 20:00, expect some volatility",
    "where's the playbook for replica lagging?",
    "could you send me the runbook for disk full on kafka brokers?",
    "hey, can you pull up the SOP for pharmacy interface down?",
    "traffic doubled during the sale and checkout p95 stayed under 200ms, great work all",
    "record orders this morning, API latency held flat. kudos everyone",
    "is the uat env offline for the scheduled upgrade?",
    "are the test kiosks down for the planned patching or is that tomorrow?",
    "the Q3 on-call roster is out, please review your weeks",
    "new weekend schedule is posted, pls check your shifts",
    "the legacy disk alert on mail-02 can safely be ignored from now on",
    "the new EPR dashboard now covers error rate and queue depth per ward",
    "thoughts on migrating the ward feed from HL7 v2 to FHIR? no rush",
    "sharing these for weekend reading: https://example.org/a",
    "wie lief das Update gestern? hab gehört lief glatt",
    "esse bot tá muito top",
    "o robô ficou sensacional",
    "how's the weather over in Manchester? raining here all week",
    "pub quiz tonight?",
    "Leeds folks, drinks after work?",
    "deploying kyc-sync at 18:00, expect a short blip",
    "failing over the kyc db at 18:00, expect a short blip",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("gate")
  })

  it.each([
    "[payout-batch] 12 payouts sent in the last hour (expected ~900 on Fridays)",
    "nightly-export: 0 rows written to the warehouse (expected 1.2M)",
    "lab results feed: 3 messages received since 08:00 (expected ~250 during clinic hours)",
    "order-ingest: 0 orders in the last 15m, expected 300",
    "BTC withdrawals down",
    "BTC withdrawals down since 10:00, queue growing",
    "ETH deposits stuck for 40 min",
    "BTC-USDT order book frozen",
    "price feed for SOL stale since 09:12",
    "liquidations triggered wrongly by a mark-price gap on ETH perps",
    "BTC down 8% in 2 minutes and our price feed is stale, liquidations firing",
    "ETH deposits delayed, market pumping and users are angry",
    "btc node down",
    "BTC wallet down",
    "doge withdrawals failing with 500s",
    "anyone fancy a look? checkout is down",
    "happy diwali to everyone, btw payments are failing since 10:00",
    "lovely stuff, but the pharmacy feed is down again",
    "withdrawal queue stuck, can you show me the runbook?",
    "can you show me the runbook for withdrawal queue stuck? it's stuck right now for BR users",
    "volume 3x normal today, ME p99 still at 6ms, but order entry is failing for BR users now",
    "traffic 3x normal and p99 at 900ms, order entry timing out",
    "is prod down for the planned reset? customers are getting 502s right now",
    "staging is down, was anything planned?",
    "rota for the bank holiday is up, please check your slots. also the pager app is down since 9",
    "the old SFTP cert warning can be ignored, but the new server's cert is failing right now",
    "the new SFTP cert warning can't be ignored, it expires tomorrow",
    "latency and error rate are spiking right now on the new portal dashboard",
    "any thoughts on moving to aeron? md-gateway is dropping messages right now",
    "wie war der Release gestern? seitdem geht der Login nicht mehr",
    "o bot é brabo mas o pix está fora do ar desde 10h",
    "how's the weather in SP? btw the BR payment gateway is down",
    "Berlin team, karaoke friday? also withdrawals are stuck",
    "kyc sync is failing since 10:00, expect more blips",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a problem live now beside announced work is a report (stop 21, round 28)", () => {
  it.each([
    "CPI print at 14:30 CET, expect vol — and the matching engine is already lagging",
    "maintenance on the db tonight at 10, and checkout is already timing out",
    "maintenance window tonight 22:00-23:00 for the db; also FYI checkout has been throwing 502s for 10 min",
    "expect some noise from the load test at 3 — and the login page is already timing out for real users",
    "planned failover at 2am; btw the api is already down",
    "game day on thursday at 11 — separately, the payroll export has been failing since 9",
    "load test at 15:00, expect 5xx; meanwhile users can't log in on mobile right now",
    "heads up: pentest starts tomorrow morning. also we're getting 500s on the booking page",
    "Wartungsfenster heute Nacht 23 Uhr; btw the shop api is erroring right now",
    "chaos drill at 4pm, expect pods to restart - and the ticket scanner is already down at gate B",
    "scheduled maintenance on the warehouse db tonight at 11, meanwhile picking app is timing out for all pickers",
    "upgrade of the kafka cluster planned for sunday; fyi customers cannot pay with apple pay",
    "planned maintenance on the LIMS tonight at 9 and sample intake is already stuck",
    "load test at 3 — checkout is already timing out",
    "failover drill at 10am, and the replica has been lagging since 8",
    "expect alerts from the pentest this afternoon. btw the pos terminals are failing to print receipts rn",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "maintenance window saturday 02:00-04:00 for the CRM",
    "planned failover at 2am, expect a short blip and some 502s during the switch",
    "load test at 3pm; login may time out while it runs",
    "maintenance tonight at 10, the api will be down 2–2:15",
    "planned failover at 2am, the api is down for ~5 min",
    "planned failover at 2am; also the api is down for ~5 min while it switches",
    "planned maintenance tonight at 10; users can't log in from 10 to 10:30",
    "maintenance tonight at 10; if checkout times out, ping me",
    "maintenance window tonight 22:00-23:00; the 502s from earlier are fixed",
    "planned failover at 2am; btw the api was down earlier, all fine now",
    "load test at 3 — and the dashboards are already set up for it",
    "load test at 3 and latency is already being watched on the dashboard",
    "game day tomorrow, and the incident channel is already created",
    "load test at 3pm; I already told support that errors are possible",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("the writer says nothing is wrong, or why a note is posted (round 29)", () => {
  it.each([
    // A hedge about the customer's own error, then a symptom that survived their fixes.
    "ok so this is a weird one and I apologize if it's user error on their side. Customer says the KDS keeps going blank for 10-20 seconds and comes back with the tickets reordered. They've rebooted the tablet twice and swapped the wifi to ethernet, same thing.",
    "might be user error, but the clinic says the booking page keeps logging them out every 2 minutes even after clearing cookies and trying another browser",
    "sorry if this is pebkac — the warehouse scanners keep dropping the connection every few minutes, they already power-cycled the access point",
    // A denial with a problem after it.
    "not sure it's an incident but checkout has been 500ing for 10 min",
    "no issue on our side, but customers can't pay",
    "nothing's wrong with the db, checkout is timing out for everyone though",
    "NW12 shows cancelled on the app but it's boarding",
    "rebook tool failing for DEN cancellations",
    "just logging it: the crew app has been crashing on login since 06:00",
    "don't panic, but the payment terminals are all offline",
    "something is wrong with the outage map: it shows the whole south district red, there's no outage",
    "the status page says payments are degraded, there's no incident open and nothing's wrong on our side, can you check?",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "my bad, it was my VPN",
    "error was on my side, wrong vpn profile, sorry",
    // The writer's own denial supersedes what customers say or what an alert would watch.
    "we keep getting customers who say 'the system is down' when really one screen is frozen. Should support ask a standard set of questions first? No incident right now.",
    "can you explain what 'consumer lag' means in plain English? Customers see it in our status updates. Nothing's going on right now, I just want to explain it better.",
    "a customer asked whether their data is backed up and how often. Can you point me at the doc? Not related to any issue, just a compliance question.",
    "in last month's incident the bot said 'root cause: connection pool exhaustion'. What does that mean for a restaurant owner? There's no issue now.",
    "is the bag tracking API rate-limited? planning a new integration, nothing's wrong",
    "NW990 cancelled — mechanical, nothing system related, just so nobody gets paged",
    "should we alert clinics directly when their lab integration goes down? some think it'll cause more calls. just brainstorming for now, no decision yet",
    "quick process question, not an incident: who signs off the monthly uptime numbers we send to partners?",
    // A note for the record of normal operations.
    "NW218 diverted to BOS for a medical, OCC has it. just logging it for the shift",
    "heads up the CloudWatch alarm names for kiosk are getting renamed tomorrow, don't panic if they look different",
    "we're moving the Sunny Side chain to the new KDS app next Tuesday night. Nothing to do right now, I just want on-call to know so nobody panics if devices reconnect.",
    "truck 14 rerouted around the bridge closure, dispatch has it, for the record",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("a fix told holding, the loop closed after it (round 29)", () => {
  it.each([
    "just wanted to close the loop on the Golden Dragon reporting thing: the sales reports have been going out every night since Thursday's fix, and the accountant confirmed the numbers match now. Thanks!",
    "good news for a change: Maple & Rye told us the Square sync has been rock solid since the fix two weeks ago, and they're adding two locations.",
    "Thanks a ton for the help with the migration mess. For what it's worth they've had zero 'item not found' errors since Friday and they were very complimentary.",
    "Thank you so much for the quick response this morning! The clinic confirmed the online booking page is showing the right opening hours now, and they're happy.",
    "the warehouse confirmed the label printers are working fine, have a great weekend",
    "Happy Friday! Record week with 0 escalations from stores. Thanks for keeping things stable 🍩",
    "the nightly export has been running like clockwork since the patch, thanks all",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "the Square sync has been rock solid since the fix, but today it stopped syncing again",
    "we've had zero orders since 9am, is the ordering page down?",
    "the menu has been fine since the fix, still the prices at two stores are wrong",
    "the restaurant confirmed the online menu is showing the wrong prices now",
    "no errors since the deploy because nothing is being processed — the queue is stuck at 40k",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("an airline's normal operations and shift talk, told as such (round 29)", () => {
  it.each([
    "NW990 cancelled — mechanical, nothing system related, just so nobody gets paged",
    "14 cancellations at DEN for the snowstorm, all went through the rebook tool fine 👍",
    "38 orders refunded after the storm closure, all got processed without issues",
    'if anyone asks, the "flight cancelled" banner on the website is legit, NW33 really is cancelled',
    "fyi the red status on the store map is correct, the Leeds store really is closed today",
    "status: all stations checking in ok, bag scan rates normal, feeds fresh. quiet morning",
    "all kiosks reporting green, queues short",
    "shift change in 10, anything I should know?",
    "handover at 6, anything open?",
    "I'm covering Dana's crew systems rotation until Friday",
    "i'll be on the payments rota this week",
    "downtime for the Type B gateway migration confirmed for Tue 01:00–01:30 UTC",
    "maintenance window for the LIMS upgrade confirmed for Sat 22:00",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "flight NW12 shows cancelled on the app but it's boarding",
    "rebook tool failing for DEN cancellations",
    "14 cancellations at DEN, all went through the rebook tool fine except 3 stuck in pending",
    "the cancelled banner on the website is wrong, NW33 is boarding",
    "all stations checking in ok except ORD, its bag feed is stale",
    "shift change in 10, heads up the crew app is down at ORD",
    "downtime for the Type B gateway migration confirmed for Tue, but the gateway is already down now",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a provider's notice that touched no one, a report asked about, a rotation posted (round 29)", () => {
  it.each([
    "just FYI — the Stripe status page showed a degraded notice yesterday, but none of our merchants reported anything and payments looked normal on our end.",
    "Twilio had an incident on their status page last night; none of our clinics noticed anything, sharing for the weekly review",
    "quick q: what's the timezone of the daily report?",
    "are kiosk uptime numbers in the monthly report from you or from the vendor?",
    "who gets the weekly summary email?",
    "what's your escalation policy when a feed goes stale?",
    "what's the procedure if a store's printer dies?",
    "what is our process when a clinic's lab integration drops?",
    "the latency dashboard is really pretty now, nice job",
    "the queue board looks great now, thanks Ana",
    "[Opsgenie] Schedule rotation: Flight Ops Data on-call is now Marta Lindqvist until Mon 09:00",
    "PagerDuty: on-call is now Sam Ortiz until Friday 17:00",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "card payments failing for 20% since 10:00, none of our merchants reported anything yet",
    "none of our merchants reported anything but payments are failing since 10",
    "why is the daily report empty today?",
    "the feed went stale, what's the procedure?",
    "what's the procedure when the feed goes stale? it's been stale since 9",
    "is the monthly uptime report missing for March?",
    "the latency dashboard is really slow now",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a failed job's maintenance mode, an uptime recovery, a wrong thing users see asked about (round 30)", () => {
  it.each([
    "wp-update-bot: core auto-update FAILED on tidewater-yoga.com — site left in maintenance mode (.maintenance file present)",
    "plugin-updater: auto-update failed on bakery.com, site stuck in maintenance mode",
    "nightly upgrade job FAILED on shop-02 — store left in maintenance mode",
    "✅ Resolved: Incident on northsidephysio.com.au (Timeout) was resolved automatically after 11 minutes",
    "✅ Resolved: Incident on shop.example.com (HTTP 502) was resolved automatically after 4 minutes",
    "Resolved: Incident on api.acme.io (Keyword not found) was resolved after 23 minutes",
    "ironside gym site is showing the 'Briefly unavailable for scheduled maintenance' message and it's been like an hour",
    "the bakery site is stuck on 'Briefly unavailable for scheduled maintenance' since 9",
    "site keeps redirecting to some casino page on mobile?? stjudesparish.org 😬 only from google search results",
    "the church site redirects to a pharmacy spam page from google??",
    "quick one — Kestrel says the Shopify store password page is back up for customers?? store looks closed 🔒",
    "Luna says their store shows the password page to customers?? is it down",
    "the shop looks closed to customers?? checkout page shows 'opening soon'",
    "Cloudflare SSL/TLS: Edge certificate for shop.lunaskincare.co expires in 3 days and could not be renewed (CAA record blocks issuance)",
    "Let's Encrypt certificate for bakery.com could not be renewed, expires in 2 days",
    "cert-manager: certificate api-tls in prod expires in 5 days, renewal failed (ACME challenge 403)",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "wp-update-bot: core auto-update scheduled on tidewater-yoga.com tonight at 2, site will be in maintenance mode for ~5 min",
    "heads up: scheduled maintenance for the yoga site at 22:00",
    "Cloudflare SSL/TLS: Edge certificate for shop.lunaskincare.co renewed, valid until 2025-09-01",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("operations' news handled elsewhere, a freeze, an export ticked, a check set up (round 30)", () => {
  it.each([
    "Heads up, 2 buses on route 7 short-turning because of a collision on Main St. Ops is handling it",
    "bridge lift on Water St, ferries delayed 15 min, ops knows",
    "operations: route 14 detoured via Pine Ave due to a water main break, FYI no action for us",
    "the 9:15 ferry cancelled for weather, comms has the customer notice out",
    "snow on the Blue Line, trains delayed 10 min, operations are aware",
    "reminder that the fare system is frozen for changes during the festival weekend",
    "heads up: checkout is frozen for deploys through Black Friday",
    "gtfs-publish: static GTFS 2024-05-20 published to open data portal (1,204 routes, 9,881 stops). ✅",
    "sitemap-export: sitemaps for 58 client sites pushed to search console ✅",
    "feed-builder: timetable PDF exported to the website (412 pages) ✅",
    "Monthly cert report: 61 certificates tracked, next expiry in 24 days (auto-renew enabled)",
    "weekly SSL report: 58 certificates, all auto-renewing, next expiry in 19 days",
    "tested the app on android and iOS, tickets load fine 👍",
    "tested checkout on staging, payments work fine",
    "I set up a new UptimeRobot alert for Ironside, should fire only if it's down 5 min",
    "created a new monitor for the Luna store, alerts if checkout is failing for 10 min",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "tap readers on route 7 buses offline",
    "tap readers on route 7 buses offline since 8, ops knows",
    "the planner still routes riders through the closed platform",
    "arrivals feed stale since 9",
    "arrivals feed stale since 9, ops is aware",
    "the journey planner is down for everyone, comms is handling replies",
    "the fare system is frozen, nobody can buy tickets",
    "gtfs-publish: static GTFS published to open data portal with 0 stops ❌",
    "Monthly cert report: 2 certificates expired, 3 could not be renewed",
    "weekly SSL report: renewal failed for shop.luna.co, expires in 2 days",
    "tested the app on android, tickets don't load at all",
    "tested the app on iOS, tickets load fine but android shows a blank screen",
    "I set up a new UptimeRobot alert for Ironside and it's already firing, site down",
    "site down again",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stale data delivered, an arrow to a 403, a pile-up to come, a job of a printer, a deadline behind, a free ride (round 31)", () => {
  it.each([
    "cust says the image delivered is from 2022, not the one they tasked last wk",
    "client says the report we delivered is from last year's data",
    "customer says the photo we sent is from an old shoot, not the one they ordered",
    "the video they received is an old version, not the one from yesterday's capture",
    "presigned archive urls → 403 SignatureDoesNotMatch for all downloads",
    "download links → 403 for all customers",
    "kafka-2 disk 97%, frames gonna back up soon",
    "the ingest queue is starting to back up, disk at 95%",
    "wristband printer export failed again, the printing house is waiting on the file",
    "the badge printer job failed twice tonight",
    "calendar sync failed for all tenants",
    "wiki backup failed, disk full",
    "gates open in 30 min and the allowlist sync is only at 40%",
    "doors open in 15 min and the guest list import is still at 12%",
    "lifts open at 8 and the pass sync is only at 30%",
    "uh the price calendar shows CHF 0 for next saturday?? people are buying passes for free",
    "the shop shows 0 EUR for the premium plan?? customers are checking out for free",
    "why does the ticket page say €0? fans are getting tickets for free",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "that screenshot people are sharing is from 2022, we checked",
    "the tiktok going around is from last year, not ours",
    "closed INC 4471",
    "api back up after the restart",
    "the printer on 3 is broken again lol",
    "the coffee machine is down again",
    "we start the migration next week, planning is at 40%",
    "is there a dashboard for free tier usage?",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("Opsgenie's schedule naming who is on call, the next shift holding it (round 31)", () => {
  it.each([
    'Opsgenie: schedule "Onsale Week Primary" — Marco Bianchi is on call starting 20:00 CET',
    'Opsgenie: schedule "SRE EU" - Jana Novak is on-call from 08:00 UTC',
    '[Opsgenie] schedule "Payments" — Li Wei is on call until Mon 09:00',
    "heading out, day shift has the pager",
    "signing off, evening shift has it 👋",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    'Opsgenie: alert "Checkout 5xx" — Marco Bianchi is on call, P1 firing',
    "going offline?? the api just went offline",
    "night shift has it but checkout is down, 502 everywhere",
    "gate c scanners offline",
    "p99 is 9s rn",
    "kafka lag 2M and growing",
    "disk 97%",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("Statuspage component changes and a mistake denied are reports (round 32)", () => {
  it.each([
    'Statuspage: Northgate Digital Services component "Online Fine Payments" changed to Major Outage',
    'Statuspage: Acme component "Back Office Sync" changed to Partial Outage',
    'Statuspage: component "Up-to-date Inventory" changed from Operational to Degraded Performance',
    "Statuspage - Lumen Health component Online Booking changed to Degraded Performance",
    'Statuspage: Acme component "Online Payments" changed to Operational',
    "For the avoidance of doubt, this is not user error. The platform returns HTTP 500 on every attempt to apply the tag. Please escalate.",
    "this isn't a user error, the export button throws 500 for every matter",
    "not user error — login fails for the whole firm since 9",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    'I moved the component "Online Payments" to under maintenance for Sunday',
    "it was user error, wrong password, sorry",
    "turns out it was user error lol",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("a city desk's courtesies, notices and process questions are chatter (round 32)", () => {
  it.each([
    "Salamat po!",
    "Maraming salamat po sa tulong 😊",
    "Ingat po kayo lahat! 🙏",
    "kumusta po kayo? 😊",
    "Noted po",
    "magandang umaga po",
    "oi sumido 😄",
    "Wishing everyone a very happy Diwali 🪔",
    "wishing you all a happy Eid!",
    "Have a blessed day everyone 🙏",
    "have a blessed weekend all",
    "Received.",
    "Noted, will update the SOP accordingly.",
    "Apologies, I tagged you by mistake.",
    "sorry, pinged you by mistake",
    "Just to confirm, the downtime notice for Sunday has been posted on the website and social media.",
    "Just for information, the error messages in the Spanish translation were updated as per the feedback.",
    'The new "Service Unavailable" page design has been approved by the communications team. Looks nice.',
    "FYI the outage banner text has been reviewed by legal",
    "the maintenance announcement was published on the portal, thanks",
    "The change advisory board approved the SSL certificate renewal for next week.",
    "CAB signed off on sunday's patching window",
    "the security team approved the firewall change for Friday",
    'Please help me understand what is "p95 latency" in the dashboard, I am new to the team.',
    'what does "p95" mean? i keep seeing it on the dashboard',
    "I have a small doubt regarding the escalation matrix — is the Deputy CIO to be informed for Sev2 also, or only Sev1?",
    "do we call the vendor for P2 too or just P1?",
    "Could you please share the runbook link for payment gateway issues? Just for reference.",
    "where can I find the SOP for portal outages?",
    "Counsel would like a copy of our SOC 2 report; who should I ask?",
    "When is the next patch window for the city hall kiosks?",
    "is the latency dashboard per tenant or global?",
    "is the latency dashboard the one under Platform?",
    "how often do you check the Kafka lag?",
    "Please find attached the weekly uptime summary for your perusal. Uptime was 99.97%.",
    "Client asked whether our platform is 'down' often. I told them 99.95% uptime last quarter — correct?",
    "Sir, just confirming that citizens are now able to pay fines. Thank you for your support.",
    "members can now log in again from the app, thanks all",
    "the payout failures were yesterday btw, all reprocessed last night ✅ just fyi",
    "Pursuant to our discussion, the OCR backlog from Tuesday has fully cleared. Thank you all.",
    "status: queues empty, payouts flowing, zendesk calm 😌",
    "false alarm, the clinic was closed for a holiday, that's why no invoices 🏖️",
    "the error in yesterday's slide deck was a typo, not a platform error 😅",
    "lol opposing counsel's vendor portal is down again, not our problem",
    "the client's SSO is broken, not our issue",
    "pet photo friday!! 📸 send pics of your floofs",
    "cliente preguntó si aceptamos Bizum para reembolsos, ¿está en el roadmap? 🤔",
    "tbh the new alert format is way easier to read",
    "Kindly add me to the Digital Services on-call group. My ID is ssharma.",
    "can someone add me to the PagerDuty rotation?",
    "please remove me from the alerts DL",
    "buonanotte a tutti",
    "daje!",
    "sei un grande",
    "RAS cette nuit, tout est vert",
    "Nach dem Update läuft alles stabil",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "payouts failing since 9",
    "citizens cannot pay fines",
    "citizens are still not able to pay fines",
    "the portal is down for everyone",
    "backlog growing",
    "Sir one doubt — the fine still shows UNPAID after payment",
    "salamat po, but the portal is down for everyone",
    "noted po, citizens cannot pay fines",
    "the downtime notice has been posted but the portal is down for everyone right now",
    "the error messages were updated and now checkout is failing",
    "share the runbook for payment gateway issues? gateway is down right now",
    "when is the next patch window? kiosks are down since 8",
    "the weekly uptime report: uptime was 97.1%, below SLO",
    "Please find attached the weekly uptime summary. Uptime was 96.2%.",
    "the backlog from Tuesday has cleared but today's backlog is growing",
    "status: queues empty, payouts failing, zendesk on fire",
    "false alarm on invoices, but payouts are failing since 9",
    "their portal is down, not our problem, but our exports to it are failing",
    "ras cette nuit sauf le checkout qui tombe en 502",
    "please add me to the incident channel, checkout is down for everyone",
    "can someone add me to the on-call rota? also the replica orders-db-r2 is 45 min behind",
    "nach dem Update läuft jetzt nicht mehr stabil, Checkout wirft 500",
    'what does "ERR_PAYMENT_DECLINED" mean? every citizen is getting it now',
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("failures said quietly: stuck counts, silent heartbeats, lost progress, a value not the one expected (round 33)", () => {
  it.each([
    "bit of a situation with the tariff switch queue — sat at 12k for an hour and not budging",
    "slight issue: the meter reads backlog is sat at 40k and not budging",
    "not ideal, the export queue has been stuck at 3,200 since lunch and isn't draining",
    "the settlement batch hasn't budged in two hours",
    "the meter API is having a wee lie down",
    "not ideal, billing run's fallen over",
    "queue at 12k and not budging",
    "so a customer in Paisley says her bill is £14,000. she has a two-bed flat. might be worth a look",
    "a student says her fees balance shows R0 after paying R40,000 — might be worth a look",
    "[tariff-canary] switch of test account X from 'Fixed Highland 12M' to 'Flex' did not complete in 20 min",
    "[checkout-canary] order for 'Sorted Saver Bundle' did not finish within 5 minutes",
    "the nightly import didn't complete in 3 hours",
    "[dns-check] portal.example.ac.za resolves to 10.20.4.11 from the residence network (expected public VIP) — split-horizon mismatch",
    "cert check: api.example.com presents CN=old.example.com (expected api.example.com)",
    "ag man, the wifi in the Ingenieurswese building is weer af. third time this week",
    "the wifi is weer af",
    "internet in res block C is off again",
    "Better Stack heartbeat missed: 'dubai-manifest-sync' has not reported in 35 minutes (expected every 10)",
    "the backup agent on db-03 hasn't checked in for 2 hours",
    "healthchecks.io: 'nightly-export' missed its check-in",
    "gacha pity got reset — players at 89 pulls back to 0, reddit thread has 2k upvotes",
    "players say their login streaks were wiped after the patch",
    "wallet balances back to 0 for some users after the migration",
    "asante, but the portal is still down",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "error rate back to 0 after the rollback",
    "the release is fixed for Thursday",
    "decent read on consumer lag if anyone's bored, might be worth a read",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "I'm having a wee rest after that week, back monday",
    "we're having a wee lie-down after the storm response",
    "daily rewards reset at midnight, as designed",
    "season reset tonight: ranks back to 0 for everyone",
    "the boss isn't budging on the deadline",
    "maintenance at 22:00 (expected downtime 5m)",
    "a customer says the new tariff page is lovely, might be worth a read",
    "error rate back to 0 after the rollback",
  ])("no quiet failure read in: %s", (text) => {
    expect(quietFailures(text.toLowerCase())).toEqual([])
  })
})

describe("courtesies in Swahili, Afrikaans, Dutch, Arabic, Korean, Japanese, Gaelic and Scots are chatter (round 33)", () => {
  it.each([
    "asante sana 🙏",
    "asante kwa msaada",
    "shukrani",
    "Jambo!",
    "habari za asubuhi",
    "sawa, nimeelewa",
    "baie dankie boet",
    "dankie!",
    "goeie môre",
    "lekker naweek almal!",
    "welkom Pieter!",
    "yebo",
    "goed werk allemaal",
    "klinkt goed",
    "mooi zo",
    "ik ben er",
    "salaam",
    "salam alaikum all",
    "shukran habibi 🙏",
    "inshallah tomorrow then",
    "안녕하세요",
    "고마워요",
    "대박",
    "ㅋㅋㅋㅋ",
    "お疲れ〜",
    "了解です",
    "すごい",
    "草",
    "Dia duit",
    "slàinte",
    "madainn mhath",
    "tapadh leat",
    "fáilte Aoife!",
    "aye",
    "nae bother",
    "no bother, any time",
    "fair play",
    "grand job everyone",
    "ach well",
    "right, that's me away home",
    "kettle's on",
    "EZ",
    "copium",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("a period's figures, good news with a metric, tools' quiet posts, a word's source, an alert wished for (round 33)", () => {
  it.each([
    "Monthly report: Outage Map uptime 99.93%, 3 incidents, total downtime 31m.",
    "Weekly digest: 22 monitors triggered, 22 recovered. Noisiest: outage-map tile latency (9 triggers)",
    "monthly uptime for the student portal was 99.97%, report attached",
    "quarterly numbers: booking API availability 99.98%, 1 incident",
    "KR latency 28ms avg today, lowest ever, kinda proud",
    "checkout p99 at 210ms, fastest this year",
    "1★ reviews dropped 60% since the fix, huge W",
    "complaints halved since the patch",
    "error rate dashboards look clean after the rollback, nice work",
    "5xx graphs are flat again after the hotfix",
    "dependabot opened PR #1440 in kelpie/outage-map-web: Bump leaflet from 1.9.3 to 1.9.4",
    "GitHub Actions: Build DragonRift-Android 4.12.2 (#8841) succeeded — uploaded to Play internal track",
    "the 'down' in that thread is about the Red Sea route being down to 2 sailings a week, business not tech 😅",
    "the 'error' in the billing report title comes from the template, not an actual error. I'll fix the template",
    "we should really have an alert for the SSEN feed going stale. ticket raised for next sprint",
    "we need to add a monitor for the SFTP drop folder, I'll raise a ticket",
    "DCC maintenance Sunday 01:00–05:00, reads will queue up and catch up after. planned",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "uptime 97.2% this month, below SLO",
    "Monthly report: uptime 97.2%, below SLO",
    "weekly digest: 3 monitors still firing",
    "latency up to 2s since the cache change",
    "latency lowest ever but checkout is failing",
    "orders dropped 60% since the fix",
    "GitHub Actions: Build DragonRift-Android 4.12.2 (#8841) failed",
    "the 'error' in the title comes from the template, not an actual error, but checkout is failing now",
    "we should really have an alert for this, the feed has been stale since 9",
    "DCC maintenance Sunday 01:00–05:00, reads will queue up. but right now reads are failing",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a field blank, a script's recovery, a fault counted, a zero fee, a picture frozen or black (round 34)", () => {
  it.each([
    "urinalysis results coming thru with NHS no blank",
    "patient IDs are coming through empty on the ADT feed",
    "order refs showing as null in the warehouse export",
    "invoices going out with the VAT number blank since 9",
    "[hl7-watch] RECOVERED: ORU^R01 from Microbiology flowing again, backlog 0",
    "[queue-probe] RESOLVED: payments DLQ drained",
    "[edi-check] FIRING: 850s from Acme not arriving",
    "[sftp_watch] OK - drop folder has files again",
    "we're seeing double-credited deposits on LTC, 4 so far — should we stop the scanner?",
    "we're seeing duplicate bookings on the 8:15 ferry, 3 so far. pause sales?",
    "i'm getting failed payouts on the SEPA rail, 12 so far — do we switch to the backup?",
    "shipping fee shows 0đ for all Hà Nội orders, pretty sure that's wrong",
    "the total shows $0.00 on every invoice, should be 120",
    "delivery fee is RM0 for all Penang orders, that's not right",
    "sport1 is black on the web player. apps seem fine, for now",
    "channel 4 went black on the smart TV app, web seems ok",
    "fyi the Vasaloppet stream has shown the same frame of a spruce for four minutes now. nice spruce, but",
    "the livestream is stuck on one frame since the goal",
    "heads up the encoder output is frozen on the same frame",
    "kaikki kunnossa? ei, sport1 on musta",
    "wszystko ok? nie, rozkład nie działa",
    "lag on the seller dashboard is gone now but checkout still times out",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the patient notes field can be left blank",
    "shipping fee is 0đ for all orders over 500k this week, promo 🎉",
    "we're seeing great signups, 400 so far 🎉",
    "the new logo is black",
    "the stream looked great, same frame rate as last year",
  ])("no quiet failure read in: %s", (text) => {
    expect(quietFailures(text.toLowerCase())).toEqual([])
  })

  it.each([
    "lag on the seller dashboard is gone now, thanks for the fix",
    "the 502s from this morning are gone after the rollback, thanks 🙏",
    "timeouts on the payment page are gone since the restart",
    "[FYI] OK: see you at 10",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("courtesies in Polish, Ukrainian, Russian, Turkish, Vietnamese, Thai, Bahasa, Finnish and Swedish are chatter (round 34)", () => {
  it.each([
    "dzięki",
    "brzmi dobrze",
    "jesteś tam?",
    "gitara",
    "zrozumiałem",
    "działa 👍",
    "smacznej kawusi ☕",
    "próba mikrofonu 🎤",
    "wszystko zielone",
    "spokojna noc była, zero pagerów",
    "дякую!",
    "понял принял",
    "спокойной ночи",
    "sağ ol",
    "günaydın",
    "iyi geceler",
    "her şey yolunda",
    "çay molası 🫖",
    "cảm ơn nhiều nha",
    "chào buổi sáng cả nhà",
    "ngủ ngon mọi người",
    "thử bot chút",
    "ขอบคุณค่ะ 🙏",
    "สวัสดีค่ะ",
    "ทดสอบค่ะ",
    "555555",
    "terima kasih banyak bos",
    "selamat pagi semua",
    "wkwkwk",
    "udah aman, makasih",
    "salah tag, maaf ya",
    "tq lah",
    "can lah",
    "kiitti",
    "hyvää yötä",
    "kaikki kunnossa taas",
    "testi testi",
    "god natt",
    "bra jobbat!",
    "allt lugnt här",
    "kollar imorgon",
    "osaatko suomea?",
    "vad kan du hjälpa till med?",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "dzięki, ale rozkład nadal nie działa",
    "rozkład nie działa",
    "sağ ol ama API hâlâ 503",
    "maaf, checkout masih error 500",
    "latency up from 180 to 600ms since the deploy",
    "the 502s are back after the rollback",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("good news with a metric, a problem supposed in other languages, the writer's word it is not the systems' (round 34)", () => {
  it.each([
    "p99 today 3.9ms avg, lowest this quarter 📉",
    "99.98% uptime in May, drinks on me",
    "uptime was 99.95% this month 🎉",
    "deposit credits averaged 2m14s this week, SLO is 10m ✅",
    "p95 averaged 180ms this week, SLO is 300ms",
    "latency bramek po optymalizacji spadło z 600 do 180ms 🚀",
    "hypothetical: if the hot wallet hit 0, what would you check first?",
    "ถ้าระบบล่มตอน flash sale ต้องแจ้งใครคะ? แค่ถามไว้ก่อนค่ะ",
    "tänk om sändningen går ner under finalen, vem ringer vi?",
    "down bad on my SOL long 🥲 not a work thing",
    "volume down 12% this week but that's the market, not us",
    "signups down 30% this month, it's the season, not us",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "99.2% uptime in May, below SLO",
    "99.2% uptime in May",
    "deposit credits averaged 14m this week, SLO is 10m",
    "latency spadło z 180 do 600ms",
    "latency went from 180 to 600ms",
    "p99 today 3.9s avg, highest this quarter",
    "co się stało z rozkładem? nie działa od 8",
    "orders down 30% since the deploy",
    "not a work thing, but the VPN is down for me",
    "down bad on my SOL long, also the API is 503ing",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a fault stated beside a question, a script's finding signed with when it ran (round 35)", () => {
  it.each([
    "north radio gateway 10-7? console shows the Pisgah channel grayed out",
    "recrder not recording positon 6 calls??",
    "voice recorder not recording console 4?",
    "logger not capturing position 3 audio??",
    "the fire channel is greyed out on console 2, is there a runbook?",
    "inv-reconciler: mismatch > 5% between WMS and app catalogue for store BLR-WHF-02 (1,413 SKUs). Run at 19:00 IST.",
    "price-audit: 37 listings below cost in category Grocery. Run at 06:00 UTC.",
    "stock-sync check: 212 SKUs out of sync between POS and app for store DEL-03. Ran at 07:30",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "does the dashboard show the channel list?",
    "is the recording of the retro in the channel?",
    "why is the runbook link greyed out in the wiki? just curious",
    "the reconciler will run at 19:00 tonight, expect a report after",
    "we'll run the price audit at 06:00 tomorrow",
    "reindex of 1,200 SKUs tomorrow, run at 19:00",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("Latin-American Spanish and Hinglish, Tamil-English, Bengali-English talk (round 35)", () => {
  it.each([
    "dale",
    "sale 👍",
    "listo",
    "probando 123",
    "eres el mejor bot",
    "te debo una 🍺",
    "saludos desde Bogotá",
    "perdón, te mencioné sin querer",
    "ignora lo anterior",
    "me voy a comer, vuelvo en 1h",
    "me voy a almorzar, vuelvo en 30 min",
    "ok, lo reviso en la tarde",
    "falsa alarma, era mi VPN",
    "falsa alarma, era el wifi de la casa",
    "todo tranquilo por aquí, cero pages en toda la noche",
    "SPEI ya está fluyendo normal otra vez",
    "ya se resolvió lo de Nequi, era del lado de ellos",
    "¿cuánto tiempo guardas el historial de alertas?",
    "¿cómo configuro que solo me avises de las alertas de cobranza?",
    "¿me recuerdas qué hace el comando /oncall?",
    "¿qué pasaría si STP se cae en quincena?",
    "si Conekta vuelve a tener timeouts en quincena, ¿tenemos fallback?",
    "chal theek hai",
    "bohot badiya",
    "kya baat hai",
    "nandri da",
    "seri da",
    "super da 👌",
    "dhonnobad dada",
    "accha, thik ache",
    "sob thik ache ekhon",
    "anna, Adyar store la ellam normal aayiduchu, picklist varuthu, thanks da",
    "aaj kono dark store e kono problem nei, darun din",
    "kya aap Hindi samajhte ho? 😄",
    "tumi Bangla bojho?",
    "nee Tamil pesuviya bot? 😅",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "dale, pero SPEI sigue caído",
    "falsa alarma no, SPEI sigue caído",
    "ok, lo reviso, pero SPEI sigue caído",
    "saludos desde Bogotá, aquí el checkout da 502",
    "¿alguien más ve 502 en checkout?",
    "Conekta está con timeouts, ¿tenemos fallback?",
    "todo tranquilo? no, checkout da 502",
    "thanks yaar, but payments abhi bhi fail ho rahe",
    "shukriya, lekin app nahi khul raha",
    "seri da, payments abhi bhi fail ho rahe",
    "kya aap dekh sakte ho, UPI fail ho raha hai",
    "sob thik ache? na, checkout 502 dichhe",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a wrong outcome told with what it caused, a timed object with a fault now (round 36)", () => {
  it.each([
    "reminders went out TWICE to the same clients this morning, clinics are getting angry calls",
    "reminder emails went out twice overnight, owners are calling the front desk",
    "invoices were sent twice to every customer last night, support is flooded with complaints",
    "fyi the newsletter went to the wrong list, customers are confused",
    "payments got charged twice for the Denver orders, customers are angry",
    "help, tomorrow's schedule at Boise shows every slot double-booked",
    "next week's roster shows nobody on nights",
    "help, friday's rota has every shift empty",
    "tonight's manifest shows every container missing its seal number",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "reminder: the newsletter goes out twice this month, once monday and once friday",
    "reminder: we send reminders twice a week now",
    "fyi the survey went out to all clients this morning, thanks for the feedback",
    "remember when the invoices went out twice in 2022 and everyone complained? good times",
    "next week's roster is up on the wiki",
    "tonight's batch will run at 02:00 as usual",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("tools' success posts, owner and support questions, greetings, the bot misread, faults recalled (round 36)", () => {
  it.each([
    "Terraform Cloud: Run applied successfully in workspace prod-us-east — 2 added, 1 changed, 0 destroyed.",
    "Run run-7XkQ applied successfully in workspace ticketing-prod: 2 added, 1 changed, 0 destroyed",
    "✅ Deploy records-api to prod (us-east-1, us-west-2) succeeded — run #4412 by jmorales",
    "Deploy billing-web to staging succeeded — run #88 by ana",
    'Scheduled report "Daily lift ridership" for 18 Jan is ready: https://grafana.example/reports/ridership',
    "Opsgenie: Crane Ops schedule rotation started — on-call: Jeroen de Vries (Mon 08:00 CET – Mon 08:00 CET)",
    "portal cert renewal went through, new expiry is Jan 2026",
    "which team owns the snow-report service again?",
    "what team maintains the kiosk api?",
    "does anyone know if the gate firmware 4.2 supports NFC phones?",
    "anybody know if Kafka 3.7 works with our schema registry?",
    "¿cómo añado un nuevo monitor para el portal de transportistas?",
    "¿cómo creo una alerta nueva para pagos?",
    "happy first powder day everyone ❄️",
    "happy opening day all 🎿",
    "lunch at 12:30? taco truck by the Austin office 🌮",
    "steady lah",
    "shiok",
    "haha the bot thought my lunch order was an incident again",
    "lol the bot flagged our fire drill as a P1",
    "what's your uptime, bot? 😄",
    "throwback to when the whole gate went down because someone unplugged the switch for a kettle 😂",
    "remember the BAPLIE parsing bug from March? we should add a regression test for that segment",
    "remember the login glitch from last year? good times",
    "the error budget conversation moved to #sre-planning",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "Terraform Cloud: Run errored in workspace prod-us-east",
    "❌ Deploy records-api to prod failed — run #4413",
    "Deploy payments to prod succeeded but checkout is returning 502s",
    "portal cert renewal failed, expires Friday",
    "which team owns payments? payments are down",
    "does anyone know if the gate firmware supports NFC? gates are rejecting every phone",
    "¿cómo añado un monitor? el portal está caído",
    "happy first powder day everyone, lift 3 is down",
    "lunch at 12:30? can't, checkout is down",
    "steady lah, but the crane feed is down",
    "the bot thought my message was an incident, but checkout really is down",
    "what's your uptime, bot? checkout is down",
    "remember the BAPLIE parsing bug from March? it's back, parser failing on every file",
    "latency discussion moved to #incidents, checkout p99 is 9s right now",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a failure beside how it worked before is a regression, not a recovery (round 37)", () => {
  it.each([
    "contract upload fails for files > 10MB with 413 Request Entity Too Large — it worked last week",
    "exports return 500 since this morning, it worked yesterday",
    "the webhook times out now, it worked before",
    "login is broken on android, it worked until today",
    "sync fails with 401 — it worked on Monday",
    "pdf export hangs on page 3, worked fine last week",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "it works now",
    "it worked after a restart",
    "worked on retry, all good",
    "retried the job and it worked this time",
    "the cleanup worked",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("Italian, Czech, Greek and Québécois courtesies, questions, notices, stories and tools' quiet posts (round 37)", () => {
  it.each([
    "va bene",
    "grazie mille ragazzi",
    "díky moc",
    "dobrý den",
    "vše v pořádku",
    "καλημέρα",
    "όλα καλά",
    "ευχαριστώ πολύ",
    "kalo savvatokyriako",
    "tutto ok dopo il deploy",
    "buongiorno, oggi sono di reperibilità io. ciao Nikos, buon riposo!",
    "kdo má dneska službu? já až od pondělí",
    "chi è di turno stanotte?",
    "tiguidou",
    "allô!",
    "bon matin!",
    "bonne fin de semaine tout le monde",
    "quelle est la meilleure façon de te demander un résumé d'incident?",
    "10-4",
    "10-4 thanks",
    "can you explain me what 'FIRING:3' means? the number is the count of alerts?",
    "quick q: which region does the podcast CDN origin live in?",
    "what account is the staging bucket in?",
    "how much latency is acceptable for the HSM? I don't remember the number from the design doc",
    "is today's pledge total real? $212k 🤯",
    "can you write a haiku about dead air?",
    "could you write me a limerick about the pager?",
    "remember the Christmas freeze starts 18 Dec, no deploys after that",
    "reminder the CRTC logger audit is next week, please don't touch the logging server",
    "heads up: the pen test starts Monday, expect odd traffic",
    "docs for the new pledge API are up on confluence",
    "the runbook is published on the wiki",
    "we are not down, it was my VPN 🙈",
    "the player is not down, it was just my wifi",
    "Bump org.bouncycastle:bcprov-jdk18on from 1.77 to 1.78.1 in /timestamp-service (#1077)",
    "the stream went down for 2 min during the 2021 drive and we still hit goal lol",
    "lol the alert sound in the newsroom is the Jeopardy theme now",
    "all streams verified after the encoder swap, 128k and 64k both clean",
    "[eas-monitor] Weekly test (RWT) relayed successfully on WNSR-FM and CKNS-FM",
    "Opsgenie schedule change: Broadcast Engineering on-call rotates tonight at 18:00 — Jean-François → Priya",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "va bene, ma il login non funziona ancora",
    "díky moc, but the timestamp service is still failing",
    "bon matin! le stream est en panne",
    "allô! the stream is down",
    "kdo má dneska službu? signing API returns 502",
    "10-4, but the transmitter is down",
    "quick q: which region does the podcast CDN origin live in? it's returning 503s",
    "how much latency is acceptable for the HSM? we're seeing 900ms now and signing is failing",
    "is today's pledge total real? it shows $0 and donations are failing",
    "can you write a haiku about dead air? also the stream is dead air right now",
    "can you explain me what 'FIRING:3' means? checkout is down",
    "remember the Christmas freeze starts 18 Dec, but deploys are failing now",
    "docs for the new pledge API are up on confluence but the API returns 500",
    "we are not down? the stream is down for everyone",
    "the stream went down during the 2024 drive again today",
    "lol the alert sound is broken in the newsroom",
    "all streams verified after the encoder swap, 128k clean but 64k is failing",
    "[eas-monitor] Weekly test (RWT) FAILED on WNSR-FM",
    "Bump org.bouncycastle:bcprov-jdk18on from 1.77 to 1.78.1 in /timestamp-service (#1077) broke the build",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a wrong send told as a past fact, two systems disagreeing, a metric rising again (round 38)", () => {
  it.each([
    [
      'push went out twice to everyone 😬 "Double XP weekend!!" x2 at 18:00',
      "problem report: 'went out twice'",
    ],
    ["the newsletter was sent twice to all subscribers at 9am", "problem report: 'was sent twice'"],
    ["customers got charged twice for the april renewal", "problem report: 'got charged twice'"],
    ["invoices went out to the wrong list at 14:30", "problem report: 'went out to the wrong'"],
    [
      "wo 55812 shows complete on tablet but open in Maximo. same for a bunch of others",
      "problem report: 'shows complete on tablet but open in maximo.'",
    ],
    [
      "order 4411 is paid in Stripe but unpaid in the portal",
      "problem report: 'is paid in stripe but unpaid in the portal'",
    ],
    [
      "ticket shows closed in Jira but open in ServiceNow",
      "problem report: 'shows closed in jira but open in servicenow'",
    ],
  ])("alert: %s", (text, reason) => {
    const r = run(`<@U0SREBOT> ${text}`)
    expect(r.decision).toBe("investigate")
    expect(r.reasons).toContain(reason)
  })

  it.each([
    "Shibboleth IdP heap creeping up again, 92% on idp-prod-2 and long GC pauses",
    "latency climbing up again on the api, p99 at 2.3s",
    "memory creeping up again on db-2, 88%",
    "error count going up again on checkout",
    // A rise with nothing else said: the phrase reader must not read "up again" as "back up" either.
    "queue depth ticking up again, 40k now",
    "orders queue creeping back up, 12k",
    "heap creeping up again, 92%",
    "dlq climbing back up",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // "found it" in a state: what a rider or a tech saw, not the cause someone found (stop 25).
    "bikes unlocking on their own in Bristol?? two riders reported it, one found it unlocked at a station",
    "a rider found it locked with no way to unlock",
    "tech on site found it offline again, third time today",
    "found it frozen on the splash screen at two stores",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    // "in room B": where the thing is; the thing is what failed (stop 25, corpus 167).
    'hi, sorry to bother, the RIP in room B is stuck on "spooling" and won\'t clear',
    "press 3 in room 2 is down",
    "the scanner station at room 12 keeps crashing",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })

  it.each(["the coffee machine in room B is stuck again lol", "the fridge in room 3 is broken again"])(
    "chatter: %s",
    (text) => {
      expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
    },
  )

  it.each([
    "never mind found it",
    "found it, it was the cache",
    "ok found it",
    "found it in the logs, all good",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "push goes out twice tomorrow at 18:00 (planned)",
    "the reminder went out twice as planned, once at 9 and once at 17",
    "wo 55812 is complete, closed it in Maximo too",
    "all work orders complete on tablet and in Maximo 👍",
    "node came up again after the reboot",
    "portal is back up",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it("a habit is no wrong send", () => {
    expect(run("<@U0SREBOT> we send it twice a week").reasons.join()).not.toContain("problem report")
  })
})

describe("Korean, Japanese and Welsh courtesies, asides, tools' routine posts and good news (round 38)", () => {
  it.each([
    "넵 확인했습니다",
    "ㄱㅅㄱㅅ",
    "ㅇㅋ",
    "오늘 배포 잘 끝났습니다 👍",
    "포스트모템 목요일 오후 4시로 잡았어요",
    "내일 이벤트 오픈 10시 맞죠? 푸시 예약해놨어요",
    "한국어도 돼?",
    "영어도 할 수 있어?",
    "이 봇 뭐 할 수 있어요?",
    "障害報告書、金曜までにまとめます",
    "明日のメンテは予定通り2時からです",
    "今週のオンコールは田中さんです",
    "このボット何ができるの？",
    "日本語わかる？",
    "Diolch yn fawr 🙏",
    "diolch!",
    "bore da!",
    "nos da 👋",
    "Iechyd da 🍻 to the Networks team, eduroam survived freshers' week",
    "brill",
    "is the portal down? jk, just checking you're awake",
    "who broke the build? kidding, it's green",
    "the only thing down today is my motivation",
    'the "down" in the patch notes is about drop rates going down, not servers lol',
    "store latency is actually better than last week 📉 nice",
    "numbers from enrolment day: peak 4,200 logins/min on MyRecord and latency stayed under 800ms, nice",
    "rolled out the 4.12.2 hotfix to 10% on Google Play, crash-free looks great so far",
    "the crash spike on 4.12.0 is fixed in 4.12.1, which is now at 100%",
    "the latency spike at 3am was the backup window, known and fine",
    "resolved — the SSO issue was a browser extension on the reporter's machine",
    "main break on Pine is a field issue, nothing on our side, just fyi",
    "snow tomorrow, crews on standby. nothing for IT",
    "lockbox file landed at 6:02, payments posted fine",
    "eduroam has been rock solid since the controller upgrade, fair play to Networks",
    "fire alarm test in Castle Quay at 11, don't panic",
    "can you stay quiet in #its-random please",
    "whose turn is it to write the monthly service report?",
    "new season trailer 🔥🔥🔥",
    "can you pull the Learn latency graph for last week? need it for the monthly report",
    "Terraform Cloud: run for workspace aws-portal-prod applied successfully (2 added, 1 changed, 0 destroyed)",
    "Terraform Cloud: Run run-8sK2 in workspace billing-prod applied successfully",
    "Change CHG0041882 approved: CIS patching Saturday 22:00–02:00, implementer: R. Okafor",
    '[push-scheduler] campaign "weekly_reminder_jp" completed: 1.42M sent, 0.3% failed (within normal range)',
    '[liveops-bot] Event "Winter Solstice Login" published to the calendar for 2024-12-21 00:00 JST ✅',
    "Report 'Exam Period Weekly Summary' has been generated and emailed to its-leads@aberhaven.ac.uk",
    "Dependabot opened PR #412: Bump lodash from 4.17.20 to 4.17.21 in /outage-map-web",
  ])("chatter: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "障害発生中です、ログインできません",
    "배포 후 로그인 안 돼요 확인 부탁드립니다",
    "明日のメンテは予定通りですが、今ログインできません",
    "이 봇 뭐 할 수 있어요? 결제가 안 돼요",
    "障害報告書を書こうとしたら、Confluenceが落ちてます",
    "bore da, Moodle is down for everyone",
    "diolch but the VPN still drops every 5 minutes",
    "gwych, eduroam is down again",
    "is the portal down? it's been 504 for 10 min",
    "who broke the build? it's red since 14:00",
    "the only thing down is my motivation and also the VPN for everyone",
    "store latency is worse than last week, p99 at 3s",
    "latency stayed under 800ms but checkout is failing",
    "crash-free looks terrible, 91% on 4.12.2",
    "the crash spike on 4.12.0 is still there in 4.12.1",
    "the latency spike at 3am was the backup window but it's still spiking now",
    "the SSO issue is back for everyone, not a browser extension",
    "main break on Pine is a field issue, and the outage map is down",
    "eduroam has been down since the controller upgrade",
    "fire alarm panel in Castle Quay is offline, no signal to the monitoring centre",
    "can you pull the Learn latency graph? latency is at 9s right now",
    "whose turn is it to fix prod? it's down",
    "server room 🔥🔥🔥",
    "Terraform Cloud: run for workspace aws-portal-prod errored (apply failed)",
    "Terraform Cloud: run for workspace aws-portal-prod applied successfully but the ALB is returning 503",
    "Change CHG0041882 approved: emergency fix for the CIS outage, billing is down",
    '[push-scheduler] campaign "weekly_reminder_jp" completed: 1.42M sent, 31% failed',
    '[liveops-bot] Event "Winter Solstice Login" failed to publish to the calendar ❌',
    "Report 'Exam Period Weekly Summary' generation failed: timeout",
  ])("alert: %s", (text) => {
    expect(run(`<@U0SREBOT> ${text}`).decision).toBe("investigate")
  })
})

describe("a finding, a German fault since this morning, a delivery failing: no plans (round 39)", () => {
  it.each([
    "bagrecon-watchdog: :red_circle: flight CB4412 GLA→KOI due off in 20 min with 6 bags loaded for passengers not boarded (BRS mismatch)",
    "stock-watchdog: 🔴 12 pallets missing from the 14:00 dispatch manifest, truck leaves in 30 min",
    "[payroll-recon] 3 mismatched IBANs in the bank file, cut-off in 2 hours",
    ":rotating_light: 4 seats double-booked on VS12, boarding starts in 40 min",
    "rota-watchdog: :warning: 2 gates unmatched to a stand for tonight's 22:10 departures",
    "Die Crew-App zeigt seit heute Morgen keine Dienstpläne mehr an, Fehler 'Sync fehlgeschlagen'",
    "Das Kassensystem zeigt seit heute Morgen keine Preise mehr an, Fehler beim Abruf",
    "Die Buchungsseite lädt seit heute Morgen keine Flüge mehr, Fehler 'Timeout'",
    "crew app push notifications not arriving, crew are missing roster change alerts for tomorrow",
    "customers aren't receiving the SMS alerts for claim status changes since 9",
    "tenants are missing the rent change alerts, the emails never arrived",
  ])("alert: %s", (text) => {
    expect(run(`<@U07GRNDOPS> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "stock-watchdog: new release ships tomorrow, will run at 06:00",
    "release-bot: 4.2 rollout starts in 20 min",
    "ab morgen läuft der Sync stündlich",
    "morgen früh Wartung der Crew-App, Sync ist dann pausiert",
    "we should add an alert for when push notifications are not arriving",
    "let's change the roster alerts so they fire an hour earlier",
    "can we change the roster alerts for tomorrow to go out at 6?",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07GRNDOPS> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("Irish acks and greetings, a terraform apply that completed (round 39)", () => {
  it.each([
    "wilco",
    "wilco 👍",
    "howya",
    "howya folks",
    "terraform apply in claims-prod-us-east-1 completed: 0 added, 2 changed, 0 destroyed.",
    "terraform apply for payments-prod finished: 3 added, 0 changed, 1 destroyed",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07GRNDOPS> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "wilco, but checkin is still throwing 502s",
    "howya, the crew app is down again",
    "terraform apply in claims-prod failed: Error acquiring the state lock",
    // A done word followed by what it did wrong is no closure.
    "terraform apply in prod completed: 0 added, 0 changed, 14 destroyed — that wasn't supposed to destroy anything",
    "the migration completed but dropped 3 tables unexpectedly",
    "cleanup job finished, and it deleted the active sessions too, that was not supposed to happen",
  ])("alert: %s", (text) => {
    expect(run(`<@U07GRNDOPS> ${text}`).decision).toBe("investigate")
  })

  it.each(["fixed, no unexpected errors since", "done, nothing unexpected"])("chatter: %s", (text) => {
    expect(run(`<@U07GRNDOPS> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("round 40: rooms and apps of a thing, a negated perfect, a threshold, a monitor's recovery, one side fine; Portuguese, Swedish, Turkish, Tagalog and Māori talk", () => {
  // Decoys: a room an application serves or an app for a thing is a system; "haven't gone out in
  // 3 days" counts the past; "(expected < 1m)" beside a stale ping is a heartbeat gone stale; an
  // uptime monitor's formatted recovery is an alert by policy; one side fine is no closure; and
  // a report in each language beside its ack stays an alert.
  it.each([
    "is the waiting room stuck? nobody has moved in 10 min",
    "the lesson room is frozen for every student",
    "the chat room won't load on android",
    "kids app crashes as soon as you open the sticker board on android 10",
    "the pet shop app hangs on checkout",
    "Darwin depot reckons bond refunds haven't gone out in 3 days, customers ringing up spewing",
    "payroll exports have not run in 2 days",
    "the nightly invoices haven't been sent in 4 days",
    "[healthbot] walker-gps: last ping received 11m ago (expected < 1m), ingest may be stuck",
    "courier-tracker: last heartbeat 42 minutes ago (expected within 5m), feed may be stale",
    "queue lag 900s (expected <= 60s), consumers may be stuck",
    "✅ Resolved: **Booking API** is back up. Incident lasted 9 minutes.",
    "✅ Resolved: *Lesson API* is back up after 7 minutes",
    "✅ Resolved: _Checkout_ is back online. Incident lasted 12 min.",
    "hey, students in Ankara say the lesson room loads but there's no tutor video, tutor side looks fine",
    "drivers can log in but the map never loads, dispatcher side looks fine",
    "boa, mas o checkout caiu",
    "teste falhou de novo no checkout",
    "faz sentido, mas o pagamento está falhando desde as 10h",
    "Better Stack: relatório mensal de uptime — SLO violado, ingressa.pt 97.1%",
    "Terraform Cloud: run 'prod-network' errored: apply failed",
    "Opsgenie: alert 'Venue Ops PT' — checkout down, Tiago Mendes está de prevenção",
    "kassan funkar inte sedan i morse",
    "ödeme sayfası açılmıyor, hala hata veriyor",
    "hindi gumagana yung login ng students",
    "kia ora, the booking site is down for NZ customers",
    "tamam ama checkout 500 veriyor",
    "só testando a integração, mas o webhook está falhando com 500",
  ])("alert: %s", (text) => {
    expect(run(`<@U07INGRBOT> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the meeting room is stuck again lol",
    "my kids crash at 8pm every night 😂",
    "we'll migrate the refunds job in 3 days",
    "maintenance tonight 22:00, expected downtime < 5m, checkout may be slow",
    "✅ resolved, booking api is back up after 9 minutes, thanks all",
    "checked it, our side looks fine",
    "Terraform Cloud: run 'prod-network' applied successfully (3 added, 1 changed, 0 destroyed)",
    "Terraform Cloud: run-9Xk2 applied successfully in workspace prod-network (3 to add, 1 to change, 0 to destroy)",
    "Release **owner-app v5.3.0** published by <@U619283746>",
    "Opsgenie: schedule 'Fulfilment on-call' rotated — Agnieszka Wójcik is on call this week",
    "Opsgenie: rotação 'Venue Ops PT' começou — Tiago Mendes está de prevenção esta semana",
    "Better Stack: relatório mensal de uptime — ingressa.com.br 99.95%, ingressa.pt 99.98%",
    "faz sentido",
    "tá bom",
    "foi mal, canal errado",
    "esquece, já achei",
    "bem-vindo de volta, Pedro!",
    "cafezinho às 15?",
    "+1 pro que a Ana disse",
    "bom fds galera",
    "teste 123",
    "só testando o webhook novo, ignora",
    "está tudo a funcionar, falso alarme — era um teste meu",
    "domingo vamos fazer teste de failover, vão aparecer alertas — podem ignorar",
    "Manutenção programada: upgrade do banco de pedidos, sáb 02:00–03:00. Compras podem ficar indisponíveis ~5 min.",
    "não esquecer de renovar o certificado na próxima sprint",
    "o que significa 'KubeJobFailed' exatamente?",
    "quem está de plantão no sábado?",
    "quantos alertas tivemos em março?",
    "ticket do teste flaky é ABC-12, sem urgência",
    "glad påsk 🐣",
    "trevlig helg alla!",
    "låter bra",
    "det var bara ett test av larmet, allt är ok",
    "vem har jouren i helgen?",
    "kolay gelsin herkese",
    "tamamdır",
    "sorun çözüldü, her şey normal",
    "hafta sonu nöbet kimde?",
    "akşam 23:00'te planlı bakım var, kimse panik yapmasın",
    "ayos!",
    "ok na po, gumagana na",
    "sino po on-call bukas?",
    "tapos na yung deploy, walang errors",
    "kia ora",
    "ka pai",
    "chur bro",
    "ka kite",
    "smoko anyone?",
    "hooroo",
    "is latency measured at the lb or the app?",
    "is p99 computed from the client side or the server?",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07INGRBOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})

describe("Spain and Mexico Spanish talk, an alerting change asked, a digest's noisiest monitor (round 41)", () => {
  it.each([
    "órale pues",
    "qué padre 🙌",
    "va que va",
    "de acuerdo, gracias",
    "sin problemas",
    "eres una crack",
    "bien hecho, equipo 🎉",
    "uy",
    "nada, olvídalo",
    "ahorita lo checo",
    "lo vemos mañana",
    "voy por un café",
    "vamos a comer 🌯",
    "¿eres un bot?",
    "¿quién te creó?",
    "¿cómo te configuro?",
    "dime un chiste",
    "¿te puedo silenciar en #general?",
    "¿cuántas alertas saltaron en septiembre?",
    "¿cuál es el procedimiento para un P2?",
    "¿me añades a la rotación de guardia de reservas?",
    "¿hay alerta para cuando la cola de correos crece o la configuro yo?",
    "si vuelve a fallar Stripe, ¿a quién llamo?",
    "¿qué haríamos si se cae Redsys? es para el runbook",
    "le paso la guardia a Marta, no hay nada abierto",
    "el 12 de octubre es festivo, ojo con la guardia",
    "planning Q3: ¿migramos las notificaciones a SQS?",
    "¿pasamos el cron de facturas a una cola en vez de cron?",
    "mañana empieza el Hot Sale, ya duplicamos los pods de checkout por si acaso",
    "desplegué payments-api 2.3 en prod, todo en orden 👍",
    "el simulacro de failover salió bien, p95 < 300ms",
    "[facturas] exportación completada: 3.211 facturas, 0 errores",
    "ojo, el entorno de QA está caído a propósito, lo estamos reconstruyendo",
    "los errores 404 de la app vieja son esperados, ya no la soportamos",
    "taller de Terraform el jueves a las 17h, todos invitados",
    "lo de 'el servidor está caído' era el de Minecraft, no un servicio jaja",
    "os dejo este post sobre colas, https://example.com/colas",
    "when I said the Denver team is down that meant down a mechanic today, not the service lol",
    "when she said ops was down it meant short two people, not the system",
    "is there an alert for GBFS staleness or should I add one?",
    "do we have a monitor for dock battery levels or should we create one?",
    "did the unlock latency threshold change get merged?",
    "has the checkout error-rate alert tweak been deployed?",
    "Weekly digest: 14 monitors triggered, 13 resolved, MTTR 18m. Noisiest monitor: [P3] Log volume spike",
    "Weekly digest: 9 monitors triggered, 9 resolved. Top alert: Dock offline (Boston)",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07RUTABOT> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })

  it.each([
    "órale, checkout está caído",
    "de acuerdo, pero los pagos siguen fallando",
    "¿eres un bot? porque checkout da 502 y nadie responde",
    "¿cuántos incidentes tenemos abiertos? checkout está caído",
    "¿me añades a la rotación? por cierto pagos no funciona",
    "¿hay alerta para esto? el GPS de los buses dejó de reportar hace 1h y no funciona",
    "si vuelve a fallar Redsys, ¿dónde miro? ya está fallando otra vez desde hace 10 min",
    "le paso la guardia a Marta, pero checkout sigue caído",
    "planning Q3: ¿migramos? ahora mismo la cola está bloqueada con errores",
    "ya escalamos search-api por si acaso pero sigue dando timeouts",
    "desplegué payments-api 2.3 en prod, todo en orden pero login da 500",
    "la prueba de carga salió bien pero ahora prod da 502",
    "[horarios] publicación completada con errores: 1.842 salidas, 37 errores",
    "[horarios] publicación fallida: 0 salidas publicadas",
    "staging está caído a propósito, pero prod también está caído",
    "los errores de Sentry son esperados, pero checkout da 500",
    "charla de Grafana a las 13h, todos invitados; ojo que el login sigue caído",
    "lo de 'Pepe está down' era broma, pero la API sí está caída ahora mismo",
    "did the unlock latency threshold change get merged? unlocks are timing out again",
    "did the unlock latency fix get merged?",
    "when I said the app is down I meant it, checkout returns 502 since 9am",
    "is there an alert for this? unlocks are failing in Denver",
    "is there an alert for GBFS staleness or should I add one? feed is 40 min stale right now",
    "Weekly digest: 14 monitors triggered, 13 resolved. Noisiest monitor: [P3] Log volume spike — currently firing",
    "Weekly digest: 14 monitors triggered, 13 resolved, 1 outage ongoing",
  ])("alert: %s", (text) => {
    expect(run(`<@U07RUTABOT> ${text}`).decision).toBe("investigate")
  })
})

describe("stop 25, round 42: pages read as closed, plans or office talk, and shorthand", () => {
  it.each([
    // A screen's shown state, then denied bare ("…, they're not").
    "all the london restaurants show closed tonight, they're not",
    "app shows the depot closed, it's not!",
    "the kiosk map shows all stations offline, they aren't",
    // A done word negated or doubted is no closure.
    "Dear on-call, the overnight bill run does not appear to have completed. Bills for cycle 14 are absent from the print file. Regards, Margaret",
    "the overnight bill run does not appear to have completed",
    "the payroll batch didn't seem to finish, files missing",
    "the nightly export hasn't completed",
    // A connection that keeps dropping at a site the business runs.
    "wifi at the Thornbeck control room keeps dropping",
    "the wifi at the leeds depot keeps cutting out",
    "store wifi keeps dropping at the Camden branch",
    // Azure Monitor and a script's own recovery of a monitored condition are alerts.
    "Resolved: Sev2 'sql-billing-dtu-high' — DTU percentage 41% on sqldb-billing-prod",
    "Fired: Sev1 'appgw-5xx-rate' — Failed requests 312 on agw-portal-prod",
    "Resolved: Sev3 Azure Monitor Alert 'vm-cpu-high' on vm-scada-hist-02",
    "[recon-bot] ✅ RESOLVED: USD recon re-run — 0 unmatched (was 17)",
    "[ledger-sync] ✅ RESOLVED: EUR drift back to 0.00 (was 312.40)",
    "[payout-watch] ❌ FAILED: PHP payouts batch — 41 rejected (was 0)",
    // "live" of a show going on air is no recovery.
    "restream to twitch died, official channel shows offline and we're live in 10 min!!",
    "a streamer just got kicked to main menu mid ranked match live on stream, his chat says it happened to them too",
    "the ticket scanner app keeps logging people out, we're live in an hour!",
    "obs crashed twice, the preview feed is frozen and we go live in 5",
    // A resource low now, with what will fail of it, is a report, not a plan.
    "prefund bal at UnionBank looks v low, PH payouts will stall soon",
    "float at Wise is getting low, GBP payouts will fail by tonight",
    // Decoys of the chatter below.
    "Weekly monitor digest: 14 monitors triggered (↓22%). Noisiest: checkout-5xx (5) — currently firing",
    "Weekly monitor digest: 14 monitors triggered, conversion dropped 30%",
    "[fx-report] weekly corridor volume digest: US->MX payouts failing since 09:00",
    "gl with the db being down",
    "ic is Priya, payouts down since 9",
    "wfh today, vpn is down for me and everyone",
    "can you explain what GameServerFleetLowReady actually means? fleet is down in eu",
    "Could you kindly confirm the escalation procedure for SCADA alarms? Pump 4 is alarming now",
    "the chlorine alarm at Thornbeck requires no action, but pump 4 is down now",
    "grafana upgrade tonight broke the dashboards",
    "db migration tonight, payments are failing now",
    "crash rate on 1.42.4 is the lowest we've had all season but 1.42.5 crashes on launch",
    "error rate on checkout was lowest ever until 10 min ago, now 30% 5xx",
    "is the tournament stream down tonight at 7 or 8?",
    "pm for the PIX incident is thu 3pm, PIX is down again though",
    "Shardfall is down, players stuck at #2 queue on the login screen",
  ])("alert: %s", (text) => {
    expect(run(`<@U07HWOPS22> ${text}`).decision).toBe("investigate")
  })

  it.each([
    "the refund batch appears to have completed",
    "the fix is live in prod",
    "checkout is back live",
    "office wifi is slow lol",
    "what's the wifi password for the depot office?",
    "the balance will be low next week after payroll, we'll top it up on monday",
    "storage quota looks low, will clean up next sprint",
    "Weekly monitor digest: 14 monitors triggered this week (↓22%). Noisiest: lobby-gateway-ws-errors (5)",
    "Datadog weekly digest: 22 monitors triggered (↓15%), noisiest: kyc-svc onfido latency (7)",
    "Weekly alert digest: 9 alerts fired (↑12%). Loudest: booking-api-5xx (3)",
    "[fx-report] weekly corridor volume digest: US->MX $4.1M, GB->IN £2.7M, US->PH $1.9M",
    "[kpi-bot] daily payout volume digest: 12,400 transfers, $8.2M",
    "all gud",
    "wrong chan sry",
    "mb",
    "gl with the patch tonight",
    "idk 🤷",
    "ooo tmrw",
    "happy fri",
    "Kind regards.",
    "nowt to report",
    "sound",
    "standing by",
    "Release 'FieldLink-API-Prod-118' deployed successfully to stage 'Production'",
    "Release 'payments-web-2041' deployed successfully to environment 'prod-eu'",
    "can you explain what GameServerFleetLowReady actually means? reading the runbook rn",
    "could you explain what KubeJobFailed means?",
    "Could you kindly confirm the escalation procedure for out-of-hours SCADA alarms?",
    "Would you please clarify the process for weekend payout failures?",
    "For the avoidance of doubt, the alarm at Thornbeck earlier was a scheduled outstation test and requires no action.",
    "The low-pressure alarm at Kirkby reservoir was a planned sensor test and requires no action.",
    "grafana upgrade tonight 22:00, dashboards unavailable for ~10 min",
    "kibana upgrade tomorrow 06:00, search unavailable for ~15 min",
    "crash rate on 1.42.4 is the lowest we've had all season 🎉",
    "error rate on checkout is the lowest it's been all year 🎉",
    "card decline rate this week is the lowest we've seen this quarter",
    "is the tournament stream tonight at 7 or 8 CET?",
    "is the community AMA tomorrow at 5 or 6pm?",
    "pm for tue's PIX incident is thu 3pm ET, invite sent",
    "retro for the payout incident is friday 11am, invite sent",
    "Shardfall is down... to #2 on the Steam top sellers 😭",
  ])("chatter: %s", (text) => {
    expect(run(`<@U07HWOPS22> ${text}`)).toMatchObject({ verdict: "chatter", decision: "gate" })
  })
})
