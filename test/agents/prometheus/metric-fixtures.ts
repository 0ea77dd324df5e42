/**
 * Request-counter series for the prometheus agent's tests: checkout-api's 200 and 500 counters
 * scraped every minute over the incident window and the same window 1 h and 1 d earlier, with
 * the per-second rates a test chooses (deterministic jitter, so the numbers never change).
 */
import type { MetricLabels, MetricSample } from "../../../src/domain/metric-series.js"

export const alertTime = "2026-12-03T15:42:10Z"
export const now = "2026-12-03T15:45:10Z"
export const alertText = `[FIRING:1] HighErrorRate (eks-shop-prod shop)
*Alert:* checkout-api is answering 5xx to 13.2% of requests - \`critical\`
*Details:*
 • *alertname:* \`HighErrorRate\`
 • *namespace:* \`shop\`
 • *service:* \`checkout-api\`
 • *severity:* \`critical\``

const minute = 60_000
const nowMs = Date.parse(now)

/** Error and success rates (per second) at a time, by window: "incident", "hour", "day". */
export type Rates = (
  window: "incident" | "hour" | "day",
  tMs: number,
  i: number,
) => { ok: number; err: number }

/** A deterministic jitter in [1 − a, 1 + a]. */
export const jitter = (i: number, a: number): number => 1 + a * Math.sin(i * 12.9898 + 78.233)

const windows = [
  { name: "day" as const, shift: 86_400_000 },
  { name: "hour" as const, shift: 3_600_000 },
  { name: "incident" as const, shift: 0 },
]

export const requestSeries = (
  rates: Rates,
): ReadonlyArray<{ readonly labels: MetricLabels; readonly samples: ReadonlyArray<MetricSample> }> => {
  const ok: Array<MetricSample> = []
  const err: Array<MetricSample> = []
  let cOk = 1_000_000
  let cErr = 5_000
  for (const w of windows) {
    // 45 minutes up to "now" (scrapes at :10 s), shifted back; counters keep growing across windows.
    const start = nowMs - w.shift - 45 * minute
    for (let i = 0; i <= 45; i++) {
      const t = start + i * minute
      ok.push({ t, v: cOk })
      err.push({ t, v: cErr })
      const r = rates(w.name, t, i)
      cOk += Math.round(r.ok * 60)
      cErr += Math.round(r.err * 60)
    }
    cOk += 1_000_000
    cErr += 5_000
  }
  const labels = (code: string) => ({
    __name__: "http_requests_total",
    service: "checkout-api",
    namespace: "shop",
    code,
  })
  return [
    { labels: labels("200"), samples: ok },
    { labels: labels("500"), samples: err },
  ]
}

/** Errors at 0.15/s of 40/s everywhere, jumping to 6/s from 15:29 in the incident window. */
export const realAnomaly: Rates = (window, t, i) => ({
  ok: 40 * jitter(i, 0.1),
  err:
    window === "incident" && t >= Date.parse("2026-12-03T15:29:00Z")
      ? 6 * jitter(i, 0.1)
      : 0.15 * jitter(i, 0.15),
})

/** The same error level everywhere. */
export const flat: Rates = () => ({ ok: 40, err: 0.8 })

/** Errors swinging between 0.5/s and 6/s every few minutes, in every window alike. */
export const noisy: Rates = (_window, _t, i) => ({ ok: 40, err: Math.floor(i / 2) % 2 === 0 ? 0.5 : 6 })

/**
 * A gauge sampled every minute for 45 minutes before now, and the same 1 h and 1 d earlier:
 * `value(window, i, t)` for the i-th sample (at time t) of each window.
 */
export const gaugeSamples = (
  value: (window: "incident" | "hour" | "day", i: number, tMs: number) => number,
): ReadonlyArray<MetricSample> =>
  windows.flatMap((w) =>
    Array.from({ length: 46 }, (_, i) => {
      const t = nowMs - w.shift - (45 - i) * minute
      return { t, v: value(w.name, i, t) }
    }),
  )
