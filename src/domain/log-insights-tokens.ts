/**
 * The Logs Insights tokenizer: words (`@timestamp`, `count`, `5m`), "strings", `/regexes/`
 * (only after `like` or `=~`, as Insights reads them; inline `(?i)` becomes a flag) and
 * punctuation. A malformed query throws QueryError, which the parser turns into a Left. Pure.
 */

export type Token =
  | { readonly t: "word"; readonly v: string }
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "re"; readonly v: RegExp }
  | { readonly t: "p"; readonly v: string }

export class QueryError {
  constructor(readonly message: string) {}
}

export const fail = (message: string): never => {
  throw new QueryError(message)
}

/** `/(?i)x/` → RegExp("x", "i"): Insights regexes take inline flags, JavaScript's do not. */
export const insightsRegex = (source: string, flags = ""): RegExp => {
  const inline = /^\(\?([imsx]+)\)/.exec(source)
  const body = inline === null ? source : source.slice(inline[0].length)
  const all = new Set([...flags, ...(inline?.[1] ?? "")].filter((f) => "ims".includes(f)))
  try {
    return new RegExp(body, [...all].join(""))
  } catch {
    return fail(`invalid regular expression /${source}/`)
  }
}

export const tokenize = (query: string): ReadonlyArray<Token> => {
  const tokens: Array<Token> = []
  let i = 0
  const last = () => tokens[tokens.length - 1]
  while (i < query.length) {
    const c = query.charAt(i)
    if (/\s/.test(c)) {
      i++
      continue
    }
    const prev = last()
    if (
      c === "/" &&
      ((prev?.t === "word" && prev.v.toLowerCase() === "like") || (prev?.t === "p" && prev.v === "=~"))
    ) {
      let j = i + 1
      let source = ""
      while (j < query.length && query.charAt(j) !== "/") {
        if (query.charAt(j) === "\\" && j + 1 < query.length) source += query.charAt(j++)
        source += query.charAt(j++)
      }
      if (j >= query.length) fail("unterminated regular expression")
      const flags = /^[a-z]*/.exec(query.slice(j + 1))?.[0] ?? ""
      tokens.push({ t: "re", v: insightsRegex(source, flags) })
      i = j + 1 + flags.length
      continue
    }
    if (c === '"' || c === "'") {
      let j = i + 1
      let value = ""
      while (j < query.length && query.charAt(j) !== c) {
        if (query.charAt(j) === "\\" && j + 1 < query.length) j++
        value += query.charAt(j++)
      }
      if (j >= query.length) fail("unterminated string")
      tokens.push({ t: "str", v: value })
      i = j + 1
      continue
    }
    const op = /^(?:=~|!=|<=|>=|[=<>,()|*])/.exec(query.slice(i))?.[0]
    if (op !== undefined) {
      tokens.push({ t: "p", v: op })
      i += op.length
      continue
    }
    const word = /^[@\w.$]+/.exec(query.slice(i))?.[0]
    if (word === undefined) fail(`unexpected character '${c}' at ${i}`)
    tokens.push({ t: "word", v: word ?? "" })
    i += (word ?? " ").length
  }
  return tokens
}
