/**
 * PromQL text → the replay's typed tree (`prometheus-ast.ts`), reading the parse tree of
 * `@prometheus-io/lezer-promql` (the grammar Prometheus' own UI uses) instead of a hand-written
 * parser. lezer recovers from syntax errors by inserting error nodes, so any error node is a
 * parse error here; every node type outside the supported subset is refused by name, with the
 * offending text, so a query the replay cannot answer faithfully is an error and never a
 * silently wrong number.
 */
import { parser } from "@prometheus-io/lezer-promql"
import { Either } from "effect"
import {
  type AggregateOp,
  type BinaryOp,
  type Expr,
  type Matcher,
  type MatchOp,
  type MatrixSelector,
  type SetOp,
  UnsupportedQuery,
  type VectorSelector,
} from "./prometheus-ast.js"

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"]

const children = (node: SyntaxNode): ReadonlyArray<SyntaxNode> => {
  const out: Array<SyntaxNode> = []
  for (let c = node.firstChild; c !== null; c = c.nextSibling) out.push(c)
  return out
}

const refuse = (message: string): never => {
  throw new UnsupportedQuery({ message })
}

const firstError = (node: SyntaxNode): SyntaxNode | null => {
  if (node.type.isError) return node
  for (const c of children(node)) {
    const found = firstError(c)
    if (found !== null) return found
  }
  return null
}

const durationUnits: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
}

/** `5m`, `1h30m`, `500ms`, or plain seconds (`300`, as newer PromQL allows); null when neither. */
export const parseDurationMs = (text: string): number | null => {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return null
  let total = 0
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(n) * (durationUnits[unit ?? "s"] ?? 1000)
  }
  return total
}

const simpleEscapes: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
}

/** A PromQL string literal's value: Go-style escapes in "…" and '…', none in `…`. */
export const unquote = (literal: string): string => {
  const quote = literal[0]
  const body = literal.slice(1, -1)
  if (quote === "`") return body
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g,
    (whole, esc: string) => {
      const simple = simpleEscapes[esc]
      if (simple !== undefined) return simple
      if (/^[xuU]/.test(esc)) return String.fromCodePoint(Number.parseInt(esc.slice(1), 16))
      if (/^[0-7]{3}$/.test(esc)) return String.fromCodePoint(Number.parseInt(esc, 8))
      return refuse(`invalid escape ${whole} in string literal ${literal}`)
    },
  )
}

const matchOps: Readonly<Record<string, MatchOp>> = {
  EqlSingle: "=",
  Neq: "!=",
  EqlRegex: "=~",
  NeqRegex: "!~",
}

const anchored = (pattern: string): RegExp => {
  try {
    // Prometheus anchors label regexes at both ends (RE2 syntax; JS agrees on the common subset).
    return new RegExp(`^(?:${pattern})$`, "s")
  } catch {
    return refuse(`invalid regular expression ${JSON.stringify(pattern)}`)
  }
}

const matcher = (name: string, op: MatchOp, value: string): Matcher => ({
  name,
  op,
  value,
  regex: op === "=~" || op === "!~" ? anchored(value) : null,
})

const labelName = (node: SyntaxNode, text: (n: SyntaxNode) => string): string =>
  node.name === "QuotedLabelName" ? unquote(text(node)) : text(node)

