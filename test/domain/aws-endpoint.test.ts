/**
 * The AWS resource an endpoint names (aws-endpoint.ts): ElastiCache primary, configuration and
 * node endpoints (cluster mode or not), RDS instances and Aurora writer/reader endpoints, MSK
 * brokers — one name per resource; any other host is not read as one.
 */
import { describe, expect, it } from "@effect/vitest"
import { awsResourceOfHost } from "../../src/domain/aws-endpoint.js"

describe("awsResourceOfHost", () => {
  it.each([
    ["master.catalog-cache.x7kq2p.use1.cache.amazonaws.com", "catalog-cache"],
    ["replica.catalog-cache.x7kq2p.use1.cache.amazonaws.com", "catalog-cache"],
    ["catalog-cache-001.x7kq2p.0001.use1.cache.amazonaws.com:6379", "catalog-cache"],
    ["clustercfg.sessions.abc123.euw1.cache.amazonaws.com", "sessions"],
    ["sessions-0001-002.abc123.0001.euw1.cache.amazonaws.com", "sessions"],
    ["orders-db.cx8r2k.eu-west-1.rds.amazonaws.com", "orders-db"],
    ["identity-db.cluster-ro-cq81k2x7w9de.eu-west-2.rds.amazonaws.com", "identity-db"],
    ["ledger.cluster-c8x2k1m9.eu-central-1.rds.amazonaws.com", "ledger"],
    ["b-1.orders.ab12cd.c2.kafka.eu-west-1.amazonaws.com", "orders"],
  ])("%s → %s", (host, name) => {
    expect(awsResourceOfHost(host)).toBe(name)
  })

  it.each([
    "sqs.us-east-1.amazonaws.com",
    "redis-sessions-master.sessions.svc.cluster.local",
    "10.4.0.1",
    "cache.amazonaws.com.evil.example",
  ])("%s is not a resource endpoint", (host) => {
    expect(awsResourceOfHost(host)).toBeNull()
  })
})
