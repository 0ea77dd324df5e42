/**
 * What the chat scanners make of channel history, without a model: which messages are about
 * the alerting service, and what they say about it. Our own bot's posts and the alert message
 * itself are never evidence. A deploy / change announcement naming the service within the
 * change lookback is a `deploy_announcement` (a change the cause inference can line up with
 * the symptoms); another alert about the service (or a person reporting a symptom of it) in the
 * evidence window is a `related_alert`. Everything else — chatter, other services' deploys,
 * alerts about other workloads — is read and counted, never a finding. Pure.
 */
import { DateTime } from "effect"
import type { AlertContext } from "./alert-context.js"
import type { AlertFacts } from "./alert-facts.js"
import { looksLikeCluster, looksLikeNode, workloadFromPod } from "./alert-facts-names.js"
import { certExpiryWarning, hostOfSubject, renewedLater } from "./chat-cert-expiry.js"
import { credentialChanged, credentialChangeTitle } from "./chat-credential-change.js"
import { dataOperationAnnounced } from "./chat-data-operation.js"
import { drainAboutAlert, drainStuckReported } from "./chat-drain-stuck.js"
import { failoverMatch } from "./chat-failover.js"
import { flagChangeRead } from "./chat-flag-change.js"
import type { HistoryMessage } from "./chat-history.js"
import {
  announcesConcurrencyUse,
  concurrencyTakenTitle,
  isLambdaThrottleAlert,
} from "./chat-lambda-concurrency.js"
import { meshChangeAnnounced } from "./chat-mesh-change.js"
import { resourcesChanged } from "./chat-resources-change.js"
import { namesService, schemaChange, wordMatcher } from "./chat-terms.js"
import { vendorStatusOf } from "./chat-vendor-status.js"
import { pauseConcernsAlert, workloadPaused, workloadResumed } from "./chat-workload-pause.js"
import type { FindingKind } from "./finding-kinds.js"
import type { Severity } from "./severity.js"
import { compareSeverity } from "./severity.js"

/** Words of a deploy or change being made (announced by CI/CD bots or by people). */
export const deployTerms: ReadonlyArray<string> = [
  "deploy",
  "deploys",
  "deployed",
  "deploying",
  "deployment",
  "redeploy",
  "redeployed",
  "rollout",
  "rolled out",
  "rolling out",
  "release",
  "released",
  "releasing",
  "upgrade",
  "upgraded",
  "upgrading",
  "helm upgrade",
  "rollback",
  "rolled back",
  "rolling back",
  "sync",
  "synced",
  "shipped",
  "promoted",
  "pipeline",
  "migration",
  "config change",
  "feature flag",
  "flag",
  "flags",
  "toggled",
  "turned on",
  "turned off",
  "kill switch",
  "targeting",
  "scaled",
  "scaling",
  "desired count",
  // Infrastructure as code applied (Terraform, Atlantis, Pulumi): a role, a policy, a bucket changed.
  "apply succeeded",
  "apply complete",
  "terraform apply",
  "pulumi up",
  // A setting changed by hand: "flipping ledger-worker to LOG_LEVEL=DEBUG", "bumped the pool to 50".
  "flipped",
  "flipping",
  "switched",
  "switching",
  "changed",
  "changing",
  "bumped",
  "bumping",
  "enabled",
  "enabling",
  "disabled",
  "disabling",
  "edited",
  "patched",
  // Credentials and certificates rotated: they break clients that still hold the old ones.
  "rotate",
  "rotated",
  "rotating",
  "rotation",
  "revoke",
  "revoked",
  "revoking",
  "deactivated",
  "invalidated",
  "regenerated",
  "reissued",
]

/** Words of something being wrong: alerts, failures, symptoms. */
export const alertTerms: ReadonlyArray<string> = [
  "alert",
  "alerts",
  "alarm",
  "firing",
  "triggered",
  "error",
  "errors",
  "warning",
  "critical",
  "incident",
  "failure",
  "failures",
  "failed",
  "failing",
  "fatal",
  "crash",
  "crashed",
  "crashing",
  "crashloop",
  "crashloopbackoff",
  "oomkilled",
  "out of memory",
  "outage",
  "degraded",
  "unhealthy",
  "unavailable",
  "is down",
  "not ready",
  "timed out",
  "timeout",
  "timeouts",
  "exception",
  "panic",
  "5xx",
  "paged",
]

