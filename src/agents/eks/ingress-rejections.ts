/**
 * Requests the ingress controller itself refused for one host: nginx answers 413 to a body over
 * its `client_max_body_size` ("client intended to send too large body: 4402311 bytes … host:
 * "claims-api.example.com"") and 414/400 to a URI or headers over its buffers, before the request
 * reaches a pod — so the backend's pods are healthy and log nothing of it, and a limit lost in a
 * chart migration (an Ingress that no longer carries `nginx.ingress.kubernetes.io/proxy-body-size`)
 * looks like "uploads fail" with no error anywhere but the controller. The cause is that host's
 * Ingress and its backend, and the limit in force: the Ingress's annotation when it has one, else
 * the controller ConfigMap's key, else nginx's own default. Proxy timeouts (504) are proxy-timeout.ts's.
 * Pure.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { type Ingress, ingressBackends, ingressHosts } from "../../domain/kubernetes-ingress.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { eksFinding } from "./eks-finding.js"

interface Rejection {
  readonly status: number
  readonly what: string
  /** The controller ConfigMap key and the Ingress annotation that set the limit, and nginx's default. */
  readonly key: string
  readonly annotation: string | null
  readonly fallback: string
  readonly pattern: RegExp
}

const rejections: ReadonlyArray<Rejection> = [
  {
    status: 413,
    what: "request bodies over its body-size limit (413 Request Entity Too Large)",
    key: "proxy-body-size",
    annotation: "nginx.ingress.kubernetes.io/proxy-body-size",
    fallback: "1m",
    pattern: /client intended to send too large (?:chunked )?body(?::\s*(\d+)\s*bytes)?/i,
  },
  {
    status: 414,
    what: "request URIs over its header buffers (414 Request-URI Too Large)",
    key: "large-client-header-buffers",
    annotation: null,
    fallback: "4 8k",
    pattern: /client sent too long URI/i,
  },
  {
    status: 400,
    what: "request headers over its header buffers (400 Request Header Or Cookie Too Large)",
    key: "large-client-header-buffers",
    annotation: null,
    fallback: "4 8k",
    pattern: /client sent too (?:long header line|large request)|request header or cookie too large/i,
  },
]

/** The host a controller error line names: `host: "x"`, else `server: x`. */
const hostIn = (line: string): string | null =>
  (/\bhost: "([^"]+)"/.exec(line)?.[1] ?? /\bserver: ([^,\s]+)/.exec(line)?.[1] ?? null)?.toLowerCase() ??
  null

export interface IngressRejectionInput {
  readonly ingresses: ReadonlyArray<Ingress>
  /** The controller ConfigMap's data (its defaults), empty when not read. */
  readonly controllerConfig: Readonly<Record<string, string>>
  /** The controller's log lines in the incident window. */
  readonly lines: ReadonlyArray<LogLine>
}

/** See the module header: one finding per (Ingress, kind of rejection) seen twice or more. */
export const ingressRejectionFindings = (input: IngressRejectionInput): ReadonlyArray<Finding> =>
  input.ingresses.flatMap((ingress) => {
    const hosts = ingressHosts(ingress)
    return rejections.flatMap((r) => {
      const hits = input.lines.filter(
        (l) => r.pattern.test(l.message) && hosts.includes(hostIn(l.message) ?? ""),
      )
      // One refused request is a client's oddity; a repeated one is the limit meeting real traffic.
      if (hits.length < 2) return []
      const host = hostIn(hits[0]?.message ?? "") ?? hosts[0] ?? ""
      const sizes = hits
        .map((h) => Number(r.pattern.exec(h.message)?.[1] ?? Number.NaN))
        .filter(Number.isFinite)
      const annotated = r.annotation === null ? undefined : ingress.metadata.annotations[r.annotation]
      const configured = input.controllerConfig[r.key]
      const limit = annotated ?? configured ?? r.fallback
      const source =
        annotated !== undefined
          ? `its annotation ${r.annotation} "${annotated}"`
          : `${r.annotation === null ? "" : `no ${r.annotation} annotation on the Ingress, so `}the controller's ${configured !== undefined ? `global ${r.key}` : `default ${r.key}`} "${limit}" applies`
      const chart = ingress.metadata.labels["helm.sh/chart"]
      const backends = ingressBackends(ingress)
      const ns = ingress.metadata.namespace ?? ""
      const last = Math.max(...hits.map((h) => h.timestampMs))
      return [
        eksFinding({
          kind: "ingress_rejection",
          title: `${r.what.replace(/.*\((.*)\)/, "$1")} at ingress-nginx for Ingress ${ns}/${ingress.metadata.name} (${host} → ${backends.join(", ") || "no backend"}): ${r.key} "${limit}"`,
          detail:
            `The ingress controller refused ${hits.length} requests for ${host} with ${r.status} in the window: ${r.what}` +
            `${sizes.length === 0 ? "" : ` (${Math.min(...sizes)}–${Math.max(...sizes)} bytes)`}, before they reached ${backends.join(", ") || "a backend"}. ` +
            `Limit in force: ${source}.` +
            (chart === undefined ? "" : ` The Ingress is rendered by Helm chart ${chart}.`) +
            ` ${hits[0]?.message.trim().slice(0, 240) ?? ""}`,
          severity: "high",
          observedAt: DateTime.unsafeMake(last),
          resource: `ingress/${ns}/${ingress.metadata.name}`,
          service: backends[0] ?? ingress.metadata.name,
        }),
      ]
    })
  })
