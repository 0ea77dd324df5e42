/**
 * Query templates filled from alert facts: values escaped for the PromQL string they sit in
 * (and regex-quoted for `_re`), placeholders outside a string refused, missing facts named —
 * and, parsed with the real PromQL grammar, no alert text can add a matcher or an operator.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import fc from "fast-check"
import {
  defaultMetricQueries,
  escapeLabelValue,
  fillTemplate,
  metricQueryKinds,
  type PlaceholderName,
  quoteRegex,
  templateProblem,
} from "../../src/domain/metric-queries.js"
import type { Expr } from "../../src/replay/prometheus-ast.js"
import { parsePromQL } from "../../src/replay/prometheus-parse.js"

const values = (
  v: Partial<Record<PlaceholderName, string | null>>,
): Record<PlaceholderName, string | null> => ({
  service: null,
  namespace: null,
  workload: null,
  pod: null,
  container: null,
  cluster: null,
  ...v,
})

const matchersOf = (e: Expr): ReadonlyArray<{ name: string; op: string; value: string }> => {
  switch (e.type) {
    case "selector":
      return e.matchers.map(({ name, op, value }) => ({ name, op, value }))
    case "matrix":
      return matchersOf(e.selector)
    case "rate":
    case "increase":
      return matchersOf(e.arg)
    case "histogram_quantile":
      return [...matchersOf(e.phi), ...matchersOf(e.arg)]
    case "aggregate":
    case "negate":
    case "abs":
      return matchersOf(e.arg)
    case "binary":
    case "set":
      return [...matchersOf(e.left), ...matchersOf(e.right)]
    case "number":
      return []
  }
}

describe("fillTemplate", () => {
  it("fills the default templates and they parse", () => {
    for (const kind of metricQueryKinds) {
      const filled = fillTemplate(
        defaultMetricQueries[kind],
        values({ service: "payments-api", namespace: "payments", workload: "payments-api" }),
      )
      expect(Either.isRight(filled)).toBe(true)
      expect(Either.isRight(parsePromQL(Either.getOrThrow(filled)))).toBe(true)
    }
    expect(
      fillTemplate(defaultMetricQueries.restarts, values({ namespace: "payments", workload: "api.v2" })),
    ).toEqual(
      Either.right(
        'sum(increase(kube_pod_container_status_restarts_total{namespace="payments",pod=~"api\\\\.v2-.*"}[10m]))',
      ),
    )
  })

  it("names the facts the alert lacks", () => {
    expect(fillTemplate(defaultMetricQueries.saturation, values({ service: "x" }))).toEqual(
      Either.left({ _tag: "Missing", names: ["namespace", "workload"] }),
    )
  })

  it("refuses a placeholder outside a quoted label value", () => {
    expect(templateProblem('up{job="{service}"} * {service}')).toMatch(/{service} must be inside/)
    expect(templateProblem('up{job="a\\"{service}"}')).toBeNull()
    expect(fillTemplate("sum({namespace})", values({ namespace: "x" }))).toMatchObject(
      Either.left({ _tag: "Invalid" }),
    )
  })

  it("escapes quotes, backslashes and control characters; quotes regex metacharacters for _re", () => {
    expect(escapeLabelValue('a"b\\c\nd\x01')).toBe('a\\"b\\\\c\\nd\\x01')
    expect(quoteRegex("a.b*(c)|[d]{1}^$+?\\")).toBe("a\\.b\\*\\(c\\)\\|\\[d\\]\\{1\\}\\^\\$\\+\\?\\\\")
  })

  it("no alert text changes the query's structure (property; parsed with the real grammar)", () => {
    const seed = 5150
    console.log(`metric-queries injection property seed: ${seed}`)
    const hostile = fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constantFrom('x"} or vector(1) #', 'a", code=~".*', "a\\", '"', "\n}", "a.*|b", "`", "'"),
    )
    const template = 'sum(rate(http_requests_total{service="{service}",pod=~"{workload_re}-.*"}[5m]))'
    fc.assert(
      fc.property(hostile, hostile, (service, workload) => {
        const filled = Either.getOrThrow(fillTemplate(template, values({ service, workload })))
        const parsed = parsePromQL(filled)
        if (Either.isLeft(parsed)) return false
        const matchers = matchersOf(parsed.right)
        const podRegex = matchers.find((m) => m.name === "pod")?.value ?? ""
        return (
          parsed.right.type === "aggregate" &&
          matchers.length === 3 &&
          matchers.some((m) => m.name === "service" && m.op === "=" && m.value === service) &&
          new RegExp(`^(?:${podRegex})$`, "s").test(`${workload}-abc`) &&
          !new RegExp(`^(?:${podRegex})$`, "s").test(`x${workload}-abc`)
        )
      }),
      { seed, numRuns: 400 },
    )
  })
})