const deployWords = wordMatcher(deployTerms)
const alertWords = wordMatcher(alertTerms)
// "v2.14.0 → prod", "`v4.12.1` → `eks-apac-prod`": a version shipped somewhere.
const versionShipped = /(?<![\p{L}\p{N}])v?\d+\.\d+(?:\.\d+)?\b[`*_\s]*(?:→|->|=>)/u
// A flag service's "changed … default rule 10% → 100%": a rollout percentage moved.
const percentageMoved = /\b\d{1,3}(?:\.\d+)?\s?%\s*(?:→|->|=>|to)\s*\d{1,3}(?:\.\d+)?\s?%/u
const resolvedWords = wordMatcher(["resolved", "ok", "recovered", "back to normal", "back below"])
// "LOG_LEVEL=DEBUG", "DB_POOL_SIZE=50": a setting given a value.
const settingAssigned = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+=\S/

export interface ChannelInfo {
  readonly id: string
  /** display only (`#deploys`) */
  readonly name: string | null
}

export interface ChatMatch {
  readonly kind: Extract<FindingKind, "deploy_announcement" | "related_alert" | "datastore_failover">
  readonly severity: Severity
  readonly message: HistoryMessage
  /** The alert subject this message names. */
  readonly service: string
  /** One line, for the finding's title. */
  readonly title: string
}

export interface ChatScan {
  /** Best first, at most `maxFindings`. */
  readonly matches: ReadonlyArray<ChatMatch>
  /** Matches left out by the cap. */
  readonly omitted: number
  /** Messages considered (in a window, not ours, not the alert). */
  readonly considered: number
}

// Too generic to pick messages by: every *-api would match "api".
const vague = new Set([
  "api",
  "web",
  "app",
  "service",
  "server",
  "worker",
  "job",
  "prod",
  "production",
  "main",
])

// A deployable's name as people write it: `search-api`, `report-renderer` (two or more parts).
const serviceShaped = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/

/**
 * The alert's subject names (service, workload, the pod's workload), lower-case, distinct. A
 * person's or an uptime monitor's alert names no labelled service; then its service-shaped words
 * stand in ("can you check report-renderer"), never a cluster or node name. The third parties
 * the alert's labels name (`provider:paynetix`) are looked for too: a status page pasted in a
 * channel is the evidence of a vendor's outage.
 */
export const subjectNames = (facts: AlertFacts): ReadonlyArray<string> => {
  const pod = facts.pod === null ? null : workloadFromPod(facts.pod)
  const labelled = [facts.service, facts.workload, pod].flatMap((n) => (n === null ? [] : [n]))
  const candidates =
    labelled.length > 0
      ? labelled
      : facts.keywords.filter(
          // A site or ticket code ("CVG-02", "LCK-01", "TB-SUP-88213") is shaped like a name but
          // names no service.
          (k) =>
            serviceShaped.test(k) &&
            !looksLikeCluster(k) &&
            !looksLikeNode(k) &&
            !/^[a-z]+-\d+$/.test(k) &&
            !/^[a-z]+(?:-[a-z]+)*-\d{3,}$/.test(k),
        )
  const names = [...candidates, ...facts.dependencies]
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n.length >= 3 && !vague.has(n))
  return [...new Set(names)]
}

export interface ScanInput {
  readonly alert: Pick<AlertContext, "platform" | "channel" | "messageId" | "window">
  readonly facts: AlertFacts
  readonly channels: ReadonlyArray<ChannelInfo>
  readonly messages: ReadonlyArray<HistoryMessage>
  readonly maxFindings: number
}

const between = (m: HistoryMessage, from: DateTime.Utc, to: DateTime.Utc): boolean =>
  m.postedAt.epochMillis >= from.epochMillis && m.postedAt.epochMillis <= to.epochMillis

