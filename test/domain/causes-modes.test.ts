/**
 * The vocabulary under cause inference: which failure mode a finding is evidence of (by kind,
 * then by its words for logs and metrics), the class words a cause uses for it (only those the
 * evidence supports), and the dependency names an error line points at.
 */
import { describe, expect, it } from "vitest"
import { modeLabel } from "../../src/domain/causes-labels.js"
import { type Mode, modeOf } from "../../src/domain/causes-modes.js"
import { dependencyNamesIn } from "../../src/domain/causes-names.js"
import type { Severity } from "../../src/domain/severity.js"
import { finding } from "./build-report-support.js"

const f = (kind: string, title: string, severity: Severity = "high", detail = "") =>
  finding("cloudwatch_logs", { kind, title, severity, detail })

describe("modeOf", () => {
  const cases: ReadonlyArray<readonly [string, string, Severity, Mode]> = [
    ["oom_killed", "payments-api: 2/2 pods OOMKilled", "high", "oom"],
    ["crash_loop", "accounts-api: CrashLoopBackOff (exit 1)", "high", "crash"],
    ["replicas_unavailable", "payments-api: 0/2 replicas ready", "critical", "outcome"],
    ["rollout_stuck", "orders-api: rollout to revision 12 stuck", "high", "outcome"],
    ["hpa_maxed", "storefront: HPA at max 12/12 replicas", "medium", "capacity"],
    // A run that published an empty result: its readers' "0 results" are that run, no 5xx of theirs.
    [
      "hollow_batch_run",
      "listings-reindex run completed but wrote nothing (written=0 failed=48211) and still published",
      "high",
      "schedule",
    ],
    ["autoscaler", "cluster-autoscaler NotTriggerScaleUp", "medium", "scheduling"],
    ["rollout", "payments-api: rollout revision 6 → 7", "info", "change"],
    ["deploy_announcement", "deployed payments-api", "medium", "change"],
    ["similar_incident", "INC-1 payments-api OOMKilled", "medium", "context"],
    ["restarts", "payments-api restarted and recovered", "low", "context"],
    ["log_signature", "INFO settlement worker starting", "info", "context"],
    ["log_signature", "FATAL ERROR: Reached heap limit - JavaScript heap out of memory", "high", "oom"],
    [
      "log_signature",
      "error: remaining connection slots are reserved for non-replication superuser",
      "high",
      "connections",
    ],
    ["log_signature", "error: sorry, too many clients already", "high", "connections"],
    // A process at its own limits, deeper than the probe failures and timeouts it causes.
    ["log_signature", "Error: connect EMFILE 10.0.4.7:443 - Local (undefined:undefined)", "high", "limits"],
    ["log_signature", "ERROR accept4() failed (24: Too many open files)", "high", "limits"],
    [
      "log_signature",
      "TaskRejectedException: Executor [carrierRateExecutor] did not accept task (RejectedExecutionException)",
      "high",
      "limits",
    ],
    [
      "metric_anomaly",
      "checkout-api CPU throttling: container_cpu_cfs_throttled_periods_total",
      "high",
      "limits",
    ],
    // A timeout setting the line reports is not a timeout that happened; a slow call is latency.
    ["log_signature", "ERROR upstream request timeout after 30s", "high", "timeout"],
    ["log_signature", "ERROR search failed: status 500 (timeout 5000ms, shards 12/12)", "high", "errors"],
    ["log_signature", "WARN slow upstream call took <n>ms (timeout <n>ms)", "low", "outcome"],
    [
      "log_signature",
      "KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full",
      "high",
      "connections",
    ],
    [
      "log_signature",
      "HikariPool-1 - Connection is not available, request timed out after 30000ms",
      "high",
      "connections",
    ],
    ["log_signature", "ERROR upstream inventory-api timed out after 5000ms", "high", "timeout"],
    [
      "log_signature",
      "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
      "high",
      "timeout",
    ],
    ["log_signature", "ERROR upstream payments-api unavailable: connect ECONNREFUSED", "high", "unavailable"],
    ["log_signature", "Readiness probe failed: HTTP probe failed with statuscode: 503", "medium", "probe"],
    ["log_signature", "ERROR POST /v1/orders 500", "high", "errors"],
    [
      "log_signature",
      'E0118 07:05:41 backend_ssl.go:61] "SSL certificate expired" host="status-api.example.net"',
      "high",
      "certificate",
    ],
    ["log_signature", "Error: certificate has expired (CERT_HAS_EXPIRED)", "high", "certificate"],
    ["log_signature", "x509: certificate signed by unknown authority", "high", "certificate"],
    [
      "log_signature",
      "Failed to create Order: 429 urn:ietf:params:acme:error:rateLimited",
      "high",
      "certificate",
    ],
    ["log_signature", "ERROR sms send failed (status 401, code 20003, error: Authenticate)", "high", "auth"],
    ["log_signature", "ERROR upstream rejected the request: 403 Forbidden", "high", "auth"],
    ["log_signature", 'FATAL: password authentication failed for user "app"', "high", "auth"],
    [
      "log_signature",
      'ERROR readyz: Get "https://api.skylink-gds.com/v3/health": dial tcp: lookup api.skylink-gds.com on 172.20.0.10:53: read udp 10.0.3.4:41234->172.20.0.10:53: i/o timeout',
      "high",
      "dns",
    ],
    ["log_signature", "Error: getaddrinfo ENOTFOUND stock-ledger.internal", "high", "dns"],
    [
      "log_signature",
      "[ERROR] plugin/errors: 2 api.skylink-gds.com. A: read udp 10.0.9.7:53->8.8.8.8:53: i/o timeout",
      "high",
      "dns",
    ],
    [
      "log_signature",
      "SQLException: Deadlock found when trying to get lock; try restarting transaction",
      "high",
      "locks",
    ],
    ["log_signature", "ERROR Lock wait timeout exceeded; try restarting transaction", "high", "locks"],
    [
      "log_signature",
      "ConfigError: Missing required environment variable STRIPE_WEBHOOK_SECRET",
      "high",
      "config",
    ],
    // Redis refusing writes at maxmemory is not a process killed for memory: it is a cache at its limit.
    [
      "log_signature",
      "ERROR failed to persist cart (error: OOM command not allowed when used memory > 'maxmemory'.)",
      "high",
      "limits",
    ],
    // A client refused by the server's CA check, and Java's own word for an expired certificate.
    [
      "log_signature",
      'ERROR ledger post failed: Post "https://ledger-api:8443/v1/entries": remote error: tls: unknown certificate authority',
      "high",
      "certificate",
    ],
    [
      "log_signature",
      "javax.net.ssl.SSLHandshakeException: CertificateExpiredException: NotAfter",
      "high",
      "certificate",
    ],
    // A consumer slower than its poll interval, and a provider's 429: limits, deeper than their errors.
    [
      "container_logs",
      "consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms",
      "high",
      "limits",
    ],
    ["log_signature", "ERROR send sms failed (status 429) Too Many Requests", "high", "limits"],
    ["metric_anomaly", "redis-sessions-master: Redis memory at maxmemory (100%)", "high", "limits"],
    // A handshake that timed out is a timeout, not a certificate problem.
    ["log_signature", "net/http: TLS handshake timeout", "high", "timeout"],
    ["metric_anomaly", "checkout-web p99 latency 4.2s", "high", "outcome"],
    ["metric_anomaly", "storefront request rate 4.1× baseline", "high", "outcome"],
  ]
  it.each(cases)("%s %j (%s) → %s", (kind, title, severity, mode) => {
    expect(modeOf(f(kind, title, severity))).toBe(mode)
  })
})

