/**
 * The PromQL subset the replay evaluates, as a small typed tree built from the
 * `@prometheus-io/lezer-promql` parse tree: selectors with matchers (and `offset`), `rate`,
 * `increase`, `histogram_quantile`, `sum/avg/max/min/count` with `by`/`without`, arithmetic
 * and comparisons between vectors and scalars (with `on`/`ignoring` one-to-one matching).
 * Anything else is refused while building this tree, so the evaluator never guesses.
 */
import { Data } from "effect"

export type MatchOp = "=" | "!=" | "=~" | "!~"

export interface Matcher {
  readonly name: string
  readonly op: MatchOp
  readonly value: string
  /** The anchored regex, for `=~` / `!~`. */
  readonly regex: RegExp | null
}

export interface VectorSelector {
  readonly type: "selector"
  readonly matchers: ReadonlyArray<Matcher>
  readonly offsetMs: number
}

export interface MatrixSelector {
  readonly type: "matrix"
  readonly selector: VectorSelector
  readonly rangeMs: number
}

export type AggregateOp = "sum" | "avg" | "max" | "min" | "count"
export type ArithmeticOp = "+" | "-" | "*" | "/" | "%" | "^"
export type ComparisonOp = "==" | "!=" | ">" | "<" | ">=" | "<="
export type BinaryOp = ArithmeticOp | ComparisonOp
export type SetOp = "and" | "or" | "unless"

export type Expr =
  | { readonly type: "number"; readonly value: number }
  | VectorSelector
  | MatrixSelector
  | { readonly type: "rate" | "increase"; readonly arg: MatrixSelector }
  | { readonly type: "histogram_quantile"; readonly phi: Expr; readonly arg: Expr }
  /** `abs(v instant-vector)`: each element's absolute value, the metric name dropped. */
  | { readonly type: "abs"; readonly arg: Expr }
  | {
      readonly type: "aggregate"
      readonly op: AggregateOp
      /** `by (…)` keeps these labels; `without (…)` drops them; null: neither (one group). */
      readonly grouping: { readonly mode: "by" | "without"; readonly labels: ReadonlyArray<string> } | null
      readonly arg: Expr
    }
  | {
      readonly type: "binary"
      readonly op: BinaryOp
      readonly bool: boolean
      readonly matching: { readonly mode: "on" | "ignoring"; readonly labels: ReadonlyArray<string> } | null
      readonly left: Expr
      readonly right: Expr
    }
  | {
      /** Set operators between instant vectors, matched on all labels but the name (or on()/ignoring()). */
      readonly type: "set"
      readonly op: SetOp
      readonly matching: { readonly mode: "on" | "ignoring"; readonly labels: ReadonlyArray<string> } | null
      readonly left: Expr
      readonly right: Expr
    }
  | { readonly type: "negate"; readonly arg: Expr }

/** Refused: a parse error or a construct outside the subset (answered as Prometheus `bad_data`). */
export class UnsupportedQuery extends Data.TaggedError("UnsupportedQuery")<{ readonly message: string }> {}

/** Refused while evaluating (many-to-many matching, …): Prometheus' `execution` error. */
export class ExecutionError extends Data.TaggedError("ExecutionError")<{ readonly message: string }> {}
