/**
 * Reading a Slack Web API request the way Slack does: a GET query, a JSON body or form fields
 * (whose `blocks` arrive as a JSON string), merged into one parameter record.
 */
import { Either } from "effect"
import type { Context } from "hono"
import { queryOf } from "./request-log-state.js"
import type { SlackWindowQuery } from "./slack-state.js"

export type Params = Record<string, unknown>

export const readParams = async (c: Context): Promise<Either.Either<Params, string>> => {
  const query: Params = queryOf(c.req.url)
  if (c.req.method === "GET") return Either.right(query)
  const type = c.req.header("content-type") ?? ""
  const raw = await c.req.text()
  if (type.startsWith("application/json")) {
    try {
      const parsed: unknown = JSON.parse(raw)
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? Either.right({ ...query, ...parsed })
        : Either.left("invalid_json")
    } catch {
      return Either.left("invalid_json")
    }
  }
  const form: Params = { ...query, ...Object.fromEntries(new URLSearchParams(raw)) }
  for (const k of ["blocks", "attachments"]) {
    const v = form[k]
    if (typeof v === "string") {
      try {
        form[k] = JSON.parse(v)
      } catch {
        return Either.left("invalid_blocks")
      }
    }
  }
  return Either.right(form)
}

export const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined
export const windowOf = (p: Params): SlackWindowQuery => {
  const q: { -readonly [K in keyof SlackWindowQuery]: SlackWindowQuery[K] } = {}
  const oldest = str(p.oldest)
  const latest = str(p.latest)
  const cursor = str(p.cursor)
  const limit = str(p.limit)
  const inclusive = str(p.inclusive)
  if (oldest !== undefined) q.oldest = oldest
  if (latest !== undefined) q.latest = latest
  if (cursor !== undefined) q.cursor = cursor
  if (limit !== undefined) q.limit = Number(limit)
  if (inclusive !== undefined) q.inclusive = inclusive === "true" || inclusive === "1"
  return q
}
export const blocksOf = (v: unknown) => (Array.isArray(v) ? { blocks: v } : {})
