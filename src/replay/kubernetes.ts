/**
 * A Kubernetes API server on loopback, serving a scenario's `kubernetes` section over the real
 * REST paths client-node calls (core/v1, apps/v1, batch/v1, autoscaling/v2): gets, lists with
 * `items` and `metadata.resourceVersion`, label and field selectors, pod logs with the
 * kubelet's rules (container required for multi-container pods, `previous`, `sinceTime`/
 * `sinceSeconds`, `tailLines`, `timestamps`), `Status` bodies for every refusal, scheduled
 * faults and a record of every request. `kubeconfig` points @kubernetes/client-node at it, so
 * the real adapter and the eks agent run in tests and the demo without a cluster. Read-only.
 */
import { Effect, type Scope } from "effect"
import { Hono } from "hono"
import { stringify } from "yaml"
import { parseLogLines } from "./kubernetes-logs.js"
import { podLogAnswer } from "./kubernetes-pod-log.js"
import { type Route, routeOf } from "./kubernetes-routes.js"
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  supportedFieldPaths,
} from "./kubernetes-selectors.js"
import {
  type Fault,
  forbiddenMessage,
  makeFaultRules,
  notFoundMessage,
  type PathPattern,
  type RequestTarget,
  statusBody,
} from "./kubernetes-status.js"
import {
  type KubernetesReplayInvalid,
  type KubernetesSectionInput,
  type KubernetesStore,
  makeKubernetesStore,
} from "./kubernetes-store.js"
import { authorizationOf, makeRequestLog, queryOf, type RecordedRequest } from "./request-log-state.js"
import { serveLoopback } from "./serve.js"

export { KubernetesReplayInvalid } from "./kubernetes-store.js"

export const replayToken = "sre-on-call-replay-token"

export interface KubernetesReplayInput extends KubernetesSectionInput {
  /** The cluster's name: the kubeconfig's cluster and context. */
  readonly cluster: string
}

export interface KubernetesReplayOptions {
  /** Epoch ms for `sinceSeconds` (default: Effect's Clock at construction). */
  readonly now?: () => number
}

export interface KubernetesReplay {
  readonly url: string
  readonly cluster: string
  /** A kubeconfig (YAML) whose current context is this server. */
  readonly kubeconfig: string
  readonly requests: () => ReadonlyArray<RecordedRequest>
  readonly awaitRequests: (count: number, operation?: string) => Effect.Effect<ReadonlyArray<RecordedRequest>>
  /** Every request whose path matches answers 403 Forbidden (RBAC-style message) until `clearFaults`. */
  readonly forbid: (pattern: PathPattern) => void
  /** The next `count` matching requests fail with `fault`. */
  readonly failNext: (pattern: PathPattern, fault: Fault, count?: number) => void
  /** The next `count` matching requests answer 429 with `Retry-After: retryAfterSeconds`. */
  readonly throttleNext: (pattern: PathPattern, retryAfterSeconds: number, count?: number) => void
  /** The next `count` matching requests are never answered (until the replay closes). */
  readonly hangNext: (pattern: PathPattern, count?: number) => void
  readonly clearFaults: () => void
}

/** A kubeconfig for a plain-http server: client-node refuses http without `insecure-skip-tls-verify`. */
export const kubeconfigFor = (url: string, cluster: string, token: string = replayToken): string =>
  stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: cluster, cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: "sre-on-call-replay", user: { token } }],
    contexts: [{ name: cluster, context: { cluster, user: "sre-on-call-replay" } }],
    "current-context": cluster,
  })

const json = (body: unknown, code: number, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status: code,
    headers: { "content-type": "application/json", ...headers },
  })

const status = (
  code: number,
  message: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
) => json(statusBody(code, message, details), code, headers)

const targetOf = (route: Route): RequestTarget => ({
  verb: route.name === null ? "list" : "get",
  group: route.type.group,
  resource: route.subresource === null ? route.type.plural : `${route.type.plural}/${route.subresource}`,
  namespace: route.namespace,
  name: route.name,
})

