/**
 * The alert's own severity label, as written, and its place on our one scale (DESIGN §3).
 * Only label positions count — a `severity:`/`priority:`/`urgency:` label, a `[P2]` tag, a bare
 * `SEV1`/`P1`, Alertmanager's trailing "- `critical`" — never a word in prose: "this is
 * critical" is not a label, and no label means the findings decide.
 */

import { firstToken, type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"
import type { AlertDoc } from "./alert-facts-text.js"
import type { SeverityLabels } from "./config.js"
import type { Severity } from "./severity.js"

export interface SeverityFacts {
  readonly severityLabel: string | null
  readonly severity: Severity | null
}

const levels: ReadonlyArray<Severity> = ["critical", "high", "medium", "low", "info"]

const canonical = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim()

/** canonical label → severity, built once per extraction. */
const rubric = (labels: SeverityLabels): ReadonlyMap<string, Severity> => {
  const map = new Map<string, Severity>()
  for (const level of [...levels].reverse())
    for (const label of labels[level]) map.set(canonical(label), level)
  return map
}

const lookupIn = (map: ReadonlyMap<string, Severity>, label: string): Severity | null => {
  const full = canonical(label)
  const colon = full.lastIndexOf(":")
  return map.get(full) ?? (colon >= 0 ? (map.get(full.slice(colon + 1).trim()) ?? null) : null)
}

/** Map a raw label through the configured rubric (case-insensitive); "Urgency: low" falls back to "low". */
export const mapSeverity = (label: string, labels: SeverityLabels): Severity | null =>
  lookupIn(rubric(labels), label)

const labelValue = /^[A-Za-z0-9][\w-]{0,23}$/
const tag = /[[(][ \t]*([A-Za-z0-9][\w -]{0,22}?)[ \t]*[\])]/g
const bareToken = /(?<![\w-])(sev-?[1-5]|p[1-5])(?![\w-])/gi
const trailing = /[ \t][-–—][ \t]*([A-Za-z]{3,14})$/

const fromLabels = (pairs: ReadonlyArray<LabelPair>): string | null =>
  lookup(pairs, labelKeys.severity, (value, pair) => {
    const token = firstToken(value)
    if (!labelValue.test(token)) return null
    return pair.key === "urgency" ? `${pair.rawKey}: ${token}` : token
  })

const firstKnown = (matches: Iterable<RegExpMatchArray>, known: (s: string) => boolean): string | null => {
  for (const m of matches) {
    const v = m[1]?.trim()
    if (v !== undefined && known(v)) return v
  }
  return null
}

/** The first severity label in label position, and its severity (null when unmapped or absent). */
export const severityOf = (
  doc: AlertDoc,
  pairs: ReadonlyArray<LabelPair>,
  labels: SeverityLabels,
): SeverityFacts => {
  const map = rubric(labels)
  const known = (s: string): boolean => lookupIn(map, s) !== null
  const severityLabel =
    fromLabels(pairs) ??
    firstKnown(doc.plain.matchAll(tag), known) ??
    firstKnown(doc.plain.matchAll(bareToken), known) ??
    firstKnown(
      doc.lines.flatMap((line) => {
        const m = trailing.exec(line)
        return m === null ? [] : [m]
      }),
      known,
    )
  return { severityLabel, severity: severityLabel === null ? null : lookupIn(map, severityLabel) }
}
