/**
 * An AWS API refusing a caller for its rate or its provisioned capacity, in the SDKs' and the
 * services' own words: DynamoDB's ProvisionedThroughputExceededException ("The level of
 * configured provisioned throughput for the table was exceeded") and its on-demand
 * ThrottlingException ("Throughput exceeds the current capacity"), KMS's ThrottlingException
 * ("You have exceeded the rate at which you may call KMS"), the generic "Rate exceeded",
 * RequestLimitExceeded (EC2), TooManyRequestsException (Lambda, API Gateway), S3's SlowDown,
 * Kinesis' ProvisionedThroughputExceeded. The quota is the dependency's, but what exhausts it is
 * usually our own change (a table moved to provisioned capacity, a cache removed), so the line
 * names both the AWS service and, when it says, the resource (a table, a key). Not a CPU
 * "throttled" by its CFS quota, not a provider's plain HTTP 429. Pure.
 */
import { providerOfLine } from "./provider-limit.js"

export interface AwsThrottle {
  /** The error code or phrase the line carries ("ProvisionedThroughputExceededException"). */
  readonly code: string
  /** The AWS service refusing, when the line says ("DynamoDB", "KMS"); null when it does not. */
  readonly service: string | null
  /** The resource refused (a table, a key ARN, a stream), when the line names it. */
  readonly resource: string | null
}

const codes =
  /\b(ProvisionedThroughputExceeded(?:Exception)?|ThrottlingException|Throttling(?=\s*[:(\]"',]|$)|ThrottledException|RequestLimitExceeded|TooManyRequestsException|RequestThrottled(?:Exception)?|SlowDown|Rate exceeded|Throughput exceeds the current capacity|exceeded the rate at which you may call KMS|ReadProvisionedThroughputExceeded|WriteProvisionedThroughputExceeded|LimitExceededException: Rate)/i

/**
 * The same words as a Logs Insights regex (case-insensitive), for a sweep of shared groups.
 * `Throttling` alone is left out there (CPU throttling lines); its exception forms are in.
 */
export const awsThrottleFilter =
  "/(?i)(ProvisionedThroughputExceeded|ThrottlingException|ThrottledException|RequestLimitExceeded|TooManyRequestsException|RequestThrottled|SlowDown|Rate exceeded|Throughput exceeds the current capacity|exceeded the rate at which you may call)/"

// The AWS service a line is about, by its API's or its error's words; the first that matches.
// A structured line with a table key beside ProvisionedThroughputExceeded is DynamoDB's, even
// when it also names the Kinesis shard the batch came from.
const services: ReadonlyArray<readonly [string, RegExp]> = [
  [
    "DynamoDB",
    /dynamodb|provisioned throughput for the (?:table|index)|rate of requests exceeds the allowed throughput|throughput exceeds the current capacity|\b(?:PutItem|UpdateItem|GetItem|DeleteItem|BatchWriteItem|BatchGetItem|TransactWriteItems|TransactGetItems|Query|Scan)\b|\b[RW]CU\b|capacity units|ProvisionedThroughputExceeded\w*["']?[\s,]+.*\btable(?:_?name)?["']?\s*[=:]|\btable(?:_?name)?["']?\s*[=:].*ProvisionedThroughputExceeded/i,
  ],
  ["KMS", /\bkms\b|GenerateDataKey|\bDecrypt\b|\bEncrypt\b|arn:aws:kms:/i],
  ["Kinesis", /kinesis|PutRecords?\b|GetRecords\b|shard/i],
  ["S3", /\bs3\b|SlowDown|bucket/i],
  ["SQS", /\bsqs\b|SendMessage|ReceiveMessage/i],
  ["Secrets Manager", /secrets ?manager|GetSecretValue/i],
  ["SSM", /\bssm\b|GetParameters?\b|parameter store/i],
  ["STS", /\bsts\b|AssumeRole/i],
  ["Lambda", /lambda|\bInvoke\b/i],
  ["EC2", /\bec2\b|RequestLimitExceeded|Describe[A-Z]\w+/],
  ["CloudWatch", /cloudwatch|PutMetricData/i],
]

const dynamoOps =
  /\b(?:PutItem|UpdateItem|GetItem|DeleteItem|BatchWriteItem|BatchGetItem|TransactWriteItems|TransactGetItems|Query|Scan)\b[\s:(]+(?:on\s+)?(?:table\s+)?["']?([A-Za-z0-9_.-]{3,255})/
const tableKey =
  /\btable(?:_?name)?["']?\s*[=:]\s*["']?([A-Za-z0-9_.-]{3,255})|\btable\s+["']([A-Za-z0-9_.-]{3,255})["']/i
const tableArn = /arn:aws:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]{3,255})/
const keyArn = /(arn:aws:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/[A-Za-z0-9/_-]+)/
const streamKey = /\bstream(?:_?name)?["']?\s*[=:]\s*["']?([A-Za-z0-9_.-]{1,128})/i
const bucketKey = /\bbucket["']?\s*[=:]\s*["']?([a-z0-9][a-z0-9.-]{2,62})/i

// Words an operation regex may catch that are no table's name.
const notAName =
  /^(?:on|table|attempt|request|requests|the|failed|error|exception|throttled|operation|operations)$/i

const resourceOf = (service: string | null, line: string): string | null => {
  const pick = (re: RegExp): string | null => {
    const m = re.exec(line)
    const v = m?.[1] ?? m?.[2] ?? null
    return v === null || notAName.test(v) ? null : v
  }
  if (service === "DynamoDB") return pick(tableArn) ?? pick(tableKey) ?? pick(dynamoOps)
  if (service === "KMS") return pick(keyArn)
  if (service === "Kinesis") return pick(streamKey)
  if (service === "S3") return pick(bucketKey)
  return null
}

/** The throttling a log line states, or null when it states none (see the module header). */
export const awsThrottleOf = (line: string): AwsThrottle | null => {
  const m = codes.exec(line)
  if (m === null) return null
  // "CPU throttling", "throttled periods": a container's CFS quota, not an AWS API.
  if (/cpu[ _-]?throttl|cfs|throttled[ _]periods/i.test(line) && !/exception|exceeded/i.test(m[1] ?? ""))
    return null
  const raw = m[1] ?? ""
  const code = /may call KMS/i.test(raw)
    ? "ThrottlingException"
    : /current capacity/i.test(raw)
      ? "ThrottlingException"
      : raw
  const service = services.find(([, re]) => re.test(line))?.[0] ?? null
  // "429 Too Many Requests: account send rate exceeded" from an email provider's API: the generic
  // words, said by a third party the line names (provider-limit.ts), are its rate limit, not AWS's.
  if (service === null && /^(?:rate exceeded|throttling)$/i.test(code) && providerOfLine(line) !== null)
    return null
  return { code, service, resource: resourceOf(service, line) }
}
