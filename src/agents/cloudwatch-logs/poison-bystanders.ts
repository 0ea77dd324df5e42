/**
 * A poison message blocking a consumer's queue (redelivery-findings.ts) is an ongoing failure that
 * fails at every delivery — "accepted but never stored", every later message of its FIFO group
 * held back. Beside it, another function's error logged once (a nightly export's AccessDenied on
 * a bucket) is a different, one-off problem: a person's report ("renewals never stored") matches
 * both only by their shared product word. Such a one-off stays evidence at low severity, so the
 * stuck queue is the cause; a function the alert names, or the poison consumer's own lines, keep
 * theirs. Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { loggedOnce } from "./signature-findings.js"

/** `findings` with one-off signatures of other functions lowered beside a poison message. */
export const besidePoison = (
  poison: ReadonlyArray<Finding>,
  alertService: string | null,
): ((f: Finding) => Finding) => {
  const owners = new Set(poison.flatMap((p) => (p.service === null ? [] : [p.service.toLowerCase()])))
  return (f) => {
    const service = f.service?.toLowerCase() ?? null
    if (
      owners.size === 0 ||
      !loggedOnce(f) ||
      service === null ||
      owners.has(service) ||
      service === alertService?.toLowerCase()
    )
      return f
    return {
      ...f,
      severity: "low",
      detail: `${f.detail} Logged once, while ${[...owners].join(", ")} fails on the same message at every delivery (a poison message): a separate one-off, not what holds the queue.`,
    }
  }
}
