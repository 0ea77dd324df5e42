/**
 * A datastore's failover: its primary changed (an Aurora or RDS Multi-AZ failover or a reboot
 * with failover, an ElastiCache/MemoryDB replica promoted, a Redis Sentinel or Cluster switch, a
 * Patroni switchover, a MongoDB election). For a minute or two every client errs — connections
 * reset or terminated, then writes refused by the demoted node ("READONLY You can't write against
 * a read only replica", "cannot execute INSERT in a read-only transaction", "--read-only") until
 * the client reconnects to the new primary; a client pinned to the old node's address keeps
 * failing. The clients' errors never say "failover"; the provider's event, the engine's own log
 * or an events relay in chat does, and names the datastore and the time. This module reads those
 * words, pure: the event in a line or message, the datastore it is about, who was promoted, and
 * one finding per datastore. Maintenance announced for later, a runbook question or a failover
 * test scheduled are not a failover.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { LogLine } from "./log-clusters.js"
import { redact } from "./redact.js"

export type FailoverPhase = "started" | "completed"

export interface FailoverEvent {
  /** The cluster, replication group or instance whose primary changed, lower-case. */
  readonly datastore: string
  /** How an SRE names the system: Aurora, RDS, ElastiCache, MemoryDB, Redis, PostgreSQL, MongoDB. */
  readonly engine: string
  readonly phase: FailoverPhase
  /** The node promoted to primary, when the event says. */
  readonly promoted: string | null
  /** The node that was primary before, when the event says. */
  readonly demoted: string | null
}

/** Where a line was read: its log group and stream (an engine log's stream is its node). */
export interface FailoverOrigin {
  readonly group?: string
  readonly stream?: string
}

// The providers' and engines' words for a switch that completed: RDS events 0015/0049/0071,
// ElastiCache's FailoverComplete, Redis' promotion and Sentinel's +switch-master, Patroni's
// leader lock, PostgreSQL's promote, MongoDB's election.
const completedWords =
  /completed failover to db instance|failover for the db cluster has (?:finished|completed)|multi-az (?:instance )?failover (?:completed?|finished)|failover to (?:the )?standby (?:complete|finished)|failovercomplete|failover complete\b|failover (?:from [^\n]{1,160}? )?(?:completed?|finished|succeeded)(?! in \d)|failover (?:completed?|finished|succeeded) for (?:shard|node group)|\+switch-master|\+failover-end\b|master mode enabled|promoted (?:replica|self|to (?:primary|master|leader))|(?:^|\s)promoted [\w.-]+ to (?:primary|master)|received promote request|transition to primary|election succeeded|failover election won|after successful failover|is now (?:the )?(?:new )?(?:primary|master|leader)|switchover (?:completed|successful)|(?:manual )?switchover to [\w.-]+ (?:completed|successful)/i
// …and for one that began: RDS events 0013/0072/0073, ElastiCache's FailoverStarted /
// "Test Failover API called", Sentinel's +try-failover, MongoDB stepping down.
const startedWords =
  /failover (?:for the db cluster )?has (?:begun|started)|started (?:same|cross)[ -]az failover|multi-az (?:instance )?failover started|failover (?:from [^\n]{1,160}? )?started|failoverstarted|failover (?:started|in progress) for (?:shard|node group)|test ?failover api called|\+try-failover|\+failover-state-\w+|stepping down from primary|starting an election|primary instance is busy|reboot(?:ed|ing)? with failover/i

// Failover words that are a plan, a question or a drill, not a switch that happened.
const notAnEvent =
  /\b(?:scheduled (?:for|at)|is scheduled|pending maintenance|maintenance window|will (?:be|fail|happen|run)|tonight|tomorrow|reminder|runbook|how (?:do|to|does)|what happens|if (?:the|a|we)\b[^.\n]{0,40}fail|dry.?run|failover test (?:is |was )?(?:planned|scheduled))\b/i

