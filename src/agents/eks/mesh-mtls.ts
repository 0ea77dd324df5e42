/**
 * Service-mesh mTLS failures between workloads (Istio/Envoy, Linkerd), read from the mesh
 * proxies' own words, since every pod stays Ready and the callers only see resets and 503s:
 *
 * - a callee whose sidecars answer `filter_chain_not_found` (Envoy found no listener chain for a
 *   plaintext connection: mTLS STRICT, a PeerAuthentication) while a caller has no sidecar — the
 *   caller's plaintext is refused (`mesh_mtls_refused`);
 * - proxies that reject each other's workload certificates (CERTIFICATE_VERIFY_FAILED,
 *   CERTIFICATE_UNKNOWN, Linkerd's UnknownIssuer): the sides trust different roots, as after a
 *   root CA rotation whose new root not every sidecar has yet (`mesh_trust_mismatch`).
 *
 * Pure; which logs to read is `meshProxyTargets`, reading them is the agent's job.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { Pod } from "../../domain/kubernetes.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, type ScopedWorkload } from "./eks-finding.js"
import type { LogTarget } from "./gather.js"
import { resourceOf } from "./workloads.js"

/** The containers a mesh injects beside the application (Istio's Envoy, Linkerd's proxy). */
const meshProxyContainers: ReadonlySet<string> = new Set(["istio-proxy", "linkerd-proxy"])

export const hasMeshProxy = (pod: Pod): boolean =>
  pod.spec.containers.some((c) => meshProxyContainers.has(c.name))

const proxyOf = (pod: Pod): string | undefined =>
  pod.spec.containers.find((c) => meshProxyContainers.has(c.name))?.name

/** Envoy found no filter chain for a connection: a plaintext caller on an mTLS-only (STRICT) port. */
const plaintextRefused = /\bfilter_chain_not_found\b/i

/**
 * A peer's certificate rejected during the mesh handshake: BoringSSL's words as Envoy logs them
 * (in access logs, its `TLS_error:` details, and the 503 body it hands the app), Linkerd's rustls.
 */
const peerCertRejected =
  /certificate_verify_failed|certificate verify failed|sslv3_alert_certificate_unknown|tlsv1_alert_unknown_ca|unknownissuer|invalid peer certificate/i

/** A proxy's own note that the mesh's root changed under it (Istio's SDS cache). */
const rootRotated = /root cert(?:ificate)? has changed|rotating root cert/i

