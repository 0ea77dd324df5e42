/**
 * A datastore's failover in the providers' and engines' words: RDS/Aurora events (as an
 * EventBridge event reads as text), ElastiCache/MemoryDB notifications, a Redis engine's
 * promotion, Sentinel's +switch-master, Patroni, MongoDB — with the datastore and who was
 * promoted. Not: maintenance announced for later, a runbook question, a replica's lost link
 * alone, an ordinary restart; the clients' words that make the question worth asking.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  clusterOfNode,
  failoverEventOf,
  failoverFindingsOfLines,
  switchSymptomWords,
} from "../../src/domain/datastore-failover.js"

describe("failoverEventOf", () => {
  it.each([
    [
      "RDS DB Cluster Event: A failover for the DB cluster has begun. (ledger-aurora-eu)",
      {},
      { datastore: "ledger-aurora-eu", engine: "Aurora", phase: "started" },
    ],
    [
      "RDS DB Cluster Event: Completed failover to DB instance: ledger-aurora-eu-b (ledger-aurora-eu)",
      {},
      { datastore: "ledger-aurora-eu", engine: "Aurora", phase: "completed", promoted: "ledger-aurora-eu-b" },
    ],
    [
      "RDS DB Instance Event: Multi-AZ instance failover completed. (billing-mysql-prod)",
      {},
      { datastore: "billing-mysql-prod", engine: "RDS", phase: "completed" },
    ],
    [
      "RDS DB Instance Event: The RDS Multi-AZ primary instance is busy and unresponsive. (orders-pg)",
      {},
      { datastore: "orders-pg", engine: "RDS", phase: "started" },
    ],
    [
      "ElastiCache ReplicationGroup *basket-cache*: `ElastiCache:FailoverComplete` — basket-cache-0002 is now the primary",
      {},
      { datastore: "basket-cache", engine: "ElastiCache", phase: "completed", promoted: "basket-cache-0002" },
    ],
    [
      "Failover from master quotes-redis-001 to replica quotes-redis-003 completed",
      {},
      {
        datastore: "quotes-redis",
        phase: "completed",
        demoted: "quotes-redis-001",
        promoted: "quotes-redis-003",
      },
    ],
    [
      "MemoryDB cluster ratings-mdb: Failover completed for shard 0002",
      {},
      { datastore: "ratings-mdb", engine: "MemoryDB", phase: "completed" },
    ],
    [
      "1:M 02 Feb 2027 04:10:11.901 * MASTER MODE enabled (user request from 'id=7 addr=10.1.1.1:5000')",
      { group: "/aws/elasticache/geo-cache/engine-log", stream: "geo-cache-002" },
      { datastore: "geo-cache", engine: "ElastiCache", phase: "completed", promoted: "geo-cache-002" },
    ],
    [
      "1:X 02 Feb 2027 04:10:11.901 # +switch-master inventory-master 10.4.0.11 6379 10.4.0.12 6379",
      {},
      { datastore: "inventory-master", engine: "Redis", phase: "completed", promoted: "10.4.0.12 6379" },
    ],
    [
      "2027-02-02 04:10:11,901 INFO: promoted self to leader by acquiring session lock",
      { group: "/ecs/patroni", stream: "pg-ledger-1" },
      { engine: "PostgreSQL", phase: "completed", promoted: "pg-ledger-1" },
    ],
  ])("%s", (text, origin, expected) => {
    expect(failoverEventOf(text, origin)).toMatchObject(expected)
  })

  // AWS Chatbot / SNS relays put the resource before the event id, after a header that names
  // the event's kind ("DB Cluster Event") — the header is no datastore.
  it.each([
    [
      "Amazon RDS | DB Cluster Event | eu-west-2 | pantry-orders: RDS-EVENT-0070 A failover for the DB cluster has begun.",
      { datastore: "pantry-orders", engine: "Aurora", phase: "started" },
    ],
    [
      "Amazon RDS | DB Cluster Event | us-east-1 | kiln-ledger: RDS-EVENT-0071 Completed failover to DB instance: kiln-ledger-instance-3",
      { datastore: "kiln-ledger", engine: "Aurora", phase: "completed", promoted: "kiln-ledger-instance-3" },
    ],
    [
      "RDS Notification | DB Instance Event | eu-central-1 | *tally-mysql*: RDS-EVENT-0049 Multi-AZ instance failover completed.",
      { datastore: "tally-mysql", engine: "RDS", phase: "completed" },
    ],
  ])("a relay's header: %s", (text, expected) => {
    expect(failoverEventOf(text)).toMatchObject(expected)
  })

  it("a relay's header alone names no datastore", () => {
    expect(
      failoverEventOf("Amazon RDS | DB Cluster Event | A failover for the DB cluster has begun."),
    ).toBeNull()
  })

  it.each([
    "Amazon RDS | DB Cluster Event | eu-west-2 | pantry-orders: RDS-EVENT-0155 pending maintenance (failover) scheduled for Mar 12 04:00 UTC",
    "Amazon RDS | DB Instance Event | eu-west-2 | pantry-orders-instance-1: RDS-EVENT-0006 DB instance restarted",
  ])("a relay's header, not a failover: %s", (text) => {
    expect(failoverEventOf(text)).toBeNull()
  })

  it.each([
    "Reminder: ElastiCache maintenance for sessions-redis tonight 02:00–03:00 UTC, a failover may happen",
    "RDS-EVENT-0155 pending maintenance action (system-update) scheduled for Mar 12 04:00 UTC",
    "do you have a runbook for redis failover?",
    "1:S 09 Mar 2027 21:14:49.118 * Connection with master lost.",
    "RDS DB Instance Event: DB instance restarted (orders-pg-instance-1)",
    "INFO payment routed to backup provider after retries",
  ])("not a failover: %s", (text) => {
    expect(failoverEventOf(text, { group: "/aws/events/rds", stream: "x" })).toBeNull()
  })
})

describe("clusterOfNode", () => {
  it("drops a node's number, keeps any other name", () => {
    expect(clusterOfNode("cart-sessions-002")).toBe("cart-sessions")
    expect(clusterOfNode("cart-sessions-0001-002")).toBe("cart-sessions")
    expect(clusterOfNode("orders-db-v2")).toBe("orders-db-v2")
  })
})

describe("switchSymptomWords", () => {
  it.each([
    "ReplyError: READONLY You can't write against a read only replica.",
    "ERROR: cannot execute UPDATE in a read-only transaction (SQLSTATE 25006)",
    "The MySQL server is running with the --read-only option so it cannot execute this statement",
    "FATAL: terminating connection due to administrator command",
    "server closed the connection unexpectedly",
    "MongoServerError: not primary",
    "CLUSTERDOWN The cluster is down",
    "MOVED 3999 10.0.0.12:6379",
  ])("a client's words for a switch: %s", (line) => {
    expect(switchSymptomWords.test(line)).toBe(true)
  })

  it.each(["GET /v1/slots 200", "timeout 5000ms exceeded calling pricing", "read-only filesystem"])(
    "not: %s",
    (line) => {
      expect(switchSymptomWords.test(line)).toBe(false)
    },
  )
})

describe("failoverFindingsOfLines", () => {
  const t = (iso: string) => Date.parse(iso)
  it("one finding per datastore: when it began and completed, who was promoted", () => {
    const findings = failoverFindingsOfLines(
      "cloudwatch_logs",
      [
        {
          timestampMs: t("2027-01-05T08:00:03Z"),
          message: "RDS DB Cluster Event: A failover for the DB cluster has begun. (trips-aurora)",
          stream: "e1",
          group: "/aws/events/rds",
        },
        {
          timestampMs: t("2027-01-05T08:01:40Z"),
          message: "RDS DB Cluster Event: Completed failover to DB instance: trips-aurora-2 (trips-aurora)",
          stream: "e2",
          group: "/aws/events/rds",
        },
        {
          timestampMs: t("2027-01-05T08:00:30Z"),
          message: "RDS DB Instance Event: DB instance restarted (trips-aurora-1)",
          stream: "e3",
          group: "/aws/events/rds",
        },
      ],
      () => null,
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      kind: "datastore_failover",
      service: "trips-aurora",
      severity: "high",
      resource: "loggroup//aws/events/rds",
    })
    expect(findings[0]?.title).toBe(
      "trips-aurora: Aurora failover (began 08:00:03 UTC, completed 08:01:40 UTC) — primary trips-aurora-2",
    )
  })

  it("nothing for lines that record no failover", () => {
    expect(
      failoverFindingsOfLines(
        "cloudwatch_logs",
        [
          {
            timestampMs: 0,
            message: "Connection with master lost.",
            stream: "c-002",
            group: "/elasticache/c/engine-log",
          },
        ],
        () => null,
      ),
    ).toEqual([])
  })
})
