/**
 * A dependency outside the cluster is a provider, named by its registrable domain: the caller's
 * lines time out on "https://a1b2c3-acme-checkout-live.adyenpayments.com/…" or "api.stripe.com",
 * and what an on-call engineer acts on is the provider (Adyen, Stripe — its status page, its
 * support), not the account-specific first label nor the generic "api". Hosts inside the
 * cluster or the cloud account ("….svc.cluster.local", "….rds.amazonaws.com", "….internal")
 * keep their first label: that is the workload or instance a team owns.
 */

// Domains whose first label is the resource (an RDS instance, an ElastiCache node, a cluster
// Service), not a provider to call: the owner is the team, the domain is the platform.
const ownedSuffixes =
  /(?:\.svc(?:\.cluster\.local)?|\.cluster\.local|\.local|\.internal|\.intranet|\.corp|\.lan|\.home\.arpa|\.amazonaws\.com|\.amazonaws\.com\.cn|\.compute\.internal|\.azure\.com|\.windows\.net|\.cloud\.goog)$/

// Second-level labels under a country code that are not registrable on their own ("co.uk").
const secondLevels = new Set(["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"])

/** The registrable domain of an external host ("api.stripe.com" → "stripe.com"); null when in-house. */
export const providerDomain = (host: string): string | null => {
  const h = host.toLowerCase().replace(/\.$/, "")
  const labels = h.split(".")
  const tld = labels[labels.length - 1] ?? ""
  // A public host ends in an alphabetic top-level domain; a bare name or an IP is in-house.
  if (labels.length < 2 || !/^[a-z]{2,24}$/.test(tld) || ownedSuffixes.test(h)) return null
  const second = labels[labels.length - 2] ?? ""
  const take = tld.length === 2 && secondLevels.has(second) && labels.length >= 3 ? 3 : 2
  if (labels.length < take) return null
  return labels.slice(-take).join(".")
}

/** The whole host a dependency name was read from ("a1b2-live" in "https://a1b2-live.adyen.com/x"). */
export const hostAt = (text: string, at: number): string => /^[a-z0-9.-]+/.exec(text.slice(at))?.[0] ?? ""

/** An external provider's domain reads as one ("adyenpayments.com"); an in-house name has no dot. */
export const isProviderName = (name: string): boolean => name.includes(".")

// What a line says right before a link it gives for reading, not a host it called: SQLAlchemy's
// "(Background on this error at: https://sqlalche.me/e/20/3o7r)", "see https://docs.aws.…",
// "More information can be found at https://…", "help: https://…", "for more info visit …".
const readingCue =
  /(?:\bsee(?:\s+also)?|\bvisit|\brefer\s+to|\bread\s+more|\blearn\s+more|\bmore\s+at|\bfound\s+at|\bthis\s+error\s+at|\bdocs?|\bdocumentation|\bhelp|\bmore\s+info(?:rmation)?|\binformation|\bdetails|\bguide|\bfaq)\s*[:\-–]?\s*[("'<[]*\s*(?:https?:\/\/)?$/
// Hosts that only serve pages to read ("docs.aws.amazon.com", "help.example.com").
const readingHost = /^(?:docs?|help|wiki|kb|learn|errors)\./

/**
 * Whether the host at `at` is a link given for reading, not where the failing call went: its
 * error text's documentation link is no provider and no dependency (the line's own words before
 * it, on the same line, say "see", "background on this error at:", "help:").
 */
export const isReadingLink = (text: string, at: number): boolean => {
  const before = text.slice(Math.max(0, at - 60), at)
  const line = before.slice(before.lastIndexOf("\n") + 1)
  return readingCue.test(line) || readingHost.test(hostAt(text, at))
}

// An ellipsis a clip leaves ("https://api.routewis…"): the host before it is cut short.
const ellipsis = /^(?:…|\.\.\.)/

/**
 * The whole host at `at`, or null when a clip cut it: a title clipped at ~110 characters may end
 * inside a host ("https://api.routewis…" → "routewis" is no provider). With the finding's full
 * text (excerpt, detail), a cut host is read there instead — the first host that starts with
 * the cut one; a title's end counts as a cut only when the full text is given.
 */
export const wholeHostAt = (text: string, at: number, full?: string): string | null => {
  const host = hostAt(text, at).replace(/\.+$/, "")
  const after = text.slice(at + host.length)
  const clipped = ellipsis.test(after)
  if (!clipped && (full === undefined || after.trim() !== "")) return host
  if (full === undefined || host === "") return null
  const hosts = [...full.toLowerCase().matchAll(/[a-z0-9.-]+/g)].map((m) => m[0].replace(/\.+$/, ""))
  const longer = hosts.find((h) => h.startsWith(host) && h.length > host.length)
  // At an ellipsis the host was cut: only a longer host completes it. At the title's end it may
  // be whole: the full text naming it as is confirms it.
  const same = hosts.includes(host) ? host : undefined
  return (clipped ? longer : (same ?? longer)) ?? null
}
