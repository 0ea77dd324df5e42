/**
 * Which in-scope service a feature flag's change (flag-change.ts) is the change of, when chat
 * could not tell (a person's report names no service, so the flag was read as its own subject):
 * the failing subject named with the flag's words (`alloc-batch-reservations` →
 * `inventory-allocator`), or whose own evidence names the flag's key (its SDK's "flag update
 * received: …", a request line's `"flags":[…]`). A flag no failing subject is linked to stays
 * evidence and is never cited: another service's flag is not this one's change. Pure.
 */
import type { Subject } from "./causes-names.js"
import type { Finding } from "./finding.js"
import { flagChangeOf, flagNamedLike, namesFlag } from "./flag-change.js"
import { textOf } from "./report-scope.js"

/** The flag key a chat finding announces as changed, or null. */
export const flagKeyOf = (f: Finding): string | null =>
  // As written: a camelCase key (`isNewPricingEnabled`) is a key only in its own case.
  f.kind === "deploy_announcement"
    ? (flagChangeOf(`${f.title}\n${f.excerpt ?? f.detail}`)?.key ?? null)
    : null

/**
 * The subject of `failing` (the subjects' own failing findings, each with its subject) that the
 * flag change `f` is linked to: by its words first, then by the subject's lines naming the key.
 */
export const flagSubjectOf = (
  f: Finding,
  failing: ReadonlyArray<{ readonly finding: Finding; readonly subject: Subject }>,
): Subject | null => {
  const key = flagKeyOf(f)
  if (key === null) return null
  const subjects = failing.filter((s) => !s.subject.node && s.subject.key !== key.toLowerCase())
  const byWords = subjects.find((s) => flagNamedLike(key, s.subject.key))
  if (byWords !== undefined) return byWords.subject
  return subjects.find((s) => namesFlag(textOf(s.finding), key))?.subject ?? null
}
