/**
 * The ingress controller's own logs, when the alert is about what users get through it (504s,
 * an Ingress, a gateway timeout): a proxy cutting a slow service at its timeout says so only
 * there ("upstream timed out … while reading response header"), while the service's pods look
 * healthy. The controller's pods are found by the chart's label in its usual namespaces; two of
 * them are read at most. Their lines become LogLines (nginx's error and access-log times parsed)
 * for proxy-timeout.ts.
 */
import { Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { ingressBackends, ingressOf } from "../../domain/kubernetes-ingress.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { proxyTimeoutFindings } from "../../domain/proxy-timeout.js"
import type { ClusterService } from "../../ports/cluster.js"
import type { ContainerLog } from "./container-logs.js"
import { type Reader, readLogs } from "./gather.js"
import { ingressRejectionFindings } from "./ingress-rejections.js"

/** Where the ingress-nginx chart installs its controller, and the label its pods carry. */
export const ingressControllerNamespaces = ["ingress-nginx"] as const
export const ingressControllerSelector = "app.kubernetes.io/name=ingress-nginx"

/** An alert about what a proxy answers: its 502/504s, an Ingress, a gateway or upstream timeout. */
export const alertAboutProxy = (text: string): boolean =>
  /ingress|(?<![\d.])50[24](?!\d)|gateway[ -]?time-?out|bad gateway|upstream|load ?balancer|\b[an]lb\b/i.test(
    text,
  )

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
const errorTime = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\b/
const accessTime = /\[(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\]/
const isoTime = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))/

/** A controller line's time: nginx's error-log (UTC), access-log or ISO form; null when it has none. */
export const nginxLineTime = (line: string): number | null => {
  const e = errorTime.exec(line)
  if (e !== null)
    return Date.UTC(+(e[1] ?? 0), +(e[2] ?? 1) - 1, +(e[3] ?? 0), +(e[4] ?? 0), +(e[5] ?? 0), +(e[6] ?? 0))
  const a = accessTime.exec(line)
  if (a !== null) {
    const month = months.indexOf((a[2] ?? "").toLowerCase())
    if (month < 0) return null
    const offsetMs = (a[7] === "-" ? -1 : 1) * ((+(a[8] ?? 0) * 60 + +(a[9] ?? 0)) * 60_000)
    return Date.UTC(+(a[3] ?? 0), month, +(a[1] ?? 0), +(a[4] ?? 0), +(a[5] ?? 0), +(a[6] ?? 0)) - offsetMs
  }
  const i = isoTime.exec(line)
  const ms = i === null ? Number.NaN : Date.parse(i[1] ?? "")
  return Number.isFinite(ms) ? ms : null
}

/** The controller logs' timed lines, within `[startMs, endMs]`, as log lines of their pod. */
export const controllerLines = (
  logs: ReadonlyArray<ContainerLog>,
  startMs: number,
  endMs: number,
): ReadonlyArray<LogLine> =>
  logs.flatMap((log) =>
    log.text.split("\n").flatMap((message) => {
      const timestampMs = nginxLineTime(message)
      return timestampMs === null || timestampMs < startMs || timestampMs > endMs
        ? []
        : [{ timestampMs, message, stream: log.pod, group: "" }]
    }),
  )

/** The controller's running pods' current logs (two pods at most; none when it has no pods). */
const readControllerLogs = (
  cluster: ClusterService,
  reader: Reader,
): Effect.Effect<ReadonlyArray<ContainerLog>> =>
  Effect.gen(function* () {
    const pods = (yield* Effect.forEach(
      ingressControllerNamespaces,
      (n) =>
        reader.read(
          `list pods in ${n} (${ingressControllerSelector})`,
          cluster.listPods(n, { labelSelector: ingressControllerSelector }),
          [],
        ),
      { concurrency: 2 },
    )).flat()
    const targets = pods
      .filter((p) => p.status.phase === "Running")
      .slice(0, 2)
      .map((p) => ({
        workload: "ingress-controller",
        namespace: p.metadata.namespace ?? ingressControllerNamespaces[0],
        pod: p.metadata.name,
        container: p.spec.containers[0]?.name ?? "controller",
        previous: false,
      }))
    if (targets.length === 0) return []
    const logs = yield* readLogs(cluster, reader, targets)
    return logs.get("ingress-controller") ?? []
  })

/** The proxy timeouts the ingress controller logged for `services` in the window (none when it has no pods). */
export const readIngressController = (
  cluster: ClusterService,
  reader: Reader,
  services: ReadonlyArray<string>,
  window: { readonly startMs: number; readonly endMs: number },
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.map(readControllerLogs(cluster, reader), (logs) =>
    // About the service it cut (its subject), not the controller's pod.
    proxyTimeoutFindings("eks", controllerLines(logs, window.startMs, window.endMs), services),
  )

const ingresses = { group: "networking.k8s.io", version: "v1", plural: "ingresses" } as const

/**
 * The Ingresses in `namespaces` that route to `services`, and — when there are any — what the
 * controller refused for their hosts (ingress-rejections.ts), with its ConfigMap's defaults.
 */
export const readIngressRejections = (
  cluster: ClusterService,
  reader: Reader,
  namespaces: ReadonlyArray<string>,
  services: ReadonlyArray<string>,
  window: { readonly startMs: number; readonly endMs: number },
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const listed = yield* Effect.forEach(
      namespaces,
      (n) =>
        reader.read(
          `list ingresses.networking.k8s.io in ${n}`,
          cluster.listCustomObjects(ingresses, n).pipe(
            // A cluster without the resource served (an old replay) has no Ingress to read.
            Effect.catchIf(
              (e) => e.reason === "not_found",
              () => Effect.succeed([]),
            ),
          ),
          [],
        ),
      { concurrency: 2 },
    )
    const served = listed
      .flat()
      .flatMap((o) => ingressOf(o) ?? [])
      .filter((i) => ingressBackends(i).some((b) => services.includes(b)))
    if (served.length === 0) return []
    const [logs, configMaps] = yield* Effect.all(
      [
        readControllerLogs(cluster, reader),
        Effect.map(
          Effect.forEach(
            ingressControllerNamespaces,
            (n) => reader.read(`list configmaps in ${n}`, cluster.listConfigMaps(n), []),
            { concurrency: 2 },
          ),
          (l) => l.flat(),
        ),
      ],
      { concurrency: 2 },
    )
    // The chart's ConfigMap is "<release>-controller"; another ConfigMap there may hold scripts.
    const config = configMaps.find((c) => c.metadata.name.endsWith("-controller"))?.data ?? {}
    return ingressRejectionFindings({
      ingresses: served,
      controllerConfig: config,
      lines: controllerLines(logs, window.startMs, window.endMs),
    })
  })
