/**
 * A feature flag's change read from chat (flag-change.ts): whose change it is. The alert's
 * subject when the flag is named with one of its words (`alloc-batch-reservations` for
 * `inventory-allocator`); when the alert names no service (a person's report), the flag itself,
 * so the cause inference can link it to the failing service its own evidence shows
 * (flag-change-scope.ts). A flag named like no subject of a named alert is another service's
 * change: not evidence (unless its thread names the subject: chat-scan.ts). Pure.
 */
import { flagChangeOf, flagNamedLike } from "./flag-change.js"

export interface FlagChangeRead {
  /** The subject name it is the change of, or the flag's key when the alert names none. */
  readonly service: string
  readonly title: string
}

/** The flag change `text` announces, as the change of one of `names` (see the module header). */
export const flagChangeRead = (
  text: string,
  author: string | null,
  names: ReadonlyArray<string>,
  channel: string,
  line: string,
): FlagChangeRead | null => {
  const change = flagChangeOf(text, author)
  if (change === null) return null
  const service = names.length === 0 ? change.key : names.find((n) => flagNamedLike(change.key, n))
  if (service === undefined) return null
  const tool = change.tool === null ? "" : ` (${change.tool})`
  return { service, title: `Feature flag \`${change.key}\` changed${tool} in ${channel}: ${line}` }
}
