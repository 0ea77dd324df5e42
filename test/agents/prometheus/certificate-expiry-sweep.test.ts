/**
 * The certificate expiry sweep's judgements: a certificate whose notAfter passed in or just
 * before the window (x509-certificate-exporter, cert-manager, blackbox), or whose expired flag
 * flipped in it — not one that expires later, not a leftover that expired long ago.
 */
import { describe, expect, it } from "vitest"
import {
  certificateName,
  expiredCertificates,
} from "../../../src/agents/prometheus/certificate-expiry-sweep.js"
import type { MetricLabels } from "../../../src/domain/metric-series.js"

const hour = 3_600_000
const end = Date.parse("2031-03-10T14:30:00Z")
const incident = { label: "incident", startMs: end - hour, endMs: end }
const times = [end - hour, end - hour / 2, end]
const series = (labels: MetricLabels, ...vs: ReadonlyArray<number>) => ({
  labels,
  samples: vs.map((v, i) => ({ t: times[i] ?? end, v })),
})
const secret = { namespace: "settlement", secret_name: "clearing-client-tls", subject_CN: "shop-prod" }

describe("expiredCertificates", () => {
  it("a Secret's certificate whose notAfter passed inside the window", () => {
    const notAfter = (end - 20 * 60_000) / 1000
    const found = expiredCertificates(
      [series({ __name__: "x509_cert_not_after", ...secret }, notAfter, notAfter, notAfter)],
      incident,
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      name: "settlement/clearing-client-tls",
      expiredMs: end - 20 * 60_000,
      exact: true,
    })
  })
  it("cert-manager's and the blackbox exporter's notAfter series too", () => {
    const at = (end - 3 * hour) / 1000
    const found = expiredCertificates(
      [
        series(
          {
            __name__: "certmanager_certificate_expiration_timestamp_seconds",
            namespace: "edge",
            name: "api-tls",
          },
          at,
        ),
        series(
          { __name__: "probe_ssl_earliest_cert_expiry", instance: "https://gds.partner.example:8443" },
          at,
        ),
      ],
      incident,
    )
    expect(found.map((c) => c.name).sort()).toEqual(["edge/api-tls", "https://gds.partner.example:8443"])
  })
  it("an expired flag that flips in the window dates it when no notAfter series is there", () => {
    const found = expiredCertificates(
      [series({ __name__: "x509_cert_expired", ...secret }, 0, 1, 1)],
      incident,
    )
    expect(found[0]).toMatchObject({ expiredMs: end - hour / 2, exact: false })
  })
  it("the notAfter wins over the flag for the same certificate", () => {
    const notAfter = (end - 40 * 60_000) / 1000
    const found = expiredCertificates(
      [
        series({ __name__: "x509_cert_expired", ...secret }, 0, 1, 1),
        series({ __name__: "x509_cert_not_after", ...secret }, notAfter, notAfter, notAfter),
      ],
      incident,
    )
    expect(found).toHaveLength(1)
    expect(found[0]?.exact).toBe(true)
  })
  it("not a certificate that expires later, one long expired, a flag at 1 all along, or zeros", () => {
    const later = (end + 6 * 24 * hour) / 1000
    const old = (end - 40 * 24 * hour) / 1000
    expect(
      expiredCertificates(
        [
          series({ __name__: "x509_cert_not_after", ...secret }, later, later, later),
          series({ __name__: "x509_cert_not_after", namespace: "legacy", secret_name: "old-tls" }, old, old),
          series({ __name__: "x509_cert_expired", namespace: "legacy", secret_name: "old-tls" }, 1, 1, 1),
          series({ __name__: "x509_cert_expired", ...secret }, 0, 0, 0),
          series({ __name__: "probe_ssl_earliest_cert_expiry", instance: "x" }, 0, 0),
        ],
        incident,
      ),
    ).toEqual([])
  })
})

describe("certificateName", () => {
  it("namespace/secret, else the probed target", () => {
    expect(certificateName({ namespace: "a", secret_name: "b" })).toBe("a/b")
    expect(certificateName({ instance: "10.0.0.1:443" })).toBe("10.0.0.1:443")
  })
})
