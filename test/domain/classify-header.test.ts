/**
 * The header short-cut (src/domain/classify-header.ts): a tool's header leading the message
 * decides without the other rules, so it must never decide differently from them. Held here on
 * every labelled corpus line and on generated header-led messages whose bodies carry what the
 * other rules react to (recoveries, thanks, quotes, code, "investigate", configured terms).
 */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { classify, classifyFully } from "../../src/domain/classify.js"
import { heartbeatAlert, leadingAlertHeader, mayAskToInvestigate } from "../../src/domain/classify-header.js"
import { ClassifierSettings } from "../../src/domain/config.js"
import type { Trigger } from "../../src/domain/platform.js"

const settings = Schema.decodeSync(ClassifierSettings)({})
const withTerms = Schema.decodeSync(ClassifierSettings)({ alert_terms: ["crashloop", "checkout"] })
const disabled = Schema.decodeSync(ClassifierSettings)({ enabled: false })

/** What the short-cut must not change: the verdict, the decision and the tier. */
const outcome = (c: ReturnType<typeof classify>) => ({
  verdict: c.verdict,
  decision: c.decision,
  tier: c.tier,
})

describe("leadingAlertHeader", () => {
  it.each([
    ["<@U01SREBOT> [FIRING:1] KubePodCrashLooping (prod payments)", "alertmanager"],
    ["<@U01SREBOT> <@U02OTHER>  *[RESOLVED]* NodeDiskPressure", "alertmanager"],
    ["[FIRING: 12] HighErrorRate", "alertmanager"],
    ["<!here> [Alerting] checkout p99 > 2s", "grafana"],
    ["<@U01SREBOT> [No Data] queue depth", "grafana"],
    ["<@U01SREBOT> [P1] unlock success rate below 95%", "datadog"],
    ["<@U01SREBOT> _[P3]_ disk usage above 85%", "datadog"],
  ])("%s → %s", (text, format) => {
    expect(leadingAlertHeader(text)).toBe(format)
  })

  it.each([
    // Quoted, in code, or in a sentence: the person's own words decide (the full gate).
    "<@U01SREBOT> > [FIRING:1] KubePodCrashLooping\nwhat was this about?",
    "<@U01SREBOT> &gt; [FIRING:1] KubePodCrashLooping",
    "<@U01SREBOT> `[FIRING:1] KubePodCrashLooping` is what we'll inject at 15:00",
    "<@U01SREBOT> ```[FIRING:1] KubePodCrashLooping```",
    "<@U01SREBOT> what does [FIRING:1] mean?",
    // A count belongs to Alertmanager's states only; no other word is a header.
    "<@U01SREBOT> [Alerting: 3] latency",
    "<@U01SREBOT> [P1:2] latency",
    "<@U01SREBOT> [firing-ish] lol",
    "<@U01SREBOT> [Paging] nobody",
    // A tool's name heads its other posts too (classify-tool-notices.ts decides those).
    "<@U01SREBOT> [Opsgenie] Maintenance window started for dock-gateway",
    "<@U01SREBOT> [PagerDuty] Incident #4471 triggered",
  ])("no header: %s", (text) => {
    expect(leadingAlertHeader(text)).toBeNull()
  })
})

describe("mayAskToInvestigate", () => {
  it("is true for every spelling the tokenizer reads as the word, stretched or not", () => {
    for (const text of [
      "please investigate",
      "INVESTIGATE",
      "re-investigate",
      "reinvestigate",
      "investigaaate",
    ])
      expect(mayAskToInvestigate(text)).toBe(true)
    expect(mayAskToInvestigate("[FIRING:1] KubePodCrashLooping")).toBe(false)
  })
})