const firstLine = (text: string, max = 120): string => {
  const line = (text.split("\n").find((l) => l.trim() !== "") ?? "").trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

const where = (channel: ChannelInfo | undefined, id: string): string => channel?.name ?? id

/** Whether a message is the alert itself (a Slack reply to the alert shares its channel, not its id). */
export const isAlertMessage = (alert: ScanInput["alert"], m: HistoryMessage): boolean =>
  m.channel === alert.channel && m.messageId === alert.messageId

// "nobody deployed anything", "no deploys today", "we didn't roll anything out": a change denied.
// "minor version upgrade 15.6 → 15.8 is scheduled for tonight 23:00 UTC": work announced for
// later, not a change that happened — unless its time has come by the end of the window.
const plannedWords =
  /\b(?:scheduled (?:for|at)|is scheduled|planned for|will (?:be )?(?:deploy|roll|upgrad|apply|run|happen|start|take place)\w*|tonight|tomorrow|next (?:week|month|mon|tue|wed|thu|fri|sat|sun)\w*)\b/i
// ("will be deployed" is still the plan.)
// "Revoked that key … will write up the leak tomorrow": a change done, its follow-up planned.
const underWayWords =
  /\b(?:now|just|done|in progress|underway|is live|went out|starting|rolling)\b|(?<!\bbe )\b(?:completed?|finished|deployed|rolled out|applied|started|revoked|rotated|disabled|deactivated|invalidated|regenerated|reissued|lowered|reduced)\b/i
const clockTime = /\b([01]?\d|2[0-3]):([0-5]\d)\b/

/** Whether `m` announces work for a time after `until` (see plannedWords). */
const plannedAfter = (m: HistoryMessage, until: DateTime.Utc): boolean => {
  if (!plannedWords.test(m.text) || underWayWords.test(m.text)) return false
  const day = new Date(m.postedAt.epochMillis)
  const later = /\btomorrow\b/i.test(m.text) ? 1 : 0
  const clock = clockTime.exec(m.text)
  if (clock === null) {
    // No clock time: "tomorrow", "next week" are later while the window is on the message's day.
    return new Date(until.epochMillis).toISOString().slice(0, 10) === day.toISOString().slice(0, 10)
  }
  const at = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate() + later,
    Number(clock[1]),
    Number(clock[2]),
  )
  return at > until.epochMillis
}

const deniedChange =
  /\b(?:nobody|no one|noone|nothing|not|never|didn't|did not|haven't|have not|no)\b[^.!?\n]{0,25}\b(?:deploy(?:ed|s)?|rolled out|released|shipped|changed)\b/i

// Deployable names in a message (`payouts-db`, `ledger-api`).
const deployableIn = /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])/g

// What a service stands on, by the last part of its name: its database, cache, queue, secret.
const supportPart =
  /-(?:db|database|rds|aurora|pg|postgres|mysql|redis|cache|memcached|queue|sqs|sns|topic|kafka|stream|bucket|s3|secret|secrets|creds|credentials|cert|certs|tls|lb|alb|nlb|proxy|pgbouncer|dns|vpc|es|search|index)(?:-[a-z0-9]+)?$/

/**
 * A change to what the subject stands on — named with the same product word and a support part
 * (`payouts-db` under `payouts-worker`: its database; `ledger-db` under `ledger-api`) — or a
 * feature flag or a schema migration named with its product word (`pdp-recommendations-v2`,
 * `billing-db-migrate-…`) is announced
 * with that name, not the subject's. Only a change counts: its symptoms are its own, and a
 * sibling service (`payments-api-v2`) is another service.
 */
const siblingChanged = (
  text: string,
  names: ReadonlyArray<string>,
  fromFlagService: boolean,
): string | undefined => {
  if (alertWords.test(text) || !deployWords.test(text)) return undefined
  // A flag, or a schema migration of the service's database: the subject's own change, named
  // with its product word (`billing-db-migrate-…` for `billing-api`).
  const ownChange = fromFlagService || flagChange.test(text) || schemaChange.test(text)
  const stemOf = (n: string) => n.split("-")[0] ?? ""
  const subjects = names.filter((n) => {
    const stem = stemOf(n)
    return n.includes("-") && stem.length >= (ownChange ? 3 : 4) && !vague.has(stem)
  })
  const found = [...text.toLowerCase().matchAll(deployableIn)]
    .map((m) => m[0])
    .flatMap((d) => {
      const subject = subjects.find((n) => stemOf(n) === stemOf(d))
      return subject === undefined || names.includes(d) ? [] : [{ d, subject }]
    })
  // A flag or a migration is the subject's own change (`pdp-recommendations-v2` in `pdp-bff`); a
  // support part (`payouts-db`) is a thing of its own the subject stands on.
  if (ownChange) return found[0]?.subject
  return found.find(({ d }) => supportPart.test(d))?.d
}

