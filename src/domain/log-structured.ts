/**
 * Structured log lines → the line an SRE reads. Shippers wrap a container's output in JSON
 * (Fluent Bit and Docker: `{"log": "…", "stream": "stdout", "time": …}`, Container Insights adds
 * a `kubernetes` object), and applications log JSON themselves: pino/bunyan (`"level": 50`,
 * `"msg"`), zap/logrus/slog (`"level": "error"`, `"msg"`), Python (`"levelname"`, `"message"`),
 * with the error, HTTP status and error code in fields of their own. Clustering, level detection
 * and dependency names all read words, so each such line is rewritten as
 * `LEVEL message (status 401, code 20003, error: …)`; a line that is not one of these shapes is
 * returned as it is. Pure and total.
 */
import { ecsTaskStopLine } from "./ecs-task-event.js"
import { exceptionLineOf, tracebackLead } from "./log-exception-line.js"

// A shipper wraps at most once or twice; deeper nesting is not a log record.
const maxDepth = 3

const field = (o: object, path: string): unknown => {
  let at: unknown = o
  for (const key of path.split(".")) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined
    at = Reflect.get(at, key)
  }
  return at
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null)

const firstText = (o: object, paths: ReadonlyArray<string>): string | null => {
  for (const p of paths) {
    const t = text(field(o, p))
    if (t !== null) return t
  }
  return null
}

const firstScalar = (o: object, paths: ReadonlyArray<string>): string | null => {
  for (const p of paths) {
    const v = field(o, p)
    if (typeof v === "number" && Number.isFinite(v)) return String(v)
    const t = text(v)
    if (t !== null && t.length <= 40) return t
  }
  return null
}

/** pino/bunyan numbers (60 fatal … 10 trace) and the usual words, as the upper-case level word. */
const levelWord = (v: unknown): string | null => {
  if (typeof v === "number" && Number.isFinite(v)) {
    if (v >= 60) return "FATAL"
    if (v >= 50) return "ERROR"
    if (v >= 40) return "WARN"
    if (v >= 30) return "INFO"
    return "DEBUG"
  }
  const t = text(v)?.toLowerCase()
  if (t === undefined) return null
  if (/^(?:fatal|panic|crit|critical|emerg|emergency|alert)$/.test(t)) return "FATAL"
  if (/^(?:err|error|severe)$/.test(t)) return "ERROR"
  if (/^(?:warn|warning)$/.test(t)) return "WARN"
  if (/^(?:info|notice|information)$/.test(t)) return "INFO"
  if (/^(?:debug|trace|verbose|fine)$/.test(t)) return "DEBUG"
  return null
}

const messagePaths = [
  "msg",
  "message",
  "error.message",
  "err.message",
  "error",
  "err",
  "event",
  "@m",
  "MessageTemplate",
]
const levelPaths = ["level", "severity", "levelname", "lvl", "log.level", "@l", "loglevel"]
const statusPaths = [
  "status",
  "statusCode",
  "status_code",
  "http.status_code",
  "res.statusCode",
  "response.status",
]
const codePaths = ["code", "error.code", "err.code", "errorCode", "error_code"]
const upstreamPaths = [
  "upstream",
  "dependency",
  "downstream",
  "peer.service",
  "remote_service",
  "target_service",
  // A third party the record's outbound call went to.
  "provider",
  "vendor",
  "partner",
  // A payment service provider, a shipping carrier's API: the same, in their trades' words.
  "psp",
  "carrier",
  "upstream_host",
  "target_host",
  "remote_host",
  "server.address",
]
const errorPaths = [
  "error.message",
  "err.message",
  "error",
  "err",
  "exception",
  "stack_trace",
  "exc_info",
  // Why the record failed, as a word of its own ("provider_unavailable").
  "reason",
]

/**
 * An AWS service event as EventBridge delivers it to a log group (`"source": "aws.rds"`,
 * `"detail-type": "RDS DB Cluster Event"`): its type, what it says and what it is about —
 * "RDS DB Cluster Event: A failover for the DB cluster has begun. (clinova-core-aurora-prod)",
 * "ECS Task State Change: OutOfMemoryError: Container killed due to memory usage (service:api)".
 */
const awsEvent = (o: object): string | null => {
  const source = text(field(o, "source"))
  const type = text(field(o, "detail-type"))
  if (source === null || type === null || !source.startsWith("aws.")) return null
  // A stopped ECS task: its service, stop code and containers' reasons (ecs-task-event.ts).
  const stopped = type === "ECS Task State Change" ? ecsTaskStopLine(field(o, "detail")) : null
  if (stopped !== null) return stopped
  const said = firstText(o, [
    "detail.Message",
    "detail.message",
    "detail.stoppedReason",
    "detail.eventName",
    "detail.state",
  ])
  const about = firstText(o, ["detail.SourceIdentifier", "detail.group", "detail.instance-id", "detail.name"])
  return `${type}${said === null ? "" : `: ${said}`}${about === null ? "" : ` (${about})`}`
}

// Fields a record names the AWS resource of its call in (never `stream`: a shipper's stdout/stderr).
const awsResourcePaths: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["table", ["table", "tableName", "table_name", "TableName"]],
  ["queue", ["queue", "queueUrl", "queue_url", "QueueUrl", "queueName", "queue_name", "QueueName"]],
  ["function", ["function", "functionName", "function_name", "FunctionName"]],
  ["topic", ["topicArn", "topic_arn", "TopicArn"]],
  ["bucket", ["bucket", "bucketName", "bucket_name", "Bucket"]],
]

