/**
 * The Logs Insights query language, the subset the logs agent writes and the replay serves:
 * `fields a, b`, `filter` (`like /re/`, `like "text"`, `not like`, `=~`, `=`, `!=`,
 * `ispresent(f)`, `and`/`or`/`not`, parentheses), `stats count(*) [as x] [by f, bin(5m)]`,
 * `sort f [asc|desc]`, `limit n`. Anything else is refused with the reason (the replay answers
 * MalformedQueryException), so a query the replay cannot evaluate never passes silently. Pure.
 */
import { Either } from "effect"
import { fail, QueryError, type Token, tokenize } from "./log-insights-tokens.js"

export type Expr =
  | {
      readonly _tag: "match"
      readonly field: string
      readonly test: (value: string) => boolean
      readonly negate: boolean
    }
  | { readonly _tag: "equals"; readonly field: string; readonly value: string; readonly negate: boolean }
  | { readonly _tag: "present"; readonly field: string }
  | { readonly _tag: "not"; readonly expr: Expr }
  | { readonly _tag: "and" | "or"; readonly left: Expr; readonly right: Expr }

export type ByTerm = { readonly field: string; readonly binMs: number | null; readonly name: string }

export type Command =
  | { readonly _tag: "fields"; readonly fields: ReadonlyArray<string> }
  | { readonly _tag: "filter"; readonly expr: Expr }
  | { readonly _tag: "stats"; readonly name: string; readonly by: ReadonlyArray<ByTerm> }
  | { readonly _tag: "sort"; readonly field: string; readonly desc: boolean }
  | { readonly _tag: "limit"; readonly n: number }

class Cursor {
  i = 0
  constructor(readonly tokens: ReadonlyArray<Token>) {}
  peek(): Token | undefined {
    return this.tokens[this.i]
  }
  next(): Token {
    const t = this.tokens[this.i++]
    return t ?? fail("unexpected end of command")
  }
  isWord(v: string): boolean {
    const t = this.peek()
    return t?.t === "word" && t.v.toLowerCase() === v
  }
  isP(v: string): boolean {
    const t = this.peek()
    return t?.t === "p" && t.v === v
  }
  expectP(v: string): void {
    if (!this.isP(v)) fail(`expected '${v}'`)
    this.i++
  }
  /** A field name; `count(*)`-style names (a stats result sorted on) read as one. */
  field(): string {
    const t = this.next()
    const name = t.t === "word" ? t.v : fail("expected a field name")
    if (!this.isP("(")) return name
    this.next()
    const arg = this.isP("*") ? "*" : this.isP(")") ? "" : this.field()
    if (arg === "*") this.next()
    this.expectP(")")
    return `${name}(${arg})`
  }
  done(): boolean {
    return this.i >= this.tokens.length
  }
}

const comparison = (c: Cursor): Expr => {
  if (c.isWord("ispresent")) {
    c.next()
    c.expectP("(")
    const field = c.field()
    c.expectP(")")
    return { _tag: "present", field }
  }
  const field = c.field()
  const negate = c.isWord("not")
  if (negate) c.next()
  if (c.isWord("like") || (!negate && c.isP("=~"))) {
    c.next()
    const t = c.next()
    if (t.t === "re") return { _tag: "match", field, negate, test: (v) => t.v.test(v) }
    if (t.t === "str") return { _tag: "match", field, negate, test: (v) => v.includes(t.v) }
    return fail('expected a /regex/ or a "string" after like')
  }
  if (!negate && (c.isP("=") || c.isP("!="))) {
    const op = c.next()
    const t = c.next()
    const value = t.t === "str" || t.t === "word" ? t.v : fail("expected a value after =")
    return { _tag: "equals", field, value, negate: op.v === "!=" }
  }
  return fail(`unsupported comparison after ${field}`)
}

const unary = (c: Cursor): Expr => {
  if (c.isWord("not")) {
    c.next()
    return { _tag: "not", expr: unary(c) }
  }
  if (c.isP("(")) {
    c.next()
    const inner = orExpr(c)
    c.expectP(")")
    return inner
  }
  return comparison(c)
}

const andExpr = (c: Cursor): Expr => {
  let left = unary(c)
  while (c.isWord("and")) {
    c.next()
    left = { _tag: "and", left, right: unary(c) }
  }
  return left
}

const orExpr = (c: Cursor): Expr => {
  let left = andExpr(c)
  while (c.isWord("or")) {
    c.next()
    left = { _tag: "or", left, right: andExpr(c) }
  }
  return left
}

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

const byTerm = (c: Cursor): ByTerm => {
  if (c.isWord("bin")) {
    c.next()
    c.expectP("(")
    const spec = c.field()
    c.expectP(")")
    const m = /^(\d+)(ms|s|m|h|d)$/.exec(spec)
    const binMs = m === null ? fail(`invalid bin(${spec})`) : Number(m[1]) * (units[m[2] ?? ""] ?? 0)
    return { field: "@timestamp", binMs, name: alias(c, `bin(${spec})`) }
  }
  const field = c.field()
  return { field, binMs: null, name: alias(c, field) }
}

const alias = (c: Cursor, fallback: string): string => {
  if (!c.isWord("as")) return fallback
  c.next()
  return c.field()
}

const list = <A>(c: Cursor, item: (c: Cursor) => A): ReadonlyArray<A> => {
  const items = [item(c)]
  while (c.isP(",")) {
    c.next()
    items.push(item(c))
  }
  return items
}

const command = (tokens: ReadonlyArray<Token>): Command => {
  const c = new Cursor(tokens)
  const head = c.next()
  const name = head.t === "word" ? head.v.toLowerCase() : fail("expected a command")
  const parsed = ((): Command => {
    switch (name) {
      case "fields":
      case "display":
        return { _tag: "fields", fields: list(c, (x) => x.field()) }
      case "filter":
        return { _tag: "filter", expr: orExpr(c) }
      case "stats": {
        if (!c.isWord("count")) fail("only count() is supported in stats")
        c.next()
        c.expectP("(")
        const star = c.isP("*")
        if (star) c.next()
        const arg = star ? "*" : c.isP(")") ? "" : c.field()
        c.expectP(")")
        const statName = alias(c, `count(${arg})`)
        if (!c.isWord("by")) return { _tag: "stats", name: statName, by: [] }
        c.next()
        return { _tag: "stats", name: statName, by: list(c, byTerm) }
      }
      case "sort": {
        const field = c.field()
        const desc = c.isWord("desc")
        if (desc || c.isWord("asc")) c.next()
        return { _tag: "sort", field, desc }
      }
      case "limit": {
        const n = Number(c.field())
        return Number.isInteger(n) && n > 0 && n <= 10_000
          ? { _tag: "limit", n }
          : fail("limit must be 1..10000")
      }
      default:
        return fail(`unsupported command '${name}'`)
    }
  })()
  if (!c.done()) fail(`unexpected input in ${name}`)
  return parsed
}

/** Parse a query into its commands; Left carries why it is malformed or unsupported. */
export const parseInsightsQuery = (query: string): Either.Either<ReadonlyArray<Command>, string> => {
  try {
    const tokens = tokenize(query)
    const commands: Array<Array<Token>> = [[]]
    for (const t of tokens) {
      if (t.t === "p" && t.v === "|") commands.push([])
      else commands[commands.length - 1]?.push(t)
    }
    if (commands.some((cmd) => cmd.length === 0)) return Either.left("empty command in query")
    return Either.right(commands.map(command))
  } catch (e) {
    if (e instanceof QueryError) return Either.left(e.message)
    throw e
  }
}
