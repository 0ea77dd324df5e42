/**
 * Word-level matching for chat messages: a term matches only as a whole word, so "terror" is
 * not "error" and "payments-api" is not "payments-api-v2" (the original matched substrings, so
 * any message containing "terror" or "alerting-rules" was "an alert"). Case-insensitive and
 * Unicode-aware: letters and digits of any script are word characters. Pure.
 */
import { workloadFromPod } from "./alert-facts-names.js"

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * A matcher for any of `terms` as whole words. Term characters are literal; spaces in a term
 * match any run of whitespace. `wordChars` are the characters that may not touch a match.
 */
export const wordMatcher = (terms: ReadonlyArray<string>, wordChars = "\\p{L}\\p{N}_"): RegExp => {
  const alternatives = [...terms]
    .filter((t) => t.trim() !== "")
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t.trim()).replace(/\s+/g, "\\s+"))
  const body = alternatives.length === 0 ? "(?!)" : alternatives.join("|")
  return new RegExp(`(?<![${wordChars}])(?:${body})(?![${wordChars}])`, "iu")
}

/** Whether `text` holds `term` as a whole word (see wordMatcher). */
export const hasWord = (text: string, term: string): boolean => wordMatcher([term]).test(text)

// A service name continues with letters, digits, '-', '_' and '.': `payments-api-v2` is another name.
const nameChars = "\\p{L}\\p{N}_.\\-"
const nameToken = /[\p{L}\p{N}][\p{L}\p{N}_.-]*/gu

// The service's own identity and permissions: `invoice-renderer-task-role`, `…-policy`, `…-sa`.
const identitySuffix =
  /^-(?:task-role|exec-role|execution-role|role|policy|sa|service-account|serviceaccount)$/

// A GitOps app or a release named for the production copy: `reminder-dispatcher-prod` (Argo CD,
// Flux, Helm). A staging copy is another environment: not the alerting one.
const prodSuffix = /^-(?:prod|production|prd|live)$/

/**
 * Whether `text` names the service/workload `name`: as a whole name, through one of its pods
 * (`payments-api-6c9f7d8b4-q7x2m` names `payments-api`), or through its own IAM role, policy or
 * service account (`invoice-renderer-task-role`: a permission change to the service), or as its
 * production release (`invoice-renderer-prod`).
 */
export const namesService = (text: string, name: string): boolean => {
  const n = name.trim().toLowerCase()
  if (n === "") return false
  if (wordMatcher([n], nameChars).test(text.replace(/[.]+(?=\s|$)/g, " "))) return true
  for (const token of text.toLowerCase().match(nameToken) ?? []) {
    if (!token.startsWith(`${n}-`)) continue
    const rest = token.slice(n.length)
    if (workloadFromPod(token) === n || identitySuffix.test(rest) || prodSuffix.test(rest)) return true
  }
  return false
}

/**
 * A schema migration, in a deploy tool's or a person's words: a change to the data the service
 * reads, announced with the service's product word (`billing-db-migrate-…`), and the change a
 * cause quotes first among a burst of announcements.
 */
export const schemaChange = /\b(?:migrat\w*|flyway|liquibase|alembic|schema change|alter table)\b/i
