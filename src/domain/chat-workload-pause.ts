/**
 * A person saying they paused a job or workload: "suspended fx-rates-sync for now", "paused the
 * ledger-export cronjob", "disabled the sync until Monday", "scaled invoice-worker to 0",
 * `kubectl patch cronjob X -p '{"spec":{"suspend":true}}'`. Said once — often in a thread under a
 * rotation or a migration — and forgotten, it fails nothing and logs nothing: what the job kept
 * fresh just ages until a staleness alert fires hours later. A proposal ("we should suspend X",
 * "let's pause X?") is not done; "unsuspended / resumed / re-enabled X" is the opposite. Pure.
 */

// Done, not proposed: past tense or the act's own command.
const pausedVerb =
  /(?<![\w-])(?:suspended|paused|disabled|scaled(?:\s+\S+){0,3}?\s+(?:down\s+)?to\s+(?:0|zero)\b|kubectl\s+scale\b[^\n]*--replicas[= ]0\b|"suspend"\s*:\s*true|suspend:\s*true)/i
const proposal =
  /\b(?:should|shall|could|would|can|let'?s|going to|gonna|plan\w* to|will|wanna|want to|need to|might)\s+(?:\w+\s+)?(?:suspend|pause|disable|stop|halt|scale)\b|\?\s*$/i
const resumedVerb =
  /\b(?:un-?suspended|un-?paused|resumed|re-?enabled|restarted|scaled(?:\s+\S+){0,3}?\s+(?:back\s+)?up|back on|"suspend"\s*:\s*false|suspend:\s*false)\b/i
// A Kubernetes-style name: lower-case words joined by hyphens (`fx-rates-sync`, `deploy/invoice-worker`).
const k8sName = /(?<![\w.-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w/-])/g
// The kind after the name, when said: "the ledger-export cronjob".
const kindWord =
  /\b(?:cron\s?jobs?|jobs?|deploy(?:ment)?s?|workers?|consumers?|syncs?|pipelines?|statefulsets?)\b/i

/** The names a text gives, in order. */
const namesIn = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(k8sName)].flatMap((m) => m[1] ?? [])

/**
 * The workload `text` says was paused — the first name after the verb, else (a reply saying "the
 * sync") the first name of `parent`, the thread's opening message — or null when it says no pause.
 */
export const workloadPaused = (text: string, parent = ""): string | null => {
  const verb = pausedVerb.exec(text)
  if (verb === null || proposal.test(text) || resumedVerb.test(text)) return null
  const after = text.slice(verb.index)
  const named = namesIn(after)[0] ?? namesIn(text)[0]
  if (named !== undefined) return named
  return kindWord.test(after) ? (namesIn(parent)[0] ?? null) : null
}

/** Whether `text` says `workload` was resumed (unsuspended, re-enabled, scaled back up). */
export const workloadResumed = (text: string, workload: string): boolean =>
  resumedVerb.test(text) && text.toLowerCase().includes(workload.toLowerCase())

/** Words every job or service name has; sharing one says nothing about which alert a job feeds. */
const generic = new Set([
  "sync",
  "job",
  "cron",
  "cronjob",
  "worker",
  "workers",
  "api",
  "service",
  "svc",
  "prod",
  "production",
  "staging",
  "app",
  "web",
  "server",
  "builder",
  "consumer",
  "export",
  "import",
  "the",
])

const words = (s: string): ReadonlyArray<string> =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !generic.has(w))

/**
 * Whether a paused workload is the alert's business: named by it, or sharing a word of its own
 * with the alert's name, keywords or subject names (`fx-rates-sync` for "FXRatesStale … rates-api").
 */
export const pauseConcernsAlert = (workload: string, alertWords: string, names: ReadonlyArray<string>) => {
  if (names.includes(workload)) return true
  const theirs = new Set(words([alertWords, ...names].join(" ")))
  return words(workload).some((w) => theirs.has(w))
}
