/**
 * The workload that uses the AWS resource an alarm is on. A CloudWatch alarm names the resource
 * (the queue `orders-prod.fifo`, the table `skyrift-prod-leaderboard`, the Lambda
 * `eligibility-check-prod`), never the workload whose calls on it fail, and that workload is
 * usually named differently (`order-intake-consumer`, `leaderboard-writer`, `eligibility-service`).
 * Two things tie them without a name in common: a log line whose AWS error names the resource
 * (`ProvisionedThroughputExceededException … table skyrift-prod-leaderboard`,
 * `TooManyRequestsException … function eligibility-check-prod`) is that workload's call on it,
 * and a workload whose container env names the resource (`SQS_QUEUE_URL=https://sqs…/orders-prod.fifo`,
 * `TABLE_NAME=…`) is configured to use it. A line that only names the resource, with no AWS
 * error (a caller's "upstream eligibility-check-prod slow"), is not enough. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import { awsThrottleOf } from "./aws-throttling.js"
import { mentions } from "./report-scope.js"

// The AWS services whose resources a workload uses by name, as an alarm's namespace says them.
const resourceServices = new Set([
  "sqs",
  "dynamodb",
  "lambda",
  "sns",
  "kinesis",
  "s3",
  "firehose",
  "states",
  "elasticache",
  "rds",
])

/** The AWS service whose resource the alert is on (`AWS/SQS` → "sqs"), else null. */
export const alertResourceKind = (facts: AlertFacts): string | null =>
  facts.keywords.find((k) => resourceServices.has(k.toLowerCase()))?.toLowerCase() ?? null

/**
 * The names the alert gives its resource: its service, and the fuller names it writes that begin
 * with it (`wms-scan-events-prod.fifo` for `wms-scan-events`) other than the alarm's own name.
 */
export const alertResourceNames = (facts: AlertFacts): ReadonlyArray<string> => {
  const service = facts.service?.trim().toLowerCase() ?? ""
  if (service.length < 3) return []
  const alarm = facts.alertName?.trim().toLowerCase() ?? ""
  const fuller = facts.keywords
    .map((k) => k.toLowerCase())
    .filter((k) => k !== service && k !== alarm && k.startsWith(service) && !/\s/.test(k))
  return [...new Set([service, ...fuller])]
}

// An AWS SDK's or service's error code: `…Exception`, `…Exceeded`, `AccessDenied`, "Rate exceeded".
const awsErrorCode =
  /\b(?:[A-Z][A-Za-z]+(?:Exception|Exceeded|Fault)|AccessDenied|KMSAccessDenied|ThrottlingException|SlowDown|NoSuchBucket|NoSuchKey|Rate exceeded|InvalidParameterValue)\b/

/** The AWS error a line carries, else null. */
export const awsErrorOf = (message: string): string | null =>
  awsThrottleOf(message)?.code ?? awsErrorCode.exec(message)?.[0] ?? null

/** Whether `text` names one of `names` as a whole name (in a URL or an ARN too). */
export const namesResource = (text: string, names: ReadonlyArray<string>): boolean =>
  names.some((n) => n.length >= 3 && mentions(text, n))

/** Whether a log line is a call on one of `names` that AWS refused (see the module header). */
export const isCallOnResource = (message: string, names: ReadonlyArray<string>): boolean =>
  awsErrorOf(message) !== null && namesResource(message, names)

/** Whether a log line is a workload's call on the alert's AWS resource, refused by AWS. */
export const usesAlertingResource = (facts: AlertFacts, message: string): boolean =>
  alertResourceKind(facts) !== null && isCallOnResource(message, alertResourceNames(facts))

/** Whether some env values name one of `names` (a queue URL or ARN, a table or a function name). */
export const envNamesResource = (values: ReadonlyArray<string>, names: ReadonlyArray<string>): boolean =>
  values.some((v) => v.length <= 2_000 && namesResource(v, names))
