/**
 * The namespaces a workload's own log lines reach into: in-cluster service names
 * (`recommendations.reco.svc.cluster.local`, `payments-api.payments.svc`) name the namespace of
 * a dependency the alert does not. The eks agent reads those namespaces too (a few at most), so
 * a dependency scaled to zero or crash-looping next door is seen, not only guessed from the
 * caller's errors. Pure.
 */

const serviceDns =
  /\b([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.svc(?:\.cluster\.local)?\b/g

/** At most `max` namespaces named by service DNS names in `texts`, most named first, none of `known`. */
export const dependencyNamespaces = (
  texts: ReadonlyArray<string>,
  known: ReadonlyArray<string>,
  max = 2,
): ReadonlyArray<string> => {
  const counts = new Map<string, number>()
  for (const text of texts)
    for (const m of text.toLowerCase().matchAll(serviceDns)) {
      const ns = m[2]
      if (ns !== undefined && !known.includes(ns)) counts.set(ns, (counts.get(ns) ?? 0) + 1)
    }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([ns]) => ns)
}
