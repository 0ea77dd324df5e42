/**
 * Error lines → clusters: one per (service, signature), with the count, first and last seen,
 * the streams and pods it came from, its worst level, the dependency it blames and a
 * representative line (the first seen). Lines from different services never share a cluster,
 * even with the same text: the caller's "upstream X unavailable" and X's own errors rank
 * differently. Pure and deterministic (the order of the input rows does not matter).
 */
import { subjectOfEcsTaskLine } from "./ecs-task-event.js"
import { dependencyNamed, isServerError, type LogLevel, logLevelOf, maxLevel } from "./log-level.js"
import { logOrigin, subjectOfNodeLine } from "./log-origin.js"
import { logSignature } from "./log-signature.js"

export interface LogLine {
  readonly timestampMs: number
  readonly message: string
  readonly stream: string
  readonly group: string
}

/**
 * `lines` by log group, each group's lines in their input order, groups in order of first sight:
 * the readings that judge one group at a time (a lock holder, a Lambda's memory) start here.
 */
export const linesByGroup = (
  lines: ReadonlyArray<LogLine>,
  keep: (group: string) => boolean = () => true,
): ReadonlyMap<string, ReadonlyArray<LogLine>> => {
  const byGroup = new Map<string, Array<LogLine>>()
  for (const l of lines) {
    if (!keep(l.group)) continue
    const own = byGroup.get(l.group)
    if (own === undefined) byGroup.set(l.group, [l])
    else own.push(l)
  }
  return byGroup
}

export interface LogCluster {
  readonly signature: string
  readonly service: string | null
  readonly level: LogLevel
  readonly serverError: boolean
  readonly count: number
  readonly firstMs: number
  readonly lastMs: number
  readonly groups: ReadonlyArray<string>
  readonly streams: ReadonlyArray<string>
  readonly pods: ReadonlyArray<string>
  readonly namespaces: ReadonlyArray<string>
  readonly dependency: string | null
  /** The first line seen with this signature (the earliest; ties by stream then text). */
  readonly example: LogLine
}

interface Acc {
  signature: string
  service: string | null
  level: LogLevel
  serverError: boolean
  count: number
  firstMs: number
  lastMs: number
  groups: Set<string>
  streams: Set<string>
  pods: Set<string>
  namespaces: Set<string>
  dependency: string | null
  example: LogLine
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const earlier = (a: LogLine, b: LogLine): boolean =>
  a.timestampMs - b.timestampMs < 0 ||
  (a.timestampMs === b.timestampMs &&
    (compareText(a.stream, b.stream) || compareText(a.message, b.message)) < 0)

const sorted = (s: ReadonlySet<string>): ReadonlyArray<string> => [...s].sort(compareText)

/**
 * Cluster lines by (service, signature). `groupService` names the service a whole log group is
 * about (`/ecs/orders-api`, a group found by the service's name), used when the stream names none.
 */
export const clusterLogLines = (
  lines: ReadonlyArray<LogLine>,
  groupService: (group: string) => string | null = () => null,
): ReadonlyArray<LogCluster> => {
  const clusters = new Map<string, Acc>()
  for (const line of lines) {
    const origin = logOrigin(line.group, line.stream)
    // An ECS task event names its service; the group it is in is named after the cluster.
    const service =
      subjectOfEcsTaskLine(line.message) ??
      origin.service ??
      subjectOfNodeLine(line.group, line.message) ??
      groupService(line.group)
    const signature = logSignature(line.message)
    const key = `${service ?? `group:${line.group}`}\u0000${signature}`
    const level = logLevelOf(line.message)
    const acc = clusters.get(key) ?? {
      signature,
      service,
      level,
      serverError: false,
      count: 0,
      firstMs: line.timestampMs,
      lastMs: line.timestampMs,
      groups: new Set<string>(),
      streams: new Set<string>(),
      pods: new Set<string>(),
      namespaces: new Set<string>(),
      dependency: null,
      example: line,
    }
    acc.count++
    acc.level = maxLevel(acc.level, level)
    acc.serverError ||= isServerError(line.message)
    acc.firstMs = Math.min(acc.firstMs, line.timestampMs)
    acc.lastMs = Math.max(acc.lastMs, line.timestampMs)
    acc.groups.add(line.group)
    acc.streams.add(line.stream)
    if (origin.pod !== null) acc.pods.add(origin.pod)
    if (origin.namespace !== null) acc.namespaces.add(origin.namespace)
    if (earlier(line, acc.example)) acc.example = line
    clusters.set(key, acc)
  }
  return [...clusters.values()]
    .map(
      (a): LogCluster => ({
        signature: a.signature,
        service: a.service,
        level: a.level,
        serverError: a.serverError,
        count: a.count,
        firstMs: a.firstMs,
        lastMs: a.lastMs,
        groups: sorted(a.groups),
        streams: sorted(a.streams),
        pods: sorted(a.pods),
        namespaces: sorted(a.namespaces),
        dependency: dependencyNamed(a.example.message),
        example: a.example,
      }),
    )
    .sort(
      (x, y) =>
        x.firstMs - y.firstMs ||
        compareText(x.service ?? "", y.service ?? "") ||
        compareText(x.signature, y.signature),
    )
}
