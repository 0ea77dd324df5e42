/**
 * Words for comparing incidents: the same normaliser on both sides (the new alert and a past
 * incident's text), so a crude rule is still a symmetric one. Identifiers are kept whole AND
 * split (`payments-api` → payments-api, payments, api; `KubeNodeNotReady` → kubenodenotready,
 * kube, node, not, ready), plurals and -ing/-ed endings are cut so "timeouts"/"timed out" and
 * "OOMKilled"/"oom killed" meet, and words that name no failure (English filler, template
 * labels, platform boilerplate such as "kube", "prod", "api") are dropped.
 */

const stopWords: ReadonlySet<string> = new Set(
  (
    "a an the and or but if then else of in on at to for from with by into onto over under above below after before " +
    "during about around since until than as is are was were be been being has have had do does did not no yes it its " +
    "this that these those there here we i you they he she our my your their them us me what which who when where why " +
    "how all any some each every more most less few many much very just also still again already now can could would " +
    "should will may might must get got one two three min minute minutes hour hours day days ago time times " +
    "alert alerts alertname firing resolved detail details label labels annotation annotations description summary " +
    "value values source severity critical warning warn info high low medium state status alarm triggered monitor " +
    "incident incidents threshold https http www com net org io html investigate investigation " +
    "kube kubernetes k8s eks pod pods namespace cluster container containers job prod production staging api app " +
    "service services server web svc deployment instance"
  ).split(" "),
)

const wordPattern = /[A-Za-z0-9][A-Za-z0-9._-]*/g

/** Cut the endings that keep the same failure from matching itself; only when a stem remains. */
export const stem = (word: string): string => {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`
  if (word.length > 6 && word.endsWith("ing")) return word.slice(0, -3)
  if (word.length > 5 && word.endsWith("ed")) return word.slice(0, -2)
  if (word.length > 4 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

/** `KubeNodeNotReady` → [Kube, Node, Not, Ready]; `HTTPServerError` → [HTTP, Server, Error]. */
const camelParts = (word: string): ReadonlyArray<string> =>
  word.match(/[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [word]

const keep = (w: string): boolean => w.length >= 2 && !stopWords.has(w) && !/^\d+$/.test(w)

/** The terms of a text, in order of first appearance, without duplicates. */
export const termsOf = (text: string): ReadonlyArray<string> => {
  const out = new Set<string>()
  const add = (raw: string) => {
    const w = raw.toLowerCase()
    if (keep(w)) out.add(stem(w))
  }
  for (const m of text.matchAll(wordPattern)) {
    const whole = m[0].replace(/[._-]+$/, "")
    add(whole)
    const pieces = whole.split(/[._-]+/)
    for (const piece of pieces.length > 1 ? pieces : []) add(piece)
    for (const piece of pieces) {
      const parts = camelParts(piece)
      if (parts.length > 1) for (const part of parts) add(part)
    }
  }
  return [...out]
}

/** Every term of a text, repeats included (term frequencies for BM25). */
export const termBag = (text: string): ReadonlyArray<string> =>
  text.split(/\n+/).flatMap((line) => line.split(/(?<=[.;:!?])\s+|\s+/).flatMap(termsOf))

/** A name as compared: lower case, single spaces. */
export const normalName = (name: string | null | undefined): string | null => {
  const n = (name ?? "").trim().toLowerCase().replace(/\s+/g, " ")
  return n === "" ? null : n
}

/** Does `text` name `name` as a whole word (not inside a longer identifier)? */
export const mentions = (text: string, name: string): boolean => {
  if (name.length < 4) return false
  const lower = text.toLowerCase()
  for (let i = lower.indexOf(name); i !== -1; i = lower.indexOf(name, i + 1)) {
    const before = lower[i - 1] ?? " "
    const after = lower[i + name.length] ?? " "
    if (
      !/[a-z0-9_-]/.test(before) &&
      !/[a-z0-9_]/.test(after) &&
      !(after === "-" && /[a-z0-9]/.test(lower[i + name.length + 1] ?? " "))
    )
      return true
  }
  return false
}
