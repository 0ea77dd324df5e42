/**
 * The service an AWS alarm is about when it carries no `service` label: from a console link (ECS
 * service, Lambda function, RDS instance), a dimension (ServiceName, FunctionName,
 * DBInstanceIdentifier, TargetGroup, LoadBalancer — label pairs or raw SNS JSON), else — for a
 * CloudWatch alarm — its name minus the metric, threshold, environment and kind words. Generic
 * or generated names never become a service. Properties run fast-check with a fixed, printed seed.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { extractFacts } from "../../src/domain/alert-facts.js"
import {
  dimensionsOf,
  resourceBase,
  serviceInAlarmName,
  serviceInConsoleLinks,
  serviceInDimensions,
} from "../../src/domain/alert-facts-resources.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

/** [case, alert text as posted, the service it must yield (null: none)] */
const table: ReadonlyArray<readonly [string, string, string | null]> = [
  [
    "Chatbot: a target group dimension names the service behind a generic ALB alarm",
    ":rotating_light: *CloudWatch Alarm | prod-alb-5xx | us-east-1*\nThreshold Crossed: 1 out of the last 1 datapoints [75.0] was greater than the threshold (50.0).\nDimensions: TargetGroup = targetgroup/orders-api-tg/6d0ecf831eec9f09, LoadBalancer = app/prod-alb/50dc6c495c0c9188\nState: ALARM",
    "orders-api",
  ],
  [
    "Chatbot: an ECS ServiceName dimension, as written",
    ":rotating_light: *CloudWatch Alarm | ledger-writer-errors | us-east-1*\nDimensions: ServiceName = ledger-writer, ClusterName = shop-ecs\nState: ALARM",
    "ledger-writer",
  ],
  [
    "raw SNS JSON: Trigger.Dimensions as {value, name} objects",
    '{"AlarmName":"checkout-latency-p99","AWSAccountId":"123456789012","NewStateValue":"ALARM","NewStateReason":"Threshold Crossed","Region":"US East (N. Virginia)","OldStateValue":"OK","Trigger":{"MetricName":"Duration","Namespace":"AWS/Lambda","Statistic":"AVERAGE","Dimensions":[{"value":"checkout-fn","name":"FunctionName"}],"Period":60,"Threshold":3000.0}}',
    "checkout-fn",
  ],
  [
    "SNS e-mail: an ECS console link names the service of a metric-only alarm",
    'ALARM: "HighCPU" in US East (N. Virginia)\nView this alarm in the AWS Management Console:\nhttps://us-east-1.console.aws.amazon.com/ecs/v2/clusters/shop/services/cart-svc/health?region=us-east-1',
    "cart-svc",
  ],
  [
    "an RDS console link",
    'ALARM: "db-cpu" in EU (Ireland)\nhttps://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1#database:id=orders-db;is-cluster=false',
    "orders-db",
  ],
  [
    "a Lambda console link wins over the alarm's own name",
    'ALARM: "lambda-fn-errors" in EU (Ireland)\nhttps://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/invoice-pdf?tab=monitoring',
    "invoice-pdf",
  ],
  [
    "the alarm name minus its kind and metric words",
    'ALARM: "orders-api-alb-5xx" in US East (N. Virginia)\nAlarm Name: orders-api-alb-5xx\nState Change: OK -> ALARM',
    "orders-api",
  ],
  [
    "a LoadBalancer dimension minus its kind word",
    'ALARM: "payments-alb-latency-high" in US East (N. Virginia)\nDimensions: LoadBalancer = app/payments-alb/50dc6c495c0c9188',
    "payments",
  ],
  ["negative: a generic alarm name", 'ALARM: "api-5xx" in US East (N. Virginia)', null],
  ["negative: a generic engine name", 'ALARM: "redis-memory-high" in US East (N. Virginia)', null],
  [
    "negative: the load balancer controller's generated names",
    'ALARM: "k8s-default-ordersap-1a2b3c4d5e-5xx" in US East (N. Virginia)\nDimensions: LoadBalancer = app/k8s-default-ordersap-1a2b3c4d5e/50dc6c495c0c9188',
    null,
  ],
  ["negative: a metric word and an environment", 'ALARM: "latency-prod" in US East (N. Virginia)', null],
  ["negative: an instance id", 'ALARM: "i-0abc12345def67890-cpu-high" in US East (N. Virginia)', null],
  ["negative: a region and a metric", 'ALARM: "eu-west-1-5xx" in EU (Ireland)', null],
  [
    "negative: an environment-named load balancer",
    'ALARM: "prod-alb-5xx" in EU (Ireland)\nDimensions: LoadBalancer = app/prod-alb/50dc6c495c0c9188',
    null,
  ],
  [
    "negative: a bare alarm name says nothing about a service",
    'ALARM: "orders-api" in US East (N. Virginia)',
    null,
  ],
  [
    "negative: an Alertmanager rule name is not an AWS alarm name",
    "[FIRING:1] OrdersApiHigh5xx\nalertname: OrdersApiHigh5xx\nseverity: critical",
    null,
  ],
]

