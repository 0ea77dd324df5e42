/**
 * Properties of extractFacts over generated inputs (fast-check 4, fixed seeds): generated pod
 * names give back their workload exactly, Kubernetes names put into Alertmanager's templates
 * come back out, and any string at all gives a well-formed, deterministic result.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { AlertFacts, extractFacts, workloadFromPod } from "../../src/domain/alert-facts.js"
import { generatedNameAlphabet, isNameWord } from "../../src/domain/alert-facts-names.js"
import { defaultConfig } from "../../src/domain/config.js"

const labels = defaultConfig.severity.labels
const facts = (text: string) => extractFacts(text, labels)

const alphabet = fc.constantFrom(...generatedNameAlphabet.split(""))
const segment = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/)
/** A DNS-1123 label of 1–4 segments (every Kubernetes workload/namespace name has this shape). */
const dnsName = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("-"))
// An all-digit 8-character middle is a CronJob's Job name (`backup-29412345-x7k2p`), by design.
const podHash = fc.string({ unit: alphabet, minLength: 8, maxLength: 10 }).filter((h) => !/^\d{8}$/.test(h))
const podSuffix = fc.string({ unit: alphabet, minLength: 5, maxLength: 5 })
const replicaSetPod = fc
  .tuple(dnsName, podHash, podSuffix)
  .map(([workload, hash, suffix]) => ({ workload, pod: `${workload}-${hash}-${suffix}` }))

const run = { seed: 42, numRuns: 300 } as const

describe("workload from a ReplicaSet pod name", () => {
  it("is recovered exactly by workloadFromPod", () => {
    fc.assert(
      fc.property(replicaSetPod, ({ workload, pod }) => {
        expect(workloadFromPod(pod)).toBe(workload)
      }),
      run,
    )
  })

  it("is recovered exactly from a pod label and from a kube-prometheus description", () => {
    fc.assert(
      fc.property(replicaSetPod, dnsName, ({ workload, pod }, namespace) => {
        expect(facts(`[FIRING:1] KubePodNotReady\n • *pod:* \`${pod}\``).workload).toBe(workload)
        const described = facts(
          `Pod ${namespace}/${pod} has been in a non-ready state for longer than 15 minutes.`,
        )
        expect([described.namespace, described.pod, described.workload]).toEqual([namespace, pod, workload])
      }),
      { ...run, seed: 7 },
    )
  })
})

const templates: ReadonlyArray<(n: Names) => string> = [
  (n) =>
    `<@U0SREBOT> [FIRING:1] KubePodCrashLooping (${n.cluster} ${n.namespace})\n*Alert:* Pod ${n.namespace}/${n.pod} (${n.container}) is in waiting state (reason: "CrashLoopBackOff"). - \`critical\`\n*Details:*\n • *alertname:* \`KubePodCrashLooping\`\n • *cluster:* \`${n.cluster}\`\n • *namespace:* \`${n.namespace}\`\n • *pod:* \`${n.pod}\`\n • *severity:* \`critical\``,
  (n) =>
    `[FIRING:2] KubeDeploymentReplicasMismatch (${n.namespace})\nLabels:\n - alertname = KubeDeploymentReplicasMismatch\n - cluster = ${n.cluster}\n - container = ${n.container}\n - deployment = ${n.workload}\n - job = kube-state-metrics\n - namespace = ${n.namespace}\n - pod = ${n.pod}\n - severity = critical\nAnnotations:\n - description = Deployment ${n.namespace}/${n.workload} has not matched the expected number of replicas.`,
  (n) =>
    `<@1345319652556800001> **[FIRING:1] KubePodCrashLooping** (${n.cluster} ${n.namespace})\n**namespace:** ${n.namespace}\n**pod:** ${n.pod}\n**container:** ${n.container}\n**cluster:** ${n.cluster}\n**severity:** critical`,
  (n) =>
    `[FIRING:1] KubePodCrashLooping (${n.cluster} ${n.namespace})\nPod ${n.namespace}/${n.pod} (${n.container}) is in waiting state (reason: "CrashLoopBackOff").`,
]

interface Names {
  readonly namespace: string
  readonly workload: string
  readonly pod: string
  readonly container: string
  readonly cluster: string
}

