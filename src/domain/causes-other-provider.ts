/**
 * An alert about one provider is not explained by trouble calling another. Datadog's "SMS send
 * failure rate … provider:twilio" with a 401 chain on Twilio first: SendGrid's 429s on the same
 * service's email path are real, but they cause nothing the alert says, and a cause about them
 * sends the person reading at 3 am to the wrong vendor. So when the alert's own labels name its
 * provider (`facts.dependencies`) and the first cause is about that provider, a later cause that
 * is only about calls going wrong (rate limits, refusals, timeouts, errors) and whose failure
 * headlines never name that provider is dropped; its findings stay in the evidence. A later cause
 * of another kind (a crash, an OOM, a node) is kept: it is no other provider's trouble. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"
import type { Chain } from "./causes-chain.js"
import type { Mode } from "./causes-modes.js"

/** What a dependency call going wrong looks like, whichever dependency it is. */
const callModes: ReadonlySet<Mode> = new Set<Mode>([
  "limits",
  "auth",
  "timeout",
  "unavailable",
  "errors",
  "connections",
  "dns",
  "outcome",
])

const headlines = (chain: Chain): string =>
  (chain.roots.length > 0 ? chain.roots : chain.outcomes).map((f) => f.title.toLowerCase()).join("\n")

const aboutOwn = (chain: Chain, own: ReadonlyArray<string>): boolean => {
  const text = headlines(chain)
  return own.some((p) => text.includes(p))
}

/** The ranked chains without later ones about calls to providers the alert does not name. */
export const withoutOtherProviders = <C extends { readonly chain: Chain }>(
  facts: Pick<AlertFacts, "dependencies">,
  ranked: ReadonlyArray<C>,
): ReadonlyArray<C> => {
  const own = facts.dependencies.map((d) => d.toLowerCase())
  const first = ranked[0]
  if (own.length === 0 || first === undefined || !aboutOwn(first.chain, own)) return ranked
  return ranked.filter(
    (r, i) => i === 0 || !r.chain.modes.every((m) => callModes.has(m)) || aboutOwn(r.chain, own),
  )
}