const awsResourceName = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{2,299}$/

/** `table: <name>` for each AWS resource a failed record names that its message does not. */
const awsResourceDetails = (o: object, message: string): ReadonlyArray<string> =>
  awsResourcePaths.flatMap(([word, paths]) => {
    const v = firstText(o, paths)
    return v === null || !awsResourceName.test(v) || message.includes(v) ? [] : [`${word}: ${v}`]
  })

// A queue consumer's record of the message it failed on: its id and how often it was received.
const messageIdPaths = ["messageId", "message_id", "MessageId", "msgId"]
const receiveCountPaths = [
  "receiveCount",
  "receive_count",
  "approximateReceiveCount",
  "ApproximateReceiveCount",
  "attributes.ApproximateReceiveCount",
  "deliveryCount",
  "delivery_count",
]

/** `messageId=<id> receiveCount=<n>` for a failed record that states both (message-redelivery.ts reads it). */
const deliveryDetails = (o: object, message: string): ReadonlyArray<string> => {
  const id = firstScalar(o, messageIdPaths)
  const count = firstScalar(o, receiveCountPaths)
  return id === null || count === null || !/^\d{1,7}$/.test(count) || message.includes(id)
    ? []
    : [`messageId=${id} receiveCount=${count}`]
}

const parseObject = (line: string): object | null => {
  const t = line.trim()
  if (!t.startsWith("{") || !t.endsWith("}")) return null
  try {
    const parsed: unknown = JSON.parse(t)
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : null
  } catch {
    return null
  }
}

const unwrap = (line: string, depth: number): string => {
  if (depth >= maxDepth) return line
  const o = parseObject(line)
  if (o === null) return line
  // A shipper's envelope: the container's own line is in `log`.
  const shipped = field(o, "log")
  if (typeof shipped === "string") return unwrap(shipped.replace(/\r?\n$/, ""), depth + 1)
  const event = awsEvent(o)
  if (event !== null) return event
  const message = firstText(o, messagePaths)
  if (message === null) return line
  const level = levelWord(levelPaths.map((p) => field(o, p)).find((v) => v !== undefined))
  const status = firstScalar(o, statusPaths)
  const code = firstScalar(o, codePaths)
  const error = firstText(o, errorPaths)
  // Validation libraries list what failed: `"errors": ["STRIPE_WEBHOOK_SECRET: Required"]`.
  const listed = field(o, "errors")
  const errors = Array.isArray(listed)
    ? listed.flatMap((e) => (typeof e === "string" && e.trim() !== "" ? [e.trim()] : [])).slice(0, 3)
    : []
  // The dependency a record blames, in the words the dependency rules read ("upstream x").
  const upstream = firstText(o, upstreamPaths)
  const details = [
    ...(upstream === null ? [] : [`upstream ${upstream}`]),
    ...(errors.length === 0 ? [] : [`errors: ${errors.join("; ")}`]),
    ...(status === null ? [] : [`status ${status}`]),
    ...(code === null || code === status ? [] : [`code ${code}`]),
    // A traceback's first line is its header; the exception it ends with says why (log-exception-line.ts).
    ...(error === null || message.includes(error)
      ? []
      : [`error: ${exceptionLineOf(error) ?? error.split("\n")[0] ?? error}`]),
    // The AWS resource a failed call was on (`"table": "…"`, `"function": "…"`): what an alarm names.
    ...(error === null ? [] : awsResourceDetails(o, message)),
    ...(error === null ? [] : deliveryDetails(o, message)),
  ]
  const body = details.length === 0 ? message : `${message} (${details.join(", ")})`
  return level === null ? body : `${level} ${body}`
}

// A timestamp a runtime or `kubectl logs --timestamps` put before the record.
const stampedRecord = /^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?\s+)(\{.*\})\s*$/

/** The readable form of one log line (see the module header); any other line unchanged. */
/**
 * Lambda's own REPORT / INIT_REPORT lines put the request id and durations first and what went
 * wrong last ("… Max Memory Used: 64 MB\tStatus: error\tError Type: Runtime.ImportModuleError"):
 * the status and error type lead, so a title cut at its first hundred characters still says it.
 */
const lambdaReport = /^(?:INIT_)?REPORT\b/
const lambdaOutcome = /\bStatus: (\w+)(?:\s+Error Type: ([\w.:-]+))?/

const lambdaReportFirst = (line: string): string | null => {
  if (!lambdaReport.test(line)) return null
  const outcome = lambdaOutcome.exec(line)
  if (outcome === null || outcome[1] === "success") return null
  const head = `Lambda ${line.startsWith("INIT_") ? "init" : "invocation"} ${outcome[1]}${outcome[2] === undefined ? "" : `: ${outcome[2]}`}`
  return `${head} — ${line.replace(lambdaOutcome, "").replace(/\s+/g, " ").trim()}`
}

export const readableLogMessage = (line: string): string => {
  const report = lambdaReportFirst(line)
  if (report !== null) return report
  const traced = tracebackLead(line)
  if (traced !== null) return traced
  const stamped = stampedRecord.exec(line)
  if (stamped === null) return unwrap(line, 0)
  const [, stamp = "", record = ""] = stamped
  const readable = unwrap(record, 0)
  return readable === record ? line : `${stamp}${readable}`
}
