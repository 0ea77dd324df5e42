/**
 * A sending provider refusing the account, not the message: Amazon SES pauses an account's
 * sending when its bounce or complaint rate crosses the review threshold (SendingPausedException,
 * "the account's ability to send email is currently paused"), and refuses past the account's
 * quota ("Daily message quota exceeded", "Maximum sending rate exceeded"). Every send fails
 * while the mailer's pods stay healthy and its health checks pass, and a person reports only
 * that "emails stopped going out": these lines are read with the other silent failures
 * (credential-failure-lines.ts). A messaging provider's plain 429 (an SMS API's throttling) is
 * not one: it is retried and delivered. Pure.
 */

/** The words of an email provider refusing the account (lower case; Amazon SES's exceptions and sentences). */
export const providerRefusalWords = [
  "sendingpausedexception",
  "ability to send email is currently paused",
  "sending paused for this account",
  "account sending is paused",
  "daily message quota exceeded",
  "maximum sending rate exceeded",
  "mailfromdomainnotverifiedexception",
  "accountsendingpausedexception",
]

const refusal = new RegExp(providerRefusalWords.map((w) => w.replace(/ /g, "\\s+")).join("|"), "i")

/** Whether a line says an email provider refused the sending account (see the module header). */
export const isProviderRefusalLine = (line: string): boolean => refusal.test(line)