describe("extractFacts: the service of an AWS alarm", () => {
  it.each(table)("%s", (_, text, service) => {
    expect(facts(text).service).toBe(service)
  })
})

describe("the readers one by one", () => {
  it("serviceInConsoleLinks reads ECS (v2 and classic), Lambda and RDS links, percent-decoded", () => {
    expect(
      serviceInConsoleLinks([
        "https://console.aws.amazon.com/ecs/home?region=us-east-1#/clusters/shop/services/basket-api/details",
      ]),
    ).toBe("basket-api")
    expect(
      serviceInConsoleLinks([
        "https://console.aws.amazon.com/lambda/home?region=us-east-1#/functions/order%2Dsync",
      ]),
    ).toBe("order-sync")
    expect(
      serviceInConsoleLinks(["https://console.aws.amazon.com/ecs/v2/clusters/shop/services/api/health"]),
    ).toBeNull()
    expect(serviceInConsoleLinks(["https://grafana.example.com/d/abc/orders-api"])).toBeNull()
  })

  it("dimensionsOf reads label pairs and JSON objects in either key order", () => {
    const json = '[{"name":"DBInstanceIdentifier","value":"orders-db"},{"value":"blue","name":"Color"}]'
    expect(dimensionsOf(json, [])).toEqual([
      { key: "dbinstanceidentifier", value: "orders-db" },
      { key: "color", value: "blue" },
    ])
  })

  it("serviceInDimensions prefers the exact dimensions to load balancer names", () => {
    expect(
      serviceInDimensions([
        { key: "loadbalancer", value: "app/edge-alb/50dc6c495c0c9188" },
        { key: "functionname", value: "refund-fn" },
      ]),
    ).toBe("refund-fn")
    expect(
      serviceInDimensions([{ key: "targetgroup", value: "targetgroup/prod-tg/6d0ecf831eec9f09" }]),
    ).toBeNull()
    expect(serviceInDimensions([{ key: "clustername", value: "shop-ecs" }])).toBeNull()
  })

  it("resourceBase strips metric, environment and kind words and keeps the rest as written", () => {
    expect(resourceBase("ecs-cart-CPUUtilization-high")).toBe("cart")
    expect(resourceBase("prod-orders-api-alb-5xx")).toBe("orders-api")
    expect(resourceBase("Payments_API_p99_latency_high")).toBe("Payments_API")
    expect(resourceBase("orders-api-us-east-1-5xx")).toBe("orders-api")
    expect(serviceInAlarmName("orders-api")).toBeNull()
    expect(serviceInAlarmName(null)).toBeNull()
  })
})

describe("resourceBase properties", () => {
  const seed = 1127
  console.log(`resourceBase property seed: ${seed}`)
  const metric = fc.constantFrom(
    "5xx",
    "errors",
    "latency",
    "p99",
    "high",
    "cpu",
    "count",
    "throttles",
    "oom",
    "alarm",
  )
  const env = fc.constantFrom("prod", "staging", "dev", "qa")
  const services = fc.constantFrom(
    "orders-api",
    "cart",
    "ledger-writer",
    "invoice-pdf",
    "checkout-fn",
    "basket",
  )
  const sep = fc.constantFrom("-", "_", ".")
  const anyToken = fc.oneof(metric, env, services, fc.stringMatching(/^[a-z0-9]{1,8}$/))
  const metricWords = new Set([
    "5xx",
    "errors",
    "latency",
    "p99",
    "high",
    "cpu",
    "count",
    "throttles",
    "oom",
    "alarm",
  ])

  it("never returns a metric word or a name ending in one, and only a substring of its input", () => {
    fc.assert(
      fc.property(fc.array(anyToken, { minLength: 1, maxLength: 6 }), sep, (tokens, s) => {
        const name = tokens.join(s)
        const base = resourceBase(name)
        if (base === null) return
        expect(name).toContain(base)
        const parts = base.toLowerCase().split(/[^a-z0-9]+/)
        // Leading metric words stay (`health-api`, `status-page` are real names); trailing ones never.
        expect(metricWords.has(parts.at(-1) ?? "")).toBe(false)
        expect(parts.every((p) => metricWords.has(p))).toBe(false)
      }),
      { seed, numRuns: 500 },
    )
  })

  it("`<env>-<service>-<metrics…>` yields the service exactly", () => {
    fc.assert(
      fc.property(
        fc.option(env),
        services,
        fc.array(metric, { minLength: 1, maxLength: 3 }),
        (e, svc, ms) => {
          const name = [...(e === null ? [] : [e]), svc, ...ms].join("-")
          expect(resourceBase(name, true)).toBe(svc)
        },
      ),
      { seed, numRuns: 300 },
    )
  })

  it("metric and environment words alone are never a service", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(metric, env), { minLength: 1, maxLength: 5 }), sep, (tokens, s) => {
        expect(resourceBase(tokens.join(s))).toBeNull()
      }),
      { seed, numRuns: 300 },
    )
  })
})