const answerList = (store: KubernetesStore, route: Route, query: Readonly<Record<string, string>>) => {
  const labels = parseLabelSelector(query.labelSelector ?? "")
  if (!labels.ok) return status(400, labels.message)
  const fields = parseFieldSelector(query.fieldSelector ?? "", supportedFieldPaths(route.type.kind))
  if (!fields.ok) return status(400, fields.message)
  const items = store.objects
    .filter(
      (o) => o.kind === route.type.kind && (route.namespace === null || o.namespace === route.namespace),
    )
    .filter((o) => matchesLabels(labels.value, o.labels) && matchesFields(fields.value, o.body))
    .map(({ body: { apiVersion: _a, kind: _k, ...item } }) => item)
  const apiVersion =
    route.type.group === "" ? route.type.version : `${route.type.group}/${route.type.version}`
  const list = {
    apiVersion,
    kind: `${route.type.kind}List`,
    metadata: { resourceVersion: store.resourceVersion },
    items,
  }
  return json(list, 200)
}

export const makeKubernetesReplay = (
  input: KubernetesReplayInput,
  options: KubernetesReplayOptions = {},
): Effect.Effect<KubernetesReplay, KubernetesReplayInvalid, Scope.Scope> =>
  Effect.gen(function* () {
    const store = yield* makeKubernetesStore(input)
    const clock = yield* Effect.clock
    const now = options.now ?? (() => clock.unsafeCurrentTimeMillis())
    const log = makeRequestLog()
    const faults = makeFaultRules()
    const held = new Set<() => void>()
    const logLines = new Map([...store.logs].map(([k, v]) => [k, parseLogLines(v)]))

    const app = new Hono()
    app.all("*", async (c) => {
      const path = new URL(c.req.url).pathname
      const query = queryOf(c.req.url)
      const route = routeOf(path)
      const target = route === null ? null : targetOf(route)
      log.record({
        method: c.req.method,
        path,
        operation: target === null ? "unknown" : `${target.verb} ${target.resource}`,
        query,
        body: null,
        authorization: authorizationOf(c.req.header("authorization"), `Bearer ${replayToken}`),
      })
      if (c.req.method !== "GET")
        return status(405, `the replay is read-only: ${c.req.method} is not allowed`)
      const fault = faults.take(path)
      if (fault !== undefined) {
        if (fault.hang === true) {
          await new Promise<void>((resolve) => held.add(resolve))
          return status(503, "the replay closed while the request was held")
        }
        const message =
          fault.message ??
          (fault.status === 403 && target !== null
            ? forbiddenMessage(target)
            : fault.status === 429
              ? "Too many requests, please try again later."
              : `injected failure (${fault.status})`)
        const headers: Record<string, string> =
          fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) }
        const details =
          fault.retryAfterSeconds === undefined ? undefined : { retryAfterSeconds: fault.retryAfterSeconds }
        return status(fault.status, message, details, headers)
      }
      if (route === null) return status(404, "the server could not find the requested resource")
      if (route.name === null) return answerList(store, route, query)
      const object = store.objects.find(
        (o) => o.kind === route.type.kind && o.name === route.name && o.namespace === route.namespace,
      )
      if (object === undefined) {
        return status(404, notFoundMessage(route.type.plural, route.name), {
          name: route.name,
          kind: route.type.plural,
        })
      }
      if (route.subresource === null) return json(object.body, 200)
      if (route.type.kind !== "Pod" || route.subresource !== "log") {
        return status(404, "the server could not find the requested resource")
      }
      const answer = podLogAnswer(object, query, logLines, now())
      return answer.ok
        ? c.text(answer.body, 200, { "content-type": "text/plain" })
        : status(400, answer.message)
    })

    const server = yield* serveLoopback(app)
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        for (const release of held) release()
        held.clear()
      }),
    )
    return {
      url: server.url,
      cluster: input.cluster,
      kubeconfig: kubeconfigFor(server.url, input.cluster),
      requests: log.all,
      awaitRequests: log.awaitCount,
      forbid: (pattern) => faults.add(pattern, { status: 403 }, null),
      failNext: (pattern, fault, count = 1) => faults.add(pattern, fault, count),
      throttleNext: (pattern, retryAfterSeconds, count = 1) =>
        faults.add(pattern, { status: 429, retryAfterSeconds }, count),
      hangNext: (pattern, count = 1) => faults.add(pattern, { status: 503, hang: true }, count),
      clearFaults: faults.clear,
    }
  })
