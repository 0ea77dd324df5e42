/**
 * Unseen variants of the public scenarios, for the eval and the mutation test: FORMAT.md scores
 * scenarios the developers have not seen, so a system must solve the class of failure, not the
 * file. `mutateScenario(doc, seed)` renames every namespace, workload, ReplicaSet and pod (keeping
 * the pod-template-hash structure and ownerReferences consistent), service, cluster, image tag and
 * registry path, uid and long hex id, and shifts every time — RFC 3339 strings, the log formats the
 * examples use, Slack ts, Discord snowflakes (re-encoded) — by one offset; the same way wherever a
 * name or time appears (objects, log keys and lines, streams, chat, history, `expect`).
 *
 * Pure and deterministic for a seed (a small PRNG, never Math.random); the input is not modified.
 * Replacements are whole names only (never inside a longer word), longest first, in one pass per
 * kind, so a replaced name is never replaced again. Names in system namespaces (kube-system…),
 * node names, container names and Kubernetes vocabulary (`apiVersion`, `kind`) are kept.
 */

// ── Small helpers ──────────────────────────────────────────────────────────────────────

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)
const asString = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)
const asList = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : [])
const at = (u: unknown, ...path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((acc, key) => (isRecord(acc) ? acc[key] : undefined), u)
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for names and offsets. */
const makeRandom = (seed: number) => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = (chars: string): string => chars.charAt(int(chars.length))
  return { next, int, pick }
}
type Random = ReturnType<typeof makeRandom>

// ── Names ──────────────────────────────────────────────────────────────────────────────

/** Kubernetes' alphabet for generated suffixes and pod-template hashes (no vowels, no 0/1/3). */
const generatedAlphabet = "bcdfghjklmnpqrstvwxz2456789"
const isGenerated = (s: string): boolean => [...s].every((c) => generatedAlphabet.includes(c))

/** Namespaces whose names carry meaning (and whose objects are not the scenario's own). */
const keptNamespaces: ReadonlySet<string> = new Set([
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "ingress-nginx",
  "cert-manager",
  "amazon-cloudwatch",
  "karpenter",
  "external-secrets",
])

const workloadKinds: ReadonlySet<string> = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Pod",
  "Job",
  "CronJob",
  "HorizontalPodAutoscaler",
  "Service",
])

/** Labels whose values name a workload (or its pod / revision). */
const nameLabels: ReadonlyArray<string> = [
  "app",
  "app.kubernetes.io/name",
  "app.kubernetes.io/instance",
  "k8s-app",
  "job-name",
  "batch.kubernetes.io/job-name",
  "statefulset.kubernetes.io/pod-name",
  "controller-revision-hash",
]

/** Prometheus labels whose values name a workload, and the one naming a namespace. */
const metricNameLabels: ReadonlyArray<string> = [
  "service",
  "deployment",
  "statefulset",
  "daemonset",
  "pod",
  "horizontalpodautoscaler",
]

/** Role words kept as they are ("payments-api" → "<new>-api"), so renamed names stay readable. */
const roleWords: ReadonlySet<string> = new Set(
  (
    "api web app ui worker workers service svc server gateway proxy db cache redis postgres mysql consumer " +
    "producer cron job jobs sync engine indexer renderer scheduler exporter controller operator mailer bot " +
    "admin public internal prod production staging stage dev test eks k8s main primary replica frontend " +
    "backend core v1 v2 v3 grpc http headless master config data"
  ).split(" "),
)

const regionLike = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/

/** A generated trailing segment: pod suffix, pod-template / revision hash, Job index, ordinal. */
const segmentKind = (s: string): "suffix" | "hash" | "index" | "ordinal" | null => {
  if (/^\d{1,3}$/.test(s)) return "ordinal"
  if (/^\d{4,}$/.test(s)) return "index"
  if (!/^[a-z0-9]+$/.test(s)) return null
  const digit = /\d/.test(s)
  if (s.length === 5 && (isGenerated(s) || digit)) return "suffix"
  if (s.length >= 6 && s.length <= 10 && digit && /[a-z]/.test(s)) return "hash"
  return null
}

/** `billing-worker-5f8d7c9b6-2xkqp` → base [billing, worker], generated tail [5f8d7c9b6, 2xkqp]. */
const peel = (
  name: string,
): { readonly base: ReadonlyArray<string>; readonly tail: ReadonlyArray<string> } => {
  const parts = name.split("-")
  let cut = parts.length
  while (cut > 1 && segmentKind(parts[cut - 1] ?? "") !== null) cut -= 1
  return { base: parts.slice(0, cut), tail: parts.slice(cut) }
}

interface Found {
  readonly namespaces: Set<string>
  readonly names: Set<string>
  readonly images: Set<string>
}

const addImage = (found: Found, o: unknown): void => {
  if (Array.isArray(o)) for (const x of o) addImage(found, x)
  else if (isRecord(o))
    for (const [k, v] of Object.entries(o)) {
      const s = asString(v)
      if (k === "image" && s !== undefined) found.images.add(s)
      else addImage(found, v)
    }
}

/** Everything the scenario names: namespaces, workloads (and their pods), services, clusters, images. */
const discover = (doc: unknown): Found => {
  const found: Found = { namespaces: new Set(), names: new Set(), images: new Set() }
  const ns = (n: string | undefined) => {
    if (n !== undefined && n !== "" && !keptNamespaces.has(n) && !roleWords.has(n)) found.namespaces.add(n)
  }
  const name = (n: string | undefined) => {
    // A bare role word (`redis`, `api`) is vocabulary, not the scenario's name for something.
    if (n !== undefined && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(n) && !roleWords.has(n)) found.names.add(n)
  }
  for (const o of asList(at(doc, "kubernetes", "objects"))) {
    const kind = asString(at(o, "kind")) ?? ""
    const namespace = asString(at(o, "metadata", "namespace"))
    if (namespace !== undefined && keptNamespaces.has(namespace)) continue
    ns(namespace)
    if (kind === "Namespace") ns(asString(at(o, "metadata", "name")))
    if (workloadKinds.has(kind)) name(asString(at(o, "metadata", "name")))
    const labels = at(o, "metadata", "labels")
    for (const key of nameLabels) name(asString(at(labels, key)))
    for (const ref of asList(at(o, "metadata", "ownerReferences")))
      if (workloadKinds.has(asString(at(ref, "kind")) ?? "")) name(asString(at(ref, "name")))
    const involved = at(o, "involvedObject")
    const involvedNs = asString(at(involved, "namespace"))
    if (involved !== undefined && (involvedNs === undefined || !keptNamespaces.has(involvedNs))) {
      ns(involvedNs)
      if (workloadKinds.has(asString(at(involved, "kind")) ?? "")) name(asString(at(involved, "name")))
    }
    name(asString(at(o, "spec", "scaleTargetRef", "name")))
    addImage(found, o)
  }
  name(asString(at(doc, "kubernetes", "cluster")))
  const logs = at(doc, "kubernetes", "logs")
  if (isRecord(logs))
    for (const key of Object.keys(logs)) {
      const [namespace, pod] = key.split("/")
      if (namespace !== undefined && !keptNamespaces.has(namespace)) {
        ns(namespace)
        name(pod)
      }
    }
  for (const group of asList(at(doc, "cloudwatch", "log_groups"))) {
    // (A trail's group, `aws-cloudtrail-logs-<account>-<id>` as the console names it, is AWS's
    // vocabulary like `/aws/lambda/`, not the scenario's own name.)
    for (const segment of (asString(at(group, "name")) ?? "").split("/"))
      if (segment.includes("-") && !regionLike.test(segment) && !/cloudtrail/i.test(segment)) name(segment)
    for (const event of asList(at(group, "events"))) {
      // Container Insights streams are `<pod>_<namespace>_<container>`.
      const m = /^([a-z0-9.-]+)_([a-z0-9-]+)_([a-z0-9-]+)$/.exec(asString(at(event, "stream")) ?? "")
      if (m !== null && !keptNamespaces.has(m[2] ?? "")) {
        ns(m[2])
        name(m[1])
      }
    }
  }
  for (const incident of asList(at(doc, "history"))) {
    name(asString(at(incident, "service")))
    ns(asString(at(incident, "namespace")))
  }
  for (const series of asList(at(doc, "prometheus", "series"))) {
    const labels = at(series, "labels")
    ns(asString(at(labels, "namespace")))
    for (const key of metricNameLabels) name(asString(at(labels, key)))
  }
  return found
}

interface ImageParts {
  readonly account: string | null
  readonly paths: ReadonlyArray<string>
  readonly tag: string | null
}

