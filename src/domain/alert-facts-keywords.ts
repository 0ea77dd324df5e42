/**
 * Search terms for ranking evidence by relevance (log lines, chat messages, past incidents):
 * first the names already extracted, then identifier-shaped tokens, error terms and HTTP codes
 * from the text, then its other content words. Template boilerplate ("alertname", "firing",
 * "details") and English filler never rank anything, so they are left out.
 */

export const maxKeywords = 30

const token = /(?<![A-Za-z0-9._-])[A-Za-z0-9][A-Za-z0-9._-]{0,79}/g
const httpCode = /^(?:[45]\d\d|[45]xx)$/
const identifierLike = /[A-Za-z0-9][-_.][A-Za-z0-9]|[a-z][A-Z]|^[A-Z]{3,}\d*$/

const errorTerms = new Set(
  (
    "error errors exception exceptions failed failing failure failures fatal panic crash crashed crashing crashloop " +
    "crashlooping crashloopbackoff oom oomkilled killed timeout timeouts timedout refused unavailable unreachable " +
    "latency slow throttling throttled backlog lag lagging outage degraded saturation saturated disk memory cpu full " +
    "enospc econnrefused econnreset etimedout restart restarts restarting evicted notready unhealthy imagepullbackoff " +
    "errimagepull leak deadlock dlq 5xx 4xx rejected denied expired certificate quota"
  ).split(" "),
)

const stopWords = new Set(
  (
    "a an the and or but if then else of in on at to for from with by into onto over under above below after before " +
    "during about around since until than as is are was were be been being has have had do does did not no yes it its " +
    "this that these those there here we i you they he she our my your their them us me what which who whom when where " +
    "why how all any some each every more most less few many much very just also still again already now please can " +
    "could would should will shall may might must take look looking seeing seen see see get got getting make made " +
    "something anything everything nothing everyone someone thanks thank hey hi hello ok okay one two three last longer " +
    "min mins minute minutes hour hours sec secs second seconds day days ago times time couple lot lots way thing things " +
    "alert alerts alerting alertname firing resolved details detail labels label annotations annotation description " +
    "summary value values source severity critical warning warn info high low medium state status alarm triggered " +
    "monitor incident threshold crossed datapoint datapoints greater less https http www com net org io html view " +
    "investigate investigation help started starting going been through roof everyone pod pods namespace cluster " +
    "container job reason account changed event events env urgency priority region dimensions metric east west " +
    "north south central virginia ohio oregon ireland off talking returns return reading tags"
  ).split(" "),
)

const salient = (raw: string, lower: string): boolean =>
  httpCode.test(lower) || errorTerms.has(lower) || (identifierLike.test(raw) && /[a-z]/.test(lower))

const contentWord = (lower: string): boolean => /^[a-z][a-z-]{2,}$/.test(lower)

/** Keywords: `names` first (already extracted facts), then salient tokens, then content words. */
export const keywordsOf = (plain: string, names: ReadonlyArray<string | null>): ReadonlyArray<string> => {
  const words = [...plain.matchAll(token)].map((m) => m[0].replace(/[._-]+$/, ""))
  const candidates = words.flatMap((raw) => {
    const lower = raw.toLowerCase()
    return lower.length < 2 || stopWords.has(lower) ? [] : [{ raw, lower }]
  })
  const ordered = [
    ...names.flatMap((n) => (n === null || n.length === 0 ? [] : [n.toLowerCase()])),
    ...candidates.filter((c) => salient(c.raw, c.lower)).map((c) => c.lower),
    ...candidates.filter((c) => contentWord(c.lower)).map((c) => c.lower),
  ]
  return [...new Set(ordered)].slice(0, maxKeywords)
}
