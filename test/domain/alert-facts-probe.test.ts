/**
 * A synthetic probe's alert is about the target it probes (alert-facts-probe.ts): the prober's
 * scrape job is no workload, and the probed URL's host is the service — in the blackbox
 * exporter's, a synthetics job's and a `probe_*` rule's wordings. Decoys: a job that is a real
 * workload, a non-probe alert carrying a URL, a probe alert whose own service label wins.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { isProberName } from "../../src/domain/alert-facts-probe.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("a probe alert's subject is the probed host", () => {
  it.each([
    [
      "Alertmanager, blackbox job and instance URL",
      "[FIRING:2] edge\n*SSLCertExpired* - `critical`\n> TLS certificate for https://shop.harbourline.net has expired\n*Labels:* cluster=`eks-web` job=`blackbox-external` instance=`https://shop.harbourline.net/healthz`",
      "shop.harbourline.net",
    ],
    [
      "a Prometheus selector, a probes job",
      'ProbeFailed: probe_success{job="uptime-probes", instance="https://portal.quillmere.io/login"} == 0 for 5m',
      "portal.quillmere.io",
    ],
    [
      "a probe_* series with a synthetics job and a target label",
      "*BlackboxSlowProbe* - warning\nprobe_duration_seconds > 3\njob=synthetics-eu target=https://tickets.ovalpark.com:8443/v2/ping",
      "tickets.ovalpark.com",
    ],
    [
      "a job ending in -probe",
      "[FIRING:1] HttpProbeDown\njob: edge-probe\ninstance: https://api.tallowmarket.co.uk/status",
      "api.tallowmarket.co.uk",
    ],
  ])("%s", (_, text, host) => {
    const f = facts(text)
    expect(f.service).toBe(host)
    expect(f.workload).toBeNull()
  })

  it("decoy: a job that is a workload stays the workload", () => {
    const f = facts("[FIRING:1] KubeJobFailed\njob=invoice-export namespace=billing instance=10.0.4.17:8080")
    expect(f.workload).toBe("invoice-export")
    expect(f.service).toBe("invoice-export")
  })

  it("decoy: an alert carrying a URL that is no probe's names no host", () => {
    const f = facts(
      "[FIRING:1] HighErrorRate\njob=checkout-api namespace=shop\nRunbook: https://runbooks.example.org/checkout",
    )
    expect(f.service).toBe("checkout-api")
  })

  it("decoy: a probe alert with its own service label keeps it", () => {
    const f = facts(
      "[FIRING:1] BlackboxProbeFailed\njob=blackbox-external service=booking-web instance=https://book.lindenhall.com/",
    )
    expect(f.service).toBe("booking-web")
  })

  it("decoy: a probe of a bare IP names no host", () => {
    const f = facts(
      "[FIRING:1] BlackboxProbeFailed\njob=blackbox-internal instance=http://10.2.3.4:9100/metrics",
    )
    expect(f.service).toBeNull()
    expect(f.workload).toBeNull()
  })

  it.each([
    ["blackbox-external", true],
    ["blackbox", true],
    ["synthetics-eu", true],
    ["edge-probes", true],
    ["payments-worker", false],
    ["probate-records", false],
  ])("isProberName(%s) = %s", (name, expected) => {
    expect(isProberName(name)).toBe(expected)
  })
})
