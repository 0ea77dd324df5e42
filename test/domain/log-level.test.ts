/**
 * What a log line says about itself: its level (own marker first, then its words), HTTP 5xx,
 * the dependency it blames; and where it came from (Container Insights streams, AWS log-group
 * conventions).
 */
import { describe, expect, it } from "@effect/vitest"
import { dependencyNamed, isServerError, logLevelOf } from "../../src/domain/log-level.js"
import {
  logOrigin,
  parseContainerStream,
  serviceOfGroup,
  subjectOfNodeLine,
  workloadOfPod,
} from "../../src/domain/log-origin.js"

describe("logLevelOf, a failed health check", () => {
  it("a load balancer's or kubelet's health check answered 4xx/5xx is an error line", () => {
    expect(
      logLevelOf(
        '10.30.14.7 - - [03/Sep/2026:09:21:31 +0000] "GET /health HTTP/1.1" 404 0 2ms "-" "ELB-HealthChecker/2.0"',
      ),
    ).toBe("error")
    expect(logLevelOf('10.1.2.3 - - [x] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"')).toBe("info")
  })
})

describe("logLevelOf", () => {
  it.each([
    ["RDS DB Cluster Event: A failover for the DB cluster has begun. (core-aurora-prod)", "warn"],
    ["ECS Task State Change: OutOfMemoryError: Container killed due to memory usage", "fatal"],
    ["FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", "fatal"],
    ["ERROR upstream payments-api unavailable: connect ECONNREFUSED 10.100.12.7:8080", "error"],
    ["2026-11-27T13:07:51Z INFO  settlement worker starting batch_size=5000", "info"],
    ["2026-11-27T13:08:07Z WARN  heap used 498MiB of 512MiB", "warn"],
    ['{"level":"warn","msg":"request failed, retrying"}', "warn"],
    ['level=info msg="connection timeout set to 30s"', "info"],
    ["E1127 13:02:10.123456 1 controller.go:42] sync failed", "error"],
    // MySQL's own levels: a Note is not an error, whatever it says of a timeout
    [
      "2027-03-03T01:11:29.551903Z 58940 [Note] [MY-010914] [Server] Aborted connection 58940 to db: 'accounts' user: 'bi' (Got timeout reading communication packets).",
      "info",
    ],
    [
      "2027-03-03T01:03:40.007211Z 58311 [Warning] [MY-010055] [Server] IP address could not be resolved",
      "warn",
    ],
    // a query queued behind a lock, though PostgreSQL logs it at LOG level
    [
      "2027-03-09 15:58:15 UTC:10.12.33.201(44810):orders_migrator@orders:[31877]:LOG:  process 31877 still waiting for AccessExclusiveLock on relation 16842 of database 16401 after 1000.061 ms",
      "error",
    ],
    // klog with no error word, bare and as a container runtime's JSON line
    [
      'E0118 07:05:41.218337 7 backend_ssl.go:61] "SSL certificate expired" host="status-api.example.net"',
      "error",
    ],
    [
      '{"log":"E0118 07:05:41.218337 7 backend_ssl.go:61] SSL certificate expired","stream":"stderr"}',
      "error",
    ],
    ["W1127 13:02:10.123456 1 reflector.go:9] watch closed", "warn"],
    ["Error: connect ECONNREFUSED 127.0.0.1:5432", "error"],
    ["panic: runtime error: invalid memory address", "fatal"],
    ["Traceback (most recent call last):", "error"],
    ["GET /health 200 3ms", "info"],
    ['10.0.0.1 - - "GET /api HTTP/1.1" 502 12', "error"],
    ["FATAL:  remaining connection slots are reserved for non-replication superuser connections", "fatal"],
  ])("%s → %s", (line, level) => {
    expect(logLevelOf(line)).toBe(level)
  })

  it("tells an HTTP 5xx from other numbers", () => {
    expect(isServerError('"GET /x HTTP/1.1" 503 12')).toBe(true)
    expect(isServerError("status=500 path=/orders")).toBe(true)
    expect(isServerError("503 Service Unavailable")).toBe(true)
    expect(isServerError("loaded 5000 pending settlements, 503 left")).toBe(false)
    expect(isServerError('"GET /x HTTP/1.1" 404 12')).toBe(false)
  })
})

describe("dependencyNamed", () => {
  it.each([
    ["ERROR upstream payments-api unavailable: connect ECONNREFUSED 10.100.12.7:8080", "payments-api"],
    ["upstream connect error or disconnect/reset before headers", null],
    [
      "FATAL: remaining connection slots are reserved for non-replication superuser connections",
      "the database",
    ],
    ["pq: sorry, too many clients already (postgres)", "postgres"],
    ["error connecting to ledger-db.internal:5432", "ledger-db.internal"],
    ["FATAL ERROR: Reached heap limit Allocation failed", null],
    // pgx/libpq: the DSN's host, not the datastore word inside the host name
    [
      "pgxpool acquire failed: failed to connect to `host=core-aurora-prod.cluster-c8pq.us-east-1.rds.amazonaws.com user=app`",
      "core-aurora-prod.cluster-c8pq.us-east-1.rds.amazonaws.com",
    ],
    [
      "WARN slow dependency call target=rail-availability-gateway path=/v2/availability",
      "rail-availability-gateway",
    ],
    ["ERROR cannot register with target group tg-1", null],
    // the DSN's other keys are not a host
    ["failed to connect to `user=ledger_app database=ledger`: password authentication failed", null],
  ])("%s → %s", (line, dependency) => {
    expect(dependencyNamed(line)).toBe(dependency)
  })
})

