/**
 * What a log line says about itself without a model: its level (the first level marker it
 * carries — `FATAL`, `level=error`, klog's `E1127` — else the words it uses), whether it
 * reports an HTTP 5xx, and which dependency it blames ("upstream payments-api unavailable",
 * "remaining connection slots are reserved"). The logs agent rates signatures from these, so
 * an INFO line that merely mentions "timeout=30s" is not an error. Pure and linear.
 */

import { isExceptionStatement } from "./log-exception-line.js"
import { isRejectedRequestsLine } from "./log-rejected-requests.js"

export type LogLevel = "fatal" | "error" | "warn" | "info"

const levelRank: Record<LogLevel, number> = { fatal: 3, error: 2, warn: 1, info: 0 }

export const maxLevel = (a: LogLevel, b: LogLevel): LogLevel => (levelRank[a] >= levelRank[b] ? a : b)

export const compareLevel = (a: LogLevel, b: LogLevel): number => levelRank[a] - levelRank[b]

const levelWords: Record<string, LogLevel> = {
  fatal: "fatal",
  critical: "fatal",
  crit: "fatal",
  panic: "fatal",
  emerg: "fatal",
  emergency: "fatal",
  error: "error",
  err: "error",
  severe: "error",
  warn: "warn",
  warning: "warn",
  info: "info",
  notice: "info",
  // MySQL's own levels: `[Note]`, `[System]` (its `[Warning]` and `[ERROR]` are above).
  note: "info",
  system: "info",
  debug: "info",
  trace: "info",
}

// Upper-case markers anywhere (`FATAL ERROR:`, `[WARN]`), or any case in a structured position
// (`level=error`, `"level":"warn"`, `severity: info`, `[error]`, fluent-bit's padded `[ warn]`).
const upperMarker =
  /\b(FATAL|CRITICAL|CRIT|PANIC|EMERG|EMERGENCY|ERROR|ERR|SEVERE|WARN|WARNING|INFO|NOTICE|DEBUG|TRACE)\b/
