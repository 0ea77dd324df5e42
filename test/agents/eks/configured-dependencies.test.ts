/**
 * The hosts a workload's env names as where it connects: URLs' hosts (never their user,
 * password or path), bare host:port lists, only in address-like variables unless the value has
 * a scheme; telemetry endpoints and loopback left out. The finding is info, about the workload.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  configuredDependenciesFinding,
  configuredHosts,
} from "../../../src/agents/eks/configured-dependencies.js"
import { Container } from "../../../src/domain/kubernetes.js"
import { Deployment } from "../../../src/domain/kubernetes-workloads.js"
import { ctx, deployment, workloadNamed } from "./fixtures/objects.js"

const container = (env: ReadonlyArray<{ name: string; value: string }>) =>
  Schema.decodeUnknownSync(Container)({ name: "app", env })

describe("configuredHosts", () => {
  it("reads the host of URLs and host lists, without credentials, each host once", () => {
    const hosts = configuredHosts([
      container([
        {
          name: "SESSION_REDIS_URL",
          value: "redis://:s3cr3t-pass@redis-sessions-master.sessions.svc.cluster.local:6379/0",
        },
        {
          name: "DATABASE_URL",
          value:
            "postgres://app:hunter2@orders-db.cx8r2k.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=require",
        },
        {
          name: "KAFKA_BROKERS",
          value:
            "b-1.orders.kafka.eu-west-1.amazonaws.com:9092,b-2.orders.kafka.eu-west-1.amazonaws.com:9092",
        },
        { name: "PRICING", value: "http://pricing-svc.shop.svc:8080/v2" },
        { name: "CACHE_HOST", value: "redis-sessions-master.sessions.svc.cluster.local" },
        { name: "EVENTS_URL", value: "amqp://user:pw@events-mq.queue.svc" },
        { name: "SEARCH_HOST", value: "search.internal.example" },
      ]),
    ])
    expect(hosts).toEqual([
      { host: "redis-sessions-master.sessions.svc.cluster.local", variable: "SESSION_REDIS_URL", port: 6379 },
      { host: "orders-db.cx8r2k.eu-west-1.rds.amazonaws.com", variable: "DATABASE_URL", port: 5432 },
      { host: "b-1.orders.kafka.eu-west-1.amazonaws.com", variable: "KAFKA_BROKERS", port: 9092 },
      { host: "b-2.orders.kafka.eu-west-1.amazonaws.com", variable: "KAFKA_BROKERS", port: 9092 },
      { host: "pricing-svc.shop.svc", variable: "PRICING", port: 8080 },
      // no port in the URL: its scheme's; a bare host without one: unknown
      { host: "events-mq.queue.svc", variable: "EVENTS_URL", port: 5672 },
      { host: "search.internal.example", variable: "SEARCH_HOST", port: null },
    ])
    expect(JSON.stringify(hosts)).not.toMatch(/s3cr3t|hunter2|sslmode/)
  })

  it("leaves out values that are not addresses, telemetry endpoints and loopback", () => {
    expect(
      configuredHosts([
        container([
          { name: "LOG_LEVEL", value: "info" },
          { name: "JAVA_OPTS", value: "-Xmx2g -Dfile.encoding=UTF-8" },
          { name: "FEATURE_HOST_CHECK", value: "true" },
          { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://otel-collector.observability.svc:4317" },
          { name: "SENTRY_DSN", value: "https://abc123@o42.ingest.sentry.io/77" },
          { name: "DB_HOST", value: "localhost" },
          { name: "APP_VERSION", value: "5.17.0" },
        ]),
      ]),
    ).toEqual([])
  })
})

describe("configuredDependenciesFinding", () => {
  const withEnv = (inScope: boolean) => {
    const base = workloadNamed({ deployments: [deployment({ name: "account-web" })] }, "account-web", inScope)
    const d = Schema.decodeUnknownSync(Deployment)({
      metadata: { name: "account-web", namespace: "shop", uid: "uid-account-web" },
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              {
                name: "web",
                env: [
                  { name: "SESSION_REDIS_URL", value: "redis://redis-sessions-master.sessions.svc:6379/0" },
                ],
              },
            ],
          },
        },
      },
    })
    return { ...base, deployment: d }
  }

  it("an info finding about the alerting workload naming each host and its variable", () => {
    const f = configuredDependenciesFinding(withEnv(true), ctx)
    expect(f).toMatchObject({
      kind: "configured_dependencies",
      severity: "info",
      resource: "deployment/shop/account-web",
      service: "account-web",
      title: "account-web is configured to reach redis-sessions-master.sessions.svc (SESSION_REDIS_URL)",
    })
  })

  it("nothing for a workload the alert does not name, or one whose env names nowhere", () => {
    expect(configuredDependenciesFinding(withEnv(false), ctx)).toBeNull()
    const bare = workloadNamed({ deployments: [deployment({ name: "api" })] }, "api")
    expect(configuredDependenciesFinding(bare, ctx)).toBeNull()
  })
})
