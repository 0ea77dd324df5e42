/**
 * A CloudTrail record (as CloudTrail delivers it to CloudWatch Logs: one JSON event per line)
 * that changed the capacity or rate of an AWS resource — DynamoDB UpdateTable (billing mode,
 * provisioned RCU/WCU), its auto scaling deregistered or re-targeted (Application Auto Scaling),
 * a Kinesis stream's shard count or mode, a Lambda function's reserved concurrency. Such a change
 * is what runs a throttled resource out of capacity; the throttled workload's own logs never say
 * it. Only successful calls (no errorCode) about a resource we were told is throttled. Pure.
 */
import { Either, Schema } from "effect"

export interface CapacityChange {
  readonly eventName: string
  readonly service: string
  /** The throttled resource the record names. */
  readonly resource: string
  readonly atMs: number
  /** Who made it: the role's or user's name, when the record says. */
  readonly actor: string | null
  /** What it set, as `key value` pairs ("billingMode PROVISIONED", "writeCapacityUnits 200"), at most four. */
  readonly settings: ReadonlyArray<string>
}

export const capacityEvents: ReadonlySet<string> = new Set([
  "UpdateTable",
  "UpdateTableReplicaAutoScaling",
  "DeregisterScalableTarget",
  "RegisterScalableTarget",
  "DeleteScalingPolicy",
  "PutScalingPolicy",
  "UpdateShardCount",
  "UpdateStreamMode",
  "PutFunctionConcurrency",
  "DeleteFunctionConcurrency",
])

const CloudTrailRecord = Schema.Struct({
  eventTime: Schema.String,
  eventSource: Schema.String,
  eventName: Schema.String,
  errorCode: Schema.optional(Schema.NullOr(Schema.String)),
  userIdentity: Schema.optional(
    Schema.Struct({ arn: Schema.optional(Schema.String), userName: Schema.optional(Schema.String) }),
  ),
  requestParameters: Schema.optional(Schema.NullOr(Schema.Unknown)),
})

const decode = Schema.decodeUnknownEither(Schema.parseJson(CloudTrailRecord))

const settingKeys =
  /^(?:billingMode|readCapacityUnits|writeCapacityUnits|minCapacity|maxCapacity|targetValue|targetShardCount|streamMode|reservedConcurrentExecutions|scalableDimension)$/

/** The leaf settings of a request, depth-first, those that size capacity. */
const settingsOf = (value: unknown, out: Array<string> = []): Array<string> => {
  if (value === null || typeof value !== "object") return out
  for (const [k, v] of Object.entries(value)) {
    if ((typeof v === "string" || typeof v === "number") && settingKeys.test(k)) out.push(`${k} ${v}`)
    else settingsOf(v, out)
  }
  return out
}

/** The last segment of an ARN (`assumed-role/atlantis-apply-prod/1804…` → the role). */
const actorOf = (arn: string | undefined, user: string | undefined): string | null => {
  if (user !== undefined && user !== "") return user
  if (arn === undefined) return null
  const parts = arn.split(":").pop()?.split("/") ?? []
  return (parts[0] === "assumed-role" ? parts[1] : parts[parts.length - 1]) ?? null
}

/** The capacity change `message` records about one of `resources`, or null. */
export const capacityChangeOf = (
  message: string,
  resources: ReadonlyArray<string>,
): CapacityChange | null => {
  const decoded = decode(message)
  if (Either.isLeft(decoded)) return null
  const r = decoded.right
  if (!capacityEvents.has(r.eventName) || (r.errorCode ?? "") !== "") return null
  const request = JSON.stringify(r.requestParameters ?? {})
  const resource = resources.find((n) => n.length >= 3 && request.includes(n))
  const atMs = Date.parse(r.eventTime)
  if (resource === undefined || Number.isNaN(atMs)) return null
  const service = r.eventSource.replace(/\.amazonaws\.com$/, "")
  return {
    eventName: r.eventName,
    service,
    resource,
    atMs,
    actor: actorOf(r.userIdentity?.arn, r.userIdentity?.userName),
    settings: settingsOf(r.requestParameters).slice(0, 4),
  }
}
