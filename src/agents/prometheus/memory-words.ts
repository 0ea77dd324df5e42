/**
 * The words both leak findings use (memory-leak-scan.ts for one long climb, memory-lives-finding.ts
 * for a sawtooth of lives): sizes in MiB/GiB, durations, which limit a metric is killed at, and the
 * load it was compared with. One place, so the two findings say the same things the same way.
 */
import type { LoadLevel } from "../../domain/memory-leak.js"
import { heapSources } from "./heap-sources.js"

export const mib = (bytes: number): string => {
  const m = bytes / 1_048_576
  return m >= 1024 ? `${(m / 1024).toFixed(2)} GiB` : `${Math.round(m)} MiB`
}

/** Days from 48 h, else hours (whole, or to a tenth where lives are short), else minutes. */
export const duration = (hours: number, hourDecimals: 0 | 1 = 0): string =>
  hours >= 48
    ? `${(hours / 24).toFixed(1)} days`
    : hours >= 1
      ? `${hourDecimals === 0 ? Math.round(hours) : hours.toFixed(1)} h`
      : `${Math.round(hours * 60)} min`

/**
 * A runtime's heap ends in its own OutOfMemoryError at the heap's max, not in the kernel's kill at
 * the container's memory limit.
 */
export const killedAt = (metric: string): { readonly heap: boolean; readonly limitWords: string } => {
  const heap = heapSources.some((h) => h.used === metric)
  return { heap, limitWords: heap ? "heap max" : "memory limit" }
}

/** The load compared with, over `span` ("the same hours", "each life"). */
export const loadWords = (loads: ReadonlyArray<LoadLevel>, span: string): string =>
  loads.length === 0
    ? "No load series of it was found to compare with."
    : `Its load over ${span} did not grow with it: ${loads.map((l) => `${l.name} ×${l.ratio.toFixed(2)}`).join(", ")}.`