/** Envoy's upstream cluster in an access log: `outbound|8080||pricing-engine.pricing.svc.cluster.local`. */
const outboundCluster = /outbound\|\d*\|[^|]*\|([a-z0-9-]+)\.([a-z0-9-]+)\.svc/i
/** A service DNS name in a caller's own line: `http://matchmaking.matchmaking.svc.cluster.local:8080`. */
const serviceHost = /\b([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?\b/gi

const leadingInstant = /^\[?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))/

const instantOfLine = (line: string): DateTime.Utc | null => {
  const stamp = leadingInstant.exec(line.trim())?.[1]
  if (stamp === undefined) return null
  const parsed = DateTime.make(stamp)
  return parsed._tag === "Some" ? DateTime.toUtc(parsed.value) : null
}

/** Lines matching `pattern` stamped inside the window (an unstamped line counts: it is the tail read now). */
const linesIn = (
  logs: ReadonlyArray<ContainerLog>,
  pattern: RegExp,
  ctx: AnalysisContext,
): ReadonlyArray<{ readonly text: string; readonly at: DateTime.Utc | null }> =>
  logs.flatMap((l) =>
    l.text.split("\n").flatMap((text) => {
      if (!pattern.test(text)) return []
      const at = instantOfLine(text)
      if (
        at !== null &&
        (at.epochMillis < ctx.window.start.epochMillis || at.epochMillis > ctx.window.end.epochMillis)
      )
        return []
      return [{ text: text.trim(), at }]
    }),
  )

/**
 * Istio's own log line without its level and scope (`…Z\tinfo\tcache\tRoot cert has changed`):
 * the scope word `cache` before a message reads as a dependency named after it.
 */
const messageOf = (line: string): string => {
  const parts = line.split("\t")
  const message = parts[parts.length - 1] ?? line
  return parts.length > 1 ? `${parts[0] ?? ""} ${message}` : line
}

const clip = (s: string, max = 300): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

const earliest = (xs: ReadonlyArray<{ readonly at: DateTime.Utc | null }>): DateTime.Utc | null =>
  xs.reduce<DateTime.Utc | null>(
    (min, x) => (x.at !== null && (min === null || x.at.epochMillis < min.epochMillis) ? x.at : min),
    null,
  )

const maxProxyReads = 4

/**
 * The mesh proxies' current logs worth reading: one pod's sidecar per workload that has one, the
 * in-scope workloads first (a caller's outbound failures), then the others (a callee's inbound).
 */
export const meshProxyTargets = (workloads: ReadonlyArray<ScopedWorkload>): ReadonlyArray<LogTarget> =>
  [...workloads]
    .sort((a, b) => Number(b.inScope) - Number(a.inScope))
    .flatMap((w) => {
      const pod = w.pods.find((p) => p.status.phase === "Running" && hasMeshProxy(p))
      const container = pod === undefined ? undefined : proxyOf(pod)
      return pod === undefined || container === undefined
        ? []
        : [
            {
              workload: resourceOf(w),
              namespace: w.namespace,
              pod: pod.metadata.name,
              container,
              previous: false,
            },
          ]
    })
    .slice(0, maxProxyReads)

export interface MeshInput {
  readonly workloads: ReadonlyArray<ScopedWorkload>
  /** Every log read, by workload (`resourceOf`): application containers and mesh proxies alike. */
  readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
  readonly ctx: AnalysisContext
}

const logsOf = (input: MeshInput, w: ScopedWorkload): ReadonlyArray<ContainerLog> =>
  input.logs.get(resourceOf(w)) ?? []

/** Does the caller's own text name `callee` (its service DNS name, or its name as a word)? */
const names = (logs: ReadonlyArray<ContainerLog>, callee: ScopedWorkload): boolean =>
  logs.some(
    (l) =>
      [...l.text.matchAll(serviceHost)].some(
        (m) => m[1]?.toLowerCase() === callee.name && m[2]?.toLowerCase() === callee.namespace,
      ) || new RegExp(`(?<![\\w-])${callee.name}(?![\\w-])`, "i").test(l.text),
  )

/** Callees whose sidecars refuse plaintext, and the in-scope callers without a sidecar that call them. */
const refusedPlaintext = (input: MeshInput): ReadonlyArray<Finding> =>
  input.workloads.flatMap((callee) => {
    const refused = linesIn(
      logsOf(input, callee).filter((l) => meshProxyContainers.has(l.container)),
      plaintextRefused,
      input.ctx,
    )
    if (refused.length === 0) return []
    const callers = input.workloads.filter(
      (c) =>
        c !== callee &&
        c.inScope &&
        c.pods.length > 0 &&
        !c.pods.some(hasMeshProxy) &&
        names(logsOf(input, c), callee),
    )
    const excerpt = refused
      .slice(-3)
      .map((l) => clip(l.text))
      .join("\n")
    const where = `${callee.name} (namespace ${callee.namespace})`
    const why = `its sidecars accept only mTLS (PeerAuthentication mTLS mode STRICT) and answer plaintext connections with filter_chain_not_found (${refused.length} in the window)`
    if (callers.length === 0) {
      if (!callee.inScope) return []
      return [
        eksFinding({
          kind: "mesh_mtls_refused",
          title: `${callee.name}'s istio-proxy sidecars refuse plaintext connections (filter_chain_not_found): mTLS STRICT, callers without a sidecar are cut off`,
          detail: `${where}: ${why}. A caller without an istio-proxy sidecar (its namespace not injected) speaks plaintext and is reset.`,
          severity: "high",
          observedAt: earliest(refused),
          resource: resourceOf(callee),
          service: callee.name,
          excerpt,
        }),
      ]
    }
    return callers.map((caller) =>
      eksFinding({
        kind: "mesh_mtls_refused",
        title: `${caller.name} has no istio-proxy sidecar and calls ${callee.name} in plaintext; ${callee.name}'s sidecars refuse it (mTLS STRICT, filter_chain_not_found)`,
        detail: `${caller.name}'s pods (namespace ${caller.namespace}) run without a mesh sidecar, so their calls to ${where} are plaintext; ${why}. The caller sees connection resets.`,
        severity: "high",
        observedAt: earliest(refused),
        resource: resourceOf(caller),
        service: caller.name,
        excerpt,
      }),
    )
  })

/** The peer a rejected handshake was with: Envoy's outbound cluster, else a service host the line names. */
const peerIn = (lines: ReadonlyArray<{ readonly text: string }>, self: string): string | null => {
  for (const l of lines) {
    const cluster = outboundCluster.exec(l.text)?.[1]
    if (cluster !== undefined && cluster !== self) return cluster
  }
  for (const l of lines) {
    const host = [...l.text.matchAll(serviceHost)].map((m) => m[1] ?? "").find((h) => h !== "" && h !== self)
    if (host !== undefined) return host
  }
  return null
}

/** In-scope workloads whose mesh handshakes fail on certificate trust (a root CA rotation's half-way state). */
const trustMismatch = (input: MeshInput): ReadonlyArray<Finding> => {
  const rotated = input.workloads.flatMap((w) =>
    linesIn(
      logsOf(input, w).filter((l) => meshProxyContainers.has(l.container)),
      rootRotated,
      // A root rotated well before the window is still why trust differs now.
      { ...input.ctx, window: { ...input.ctx.window, start: input.ctx.window.changesSince } },
    ).map((l) => ({ ...l, text: messageOf(l.text), workload: w })),
  )
  return input.workloads
    .filter((w) => w.inScope && w.pods.some(hasMeshProxy))
    .flatMap((w) => {
      const rejected = linesIn(logsOf(input, w), peerCertRejected, input.ctx)
      // An app's own TLS client (no Envoy words) is a certificate failure of its own, not the mesh's.
      const viaMesh = rejected.filter((l) =>
        /tls_error|upstream connect error|outbound\||ssl_socket|rustls|linkerd/i.test(l.text),
      )
      if (viaMesh.length === 0) return []
      const peer = peerIn(viaMesh, w.name)
      const rotation = rotated.find((r) => r.workload.name === peer) ?? rotated[0]
      const toPeer = peer === null ? "its mesh peers" : peer
      const rotationNote =
        rotation === undefined
          ? ""
          : `; ${rotation.workload.name}'s sidecar reports the mesh root CA changed ("${clip(rotation.text, 140)}"), so its new workload certificate chains to a root ${w.name}'s sidecars do not trust yet`
      return [
        eksFinding({
          kind: "mesh_trust_mismatch",
          title: `${w.name}'s sidecars reject ${toPeer}'s mTLS certificate (CERTIFICATE_VERIFY_FAILED): mesh trust mismatch${rotation === undefined ? "" : " after a root CA rotation"}`,
          detail: `${w.name}'s istio-proxy fails the mTLS handshake to ${toPeer} on certificate verification (${viaMesh.length} in the window)${rotationNote}. Both sides must trust a common root (a combined old+new trust bundle, or restarting the workloads still holding the old root).`,
          severity: w.inScope ? "high" : "low",
          observedAt: earliest(viaMesh),
          resource: resourceOf(w),
          service: w.name,
          excerpt: [...viaMesh.slice(-2), ...(rotation === undefined ? [] : [rotation])]
            .map((l) => clip(l.text))
            .join("\n"),
        }),
      ]
    })
}

/** Mesh mTLS findings over every workload read (in scope or next door) and every log read. */
export const meshMtlsFindings = (input: MeshInput): ReadonlyArray<Finding> => {
  // A workload read twice (in scope and next door) says the same thing once.
  const seen = new Set<string>()
  return [...refusedPlaintext(input), ...trustMismatch(input)].filter((f) => {
    const key = `${f.kind}\u0000${f.title}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
