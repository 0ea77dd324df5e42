/**
 * How long a 429 asks us to wait. The standard header carries delta-seconds or an HTTP-date;
 * platforms that put the value elsewhere (Discord's JSON `retry_after`) pass their own reader
 * to `httpCall` and may fall back to this one.
 */

const deltaSeconds = /^\d+(\.\d+)?$/

/** Milliseconds to wait according to `Retry-After`, or undefined when absent or unreadable. */
export const retryAfterFromHeaders = (headers: Headers, nowMs: number): number | undefined => {
  const raw = headers.get("retry-after")?.trim()
  if (raw === undefined || raw === "") return undefined
  if (deltaSeconds.test(raw)) return Math.ceil(Number.parseFloat(raw) * 1000)
  // An HTTP-date names its day and month; anything else (a negative number) is not one.
  if (!/[a-z]/i.test(raw)) return undefined
  const at = Date.parse(raw)
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined
}

/** A seconds value (possibly fractional) as whole milliseconds, or undefined when not a finite number ≥ 0. */
export const secondsToMs = (seconds: number): number | undefined =>
  Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined
