/**
 * The words a cause uses for a failure mode: the terms an SRE searches for ("OOMKilled",
 * "CreateContainerConfigError", "readiness probe", "connection slots", "HPA at maxReplicas"),
 * taken only from the evidence — its kinds and its text — so a cause never claims a word its
 * findings do not support. The canonical term comes first; the kind itself matches it.
 */
import {
  kindAndText,
  type Mode,
  memoryLeakWords,
  modeRank,
  rateLimitedWords,
  textMode,
} from "./causes-modes.js"
import {
  dependencyValidationLabel,
  isDependencyValidation,
  statusOf,
  validationRejectionWords,
} from "./dependency-validation.js"
import type { Finding } from "./finding.js"
import { closedPathLabel } from "./network-change-kind.js"
import { secretFailureLabel, secretFetchFailed } from "./secret-fetch-failure.js"

type Term = readonly [RegExp, string | ((m: RegExpExecArray) => string)]

const conditionWord = (c: string): string => ({ memory: "Memory", disk: "Disk", pid: "PID" })[c] ?? "Memory"

const pressure = (m: RegExpExecArray): string => `${conditionWord(m[1] ?? "memory")}Pressure`

/** "node.kubernetes.io/disk-pressure" → "DiskPressure taint"; "…/not-ready" → "node not-ready taint". */
const taint = (m: RegExpExecArray): string => {
  const t = m[1] ?? ""
  return t.endsWith("-pressure")
    ? `${conditionWord(t.replace(/-pressure$/, ""))}Pressure taint`
    : `node ${t} taint`
}

// [pattern over the mode's evidence, kinds included; the words it contributes], canonical term
// first: the kind itself matches it, so an `oom_killed` finding always reads "OOMKilled".
// PostgreSQL's lock modes as its log spells them (the evidence text is read in lower case).
const lockModeNames = [
  "AccessExclusiveLock",
  "ExclusiveLock",
  "ShareRowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "RowExclusiveLock",
  "RowShareLock",
  "AccessShareLock",
]
const lockModeName = (mode: string): string =>
  lockModeNames.find((n) => n.toLowerCase() === mode.toLowerCase()) ?? mode