// The last template names the cluster only through the title group `(cluster namespace)`, which
// is read as the cluster only when no other fact claims that value and it is not an English
// word; the generator keeps to names where that reading is unambiguous.
const names: fc.Arbitrary<Names> = fc
  .record({
    namespace: dnsName,
    workload: dnsName,
    hash: podHash,
    suffix: podSuffix,
    container: dnsName,
    cluster: dnsName,
  })
  .filter(
    (n) =>
      n.cluster !== n.namespace &&
      n.cluster !== n.container &&
      !n.workload.startsWith(`${n.cluster}-`) &&
      isNameWord(n.cluster),
  )
  .map((n) => ({ ...n, pod: `${n.workload}-${n.hash}-${n.suffix}` }))

describe("Kubernetes names in Alertmanager templates", () => {
  it("round-trip: namespace, workload, pod, container, cluster and service come back out", () => {
    fc.assert(
      fc.property(names, fc.integer({ min: 0, max: templates.length - 1 }), (n, t) => {
        const text = templates[t]?.(n) ?? ""
        const f = facts(text)
        expect(f.source).toBe("alertmanager")
        expect({
          ns: f.namespace,
          wl: f.workload,
          pod: f.pod,
          c: f.container,
          cl: f.cluster,
          svc: f.service,
        }).toEqual({
          ns: n.namespace,
          wl: n.workload,
          pod: n.pod,
          c: n.container,
          cl: n.cluster,
          svc: n.workload,
        })
        expect(f.severity).toBe(t === 3 ? null : "critical")
      }),
      { ...run, seed: 1234 },
    )
  })
})

// Fragments of every syntax the extractor reads, so random strings reach its deep paths.
const fragment = fc.constantFrom(
  "[FIRING:1] ",
  "[RESOLVED] ",
  "[Alerting] ",
  "**Firing**\n",
  "CloudWatch Alarm | ",
  'ALARM: "',
  "Triggered: [P2] ",
  "Incident #12 triggered on ",
  "Regression in ",
  "Monitor is DOWN: ",
  " • *namespace:* `",
  "` ",
  " - pod = ",
  "pod/",
  "Pod ns/",
  "-6c9f7d8b4-q7x2m",
  "-0 ",
  " (api) ",
  "(eks-prod payments)",
  "node ip-10-0-1-23.ec2.internal ",
  "cluster=",
  "job=kube-state-metrics ",
  "severity: ",
  "Urgency: high ",
  "SEV1 ",
  "/aws/lambda/x ",
  "log_group=",
  "arn:aws:logs:us-east-1:123456789012:log-group:",
  "US East (N. Virginia) ",
  "Account: 998877665544 ",
  "Starts at: 2026-11-27 13:05:00.123 +0000 UTC\n",
  "2026-02-30T25:61:00Z ",
  "<https://x.example/a|label> ",
  "[l](https://y.example/(b)) ",
  "https://z.example/c) ",
  "<@U123> ",
  "<#C1|general> ",
  ":warning: ",
  "&lt;no value&gt; ",
  '{alertname="X", namespace="ns"} ',
  "\n",
  "payments are broken. ",
  " pods ",
  "from eks-prod ",
)
const noisy = fc
  .array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 })
  .map((xs) => xs.join(""))
const anything = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme" }),
  noisy,
)

describe("extractFacts on any string", () => {
  it("never throws, gives a valid AlertFacts, and is deterministic", () => {
    fc.assert(
      fc.property(anything, (text) => {
        const a = facts(text)
        const b = facts(text)
        const encoded = Schema.encodeSync(AlertFacts)(a)
        expect(Schema.encodeSync(AlertFacts)(b)).toEqual(encoded)
        expect(Schema.decodeUnknownSync(AlertFacts)(JSON.parse(JSON.stringify(encoded)))).toEqual(a)
      }),
      { seed: 2026, numRuns: 1000 },
    )
  })

  it("keeps keywords bounded, lower-cased and unique, and links unique http(s) URLs", () => {
    fc.assert(
      fc.property(anything, (text) => {
        const f = facts(text)
        expect(f.keywords.length).toBeLessThanOrEqual(30)
        expect(new Set(f.keywords).size).toBe(f.keywords.length)
        for (const k of f.keywords) expect(k).toBe(k.toLowerCase())
        expect(new Set(f.links).size).toBe(f.links.length)
        for (const l of f.links) expect(l).toMatch(/^https?:\/\//)
      }),
      { seed: 99, numRuns: 500 },
    )
  })
})