// A feature-flag service's or a person's flag change ("turned on pdp-recommendations-v2").
const flagChange =
  /\b(?:launchdarkly|unleash|flagsmith|configcat|statsig|growthbook|optimizely|split\.io|feature[ -]?flags?|flags?)\b/i

/** Classify one message against the alert's subject; null when it is not evidence. */
export const classifyMessage = (
  input: Pick<ScanInput, "alert" | "channels"> & { readonly facts?: AlertFacts },
  names: ReadonlyArray<string>,
  m: HistoryMessage,
): ChatMatch | null => {
  if (m.own || isAlertMessage(input.alert, m)) return null
  const service =
    names.find((n) => namesService(m.text, n)) ??
    siblingChanged(m.text, names, flagChange.test(m.author.name ?? ""))
  const channel = where(
    input.channels.find((c) => c.id === m.channel),
    m.channel,
  )
  const { window } = input.alert
  if (service === undefined)
    return (
      flagChanged(input, names, m, channel) ??
      meshChange(input, names, m, channel) ??
      concurrencyTaken(input, names, m, channel) ??
      vendorIncident(input, m, channel) ??
      // A datastore's failover relayed to chat: about the datastore, not the service (chat-failover.ts).
      failoverMatch(m, channel, window.changesSince.epochMillis, window.end.epochMillis)
    )
  const symptom = alertWords.test(m.text)
  // A symptom outranks change words: "the catalog-api rollout is stuck, pods not ready" is a report.
  if (symptom && between(m, window.start, window.end)) {
    const resolved = resolvedWords.test(firstLine(m.text, 400)) && !/\bfiring\b/i.test(m.text)
    // A third party's outage, as its status page or a person says it, is evidence of its own.
    const vendor = input.facts?.dependencies.includes(service) === true
    const severity: Severity = resolved ? "low" : m.author.bot || vendor ? "medium" : "low"
    const what = resolved
      ? "Resolved alert"
      : m.author.bot
        ? "Another alert"
        : vendor
          ? "Outage reported"
          : "Reported"
    return {
      kind: "related_alert",
      severity,
      message: m,
      service,
      title: `${what} for ${service} in ${channel}: ${firstLine(m.text)}`,
    }
  }
  const change =
    (deployWords.test(m.text) && !deniedChange.test(m.text)) ||
    settingAssigned.test(m.text) ||
    resourcesChanged(m.text) ||
    versionShipped.test(m.text) ||
    percentageMoved.test(m.text)
  if (!symptom && credentialChanged(m.text) && changedInWindow(m, window)) {
    // Named by its provider (a dependency) or by the service: the credential is the subject's.
    const deps = input.facts?.dependencies.map((d) => d.toLowerCase()) ?? []
    const subject = deps.includes(service) ? (names.find((n) => !deps.includes(n)) ?? service) : service
    const provider = deps.find((d) => namesService(m.text, d))
    return changeOf(m, subject, credentialChangeTitle(subject, provider, channel, firstLine(m.text)))
  }
  if (!symptom && change && changedInWindow(m, window))
    return {
      kind: "deploy_announcement",
      severity: "medium",
      message: m,
      service,
      title: `Change to ${service} announced in ${channel}: ${firstLine(m.text)}`,
    }
  return null
}

/**
 * A feature flag turned (chat-flag-change.ts): the change of the subject named like it, or — the
 * alert naming none — of the flag itself, for the cause inference to link to a failing service.
 */
const flagChanged = (
  input: Pick<ScanInput, "alert">,
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  channel: string,
): ChatMatch | null => {
  if (!changedInWindow(m, input.alert.window)) return null
  const read = flagChangeRead(m.text, m.author.name, names, channel, firstLine(m.text))
  return read === null ? null : { kind: "deploy_announcement", severity: "medium", message: m, ...read }
}

/** Posted in the change lookback and not announcing work still to come. */
const changedInWindow = (m: HistoryMessage, window: ScanInput["alert"]["window"]): boolean =>
  between(m, window.changesSince, window.end) && !plannedAfter(m, window.end)

