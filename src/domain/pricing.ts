/**
 * Model cost from config's price table (USD per million tokens). Every configured model id
 * should be priced; an unknown id makes the cost unknown (null), never a silent zero.
 */
import type { AgentUsage } from "./agent-result.js"

export interface Price {
  readonly input: number
  readonly output: number
}

export interface Cost {
  readonly inputTokens: number
  readonly outputTokens: number
  /** null when any model used is not in the price table */
  readonly usd: number | null
  readonly unknownModels: ReadonlyArray<string>
}

export const costOf = (usage: ReadonlyArray<AgentUsage>, prices: Readonly<Record<string, Price>>): Cost => {
  let inputTokens = 0
  let outputTokens = 0
  let usd = 0
  const unknown = new Set<string>()
  for (const u of usage) {
    inputTokens += u.inputTokens
    outputTokens += u.outputTokens
    if (u.model === null) continue
    const price = prices[u.model]
    if (price === undefined) unknown.add(u.model)
    else usd += (u.inputTokens * price.input + u.outputTokens * price.output) / 1_000_000
  }
  return { inputTokens, outputTokens, usd: unknown.size > 0 ? null : usd, unknownModels: [...unknown] }
}