export const parsePromQL = (query: string): Either.Either<Expr, UnsupportedQuery> => {
  const text = (n: SyntaxNode): string => query.slice(n.from, n.to)
  const unsupported = (n: SyntaxNode, what: string): never =>
    refuse(`${what} is not supported by the replay (\`${text(n)}\`)`)

  const groupingLabels = (n: SyntaxNode): ReadonlyArray<string> =>
    children(n).map((c) =>
      c.name === "LabelName" || c.name === "QuotedLabelName" ? labelName(c, text) : unsupported(c, c.name),
    )

  const selector = (n: SyntaxNode): VectorSelector => {
    const matchers: Array<Matcher> = []
    for (const c of children(n)) {
      if (c.name === "Identifier" || c.name === "MetricName") {
        matchers.push(matcher("__name__", "=", text(c)))
      } else if (c.name === "LabelMatchers") {
        for (const m of children(c)) {
          if (m.name === "UnquotedLabelMatcher" || m.name === "QuotedLabelMatcher") {
            const parts = children(m)
            const [name, op, value] = parts
            const opKind = op?.firstChild?.name
            const mop = opKind === undefined ? undefined : matchOps[opKind]
            if (name === undefined || mop === undefined || value === undefined || parts.length !== 3) {
              return unsupported(m, "this label matcher")
            }
            matchers.push(matcher(labelName(name, text), mop, unquote(text(value))))
          } else if (m.name === "QuotedLabelName") {
            // `{"metric.name"}`: a quoted metric name inside the braces (UTF-8 names).
            matchers.push(matcher("__name__", "=", unquote(text(m))))
          } else {
            return unsupported(m, m.name)
          }
        }
      } else {
        return unsupported(c, c.name)
      }
    }
    // Prometheus requires one matcher that does not match the empty string (no "select everything").
    const nonEmpty = matchers.some((m) => !matchesEmpty(m))
    if (!nonEmpty) refuse(`vector selector must contain at least one non-empty matcher (\`${text(n)}\`)`)
    return { type: "selector", matchers, offsetMs: 0 }
  }

  const duration = (n: SyntaxNode): number => {
    const parts = children(n)
    const only = parts[0]
    if (parts.length !== 1 || only === undefined || only.name !== "NumberDurationLiteralInDurationContext") {
      return unsupported(n, "a computed duration")
    }
    const ms = parseDurationMs(text(only))
    return ms === null || ms <= 0 ? refuse(`invalid duration \`${text(n)}\``) : ms
  }

  const matrix = (n: SyntaxNode): MatrixSelector => {
    const [sel, range, ...rest] = children(n)
    if (sel?.name !== "VectorSelector" || range?.name !== "DurationExpr" || rest.length > 0) {
      return unsupported(n, "this range selector")
    }
    return { type: "matrix", selector: selector(sel), rangeMs: duration(range) }
  }

  const offsetMs = (n: SyntaxNode): number => {
    const parts = children(n)
    if (parts.length === 2 && parts[0]?.name === "UnaryOp" && parts[1] !== undefined) {
      return text(parts[0]) === "-" ? -offsetMs(parts[1]) : offsetMs(parts[1])
    }
    const only = parts[0]
    if (parts.length !== 1 || only === undefined || only.name !== "NumberDurationLiteralInDurationContext") {
      return unsupported(n, "a computed offset")
    }
    return parseDurationMs(text(only)) ?? refuse(`invalid offset \`${text(n)}\``)
  }

  const offset = (n: SyntaxNode): Expr => {
    const [target, kw, amount, ...rest] = children(n)
    if (target === undefined || kw?.name !== "Offset" || amount === undefined || rest.length > 0) {
      return unsupported(n, "this offset")
    }
    const by = offsetMs(amount)
    const inner = expr(target)
    if (inner.type === "selector") return { ...inner, offsetMs: inner.offsetMs + by }
    if (inner.type === "matrix")
      return { ...inner, selector: { ...inner.selector, offsetMs: inner.selector.offsetMs + by } }
    return unsupported(n, "offset on anything but a selector")
  }

  const numberLiteral = (n: SyntaxNode): number => {
    const raw = text(n)
    const lower = raw.toLowerCase().replace(/^[+-]/, "")
    const sign = raw.startsWith("-") ? -1 : 1
    if (lower === "inf") return sign * Number.POSITIVE_INFINITY
    if (lower === "nan") return Number.NaN
    const direct = Number(raw.replace(/^\+/, ""))
    if (raw !== "" && Number.isFinite(direct)) return direct
    const ms = parseDurationMs(raw.replace(/^[+-]/, ""))
    return ms === null ? refuse(`invalid number \`${raw}\``) : (sign * ms) / 1000
  }

  const callArgs = (body: SyntaxNode | undefined): ReadonlyArray<SyntaxNode> =>
    body?.name === "FunctionCallBody" ? children(body) : []

  const functionCall = (n: SyntaxNode): Expr => {
    const [ident, body, ...rest] = children(n)
    const fn = ident?.firstChild?.name
    const args = callArgs(body)
    if (ident === undefined || fn === undefined || rest.length > 0) return unsupported(n, "this call")
    switch (fn) {
      case "Rate":
      case "Increase": {
        const arg = args[0] === undefined ? undefined : expr(args[0])
        if (args.length !== 1 || arg?.type !== "matrix") {
          return refuse(`${text(ident)}() expects exactly one range vector argument (\`${text(n)}\`)`)
        }
        return { type: fn === "Rate" ? "rate" : "increase", arg }
      }
      case "Abs": {
        const [arg] = args
        if (args.length !== 1 || arg === undefined) {
          return refuse(`abs() expects exactly one instant vector argument (\`${text(n)}\`)`)
        }
        return { type: "abs", arg: expr(arg) }
      }
      case "HistogramQuantile": {
        const [phi, vector] = args
        if (args.length !== 2 || phi === undefined || vector === undefined) {
          return refuse(`histogram_quantile() expects (scalar, instant vector) (\`${text(n)}\`)`)
        }
        return { type: "histogram_quantile", phi: expr(phi), arg: expr(vector) }
      }
      default:
        return unsupported(n, `the function ${text(ident)}()`)
    }
  }

  const aggregateOps: ReadonlyArray<AggregateOp> = ["sum", "avg", "max", "min", "count"]

  const aggregate = (n: SyntaxNode): Expr => {
    let op: AggregateOp | null = null
    let grouping: { mode: "by" | "without"; labels: ReadonlyArray<string> } | null = null
    let args: ReadonlyArray<SyntaxNode> = []
    for (const c of children(n)) {
      if (c.name === "AggregateOp") {
        const name = text(c).toLowerCase()
        op = aggregateOps.find((a) => a === name) ?? unsupported(c, `the aggregation ${name}`)
      } else if (c.name === "AggregateModifier") {
        const [kw, labels, ...rest] = children(c)
        if (kw === undefined || labels?.name !== "GroupingLabels" || rest.length > 0) {
          return unsupported(c, "this grouping")
        }
        grouping = { mode: kw.name === "By" ? "by" : "without", labels: groupingLabels(labels) }
      } else if (c.name === "FunctionCallBody") {
        args = children(c)
      } else {
        return unsupported(c, c.name)
      }
    }
    const [only] = args
    if (op === null || args.length !== 1 || only === undefined) {
      return refuse(`${op ?? "the aggregation"}() expects exactly one argument (\`${text(n)}\`)`)
    }
    return { type: "aggregate", op, grouping, arg: expr(only) }
  }

  const binaryOps: Readonly<Record<string, BinaryOp>> = {
    Add: "+",
    Sub: "-",
    Mul: "*",
    Div: "/",
    Mod: "%",
    Pow: "^",
    Eql: "==",
    Neq: "!=",
    Gtr: ">",
    Lss: "<",
    Gte: ">=",
    Lte: "<=",
  }

  const setOps: Readonly<Record<string, SetOp>> = { And: "and", Or: "or", Unless: "unless" }

  const binary = (n: SyntaxNode): Expr => {
    const parts = children(n)
    const left = parts[0]
    const right = parts[parts.length - 1]
    const opNode = parts[1]
    const op = opNode === undefined ? undefined : binaryOps[opNode.name]
    if (left === undefined || right === undefined || opNode === undefined || parts.length < 3) {
      return unsupported(n, "this binary expression")
    }
    const setOp = setOps[opNode.name]
    if (setOp !== undefined) return setExpr(n, setOp, parts, left, right)
    if (op === undefined) return unsupported(opNode, `the operator ${text(opNode)}`)
    let bool = false
    let matching: { mode: "on" | "ignoring"; labels: ReadonlyArray<string> } | null = null
    for (const m of parts.slice(2, -1)) {
      if (m.name === "BoolModifier") {
        bool = true
      } else if (m.name === "MatchingModifierClause") {
        const [kw, labels, ...rest] = children(m)
        if (rest.length > 0) return unsupported(m, "group_left / group_right")
        if (kw === undefined || labels?.name !== "GroupingLabels")
          return unsupported(m, "this matching clause")
        matching = { mode: kw.name === "On" ? "on" : "ignoring", labels: groupingLabels(labels) }
      } else {
        return unsupported(m, m.name)
      }
    }
    if (bool && !["==", "!=", ">", "<", ">=", "<="].includes(op)) {
      refuse(`bool modifier can only be used on comparison operators (\`${text(n)}\`)`)
    }
    return { type: "binary", op, bool, matching, left: expr(left), right: expr(right) }
  }

  /** `a or b`, `a and on(x) b`, `a unless ignoring(y) b` (no bool, no group_left/right). */
  const setExpr = (
    n: SyntaxNode,
    op: SetOp,
    parts: ReadonlyArray<SyntaxNode>,
    left: SyntaxNode,
    right: SyntaxNode,
  ): Expr => {
    let matching: { mode: "on" | "ignoring"; labels: ReadonlyArray<string> } | null = null
    for (const m of parts.slice(2, -1)) {
      if (m.name !== "MatchingModifierClause") return unsupported(m, `${m.name} on a set operator`)
      const [kw, labels, ...rest] = children(m)
      if (rest.length > 0) return unsupported(m, "group_left / group_right")
      if (kw === undefined || labels?.name !== "GroupingLabels") return unsupported(m, "this matching clause")
      matching = { mode: kw.name === "On" ? "on" : "ignoring", labels: groupingLabels(labels) }
    }
    if (parts.length < 3) return unsupported(n, "this set expression")
    return { type: "set", op, matching, left: expr(left), right: expr(right) }
  }

  const expr = (n: SyntaxNode): Expr => {
    switch (n.name) {
      case "NumberDurationLiteral":
        return { type: "number", value: numberLiteral(n) }
      case "VectorSelector":
        return selector(n)
      case "MatrixSelector":
        return matrix(n)
      case "OffsetExpr":
        return offset(n)
      case "ParenExpr": {
        const [inner, ...rest] = children(n)
        return inner === undefined || rest.length > 0 ? unsupported(n, "this parenthesis") : expr(inner)
      }
      case "UnaryExpr": {
        const [op, inner, ...rest] = children(n)
        if (op === undefined || inner === undefined || rest.length > 0)
          return unsupported(n, "this unary expression")
        return text(op) === "-" ? { type: "negate", arg: expr(inner) } : expr(inner)
      }
      case "FunctionCall":
        return functionCall(n)
      case "AggregateExpr":
        return aggregate(n)
      case "BinaryExpr":
        return binary(n)
      case "StringLiteral":
        return unsupported(n, "a string expression")
      case "SubqueryExpr":
        return unsupported(n, "a subquery")
      case "StepInvariantExpr":
        return unsupported(n, "the @ modifier")
      default:
        return unsupported(n, n.name)
    }
  }

  return Either.try({
    try: () => {
      if (query.trim() === "") return refuse("empty query")
      const top = parser.parse(query).topNode
      const broken = firstError(top)
      if (broken !== null) {
        const at = broken.from
        const near = query.slice(Math.max(0, at - 10), at + 10)
        return refuse(`parse error at char ${at + 1}: unexpected input near \`${near}\``)
      }
      const [root, ...rest] = children(top)
      if (root === undefined || rest.length > 0) return refuse("parse error: expected one expression")
      return expr(root)
    },
    catch: (e) => (e instanceof UnsupportedQuery ? e : new UnsupportedQuery({ message: String(e) })),
  })
}

const matchesEmpty = (m: Matcher): boolean => {
  switch (m.op) {
    case "=":
      return m.value === ""
    case "!=":
      return m.value !== ""
    case "=~":
      return m.regex?.test("") ?? false
    case "!~":
      return !(m.regex?.test("") ?? false)
  }
}

/** Whether a label value satisfies a matcher (an absent label is the empty string). */
export const matches = (m: Matcher, value: string): boolean => {
  switch (m.op) {
    case "=":
      return value === m.value
    case "!=":
      return value !== m.value
    case "=~":
      return m.regex?.test(value) ?? false
    case "!~":
      return !(m.regex?.test(value) ?? false)
  }
}
