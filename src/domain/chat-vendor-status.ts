/**
 * A third party's status-page incident as it reaches a channel: a status feed's post ("*Twilio
 * Status* — Investigating: Elevated API error rates …") or a pasted status link
 * (`status.stripe.com/incidents/…`, `acme.statuspage.io`, `githubstatus.com`). The alert rarely
 * names the provider (an SMS failure ratio, a queue's age), so the post is evidence by itself:
 * the provider says it is failing while we are. A resolved incident or a scheduled maintenance
 * is history, not evidence. Pure.
 */

export interface VendorStatus {
  /** The provider, lower-case, as its status page names it ("twilio", "stripe"). */
  readonly vendor: string
}

// `status.twilio.com`, `status.stripe.com`: the provider is the second label.
const statusHost = /\bstatus\.([a-z0-9-]{2,40})\.(?:com|io|net|org|app|dev|co|cloud)\b/i
// `acme.statuspage.io`, `githubstatus.com`, `www.cloudflarestatus.com`.
const statusPageHost = /\b(?:www\.)?([a-z0-9-]{2,40}?)(?:\.statuspage\.io|status\.com)\b/i
// "*Twilio Status* —", "Stripe Status:", at the start of the post (a feed's own heading).
const statusHeading = /^[\s*_>]*([A-Z][\w.&-]{1,30}(?: [A-Z][\w.&-]{1,30})?) Status\b/
// An incident under way, in the words status pages use.
const incidentWords =
  /\b(?:investigating|identified|monitoring|update|degraded|degradation|partial outage|major outage|outage|elevated|increased|disruption|delayed|errors?|latency|unavailable|incident)\b/i
// Over, or not an incident at all.
const overWords = /\b(?:resolved|completed|scheduled maintenance|maintenance (?:is )?scheduled|postmortem)\b/i

/**
 * The provider whose status incident a message posts, or null (see the module header). A heading
 * alone ("Twilio Status —") counts only from a bot (a status feed): a person's "Deploy Status:" is not one.
 */
export const vendorStatusOf = (text: string, fromBot: boolean): VendorStatus | null => {
  const head = text.split("\n").slice(0, 3).join("\n")
  const vendor =
    statusHost.exec(text)?.[1] ??
    statusPageHost.exec(text)?.[1] ??
    (fromBot ? statusHeading.exec(head)?.[1] : undefined) ??
    null
  if (vendor === null || !incidentWords.test(text) || overWords.test(head)) return null
  return { vendor: vendor.toLowerCase() }
}