/** A change announced in chat, as a finding about `subject`. */
const changeOf = (m: HistoryMessage, subject: string, title: string): ChatMatch => ({
  kind: "deploy_announcement",
  severity: "medium",
  message: m,
  service: subject,
  title,
})

/**
 * A mesh's mTLS policy or CA changed (chat-mesh-change.ts): announced with the namespaces it
 * touches, never the subject's name, it is a change behind every in-mesh call — the subject's too.
 */
const meshChange = (
  input: Pick<ScanInput, "alert">,
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  channel: string,
): ChatMatch | null => {
  const subject = names[0]
  if (subject === undefined || !meshChangeAnnounced(m.text) || !changedInWindow(m, input.alert.window))
    return null
  return changeOf(
    m,
    subject,
    `mTLS / service mesh change announced in ${channel} (it touches every in-mesh call, ${subject}'s too): ${firstLine(m.text)}`,
  )
}

/**
 * Another Lambda scaling out over the account's shared concurrency (chat-lambda-concurrency.ts),
 * for an alarm on a Lambda's throttles: a change behind the subject's throttles.
 */
const concurrencyTaken = (
  input: Pick<ScanInput, "alert"> & { readonly facts?: AlertFacts },
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  channel: string,
): ChatMatch | null => {
  const subject = names[0]
  if (
    subject === undefined ||
    input.facts === undefined ||
    !isLambdaThrottleAlert(input.facts) ||
    !announcesConcurrencyUse(m.text) ||
    !changedInWindow(m, input.alert.window)
  )
    return null
  return changeOf(m, subject, concurrencyTakenTitle(subject, channel, firstLine(m.text)))
}

/**
 * A third party's status-page incident posted in the evidence window (chat-vendor-status.ts): the
 * alert rarely names the provider, so the post is evidence of its own, whichever service it hurts.
 */
const vendorIncident = (
  input: Pick<ScanInput, "alert">,
  m: HistoryMessage,
  channel: string,
): ChatMatch | null => {
  const status = vendorStatusOf(m.text, m.author.bot)
  const { window } = input.alert
  if (status === null || !between(m, window.start, window.end)) return null
  return {
    kind: "related_alert",
    severity: "medium",
    message: m,
    service: status.vendor,
    title: `Third-party status incident (${status.vendor}) in ${channel}: ${firstLine(m.text)}`,
  }
}

/**
 * A person saying a node drain or nodegroup update is stuck (chat-drain-stuck.ts), in the
 * evidence window, about the alert's cluster or node (read with its thread's parent, which
 * names the upgrade): the drain that cannot evict the subject's pods. It names the node, not the
 * workload, so it is the subject's evidence — and, unlike a vague "is X down?", a named
 * operation's state from the person running it, so medium.
 */
const drainStuck = (
  input: ScanInput,
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  parent: HistoryMessage | undefined,
): ChatMatch | null => {
  const subject = names.find((n) => namesService(m.text, n)) ?? names[0]
  const { window } = input.alert
  if (
    subject === undefined ||
    m.own ||
    !between(m, window.start, window.end) ||
    !drainStuckReported(m.text) ||
    !drainAboutAlert([m.text, parent?.text ?? ""].join("\n"), input.facts)
  )
    return null
  const channel = where(
    input.channels.find((c) => c.id === m.channel),
    m.channel,
  )
  return {
    kind: "related_alert",
    severity: "medium",
    message: m,
    service: subject,
    title: `Node drain / nodegroup update reported stuck in ${channel}: ${firstLine(m.text)}`,
  }
}

/**
 * A resources change in a reply ("values diff: resources.limits.memory 1Gi -> 384Mi") under a
 * parent that names the workload ("reminder-dispatcher-prod synced"): the reply carries the change,
 * the parent whose it is. Read together, it is the workload's change, linked to the reply.
 */
const resourcesInThread = (
  input: ScanInput,
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  parent: HistoryMessage | undefined,
): ChatMatch | null => {
  if (parent === undefined || !resourcesChanged(m.text) || !changedInWindow(m, input.alert.window))
    return null
  const subject = names.find((n) => namesService(parent.text, n))
  if (subject === undefined || names.some((n) => namesService(m.text, n))) return null
  const channel = where(
    input.channels.find((c) => c.id === m.channel),
    m.channel,
  )
  return changeOf(
    m,
    subject,
    `Resources / limits change to ${subject} announced in ${channel}: ${firstLine(m.text)}`,
  )
}

