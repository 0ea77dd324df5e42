/**
 * How a chain reads: "rollout of payments-api v2.14.0 at 13:01 UTC (SETTLEMENT_BATCH_SIZE
 * 1000→5000) followed by OOMKilled (out of memory) in payments-api: <the evidence's own
 * titles>". The words come from the cited findings only — the mode's class words, the change's
 * version and settings, the titles — so nothing out of scope can leak into a cause.
 */

import type { DateTime } from "effect"
import { isProviderName } from "./cause-provider.js"
import { isServedHost } from "./cause-served-hosts.js"
import { certificateServer } from "./cause-server-cert.js"
import type { Chain, Consequence } from "./causes-chain.js"
import { configuredDatastore } from "./causes-datastore.js"
import { holderPhrase } from "./causes-holder.js"
import { modesLabel } from "./causes-labels.js"
import { isDependencyMode } from "./causes-modes.js"
import { dependencyNamesIn } from "./causes-names.js"
import { isConcurrencyTakenTitle } from "./chat-lambda-concurrency.js"
import { schemaChange } from "./chat-terms.js"
import { reloadPhrase } from "./config-reload-phrase.js"
import { rotationPhrase } from "./credential-rotation.js"
import { culpritSetting } from "./culprit-phrase.js"
import type { Finding } from "./finding.js"
import { explicitLevel } from "./log-level.js"
import { textOf } from "./report-scope.js"
import { clipAtWord, clipText, oneLine } from "./report-text.js"

export const maxCauseChars = 500
const maxTitleChars = 140
const maxShown = 3

/** HH:MM UTC of an instant. */
export const clock = (t: DateTime.Utc): string => `${new Date(t.epochMillis).toISOString().slice(11, 16)} UTC`

const changeNoun: Readonly<Record<string, string>> = {
  rollout: "rollout",
  config_change: "config change",
  deploy_announcement: "deploy",
  deploy: "deploy",
  scaled_down: "scale-down",
  credential_rotation: "credential rotation",
  aws_capacity_change: "capacity change",
  provider_load: "bulk load",
  schema_migration: "migration",
  migration_failed: "migration",
}

const deployWords =
  /\b(?:deploy(?:ed|ing|s|ment)?|releas(?:e|ed|ing)|rolled out|roll(?:ing)? out|ship(?:ped|ping)?|promot(?:e|ed|ing))\b/i

/** An announcement that is a deploy (not a flag, a scaling or a migration): its words say so. */
export const isDeployAnnouncement = (f: Finding): boolean => deployWords.test(f.title)

/** An announcement's own words: its title after "… announced in #channel: ". */
const announcementText = (f: Finding): string => oneLine(f.title.replace(/^.*? announced in [^:]*:\s*/, ""))

const arrowTarget = /(?:→|->)\s*([^\s,;()]+)/g
const versionToken = /\bv\d+(?:\.\d+)+[\w.+-]*/
const setting =
  /\b([A-Z][A-Z0-9_]{2,}|(?:[a-z][\w.]*\s)?[\w.]*(?:memory|cpu|limit|request|replicas|probe|path|port|timeout)[\w.]*)(?:\s*[=:]\s*|\s+)("?[\w./-]{1,40}"?)\s*(?:→|->)\s*("?[\w./-]{1,40}"?)/g

/** The version a change moved to: the tag after an arrow ("…:v2.13.2 → …:v2.14.0"), else a vX.Y token. */
const versionOf = (changes: ReadonlyArray<Finding>): string | null => {
  for (const c of changes) {
    const text = `${c.title}\n${c.detail}`
    for (const m of text.matchAll(arrowTarget)) {
      const target = m[1] ?? ""
      const tag = target.slice(target.lastIndexOf(":") + 1)
      if (/\d/.test(tag) && /[.]/.test(tag) && !/^\d+$/.test(tag)) return tag
    }
  }
  for (const c of changes) {
    const v = versionToken.exec(`${c.title}\n${c.detail}`)?.[0]
    if (v !== undefined) return v
  }
  return null
}

/**
 * A runtime's option string (JAVA_TOOL_OPTIONS, JAVA_OPTS, NODE_OPTIONS): a list of flags, so
 * what moved is the flags added and removed ("-Xms3g -Xmx3g added, -XX:MaxRAMPercentage=70.0
 * removed"), not two long strings. A flag cut short in the finding ("…") is left out.
 */
const optionString = /\b([A-Z][A-Z0-9_]*OPT(?:ION)?S)\s+(\S.*?)\s*(?:→|->)\s*(\S.*?)\s*(?:\)|;|$)/gm

