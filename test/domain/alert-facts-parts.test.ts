/**
 * The pieces behind extractFacts, one rule at a time: owner names from pod names, link and
 * mention handling, severity mapping through a configured rubric, the names that must never
 * become facts, keyword bounds, and linear-time behaviour on hostile inputs.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Schema } from "effect"
import { extractFacts, extractLinks, mapSeverity, workloadFromPod } from "../../src/domain/alert-facts.js"
import { maxKeywords } from "../../src/domain/alert-facts-keywords.js"
import { defaultConfig, SeverityLabels } from "../../src/domain/config.js"

const labels = defaultConfig.severity.labels
const facts = (text: string) => extractFacts(text, labels)

describe("workloadFromPod", () => {
  it.each([
    ["payments-api-6c9f7d8b4-q7x2m", "payments-api"],
    ["search-indexer-0", "search-indexer"],
    ["alertmanager-main-12", "alertmanager-main"],
    ["reports-nightly-28871-abcde", "reports-nightly-28871"],
    ["fluent-bit-x7k2p", "fluent-bit"],
    ["backup-29412345-x7k2p", "backup-29412345"],
    ["api-gw-v2-5d84b7c9f-h8j2k", "api-gw-v2"],
    ["payments-api", null],
    ["standalone", null],
  ])("%s → %s", (pod, workload) => {
    expect(workloadFromPod(pod)).toBe(workload)
  })
})

describe("links and mentions", () => {
  it("unwraps Slack and markdown links, trims prose punctuation, dedupes in order", () => {
    const text =
      "see <https://a.example/x?y=1&amp;z=2|the graph>, [runbook](https://b.example/run) and " +
      "[wiki](<https://c.example/a_(b)>) (https://d.example/p). Again: https://b.example/run."
    expect(extractLinks(text)).toEqual([
      "https://a.example/x?y=1&z=2",
      "https://b.example/run",
      "https://c.example/a_(b)",
      "https://d.example/p",
    ])
  })

  it("reads facts past Slack and Discord mention, channel and emoji tokens", () => {
    const f = facts("<@U0SREBOT> <!here> <#C0ALERTS|alerts> <:fire:123456> <@&987654> namespace: payments")
    expect(f.namespace).toBe("payments")
    expect(f.keywords).not.toContain("u0srebot")
    expect(f.keywords).not.toContain("987654")
  })

  it("ignores an emoji shortcode that spells a severity", () => {
    expect(facts(":warning: :critical: disk almost full on db-1").severityLabel).toBeNull()
  })
})

describe("severity", () => {
  it("maps the default rubric case-insensitively (DESIGN §3)", () => {
    const cases = [
      ["CRITICAL", "critical"],
      ["Sev-1", "critical"],
      ["P2", "high"],
      ["Urgency: HIGH", "high"],
      ["warn", "medium"],
      ["SEV4", "low"],
      ["P5", "info"],
      ["Urgency: low", "low"],
      ["none", null],
    ] as const
    for (const [label, severity] of cases) expect(mapSeverity(label, labels)).toBe(severity)
  })

  it("follows the configured labels, not built-in words", () => {
    const custom = Schema.decodeSync(SeverityLabels)({ high: ["blocker"], critical: ["sev0"] })
    const f = extractFacts("[FIRING:1] QueueStuck\nseverity: blocker", custom)
    expect([f.severityLabel, f.severity]).toEqual(["blocker", "high"])
    expect(extractFacts("[FIRING:1] X\nseverity: high", custom).severity).toBeNull()
  })

  it("keeps an unmapped label as written, with no severity", () => {
    const f = facts("[FIRING:1] Watchdog\nseverity: none")
    expect([f.severityLabel, f.severity]).toEqual(["none", null])
  })

  it("reads a label that follows prose on the same line", () => {
    expect(facts("Pod ns/x-0 is down. severity: critical").severity).toBe("critical")
  })

  it("never reads severity from prose", () => {
    expect(facts("this is critical, the error rate is high").severity).toBeNull()
  })
})

describe("names that must not become facts", () => {
  it("drops template placeholders and invalid Kubernetes names", () => {
    const f = facts(
      "[FIRING:1] X\n • *namespace:* `<no value>`\n • *pod:* `Not_A_Pod!`\n • *cluster:* `none`",
    )
    expect([f.namespace, f.pod, f.workload, f.cluster]).toEqual([null, null, null, null])
  })

  it("does not read ordinary words after 'pod', 'node', 'namespace' or 'cluster' as names", () => {
    const f = facts(
      "the pod is restarting, the node has pressure, the namespace is full, the cluster is slow",
    )
    expect([f.pod, f.node, f.namespace, f.cluster, f.workload]).toEqual([null, null, null, null, null])
  })

  it("does not take a Prometheus scrape job for a Job", () => {
    expect(facts("[FIRING:1] TargetDown\njob=node-exporter namespace=monitoring").workload).toBeNull()
  })

  it("reads a cluster from a longer title group only when the value says it is one", () => {
    const endpoint = facts(
      "[FIRING:1] KubePodCrashLooping (http-metrics payments critical)\nnamespace: payments",
    )
    expect(endpoint.cluster).toBeNull()
    const cluster = facts("[FIRING:1] KubePodCrashLooping (eks-prod payments critical)\nnamespace: payments")
    expect(cluster.cluster).toBe("eks-prod")
  })

  it("does not take a title group value that names the pod's workload for a cluster", () => {
    const f = facts(
      "[FIRING:1] KubeJobFailed (reports-nightly batch)\npod: reports-nightly-28871-x7k2p\nnamespace: batch",
    )
    expect(f.cluster).toBeNull()
  })

  it("reads kubectl references and flags, but not kubectl verbs", () => {
    const f = facts("kubectl get pods -n payments shows CrashLoopBackOff; see ds/fluent-bit too")
    expect([f.namespace, f.workload]).toEqual(["payments", "fluent-bit"])
    expect(facts("kubectl get pods --namespace=search").workload).toBeNull()
  })

  it("keeps an Alertmanager alert Alertmanager's when it links a Grafana dashboard", () => {
    const text =
      "[FIRING:1] KubePodCrashLooping (payments)\nDashboard: https://grafana.acme.io/d/k8s-pods/pods?var-namespace=payments"
    expect(facts(text).source).toBe("alertmanager")
  })

  it("keeps a person's report a person's report when it names a tool", () => {
    expect(facts("the login page errors are critical, PagerDuty paged me twice").source).toBe("human")
    expect(facts("is Datadog down? the sentry project is quiet").source).toBe("human")
  })

  it("reads the log group a console link opens, however the console encoded it", () => {
    const link = (fragment: string) =>
      facts(
        `ALARM: otp failures\n<https://console.aws.amazon.com/cloudwatch/home?region=us-east-2#${fragment}|Log group>`,
      ).logGroups
    expect(link("logsV2:log-groups/log-group/$252Feks$252Fprod$252Fidentity$252Fotp-sender")).toEqual([
      "/eks/prod/identity/otp-sender",
    ])
    expect(link("logsV2:log-groups/log-group/%2Faws%2Flambda%2Fpdf/log-events/2026%2F12%2F15")).toEqual([
      "/aws/lambda/pdf",
    ])
    expect(link("logEventViewer:group=/ecs/orders-api;stream=web/app/123")).toEqual(["/ecs/orders-api"])
    expect(link("logsV2:log-groups/log-group/%E0%A4%A")).toEqual([])
  })

  it("names a person's service by its deployable, not by a role they mention ('consumers look up')", () => {
    expect(
      facts(
        "order-projector lag alert keeps firing (ns orders), lag ~41k and climbing. consumers look up, no restarts. what's going on?",
      ).service,
    ).toBe("order-projector")
  })

  it.each([
    "nothing dispatches since 02:30. Couriers are due at 6. Anything going on?",
    "cannot book a slot at the depot. Drivers are waiting, help",
    "cannot place holds at the desk. Tablets are showing an error. Staff are writing on paper",
  ])("takes no person or device a report mentions for the service: %s", (text) => {
    expect(facts(text).service).toBeNull()
  })

  it("still takes a deployable a person names next to those words", () => {
    expect(facts("Couriers are waiting. parcel-router is failing since 02:30").service).toBe("parcel-router")
  })

  it.each([
    ["metric filter QuoteErrors on /ecs/acme-prod/quote-api", "/ecs/acme-prod/quote-api"],
    ["(metric filter PaymentFailures in /app/billing/payments)", "/app/billing/payments"],
    ["Log group: /ecs/orders-api/web. Threshold crossed", "/ecs/orders-api/web"],
    ["log group /k8s/prod/ingest-worker", "/k8s/prod/ingest-worker"],
  ])("reads a log group the text says is one, whatever its root: %s", (text, group) => {
    expect(facts(`CloudWatch Alarm | x-errors | us-east-2\n${text}`).logGroups).toContain(group)
  })

  it("takes no bare path that nothing calls a log group", () => {
    expect(
      facts("CloudWatch Alarm | x-errors\nGET /v2/risk/flood failed, see /docs/runbooks/x").logGroups,
    ).toEqual([])
  })

  it("does not derive log group names it was not given", () => {
    expect(
      facts("CloudWatch alarm orders-handler-errors changed from OK to ALARM\nFunctionName = orders-handler")
        .logGroups,
    ).toEqual([])
  })
})

describe("start times", () => {
  const iso = (text: string) => {
    const t = facts(text).startsAt
    return t === null ? null : DateTime.formatIso(t)
  }

  it("falls back to the first timestamp in the body, skipping 'Ends at' lines", () => {
    expect(iso("[RESOLVED] X\nEnds at: 2026-11-27T14:00:00Z\nfired 2026-11-27T13:05:00-05:00")).toBe(
      "2026-11-27T18:05:00.000Z",
    )
  })

  it("rejects impossible dates instead of rolling them over", () => {
    expect(iso("startsAt=2026-02-30T10:00:00Z")).toBeNull()
    expect(iso("Starts at: 2026-11-27 24:00:00 +0000 UTC")).toBeNull()
  })

  it("reads a naive time as UTC", () => {
    expect(iso("Time: 2026-11-27 13:05")).toBe("2026-11-27T13:05:00.000Z")
  })
})

describe("keywords", () => {
  it(`are capped at ${maxKeywords}`, () => {
    const text = Array.from({ length: 80 }, (_, i) => `service-${i}-errors`).join(" ")
    expect(facts(text).keywords).toHaveLength(maxKeywords)
  })
})

describe("hostile inputs", () => {
  const hostile: ReadonlyArray<readonly [string, string]> = [
    ["hyphen runs", "a-".repeat(60_000)],
    ["dashes", "-".repeat(120_000)],
    ["a single long word", "a".repeat(120_000)],
    ["digits", "1".repeat(120_000)],
    ["colon pairs", "a:".repeat(60_000)],
    ["equals pairs", "a=".repeat(60_000)],
    ["dotted runs", "a.".repeat(60_000)],
    ["node-ish runs", "ip-1-".repeat(30_000)],
    ["pod words", "pod ".repeat(30_000)],
    ["namespace words", "in namespace ".repeat(10_000)],
    ["open brackets", "[".repeat(120_000)],
    ["open parens", "(".repeat(120_000)],
    ["link starts", "<https://".repeat(15_000)],
    ["markdown link starts", "[x](".repeat(30_000)],
    ["aws paths", "/aws/".repeat(25_000)],
    ["quotes", '"'.repeat(120_000)],
    ["mentions", "<@".repeat(60_000)],
    ["stars and ticks", "*`".repeat(60_000)],
    ["newlines", "\n".repeat(120_000)],
    ["a long line label", `Labels: ${"k=v, ".repeat(25_000)}`],
    ["timestamps", "2026-11-27T13:05:00Z ".repeat(6_000)],
  ]

  it.each(hostile)("%s: returns promptly (linear-time patterns)", { timeout: 5_000 }, (_name, text) => {
    expect(facts(text).source).toBeDefined()
  })
})
