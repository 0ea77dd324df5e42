/**
 * Log groups many jobs share, where a job is told apart only by its streams' names: AWS Batch
 * writes every job to `/aws/batch/job`, each stream `<job definition>/default/<task id>`. A person
 * reporting "the pay-period timesheet import" names the job, never the group, so a group named
 * with their words cannot be found: the shared group is read instead, narrowed to the streams
 * named with two of their words ("timesheet" and "import" → `timesheet-import-prod/…`). One word
 * alone would take every job of the product ("payroll"). Pure.
 */
import { searchStem } from "./log-group-word-stem.js"

/** The shared job groups, by their exact AWS default names. */
export const sharedJobGroups: ReadonlyArray<string> = ["/aws/batch/job"]

/** The words a stream condition pairs, at most (n·(n−1) alternatives). */
const maxPairedWords = 8

const plain = /^[a-z]{4,}$/

const pairsOf = (words: ReadonlyArray<string>): ReadonlyArray<string> => {
  const stems = [...new Set(words.map(searchStem).filter((w) => plain.test(w)))].slice(0, maxPairedWords)
  return stems.flatMap((a, i) => stems.filter((_, j) => j !== i).map((b) => `${a}[^\\/]*${b}`))
}

/**
 * A Logs Insights condition on `@logStream` for the streams whose first segment (the job's name)
 * holds two of `words` in either order; null with fewer than two usable words.
 */
export const streamWordsCondition = (words: ReadonlyArray<string>): string | null => {
  const pairs = pairsOf(words)
  return pairs.length === 0 ? null : `@logStream like /(?i)^[^\\/]*(?:${pairs.join("|")})/`
}

/** Whether `stream`'s first segment holds two of `words` (the same test, in code). */
export const streamNamedWith = (words: ReadonlyArray<string>, stream: string): boolean => {
  const pairs = pairsOf(words)
  return pairs.length > 0 && new RegExp(`^[^\\/]*(?:${pairs.join("|")})`, "i").test(stream)
}