const terms: Readonly<Record<Mode, ReadonlyArray<Term>>> = {
  node: [
    [/notready|not_ready|not ready/, "NotReady"],
    [/(memory|disk|pid)\s?pressure/, pressure],
  ],
  scheduling: [
    [/failedscheduling|unschedulable|insufficient/, "FailedScheduling"],
    [
      /disruption_budget|poddisruptionbudget/,
      "PodDisruptionBudget allows 0 disruptions (evictions refused, drains blocked)",
    ],
    [/insufficient ([a-z][\w./-]{0,40}?)\.?(?:[\s,;]|$)/, (m) => `Insufficient ${m[1] ?? ""}`],
    [/autoscaler[\s\S]{0,200}\bmax|\bmax(?:imum)? (?:node group )?size/, "autoscaler at max size"],
    [/notriggerscaleup/, "NotTriggerScaleUp"],
    [/node\.kubernetes\.io\/(disk-pressure|memory-pressure|pid-pressure|not-ready|unreachable)/, taint],
  ],
  eviction: [
    [/evict/, "Evicted"],
    [/ephemeral.storage|\bnodefs\b|\bimagefs\b/, "ephemeral-storage"],
    [/low on resource:?\s*"?memory/, "low on memory"],
    [/low on resource:?\s*"?pids/, "out of PIDs"],
    [/(memory|disk|pid)\s?pressure/, pressure],
  ],
  capacity: [
    // A consumer at a throughput ceiling below its topic's production (metric-consumer-ceiling.ts).
    [/consumer_outpaced|consumption rate capped/, "consumption rate capped below production (slow consumer)"],
    [/scaled_to_zero|scaled to 0 replicas/, "scaled to 0 replicas"],
    [/hpa_flapping|flapping/, "HPA flapping (rescaling up and down)"],
    [
      /hpa_blind|failedgetresourcemetric|unable to get metrics|scalingactive/,
      "HPA cannot scale: metrics unavailable (FailedGetResourceMetric)",
    ],
    [/hpa_maxed|maxreplicas|\bat max\b/, "HPA at maxReplicas"],
    // Its metric far past target at the ceiling (hpa-saturation.ts): the words of the saturation.
    [/\b(cpu|memory)\b[^;]{0,60}\bsaturated\b/, (m) => `${m[1] ?? ""} saturated`],
    [/\b(\d{1,4})\s*\/\s*(\d{1,4}) replicas|maxreplicas[ :=]*(\d{1,4})/, (m) => `max ${m[3] ?? m[2] ?? ""}`],
  ],
  config: [
    // A rollout that moved a probe where the app does not answer (probe-changes.ts).
    [
      /changed the (readiness|liveness|startup) probe (path|port) ([^\s;]+ → [^\s;]+)/,
      (m) => `${m[1] ?? ""} probe ${m[2] ?? ""} changed ${m[3] ?? ""}`,
    ],
    // A secret a task could not fetch, named with its store and exception (secret-fetch-failure.ts).
    [secretFetchFailed, (m) => secretFailureLabel(m.input) ?? "secret missing or unreadable"],
    [/createcontainerconfigerror|config_error|createcontainererror/, "CreateContainerConfigError"],
    [/service_selector|selector matches no pods/, "Service selector matches no pods (no endpoints)"],
    [/service_port|targetport/, "Service targetPort matches no container port"],
    [/network_policy|networkpolicy/, "NetworkPolicy drops its traffic"],
    [/ingress_rejection/, "ingress controller rejects its requests"],
    // Named by its change's kind (network-change-kind.ts): a deleted NAT gateway is no security group.
    [/network_path_closed/, (m) => closedPathLabel(m.input)],
    // The mesh refusing a caller's plaintext: the words an SRE greps a sidecar's log for.
    [
      /mesh_mtls_refused/,
      "mTLS STRICT (PeerAuthentication) refuses plaintext from a caller without an istio-proxy sidecar (filter_chain_not_found)",
    ],
    [
      /environment variable|env var|keyerror: '[a-z0-9_]*_(?:secret|key|token|url|uri|host|port|password|dsn|region|bucket|arn|endpoint)'|os\.environ/,
      "missing environment variable",
    ],
    // A Secret the pod mounts or reads, not a variable named …_SECRET.
    [
      /secret "?[\w.-]+"? not found|secrets? (?:is |are )?missing|missing secret|secret [\w.-]+ (?:does not exist|not found)/,
      "missing secret",
    ],
    [/configmap/, "missing ConfigMap"],
    [/couldn't find key|key \S{1,80} not found/, "missing key"],
  ],
  certificate: [
    // Sidecars that no longer trust each other's workload certificates: the mesh's CA, not a cert-manager renewal.
    [
      /mesh_trust_mismatch/,
      "mesh mTLS trust mismatch: sidecars reject their peer's workload certificate (root CA rotation)",
    ],
    // A service's own client certificate, expired, that the peer it calls refuses (client-certificate.ts).
    [
      /received fatal alert: certificate_expired|tls: expired certificate|alert[ _]certificate[ _]expired/,
      "expired client certificate (mTLS): the peer refuses the handshake",
    ],
    [/expired|cert_has_expired|certificateexpiredexception|err_cert_date_invalid/, "TLS certificate expired"],
    // ACME the protocol ("acme: error", an acme-challenge), not a company named ACME ("CN=ACME-PAYOUTS").
    [/\bacme\b(?!-(?!challenge))|ratelimited|rate limit/, "certificate renewal failed"],
    // A server certificate from a CA the client does not trust (a rotated RDS CA, a new root).
    [
      /unknown (?:certificate )?authority|unknown ca\b|unable to get local issuer|self.signed|not trusted|untrusted/,
      "certificate signed by an unknown authority (CA not trusted)",
    ],
    [
      /x509|verify[ _]failed|unable to verify|invalid|revoked|not yet valid|bad certificate|certificate required|pkix/,
      "TLS certificate rejected",
    ],
  ],
  dns: [
    [
      /lookup|resolv|dns|\benotfound|eai_again|no such host|nxdomain|unknownhost|plugin\/errors/,
      "DNS resolution failures",
    ],
    [/no such host|nxdomain|\benotfound/, "no such host"],
    [/i\/o timeout|eai_again|read udp|timed out|timeout/, "DNS lookups timed out"],
    [/coredns|kube-dns|plugin\/errors/, "CoreDNS errors"],
  ],
  auth: [
    [
      /password authentication failed|password (?:is )?(?:incorrect|invalid|wrong)|28p01|access denied for user/,
      "password authentication failed",
    ],
    // "token used before issued": the token's iat is in the validator's future — their clocks disagree.
    [
      /used before issued|token is not valid yet|iat (?:is )?in the future|clock skew/,
      "token used before issued (clock skew)",
    ],
    // Whole words only: `unauthorized_client`, `extra_forbidden` are identifiers in a body.
    [/\b401\b|\bunauthori[sz]ed\b/, "401 Unauthorized"],
    [/\b403\b|\bforbidden\b/, "403 Forbidden"],
    // The caller is the node's own instance role (a session named after the instance, i-…): the
    // pod did not get the role its service account names (IRSA), whatever that role allows.
    [
      /assumed-role\/[\w+=,.@-]+\/i-[0-9a-f]{8,17}\b/,
      "AccessDenied as the node's instance role: the pod's IAM role for its service account (IRSA) is not applied",
    ],
    // AWS's AccessDenied / "is not authorized to perform": an IAM policy or role lacks the action.
    [
      /\baccessdenied(?:exception)?\b|not authorized to perform/,
      "AccessDenied (IAM permission missing from the role's policy)",
    ],
    [/access denied|permission denied/, "access denied"],
    [/authenticat|credential|api[ _-]?key|token/, "authentication failed"],
  ],
  image: [
    [/imagepullbackoff|image_pull/, "ImagePullBackOff"],
    [/errimagepull/, "ErrImagePull"],
    [/manifest unknown|not found/, "image not found"],
    [/\b401\b|unauthori[sz]ed|authorization failed|failed to authorize/, "registry 401 Unauthorized"],
    [/denied/, "registry access denied"],
    [/image|pull/, "image pull"],
  ],
  oom: [
    [/oomkill|oom_killed/, "OOMKilled"],
    // Java's "OutOfMemoryError: unable to create native thread": threads, not heap, ran out.
    [
      /unable to create (?:new )?native thread|cannot create (?:new )?native thread|pthread_create failed/,
      "unable to create native thread (too many threads)",
    ],
    [/out of memory|outofmemory|heap limit/, "out of memory"],
    [/gc overhead limit exceeded/, "GC overhead limit exceeded"],
    [memoryLeakWords, "memory leak"],
    [/memory (?:usage|at \d)|of (?:its |the )?memory limit/, "memory near its limit"],
  ],
  volume: [
    [/failedattachvolume/, "FailedAttachVolume"],
    [/multi-attach/, "Multi-Attach"],
    [/failedmount/, "FailedMount"],
    [/no space left on device|\benospc\b|\bdisk (?:is )?full\b/, "volume full (No space left on device)"],
  ],
  create: [
    // A pod's network sandbox: the CNI had no IP to give (the subnet or the node's ENIs are full).
    [
      /insufficientfreeaddresses|failed to assign an ip|no available ip|exceeded max eni/,
      "no free IP addresses for new pods (FailedCreatePodSandBox: subnet IP exhaustion)",
    ],
    [/sandbox_failed|failedcreatepodsandbox/, "FailedCreatePodSandBox"],
    [/failedcreate|failed_create/, "FailedCreate"],
    [/quota/, "quota exceeded"],
    [/admission webhook|denied the request|denied by/, "admission denied"],
    [/podsecurity|violates podsecurity/, "PodSecurity violation"],
  ],
  crash: [
    // A Lambda function failing at init (lambda-init-failures.ts): it never runs, it does not loop.
    [/lambda_init_failure/, "Lambda function cannot start"],
    // An API integration's exception (integration-exceptions.ts): the function throws, it does not loop.
    [/integration_exception/, "unhandled exception in the API's Lambda integration"],
    // The kubelet's word, when the evidence says it (a Job's pods that never restart do not loop).
    [/crashloopbackoff/, "CrashLoopBackOff"],
    [/exit(?: code)?[ :=]*(\d{1,3})/, (m) => `exit ${m[1] ?? ""}`],
    [/panic|exception|fatal/, "crashing on error"],
  ],
  locks: [
    // A schema migration's DDL holding or queued for the table's lock (migration-lock.ts).
    [
      /migration_lock\n[^\n]*schema migration `[^`]{1,90}`[^\n]*?(holds|waits for) (\w+(?: lock)?) on ([\w.$"]+)/,
      (m) =>
        m[1] === "holds"
          ? `schema migration holding ${lockModeName(m[2] ?? "")} on ${m[3] ?? "its table"} (lock queue)`
          : `schema migration on ${m[3] ?? "its table"} in the lock queue (waiting for ${lockModeName(m[2] ?? "")})`,
    ],
    [/deadlock/, "deadlocks"],
    [/lock wait timeout|lock timeout|could not obtain lock/, "lock wait timeouts"],
    // PostgreSQL's lock queue: a DDL waiting for AccessExclusiveLock queues every query behind it.
    [
      /still waiting for (accessexclusivelock|\w*lock)/,
      // The generic word is said inside the specific one, so both together read once.
      (m) => (m[1] === "accessexclusivelock" ? "lock queue (waiting for AccessExclusiveLock)" : "lock queue"),
    ],
  ],
  schedule: [
    [/cronjob_suspended/, "CronJob suspended (spec.suspend: true)"],
    [/cronjob_blocked/, "CronJob runs skipped: prior run still active (concurrencyPolicy Forbid)"],
    [/batch_overlap/, "batch run (CronJob) overlapping the service on a shared host"],
    // A run that ended OK having processed nothing (empty-runs.ts): its input moved or is missing.
    [/empty_run/, "scheduled run processed nothing (0 keys/records: input path or prefix empty)"],
    // A run whose every write failed, reported as a success, then published (hollow-batch-runs.ts).
    [
      /hollow_batch_run/,
      "batch run reported success while every write failed, then published its empty result",
    ],
  ],
  failover: [
    [
      /datastore_failover|fail(?:ed)? ?over/,
      "failover (primary switched; clients on the old primary fail until they reconnect)",
    ],
  ],
  replication: [
    [
      /replica_lag|replica(?:tion)? lag|reader lag|seconds[ _]behind|behind the primary/,
      "replica lag (reads from the replica are stale)",
    ],
  ],
  connections: [
    [/connection slots/, "connection slots exhausted"],
    [/too many connections/, "too many connections"],
    [/too many clients/, "too many clients"],
    [
      /connection pool|pool (?:is )?(?:probably )?(?:exhausted|full)|acquiring a connection|connection is not available|queuepool limit|pool limit of|timeout waiting for (?:a )?(?:connection|idle object)|could not (?:acquire|get) (?:a )?connection/,
      "connection pool exhausted",
    ],
    // The pool's kin (causes-modes.ts): pgbouncer, node-postgres, a Go or pgx pool.
    [
      /no more connections allowed|timeout exceeded when trying to connect|failed to acquire (?:a )?connection|pool full with requests waiting/,
      "connection pool exhausted",
    ],
    [/max_connections/, "max_connections"],
    [/[\s\S]/, "connection exhaustion"],
  ],
  limits: [
    // A broker's memory or disk alarm (broker-alarm.ts): it blocks every publisher until it clears.
    [
      /broker_alarm|publishers (?:will be )?blocked|resource limit alarm set/,
      "broker resource alarm: publishers blocked",
    ],
    // A node's own kernel network limit: packets dropped for every pod on that node only.
    [
      /(?:nf|ip)_conntrack:\s+(?:(?:nf|ip)_conntrack:\s+)?table full|conntrack table (?:is )?(?:\d{1,3}% )?full/,
      "conntrack table full (nf_conntrack): the node drops new connections",
    ],
    [/neighbou?r(?: table)? overflow/, "neighbour (ARP) table overflow on the node"],
    [
      /out of socket memory|too many orphaned sockets|tcp: out of memory/,
      "TCP out of socket memory on the node",
    ],
    // A consumer slower than its poll interval is kicked out: the group rebalances, commits fail.
    [
      /max\.poll\.interval|poll timeout has expired|commitfailedexception|kicked out of the group/,
      "consumer poll timeout (max.poll.interval.ms exceeded): the group keeps rebalancing, offset commits fail",
    ],
    [/emfile|too many open files|file descriptor/, "too many open files (EMFILE)"],
    [/rejectedexecution|taskrejected|thread pool|executor|worker pool/, "thread pool exhausted"],
    [/cpu throttl|cfs.throttl|throttled periods/, "CPU throttling"],
    // A managed service refusing more than the capacity or rate bought (DynamoDB, S3, AWS APIs).
    // DynamoDB throttling one partition (a hot key), whatever the table's capacity.
    [
      /keyrangethroughputexceeded|throughput limit for your partition/,
      "hot partition: one partition key's throughput exceeded (KeyRangeThroughputExceeded)",
    ],
    [
      /provisionedthroughputexceeded|throughput exceeds the current capacity/,
      "throttled: provisioned throughput exceeded (capacity used up)",
    ],
    [
      /throttlingexception|rate exceeded|requestlimitexceeded|toomanyrequestsexception|\bslowdown\b/,
      "throttled by the provider (rate exceeded)",
    ],
    // An API answering 429: the caller is over the rate it is allowed.
    [rateLimitedWords, "rate limited (429 Too Many Requests)"],
    // The saturation sweep's finding: full memory, whichever policy decides what gives.
    [
      /redis memory at maxmemory/,
      "Redis memory full at maxmemory (keys evicted, or writes refused under noeviction)",
    ],
    // Redis at its maxmemory with noeviction: every write is refused.
    [/oom command not allowed/, "Redis at maxmemory (OOM command not allowed: writes refused)"],
  ],
  probe: [
    [/readiness/, "readiness probe failures"],
    [/liveness/, "liveness probe failures"],
    [/startup probe/, "startup probe failures"],
    [
      /elb-healthchecker|target group|health check/,
      "load balancer health checks failing (targets unhealthy)",
    ],
    [/probe/, "probe failures"],
  ],
  timeout: [
    [/timeout(?![ \t]*[=:]?[ \t]*(?:\d|<n>))|timed out|deadline exceeded|etimedout|\b504\b/, "timeouts"],
    [/deadline exceeded/, "deadline exceeded"],
    [/\b504\b/, "504"],
    [/lambda_timeout|task timed out after/, "Lambda function timed out at its time limit"],
  ],
  unavailable: [
    // A Kafka cluster's partitions (kafka-partitions.ts): its producers are refused, not its clients' fault.
    [/offline partitions?|under min isr|under-replicated/, "Kafka partitions offline / under-replicated"],
    [
      /all shards failed|unassigned shards?|cluster (?:status|health) (?:is )?red/,
      "search cluster red (all shards failed)",
    ],
    [/econnrefused|connection refused/, "connection refused"],
    [/unavailable|\b503\b/, "unavailable"],
    [/unreachable|no healthy upstream/, "unreachable"],
  ],
  poison: [
    [/message_redelivered|poison message/, "poison message: the same message fails at every delivery"],
    [
      /no dead-letter queue|no redrivepolicy|no redrive policy/,
      "no dead-letter queue (redrive policy) to take it off the queue",
    ],
    [
      /valueerror|could not convert|invalid input syntax|json ?parse error|jsondecodeerror|serializationexception|numberformatexception|cannot unmarshal|unparseable|malformed/,
      "a malformed value the consumer cannot parse",
    ],
  ],
  errors: [
    // A dependency's 422 / validation rejection, with the status and the field (dependency-validation.ts);
    // a line naming no call (a traceback's "Error: 422", an access log) says only its status.
    [
      validationRejectionWords,
      (m) =>
        isDependencyValidation(m.input)
          ? dependencyValidationLabel(m.input)
          : (statusOf(m.input) ?? "validation errors"),
    ],
    [/\b5\d\d\b|5xx/, "5xx errors"],
    [/\bfatal\b/, "FATAL errors"],
    [/exception|panic/, "exceptions"],
  ],
  outcome: [
    [/ready replica|replicas? unavailable|minimumreplicasunavailable|availab/, "replicas unavailable"],
    [/progressdeadlineexceeded|rollout stuck|rollout_stuck/, "rollout stuck"],
    [/latency|\bp9\d\b|slow/, "high latency"],
    [/consumer lag|replication lag|\bbacklog\b/, "falling behind (lag)"],
    [/error.?rate|5xx/, "error rate up"],
    [/traffic|requests|\brps\b|\bload\b|cpu/, "load up"],
  ],
  change: [],
  context: [],
}

const fallback: Readonly<Record<Mode, string>> = {
  node: "node pressure",
  eviction: "Evicted",
  scheduling: "FailedScheduling",
  volume: "volume not mounted",
  capacity: "HPA at maxReplicas",
  config: "CreateContainerConfigError",
  certificate: "TLS certificate failure",
  auth: "authentication failures",
  dns: "DNS resolution failures",
  image: "ImagePullBackOff",
  oom: "out of memory",
  create: "FailedCreate",
  crash: "crash loop",
  poison: "poison message",
  failover: "failover",
  replication: "replica lag",
  connections: "connection exhaustion",
  locks: "lock contention",
  schedule: "scheduled job",
  limits: "resource limit reached",
  probe: "probe failures",
  timeout: "timeouts",
  unavailable: "dependency unavailable",
  errors: "errors",
  outcome: "degraded",
  change: "change",
  context: "context",
}

/**
 * "OOMKilled (out of memory)": the mode's words as its evidence states them — the strongest
 * finding's first (evidence comes strongest first), each finding's canonical word before its
 * others — so a liveness kill leads "liveness probe failures (readiness …)", not the other way.
 */
export const modeLabel = (mode: Mode, evidence: ReadonlyArray<Finding>): string => {
  const words = [
    ...new Set(
      evidence.flatMap((f) => {
        const text = kindAndText(f)
        return terms[mode].flatMap(([pattern, word]) => {
          const m = pattern.exec(text)
          return m === null ? [] : [typeof word === "string" ? word : word(m)]
        })
      }),
    ),
  ]
  // A generic word already said by a specific one ("probe failures" in "readiness probe failures") goes.
  const [main, ...others] = words.filter((w, i) => !words.some((v, j) => j < i && v.includes(w)))
  if (main === undefined) return fallback[mode]
  return others.length === 0 ? main : `${main} (${others.join(", ")})`
}

/** Labels of several modes, deeper first, each from its own evidence. */
export const modesLabel = (modes: ReadonlyArray<Mode>, evidence: ReadonlyArray<Finding>): string =>
  [...new Set(modes)]
    .sort((a, b) => modeRank(a) - modeRank(b))
    .map((m) =>
      modeLabel(
        m,
        evidence.filter((f) => textMode(f) === m),
      ),
    )
    .join(" and ")
