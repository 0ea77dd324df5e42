/**
 * Metric data as the agents see it, whatever backend served it: series identified by their
 * label sets, samples as (epoch milliseconds, value). Values may be NaN or ±Infinity, as
 * Prometheus answers them; consumers decide what a non-finite value means.
 */

export type MetricLabels = Readonly<Record<string, string>>

export interface MetricSample {
  /** Epoch milliseconds. */
  readonly t: number
  readonly v: number
}

export interface MetricSeries {
  readonly labels: MetricLabels
  readonly samples: ReadonlyArray<MetricSample>
}

/** What an instant query evaluates to. */
export type InstantResult =
  | {
      readonly type: "vector"
      readonly series: ReadonlyArray<{ readonly labels: MetricLabels; readonly sample: MetricSample }>
    }
  | { readonly type: "scalar"; readonly sample: MetricSample }
  | { readonly type: "matrix"; readonly series: ReadonlyArray<MetricSeries> }

/** A stable identity for a label set (sorted `k="v"` pairs), to match series across queries. */
export const labelsKey = (labels: MetricLabels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(",")

/** `{a="x", b="y"}` for display (the metric name first, when there is one). */
export const labelsText = (labels: MetricLabels): string => {
  const name = labels.__name__ ?? ""
  const rest = Object.keys(labels)
    .filter((k) => k !== "__name__")
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
  return rest.length === 0 ? name || "{}" : `${name}{${rest.join(", ")}}`
}