const engines: ReadonlyArray<readonly [RegExp, string]> = [
  [/memorydb/i, "MemoryDB"],
  [/elasticache|replicationgroup|replication group|cache\.amazonaws\.com|\/elasticache\//i, "ElastiCache"],
  [/aurora|rds db cluster|db cluster|\.cluster-/i, "Aurora"],
  [/\brds\b|rds-event|db instance|multi-az/i, "RDS"],
  [/sentinel|\+switch-master|\+failover-end|master mode|\bredis\b|\breplica(?:of)?\b.*\bmaster\b/i, "Redis"],
  [/mongo|transition to primary|replica set|election/i, "MongoDB"],
  [/patroni|promote request|postgres|timeline/i, "PostgreSQL"],
]

const nameToken = String.raw`[*\x60'"]*([a-z][a-z0-9._-]{1,80}?)[*\x60'"]*`

/** A node's cluster: `cart-sessions-002` and `cart-sessions-0001-001` are nodes of `cart-sessions`. */
export const clusterOfNode = (node: string): string =>
  node.toLowerCase().replace(/-\d{3,4}(?:-\d{3})?$/, "") || node.toLowerCase()

// A log group named after its datastore: /aws/rds/cluster/<name>/postgresql,
// /aws/elasticache/<name>/engine-log, /elasticache/<name>/slow-log, /aws/memorydb/<name>/…
export const groupDatastore =
  /^\/(?:aws\/)?(?:rds\/(?:cluster|instance)|elasticache|memorydb|docdb|mongodb)\/([^/]+)/i

const first = (text: string, patterns: ReadonlyArray<RegExp>): string | null => {
  for (const p of patterns) {
    const m = p.exec(text)?.[1]
    if (m !== undefined && m !== "") return m.toLowerCase().replace(/[.,:;]+$/, "")
  }
  return null
}

// The datastore named in the event's own words, most specific first.
const datastorePatterns: ReadonlyArray<RegExp> = [
  // An EventBridge event read as text ends with what it is about: "… (clinova-core-aurora-prod)".
  /\(([a-z][a-z0-9-]{1,62})\)\s*$/i,
  // AWS Chatbot's / an SNS relay's header puts the resource before its event id:
  // "Amazon RDS | DB Cluster Event | eu-west-2 | orders-db: RDS-EVENT-0071 …".
  /(?:^|[|\s])[*\x60'"]*([a-z][a-z0-9-]{1,62})[*\x60'"]*:\s*RDS-EVENT-\d+/i,
  new RegExp(String.raw`\breplication ?group\s+${nameToken}(?=[\s:,;.]|$)`, "i"),
  new RegExp(String.raw`\b(?:db cluster|cluster|db instance|instance)\s+${nameToken}(?=[\s:,;]|$)`, "i"),
  new RegExp(String.raw`\b(?:elasticache|memorydb|aurora|rds)\*{0,2}\s+${nameToken}(?=[\s:,;]|$)`, "i"),
  /\+switch-master\s+([\w.-]+)/i,
]

const promotedPatterns: ReadonlyArray<RegExp> = [
  /completed failover to db instance:?\s*([a-z][\w.-]*)/i,
  new RegExp(
    String.raw`\bto (?:the )?(?:replica|slave|standby|secondary)(?: node)?\s+${nameToken}(?=[\s:,;]|$)`,
    "i",
  ),
  new RegExp(String.raw`${nameToken}\s+is now (?:the )?(?:new )?(?:primary|master|leader)`, "i"),
  new RegExp(String.raw`\bpromot(?:ed|ing)(?: replica)?\s+${nameToken}(?=[\s:,;]|$)`, "i"),
  /\+switch-master\s+[\w.-]+\s+[\w.:-]+\s+\d+\s+([\w.:-]+\s+\d+)/i,
]

const demotedPatterns: ReadonlyArray<RegExp> = [
  new RegExp(
    String.raw`\bfrom (?:the )?(?:primary|master|writer)(?: node| instance)?\s+${nameToken}(?=[\s:,;]|$)`,
    "i",
  ),
  new RegExp(String.raw`\bafter (?:the )?(?:primary|master)\s+${nameToken}\s+(?:became|was|went)`, "i"),
  /\+switch-master\s+[\w.-]+\s+([\w.:-]+\s+\d+)/i,
]

const notDatastores = new Set([
  "the",
  "a",
  "an",
  "has",
  "is",
  "for",
  "to",
  "db",
  "node",
  "primary",
  "replica",
  "self",
  "leader",
  // A relay's header ("DB Cluster Event | …", "DB Instance Notification") is no datastore's name.
  "event",
  "events",
  "notification",
])

/**
 * The failover `text` (a log line read as text, a chat message) states, if any: null for any
 * other line, and for a plan, a question or a drill. `origin` names the datastore when the words
 * do not (an engine log's group and stream).
 */
export const failoverEventOf = (text: string, origin: FailoverOrigin = {}): FailoverEvent | null => {
  const completed = completedWords.test(text)
  if ((!completed && !startedWords.test(text)) || notAnEvent.test(text)) return null
  const where = `${text}\n${origin.group ?? ""}`
  const engine = engines.find(([p]) => p.test(where))?.[1] ?? "datastore"
  const fromGroup = groupDatastore.exec(origin.group ?? "")?.[1]?.toLowerCase() ?? null
  const stream = origin.stream !== undefined && origin.stream !== "" ? origin.stream.toLowerCase() : null
  // An engine log's promotion line is about the node that writes it: its stream.
  const selfPromoted =
    /master mode enabled|received promote request|transition to primary|promoted self|promoted to (?:primary|master|leader)/i.test(
      text,
    )
  const said = first(text, promotedPatterns)
  const promoted = (said !== null && !notDatastores.has(said) ? said : null) ?? (selfPromoted ? stream : null)
  const demoted = first(text, demotedPatterns)
  const named = first(text, datastorePatterns)
  const datastore =
    (named !== null && !notDatastores.has(named) ? named : null) ??
    fromGroup ??
    (demoted !== null ? clusterOfNode(demoted) : null) ??
    (promoted !== null && !/\d+\.\d+/.test(promoted) ? clusterOfNode(promoted) : null) ??
    (stream === null ? null : clusterOfNode(stream))
  if (datastore === null) return null
  return { datastore, engine, phase: completed ? "completed" : "started", promoted, demoted }
}

/**
 * A client's words for a primary that went away or became a replica under it — the symptoms of
 * a failover, which make it worth asking the providers' events. A connection reset alone is
 * common; it only makes the question worth one more query.
 */
export const switchSymptomWords =
  /\breadonly\b|read.only (?:transaction|replica|mode)|--read-only|super_read_only|\b25006\b|terminating connection due to administrator command|\b57p01\b|server closed the connection unexpectedly|connection terminated unexpectedly|connection reset by peer|econnreset|\bclusterdown\b|\bmoved \d{1,5} [\w.-]+:\d{2,5}|notwritableprimary|not ?master|\bnot primary\b|the database system is (?:shutting down|starting up|in recovery)|lost connection to (?:mysql )?server|server has gone away|\bfail(?:ed)? ?over\b/i

/** A Logs Insights regex for the events above, for one query over events and engine logs. */
export const failoverFilter =
  "/(?i)failover|switch-master|failover-end|master mode enabled|promoted|promote request|transition to primary|election succeeded|is now the (primary|master|leader)|switchover|stepping down from primary|primary instance is busy/"

const hhmmss = (ms: number): string => new Date(ms).toISOString().slice(11, 19)

export interface FailoverSighting {
  readonly event: FailoverEvent
  readonly timestampMs: number
  /** The line or message as read, for the finding's excerpt. */
  readonly text: string
  readonly resource: string
  readonly link: string | null
}

/** What callers see of it, said once in every finding: why the errors outlast the switch. */
const consequenceWords = "clients on the old primary's connections or address fail until they reconnect"

/**
 * One finding per datastore: when its failover began and completed, who was promoted, in the
 * engine's words — high from the provider's or engine's own record, `severity` otherwise.
 */
export const failoverFindings = (
  agent: AgentId,
  sightings: ReadonlyArray<FailoverSighting>,
  severity: Finding["severity"] = "high",
): ReadonlyArray<Finding> => {
  const byStore = new Map<string, Array<FailoverSighting>>()
  for (const s of [...sightings].sort((a, b) => a.timestampMs - b.timestampMs)) {
    byStore.set(s.event.datastore, [...(byStore.get(s.event.datastore) ?? []), s])
  }
  return [...byStore.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([datastore, seen]) => {
      const start = seen[0]
      if (start === undefined) return []
      const done = seen.find((s) => s.event.phase === "completed")
      // The provider's name for the system: the most specific engine any sighting gave.
      const engine = seen.map((s) => s.event.engine).find((e) => e !== "datastore") ?? "datastore"
      const promoted = seen.map((s) => s.event.promoted).find((p) => p !== null) ?? null
      const demoted = seen.map((s) => s.event.demoted).find((d) => d !== null) ?? null
      const switched =
        promoted === null ? "" : ` — primary ${demoted === null ? "" : `${demoted} → `}${promoted}`
      const when =
        done !== undefined && done !== start
          ? `began ${hhmmss(start.timestampMs)} UTC, completed ${hhmmss(done.timestampMs)} UTC`
          : `${start.event.phase === "completed" ? "completed" : "began"} ${hhmmss(start.timestampMs)} UTC`
      const lines = seen
        .slice(0, 4)
        .map((s) => `${hhmmss(s.timestampMs)} ${redact(s.text.trim()).slice(0, 300)}`)
      return [
        {
          id: "",
          agent,
          title: `${datastore}: ${engine} failover (${when})${switched}`,
          detail:
            `${engine} ${datastore} switched its primary: ${seen.length} record(s) of the failover; ` +
            `${consequenceWords}. ${lines.join(" | ")}`,
          severity,
          kind: "datastore_failover",
          observedAt: DateTime.unsafeMake(start.timestampMs),
          resource: start.resource,
          service: datastore,
          link: start.link,
          excerpt: lines.join("\n"),
        },
      ]
    })
}

/** The failovers `lines` record, as findings (one per datastore; see failoverFindings). */
export const failoverFindingsOfLines = (
  agent: AgentId,
  lines: ReadonlyArray<LogLine>,
  link: (group: string) => string | null,
): ReadonlyArray<Finding> =>
  failoverFindings(
    agent,
    lines.flatMap((l) => {
      const event = failoverEventOf(l.message, { group: l.group, stream: l.stream })
      return event === null
        ? []
        : [
            {
              event,
              timestampMs: l.timestampMs,
              text: l.message,
              resource: `loggroup/${l.group}`,
              link: link(l.group),
            },
          ]
    }),
  )
