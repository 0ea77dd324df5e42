/**
 * People saying a node drain or nodegroup update is stuck: the words (managed nodegroups,
 * kubectl drain, Karpenter consolidation), not the kubelet's evictions, the autoscaler at max,
 * a finished or unstuck drain; about the alert's cluster (or no cluster), not another one; and
 * in a scan, a medium finding about the alert's subject from a thread reply in the window.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { investigationWindow } from "../../src/domain/alert-context.js"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { drainAboutAlert, drainStuckReported } from "../../src/domain/chat-drain-stuck.js"
import type { HistoryMessage } from "../../src/domain/chat-history.js"
import { scanChat } from "../../src/domain/chat-scan.js"
import { defaultConfig } from "../../src/domain/config.js"
import { severityRank } from "../../src/domain/severity.js"

describe("drainStuckReported", () => {
  it.each([
    "hmm the nodegroup update is still `Updating` and has been sitting on ip-10-1-2-3 for ~12 min",
    "the drain keeps retrying evictions",
    "kubectl drain on ip-10-0-4-17 is hanging, 'Cannot evict pod' over and over",
    "two nodes cordoned and nothing is draining",
    "karpenter consolidation is stuck on the spot nodes",
    "node pool upgrade blocked for 40 min",
    "the AMI rollout on ng-batch is not progressing",
    "can't drain node-7, evictions keep failing",
  ])("a stuck drain: %s", (text) => {
    expect(drainStuckReported(text)).toBe(true)
  })

  it.each([
    "pods evicted from ip-10-0-1-9 (disk pressure), stuck Pending",
    "nodegroup at max size, pods stuck pending",
    "the drain finished, all nodes done",
    "drain is no longer stuck",
    "starting the nodegroup upgrade now",
    "checkout-api rollout is stuck, pods not ready",
    "the cache eviction rate is high",
    "orders-api lost a pod to eviction and its replacement is stuck Pending",
    "after the node update the new pods are still pending",
  ])("not a stuck drain: %s", (text) => {
    expect(drainStuckReported(text)).toBe(false)
  })
})

describe("drainAboutAlert", () => {
  it("about the alert's cluster or node, or no cluster; not another cluster", () => {
    const alert = { cluster: "eks-pay-prod", node: null }
    expect(drainAboutAlert("upgrade on eks-pay-prod: drain stuck", alert)).toBe(true)
    expect(drainAboutAlert("drain stuck on ip-10-0-1-2", alert)).toBe(true)
    expect(drainAboutAlert("eks-data-staging drain stuck", alert)).toBe(false)
    expect(drainAboutAlert("drain stuck", { cluster: null, node: "ip-10-0-1-2.ec2.internal" })).toBe(true)
    expect(
      drainAboutAlert("ip-10-0-1-2 drain stuck on eks-other", {
        cluster: null,
        node: "ip-10-0-1-2.ec2.internal",
      }),
    ).toBe(true)
  })
})

describe("scanChat: a stuck drain", () => {
  const alertTime = DateTime.unsafeMake("2027-04-08T16:30:00Z")
  const window = investigationWindow(alertTime, {
    evidenceBeforeMinutes: 30,
    evidenceAfterMinutes: 5,
    changeLookbackHours: 6,
  })
  const facts = extractFacts(
    `[FIRING:1] KubeStatefulSetReplicasMismatch (eks-pay-prod)
cluster: eks-pay-prod
namespace: payments
statefulset: ledger-store`,
    defaultConfig.severity.labels,
  )
  const alert = { platform: "slack" as const, channel: "C0ALERTS", messageId: "1.0", window }
  let n = 0
  const msg = (at: string, text: string, over: Partial<HistoryMessage> = {}): HistoryMessage => ({
    channel: "C0OPS",
    messageId: `m${++n}`,
    threadId: null,
    postedAt: DateTime.unsafeMake(at),
    text,
    author: { id: "U0AMY", name: "amy", bot: false },
    own: false,
    ...over,
  })
  const scan = (messages: ReadonlyArray<HistoryMessage>) =>
    scanChat({ alert, facts, channels: [{ id: "C0OPS", name: "#ops" }], messages, maxFindings: 5 })

  it("a reply in the window under the cluster's upgrade announcement is a medium finding", () => {
    const parent = msg("2027-04-08T13:00:00Z", "rolling ng-pay-general to 1.31 on eks-pay-prod")
    const reply = msg(
      "2027-04-08T16:20:00Z",
      "node group update still in progress, the drain keeps retrying evictions",
      {
        threadId: parent.messageId,
      },
    )
    const [m] = scan([parent, reply]).matches
    expect(m?.message.messageId).toBe(reply.messageId)
    expect(m?.kind).toBe("related_alert")
    expect(m?.service).toBe("ledger-store")
    expect(m?.title).toContain("reported stuck in #ops")
    expect(severityRank(m?.severity ?? "info")).toBeGreaterThanOrEqual(severityRank("medium"))
  })

  it("not before the window, not another cluster's drain", () => {
    const old = msg("2027-04-08T12:00:00Z", "drain stuck on ip-10-0-3-3")
    const other = msg("2027-04-08T16:25:00Z", "eks-data-staging: drain stuck on ip-10-9-9-9")
    expect(scan([old, other]).matches).toEqual([])
  })
})