/**
 * A backfill, bulk write, reindex or load test started against a database (chat-data-operation.ts)
 * in the change lookback, for a report naming no service: the change that loads the primary and
 * lags its replicas, under its own name for the cause inference to line up with a database's lag.
 */
const dataOperation = (input: ScanInput, m: HistoryMessage, channel: string): ChatMatch | null => {
  const op = m.own || m.threadId !== null ? null : dataOperationAnnounced(m.text)
  if (op === null || !changedInWindow(m, input.alert.window)) return null
  return changeOf(
    m,
    op,
    `Heavy data operation (${op}) started on a database in ${channel}: ${firstLine(m.text)}`,
  )
}

/**
 * Certificate-expiry warnings (chat-cert-expiry.ts), read over all the history the scanner passes
 * (it reads further back for them), the latest per host and not answered by a renewal: the host's
 * certificate expired before the alert's end — since the change lookback began, or on a host the
 * alert names — is high; a named host's certificate still to expire is medium. Posted days ahead
 * and ignored, they are the change the alert's TLS failures line up with.
 */
const certExpiries = (input: ScanInput, names: ReadonlyArray<string>): ReadonlyArray<ChatMatch> => {
  const { window } = input.alert
  const posted = input.messages.filter(
    (m) => !m.own && !isAlertMessage(input.alert, m) && m.postedAt.epochMillis <= window.end.epochMillis,
  )
  const latest = new Map<string, { m: HistoryMessage; expiresAt: number }>()
  for (const m of posted) {
    const w = certExpiryWarning(m.text, m.postedAt.epochMillis)
    if (w === null) continue
    const seen = latest.get(w.host)
    if (seen === undefined || seen.m.postedAt.epochMillis < m.postedAt.epochMillis)
      latest.set(w.host, { m, expiresAt: w.expiresAt })
  }
  return [...latest.entries()].flatMap(([host, { m, expiresAt }]) => {
    const later = posted.filter((p) => p.postedAt.epochMillis > m.postedAt.epochMillis)
    if (later.some((p) => renewedLater(p.text, host))) return []
    const subject = hostOfSubject(host, names)
    const expired = expiresAt <= window.end.epochMillis
    const recent = expired && expiresAt >= window.changesSince.epochMillis
    if (!(recent || subject !== undefined) || (!expired && subject === undefined)) return []
    const channel = where(
      input.channels.find((c) => c.id === m.channel),
      m.channel,
    )
    const when = new Date(expiresAt).toISOString().slice(0, 16).replace("T", " ")
    return [
      {
        kind: "deploy_announcement",
        severity: expired ? "high" : "medium",
        message: m,
        service: subject ?? host.split(".")[0] ?? host,
        title: `Certificate for ${host} ${expired ? "expired" : "expires"} ${when} UTC (expiry warned in ${channel}): ${firstLine(m.text)}`,
      } satisfies ChatMatch,
    ]
  })
}

/**
 * A job or workload a person paused (chat-workload-pause.ts), read over all the history the
 * scanner passes (it reads further back for them: a staleness alert fires hours after the pause),
 * in a thread too, not resumed later, and the alert's business (named by it or sharing a word of
 * its own with it): the change behind what stopped happening.
 */
const workloadPauses = (input: ScanInput, names: ReadonlyArray<string>): ReadonlyArray<ChatMatch> => {
  const { window } = input.alert
  const posted = input.messages.filter(
    (m) => !m.own && !isAlertMessage(input.alert, m) && m.postedAt.epochMillis <= window.end.epochMillis,
  )
  const parentOf = (m: HistoryMessage) =>
    m.threadId === null
      ? undefined
      : posted.find((p) => p.channel === m.channel && p.messageId === m.threadId)
  return posted.flatMap((m) => {
    const workload = workloadPaused(m.text, parentOf(m)?.text ?? "")
    if (
      workload === null ||
      !pauseConcernsAlert(workload, [input.facts.alertName ?? "", ...input.facts.keywords].join(" "), names)
    )
      return []
    const later = posted.filter((p) => p.postedAt.epochMillis > m.postedAt.epochMillis)
    if (later.some((p) => workloadResumed(p.text, workload))) return []
    const channel = where(
      input.channels.find((c) => c.id === m.channel),
      m.channel,
    )
    return [
      changeOf(
        m,
        workload,
        `${workload} paused / suspended by hand in ${channel} (not resumed since): ${firstLine(m.text)}`,
      ),
    ]
  })
}

