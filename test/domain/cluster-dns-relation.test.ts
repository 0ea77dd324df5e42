/**
 * The cluster DNS as the dependency in scope (cluster-dns-relation.ts): an alert about DNS, or
 * several workloads failing to resolve names, puts a failing CoreDNS / kube-dns / NodeLocal DNS
 * cache at the head of the causes, its callers' DNS errors only evidence; one workload's typo'd
 * host, a healthy cluster DNS and an alert on a caller's own errors are left as they were.
 */
import { describe, expect, it } from "vitest"
import {
  alertIsAboutDns,
  failingClusterDns,
  resolutionFailsClusterWide,
  withClusterDns,
} from "../../src/domain/cluster-dns-relation.js"
import { scopeOf } from "../../src/domain/report-scope.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const dnsAlert = facts({
  source: "datadog",
  alertName: "DNS resolution failure rate high on eks-prod",
  service: "eks-prod",
  keywords: ["dns", "resolution", "failure"],
})

const callerLog = (service: string, line: string, severity: Spec["severity"] = "medium"): Spec => ({
  agent: "cloudwatch_logs",
  kind: "log_signature",
  severity,
  at: "12:58",
  service,
  title: `${service}: ${line}`,
  resource: "loggroup//aws/containerinsights/eks-prod/application",
})

const clusterDnsPods = (workload: string, kind: "deployment" | "daemonset", title: string): Spec => ({
  agent: "eks",
  kind: "oom_killed",
  severity: "low",
  at: "12:59",
  service: workload,
  title: `${workload}: ${title}`,
  resource: `${kind}/kube-system/${workload}`,
})

const announcement: Spec = {
  agent: "slack_scanner",
  kind: "deploy_announcement",
  severity: "medium",
  at: "12:40",
  title: "Change to eks-prod announced in #deploys: argocd: reminder-worker synced to 3.1.0 in eks-prod",
}

const text = (causes: ReadonlyArray<{ readonly text: string }>) => causes.map((c) => c.text).join("\n")

describe("a failing cluster DNS leads when names do not resolve across the cluster", () => {
  it("a DNS alert naming only the cluster: CoreDNS OOM-killed leads, the announced caller is no cause", () => {
    const findings = numbered([
      clusterDnsPods("coredns", "deployment", "container coredns OOMKilled in 1/2 pods (memory limit 170Mi)"),
      callerLog("orders-api", "ERROR lookup failed: getaddrinfo EAI_AGAIN orders-db.internal"),
      callerLog("reminder-worker", "error failed to load due: getaddrinfo EAI_AGAIN orders-db.internal"),
      announcement,
    ])
    const causes = causesFor(dnsAlert, findings)
    expect(causes[0]?.text).toMatch(/coredns/)
    expect(causes[0]?.text).toMatch(/OOMKilled/)
    expect(text(causes)).not.toMatch(/reminder-worker/)
  })

  it("kube-dns killed by its liveness probe under a SERVFAIL alert, callers in Java's words", () => {
    const alert = facts({ source: "alertmanager", alertName: "ClusterServfailRateHigh", service: "eks-prod" })
    const findings = numbered([
      {
        ...clusterDnsPods(
          "kube-dns",
          "deployment",
          "container kubedns killed by the kubelet after failed liveness probes",
        ),
        kind: "probe_failure",
      },
      callerLog(
        "ledger",
        "java.net.UnknownHostException: accounts.ledger.svc.cluster.local: Temporary failure in name resolution",
      ),
    ])
    expect(failingClusterDns(alert, findings)).toEqual(new Set(["kube-dns"]))
    expect(causesFor(alert, findings)[0]?.text).toMatch(/kube-dns[\s\S]*liveness/)
  })

  it("no DNS alert, but two workloads' lines fail to resolve: a crashing NodeLocal DNS cache leads", () => {
    const alert = facts({ source: "alertmanager", alertName: "HighErrorRate", service: "eks-prod" })
    const findings = numbered([
      {
        ...clusterDnsPods(
          "node-local-dns",
          "daemonset",
          "container node-cache in CrashLoopBackOff on 3/6 pods",
        ),
        kind: "crash_loop",
      },
      callerLog(
        "search-api",
        "dial tcp: lookup catalog.search.svc.cluster.local on 169.254.20.10:53: server misbehaving",
      ),
      callerLog("cart", "ERROR redis: dial tcp: lookup cart-cache.internal: no such host"),
    ])
    expect(failingClusterDns(alert, findings)).toEqual(new Set(["node-local-dns"]))
    expect(withClusterDns(alert, scopeOf(alert), findings).names.has("node-local-dns")).toBe(true)
  })
})

