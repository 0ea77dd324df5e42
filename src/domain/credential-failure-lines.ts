/**
 * The lines of a refused credential, as a Logs Insights condition: for a person's report that
 * names a product area rather than a service ("orders stuck in dispensing", "directory sync is
 * not syncing"). A credential that stopped working — a database password rotated under a pool
 * still holding the old one, an identity provider's client secret past its expiry — fails every
 * new connection or token request while the pods may look healthy, and the words the servers and
 * identity providers use for it are few and specific: PostgreSQL's "password authentication
 * failed", MySQL's "Access denied for user", OAuth's `invalid_client`, Entra ID's AADSTS codes
 * for expired or wrong secrets. So a cluster's shared application logs, and the databases' own
 * logs (which record the refusal on the server side), can be read for them when there is no
 * service name to narrow them by. A plain 401 or "unauthorized" is not one: a user's expired
 * session or a scanner's probe says the same. Pure.
 */
import { certificateFailureWords } from "./certificate-failure-lines.js"
import { providerRefusalWords } from "./log-provider-refusal.js"
import { replicaLagWords } from "./replica-lag-lines.js"

/** The words of a refused credential (PostgreSQL, MySQL, SQL Server, OAuth 2, Entra ID, AWS). */
const credentialFailureWords = [
  "password authentication failed",
  "access denied for user",
  "login failed for user",
  "invalid_client",
  "unauthorized_client",
  "client secret keys for app",
  "client secret has expired",
  "client_secret expired",
  "aadsts7000215",
  "aadsts7000222",
  "invalidclientsecret",
  "signaturedoesnotmatch",
  "invalidclienttokenid",
  "the security token included in the request is expired",
  // A third party refusing our API key (a vendor's rotation revoked it, or it expired): the
  // vendors' own codes and phrases, never a bare 401 — our users' expired sessions say that too.
  "invalid_api_key",
  "api_key_expired",
  "api_key_revoked",
  "key_revoked",
  "revoked_api_key",
  "expired_api_key",
  "invalid api key",
  "api key expired",
  "api key revoked",
  "api key has expired",
  "api key has been revoked",
  "api key provided has been revoked",
  "api key provided has expired",
  "api key is invalid",
  "api key is not valid",
  "apikey expired",
  "invalid_token_for_api",
]

const escaped = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+")

/** The Logs Insights condition picking a refused credential's lines (any case). */
export const credentialFailureCondition = `@message like /(?i)(${credentialFailureWords.map(escaped).join("|")})/`

/** Whether a line holds those words (the same test, in code). */
export const isCredentialFailureLine = (line: string): boolean => {
  const lower = line.toLowerCase().replace(/\s+/g, " ")
  return credentialFailureWords.some((w) => lower.includes(w))
}

/**
 * A datastore out of space: every write fails ("could not extend file …: No space left on
 * device", MySQL's error 1114 "The table … is full" or error 28) while reads and the pods look
 * fine, so a person reports that booking or saving fails, naming no service. The words are the
 * kernel's and the servers' own, written by the server and echoed by its clients.
 */
const storageFullWords = [
  "no space left on device",
  "could not extend file",
  "could not write to file",
  "disk full",
  "disk is full",
  // MySQL names the table between ("The table 'bookings' is full"): its error number instead.
  "error 1114",
  "er_record_file_full",
  "got error 28",
  "errno: 28",
  "not enough space on the disk",
  "out of disk space",
]

/**
 * An AWS API refusing the caller's role (a policy statement dropped, a key policy not granting
 * it): every call fails while the pods look healthy. IAM's own sentence ("User: arn:…:assumed-role/…
 * is not authorized to perform: kms:GenerateDataKey on resource: …") and the SDKs' exception
 * names; never a bare "access denied" or 403, which a user's missing right says too.
 */
const permissionDeniedWords = [
  "is not authorized to perform",
  "accessdeniedexception",
  "api error accessdenied",
  "error occurred (accessdenied)",
]

/**
 * A report naming nothing: the lines of a silent failure — a refused certificate, a refused
 * credential, a datastore out of space or a replica serving stale reads (replica-lag-lines.ts) —
 * in one condition, so the shared logs are read once.
 */
export const silentFailureCondition = `@message like /(?i)(${[
  ...certificateFailureWords,
  ...credentialFailureWords,
  ...permissionDeniedWords,
  ...storageFullWords,
  ...replicaLagWords,
  // An email provider pausing the account's sending (log-provider-refusal.ts).
  ...providerRefusalWords,
]
  .map(escaped)
  .join("|")})/`

/**
 * A database refusing connections for want of slots (PostgreSQL's "too many clients", MySQL's
 * "Too many connections"): recorded by the server, while its clients often log only a pool's
 * timeout or nothing CloudWatch holds. Read with the refused credentials in the databases' logs.
 */
const connectionRefusalWords = [
  "too many clients already",
  "remaining connection slots are reserved",
  "too many connections",
  "connection limit exceeded",
]

/** The Logs Insights condition for a database's refused connections and logins (any case). */
export const databaseRefusalCondition = `@message like /(?i)(${[
  ...connectionRefusalWords,
  ...credentialFailureWords,
  ...storageFullWords,
]
  .map(escaped)
  .join("|")})/`
