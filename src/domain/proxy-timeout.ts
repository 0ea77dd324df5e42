/**
 * A reverse proxy cutting requests at its own timeout: ingress-nginx's "upstream timed out (110:
 * …) while reading response header from upstream" and its 504 access lines, Envoy's "upstream
 * request timeout" (response flag UT), an ALB's or NLB's idle timeout. The backend is not down —
 * it is slower than the proxy waits (its own logs show the request finishing to a broken pipe) —
 * so what an SRE needs is the proxy, the setting and its value (the 504s' request time, pinned at
 * the timeout), and the service cut. Pure: log lines in, at most one finding per service out.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { LogLine } from "./log-clusters.js"
import { clipText, oneLine } from "./report-text.js"
import { utcHhmm } from "./utc-clock.js"

/** What the proxy was waiting for when it gave up, and the setting that bounds that wait. */
interface Phase {
  readonly words: RegExp
  readonly setting: string
}

const nginxPhases: ReadonlyArray<Phase> = [
  { words: /while reading (?:response header|upstream)/i, setting: "proxy-read-timeout" },
  { words: /while (?:sending request|sending to client)/i, setting: "proxy-send-timeout" },
  { words: /while connecting to upstream/i, setting: "proxy-connect-timeout" },
]

/** nginx's own error line for a proxied request it stopped waiting on. */
const nginxTimedOut = /upstream timed out \(\d+: [^)]*\)/i
/** Envoy's body and flag for a route timeout; an AWS load balancer's words for its own. */
const envoyTimedOut = /upstream request timeout|"response_flags"\s*:\s*"UT"|\s504 UT\s/
const lbTimedOut = /target ?response ?timeout|targettimeout/i

/** A proxy's access line answering 504 (combined or JSON), with its request time when logged. */
const accessStatus504 = /"status"\s*:\s*"?504\b|"\s504\s\d+\s"/
const jsonRequestTime = /"request_time"\s*:\s*"?(\d+(?:\.\d+)?)/
/** ingress-nginx's default format ends "… <request_length> <request_time> [<ns>-<svc>-<port>] …". */
const combinedRequestTime = /\s(\d+(?:\.\d+)?)\s\[[\w.-]+\]\s\[[^\]]*\]/

export interface ProxyTimeout {
  readonly proxy: "ingress-nginx" | "envoy" | "load balancer" | "proxy"
  readonly setting: string
  /** The timeout the 504s hit, in seconds (their typical request time), when logged. */
  readonly seconds: number | null
  readonly requests: number
  readonly firstMs: number
  readonly lastMs: number
  readonly example: LogLine
}

const proxyOf = (line: LogLine): ProxyTimeout["proxy"] | null => {
  const text = line.message
  if (nginxTimedOut.test(text)) return "ingress-nginx"
  if (envoyTimedOut.test(text)) return "envoy"
  if (lbTimedOut.test(text)) return "load balancer"
  return null
}

/** Which proxy wrote an access line: ingress-nginx names its stream or the upstream it chose. */
const proxyBehind = (line: LogLine): ProxyTimeout["proxy"] =>
  /ingress-nginx|nginx-ingress|"upstream_addr"|\s\[[\w.-]+-\d+\]\s/i.test(`${line.stream} ${line.message}`)
    ? "ingress-nginx"
    : /envoy|istio-proxy|"upstream_cluster"/i.test(`${line.stream} ${line.message}`)
      ? "envoy"
      : "proxy"

const settingOf = (proxy: ProxyTimeout["proxy"], lines: ReadonlyArray<LogLine>): string => {
  if (proxy === "envoy") return "route timeout"
  if (proxy === "load balancer") return "idle timeout"
  if (proxy === "proxy") return "read timeout"
  const said = nginxPhases.find((p) =>
    lines.some((l) => nginxTimedOut.test(l.message) && p.words.test(l.message)),
  )
  return said?.setting ?? "proxy-read-timeout"
}

const requestTimeOf = (line: LogLine): number | null => {
  const m = jsonRequestTime.exec(line.message) ?? combinedRequestTime.exec(line.message)
  const n = m === null ? Number.NaN : Number(m[1])
  return Number.isFinite(n) && n > 0 ? n : null
}

/**
 * The timeout the 504s hit: their median request time, rounded to the second, but only when
 * they agree within a second (a proxy's timeout pins them; a slow backend's own 504s do not).
 */
