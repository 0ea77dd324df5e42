/**
 * A credential revoked, rotated or disabled, as a person (a security team, an on-call) announces
 * it: "Revoked that Twilio API key SK…", "rotated the Stripe restricted key", "disabled the
 * deploy user's access key". The clients still holding it fail with 401/403 at once, so it is a
 * change behind any auth failure of a service calling that provider — the service or the provider
 * (a dependency the alert's labels name) is named in the message, seldom both. Pure.
 */

// What a client authenticates with.
const credentialNoun =
  /\b(?:api[ -]?keys?|access[ -]?keys?|secret[ -]?keys?|restricted[ -]?keys?|keys?|tokens?|secrets?|passwords?|credentials?|creds|certs?|certificates?|client[ -]?secrets?|service[ -]?account[ -]?keys?|ssh[ -]?keys?)\b/i
// What was done to it: it no longer authenticates.
const madeInvalid =
  /\b(?:revok\w*|rotat\w*|disabl\w*|deactivat\w*|invalidat\w*|regenerat\w*|reissu\w*|delet\w*|expired|rolled)\b/i

/** Whether `text` announces a credential made invalid (see the module header). */
export const credentialChanged = (text: string): boolean =>
  credentialNoun.test(text) && madeInvalid.test(text)

/** A finding title for the change, naming the provider when the message names one. */
export const credentialChangeTitle = (
  subject: string,
  provider: string | undefined,
  channel: string,
  line: string,
): string =>
  `Credential revoked / rotated${provider === undefined ? "" : ` (${provider})`} for ${subject} announced in ${channel}: ${line}`