const flagsMoved = (name: string, before: string, after: string): string | null => {
  const flags = (v: string) => v.split(/\s+/).filter((f) => f !== "" && !f.includes("…"))
  const was = flags(before)
  const now = flags(after)
  const added = now.filter((f) => !was.includes(f)).slice(0, 3)
  const removed = was.filter((f) => !now.includes(f)).slice(0, 2)
  if (added.length === 0 && removed.length === 0) return null
  const parts = [
    ...(added.length === 0 ? [] : [`${added.join(" ")} added`]),
    ...(removed.length === 0 ? [] : [`${removed.join(" ")} removed`]),
  ]
  return `${name}: ${parts.join(", ")}`
}

/** "SETTLEMENT_BATCH_SIZE 1000→5000": the settings a change says it moved, at most two. */
const settingsOf = (changes: ReadonlyArray<Finding>): ReadonlyArray<string> => {
  const found = changes.flatMap((c) => {
    const text = `${c.title}\n${c.detail}`
    const options = [...text.matchAll(optionString)].flatMap(
      (m) => flagsMoved(m[1] ?? "", m[2] ?? "", m[3] ?? "") ?? [],
    )
    const optionNames = new Set(options.map((o) => o.split(":")[0]))
    const plain = [...text.matchAll(setting)]
      .filter((m) => !optionNames.has(m[1] ?? ""))
      .map((m) => `${m[1] ?? ""} ${m[2] ?? ""}→${m[3] ?? ""}`)
    return [...options, ...plain]
  })
  return [...new Set(found)].slice(0, 2)
}

