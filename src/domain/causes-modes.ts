/**
 * Failure modes: what kind of breakage a finding is evidence of, read from its kind first
 * (finding-kinds.ts) and, for kinds that carry free text (logs, metrics, unknown kinds), from
 * its words. Findings of one mode corroborate each other across agents (eks `oom_killed` and a
 * logs "heap out of memory"); a mode's label is the words an SRE would use for it, taken from
 * the findings themselves so a cause's text says "OOMKilled" only when the evidence does.
 */
import { clientCertificateRefused } from "./client-certificate.js"
import { isDependencyValidation } from "./dependency-validation.js"
import type { Finding } from "./finding.js"
import { healthCheckFailed } from "./log-level.js"
import { nodeNetworkLimitWords } from "./node-network-limits.js"
import { podIpShortageWords } from "./pod-ip-shortage.js"
import { isChange } from "./report-scope.js"
import { secretFetchFailed } from "./secret-fetch-failure.js"

export type Mode =
  | "node"
  | "eviction"
  | "scheduling"
  | "volume"
  | "capacity"
  | "config"
  | "certificate"
  | "auth"
  | "dns"
  | "image"
  | "oom"
  | "create"
  | "crash"
  | "poison"
  // A datastore's primary switched (datastore-failover.ts): its clients' resets and READONLY errors.
  | "failover"
  // A read replica behind its primary (replica-lag.ts): its readers' stale data.
  | "replication"
  | "connections"
  | "locks"
  | "schedule"
  | "limits"
  | "probe"
  | "timeout"
  | "unavailable"
  | "errors"
  | "outcome"
  | "change"
  | "context"

/** Deeper first: the order labels are listed in and the tie-break between modes. */
const modeOrder: ReadonlyArray<Mode> = [
  "node",
  "eviction",
  "scheduling",
  "volume",
  "capacity",
  "config",
  "certificate",
  "auth",
  "dns",
  "image",
  "oom",
  "create",
  "crash",
  // A datastore's failover before what its clients see of it (resets, refused writes, their pools).
  "failover",
  // A replica behind its primary before the stale reads and timeouts of those reading it.
  "replication",
  // One message failing at every delivery before the consumer's errors and timeouts it causes.
  "poison",
  // A batch run on a shared database before what it exhausts there (connections, locks).
  "schedule",
  "connections",
  "locks",
  "limits",
  "probe",
  "timeout",
  "unavailable",
  "errors",
  "outcome",
  "change",
  "context",
]

export const modeRank = (m: Mode): number => modeOrder.indexOf(m)

const byKind: Readonly<Record<string, Mode>> = {
  oom_killed: "oom",
  image_pull: "image",
  config_error: "config",
  unschedulable: "scheduling",
  volume_mount: "volume",
  sandbox_failed: "create",
  autoscaler: "scheduling",
  probe_failure: "probe",
  node_not_ready: "node",
  node_pressure: "node",
  // A neighbour starving a node's CPU (metric-cpu-neighbour.ts): what the node's tenants stand on.
  cpu_neighbour: "node",
  hpa_maxed: "capacity",
  // A rollout moved a probe where the app does not answer (probe-changes.ts): a config change.
  probe_changed: "config",
  hpa_blind: "capacity",
  scaled_to_zero: "capacity",
  hpa_flapping: "capacity",
  // Context (info) that explains connection exhaustion: more pods, more pools (hpa-scale-out.ts).
  hpa_scaled_out: "connections",
  failed_create: "create",
  service_selector: "config",
  service_port: "config",
  network_policy: "config",
  // A limit the controller applies to one host's requests (413 body too large): a setting, not a crash.
  ingress_rejection: "config",
  // A security-group rule or ACL dropping the traffic (network-path-change.ts): a config change, like a NetworkPolicy.
  network_path_closed: "config",
  // The same policy seen from the network policy agent: the flows it dropped (policy-verdicts.ts).
  policy_denied: "config",
  node_network_limit: "limits",
  pod_ip_shortage: "create",
  mesh_mtls_refused: "config",
  mesh_trust_mismatch: "certificate",
  // A cert-manager Certificate expired or not renewed (cert-manager.ts).
  certificate_not_ready: "certificate",
  disruption_budget: "scheduling",
  // The same budget seen from the audit log: refused evictions (eviction-refusals.ts).
  eviction_refused: "scheduling",
  crash_loop: "crash",
  // A poison message the queue keeps redelivering (message-redelivery.ts).
  message_redelivered: "poison",
  // A scheduled job that did not run, or ran at a bad time (scheduled-jobs.ts).
  cronjob_suspended: "schedule",
  cronjob_blocked: "schedule",
  batch_overlap: "schedule",
  // A proxy's timeout cutting a slow service (proxy-timeout.ts): a timeout its slow dependency explains.
  proxy_timeout: "timeout",
  // A Lambda function ending at its time limit (lambda-timeouts.ts).
  lambda_timeout: "timeout",
  // A Lambda function that cannot start (lambda-init-failures.ts): every invocation fails at init.
  lambda_init_failure: "crash",
  // An API's integration throwing (integration-exceptions.ts): what its 5xx answers stand for.
  integration_exception: "crash",
  // A scheduled run that processed nothing (empty-runs.ts): the job ran, its input was not there.
  empty_run: "schedule",
  // A Job that ended OK while every write failed, then published (hollow-batch-runs.ts): what its
  // readers serve (nothing) is that run's result, not errors of theirs.
  hollow_batch_run: "schedule",
  // A datastore's primary switched (datastore-failover.ts): deeper than its clients' errors.
  datastore_failover: "failover",
  // A message broker's resource alarm blocking its publishers (broker-alarm.ts): a resource at
  // its limit, deeper than the publish timeouts of its clients.
  broker_alarm: "limits",
  // A Kafka cluster's partitions without a leader or their min ISR (kafka-partitions.ts): deeper than
  // its producers' refused and expired sends.
  kafka_partitions: "unavailable",
  // A read replica behind its primary (replica-lag.ts): stale reads, deeper than its clients' words.
  replica_lag: "replication",
  // A consumer stuck on one message commits nothing (consumer-stall.ts): the poison, deeper than its lag.
  consumer_stalled: "poison",
  // A consumer running at a throughput ceiling below its topic's production (metric-consumer-ceiling.ts):
  // its capacity, deeper than the lag warnings it logs.
  consumer_outpaced: "capacity",
  // The database's own count of deadlocks and lock waits (datastore-locks.ts).
  datastore_locks: "locks",
  // A migration's DDL holding or queued for a table's strong lock (migration-lock.ts).
  migration_lock: "locks",
  // The session holding the rows others wait and deadlock on (log-lock-holder.ts).
  lock_holder: "locks",
  pod_evicted: "eviction",
  evicted: "eviction",
  eviction: "eviction",
  evictions: "eviction",
  rollout_stuck: "outcome",
  replicas_unavailable: "outcome",
  restarts: "context",
  similar_incident: "context",
  query_incomplete: "context",
  related_alert: "context",
}