describe("modeLabel: the class words the evidence supports, canonical first", () => {
  const cases: ReadonlyArray<readonly [Mode, ReadonlyArray<readonly [string, string]>, string]> = [
    ["limits", [["log_signature", "Error: getaddrinfo EMFILE media-origin"]], "too many open files (EMFILE)"],
    [
      "schedule",
      [
        [
          "hollow_batch_run",
          "export run completed but wrote nothing (written=0 failed=912) and still published",
        ],
      ],
      "batch run reported success while every write failed, then published its empty result",
    ],
    [
      "certificate",
      [
        [
          "log_signature",
          "upstream connect error: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED",
        ],
      ],
      "TLS certificate rejected",
    ],
    [
      "auth",
      [
        [
          "log_signature",
          "upload failed: An error occurred (AccessDenied) when calling the PutObject operation",
        ],
      ],
      "AccessDenied (IAM permission missing from the role's policy)",
    ],
    [
      "auth",
      [
        [
          "log_signature",
          "User: arn:aws:sts::123456789012:assumed-role/eks-prod-ng-general-NodeInstanceRole/i-0a7c3e9f1b2d4e6f8 is not authorized to perform: s3:PutObject",
        ],
      ],
      "AccessDenied as the node's instance role: the pod's IAM role for its service account (IRSA) is not applied (AccessDenied (IAM permission missing from the role's policy))",
    ],
    [
      "config",
      [
        [
          "log_signature",
          "[ERROR] KeyError: 'STRIPE_WEBHOOK_SECRET' Traceback … os.environ[\"STRIPE_WEBHOOK_SECRET\"]",
        ],
      ],
      "missing environment variable",
    ],
    [
      "unavailable",
      [["log_signature", "ERROR GET /v1/search 503 - OpenSearchStatusException: all shards failed"]],
      "search cluster red (all shards failed) (unavailable)",
    ],
    [
      "oom",
      [["log_signature", "java.lang.OutOfMemoryError: GC overhead limit exceeded"]],
      "out of memory (GC overhead limit exceeded)",
    ],
    [
      "oom",
      [
        [
          "log_signature",
          "java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory",
        ],
      ],
      "unable to create native thread (too many threads) (out of memory)",
    ],
    [
      "create",
      [
        [
          "sandbox_failed",
          "orders-api: FailedCreatePodSandBox on 3 pods — aws-cni: InsufficientFreeAddressesInSubnet",
        ],
      ],
      "no free IP addresses for new pods (FailedCreatePodSandBox: subnet IP exhaustion)",
    ],
    [
      "locks",
      [
        [
          "log_signature",
          "LOG:  process 28841 still waiting for AccessExclusiveLock on relation 16842 of database 16401 after 1000.043 ms",
        ],
      ],
      "lock queue (waiting for AccessExclusiveLock)",
    ],
    [
      "certificate",
      [["log_signature", "failed to connect: x509: certificate signed by unknown authority"]],
      "certificate signed by an unknown authority (CA not trusted) (TLS certificate rejected)",
    ],
    [
      "limits",
      [["log_signature", 'GET /v1/profiles failed {"errorType":"ProvisionedThroughputExceededException"}']],
      "throttled: provisioned throughput exceeded (capacity used up)",
    ],
    [
      "limits",
      [["log_signature", "PUT s3://exports/part-0001 failed: SlowDown: Please reduce your request rate."]],
      "throttled by the provider (rate exceeded)",
    ],
    [
      "auth",
      [["log_signature", 'FATAL: password authentication failed for user "ledger_app" (SQLSTATE 28P01)']],
      "password authentication failed",
    ],
    [
      "auth",
      [["log_signature", "WARN invalid bearer token (status 401, error: token used before issued)"]],
      "token used before issued (clock skew) (401 Unauthorized, authentication failed)",
    ],
    [
      "limits",
      [["metric_anomaly", "checkout-api CPU throttling: container_cpu_cfs_throttled_periods_total"]],
      "CPU throttling",
    ],
    ["oom", [["oom_killed", "payments-api: 2/2 pods OOMKilled"]], "OOMKilled"],
    [
      "oom",
      [
        ["oom_killed", "payments-api: OOMKilled"],
        ["log_signature", "JavaScript heap out of memory"],
      ],
      "OOMKilled (out of memory)",
    ],
    ["oom", [["log_signature", "java.lang.OutOfMemoryError: Java heap space"]], "out of memory"],
    [
      "image",
      [["image_pull", "billing-worker: ErrImagePull"]],
      "ImagePullBackOff (ErrImagePull, image pull)",
    ],
    [
      "config",
      [["config_error", 'CreateContainerConfigError: secret "x" not found']],
      "CreateContainerConfigError (missing secret)",
    ],
    [
      "scheduling",
      [["unschedulable", "0/6 nodes are available: 6 Insufficient memory."]],
      "FailedScheduling (Insufficient memory)",
    ],
    ["probe", [["probe_failure", "catalog-api: readiness probe failing"]], "readiness probe failures"],
    ["node", [["node_not_ready", "node ip-1: Unknown (NodeStatusUnknown)"]], "NotReady"],
    ["node", [["node_pressure", "node ip-1: DiskPressure"]], "DiskPressure"],
    [
      "capacity",
      [["hpa_maxed", "storefront: HPA storefront at max 12/12 replicas"]],
      "HPA at maxReplicas (max 12)",
    ],
    [
      "connections",
      [["log_signature", "sorry, too many clients already"]],
      "too many clients (connection exhaustion)",
    ],
    ["timeout", [["log_signature", "context deadline exceeded"]], "timeouts (deadline exceeded)"],
    [
      "auth",
      [["log_signature", "sms send failed (status 401, error: Authenticate)"]],
      "401 Unauthorized (authentication failed)",
    ],
    [
      "image",
      [
        [
          "image_pull",
          "ErrImagePull: failed to authorize: failed to fetch anonymous token: 401 Unauthorized",
        ],
      ],
      "ImagePullBackOff (ErrImagePull, registry 401 Unauthorized, image pull)",
    ],
    [
      "certificate",
      [
        ["log_signature", '"SSL certificate expired" host="status-api.example.net"'],
        ["log_signature", "Failed to create Order: urn:ietf:params:acme:error:rateLimited"],
      ],
      "TLS certificate expired (certificate renewal failed)",
    ],
  ]
  it.each(cases)("%s from %j → %s", (mode, evidence, label) => {
    expect(
      modeLabel(
        mode,
        evidence.map(([kind, title]) => f(kind, title)),
      ),
    ).toBe(label)
  })
})

