/**
 * ECS "Task State Change" events, as EventBridge writes them to a log group (usually one named
 * after the cluster, `/aws/events/ecs/<cluster>`). A STOPPED task's event says why it stopped
 * (`stopCode`, `stoppedReason`, each container's `reason` and `exitCode`) and whose it was:
 * `detail.group` is "service:<name>" for a service's task, "family:<name>" for a task run alone,
 * and the task definition's family otherwise. The cluster (`clusterArn`, the group's name) is only
 * where the task ran: a failed task is its service's failure, so the readable line ends with the
 * service, and `subjectOfEcsTaskLine` reads it back for the logs agent's clustering. Pure.
 */

const get = (o: unknown, key: string): unknown =>
  typeof o === "object" && o !== null && !Array.isArray(o) ? Reflect.get(o, key) : undefined

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null)

// `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`
const familyOfArn = /:task-definition\/([A-Za-z0-9_-]{1,255}):\d+$/

/** "service:<name>" / "family:<name>": whose task it was (never the cluster). */
const ownerOf = (detail: unknown): string | null => {
  const group = str(get(detail, "group"))
  if (group !== null) return group
  const family = familyOfArn.exec(str(get(detail, "taskDefinitionArn")) ?? "")?.[1]
  return family === undefined ? null : `family:${family}`
}

interface Container {
  readonly name: string | null
  readonly reason: string | null
  readonly exitCode: number | null
}

const containersOf = (detail: unknown): ReadonlyArray<Container> => {
  const list = get(detail, "containers")
  if (!Array.isArray(list)) return []
  return list.map((c) => {
    const exit = get(c, "exitCode")
    return {
      name: str(get(c, "name")),
      reason: str(get(c, "reason")),
      exitCode: typeof exit === "number" && Number.isInteger(exit) ? exit : null,
    }
  })
}

// Stops ECS or a person asked for: a scale-in, a deployment replacing its tasks, `ecs stop-task`.
const requestedStop = /^(?:ServiceSchedulerInitiated|UserInitiated)$/
const requestedReason =
  /scaling activity initiated|deployment .{0,80}(?:completed|replaced)|task stopped by user|stopped by user|user initiated/i

/**
 * A stop nobody should be paged for: asked for (a scale-in) and not for a failed health check, or
 * every container exiting 0 with no reason of its own (a job done). Anything else failed.
 */
const normalStop = (stopCode: string | null, reason: string | null, containers: ReadonlyArray<Container>) => {
  if (stopCode !== null && requestedStop.test(stopCode) && (reason === null || requestedReason.test(reason)))
    return true
  return (
    stopCode === "EssentialContainerExited" &&
    containers.length > 0 &&
    containers.every((c) => c.reason === null && (c.exitCode === 0 || c.exitCode === null)) &&
    containers.some((c) => c.exitCode === 0)
  )
}

/**
 * The readable line of an ECS Task State Change event, or null when it is not a STOPPED (or
 * stopping) task's: "ECS Task State Change: TaskFailedToStart: ResourceInitializationError: … (service:api)";
 * a container's own reason (OutOfMemoryError) and a non-zero exit code follow the task's reason,
 * and a normal stop says so ("ECS task stopped normally …") so that it reads as no error.
 */
export const ecsTaskStopLine = (detail: unknown): string | null => {
  const reason = str(get(detail, "stoppedReason"))
  const stopCode = str(get(detail, "stopCode"))
  if (reason === null && stopCode === null) return null
  const containers = containersOf(detail)
  const owner = ownerOf(detail)
  const about = owner === null ? "" : ` (${owner})`
  if (normalStop(stopCode, reason, containers))
    return `ECS task stopped normally${stopCode === null ? "" : ` (${stopCode})`}: ${reason ?? ""}${about}`
  const own = containers.flatMap((c) => {
    const words = [
      ...(c.reason === null || reason?.includes(c.reason) === true ? [] : [c.reason]),
      ...(c.exitCode === null || c.exitCode === 0 ? [] : [`exit code ${c.exitCode}`]),
    ]
    return words.length === 0 ? [] : [`container ${c.name ?? "?"}: ${words.join(", ")}`]
  })
  const said = [stopCode, reason].filter((s): s is string => s !== null).join(": ")
  return `ECS Task State Change: ${said}${own.length === 0 ? "" : ` (${own.join("; ")})`}${about}`
}

// The owner ecsTaskStopLine put at the end of the line.
const ownerAtEnd =
  /^ECS (?:Task State Change|task stopped normally)\b.*\((?:service|family):([A-Za-z0-9_.-]{1,255})\)$/

/** The ECS service (or task family) a readable ECS task line is about, null for any other line. */
export const subjectOfEcsTaskLine = (message: string): string | null => ownerAtEnd.exec(message)?.[1] ?? null