describe("log origin", () => {
  it("reads pod, namespace and container from Container Insights streams", () => {
    expect(parseContainerStream("payments-api-6c9f7d8b4-q7x2m_payments_api")).toEqual({
      service: "payments-api",
      pod: "payments-api-6c9f7d8b4-q7x2m",
      namespace: "payments",
      container: "api",
    })
    expect(parseContainerStream(`checkout-web-7f6d5c4b3-k1l2m_checkout_web-${"a".repeat(64)}`)).toMatchObject(
      {
        service: "checkout-web",
        container: "web",
      },
    )
    expect(parseContainerStream("search-indexer-0_search_indexer")?.service).toBe("search-indexer")
    // Fluent Bit's Container Insights streams: the node's host name and the tag before the file.
    const hex = "a1276bd88cd221001a0c834ef9cee375cf2c5b0bba35f09d35bceb8b6f09c6d2"
    expect(
      parseContainerStream(
        `ip-10-16-8-33.ec2.internal-application.var.log.containers.orders-api-7c9d8f6b5d-2xkqp_orders_orders-api-${hex}.log`,
      ),
    ).toEqual({
      service: "orders-api",
      pod: "orders-api-7c9d8f6b5d-2xkqp",
      namespace: "orders",
      container: "orders-api",
    })
    expect(parseContainerStream(`kube.var.log.containers.ledger-0_ledger_db-${hex}.log`)?.service).toBe(
      "ledger",
    )
    expect(parseContainerStream(`/var/log/containers/web-6d5c4b3a2f-abcde_shop_web-${hex}.log`)?.pod).toBe(
      "web-6d5c4b3a2f-abcde",
    )
    expect(parseContainerStream("kube-apiserver-audit")).toBeNull()
    expect(parseContainerStream("Bad_Name_x")).toBeNull()
  })

  it("names the service of conventional log groups, and nothing for others", () => {
    expect(serviceOfGroup("/aws/lambda/orders-api")).toBe("orders-api")
    expect(serviceOfGroup("/ecs/orders-api")).toBe("orders-api")
    // `/ecs/<cluster>/<service>`: the service, not the cluster it runs in.
    expect(serviceOfGroup("/ecs/shop-prod/orders-api")).toBe("orders-api")
    expect(serviceOfGroup("/ecs/a/b/c")).toBeNull()
    expect(serviceOfGroup("/aws/rds/instance/orders-db/postgresql")).toBe("orders-db")
    expect(serviceOfGroup("/aws/eks/eks-prod/cluster")).toBeNull()
    expect(logOrigin("/aws/eks/eks-prod/cluster", "kube-apiserver-audit")).toEqual({
      service: null,
      pod: null,
      namespace: null,
      container: null,
    })
    expect(logOrigin("/ecs/orders-api", "ecs/api/0123abcd")).toMatchObject({ service: "orders-api" })
  })

  it("strips pod hashes, with or without the Kubernetes alphabet", () => {
    expect(workloadOfPod("payments-api-6c9f7d8b4-q7x2m")).toBe("payments-api")
    expect(workloadOfPod("checkout-web-7f6d5c4b3-k1l2m")).toBe("checkout-web")
    expect(workloadOfPod("search-indexer-0")).toBe("search-indexer")
  })
})

describe("a Synthetics canary's log group", () => {
  it("is the canary's, by the name its Lambda carries", () => {
    expect(serviceOfGroup("/aws/lambda/cwsyn-patient-portal-home-3f7a9c2e-5b1d-4e8f-a6c0-9d2b4e7f1a38")).toBe(
      "patient-portal-home",
    )
    expect(serviceOfGroup("/aws/lambda/orders-handler")).toBe("orders-handler")
  })
})

describe("subjectOfNodeLine", () => {
  const dataplane = "/aws/containerinsights/eks-fin-prod/dataplane"

  it("a kubelet line in a node group is about the pod or the image it names, not the cluster", () => {
    expect(
      subjectOfNodeLine(
        dataplane,
        'E1215 01:43:21 pod_workers.go:1298] "Error syncing pod, skipping" pod="ledger/payments-api-6c9f7d8b4-q7x2m"',
      ),
    ).toBe("payments-api")
    expect(
      subjectOfNodeLine(
        dataplane,
        'E1215 01:30:02 log.go:32] "PullImage from image service failed" image="482917305611.dkr.ecr.eu-west-1.amazonaws.com/ledger-reconcile:v1.14.2"',
      ),
    ).toBe("ledger-reconcile")
  })

  it("says nothing of another group's lines or a line naming neither", () => {
    expect(subjectOfNodeLine("/ecs/orders-api", 'pod="ledger/x-6c9f7d8b4-q7x2m"')).toBeNull()
    expect(subjectOfNodeLine(dataplane, "I1215 kubelet started")).toBeNull()
  })
})
