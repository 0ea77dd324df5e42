/**
 * The scanners' pure classification: whole-word matching ("terror" is not "error",
 * "payments-api-v2" is not "payments-api"), deploy announcements over the change lookback and
 * other alerts over the evidence window, our own posts and the alert itself never evidence,
 * unrelated chatter never a finding, and the cap.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat, subjectNames } from "../../src/domain/chat-scan.js"
import { hasWord, namesService } from "../../src/domain/chat-terms.js"
import { defaultConfig } from "../../src/domain/config.js"

const alertTime = DateTime.unsafeMake("2026-11-27T13:05:00Z")
const window = investigationWindow(alertTime, {
  evidenceBeforeMinutes: 30,
  evidenceAfterMinutes: 5,
  changeLookbackHours: 6,
})
const alertText = `[FIRING:1] KubePodCrashLooping (eks-prod payments)
service: payments-api
severity: critical`
const facts = extractFacts(alertText, defaultConfig.severity.labels)
const alert = { platform: "slack" as const, channel: "C0ALERTS", messageId: "1795784700.000200", window }

let n = 0
const msg = (at: string, text: string, over: Partial<HistoryMessage> = {}): HistoryMessage => ({
  channel: "C0DEPLOYS",
  messageId: `m${++n}`,
  threadId: null,
  postedAt: DateTime.unsafeMake(at),
  text,
  author: { id: "U0CI", name: "ci", bot: true },
  own: false,
  ...over,
})

const scan = (messages: ReadonlyArray<HistoryMessage>, maxFindings = 20) =>
  scanChat({
    alert,
    facts,
    channels: [
      { id: "C0DEPLOYS", name: "#deploys" },
      { id: "C0ALERTS", name: "#alerts-prod" },
    ],
    messages,
    maxFindings,
  })

describe("chat terms", () => {
  it("matches whole words only", () => {
    expect(hasWord("a reign of terror", "error")).toBe(false)
    expect(hasWord("Error: boom", "error")).toBe(true)
    expect(hasWord("errorless", "error")).toBe(false)
    expect(hasWord("ERROR_CODE", "error")).toBe(false)
    expect(hasWord("pods not  ready", "not ready")).toBe(true)
  })

  it("names a service as a whole name or through its pods", () => {
    expect(namesService("deployed *payments-api* v2", "payments-api")).toBe(true)
    expect(namesService("deployed payments-api-v2 to prod", "payments-api")).toBe(false)
    expect(namesService("checkout-payments-api is slow", "payments-api")).toBe(false)
    expect(namesService("pod payments-api-6c9f7d8b4-q7x2m restarted", "payments-api")).toBe(true)
    expect(namesService("payments-api.", "payments-api")).toBe(true)
    // Its own IAM role, policy or service account is the service too.
    expect(namesService("removed s3:PutObject from payments-api-task-role", "payments-api")).toBe(true)
    expect(namesService("updated payments-api-sa annotations", "payments-api")).toBe(true)
    expect(namesService("payments-api-worker restarted", "payments-api")).toBe(false)
  })

  it("takes the subject from the alert's labels, or a person's service-shaped words", () => {
    expect(subjectNames(facts)).toEqual(["payments-api"])
    const human = extractFacts(
      "can you check report-renderer on eks-data-prod? it returns 503",
      defaultConfig.severity.labels,
    )
    expect(subjectNames(human)).toEqual(["report-renderer"])
  })
})

describe("scanChat", () => {
  it("a deploy of the alerting service inside the change lookback is a medium deploy_announcement", () => {
    const deploy = msg("2026-11-27T09:30:00Z", "github-actions: deployed payments-api v2.14.0 to eks-prod")
    const result = scan([deploy])
    expect(result.matches).toHaveLength(1)
    expect(result.matches[0]).toMatchObject({
      kind: "deploy_announcement",
      severity: "medium",
      service: "payments-api",
      message: deploy,
    })
    expect(result.matches[0]?.title).toContain("#deploys")
  })

  it("infrastructure as code applied to the service (Terraform, Atlantis) is a change", () => {
    const atlantis = msg(
      "2026-11-27T12:10:00Z",
      '✅ *Apply succeeded* for `acme/infra-iam` PR #812 "iam: least-privilege for payments-api task role"',
    )
    expect(scan([atlantis]).matches.map((m) => [m.kind, m.severity])).toEqual([
      ["deploy_announcement", "medium"],
    ])
  })

  it("a feature-flag change naming the service is a change too: a flag word, or a rollout percentage moved", () => {
    const flag = msg(
      "2026-11-27T12:40:00Z",
      "*Amara* changed *Risk model v2* (`risk-model-v2`) in *Production* (project *payments-api*): default rule 10% → 100% serving `true`",
    )
    const toggled = msg("2026-11-27T12:10:00Z", "toggled the new-ledger flag on for payments-api")
    const result = scan([flag, toggled])
    expect(result.matches.map((m) => [m.kind, m.message.text.slice(0, 12)])).toEqual([
      ["deploy_announcement", "*Amara* chan"],
      ["deploy_announcement", "toggled the "],
    ])
  })

  it("a setting changed by hand is a change: a verb for it, or a variable given a value", () => {
    const flipped = msg(
      "2026-11-27T09:50:00Z",
      "recon is off by 14 entries again. flipping payments-api to LOG_LEVEL=DEBUG for a few hours to catch it",
    )
    const bumped = msg("2026-11-27T10:20:00Z", "bumped the payments-api pool size to 50")
    const assigned = msg("2026-11-27T11:00:00Z", "payments-api: DB_POOL_SIZE=80 now, let's see")
    expect(scan([flipped, bumped, assigned]).matches.map((m) => m.kind)).toEqual([
      "deploy_announcement",
      "deploy_announcement",
      "deploy_announcement",
    ])
    expect(
      scan([msg("2026-11-27T11:00:00Z", "payments-api dashboards look the same as last week")]).matches,
    ).toEqual([])
  })

  it("work announced for later is no change, until its time has come by the end of the window", () => {
    // the window ends 13:10
    const tonight = msg(
      "2026-11-27T09:00:00Z",
      "reminder: payments-api db minor version upgrade 15.6 -> 15.8 is scheduled for tonight 23:00 UTC",
    )
    const tomorrow = msg(
      "2026-11-27T11:00:00Z",
      "payments-api v2.15.0 will be deployed tomorrow after the freeze",
    )
    const came = msg("2026-11-27T09:00:00Z", "payments-api config rollout is scheduled for 12:30 UTC")
    const now = msg("2026-11-27T12:50:00Z", "the payments-api deploy scheduled for 12:45 is rolling now")
    expect(scan([tonight, tomorrow, came, now]).matches.map((m) => m.message.messageId)).toEqual([
      now.messageId,
      came.messageId,
    ])
  })

  it("a deploy older than the change lookback, or of another service, is not a finding", () => {
    const old = msg("2026-11-27T06:59:00Z", "deployed payments-api v2.13.0")
    const other = msg("2026-11-27T13:00:00Z", "deployed search-api v1.8.1 to eks-prod")
    const lookalike = msg("2026-11-27T13:00:00Z", "deployed payments-api-v2 to eks-prod")
    expect(scan([old, other, lookalike]).matches).toEqual([])
  })

  it("a change to what the service stands on (its database's CA rotated) is a change; a sibling service's is not", () => {
    const rotation = msg(
      "2026-11-27T12:40:00Z",
      "rotating payments-db to rds-ca-rsa2048-g1 now (modify-db-instance --apply-immediately), expect a ~1 min reboot",
    )
    const symptom = msg("2026-11-27T12:50:00Z", "payments-db is failing over, errors everywhere")
    const sibling = msg("2026-11-27T12:45:00Z", "rotated the payments-web session keys")
    expect(
      scan([rotation, symptom, sibling]).matches.map((m) => [m.kind, m.service, m.message.messageId]),
    ).toEqual([["deploy_announcement", "payments-db", rotation.messageId]])
  })

  it("a flag named with the service's product word, turned on by a flag service, is a change; a denied deploy is not", () => {
    const flag = msg(
      "2026-11-27T12:40:00Z",
      "**Priya Nair** turned on **payments-retry-v2** in **Production** · serving `true` to 100% of contexts (was: 0%)",
      { author: { id: "B0LD", name: "LaunchDarkly", bot: true } },
    )
    const otherFlag = msg(
      "2026-11-27T12:41:00Z",
      "**Priya Nair** changed **checkout-apple-pay** in **Production**: rollout 25% → 50%",
      { author: { id: "B0LD", name: "LaunchDarkly", bot: true } },
    )
    const denied = msg(
      "2026-11-27T12:50:00Z",
      "payments-api is crawling, nobody deployed anything this evening afaik",
    )
    expect(
      scan([flag, otherFlag, denied]).matches.map((m) => [m.kind, m.service, m.message.messageId]),
    ).toEqual([["deploy_announcement", "payments-api", flag.messageId]])
  })

  it("a change announced without the service's name is its change when a reply in its thread names it", () => {
    const flag = msg(
      "2026-11-27T12:40:00Z",
      "Marta Kowalski turned on the flag *Inline reviews* (`inline-reviews`) in *Production* · serving `true` to 100% of users",
      { author: { id: "B0LD", name: "LaunchDarkly", bot: true } },
    )
    const reply = msg(
      "2026-11-27T12:41:00Z",
      "inline reviews are live for everyone on payments-api, shout if anything looks off",
      {
        threadId: flag.messageId,
        author: { id: "U0MK", name: "marta", bot: false },
      },
    )
    expect(scan([flag, reply]).matches.map((m) => [m.kind, m.service, m.message.messageId])).toEqual([
      ["deploy_announcement", "payments-api", flag.messageId],
    ])
    // Without the reply, the flag names no service of the alert's.
    expect(scan([flag]).matches).toEqual([])
  })

  it("a schema migration job named with the service's product word is the service's change", () => {
    const migration = msg(
      "2026-11-27T12:40:00Z",
      "argocd: sync started payments-prod — PreSync hook Job payments-db-migrate-0142 (flyway migrate to 0142)",
    )
    expect(scan([migration]).matches.map((m) => [m.kind, m.service])).toEqual([
      ["deploy_announcement", "payments-api"],
    ])
  })

  it("another alert for the service in the evidence window is a related_alert; outside it, nothing", () => {
    const inside = msg("2026-11-27T12:50:00Z", "[FIRING:1] HighErrorRate payments-api 5xx > 5%", {
      channel: "C0ALERTS",
    })
    const before = msg("2026-11-27T12:20:00Z", "[FIRING:1] HighErrorRate payments-api", {
      channel: "C0ALERTS",
    })
    const result = scan([inside, before])
    expect(result.matches.map((m) => [m.kind, m.severity, m.message.messageId])).toEqual([
      ["related_alert", "medium", inside.messageId],
    ])
  })

  it("a person's word of a third party the alert's labels name (provider:paynetix) going down is medium evidence", () => {
    const vendorFacts = extractFacts(
      "Triggered: [P2] checkout-payments provider error rate above 20% {env:prod, provider:paynetix, service:checkout-payments}",
      defaultConfig.severity.labels,
    )
    expect(vendorFacts.dependencies).toEqual(["paynetix"])
    expect(subjectNames(vendorFacts)).toEqual(["checkout-payments", "paynetix"])
    const status = msg(
      "2026-11-27T12:58:00Z",
      "Paynetix status page: major outage, Charges API returning 503 in EU",
      {
        author: { id: "U0ANA", name: "ana", bot: false },
      },
    )
    const result = scanChat({
      alert,
      facts: vendorFacts,
      channels: [{ id: "C0DEPLOYS", name: "#payments-vendors" }],
      messages: [status],
      maxFindings: 20,
    })
    expect(result.matches.map((m) => [m.kind, m.severity, m.service])).toEqual([
      ["related_alert", "medium", "paynetix"],
    ])
    expect(result.matches[0]?.title).toMatch(/^Outage reported for paynetix in #payments-vendors: /)
  })

  it("'terror' is not 'error': a person's chatter naming the service is no finding", () => {
    const chatter = msg("2026-11-27T13:00:00Z", "the payments-api terror movie night is at 6", {
      author: { id: "U0DANA", name: "dana", bot: false },
    })
    expect(scan([chatter]).matches).toEqual([])
    const report = msg("2026-11-27T13:01:00Z", "payments-api is throwing errors for me", {
      author: { id: "U0DANA", name: "dana", bot: false },
    })
    expect(scan([report]).matches.map((m) => [m.kind, m.severity])).toEqual([["related_alert", "low"]])
  })

  it("never our own posts, never the alert itself", () => {
    const ours = msg("2026-11-27T13:02:00Z", "🔎 Investigating payments-api errors", { own: true })
    const theAlert = msg("2026-11-27T13:05:00Z", alertText, {
      channel: "C0ALERTS",
      messageId: "1795784700.000200",
    })
    const result = scan([ours, theAlert])
    expect(result.matches).toEqual([])
    expect(result.considered).toBe(0)
  })

  it("a symptom outranks change words: a stuck rollout reported by a person is a report, not a deploy", () => {
    const m = msg(
      "2026-11-27T13:01:00Z",
      "payments-api rollout is taking a while, 2 new pods still not ready",
      {
        author: { id: "U0K", name: "kenji", bot: false },
      },
    )
    expect(scan([m]).matches.map((x) => x.kind)).toEqual(["related_alert"])
  })

  it("caps the findings, best first, and counts the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      msg(`2026-11-27T12:${String(40 + (i % 20)).padStart(2, "0")}:00Z`, `[FIRING] payments-api error #${i}`),
    )
    const deploy = msg("2026-11-27T11:00:00Z", "deployed payments-api v2.14.0")
    const result = scan([...many, deploy], 20)
    expect(result.matches).toHaveLength(20)
    expect(result.omitted).toBe(6)
    expect(result.matches[0]?.kind).toBe("deploy_announcement")
  })
})
