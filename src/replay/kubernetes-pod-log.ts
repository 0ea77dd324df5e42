/**
 * `GET …/pods/{name}/log` as the API server answers it: the container is required when the pod
 * has several (a 400 naming the choices, as the original agent hit), an unknown container and a
 * `previous=true` with no previous instance are 400s with the kubelet's wording, and the query's
 * `sinceTime`/`sinceSeconds`, `tailLines`, `timestamps` and `limitBytes` go to `renderLog`.
 */
import { Either, Schema } from "effect"
import { Pod } from "../domain/kubernetes.js"
import { type LogLine, type LogQuery, renderLog } from "./kubernetes-logs.js"
import type { StoredObject } from "./kubernetes-store.js"

export type LogAnswer =
  | { readonly ok: true; readonly body: string }
  | { readonly ok: false; readonly message: string }

const bad = (message: string): LogAnswer => ({ ok: false, message })

const wholeNumber = (raw: string | undefined): number | undefined | null =>
  raw === undefined ? undefined : /^\d{1,12}$/.test(raw) ? Number(raw) : null

const queryOf = (query: Readonly<Record<string, string>>, nowMs: number): LogQuery | string => {
  const tailLines = wholeNumber(query.tailLines)
  const limitBytes = wholeNumber(query.limitBytes)
  const sinceSeconds = wholeNumber(query.sinceSeconds)
  if (tailLines === null) return `invalid tailLines: ${query.tailLines}`
  if (limitBytes === null) return `invalid limitBytes: ${query.limitBytes}`
  if (sinceSeconds === null) return `invalid sinceSeconds: ${query.sinceSeconds}`
  if (query.sinceTime !== undefined && sinceSeconds !== undefined) {
    return "at most one of `sinceTime` or `sinceSeconds` may be specified"
  }
  const sinceTime = query.sinceTime === undefined ? undefined : Date.parse(query.sinceTime)
  if (sinceTime !== undefined && !Number.isFinite(sinceTime)) return `invalid sinceTime: ${query.sinceTime}`
  const sinceMs = sinceTime ?? (sinceSeconds === undefined ? undefined : nowMs - sinceSeconds * 1000)
  return {
    ...(sinceMs === undefined ? {} : { sinceMs }),
    ...(tailLines === undefined ? {} : { tailLines }),
    ...(limitBytes === undefined ? {} : { limitBytes }),
    timestamps: query.timestamps === "true",
  }
}

export const podLogAnswer = (
  pod: StoredObject,
  query: Readonly<Record<string, string>>,
  logs: ReadonlyMap<string, ReadonlyArray<LogLine>>,
  nowMs: number,
): LogAnswer => {
  const spec = Either.match(Schema.decodeUnknownEither(Pod)(pod.body), {
    onLeft: () => ({ containers: [], initContainers: [] }),
    onRight: (p) => p.spec,
  })
  const names = spec.containers.map((c) => c.name)
  const initNames = spec.initContainers.map((c) => c.name)
  const [only] = names
  const container = query.container ?? (names.length === 1 ? only : undefined)
  if (container === undefined) {
    const init = initNames.length === 0 ? "" : ` or one of the init containers: [${initNames.join(" ")}]`
    return bad(
      `a container name must be specified for pod ${pod.name}, choose one of: [${names.join(" ")}]${init}`,
    )
  }
  if (names.length + initNames.length > 0 && !names.includes(container) && !initNames.includes(container)) {
    return bad(`container ${container} is not valid for pod ${pod.name}`)
  }
  const previous = query.previous === "true"
  const key = `${pod.namespace ?? ""}/${pod.name}/${container}${previous ? "#previous" : ""}`
  const lines = logs.get(key)
  if (previous && lines === undefined) {
    return bad(`previous terminated container "${container}" in pod "${pod.name}" not found`)
  }
  const logQuery = queryOf(query, nowMs)
  if (typeof logQuery === "string") return bad(logQuery)
  return { ok: true, body: renderLog(lines ?? [], logQuery) }
}
