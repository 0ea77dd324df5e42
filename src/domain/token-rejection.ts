/**
 * A caller's 401 that cites a claim of the token it was handed: `401 reason="JsonWebTokenError:
 * jwt issuer invalid. expected: https://id.example.com/"`, `401 invalid_token: iss "…" not in
 * allowed issuers`, `401 jwt audience invalid`, `401 … no matching key (kid …) in jwks`. Such a
 * refusal is about who issued the token, not about the caller: the identity service that signs
 * them (its issuer, audience, keys) changed, and every caller refuses alike. A 401 that cites no
 * token claim (a third party refusing a wrong API key, a missing session) is not one. Pure.
 */

export type TokenClaim = "issuer" | "audience" | "signature" | "token"

export interface TokenRejection {
  readonly claim: TokenClaim
  /** The words the line gives for it (`jwt issuer invalid`), for a cause's text. */
  readonly reason: string
  /** The host of the issuer the caller expects (`id.example.com`), when the line says. */
  readonly expectedHost: string | null
}

/** A refusal of the caller's request: the status or the error's own name. */
const refused = /\b401\b|\bunauthori[sz]ed\b|\bunauthenticated\b|\binvalid[_ ]token\b|\bJsonWebTokenError\b/i

/** The claim the refusal cites, most specific first (an `invalid_token` line may name `iss`). */
const claims: ReadonlyArray<readonly [TokenClaim, RegExp]> = [
  [
    "issuer",
    /\bjwt issuer invalid\b|\biss(?:uer)?\b[^\n]{0,60}\b(?:invalid|mismatch|not (?:in )?allowed|unexpected|expected)\b|\b(?:invalid|unexpected|untrusted) iss(?:uer)?\b/i,
  ],
  [
    "audience",
    /\bjwt audience invalid\b|\b(?:aud|audience)\b[^\n]{0,60}\b(?:invalid|mismatch|not (?:in )?allowed|unexpected|expected)\b|\b(?:invalid|unexpected) aud(?:ience)?\b/i,
  ],
  [
    "signature",
    /\binvalid (?:jwt )?signature\b|\bsignature verification failed\b|\bno matching (?:signing )?key\b|\bkid\b[^\n]{0,40}\bnot found\b|\bjwks\b[^\n]{0,40}\b(?:no|unknown|missing|not found)\b/i,
  ],
  ["token", /\binvalid[_ ]token\b|\bjwt malformed\b|\bJsonWebTokenError\b|\btoken (?:is )?invalid\b/i],
]

/** The words to quote: the library's own phrase when there is one. */
const phrase =
  /\bjwt [a-z]+ invalid\b|\binvalid[_ ]token\b|\binvalid (?:jwt )?signature\b|\bno matching (?:signing )?key\b|\bjwt malformed\b/i

const expected = /\bexpected:?\s*"?(?:[a-z][a-z0-9+.-]*:\/\/)([a-z0-9.-]+\.[a-z]{2,})/i
const allowed = /\ballowed issuers?\b[^\n]{0,10}?(?:[a-z][a-z0-9+.-]*:\/\/)([a-z0-9.-]+\.[a-z]{2,})/i

/** The token claim one log line's refusal cites; null when the line is no such refusal. */
export const tokenRejection = (line: string): TokenRejection | null => {
  if (!refused.test(line)) return null
  const claim = claims.find(([, re]) => re.test(line))?.[0]
  if (claim === undefined) return null
  const quoted = phrase.exec(line)?.[0]?.toLowerCase()
  const host = (expected.exec(line) ?? allowed.exec(line))?.[1]?.toLowerCase() ?? null
  return { claim, reason: quoted ?? `token ${claim} rejected`, expectedHost: host }
}

/** The token refusals in a text's lines, in order. */
export const tokenRejections = (text: string): ReadonlyArray<TokenRejection> =>
  text.split("\n").flatMap((l) => {
    const r = tokenRejection(l)
    return r === null ? [] : [r]
  })

/**
 * Env var names that hold what a token carries or is checked against: its issuer, audience,
 * signing keys, lifetime. An identity service's rollout that changed none of them changed
 * nothing its callers' token checks see.
 */
export const tokenSettingName =
  /ISSUER|AUDIENCE|(?:^|_)AUD(?:$|_)|(?:^|_)ISS(?:$|_)|JWKS|JWT|OIDC|(?:^|_)KID(?:$|_)|SIGNING|TOKEN/i

/**
 * Names an identity service goes by: it issues the tokens its callers check.
 */
export const identityServiceName =
  /(?:^|[-_])(?:auth|authn|authz|authentication|identity|idp|iam|sso|oauth2?|oidc|token|tokens|keycloak|dex|hydra|login|accounts?-auth)(?:[-_]|$)/i
