/**
 * The session id for one agent's part of one investigation. AgentCore gives each session its
 * own microVM and rejects ids shorter than 33 characters (W16: the original's
 * `pir-{channel}-{ts}` ids were borderline), so the id is derived deterministically from the
 * investigation and the agent: readable when it already fits, otherwise a sanitised prefix plus
 * a SHA-256 digest, always 33–256 characters of `[A-Za-z0-9._-]`. Retries of the same task land
 * in the same session; two agents or two investigations never share one.
 */
import { createHash } from "node:crypto"
import type { AgentId } from "../../domain/agent-id.js"

export const minSessionIdLength = 33
export const maxSessionIdLength = 256

/** The header AgentCore sets on every request it forwards (and that we send on plain URLs too). */
export const sessionIdHeader = "x-amzn-bedrock-agentcore-runtime-session-id"

const allowed = /^[A-Za-z0-9._-]+$/

export const sessionIdFor = (investigationId: string, agent: AgentId): string => {
  const readable = `${investigationId}-${agent}`
  if (
    readable.length >= minSessionIdLength &&
    readable.length <= maxSessionIdLength &&
    allowed.test(readable)
  ) {
    return readable
  }
  const digest = createHash("sha256").update(readable, "utf8").digest("hex").slice(0, 40)
  const prefix = readable.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 160)
  return `${prefix}-${digest}`
}
