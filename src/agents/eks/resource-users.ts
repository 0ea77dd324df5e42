/**
 * An alarm on an AWS resource (a queue, a table, a Lambda) names no workload, yet one uses it:
 * the workload whose containers' env names the resource (`SQS_QUEUE_URL=https://sqs…/orders-prod.fifo`,
 * `TABLE_NAME=orders-prod`), or one named as its consumer or writer with its words
 * (`order-events-consumer`, log-group-kin.ts). Such a workload scores as if a label named it, so
 * the eks agent reads it for the alert. Nothing applies when the alert is not on an AWS resource. Pure.
 */
import type { AlertFacts } from "../../domain/alert-facts.js"
import { alertResourceKind, alertResourceNames, envNamesResource } from "../../domain/aws-resource-user.js"
import type { Pod } from "../../domain/kubernetes.js"
import { isConsumerKin } from "../../domain/log-group-kin.js"

// A person names the resource by what it is, not by its AWS service: "payslip-render-jobs queue
// is at 180k and still climbing" is about the queue, and its consumer is whoever reads it.
const resourceNouns = new Set(["queue", "queues", "topic", "stream", "table", "bucket", "dlq"])

/** The alert's AWS resource names, when it is on one or calls its subject a queue, topic, table… (else none). */
export const resourceTermsOf = (facts: AlertFacts): ReadonlyArray<string> =>
  alertResourceKind(facts) !== null || facts.keywords.some((k) => resourceNouns.has(k.toLowerCase()))
    ? alertResourceNames(facts)
    : []

/** The env values some pods' containers are configured with (string values only). */
export const envValuesOf = (pods: ReadonlyArray<Pod>): ReadonlyArray<string> => [
  ...new Set(
    pods.flatMap((p) =>
      p.spec.containers.flatMap((c) => c.env.flatMap((e) => (typeof e.value === "string" ? [e.value] : []))),
    ),
  ),
]

/** Points for a candidate that uses the resource: by its env (as a label naming it), else by its name as its consumer. */
export const resourceUserPoints = (
  resources: ReadonlyArray<string>,
  name: string,
  envValues: ReadonlyArray<string>,
): number => {
  if (resources.length === 0) return 0
  if (envNamesResource(envValues, resources)) return 60
  return resources.some((r) => isConsumerKin(name, r)) ? 30 : 0
}