/** `<registry>/<path…>/<repository>:<tag>` (a digest reference has no tag). */
const parseImage = (image: string): ImageParts => {
  const [ref = ""] = image.split("@")
  const slash = ref.lastIndexOf("/")
  const colon = ref.lastIndexOf(":")
  const tag = colon > slash ? ref.slice(colon + 1) : null
  const parts = (colon > slash ? ref.slice(0, colon) : ref).split("/")
  const first = parts[0] ?? ""
  const hasRegistry =
    parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")
  const account = /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.exec(first)?.[1] ?? null
  const paths = parts.slice(hasRegistry ? 1 : 0, -1).filter((p) => p !== "library")
  return { account, paths, tag }
}

// ── Times ──────────────────────────────────────────────────────────────────────────────

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const monthAlt = months.join("|")
const pad = (n: number, width = 2): string => String(n).padStart(width, "0")
const parts = (ms: number) => {
  const d = new Date(ms)
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  }
}
const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number): number | null => {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  const p = parts(ms)
  return p.y === y && p.mo === mo && p.d === d && p.h === h && p.mi === mi && p.s === s ? ms : null
}

interface TimeFormat {
  /** Matches the time in running text; no capture groups (they are added around each format). */
  readonly source: string
  /** The instant the matched text denotes, or null when it is not a plausible time. */
  readonly read: (text: string, year: number) => number | null
  /** The matched text rewritten for the instant `ms` (same shape; fractions and zones kept). */
  readonly write: (text: string, ms: number) => string
}

const num = (m: RegExpExecArray, i: number): number => Number(m[i] ?? "NaN")

