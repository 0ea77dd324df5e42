/**
 * How a person's words name a product, for a report that names no service (causes-scope.ts).
 * People say what they use ("the payments page spins"), teams name workloads after what they
 * do (`charge-worker` in namespace `billing`): one product, different words. A few families of
 * such words stand for one another; a hint of a family matches a workload whose name or
 * namespace holds any word of it. And some words say who complains, not what broke ("a bunch of
 * members in live chat", "customers say"): a workload named after them (`member-search`) is the
 * subject only when none of the report's other words names one. Pure.
 */
import { nameWords } from "./word-stems.js"

// Words for one product, as people and teams write them. Kept to unambiguous families: a word
// in two families would pull an unrelated domain into the report's scope.
const families: ReadonlyArray<ReadonlySet<string>> = [
  new Set(
    "pay paying payment payments billing charge charges charging invoice invoices invoicing".split(" "),
  ),
  new Set("login logins signin sign-in auth authn authentication".split(" ")),
]

/** The other words of `hint`'s family (lower-case), empty when it has none. */
export const productFamily = (hint: string): ReadonlySet<string> =>
  families.find((f) => f.has(hint.toLowerCase())) ?? new Set()

/**
 * Whether a workload `name` (in `namespace`, when known) is named with a word of `hint`'s
 * family: "payments" → `charge-worker`, or any workload of namespace `billing`.
 */
export const namesProduct = (hint: string, name: string, namespace: string | null): boolean => {
  const family = productFamily(hint)
  if (family.size === 0) return false
  const words = [...nameWords(name), ...(namespace === null ? [] : nameWords(namespace))]
  return words.some((w) => family.has(w))
}

// Who reports or is affected, not what broke: "members in live chat", "users say", "customers".
const audience = new Set(
  "user users customer customers member members client clients people folks player players subscriber subscribers shopper shoppers guest guests visitor visitors".split(
    " ",
  ),
)

/** Whether a report's word says who complains rather than naming a product (see the module header). */
export const isAudienceWord = (hint: string): boolean => audience.has(hint.toLowerCase())