const pinnedSeconds = (times: ReadonlyArray<number>): number | null => {
  if (times.length === 0) return null
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const agree = sorted.filter((t) => Math.abs(t - median) <= 1).length
  return agree * 2 > sorted.length ? Math.round(median) : null
}

/**
 * The proxy timeouts among `lines` about a service: its proxy's timed-out lines and 504 access
 * lines. Null when no line says a proxy timed out (a 504 alone may be the backend's own answer).
 */
export const proxyTimeoutOf = (lines: ReadonlyArray<LogLine>): ProxyTimeout | null => {
  const timedOut = lines.flatMap((l) => {
    const proxy = proxyOf(l)
    return proxy === null ? [] : [{ line: l, proxy }]
  })
  const answered = lines.filter((l) => accessStatus504.test(l.message))
  const times = answered.flatMap((l) => requestTimeOf(l) ?? [])
  const seconds = pinnedSeconds(times)
  // Without the proxy's own words, 504s pinned at one request time are its timeout too (a slow
  // backend's own 504s spread); one line is not a pattern.
  const pinned = seconds !== null && times.length >= 2 ? answered[0] : undefined
  const first =
    timedOut[0] ?? (pinned === undefined ? undefined : { line: pinned, proxy: proxyBehind(pinned) })
  if (first === undefined) return null
  const all = [...timedOut.map((t) => t.line), ...answered]
  const stamps = all.map((l) => l.timestampMs)
  return {
    proxy: first.proxy,
    setting: settingOf(
      first.proxy,
      timedOut.map((t) => t.line),
    ),
    seconds,
    requests: Math.max(timedOut.length, answered.length),
    firstMs: Math.min(...stamps),
    lastMs: Math.max(...stamps),
    example: first.line,
  }
}

/** Whether a line is about `name`: its text names it as a word (not a longer name holding it). */
const names = (line: LogLine, name: string): boolean => {
  const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  // ingress-nginx's access line names its upstream `[<namespace>-<service>-<port>]`.
  return new RegExp(`(?:^|[^a-z0-9-])${escaped}(?![a-z0-9-])|\\[[a-z0-9-]*-${escaped}-\\d+\\]`).test(
    line.message.toLowerCase(),
  )
}

/**
 * The finding for the alert's services: per name, the proxy's lines naming it (an access line's
 * `service`/`ingress` field or upstream `[ns-svc-port]`), and the error lines logged at the same
 * second by the same stream (nginx's error line names only the host).
 */
export const proxyTimeoutFindings = (
  agent: AgentId,
  lines: ReadonlyArray<LogLine>,
  services: ReadonlyArray<string>,
): ReadonlyArray<Finding> =>
  [...new Set(services.map((s) => s.toLowerCase()))].flatMap((service) => {
    const own = lines.filter((l) => names(l, service))
    const seconds = new Set(own.map((l) => `${l.stream}\u0000${Math.floor(l.timestampMs / 1000)}`))
    const paired = lines.filter(
      (l) => !own.includes(l) && seconds.has(`${l.stream}\u0000${Math.floor(l.timestampMs / 1000)}`),
    )
    const cut = proxyTimeoutOf([...own, ...paired])
    if (cut === null) return []
    const value = cut.seconds === null ? "" : ` ${cut.seconds}s`
    const group = cut.example.group
    return [
      {
        id: "",
        agent,
        title:
          `${cut.proxy} cut ${cut.requests} request(s) to ${service} at its${value} ${cut.setting}: ` +
          (proxyOf(cut.example) === null
            ? "504 Gateway Timeout"
            : `504 "${clipText(oneLine(cut.example.message.replace(/^.*?(upstream|target)/i, "$1")), 90)}"`),
        detail:
          `The ${cut.proxy} in front of ${service} stopped waiting and answered 504 Gateway Timeout ` +
          `(${cut.requests} request(s) between ${utcHhmm(cut.firstMs)} and ` +
          `${utcHhmm(cut.lastMs)} UTC${cut.seconds === null ? "" : `, each after ~${cut.seconds} s`}): ` +
          `${service} now answers slower than the ${cut.setting}${value}. It goes on working and ` +
          "logs a broken pipe or a client that went away when it answers; raise the timeout for this route " +
          "(per-Ingress annotation) or find what made it slow.",
        severity: "high",
        kind: "proxy_timeout",
        observedAt: DateTime.unsafeMake(cut.firstMs),
        resource: group === "" ? null : `loggroup/${group}`,
        service,
        link: null,
        excerpt: clipText(cut.example.message, 400),
      },
    ]
  })