const kindRank = (k: ChatMatch["kind"]): number => (k === "deploy_announcement" ? 0 : 1)

/**
 * A change announced without the service's name, whose thread names it ("turned on the flag
 * `pdp-inline-reviews`" ← "inline reviews are live for everyone on product-api"): the
 * announcement, read with the replies that name the service, is that service's change.
 */
const withinThread = (
  input: ScanInput,
  names: ReadonlyArray<string>,
  m: HistoryMessage,
  replies: ReadonlyArray<HistoryMessage>,
  classified: (r: HistoryMessage) => ChatMatch | null,
): ChatMatch | null => {
  if (m.threadId !== null || replies.length === 0) return null
  const naming = replies.filter(
    (r) =>
      names.some((n) => namesService(r.text, n)) &&
      // A reply that is itself the change ("deployed payments-api v2.14.0") speaks for itself.
      classified(r) === null,
  )
  if (naming.length === 0) return null
  const read = classifyMessage(input, names, {
    ...m,
    text: [m.text, ...naming.map((r) => r.text)].join("\n"),
  })
  return read?.kind === "deploy_announcement" ? { ...read, message: m } : null
}

/** Every message in the window, classified; best first (severity, changes before alerts, latest first), capped. */
export const scanChat = (input: ScanInput): ChatScan => {
  const names = subjectNames(input.facts)
  const { window } = input.alert
  const considered = input.messages.filter(
    (m) => !m.own && !isAlertMessage(input.alert, m) && between(m, window.changesSince, window.end),
  )
  // Each message classified once, whether on its own or as a reply read with its thread's parent.
  const seen = new Map<HistoryMessage, ChatMatch | null>()
  const classified = (m: HistoryMessage): ChatMatch | null => {
    if (!seen.has(m)) seen.set(m, classifyMessage(input, names, m))
    return seen.get(m) ?? null
  }
  const threads = new Map<string, Array<HistoryMessage>>()
  for (const r of input.messages) {
    if (r.own || r.threadId === null) continue
    const key = `${r.channel}\u0000${r.threadId}`
    const thread = threads.get(key)
    if (thread === undefined) threads.set(key, [r])
    else thread.push(r)
  }
  const parentOf = (m: HistoryMessage) =>
    m.threadId === null
      ? undefined
      : input.messages.find((p) => p.channel === m.channel && p.messageId === m.threadId)
  const all =
    names.length === 0
      ? // A person's report naming no service: only a flag turned, or a heavy data operation on a
        // database (stale reads, slow queries), is evidence by itself.
        considered.flatMap((m) => {
          const channel = where(
            input.channels.find((c) => c.id === m.channel),
            m.channel,
          )
          return flagChanged(input, names, m, channel) ?? dataOperation(input, m, channel) ?? []
        })
      : considered.flatMap(
          (m) =>
            drainStuck(input, names, m, parentOf(m)) ??
            classified(m) ??
            resourcesInThread(input, names, m, parentOf(m)) ??
            withinThread(
              input,
              names,
              m,
              threads.get(`${m.channel}\u0000${m.messageId}`) ?? [],
              classified,
            ) ??
            [],
        )
  const certs = certExpiries(input, names).filter((c) => !all.some((a) => a.message === c.message))
  const pauses = workloadPauses(input, names).filter(
    (c) => ![...all, ...certs].some((a) => a.message === c.message),
  )
  const sorted = [...all, ...certs, ...pauses].sort(
    (a, b) =>
      compareSeverity(b.severity, a.severity) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      b.message.postedAt.epochMillis - a.message.postedAt.epochMillis,
  )
  const shown = sorted.slice(0, Math.max(0, input.maxFindings))
  return { matches: shown, omitted: sorted.length - shown.length, considered: considered.length }
}

/** When a message was posted, as `HH:MM UTC`, for summaries. */
export const hhmm = (t: DateTime.Utc): string => DateTime.formatIso(t).slice(11, 16)
