/**
 * A CronJob that stopped running (cronjob-stalled.ts): suspended (spec_suspend 0 → 1) with the
 * freshness gauge it feeds going stale, a CronJob not scheduled for several of its periods — not a
 * CronJob suspended all along with nothing of its stale, nor one that runs on time.
 */
import { describe, expect, it } from "vitest"
import { cronJobStallFindings } from "../../src/domain/cronjob-stalled.js"

const hour = 3_600_000
const t0 = Date.UTC(2026, 5, 1, 0, 0)
const at = (stepMs: number, ...vs: ReadonlyArray<number>) => vs.map((v, i) => ({ t: t0 + i * stepMs, v }))
const end = t0 + 12 * hour
const s = (ms: number) => ms / 1000

describe("cronJobStallFindings", () => {
  it("suspended 0 → 1, last schedule flat, its product gauge stale → high, names it, since when, how stale", () => {
    const [f, ...rest] = cronJobStallFindings(
      [
        {
          labels: { __name__: "kube_cronjob_spec_suspend", namespace: "billing", cronjob: "invoice-export" },
          samples: at(hour, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
        },
        {
          labels: {
            __name__: "kube_cronjob_status_last_schedule_time",
            namespace: "billing",
            cronjob: "invoice-export",
          },
          samples: at(4 * hour, s(t0), s(t0), s(t0), s(t0)),
        },
        {
          labels: { __name__: "acme_invoice_last_success_timestamp_seconds", service: "billing-api" },
          samples: at(4 * hour, s(t0), s(t0), s(t0), s(t0)),
        },
      ],
      end,
      null,
    )
    expect(rest).toEqual([])
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("invoice-export")
    expect(f?.title).toContain(
      "CronJob invoice-export: suspended (kube_cronjob_spec_suspend 0 → 1) at 2026-06-01 01:00 UTC",
    )
    expect(f?.title).toContain("acme_invoice_last_success_timestamp_seconds stale for 12 h 0 min")
  })

  it("suspended 0 → 1 with no gauge of its own → medium", () => {
    const [f] = cronJobStallFindings(
      [
        {
          labels: { __name__: "kube_cronjob_spec_suspend", namespace: "ml", cronjob: "feature-refresh" },
          samples: at(hour, 0, 0, 1, 1),
        },
        {
          labels: { __name__: "weather_feed_last_update_timestamp_seconds" },
          samples: at(hour, s(t0), s(t0)),
        },
      ],
      end,
      null,
    )
    expect(f?.severity).toBe("medium")
    expect(f?.title).not.toContain("weather_feed")
  })

  it("not suspended but not scheduled for 3+ of its periods (30-min schedule, last run 6 h ago)", () => {
    const last = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3, 3, 3, 3, 3, 3].map((h) => s(t0 + h * hour))
    const [f] = cronJobStallFindings(
      [
        {
          labels: { __name__: "kube_cronjob_spec_suspend", namespace: "ops", cronjob: "cert-report" },
          samples: at(hour, ...last.map(() => 0)),
        },
        {
          labels: {
            __name__: "kube_cronjob_status_last_schedule_time",
            namespace: "ops",
            cronjob: "cert-report",
          },
          samples: at(hour, ...last),
        },
      ],
      t0 + 9 * hour,
      null,
    )
    expect(f?.title).toContain("CronJob cert-report: not scheduled since 2026-06-01 03:00 UTC")
    expect(f?.title).toContain("it ran every 30 min before")
  })

  it("decoy: suspended all along, nothing of its stale → nothing", () => {
    expect(
      cronJobStallFindings(
        [
          {
            labels: { __name__: "kube_cronjob_spec_suspend", namespace: "ops", cronjob: "legacy-export" },
            samples: at(hour, 1, 1, 1, 1),
          },
        ],
        end,
        null,
      ),
    ).toEqual([])
  })

  it("decoy: a CronJob running on its schedule, its gauge moving → nothing", () => {
    const runs = [0, 1, 2, 3, 4, 5].map((h) => s(t0 + h * hour))
    expect(
      cronJobStallFindings(
        [
          {
            labels: { __name__: "kube_cronjob_spec_suspend", cronjob: "rates-pull" },
            samples: at(hour, 0, 0, 0, 0, 0, 0),
          },
          {
            labels: { __name__: "kube_cronjob_status_last_schedule_time", cronjob: "rates-pull" },
            samples: at(hour, ...runs),
          },
          { labels: { __name__: "rates_last_update_timestamp_seconds" }, samples: at(hour, ...runs) },
        ],
        t0 + 5 * hour + 10 * 60_000,
        null,
      ),
    ).toEqual([])
  })
})
