/**
 * The sawtooth leak (memory-lives.ts) in words: the workload, how fast each life climbs, the limit
 * it is killed at, how long a life lasts and when the current one reaches the limit. The title says
 * "memory leak" and "limit" so the causes put it with the OOM kills of the same workload.
 */
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import type { LivesVerdict } from "../../domain/memory-lives.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import { duration, killedAt, loadWords, mib } from "./memory-words.js"
import type { ScanContext } from "./scope-scan.js"

/** The verdict in words; null when it is not a leak. */
export const livesFinding = (
  v: LivesVerdict,
  metric: string,
  c: ScanContext,
  expr: string,
  link: string | null,
): Finding | null => {
  const last = v.lives[v.lives.length - 1]
  if (!v.leaking || last === undefined) return null
  const workload = (last.pod === null ? null : workloadOfPod(last.pod)) ?? c.subject
  const { heap, limitWords } = killedAt(metric)
  const ceiling =
    v.limitBytes === null
      ? `the same ceiling (~${mib(last.peak)})`
      : `its ${limitWords} of ${mib(v.limitBytes)}`
  const life = v.lifeHours === null ? "" : `, each life lasting ~${duration(v.lifeHours, 1)}`
  const next =
    v.next === null
      ? ""
      : `; the current life${v.next.pod === null ? "" : ` (${v.next.pod})`} is at ${mib(v.next.level)}, ` +
        `reaching it in ~${duration(v.next.hours, 1)}`
  const pods = [...new Set(v.lives.map((l) => l.pod).filter((p): p is string => p !== null))]
  const load = loadWords(v.loads, "each life")
  return {
    id: "",
    agent: "prometheus",
    title: redact(
      `${workload} memory leak: ${heap ? "heap" : "memory"} (${metric}) climbing +${mib(v.perHour)}/h to ${ceiling} ` +
        `in ${v.lives.length} lives with flat load, then killed and restarted${life}${next}`,
    ),
    detail: redact(
      `Read over the days before ${utcHhmm(c.incident.endMs)} UTC, cut at each restart's drop` +
        `${pods.length === 0 ? "" : ` (pods ${pods.join(", ")})`}: ${v.lives.length} lives each rose in a straight line ` +
        `(${v.lives.map((l) => `${mib(l.from)} → ${mib(Math.min(l.peak, v.limitBytes ?? l.peak))} at ${utcHhmm(l.endMs)}`).join("; ")}), ` +
        `+${mib(v.perHour)} an hour, and ended at ${ceiling}. ${load} ` +
        "A sawtooth whose every tooth climbs to the limit while the load is flat is memory held and never given back " +
        "(a leak): each restart frees it and the climb starts over, " +
        (heap
          ? "until the heap is full and the runtime fails with OutOfMemoryError. "
          : "until the kernel kills the container at its limit (OOMKilled). ") +
        "Restarting or a higher limit only stretches each life; the fix is in the code that holds the memory.",
    ),
    // Kills within the day are an outage in slow motion; lives of days leave time.
    severity:
      Math.min(v.next?.hours ?? Number.POSITIVE_INFINITY, v.lifeHours ?? Number.POSITIVE_INFINITY) <= 24
        ? "high"
        : "medium",
    kind: "metric_anomaly",
    observedAt: null,
    resource: `metric/${workload}/${metric}`,
    service: c.subject,
    link,
    excerpt: redact(expr),
  }
}
