/**
 * The nodes' host logs read for the VPC CNI having no IP for a pod: each node whose ipamd logged
 * a shortage in the window is a finding about that node, naming the subnet and EC2's error.
 * Not: ipamd's healthy lines, a shortage logged hours before the window, a line from no node.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import {
  awsNodePodOf,
  cniNodeOfLine,
  podIpShortageFindings,
  sandboxPodOf,
} from "../../../src/agents/cloudwatch-logs/host-ip-shortage.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const group = "/aws/containerinsights/eks-media/host"
const line = (at: string, stream: string, message: string) => ({
  timestampMs: Date.parse(at),
  stream,
  message,
  group,
})

const subnetLine = (subnet: string) =>
  `{"level":"error","caller":"ipamd/ipamd.go:988","msg":"Failed to increase pool size due to not able to allocate ENI AllocateENI: error assigning private IP addresses: InsufficientFreeAddressesInSubnet: There are not enough free addresses in subnet '${subnet}' to satisfy the requested number of instances."}`
const emptyPool = `{"level":"error","caller":"datastore/data_store.go:700","msg":"AssignPodIPv4Address: no available IP/Prefix addresses"}`

describe("podIpShortageFindings", () => {
  it("one finding per node, its strongest shortage, the subnet and EC2 code it names", () => {
    const findings = podIpShortageFindings(
      [
        line(
          "2027-05-02T11:02:00Z",
          "ip-10-3-8-14.eu-central-1.compute.internal-host.var.log.aws-routed-eni.ipamd.log",
          emptyPool,
        ),
        line(
          "2027-05-02T11:01:10Z",
          "ip-10-3-8-14.eu-central-1.compute.internal.host.var.log.aws-routed-eni.ipamd.log",
          subnetLine("subnet-07c1d2e3f4a5b6c7d"),
        ),
        line("2027-05-02T11:04:00Z", "worker-eu-2.syslog", "AssignIPv4Address: no available IP addresses"),
        line(
          "2027-05-02T11:04:30Z",
          "worker-eu-2.syslog",
          `{"level":"info","msg":"IP pool stats: Total IPs/Prefixes = 28/0, AssignedIPs/CooldownIPs: 9/0"}`,
        ),
        line("2027-05-02T11:05:00Z", "unknown", subnetLine("subnet-0aaaaaaaaaaaaaaaa")),
      ],
      () => "https://console.example/logs",
    )
    expect(findings.map((f) => [f.resource, f.kind, f.severity])).toEqual([
      ["node/ip-10-3-8-14.eu-central-1.compute.internal", "pod_ip_shortage", "high"],
      ["node/worker-eu-2", "pod_ip_shortage", "medium"],
    ])
    expect(findings[0]?.title).toBe(
      "node ip-10-3-8-14.eu-central-1.compute.internal: subnet has no free IP addresses (subnet-07c1d2e3f4a5b6c7d) — VPC CNI cannot assign pod IPs (ipamd, InsufficientFreeAddressesInSubnet, ×2 11:01–11:02 UTC)",
    )
    // The line that names the subnet is the one quoted, not the later, vaguer one.
    expect(findings[0]?.excerpt).toContain("subnet-07c1d2e3f4a5b6c7d")
    expect(findings[0]?.observedAt?.epochMillis).toBe(Date.parse("2027-05-02T11:01:10Z"))
    expect(findings[1]?.title).toContain("no free pod IPs left on the node")
  })

  it("a node at its ENI limit is high and says so", () => {
    const [f] = podIpShortageFindings(
      [
        line(
          "2027-05-02T11:02:00Z",
          "node-7.messages",
          "AttachmentLimitExceeded: Interface count 3 exceeds the limit",
        ),
      ],
      () => null,
    )
    expect([f?.severity, f?.title]).toEqual([
      "high",
      "node node-7: node at its ENI / IP address limit — VPC CNI cannot assign pod IPs (ipamd, AttachmentLimitExceeded, ×1 at 11:02 UTC)",
    ])
  })
})

describe("the CNI's and the kubelet's lines in the dataplane group", () => {
  const plane = "/aws/containerinsights/eks-ledger/dataplane"
  const at = (t: string, stream: string, message: string) => ({ ...line(t, stream, message), group: plane })
  const kubelet = (pod: string) =>
    `E0611 07:20:01.1 2911 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"CreatePodSandbox\\" for \\"${pod}\\" with CreatePodSandboxError: plugin type=\\"aws-cni\\" failed (add): failed to assign an IP address to container"`

  it("reads the node from a unit-tagged stream, either side", () => {
    expect(cniNodeOfLine("ip-10-9-1-7.ec2.internal-ipamd", "")).toBe("ip-10-9-1-7.ec2.internal")
    expect(cniNodeOfLine("kubelet.service-ip-10-9-1-7.ec2.internal", "")).toBe("ip-10-9-1-7.ec2.internal")
    expect(cniNodeOfLine("ip-10-9-1-7.us-west-2.compute.internal-kubelet", "")).toBe(
      "ip-10-9-1-7.us-west-2.compute.internal",
    )
    // Not a node: an application pod's stream.
    expect(cniNodeOfLine("ledger-api-6d7f9b8c5-z8r2t_pay_api", "")).toBeNull()
    expect(awsNodePodOf("aws-node-7hx2q_kube-system_aws-node")).toBe("aws-node-7hx2q")
    expect(awsNodePodOf("aws-node-exporter-5d8f7c6b9-q7w2e_mon_app")).toBeNull()
    expect(sandboxPodOf(kubelet("ledger-api-6d7f9b8c5-z8r2t_pay"))).toEqual({
      pod: "ledger-api-6d7f9b8c5-z8r2t",
      namespace: "pay",
    })
  })

  it("aws-node pods' lines are one CNI finding; a kubelet's failed sandbox makes a node's empty pool high", () => {
    const findings = podIpShortageFindings(
      [
        at(
          "2027-06-11T07:02:31Z",
          "aws-node-7hx2q_kube-system_aws-node",
          "Failed to allocate a private IP addresses on ENI eni-0f3b: InsufficientFreeAddressesInSubnet: The specified subnet does not have enough free addresses",
        ),
        at("2027-06-11T07:02:33Z", "aws-node-k2p9d_kube-system_aws-node", emptyPool),
        at(
          "2027-06-11T07:20:01Z",
          "kubelet.service-ip-10-9-1-7.ec2.internal",
          kubelet("ledger-api-6d7f9b8c5-z8r2t_pay"),
        ),
        // A healthy ipamd line from the same pod: no finding of its own.
        at(
          "2027-06-11T07:03:00Z",
          "aws-node-k2p9d_kube-system_aws-node",
          `{"level":"info","msg":"IP pool stats"}`,
        ),
      ],
      () => null,
    )
    expect(findings.map((f) => [f.resource, f.severity])).toEqual([
      ["node/ip-10-9-1-7.ec2.internal", "high"],
      ["daemonset/kube-system/aws-node", "high"],
    ])
    expect(findings[0]?.detail).toContain("pay/ledger-api-6d7f9b8c5-z8r2t")
    expect(findings[1]?.title).toContain("subnet has no free IP addresses")
    expect(findings[1]?.title).toContain("InsufficientFreeAddressesInSubnet")
  })

  it("an empty warm pool alone, with no pod stuck for it, stays medium", () => {
    const [f] = podIpShortageFindings(
      [at("2027-06-11T07:02:33Z", "ip-10-9-1-8.ec2.internal-ipamd", emptyPool)],
      () => null,
    )
    expect([f?.resource, f?.severity]).toEqual(["node/ip-10-9-1-8.ec2.internal", "medium"])
  })
})

const now = "2027-05-02T11:10:00Z"
const alert =
  "<@U0BOT> thumbnailer in media ns on eks-media is stuck after the scale-up, pods ContainerCreating"

describe("the logs agent reads the nodes' CNI logs", () => {
  it.scoped("a node whose subnet ran out of addresses in the window is a finding; an old one is not", () =>
    Effect.gen(function* () {
      const { source } = yield* harness(
        [
          {
            name: "/aws/containerinsights/eks-media/application",
            events: [
              event(
                "2027-05-02T11:03:00Z",
                "thumbnailer-5d8f7c6b9-x2k4p_media_app-1a2b",
                "level=info msg=ok",
              ),
            ],
          },
          {
            name: group,
            events: [
              // hours before the window: no finding
              event(
                "2027-05-02T03:00:00Z",
                "ip-10-3-9-9.eu-central-1.compute.internal-host.var.log.aws-routed-eni.ipamd.log",
                subnetLine("subnet-0bbbbbbbbbbbbbbbb"),
              ),
              event(
                "2027-05-02T11:01:10Z",
                "ip-10-3-8-14.eu-central-1.compute.internal-host.var.log.aws-routed-eni.ipamd.log",
                subnetLine("subnet-07c1d2e3f4a5b6c7d"),
              ),
              event(
                "2027-05-02T11:01:12Z",
                "ip-10-3-8-14.eu-central-1.compute.internal-host.var.log.aws-routed-eni.ipamd.log",
                `{"level":"info","msg":"AddNetworkRequest: K8S_POD_NAME:\\"thumbnailer-5d8f7c6b9-q7w2e\\""}`,
              ),
            ],
          },
        ],
        now,
      )
      const task = taskFor({ text: alert, alertTime: "2027-05-02T11:08:00Z", now })
      const result = yield* cloudWatchLogsAgent
        .handle(task, { sessionId: null })
        .pipe(Effect.provideService(LogSource, source))
      const shortages = result.findings.filter((f) => f.kind === "pod_ip_shortage")
      expect(shortages.map((f) => [f.resource, f.severity])).toEqual([
        ["node/ip-10-3-8-14.eu-central-1.compute.internal", "high"],
      ])
      expect(shortages[0]?.title).toContain("subnet-07c1d2e3f4a5b6c7d")
      expect(result.summary).toContain("nodes without pod IPs")
    }),
  )
})
