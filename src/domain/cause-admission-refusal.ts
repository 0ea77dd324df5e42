/**
 * Pods refused at admission: a namespace ResourceQuota at its hard limit ("exceeded quota:
 * checkout-compute, requested: …, used: …, limited: …") or a LimitRange's bounds ("maximum cpu
 * usage per Container is 2, but limit is 4"). The controller's creations are refused before any
 * scheduling, so no Pending pod exists: the workload stays below the replicas its HPA asks for and
 * the pods it has carry the load the missing ones would have. Their saturated worker pools,
 * timeouts and 5xx are that refusal's effect, not a cause beside it (causes-chain.ts). Pure.
 */
import type { Finding } from "./finding.js"
import { quotaRefusalOf } from "./quota-refusal.js"
import { textOf } from "./report-scope.js"

/** A LimitRange's refusal in the API server's words: `[maximum|minimum] <res> usage per (Container|Pod) is X, but (limit|request) is Y`, or its ratio. */
export const limitRangeRefusal =
  /\b(?:maximum|minimum) (?:cpu|memory|ephemeral-storage|storage|[\w./-]+) usage per (?:container|pod|persistentvolumeclaim) is [^,\]]+, but (?:limit|request) is|\b(?:cpu|memory) max limit to request ratio per (?:container|pod) is/i

/** Whether a message or a finding's text says pod creations were refused by a ResourceQuota or a LimitRange. */
export const admissionRefusalIn = (text: string): boolean =>
  quotaRefusalOf(text) !== null || limitRangeRefusal.test(text)

/** Whether `f` is a controller's pod creations refused by a ResourceQuota or a LimitRange. */
export const refusedAtAdmission = (f: Finding): boolean =>
  f.kind === "failed_create" && admissionRefusalIn(textOf(f))

/**
 * A process overwhelmed by load, in lower case: its thread or worker pool full, its requests
 * queued, its CPU throttled at its limit. Not a provider's rate limit (429) or a node's kernel
 * table full: those stand on their own whatever the replica count.
 */
export const loadSaturation =
  /rejectedexecution|taskrejected|thread pool|(?:executor|worker) (?:pool|queue)|in[_ ]flight=|queue(?:d|_wait)|cpu throttl|cfs.throttl|throttled periods/
