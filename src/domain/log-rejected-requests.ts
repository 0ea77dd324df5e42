/**
 * Requests a gateway or auth layer turned away, which it logs below ERROR: to the gateway a
 * rejected token is routine (`WARN authn reject … status=401 reason="jwt: iss … not in allowed
 * issuers"`), yet when a whole population of clients is rejected it is the outage. Two shapes:
 * a line rejecting one request with a 401/403 and a token/issuer/audience/signature/expiry
 * reason, and a stats line whose rejected (denied, refused) count dwarfs its accepted count.
 * A user's own mistake (a wrong password, "invalid credentials") is not a fault, nor is a stats
 * line with a handful rejected among thousands accepted. Pure and linear.
 */

// The verb a gateway or auth middleware uses for a request it turned away.
const rejectVerb =
  /\b(?:reject(?:ed|ing)?|den(?:y|ied)|refus(?:e|ed|ing)|unauthori[sz]ed|forbidden|blocked)\b/i
// The request's answer: `status=401`, `"status": 403`, `code=401`, access-log ` 401 `.
const authStatus = /\b(?:status(?:[_ ]?code)?|code|http_status)\\?"?\s{0,2}[=:]\s{0,2}"?40[13]\b|\s40[13]\s/i
// Why a token (or client certificate) was refused: the failures a deploy or rotation causes.
const tokenReason =
  /\b(?:jwt|token|iss(?:uer)?|aud(?:ience)?|signature|kid|jwks|expired|not ?before|nbf|exp claim|scope|claims?|certificate|cert)\b/i
// A person's own mistake: one bad password or unknown user is not the service failing.
const userMistake =
  /\b(?:invalid (?:credentials|password|username)|wrong password|bad password|unknown user|user not found|password mismatch)\b/i

/** Whether the line turns one request away with a 401/403 for a token-like reason (see above). */
export const isTokenRejection = (message: string): boolean =>
  rejectVerb.test(message) &&
  authStatus.test(message) &&
  tokenReason.test(message) &&
  !userMistake.test(message)

// `accepted=412 rejected=6538`, `allowed: 90, denied: 4100`. Not `failed=`: a worker's cycle
// summary (`ok=0 failed=88`) is its own work failing, rated by the credential pass, not requests
// a gateway turned away.
const passedCount = /\b(?:accepted|allowed|ok|succeeded|success|passed|valid)["']?\s{0,2}[=:]\s{0,2}(\d+)\b/i
const turnedAwayCount = /\b(?:rejected|denied|refused)["']?\s{0,2}[=:]\s{0,2}(\d+)\b/i

/** The fewest rejections in one stats line for them to be an outage rather than noise. */
export const minRejectedCount = 50

/**
 * Whether a stats line counts more requests turned away than let through (and at least
 * `minRejectedCount`): most clients are failing, whatever level the line is logged at.
 */
export const isRejectionStats = (message: string): boolean => {
  const passed = passedCount.exec(message)?.[1]
  const rejected = turnedAwayCount.exec(message)?.[1]
  if (passed === undefined || rejected === undefined) return false
  const r = Number(rejected)
  return r >= minRejectedCount && r > Number(passed)
}

/** Either shape: a line that stands for requests failing though logged at WARN or INFO. */
export const isRejectedRequestsLine = (message: string): boolean =>
  isTokenRejection(message) || isRejectionStats(message)