const timeFormats: ReadonlyArray<TimeFormat> = [
  {
    // RFC 3339 / ISO 8601, also with a space (Postgres, Go's time.String(), Gunicorn)
    source: "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?",
    read: (t) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(t)
      return m === null ? null : utc(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (t, ms) => {
      const p = parts(ms)
      return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}${t.charAt(10)}${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${t.slice(19)}`
    },
  },
  {
    // Go's log package, nginx error log: 2026/07/30 11:14:05
    source: "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}",
    read: (t) => {
      const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(t)
      return m === null ? null : utc(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (_, ms) => {
      const p = parts(ms)
      return `${pad(p.y, 4)}/${pad(p.mo)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
    },
  },
  {
    // Common Log Format: 30/Jul/2026:11:14:05
    source: `\\d{2}/(?:${monthAlt})/\\d{4}:\\d{2}:\\d{2}:\\d{2}`,
    read: (t) => {
      const m = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})$/.exec(t)
      return m === null
        ? null
        : utc(num(m, 3), months.indexOf(m[2] ?? "") + 1, num(m, 1), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (_, ms) => {
      const p = parts(ms)
      return `${pad(p.d)}/${months[p.mo - 1]}/${pad(p.y, 4)}:${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
    },
  },
  {
    // Redis: 03 Sep 2026 21:35:59.102
    source: `\\d{2} (?:${monthAlt}) \\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?`,
    read: (t) => {
      const m = /^(\d{2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})/.exec(t)
      return m === null
        ? null
        : utc(num(m, 3), months.indexOf(m[2] ?? "") + 1, num(m, 1), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (t, ms) => {
      const p = parts(ms)
      return `${pad(p.d)} ${months[p.mo - 1]} ${pad(p.y, 4)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${t.slice(20)}`
    },
  },
  {
    // A CloudWatch alarm's datapoint: [312.0 (08/02/27 19:01:00)] (dd/MM/yy)
    source: "(?<=\\()\\d{2}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?=\\))",
    read: (t) => {
      const m = /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(t)
      return m === null ? null : utc(2000 + num(m, 3), num(m, 2), num(m, 1), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (_, ms) => {
      const p = parts(ms)
      return `${pad(p.d)}/${pad(p.mo)}/${pad(p.y % 100)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
    },
  },
  {
    // klog (kubelet, cluster-autoscaler): E0822 02:11:02.118734 — no year, taken from the scenario
    source: "(?<![A-Za-z0-9])[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}",
    read: (t, year) => {
      const m = /^[IWEF](\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(t)
      return m === null ? null : utc(year, num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5))
    },
    write: (t, ms) => {
      const p = parts(ms)
      return `${t.charAt(0)}${pad(p.mo)}${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${t.slice(14)}`
    },
  },
  {
    // Compact stamps (migration names): 20260611054210
    source: "(?<![A-Za-z0-9])20\\d{12}(?![A-Za-z0-9])",
    read: (t) => {
      const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(t)
      return m === null ? null : utc(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6))
    },
    write: (_, ms) => {
      const p = parts(ms)
      return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`
    },
  },
  {
    // Slack ts: 1795784700.000200 (seconds.sequence)
    source: "(?<![\\d.])\\d{10}\\.\\d{6}(?!\\d)",
    read: (t) => Number(t.slice(0, 10)) * 1000,
    write: (t, ms) => `${Math.floor(ms / 1000)}${t.slice(10)}`,
  },
  {
    // A Slack permalink's message: /archives/C0ALERTS/p1795784700000200
    source: "(?<=/archives/[A-Z0-9]{4,20}/p)\\d{16}(?!\\d)",
    read: (t) => Number(t.slice(0, 10)) * 1000,
    write: (t, ms) => `${Math.floor(ms / 1000)}${t.slice(10)}`,
  },
]

const timeRe = new RegExp(timeFormats.map((f) => `(${f.source})`).join("|"), "g")

// ── Discord snowflakes ─────────────────────────────────────────────────────────────────

const discordEpoch = 1420070400000n
const snowflakeMillis = (id: string): number | null =>
  /^\d{15,20}$/.test(id) ? Number((BigInt(id) >> 22n) + discordEpoch) : null
const shiftSnowflake = (id: string, offsetMs: number): string => {
  if (!/^\d{15,20}$/.test(id)) return id
  const big = BigInt(id)
  const shifted = (big >> 22n) + BigInt(offsetMs)
  return shifted < 0n ? id : String((shifted << 22n) | (big & 0x3fffffn))
}
/** Channel and message ids in Discord links (the guild is the replay's own) and `<#channel>` mentions. */
const discordRefs =
  /(discord(?:app)?\.com\/channels\/\d{15,20}\/)(\d{15,20})(?:\/(\d{15,20}))?|<#(\d{15,20})>/g

// ── The plan ───────────────────────────────────────────────────────────────────────────

export interface MutationPlan {
  /** Added to every time (a whole number of minutes, never 0). */
  readonly offsetMs: number
  /** Original name → new name (namespaces, workloads, pods, hashes, clusters, registry paths). */
  readonly names: ReadonlyMap<string, string>
  /** Original image tag / account id → new one. */
  readonly versions: ReadonlyMap<string, string>
}

const yearOf = (doc: unknown): number => {
  const now = Date.parse(asString(at(doc, "now")) ?? "")
  return Number.isNaN(now) ? 2026 : new Date(now).getUTCFullYear()
}

const forEachString = (v: unknown, f: (s: string) => void): void => {
  if (typeof v === "string") f(v)
  else if (Array.isArray(v)) for (const x of v) forEachString(x, f)
  else if (isRecord(v))
    for (const [k, x] of Object.entries(v)) {
      f(k)
      forEachString(x, f)
    }
}

/** Every time the scenario states, in ms (for choosing an offset that collides with none). */
const instantsOf = (doc: unknown): ReadonlySet<number> => {
  const year = yearOf(doc)
  const out = new Set<number>()
  forEachString(doc, (s) => {
    for (const m of s.matchAll(timeRe)) {
      const i = m.slice(1).findIndex((g) => g !== undefined)
      const ms = timeFormats[i]?.read(m[0], year)
      if (ms !== null && ms !== undefined) out.add(Math.floor(ms / 1000) * 1000)
    }
  })
  const snowflakes: Array<unknown> =
    asString(at(doc, "alert", "platform")) === "discord"
      ? [at(doc, "alert", "channel"), at(doc, "alert", "message_id"), at(doc, "alert", "thread_id")]
      : []
  const channels = at(doc, "chat", "discord")
  if (isRecord(channels))
    for (const [id, channel] of Object.entries(channels)) {
      snowflakes.push(id)
      for (const message of asList(at(channel, "messages"))) snowflakes.push(at(message, "id"))
    }
  for (const id of snowflakes) {
    const ms = snowflakeMillis(asString(id) ?? "")
    if (ms !== null) out.add(Math.floor(ms / 1000) * 1000)
  }
  return out
}

const drawOffset = (random: Random, instants: ReadonlySet<number>): number => {
  for (let attempt = 0; ; attempt += 1) {
    const scale = random.int(3)
    const minutes =
      scale === 0
        ? 1 + random.int(59)
        : scale === 1
          ? 60 * (1 + random.int(23)) + random.int(60)
          : 1440 * (1 + random.int(45)) + 60 * random.int(24) + random.int(60)
    const offset = (random.next() < 0.5 ? -1 : 1) * minutes * 60_000
    const collides = [...instants].some((t) => instants.has(t + offset))
    if (!collides || attempt >= 200) return offset
  }
}

const syllables =
  "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo".split(
    " ",
  )

/** The seed mixed with the scenario's name, so one seed gives different variants of different files. */
const seedFor = (doc: unknown, seed: number): number => {
  let h = seed >>> 0
  for (const c of asString(at(doc, "name")) ?? "") h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0
  return h
}

export const planMutation = (doc: unknown, seed: number): MutationPlan => {
  const random = makeRandom(seedFor(doc, seed))
  const original = JSON.stringify(doc) ?? ""
  const lower = original.toLowerCase()
  const offsetMs = drawOffset(random, instantsOf(doc))
  const found = discover(doc)

  const used = new Set<string>()
  const fresh = (make: () => string): string => {
    for (;;) {
      const candidate = make()
      if (!used.has(candidate) && !lower.includes(candidate.toLowerCase())) {
        used.add(candidate)
        return candidate
      }
    }
  }
  const newWord = () =>
    fresh(() => {
      const n = 2 + random.int(2)
      let w = ""
      for (let i = 0; i < n; i += 1) w += syllables[random.int(syllables.length)] ?? "ka"
      return w + (random.next() < 0.4 ? random.pick("lnrsx") : "")
    })
  const words = new Map<string, string>()
  const word = (w: string): string => {
    const known = words.get(w)
    if (known !== undefined) return known
    const made = newWord()
    words.set(w, made)
    return made
  }
  const segments = new Map<string, string>()
  const segment = (s: string): string => {
    const kind = segmentKind(s)
    if (kind === "ordinal" || kind === null) return s
    const known = segments.get(s)
    if (known !== undefined) return known
    const made = fresh(() =>
      kind === "index"
        ? `${1 + random.int(9)}${Array.from({ length: s.length - 1 }, () => random.int(10)).join("")}`
        : Array.from({ length: s.length }, () => random.pick(generatedAlphabet)).join(""),
    )
    segments.set(s, made)
    return made
  }

  const names = new Map<string, string>()
  const rename = (name: string): void => {
    if (names.has(name)) return
    const { base, tail } = peel(name)
    const allRoles = base.every((w) => roleWords.has(w) || /^\d+$/.test(w))
    const newBase = base.map((w, i) =>
      (roleWords.has(w) || /^\d+$/.test(w)) && !(allRoles && i === 0) ? w : word(w),
    )
    const newTail = tail.map(segment)
    names.set(base.join("-"), newBase.join("-"))
    names.set(name, [...newBase, ...newTail].join("-"))
    for (const [i, s] of tail.entries()) if (segmentKind(s) === "hash") names.set(s, newTail[i] ?? s)
    // A pod's ReplicaSet (base + hash) is a name of its own.
    if (tail.length === 2 && segmentKind(tail[0] ?? "") === "hash")
      names.set([...base, tail[0]].join("-"), [...newBase, newTail[0]].join("-"))
  }
  for (const n of [...found.namespaces].sort()) rename(n)
  for (const n of [...found.names].sort()) rename(n)

  const versions = new Map<string, string>()
  for (const image of [...found.images].sort()) {
    const { account, paths, tag } = parseImage(image)
    for (const p of paths) if (/^[a-z0-9-]{3,}$/.test(p)) rename(p)
    if (account !== null && !versions.has(account))
      versions.set(
        account,
        fresh(() => `${1 + random.int(9)}${Array.from({ length: 11 }, () => random.int(10)).join("")}`),
      )
    if (tag !== null && /^v?\d+\.\d+\.\d+/.test(tag) && !versions.has(tag)) {
      const made = fresh(() =>
        tag.replace(/\d+/g, (d) =>
          d.length === 1
            ? String(random.int(10))
            : String(10 ** (d.length - 1) + random.int(9 * 10 ** (d.length - 1))),
        ),
      )
      versions.set(tag, made)
      const bare = (t: string) => (t.startsWith("v") ? t.slice(1) : `v${t}`)
      if (!versions.has(bare(tag))) versions.set(bare(tag), bare(made))
    }
  }
  return { offsetMs, names, versions }
}

// ── Applying the plan ──────────────────────────────────────────────────────────────────

const wordsRegex = (keys: ReadonlyArray<string>, left: string, right: string): RegExp | null =>
  keys.length === 0
    ? null
    : new RegExp(
        `${left}(?:${[...keys]
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .map(escapeRegExp)
          .join("|")})${right}`,
        "g",
      )

const uuidRe = /(?<![0-9A-Za-z])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z])/g
const longHexRe = /(?<![0-9A-Za-z])[0-9a-f]{32,}(?![0-9A-Za-z])/g
const hexDigits = "0123456789abcdef"

export const mutateScenario = (doc: unknown, seed: number): unknown => {
  const plan = planMutation(doc, seed)
  const random = makeRandom(seedFor(doc, seed) ^ 0x5bd1e995)
  const year = yearOf(doc)
  const discord = asString(at(doc, "alert", "platform")) === "discord"
  const original = JSON.stringify(doc) ?? ""

  // A name starts after a non-alphanumeric character or a %-escape (`%3Dbilling-worker`).
  const namesRe = wordsRegex([...plan.names.keys()], "(?<=^|[^A-Za-z0-9]|%[0-9A-Fa-f]{2})", "(?![A-Za-z0-9])")
  const versionsRe = wordsRegex([...plan.versions.keys()], "(?<![A-Za-z0-9.])", "(?![A-Za-z0-9]|\\.\\d)")

  const ids = new Map<string, string>()
  const freshId = (old: string): string => {
    const known = ids.get(old)
    if (known !== undefined) return known
    for (;;) {
      const made = [...old]
        .map((c, i) =>
          c === "-" || (old.length === 36 && i === 14)
            ? c
            : old.length === 36 && i === 19
              ? random.pick("89ab")
              : random.pick(hexDigits),
        )
        .join("")
      if (made !== old && !original.includes(made)) {
        ids.set(old, made)
        return made
      }
    }
  }

  const shiftTimes = (s: string): string =>
    s.replace(timeRe, (...args: ReadonlyArray<unknown>) => {
      const text = asString(args[0]) ?? ""
      const i = args.slice(1, 1 + timeFormats.length).findIndex((g) => g !== undefined)
      const format = timeFormats[i]
      const ms = format?.read(text, year)
      return format === undefined || ms === null || ms === undefined
        ? text
        : format.write(text, ms + plan.offsetMs)
    })
  const shiftDiscordRefs = (s: string): string =>
    s.replace(discordRefs, (whole, prefix: unknown, channel: unknown, message: unknown, mention: unknown) => {
      const c = asString(channel)
      const m = asString(message)
      const n = asString(mention)
      if (n !== undefined) return `<#${shiftSnowflake(n, plan.offsetMs)}>`
      if (c === undefined) return String(whole)
      return `${asString(prefix) ?? ""}${shiftSnowflake(c, plan.offsetMs)}${m === undefined ? "" : `/${shiftSnowflake(m, plan.offsetMs)}`}`
    })

  const text = (s: string): string => {
    let out = shiftTimes(s)
    out = shiftDiscordRefs(out)
    out = out.replace(uuidRe, freshId).replace(longHexRe, freshId)
    if (namesRe !== null) out = out.replace(namesRe, (m) => plan.names.get(m) ?? m)
    if (versionsRe !== null) out = out.replace(versionsRe, (m) => plan.versions.get(m) ?? m)
    return out
  }

  const discordField = (path: ReadonlyArray<string>): boolean => {
    const [a, b, , d, , f] = path
    if (a === "alert") return discord && (b === "channel" || b === "message_id" || b === "thread_id")
    return a === "chat" && b === "discord" && d === "messages" && f === "id" && path.length === 6
  }
  const value = (s: string, path: ReadonlyArray<string>): string => {
    const last = path[path.length - 1]
    if (path.length === 1 && last === "name") return s
    if (last === "apiVersion" || last === "kind") return s
    if (discordField(path)) return shiftSnowflake(s, plan.offsetMs)
    return text(s)
  }
  const key = (k: string, path: ReadonlyArray<string>): string => {
    if (path.length === 2 && path[0] === "kubernetes" && path[1] === "logs") return text(k)
    if (path.length === 2 && path[0] === "chat" && path[1] === "discord")
      return shiftSnowflake(k, plan.offsetMs)
    return k
  }
  const walk = (v: unknown, path: ReadonlyArray<string>): unknown => {
    if (typeof v === "string") return value(v, path)
    if (Array.isArray(v)) return v.map((x) => walk(x, [...path, "[]"]))
    if (isRecord(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [key(k, path), walk(x, [...path, k])]))
    return v
  }
  return walk(doc, [])
}

/** The time a Discord snowflake encodes (ms), or null; exported for the invariant checks. */
export const snowflakeTime = snowflakeMillis