describe("which cluster DNS leads", () => {
  it("a DNS alert with CoreDNS healthy and a NodeLocal DNS cache crashing: the cache leads", () => {
    const findings = numbered([
      {
        ...clusterDnsPods(
          "node-local-dns",
          "daemonset",
          "container node-cache in CrashLoopBackOff on 2/5 pods",
        ),
        kind: "crash_loop",
      },
      callerLog("coredns", "[ERROR] plugin/errors: 2 partner.example.com. A: i/o timeout", "info"),
      callerLog("orders-api", "ERROR getaddrinfo EAI_AGAIN orders-db.internal"),
    ])
    expect(failingClusterDns(dnsAlert, findings)).toEqual(new Set(["node-local-dns"]))
    expect(causesFor(dnsAlert, findings)[0]?.text).toMatch(/node-local-dns[\s\S]*CrashLoopBackOff/)
  })
})

describe("what is not the cluster DNS's failure", () => {
  it("one workload failing to resolve a typo'd host, under an alert not about DNS: nothing added", () => {
    const alert = facts({ source: "alertmanager", alertName: "HighErrorRate", service: "eks-prod" })
    const findings = numbered([
      clusterDnsPods("coredns", "deployment", "container coredns OOMKilled in 1/2 pods"),
      callerLog("billing", "ERROR getaddrinfo ENOTFOUND api.stripe.cmo"),
    ])
    expect(failingClusterDns(alert, findings).size).toBe(0)
  })

  it("a DNS alert while CoreDNS is healthy (only its upstream error lines): nothing added", () => {
    const findings = numbered([
      callerLog("orders-api", "ERROR getaddrinfo EAI_AGAIN partner.example.com"),
      callerLog(
        "coredns",
        "[ERROR] plugin/errors: 2 partner.example.com. A: read udp 10.0.1.2:5353->10.0.0.2:53: i/o timeout",
      ),
    ])
    expect(failingClusterDns(dnsAlert, findings).size).toBe(0)
  })

  it("an alert on a caller failing to resolve keeps its scope: CoreDNS stays its dependency", () => {
    const alert = facts({ alertName: "OrdersApiErrors", service: "orders-api", keywords: ["dns"] })
    const findings = numbered([
      clusterDnsPods("coredns", "deployment", "container coredns OOMKilled in 1/2 pods"),
      callerLog("orders-api", "ERROR getaddrinfo EAI_AGAIN orders-db.internal", "high"),
      callerLog("cart", "ERROR getaddrinfo EAI_AGAIN cart-db.internal"),
    ])
    expect([...withClusterDns(alert, scopeOf(alert), findings).names]).toEqual(["orders-api"])
  })
})

describe("callers' DNS lines as the logs agent rates them", () => {
  const line = (service: string | null, message: string) => ({ service, message })

  it("an alert about DNS: one caller's failing lookups are its evidence", () => {
    expect(resolutionFailsClusterWide(dnsAlert, [line("orders-api", "getaddrinfo EAI_AGAIN db")])).toBe(true)
  })

  it("two callers in other words under any alert", () => {
    const alert = facts({ alertName: "HighErrorRate" })
    const lines = [
      line("search-api", "lookup catalog on 10.100.0.10:53: server misbehaving"),
      line("ledger", "UnknownHostException: accounts: Temporary failure in name resolution"),
    ]
    expect(resolutionFailsClusterWide(alert, lines)).toBe(true)
  })

  it("decoys: one caller's typo under another alert; only CoreDNS's own lines", () => {
    const alert = facts({ alertName: "HighErrorRate" })
    expect(resolutionFailsClusterWide(alert, [line("billing", "getaddrinfo ENOTFOUND api.stripe.cmo")])).toBe(
      false,
    )
    expect(
      resolutionFailsClusterWide(dnsAlert, [line("coredns", "[ERROR] plugin/errors: 2 x. A: i/o timeout")]),
    ).toBe(false)
  })
})

describe("an alert about DNS in its own words", () => {
  it.each(["CoreDNSErrorsHigh", "KubeDNSDown", "ClusterServfailRateHigh", "Name resolution failing in prod"])(
    "%s is about DNS",
    (alertName) => {
      expect(alertIsAboutDns(facts({ alertName }))).toBe(true)
    },
  )

  it.each(["HighErrorRate", "DnsmasqConfigDrift", "OrdersApiErrors"])("%s is not", (alertName) => {
    expect(alertIsAboutDns(facts({ alertName }))).toBe(false)
  })
})
