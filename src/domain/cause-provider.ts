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
