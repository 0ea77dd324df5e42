/**
 * The consumer that took a shared database's connections, in the victim's cause. A service
 * refused by its database ("too many clients") is where the alert fires, but the fix is in the
 * client holding the slots (connection-holders.ts: `connection_holder`): its finding is about
 * another workload, out of the alert's scope, so chain building never meets it. It joins a
 * connection-exhaustion chain only when that chain's own evidence names the same database
 * (its error lines or its configured DATABASE_HOST) — a holder on another database is not this
 * outage's. Pure.
 */
import type { Chain } from "./causes-chain.js"
import type { Finding } from "./finding.js"
import { textOf } from "./report-scope.js"

/** The database a holder finding is about (`metric/<server>/connections/<user>`). */
const serverOf = (f: Finding): string => (f.resource ?? "").split("/")[1]?.toLowerCase() ?? ""

const heldOn = (chain: Chain, holder: Finding): boolean => {
  const server = serverOf(holder)
  if (server.length < 3 || !chain.modes.includes("connections")) return false
  // Not the subject's own pool holding its own slots: that is a leak, named by its own chain.
  if (holder.service !== null && holder.service === chain.subject.key) return false
  return [...chain.roots, ...chain.outcomes, ...chain.support].some((f) => textOf(f).includes(server))
}

/** `chains` with the holders of their database's connections first in their support. */
export const withConnectionHolders = (
  chains: ReadonlyArray<Chain>,
  findings: ReadonlyArray<Finding>,
): ReadonlyArray<Chain> => {
  const holders = findings.filter((f) => f.kind === "connection_holder")
  if (holders.length === 0) return chains
  return chains.map((c) => {
    const held = holders.filter((h) => heldOn(c, h) && !c.support.includes(h))
    return held.length === 0 ? c : { ...c, support: [...held, ...c.support] }
  })
}

/** " — scan-ocr-worker scaled 2 → 40 replicas and holds 463 of 500 connections", or "". */
export const holderPhrase = (chain: Chain): string => {
  const holder = chain.support.find((f) => f.kind === "connection_holder")
  return holder?.excerpt == null ? "" : ` — ${holder.excerpt}`
}
