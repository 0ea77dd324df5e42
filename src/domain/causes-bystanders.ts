/**
 * A bystander's scheduling failure is no cause. When the alert's workload cannot be scheduled
 * for a shortage (Insufficient cpu, a node group at its max size), another namespace's pod that
 * cannot be scheduled only because no node matches its affinity, selector or tolerations (a GPU
 * pool scaled to zero, a taint) waits for a different reason (scheduling-reasons.ts): adding
 * capacity where the alert's pods run would not place it, and placing it would not help the
 * alert. A person's report often names nothing, so every Pending pod is "in scope" — this keeps
 * such a pod evidence only. It stays a cause when the alert names it, when it is in the alert's
 * or the short workload's namespace, or when it waits for a shortage too (the same full node
 * group). Pure.
 */
import { modeOf } from "./causes-modes.js"
import type { Subject } from "./causes-names.js"
import type { Finding } from "./finding.js"
import { type AlertScope, parseResource, textOf } from "./report-scope.js"
import { saysPlacementOnly, saysShortage } from "./scheduling-reasons.js"

interface Scoped {
  readonly finding: Finding
  readonly subject: Subject
}

/** The alert names it: the pod, its workload (`retrain` → `retrain-1214-b6xzr`) or its product word. */
const named = (key: string, scope: AlertScope): boolean =>
  [...scope.names, ...scope.stems].some((n) => key === n || key.startsWith(`${n}-`))

const namespaceOf = (f: Finding): string | null => parseResource(f.resource)?.namespace ?? null

/** The ids of scoped findings that are a bystander's placement-only scheduling failure. */
export const bystanderIds = (scoped: ReadonlyArray<Scoped>, scope: AlertScope): ReadonlySet<string> => {
  const bySubject = new Map<string, Array<Scoped>>()
  for (const s of scoped.filter((x) => modeOf(x.finding) === "scheduling"))
    bySubject.set(s.subject.key, [...(bySubject.get(s.subject.key) ?? []), s])
  // The subjects that wait for a shortage: the alert's own capacity cause.
  const short = [...bySubject.values()].filter((ss) => ss.some((s) => saysShortage(textOf(s.finding))))
  if (short.length === 0) return new Set()
  const shortNamespaces = new Set(short.flatMap((ss) => ss.flatMap((s) => namespaceOf(s.finding) ?? [])))
  const out = new Set<string>()
  for (const [key, ss] of bySubject) {
    const texts = ss.map((s) => textOf(s.finding))
    const namespaces = ss.flatMap((s) => namespaceOf(s.finding) ?? [])
    const bystander =
      !named(key, scope) &&
      namespaces.length > 0 &&
      namespaces.every((n) => !shortNamespaces.has(n) && n !== scope.namespace) &&
      texts.some(saysPlacementOnly) &&
      !texts.some(saysShortage)
    if (bystander) for (const s of ss) out.add(s.finding.id)
  }
  return out
}