/**
 * Names that do not resolve, in lower case: the resolver's and the clients' words (a lookup that
 * timed out is DNS failing, before it reads as a plain timeout). Also what makes the eks agent
 * read the cluster DNS (cluster-dns.ts).
 */
export const namesNotResolving =
  /no such host|nxdomain|\benotfound|eai_again|name resolution|could not resolve host|unknownhostexception|name or service not known|lookup [\w.-]+(?: on [\d.:[\]a-f]+)?: (?:i\/o timeout|no such host|server misbehaving|read udp)|plugin\/errors|dns (?:lookup|resolution|query) (?:failed|timed out|timeout)/

/** Memory that only grows, in lower case: a metric's "memory … climbing steadily …, a leak's shape", "memory leak". */
export const memoryLeakWords =
  /\bmemory\b[^\n]{0,120}\bclimbing steadily\b[^\n]*\ba leak's shape|\bmemory leak/

/** A request refused for its rate, in lower case: an API's 429 (not a CPU being throttled). */
export const rateLimitedWords = /\b429\b|too many requests|rate.?limit(?:ed|ing|s)?(?![a-z])/

/** Free-text modes, first match wins (the deeper failure before its surface). */
// A pattern, or a predicate when words alone cannot tell (dependency-validation.ts).
const byText: ReadonlyArray<readonly [Mode, { readonly test: (text: string) => boolean }]> = [
  // The kubelet's words for an eviction ("The node was low on resource: ephemeral-storage"), not
  // a cache's ("LRU eviction"); an evicted pod's last state may read like an OOM (exit 137).
  [
    "eviction",
    /eviction manager|evictionthresholdmet|taintmanagereviction|low on resource|the node had condition|\bpods? (?:[\w/.-]+ ){0,3}evicted\b|\bevicted pods?\b|\breason:? ?"?evicted\b/,
  ],
  // A node's own kernel network limit (conntrack table full, neighbour table overflow, out of
  // socket memory): before "out of memory", which the kernel's "TCP: out of memory" is not.
  ["limits", nodeNetworkLimitWords],
  // A node's VPC CNI with no IP for a pod (its subnet out of addresses, EC2's
  // `InsufficientFreeAddressesInSubnet`): pods cannot be created, before any "limit" word.
  ["create", podIpShortageWords],
  // Redis' "OOM command not allowed when used memory > 'maxmemory'" is a full cache refusing
  // writes, not a process killed for memory.
  [
    "oom",
    /oomkill|out of memory|outofmemory|heap limit|memory limit|exit code 137|\boom\b(?! command not allowed)/,
  ],
  // Memory climbing in a straight line with no load behind it (a Prometheus scan's "memory use …
  // climbing steadily …, a leak's shape", a log's "memory leak"): the OOM kill before it happens,
  // not "errors". Threads or connections climbing are their own limits.
  ["oom", memoryLeakWords],
  // A secret a task could not fetch (secret-fetch-failure.ts): before the image pull its ECS words
  // sit beside ("unable to pull secrets or registry auth") and the DNS or auth its exceptions resemble.
  ["config", secretFetchFailed],
  [
    "image",
    /imagepullbackoff|errimagepull|cannotpullcontainererror|pull access denied|manifest unknown|failed to (?:pull|resolve)(?: and unpack)? (?:image|reference)|pullimage from image service failed/,
  ],
  [
    "config",
    // Python's `KeyError: 'STRIPE_WEBHOOK_SECRET'` from `os.environ[…]`: a variable the deploy lost.
    /createcontainerconfigerror|secret "?[\w.-]+"? not found|configmap "?[\w.-]+"? not found|missing (?:required )?env(?:ironment)? var(?:iable)?|environment variable "?[\w.-]+"? (?:is )?(?:not set|missing|required|undefined)|keyerror: '[a-z0-9_]*_(?:secret|key|token|url|uri|host|port|password|dsn|region|bucket|arn|endpoint)'|os\.environ\[/,
  ],
  // Transactions waiting on each other: a migration's new lock order, a hot row.
  [
    "locks",
    /deadlock|lock wait timeout|could not obtain lock|lock timeout|\b1213\b.*deadlock|serialization failure|still waiting for \w*lock|locknotavailable/,
  ],
  ["scheduling", /failedscheduling|insufficient (?:cpu|memory)|max node group size/],
  // A certificate that expired, fails verification or could not be renewed (an ingress
  // controller's, cert-manager's or a client's words) — not a TLS handshake that timed out.
  [
    "certificate",
    // And a client certificate the peer refused (client-certificate.ts): "certificate_expired".
    new RegExp(
      String.raw`certificate (?:has )?expired|cert_has_expired|err_cert_|certificate[ _]verify[ _]failed|x509: |unable to verify the first certificate|self.signed certificate|(?:ssl|tls) certificate (?:is )?(?:expired|invalid|not yet valid|revoked)|tls: (?:bad certificate|unknown certificate authority|unknown certificate|certificate required|expired certificate)|certificateexpiredexception|pkix path (?:building|validation) failed|urn:ietf:params:acme:error|acme[\s\S]{0,120}(?:ratelimited|rate limit)|${clientCertificateRefused.source}`,
    ),
  ],
  ["dns", namesNotResolving],
  // A database replica behind its primary, in its readers' words ("reader lag 1096s exceeds soft
  // limit 30s", "Seconds_Behind_Master: 900"): before "limit" reads as a resource limit. Not a
  // Kafka consumer's lag, which is a backlog.
  [
    "replication",
    /\breplica(?:tion)?[ _]lag\b|\breplica_lag|\breader lag\b|\bstandby (?:lag|is behind)|seconds[ _]behind[ _](?:master|source|primary)|replica (?:is )?(?:\d+\s*(?:s|ms|seconds?|minutes?) )?behind/,
  ],
  // A dependency refusing the call as invalid (dependency-validation.ts): its 422 is the status
  // the line states, whatever words its JSON body carries ("extra_forbidden" is pydantic's type).
  ["errors", { test: isDependencyValidation }],
  // Credentials refused: a provider's 401/403, a rotated key, a database refusing the login. The
  // words stand alone: `extra_forbidden`, `unauthorized_client` are identifiers, not a refusal.
  [
    "auth",
    /\b401\b|\bunauthori[sz]ed\b|\b403\b|\bforbidden\b|authentication (?:failed|failure|error|required)|failed to authenticate|\bauthenticate\b|invalid (?:api[ _-]?)?(?:key|token|credentials?)|(?:api[ _-]?key|token|credentials?) (?:is )?(?:invalid|expired|revoked)|access denied for user|permission denied|\baccessdenied(?:exception)?\b|not authorized to perform/,
  ],
  // A volume that cannot be mounted, or one that is full: a database that cannot write its WAL
  // ("No space left on device", ENOSPC) stops, whatever its exit code says.
  [
    "volume",
    /failedattachvolume|failedmount|multi-attach|unable to attach or mount|timed out waiting for the condition.*volume|no space left on device|\benospc\b|\bdisk (?:is )?full\b/,
  ],
  ["node", /notready|node not ready|(?:memory|disk|pid)pressure/],
  // A process at one of its own limits: file descriptors, a thread or executor pool, its CPU
  // limit (CFS throttling), a managed service's capacity or rate it was sold (DynamoDB's
  // ProvisionedThroughputExceeded, S3's SlowDown; a provider's 429), a Redis at its maxmemory —
  // deeper than the timeouts and 503s they cause.
  [
    "limits",
    /too many open files|\bemfile\b|file descriptors?|\bulimit\b|rejectedexecution|taskrejected|thread pool|(?:executor|worker) (?:pool|queue)(?: is)? (?:full|exhausted|saturated)|cpu throttl|cfs.throttl|throttled periods|provisionedthroughputexceeded|throughput exceeds the current capacity|throttlingexception|rate exceeded|requestlimitexceeded|toomanyrequestsexception|\bslowdown\b|oom command not allowed|redis memory at maxmemory|\b429\b|too many requests|rate.?limit(?:ed|ing|s)?\b|max\.poll\.interval|poll timeout has expired|commitfailedexception|kicked out of the group/,
  ],
  ["probe", new RegExp(`(?:readiness|liveness|startup) probe|${healthCheckFailed.source}`, "i")],
  // What users see of a workload, before a log's "unavailable" reads as a dependency's.
  ["outcome", /ready replica|replicas? (?:un)?available|minimumreplicasunavailable|\bavailability\b/],
  [
    "connections",
    /connection slots|too many (?:connections|clients)|connection pool|pool (?:is )?(?:probably )?(?:exhausted|full)|max_connections|acquiring a connection|connection is not available|queuepool limit|pool limit of|timeout waiting for (?:a )?(?:connection|idle object)|could not (?:acquire|get) (?:a )?connection/,
  ],
  // The pool's kin in other stacks' words: pgbouncer's max_client_conn refusal, node-postgres'
  // pool wait, a Go or pgx pool acquire that ran out of time, a pool full with callers waiting.
  [
    "connections",
    /no more connections allowed|timeout exceeded when trying to connect|failed to acquire (?:a )?connection|(?:connection )?pool full with requests waiting/,
  ],
  // "timeout 5000ms" / "timeout=30s" is a setting a line reports, not a timeout that happened.
  ["timeout", /timed out|timeout(?![ \t]*[=:]?[ \t]*(?:\d|<n>))|deadline exceeded|etimedout|\b504\b/],
  ["unavailable", /econnrefused|connection refused|unavailable|unreachable|no healthy upstream|\b503\b/],
  [
    "outcome",
    /availab|ready replica|replicas|endpoint|error.?rate|latency|\bslow\b|\bp9\d\b|\bslo\b|saturat|traffic|request rate|throughput|\brps\b|cpu|consumer lag|replication lag|\bbacklog\b/,
  ],
]

export const kindAndText = (f: Finding): string =>
  `${f.kind}\n${f.title}\n${f.detail}\n${f.excerpt ?? ""}`.toLowerCase()

// Pod failure kinds whose title may say the pods were in fact evicted (the cluster's own word).
const podFailureKinds = new Set(["oom_killed", "crash_loop", "failed_create"])
const evictedTitle = /\bevict(?:ed|ion|ions)\b/i

/** The mode a finding's words describe, whatever its kind or severity (context is matched by it). */
export const textMode = (f: Finding): Mode => {
  if (podFailureKinds.has(f.kind) && evictedTitle.test(f.title)) return "eviction"
  const known = byKind[f.kind]
  if (known !== undefined && known !== "context") return known
  const text = kindAndText(f)
  return byText.find(([, pattern]) => pattern.test(text))?.[0] ?? "errors"
}

/** A finding's role in a chain: a change, context (never a cause alone), or a failure mode. */
export const modeOf = (f: Finding): Mode => {
  if (isChange(f)) return "change"
  if (f.severity === "info" || byKind[f.kind] === "context") return "context"
  return textMode(f)
}

/** Modes that are the workload's own failure, as opposed to what users see of it. */
export const isRootMode = (m: Mode): boolean => m !== "outcome" && m !== "change" && m !== "context"

/** Modes a failing dependency or node can explain (a caller's timeouts); not OOM, a bad image, … */
const explainableModes: ReadonlySet<Mode> = new Set([
  "dns",
  "probe",
  "crash",
  "connections",
  "timeout",
  "unavailable",
  "errors",
  "outcome",
])
export const isExplainable = (m: Mode): boolean => explainableModes.has(m)

/**
 * The workload's own hard failures — the cluster killed, could not start or evicted its
 * containers — as opposed to what its error lines say about others.
 */
const hardModes: ReadonlySet<Mode> = new Set(["oom", "crash", "image", "config", "eviction", "volume"])
export const isHardMode = (m: Mode): boolean => hardModes.has(m)

/** The modes whose evidence names the dependency it failed on. */
export const isDependencyMode = (m: Mode): boolean =>
  m === "connections" ||
  m === "timeout" ||
  m === "unavailable" ||
  m === "errors" ||
  m === "auth" ||
  m === "dns"