const keyedMarker =
  /(?:\b(?:level|lvl|severity|loglevel|log_level)["']?\s{0,2}[=:]\s{0,2}["']?|\[\s{0,2})(fatal|critical|crit|panic|emerg|emergency|error|err|severe|warn|warning|info|notice|note|system|debug|trace)\b/i
// klog / glog: `E1127 13:02:10.123456 …`
// (also as a container runtime's JSON line: `{"log":"E1127 13:02:10…`)
const klog = /^(?:\{"(?:log|msg|message)"\s?:\s?")?([FEWI])\d{4} \d{2}:\d{2}:\d{2}/
const klogLevel: Record<string, LogLevel> = { F: "fatal", E: "error", W: "warn", I: "info" }

const fatalWords =
  /\b(?:panic|fatal|out of memory|outofmemory(?:error)?|oom[- ]?killed|segmentation fault|core dumped|heap limit)\b/i
const errorWords =
  /\b(?:error|errors|exception|traceback|fail|failed|failure|failing|refused|denied|timed out|timeout|unavailable|too many|unreachable|reset by peer|broken pipe|econnrefused|econnreset|etimedout)\b/i
// ECS's codes for a task that could not start (ecs-task-event.ts): "TaskFailedToStart:
// ResourceInitializationError: … invalid ssm parameters" has no error word of its own.
const taskStartFailure =
  /\b(?:TaskFailedToStart|ResourceInitializationError|CannotPullContainerError|CannotStartContainerError|CannotCreateContainerError)\b/
// PostgreSQL logs a query queued behind a lock at LOG level ("process 31877 still waiting for
// AccessExclusiveLock … after 1000 ms", log_lock_waits); MySQL "Waiting for table metadata lock":
// each is a query blocked, not a note.
// A network policy agent's verdict (the VPC CNI's "PolicyVerdict: DENY", Cilium's
// "verdict DENIED"): a flow dropped, whatever level the agent logs it at.
const blockedWork =
  /\bstill waiting for \w*lock\b|\bwaiting for table (?:metadata )?lock\b|\bverdict[:=]? ?den(?:y|ied)\b/i
// A database or cache failing over is an event worth reading beside the errors it causes.
const warnWords = /\b(?:warn|warning|deprecated|retrying|slow|failover|failed over)\b/i

/** Whether the line reports an HTTP 5xx (status field, status line, access-log status). */
export const isServerError = (message: string): boolean =>
  /(?:\bHTTP\/\d(?:\.\d)?"? {1,3}|\bstatus(?:[_ ]?code)?["']?\s{0,2}[=:]\s{0,2}["']?|" {1,3})5\d\d\b/i.test(
    message,
  ) || /\b5\d\d (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i.test(message)

/** The level the line declares itself (`[ warn]`, `level=error`, klog's `E1127`), null when it declares none. */
export const explicitLevel = (message: string): LogLevel | null => {
  const k = klog.exec(message)?.[1]
  if (k !== undefined) return klogLevel[k] ?? null
  const upper = upperMarker.exec(message)
  const keyed = keyedMarker.exec(message)
  const first = upper === null ? keyed : keyed === null ? upper : keyed.index < upper.index ? keyed : upper
  const word = first?.[1]?.toLowerCase()
  return word === undefined ? null : (levelWords[word] ?? null)
}

/** The line's level: its own marker when it has one, else what its words say. */
/** A health check (a load balancer's, the kubelet's) the service answered with 4xx/5xx, in an access log line. */
export const healthCheckFailed = /" [45]\d\d .{0,120}\b(?:ELB-HealthChecker|kube-probe)\b/i

export const logLevelOf = (message: string): LogLevel => {
  const explicit = explicitLevel(message)
  // A gateway's WARN/INFO line rejecting a token with a 401/403, or counting more requests
  // rejected than accepted, is requests failing whatever level it is logged at.
  if ((explicit === null || explicit === "warn" || explicit === "info") && isRejectedRequestsLine(message))
    return "error"
  // "FATAL ERROR: …" is fatal; an ERROR line that is an HTTP 5xx stays an error.
  if (explicit !== null) return explicit
  // A health check the service answered with 4xx/5xx: the load balancer takes it out of service.
  if (healthCheckFailed.test(message)) return "error"
  if (fatalWords.test(message)) return "fatal"
  if (errorWords.test(message) || isServerError(message) || blockedWork.test(message)) return "error"
  if (taskStartFailure.test(message)) return "error"
  // A traceback shipped one line per event ends with the bare exception (`ValueError: invalid
  // literal …`, `java.lang.IllegalStateException: …`), whose class name holds no separate error word.
  if (isExceptionStatement(message)) return "error"
  if (warnWords.test(message)) return "warn"
  return "info"
}

const notDependencyNames: ReadonlySet<string> = new Set(
  "connect connection request requests server service timed timeout error errors response host reset disconnect unavailable failed failure is was not returned status the a an http https prematurely sent".split(
    " ",
  ),
)

// `upstream payments-api`, `upstream: carrier-rates`, JSON `"upstream": "carrier-rates"`; not a URL.
const upstreamName =
  /\bupstream["']?(?: service| server| host)?["']?[\s:=]{1,3}["'(]?([A-Za-z0-9][\w.-]{0,62}[A-Za-z0-9])(?![\w.-]{0,62}:\/\/)/i
// `target=rail-gateway`, `"peer": "…"`: only as a key, "target group" is prose.
export const keyedTarget =
  /\b(?:target|peer)(?:_service|_host)?["']?\s*[=:]\s*["']?([A-Za-z][\w.-]{1,62}[A-Za-z0-9])/gi
// A client's words for where it connects, and a database DSN's `host=` (pgx, libpq:
// "failed to connect to `host=orders-db.cluster-….rds.amazonaws.com user=…`").
const connectTo =
  /\b(?:connect(?:ing|ion)? to|calling|call to|request to|dial tcp:? lookup)\s{1,3}["'`]?(?:https?:\/\/|host=)?(?![a-z_]{1,20}=)([A-Za-z][\w-]{1,62}(?:\.[\w-]{1,62}){0,5})/i
const connectionLimit =
  /\b(?:remaining connection slots are reserved|too many (?:connections|clients)|connection pool (?:exhausted|timeout)|max_connections)\b/i
const datastore =
  /\b(postgres(?:ql)?|mysql|mariadb|aurora|redis|memcached|mongodb|kafka|rabbitmq|elasticsearch|opensearch|dynamodb|rds)\b/i

/**
 * The dependency a line blames, as written: an upstream's or host's name, a datastore, or "the
 * database" for connection-limit errors; null when it names none.
 */
export const dependencyNamed = (message: string): string | null => {
  const upstream = upstreamName.exec(message)?.[1] ?? [...message.matchAll(keyedTarget)][0]?.[1]
  if (upstream !== undefined && !notDependencyNames.has(upstream.toLowerCase())) return upstream
  const host = connectTo.exec(message)?.[1]
  if (host !== undefined && !notDependencyNames.has(host.toLowerCase())) return host
  const store = datastore.exec(message)?.[1]
  if (connectionLimit.test(message)) return store === undefined ? "the database" : store.toLowerCase()
  return store === undefined ? null : store.toLowerCase()
}