describe("heartbeat alerts", () => {
  it("gates Alertmanager's always-firing heartbeats named alone in the header", () => {
    for (const text of [
      "<@U01SREBOT> [FIRING:1] Watchdog\nThis is an alert meant to ensure that the entire alerting pipeline is functional.",
      "<@U01SREBOT> [FIRING:1] InfoInhibitor (monitoring)",
      "<@U01SREBOT> [FIRING] DeadMansSwitch",
    ]) {
      expect(heartbeatAlert(text)).not.toBeNull()
      expect(classify({ text, trigger: "mention" }, settings).decision).toBe("gate")
    }
  })

  it("investigates a heartbeat grouped with others, a heartbeat resolving, and any explicit trigger", () => {
    for (const text of [
      "[FIRING:2] Watchdog, KubePodCrashLooping",
      "[FIRING:1] Watchdog-missing DeadMansSwitch not received from prometheus-eu for 10m",
      "[FIRING:1] Watchdog\nIt is always firing. (cluster: eks-dr — deadman switch missing for 20m)",
    ])
      expect(classify({ text, trigger: "mention" }, settings).decision, text).toBe("investigate")
    // A heartbeat that stops firing means the alerting pipeline itself is broken.
    expect(classify({ text: "[RESOLVED] Watchdog", trigger: "mention" }, settings).decision).toBe(
      "investigate",
    )
    expect(classify({ text: "[FIRING:1] Watchdog", trigger: "reaction" }, settings).decision).toBe(
      "investigate",
    )
    expect(
      classify({ text: "[FIRING:1] Watchdog investigate please", trigger: "mention" }, settings).decision,
    ).toBe("investigate")
  })
})

describe("the short-cut agrees with every rule", () => {
  const dir = new URL("../fixtures/", import.meta.url)
  const texts = readdirSync(dir)
    .filter((f) => f.startsWith("classification") && f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map(
          (line) =>
            Schema.decodeUnknownSync(Schema.parseJson(Schema.Struct({ text: Schema.String })))(line).text,
        ),
    )

  it("on every labelled corpus line, for a mention and a reaction", () => {
    const led = texts.filter((t) => leadingAlertHeader(t) !== null)
    // The corpora hold hundreds of tools' notifications: the short-cut is exercised, not vacuous.
    expect(led.length).toBeGreaterThan(500)
    for (const text of led)
      for (const trigger of ["mention", "reaction"] as const)
        expect(outcome(classify({ text, trigger }, settings)), text).toEqual(
          outcome(classifyFully({ text, trigger }, settings)),
        )
  })

  const header = fc.constantFrom(
    "[FIRING:1]",
    "[FIRING:3]",
    "[RESOLVED]",
    "[Resolved:2]",
    "[Alerting]",
    "[No Data]",
    "[P2]",
    "[p5]",
  )
  // Quotes and code before the header too: there the full gate decides, and must still agree.
  const prefix = fc.constantFrom(
    "",
    "<@U01SREBOT> ",
    "<@U01SREBOT> <@U0OTHER> ",
    "<!here> ",
    " \n*",
    "_",
    "** ",
    "<@U01SREBOT> > ",
    "> ",
    "&gt; ",
    "`",
  )
  const piece = fc.constantFrom(
    "KubePodCrashLooping (prod payments)",
    "resolved, thanks all!",
    "all good now 🙏",
    "false alarm, ignore",
    "please investigate",
    "investigate again",
    "don't investigate",
    "\n> quoted line",
    "\n```\nkubectl get pods\n```",
    " `a long inline code span here`",
    "checkout crashloop",
    "what was the root cause of monday's outage?",
    "lol 😂",
    '\n&gt; ALARM: "x"',
    "was down for 4 minutes",
    "\nwhat was this old alert about? just curious, no rush",
    "\nthanks everyone, that one was from last week's load test, all good now",
    "",
  )
  const trigger = fc.constantFrom<Trigger>("mention", "reaction", "thread_mention", "command")
  const config = fc.constantFrom(settings, withTerms, disabled)

  it("on generated header-led messages, whatever follows the header", () => {
    fc.assert(
      fc.property(
        prefix,
        header,
        fc.array(fc.oneof(piece, fc.string({ maxLength: 40 })), { maxLength: 5 }),
        trigger,
        config,
        (p, h, body, t, s) => {
          const text = `${p}${h} ${body.join(" ")}`
          const fast = classify({ text, trigger: t }, s)
          const full = classifyFully({ text, trigger: t }, s)
          expect(outcome(fast)).toEqual(outcome(full))
          // The header's own format is among the reasons the full gate gives.
          const format = leadingAlertHeader(text)
          if (format !== null && heartbeatAlert(text) === null)
            expect(full.reasons).toContain(`alert format: ${format}`)
        },
      ),
      { seed: 20261128, numRuns: 2000 },
    )
  })
})