describe("dependencyNamesIn", () => {
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
    ["ERROR upstream inventory-api timed out after 5000ms", ["inventory-api"]],
    ['carrier rate lookup failed {"upstream": "carrier-rates", "err": "deadline"}', ["carrier-rates"]],
    [
      'connection to server at "orders-db.cxyz.us-east-1.rds.amazonaws.com" (10.0.1.5), port 5432 failed: FATAL: remaining connection slots',
      ["orders-db"],
    ],
    ["FATAL: remaining connection slots are reserved … database orders-db", ["orders-db"]],
    ["GET http://pricing-svc:8080/v1/prices failed", ["pricing-svc"]],
    ["request timed out; upstream timed out; connect ECONNREFUSED 10.0.0.1:8080", []],
    // A public host's generic first label is not the dependency's name.
    ['Get "https://api.skylink-gds.com/v3/health": dial tcp: i/o timeout', []],
    [
      "WARN slow dependency call target=rail-availability-gateway duration_ms=48213",
      ["rail-availability-gateway"],
    ],
    ["ERROR cannot register with target group tg-1", []],
    // Prose after the word is not a name: "Shutdown broker because all log dirs … have failed".
    ["ERROR Shutdown broker because all log dirs in /bitnami/kafka/data have failed", []],
    // API Gateway's execution log: the integration's answer, no dependency called "response".
    ['(b41d2a77) Endpoint response body before transformations: {"statusCode":502}', []],
  ]
  it.each(cases)("%s → %j", (text, names) => {
    expect(dependencyNamesIn(text)).toEqual(names)
  })
})
