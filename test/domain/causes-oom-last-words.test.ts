/**
 * Stop 24: a container the kubelet OOMKilled in every pod leads, even when what it logged before it
 * died (a provider throttling its output, a retry) reads as a deeper cause: those lines are why
 * its memory grew, evidence under the kill (cause-oom-last-words.ts). Variants: a log-router
 * sidecar throttled by CloudWatch, a mesh proxy answered 429s, an uploader told to SlowDown.
 * Decoys: throttling with no OOM stays the cause; the app's own throttled lines beside a killed
 * sidecar stay a cause of their own; a heap WARN from the app does not claim the kill.
 */
import { describe, expect, it } from "vitest"
import { lastWordsOfOomKilled, oomKilledContainers } from "../../src/domain/cause-oom-last-words.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const alert = facts({ alertName: "KubernetesContainerRestarts", namespace: "atlas", workload: "atlas-index" })

const kill = (container: string, role = "container"): Spec => ({
  agent: "eks",
  kind: "oom_killed",
  severity: "high",
  at: "13:02",
  resource: "pod/atlas/atlas-index-5d8f9c7b6-k2m4p",
  service: "atlas-index",
  title: `atlas-index: ${role} ${container} OOMKilled in 3/3 pods, 12 restarts`,
})
const logged = (container: string, line: string, instance = "previous"): Spec => ({
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "13:01",
  resource: "pod/atlas/atlas-index-5d8f9c7b6-k2m4p",
  service: "atlas-index",
  title: `atlas-index: ${instance} ${container} container logged "${line}"`,
})
const unready: Spec = {
  agent: "eks",
  kind: "probe_failure",
  severity: "medium",
  at: "13:02",
  resource: "pod/atlas/atlas-index-5d8f9c7b6-k2m4p",
  service: "atlas-index",
  title: "atlas-index: readiness probe failing (30 times on 2 pods)",
}

const variants: ReadonlyArray<readonly [string, string, string]> = [
  [
    "log-router",
    "sidecar container",
    "[error] [output:cloudwatch_logs:cloudwatch_logs.0] PutLogEvents API responded with error='ThrottlingException', message='Rate exceeded'",
  ],
  ["istio-proxy", "sidecar container", "upstream rate limited: 429 Too Many Requests, retrying in 2s"],
  ["uploader", "container", "ERROR s3 PutObject failed: SlowDown: Please reduce your request rate, retry 7"],
]

describe("an OOM kill leads over what the killed container logged before it died", () => {
  for (const [container, role, line] of variants)
    it(`${container}: ${line.slice(0, 40)}`, () => {
      const causes = causesFor(alert, numbered([kill(container, role), logged(container, line), unready]))
      expect(causes[0]?.text).toMatch(/^OOMKilled/)
      expect(causes[0]?.text).toContain(`${role} ${container}`)
      // The throttled line is evidence in the OOM's cause, not a cause that outranks it.
      expect(causes.slice(1).some((c) => /throttl|rate limited/i.test(c.text))).toBe(false)
    })

  it("decoy: a provider's throttling with no OOM kill stays the cause", () => {
    const [top] = causesFor(alert, numbered([logged("uploader", variants[2]?.[2] ?? "", "current"), unready]))
    expect(top?.text).toMatch(/throttled by the provider/)
  })

  it("decoy: a heap WARN from the app does not move the sidecar's kill", () => {
    const heap: Spec = {
      ...logged("search", "WARN heap usage 81% of max, GC overhead rising", "current"),
      severity: "low",
    }
    const [top] = causesFor(alert, numbered([kill("log-router", "sidecar container"), heap, unready]))
    expect(top?.text).toMatch(/^OOMKilled/)
    expect(top?.text).toContain("sidecar container log-router")
  })
})

describe("lastWordsOfOomKilled", () => {
  const f = (spec: Spec) => numbered([spec])[0]
  const killedRoots = [f(kill("log-router", "sidecar container"))].flatMap((x) =>
    x === undefined ? [] : [x],
  )
  const killed = oomKilledContainers(killedRoots)

  it("names the killed container", () => expect([...killed]).toEqual(["log-router"]))

  it("joins the killed container's previous lines only", () => {
    const own = [f(logged("log-router", "Throttling"))].flatMap((x) => (x === undefined ? [] : [x]))
    const live = [f(logged("log-router", "Throttling", "current"))].flatMap((x) =>
      x === undefined ? [] : [x],
    )
    const app = [f(logged("search", "Throttling"))].flatMap((x) => (x === undefined ? [] : [x]))
    expect(lastWordsOfOomKilled(own, killed)).toBe(true)
    expect(lastWordsOfOomKilled(live, killed)).toBe(false)
    expect(lastWordsOfOomKilled(app, killed)).toBe(false)
    expect(lastWordsOfOomKilled([...own, ...app], killed)).toBe(false)
  })

  it("a WARN-level kill claims nothing", () => {
    const weak = [f({ ...kill("log-router"), severity: "low" })].flatMap((x) => (x === undefined ? [] : [x]))
    expect(oomKilledContainers(weak).size).toBe(0)
  })
})