const changePhrase = (chain: Chain): string | null => {
  const lead = chain.changes[0]
  if (lead === undefined) return null
  // A rotated credential is named by what rotated, not as a change "of" the service.
  const rotated = rotationPhrase(lead)
  if (rotated !== null) return rotated
  // A change to an AWS resource's capacity (CloudTrail) is named by what it did, not as the workload's.
  if (lead.kind === "aws_capacity_change") return clipText(oneLine(lead.title), 200)
  // So is a job or a bulk send that drove the calls a provider rate-limits (provider-load.ts).
  if (lead.kind === "provider_load") return clipText(oneLine(lead.title), 240)
  // And a schema migration by what it created (migration-jobs.ts): the trigger, not "a change of" the service.
  if (lead.kind === "schema_migration")
    return clipText(oneLine(lead.title.replace(/ — \d+ min before .*$/, "")), 240)
  // And a release's failed migration by its Job and error (migration-failures.ts): the schema's absence is its doing.
  if (lead.kind === "migration_failed") return clipText(oneLine(lead.title), 280)
  // And an identity service's rollout its callers' token refusals follow (identity-rollout.ts), by
  // what it changed and who refuses: the change is another workload's, not "of" the subject.
  if (/ → \S.* reject its tokens \(401 /.test(lead.title)) return clipText(oneLine(lead.title), 240)
  // And a config hot-reloaded without a rollout, by the keys it changed (config-reload-phrase.ts).
  const reloaded = reloadPhrase(lead, chain.subject.display)
  if (reloaded !== null) return reloaded
  // And another Lambda using up the account's concurrency (chat-lambda-concurrency.ts).
  if (lead.kind === "deploy_announcement" && isConcurrencyTakenTitle(lead.title))
    return clipText(oneLine(lead.title), 240)
  const version = versionOf(chain.changes)
  const settings = settingsOf(chain.changes)
  const at = lead.observedAt === null ? "" : ` at ${clock(lead.observedAt)}`
  const announced = lead.kind === "deploy_announcement"
  // An announcement that is not a deploy (scaling, a flag, a migration) is named a change, in its own words.
  const deploy =
    !announced || ((deployWords.test(lead.title) || version !== null) && !schemaChange.test(lead.title))
  const told = !announced
    ? ""
    : deploy
      ? " (announced)"
      : ` (announced: "${clipText(announcementText(lead), 90)}")`
  // The value the failing calls name, when the rollout's finding says which (culprit-phrase.ts).
  const culprit = culpritSetting(chain.changes)
  const what =
    culprit !== null ? ` (${culprit.phrase})` : settings.length === 0 ? "" : ` (${settings.join(", ")})`
  const noun = deploy ? (changeNoun[lead.kind] ?? lead.kind) : "change"
  return `${noun} ${deploy ? "of" : "to"} ${chain.subject.display}${version === null ? "" : ` ${version}`}${at}${told}${what}`
}

// Cut on a word: half a word ("a lea…") loses the mechanism it named.
const title = (f: Finding): string => clipAtWord(oneLine(f.title), maxTitleChars)

/** The roots to show: the strongest of each agent and mode, at most three. */
export const shownRoots = (chain: Chain): ReadonlyArray<Finding> => {
  const seen = new Set<string>()
  return chain.roots
    .filter((f) => {
      const key = `${f.agent} ${f.kind}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .slice(0, maxShown)
}

// A WARN line from minutes before the latency began ("redis: closed 3 idle conns") is not what
// users wait on: only lines from its onset on name the dependency.
const onsetSlackMs = 60_000
const beforeOnset = (f: Finding, outcomes: ReadonlyArray<Finding>): boolean => {
  const starts = outcomes.flatMap((o) => (o.observedAt === null ? [] : [o.observedAt.epochMillis]))
  return (
    f.observedAt !== null &&
    starts.length > 0 &&
    f.observedAt.epochMillis < Math.min(...starts) - onsetSlackMs
  )
}

// A host outside the cluster is named by its provider's domain (cause-provider.ts).
const providers = { providers: true } as const

/** Dependencies the chain's own evidence names ("… connection slots … database orders-db"). */
const dependencies = (chain: Chain): ReadonlyArray<string> => {
  // What users see (a latency) with its WARN lines naming the dependency it waits on.
  const outcomeOnly = chain.roots.length === 0 && chain.modes.every((m) => m === "outcome")
  if (!chain.modes.some(isDependencyMode) && !outcomeOnly) return []
  // A proxy's timeout lines name the subject's own host and upstream, not a dependency; what
  // made the cut requests slow is in the subject's own slow-call lines (its outcomes).
  const cut = chain.roots.some((f) => f.kind === "proxy_timeout")
  const sources = outcomeOnly
    ? [...chain.outcomes, ...chain.support.filter((f) => !beforeOnset(f, chain.outcomes))]
    : cut
      ? [...chain.roots.filter((f) => f.kind !== "proxy_timeout"), ...chain.outcomes, ...chain.support]
      : chain.roots
  // A datastore's failover record names its own nodes and cluster ("DB instance …"), no dependency.
  // The findings' headlines first: an excerpt carries the lines around the failing one ("sms send
  // failed (upstream twilio, status 401)" beside "email send throttled (upstream sendgrid)"), and
  // its neighbours' dependencies are not this chain's.
  const named = sources
    .filter((f) => f.kind !== "datastore_failover")
    // A title is clipped (~110 characters): a host it cuts is read from the finding's full text.
    .flatMap((f) => dependencyNamesIn(f.title, { ...providers, full: `${f.detail}\n${f.excerpt ?? ""}` }))
  if (named.length === 0)
    named.push(
      ...sources
        .filter((f) => f.kind !== "datastore_failover")
        .flatMap((f) => dependencyNamesIn(textOf(f), providers)),
    )
  const deps = [...new Set(named)].filter((n) => n !== chain.subject.key).slice(0, 2)
  // A pool or a server out of connections names no host: the subject's configuration does.
  const store = chain.modes.includes("connections") ? configuredDatastore(chain.support) : null
  return deps.length > 0 || store === null || store === chain.subject.key ? deps : [store]
}

const dependenciesOf = (chain: Chain): ReadonlyArray<string> => {
  const named = culpritSetting(chain.changes)?.dependency
  return named === undefined || named === null ? dependencies(chain) : [named]
}

const where = (chain: Chain): string => {
  // A server whose certificate its callers refuse is where the failure is (cause-server-cert.ts).
  const server = certificateServer(chain)
  if (server !== null) return `at ${server} (seen by its caller ${chain.subject.display})`
  const deps = dependenciesOf(chain)
  const on = deps.length === 0 ? "" : ` (dependency: ${deps.join(", ")})`
  return `in ${chain.subject.display}${on}`
}

const timingOut = /\btim(?:ed|ing|es)? ?out\b|\btimeout\b|deadline exceeded|\b504\b/i

/**
 * A third party the subject's failing calls name ("… .adyenpayments.com … timed out after 8000
 * ms") leads the cause: the HPA at its maximum, the saturated threads and the 504s are what
 * waiting on it looks like, and the provider is what the on-call engineer acts on.
 */
const providerLead = (chain: Chain, served: ReadonlySet<string>): string => {
  // A host under a domain the cluster's own Ingresses serve is the company's, not a third party.
  const provider = dependenciesOf(chain).find((n) => isProviderName(n) && !isServedHost(n, served))
  if (provider === undefined) return ""
  const timedOut = [...chain.roots, ...chain.outcomes].some((f) => timingOut.test(textOf(f)))
  return `calls to third-party ${provider} ${timedOut ? "timing out" : "failing"}: `
}

const podsPhrase = (chain: Chain): string => {
  const pods = new Set(chain.roots.flatMap((f) => (f.resource?.startsWith("pod/") ? [f.resource] : [])))
  return pods.size >= 2 ? ` across ${pods.size} pods` : ""
}

/**
 * The HPA scale-out a connection exhaustion followed (hpa-scale-out.ts): more pods, more pools —
 * the limit was met by the pod count ("after HPA scale-out 6 → 24 replicas").
 */
const scaledOutPhrase = (chain: Chain): string => {
  const out = chain.support.find((f) => f.kind === "hpa_scaled_out")
  return out === undefined || !chain.modes.includes("connections")
    ? ""
    : ` after HPA scale-out ${out.excerpt ?? ""}`.trimEnd()
}

/**
 * What a consequence shows: its modes' words, and the failing container or workload its error
 * lines name ("pdf-renderer unavailable errors").
 */
const consequencePhrase = (c: Consequence): string => {
  const label = modesLabel(c.modes, c.findings)
  if (c.via === null) return label
  return /(?:errors|exceptions|failures|timeouts)(?: \(|$)/.test(label)
    ? `${c.via} ${label}`
    : `${c.via} ${label} errors`
}

/**
 * The outcome a cause quotes beside its roots. A WARN line ("warn paywell: slow response 1720ms
 * (timeout 4000ms)") is a call that still succeeded: beside a failure of its own (an exception,
 * a crash) it is another signature, and quoting it names a dependency that did not fail.
 */
const quotedOutcomes = (chain: Chain): ReadonlyArray<Finding> =>
  chain.outcomes.filter((f) => chain.roots.length === 0 || !isWarnLine(f.title)).slice(0, 1)

// A line's own level, after the finding's "subject: " prefix: a marker (`WARN`, `level=warn`) or,
// as pino-pretty and winston print it, a lower-case level word leading the line ("warn  paywell: …").
const leadingWarn = /^(?:\d{4}-\d\d-\d\d[T ]\S+\s+)?warn(?:ing)?\b/i
const isWarnLine = (title: string): boolean => {
  const line = title.replace(/^[^:\s]{1,80}:\s*/, "")
  return explicitLevel(line) === "warn" || leadingWarn.test(line)
}

/**
 * The cause's text (see the module header), at most `maxCauseChars`: the class words of the
 * failure and of what it caused come first, so clipping only ever shortens the evidence.
 */
export const causeText = (chain: Chain, served: ReadonlySet<string> = new Set()): string => {
  const change = changePhrase(chain)
  const evidence = chain.roots.length > 0 ? chain.roots : chain.outcomes
  const symptom = `${providerLead(chain, served)}${modesLabel(chain.modes, evidence)} ${where(chain)}${podsPhrase(chain)}${scaledOutPhrase(chain)}${holderPhrase(chain)}`
  const causing = chain.consequences.map((c) => `, causing ${consequencePhrase(c)} in ${c.subject.display}`)
  const shown = [
    ...shownRoots(chain),
    ...quotedOutcomes(chain),
    ...chain.consequences.flatMap((c) => c.findings.slice(0, 1)),
  ].map(title)
  const head = change === null ? symptom : `${change} followed by ${symptom}`
  return clipAtWord(`${head}${causing.join("")}: ${[...new Set(shown)].join("; ")}`, maxCauseChars)
}

/** `text`, prefixed with the subject when it does not already name it. */
const naming = (chain: Chain, text: string): string => {
  const name = chain.subject.node ? chain.subject.display.replace(/^node /, "") : chain.subject.display
  return text.toLowerCase().includes(name.toLowerCase()) ? text : `${chain.subject.display}: ${text}`
}

/** One line for a report's headline: the lead symptom and the change it followed. */
export const causeHeadline = (chain: Chain): string => {
  const lead = chain.roots[0] ?? chain.outcomes[0] ?? chain.consequences[0]?.findings[0]
  const change = chain.changes[0]
  const at = change?.observedAt == null ? "" : ` at ${clock(change.observedAt)}`
  const noun =
    change === undefined
      ? ""
      : isDeployAnnouncement(change) || change.kind !== "deploy_announcement"
        ? (changeNoun[change.kind] ?? change.kind)
        : "change"
  const after = change === undefined ? "" : ` — after the ${noun}${at}`
  return `${naming(chain, lead === undefined ? "" : oneLine(lead.title))}${after}`
}
