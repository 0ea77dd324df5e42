/**
 * The dependencies an alert on a caller names as the thing that fails it: the callee a circuit
 * breaker guards ("Circuit breaker route-eta in dispatch-api has been OPEN", `CircuitBreaker
 * 'ledger'`, a breaker alert's `name = route-eta` label), the callee its calls time out against
 * ("calls to pricing-engine timing out"), and the upstreams its labels name (facts.dependencies).
 * The caller's pods are healthy in such an incident — it is the callee's pods that are slow or not
 * ready — so the eks agent reads those workloads too and keeps them in scope (eks-agent.ts).
 * Only the alert's own words count: a breaker that flapped earlier in the caller's logs is not
 * what the alert is about. Pure.
 */
import type { AlertFacts } from "../../domain/alert-facts.js"
import { controllerOf, type Pod } from "../../domain/kubernetes.js"
import type { AlertTerms } from "./relevance.js"

/** A workload-like name: letters, digits, dashes (lower-cased when read). */
const name = "([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9])"
const quote = String.raw`['"\x60(\[]?`

const patterns: ReadonlyArray<RegExp> = [
  // "circuit breaker route-eta", "CircuitBreaker 'route-eta'", "breaker for route-eta"
  new RegExp(
    String.raw`circuit[-_ ]?breaker[s]?\s*(?:for|to|on|of|guarding|around)?\s*${quote}${name}`,
    "gi",
  ),
  // "the 'ledger' breaker": quoted only — "search-api circuit breaker" may as well be the
  // caller's own breaker, and an Alertmanager title's "(search-api)" is the caller.
  new RegExp(String.raw`['"\x60]${name}['"\x60]\s+(?:circuit[-_ ]?)?breaker\b`, "gi"),
  // "calls to pricing-engine timing out", "requests to ledger timed out"
  new RegExp(
    String.raw`(?:calls?|requests?)\s+to\s+${quote}${name}['"\x60)\]]?\s+(?:are\s+|were\s+)?(?:timing|timed|time)\s*-?\s*out`,
    "gi",
  ),
  // "timeouts calling pricing-engine", "timeout to ledger"
  new RegExp(String.raw`time\s*-?\s*outs?\s+(?:calling|to)\s+${quote}${name}`, "gi"),
]

/**
 * Words the patterns catch that name no workload ("circuit breaker open", "the breaker", an HTTP
 * method in "timeout to POST /orders").
 */
const notNames = new Set(
  "open opened opening closed close half half-open half_open state is has was the a an for to on of in tripped trip trips breaker breakers circuit count rate calls call requests request dependency upstream service downstream get post put patch delete head".split(
    " ",
  ),
)

/** A breaker alert's label keys that carry the breaker's (the callee's) name: resilience4j's `name`. */
const breakerLabel =
  /^\s*-?\s*(?:name|circuit_?breaker|breaker|cb_?name|backend|target)\s*[=:]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/gim

const usable = (raw: string, own: ReadonlySet<string>): string | null => {
  const n = raw.toLowerCase().replace(/[._]+$/, "")
  return n.length < 2 || notNames.has(n) || own.has(n) || /^\d+$/.test(n) ? null : n
}

/** The dependencies the alert names (see the module header), lower-case, each once, in order. */
export const namedDependencies = (text: string, facts: AlertFacts): ReadonlyArray<string> => {
  const own = new Set(
    [facts.service, facts.workload, facts.namespace, facts.cluster, facts.alertName, facts.node]
      .filter((s): s is string => s !== null)
      .map((s) => s.toLowerCase()),
  )
  const found = [
    ...patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] ?? "")),
    // A label `name = x` means the breaker's name only when the alert is about a breaker.
    ...(/circuit[-_ ]?breaker|\bbreaker\b/i.test(text)
      ? [...text.matchAll(breakerLabel)].map((m) => m[1] ?? "")
      : []),
    ...facts.dependencies,
  ]
  return [...new Set(found.flatMap((f) => usable(f, own) ?? []))]
}

/** The alert's terms with the dependencies it names as names of its own: their workloads score in scope. */
export const withDependenciesAsNamed = (t: AlertTerms, dependencies: ReadonlyArray<string>): AlertTerms =>
  dependencies.length === 0 ? t : { ...t, names: new Set([...t.names, ...dependencies]) }

/**
 * The namespaces other than `own` where a pod's controller, or one of its labels, is one of the
 * `dependencies` — where those workloads live (the alert names the callee, not its namespace).
 * At most `max`, sorted.
 */
export const dependencyHomes = (
  pods: ReadonlyArray<Pod>,
  dependencies: ReadonlyArray<string>,
  own: string,
  max = 2,
): ReadonlyArray<string> => {
  const wanted = new Set(dependencies)
  const homes = pods.flatMap((p) => {
    const namespace = p.metadata.namespace
    if (namespace === undefined || namespace === own) return []
    const names = [controllerOf(p.metadata)?.name ?? p.metadata.name, ...Object.values(p.metadata.labels)]
    const owner = controllerOf(p.metadata)?.name
    // A ReplicaSet's name is its Deployment's plus a hash: "route-eta-7c5d9f8b6" is route-eta's.
    const deployment = owner === undefined ? [] : [owner.replace(/-[a-z0-9]{5,10}$/, "")]
    return [...names, ...deployment].some((n) => wanted.has(n.toLowerCase())) ? [namespace] : []
  })
  return [...new Set(homes)].sort().slice(0, max)
}
