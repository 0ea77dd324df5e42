/**
 * The vocabulary of `Finding.kind`: what each agent reports, so the master can correlate
 * findings across agents (a rollout, then OOM kills, then "heap out of memory" in the logs)
 * without parsing prose. Agents use only these kinds; a new kind is added here first.
 * `resource` conventions: `pod/<ns>/<name>`, `deployment/<ns>/<name>`, `statefulset/<ns>/<name>`,
 * `daemonset/<ns>/<name>`, `replicaset/<ns>/<name>`, `hpa/<ns>/<name>`, `node/<name>`,
 * `loggroup/<name>`, `channel/<id>`, `incident/<id>`, `metric/<name>`.
 */

export const findingKinds = {
  // ── Kubernetes (eks) ─────────────────────────────────────────────────────────────────
  /** A container terminated by the OOM killer: terminated.reason OOMKilled (exit 137 alone is any SIGKILL). */
  oom_killed: "eks",
  /** CrashLoopBackOff whose last termination was not an OOM kill (exit codes, errors). */
  crash_loop: "eks",
  /** Error lines from a failing container's previous (or current) logs. */
  container_logs: "eks",
  /** ImagePullBackOff / ErrImagePull: a bad tag, a missing image, registry auth. */
  image_pull: "eks",
  /** CreateContainerConfigError / CreateContainerError: a missing Secret or ConfigMap key. */
  config_error: "eks",
  /** Pending pods with FailedScheduling (resources, affinity, taints, volumes). */
  unschedulable: "eks",
  /** cluster-autoscaler events (NotTriggerScaleUp, scale-up failures, max size reached). */
  autoscaler: "eks",
  /** Readiness/liveness/startup probe failures (`Unhealthy` events). */
  probe_failure: "eks",
  /** A node NotReady or Unknown. */
  node_not_ready: "eks",
  /** Memory/Disk/PID pressure on a node. */
  node_pressure: "eks",
  /**
   * Pods the kubelet evicted (phase Failed, reason Evicted) or terminated for a node shutdown:
   * the node, the resource it was low on (ephemeral-storage, memory, pids) and its pressure
   * condition (DiskPressure/MemoryPressure/PIDPressure) — a node-caused failure, not a crash.
   */
  pod_evicted: "eks",
  /** A volume that will not attach or mount (FailedAttachVolume / FailedMount, Multi-Attach): pods stuck ContainerCreating. */
  volume_mount: "eks",
  /**
   * Pods whose network sandbox cannot be created (FailedCreatePodSandBox): no IP from the CNI
   * (a subnet out of free addresses, a node at its ENI limit) — pods stuck ContainerCreating.
   */
  sandbox_failed: "eks",
  /** A rollout that cannot progress (ProgressDeadlineExceeded, new pods failing). */
  rollout_stuck: "eks",
  /** A workload below its desired replicas / no ready replicas (availability). */
  replicas_unavailable: "eks",
  /** An HPA at its maxReplicas while its metric is above target. */
  hpa_maxed: "eks",
  /** A rollout that moved a probe's path/port/scheme where the app does not answer (probe-changes.ts). */
  probe_changed: "eks",
  /** A schema migration Job that finished just before an in-scope workload's lock errors (migration-jobs.ts): a change. */
  schema_migration: "eks",
  /** The release's schema migration Job failed while its new pods name a missing column or table (migration-failures.ts): a change. */
  migration_failed: "eks",
  /** An HPA reversing itself again and again (SuccessfulRescale up, down, up … in the window). */
  hpa_flapping: "eks",
  /**
   * An HPA that scaled its workload out to twice its replicas or more in the change lookback
   * (SuccessfulRescale 6 → 12 → 24): context (info), which joins the workload's connection
   * exhaustion — N pods × pool size against a database's max_connections.
   */
  hpa_scaled_out: "eks",
  /** A Service whose selector picks none of its workload's pods (a renamed label): no endpoints, callers get 503. */
  service_selector: "eks",
  /** A Service whose targetPort none of its pods listens on (the app moved ports): health checks and callers fail. */
  service_port: "eks",
  /**
   * A workload's replicas cut by half or more in the change lookback, not by an HPA and not as
   * part of a rollout (a Helm value, a GitOps sync, `kubectl scale`): fewer consumers and
   * servers for the same load. A change.
   */
  scaled_down: "eks",
  /** A workload scaled down to zero replicas in the change lookback: nothing serves its callers. */
  scaled_to_zero: "eks",
  /** An HPA that cannot compute replicas (ScalingActive=False: FailedGetResourceMetric, metrics API down). */
  hpa_blind: "eks",
  /**
   * A NetworkPolicy created or changed in the change lookback that restricts an in-scope
   * workload's egress, or the ingress of a host it connects to; the ports its env names that no
   * rule allows. A change that breaks connectivity while every pod looks unchanged.
   */
  network_policy: "eks",
  /** The ingress controller refusing one host's requests at its own limit (413 body, 414/400 headers; ingress-rejections.ts). */
  ingress_rejection: "eks",
  /**
   * A PodDisruptionBudget allowing no disruption over a workload that is below its replicas or
   * runs on cordoned nodes: every eviction of its pods is refused, so drains and node upgrades stall.
   */
  disruption_budget: "eks",
  /**
   * A service mesh's mTLS refusing a caller: the callee's sidecars answer plaintext with
   * filter_chain_not_found (PeerAuthentication STRICT) while the caller has no sidecar.
   */
  mesh_mtls_refused: "eks",
  /**
   * Mesh sidecars rejecting each other's workload certificates (CERTIFICATE_VERIFY_FAILED): the
   * two sides trust different roots, as after a root CA rotation not every proxy has picked up.
   */
  mesh_trust_mismatch: "eks",
  /**
   * A cert-manager Certificate not Ready past its renewal time: expired, or its renewal failing
   * (the ACME Challenge's reason — a DNS-01 solver refused by Route 53 — says why).
   */
  certificate_not_ready: "eks",
  /** FailedCreate on a ReplicaSet/Job/StatefulSet (quota, admission, PSA). */
  failed_create: "eks",
  /**
   * The hosts a workload's env names as where it connects (REDIS_URL, DB_HOST, KAFKA_BROKERS):
   * info, never a failure — it ties a saturated or failing resource to the service using it.
   */
  configured_dependencies: "eks",
  /**
   * The nodes an alerting workload's pods run on, and which pods on each: info, never a failure —
   * it ties a node's own limit (a full conntrack table) to the pods on that node only.
   */
  pod_placement: "eks",
  /** Jobs (a CronJob's runs) that failed: DeadlineExceeded, BackoffLimitExceeded, from their events. */
  job_failed: "eks",
  /** A Job that completed while its log shows every write failed, then published the empty result (hollow-batch-runs.ts). */
  hollow_batch_run: "eks",
  /** A CronJob with spec.suspend true: no scheduled run is created until it is resumed. */
  cronjob_suspended: "eks",
  /**
   * A CronJob skipping its runs because the previous run is still active (concurrencyPolicy
   * Forbid, JobAlreadyActive): the hung run and since when.
   */
  cronjob_blocked: "eks",
  /**
   * A batch run (a CronJob's Job) started shortly before the alert and still running against a
   * host the alerting workload uses (its database): the run competes with the service at that hour.
   */
  batch_overlap: "eks",
  /** Restarts that recovered (context, low). */
  restarts: "eks",
  /** A recent rollout (new revision): image, env, resources diff and time. A change. */
  rollout: "eks",
  /** A recent template change without an image change (env/config/resources). A change. */
  config_change: "eks",
  /** Warning events about one object, read by a model drill-down, whose reason no kind above covers. */
  object_events: "eks",

  // ── CloudWatch Logs ──────────────────────────────────────────────────────────────────
  /** A cluster of similar error lines: the normalised signature, count, first/last seen. */
  log_signature: "cloudwatch_logs",
  /**
   * A producer's change naming a field that a consumer's validation errors name soon after: the
   * rename or schema bump is the cause, the rejections its effect (log-schema-change.ts).
   */
  producer_schema_change: "cloudwatch_logs",
  /**
   * One message a consumer fails on at every delivery (the same message id, a rising receive
   * count): a poison message the queue keeps redelivering (message-redelivery.ts).
   */
  message_redelivered: "cloudwatch_logs",
  /**
   * A Lambda function's invocations ending at its time limit ("Task timed out after N seconds",
   * "Status: timeout"), its retries timing out too: the run never completed (lambda-timeouts.ts).
   */
  lambda_timeout: "cloudwatch_logs",
  /**
   * A Lambda function whose invocations fail before its handler runs (Runtime.ImportModuleError,
   * HandlerNotFound, Extension.Crash, INIT_REPORT Status: error): it cannot start (lambda-init-failures.ts).
   */
  lambda_init_failure: "cloudwatch_logs",
  /**
   * A Lambda function's invocations killed at its memory limit (REPORT "Max Memory Used" equal to
   * "Memory Size", "signal: killed" / Runtime.OutOfMemory): what its callers' failures stand for (log-lambda-memory.ts).
   */
  lambda_memory_limit: "cloudwatch_logs",
  /**
   * An API's 5xx traced to the Lambda it integrates: the function's unhandled exception (its type
   * and message), tied to the gateway's 5xx lines (integration-exceptions.ts).
   */
  integration_exception: "cloudwatch_logs",
  /**
   * An API's 5xx traced to the HTTP service its Lambda calls: the callee answering 5xx ("no healthy
   * upstream"), which the function turns into an error of its own (downstream-http-failure.ts).
   */
  downstream_http_failure: "cloudwatch_logs",
  /**
   * A search cluster's data nodes past the high or flood-stage disk watermark: shards unassigned,
   * indices read-only-allow-delete, writers' bulk requests refused (disk-watermark.ts).
   */
  disk_watermark: "cloudwatch_logs",
  /**
   * A cache at its memory limit in its own engine log (ElastiCache's `/aws/elasticache/<cluster>/…`:
   * maxmemory reached, keys evicted), read for a cache the alert or its service's lines name
   * (cache-memory-sweep.ts).
   */
  cache_memory_full: "cloudwatch_logs",
  /**
   * A service's connections timing out on a port a change closed (a security-group rule revoked,
   * an ACL or route changed) or the VPC flow logs reject (network-path-change.ts).
   */
  network_path_closed: "cloudwatch_logs",
  /**
   * A job (a scheduled function, a batch) whose latest run ended OK having processed nothing
   * ("0 keys for prefix …", "nothing to process") after runs of the same input that processed
   * some: its input moved or stopped arriving (empty-runs.ts).
   */
  empty_run: "cloudwatch_logs",
  /**
   * A workload whose AWS calls were refused for the API's rate or provisioned capacity
   * (ProvisionedThroughputExceededException, ThrottlingException, Rate exceeded), per AWS
   * service and resource (a table, a key), found by a sweep of the cluster's shared groups.
   */
  aws_throttled: "cloudwatch_logs",
  /**
   * A CloudTrail record of a change to a throttled resource's capacity (DynamoDB UpdateTable to
   * provisioned, auto scaling removed, a stream's shards, a function's concurrency), as a change
   * of the workload throttled on it.
   */
  aws_capacity_change: "cloudwatch_logs",
  /**
   * A credential rotated before a service's credentials were refused (a Secrets Manager
   * rotation function's steps, a synced Secret its pods started before): what rotated, when,
   * and the service whose clients still hold the old value. A change.
   */
  credential_rotation: "cloudwatch_logs",
  /**
   * What of ours drove the calls a third party rate-limits (429): a job refused by the same
   * provider (a shared API key) or a bulk batch onto the alert's queue, as a change of the
   * rate-limited service (provider-load.ts).
   */
  provider_load: "cloudwatch_logs",
  /**
   * A workload whose calls a third party (an email, SMS, payment provider, a carrier API) refuses
   * for its rate (429), logged at WARN in a shared group under a name the alert does not give.
   */
  provider_rate_limited: "cloudwatch_logs",
  /** The query did not complete in time; partial results (context). */
  query_incomplete: "cloudwatch_logs",
  /**
   * A node's kernel logged one of its own network limits (conntrack table full, neighbour table
   * overflow, out of socket memory): packets dropped for the pods on that node only.
   */
  node_network_limit: "cloudwatch_logs",
  /**
   * A node's VPC CNI logged that it had no IP address for a pod (its subnet out of free
   * addresses, the node at its ENI limit, its warm pool empty): pods there stay ContainerCreating.
   */
  pod_ip_shortage: "cloudwatch_logs",
  /**
   * The network policy agent's DENY verdicts in the window (policy-verdicts.ts): the flows a
   * NetworkPolicy dropped, by port (53 is DNS to kube-dns, 5432 PostgreSQL).
   */
  policy_denied: "cloudwatch_logs",
  /**
   * CloudTrail's refusals of a role's calls (errorCode AccessDenied / UnauthorizedOperation) that
   * concern the alert: the action, the role, the resource (cloudtrail-access-denied.ts) — a
   * certificate controller that cannot write its DNS-01 record in Route 53, say.
   */
  aws_access_denied: "cloudwatch_logs",
  /**
   * Container Insights' performance records (its `performance` group) with a container or pod at
   * ≥ 90 % of its memory or CPU limit, or a node near its capacity: which workload, pods and share
   * (container-insights-performance.ts) — the OOM kill's approach when no Prometheus scrapes it.
   */
  container_near_limit: "cloudwatch_logs",

  /**
   * A reverse proxy (ingress-nginx, Envoy, a load balancer) answering 504 because the service
   * behind it took longer than the proxy's own timeout ("upstream timed out … while reading
   * response header"): the proxy, its setting and value, the service cut (proxy-timeout.ts).
   */
  proxy_timeout: "cloudwatch_logs",

  /**
   * A datastore's primary switched (an Aurora/RDS Multi-AZ failover, an ElastiCache replica
   * promoted, a Sentinel/Patroni switch): when, which datastore, who was promoted — from the
   * provider's events, the engine's log or an events relay in chat (datastore-failover.ts).
   * Its clients' resets and READONLY / read-only errors are its symptoms.
   */
  datastore_failover: "cloudwatch_logs",

  /**
   * A message broker refusing its publishers because a resource alarm fired (RabbitMQ's memory
   * or disk alarm): which broker, which alarm, when, its memory against the watermark and the
   * queue backlog that filled it (broker-alarm.ts). Its clients' publish timeouts are its symptoms.
   */
  broker_alarm: "prometheus",

  /**
   * A Kafka cluster's partitions offline, under min ISR or under-replicated, with the broker that
   * left and why (kafka-partitions.ts). Its producers' NOT_ENOUGH_REPLICAS / expired sends are its symptoms.
   */
  kafka_partitions: "prometheus",

  /**
   * A database read replica behind its primary by minutes (RDS/Aurora ReplicaLag, Postgres replay
   * lag, MySQL seconds_behind_master, a MongoDB member's lag): reads from it are stale, so users see
   * their writes revert or vanish (replica-lag.ts).
   */
  replica_lag: "prometheus",
  /** A consumer group whose lag grows while its committed offset stays flat (consumer-stall.ts); an SQS queue ageing with its deletes at 0 (metric-queue-backlog.ts). */
  consumer_stalled: "prometheus",
  /** A consumer group whose lag grows while it consumes at a flat rate below its topic's production (metric-consumer-ceiling.ts). */
  consumer_outpaced: "prometheus",
  /** A database's own deadlock and lock-wait counts rising over the window (datastore-locks.ts). */
  datastore_locks: "prometheus",

  /**
   * The client holding most of a full database's connections, rising over the window (by user or
   * application; mapped to its workload and its scale-out): who refused everyone else's
   * connections (connection-holders.ts).
   */
  connection_holder: "prometheus",

  /**
   * A schema migration's DDL (ALTER TABLE, CREATE INDEX without CONCURRENTLY) holding or queued
   * for its table's AccessExclusiveLock in the database's own log, with the sessions queued
   * behind it: the statement, table, lock and queue (migration-lock.ts).
   */
  migration_lock: "cloudwatch_logs",
  /** The session the database's lock waits and deadlocks name as holding the lock, followed to its workload (log-lock-holder.ts). */
  lock_holder: "cloudwatch_logs",

  /**
   * A query scanning a whole table for seconds in the database's own slow-query log (PostgreSQL
   * duration + auto_explain "Seq Scan on", MySQL Rows_examined), with the DROP INDEX before it
   * when the log holds one: what holds a service's pooled connections (log-slow-query.ts).
   */
  slow_query: "cloudwatch_logs",

  /**
   * Evictions the API server refused for a PodDisruptionBudget, from its audit log (429 "Cannot
   * evict pod as it would violate the pod's disruption budget"): the workload, how often, which
   * budget and who was draining — a node drain or nodegroup update that cannot finish.
   */
  eviction_refused: "cloudwatch_logs",

  // ── Chat scanners ────────────────────────────────────────────────────────────────────
  /** A deploy/change announcement in a channel (a change). */
  deploy_announcement: "chat",
  /** Another alert about the same service in the window. */
  related_alert: "chat",

  // ── Others ───────────────────────────────────────────────────────────────────────────
  similar_incident: "incident_history",
  metric_anomaly: "prometheus",
} as const

export type FindingKind = keyof typeof findingKinds

export const isFindingKind = (kind: string): kind is FindingKind => Object.hasOwn(findingKinds, kind)

/** Kinds that describe a change (candidates for "what changed before it broke"). */
export const changeFindingKinds: ReadonlySet<FindingKind> = new Set([
  "rollout",
  "config_change",
  "deploy_announcement",
  "credential_rotation",
])
