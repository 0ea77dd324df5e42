/**
 * A person names what they use ("login is slow", "checkout is broken"); the service that does
 * it is often called something else (`authgate`), but it logs and labels the route that serves
 * the word (`POST /v1/login`, `route="/v1/login"`). A word that is a whole path segment of a
 * route in a line or a label ties that line's service to the person's report. Pure.
 */
import type { AlertFacts } from "./alert-facts.js"

// Words too common to tie a route to a report ("/api", "/health" are on every service).
const tooCommon = new Set(
  "api apis app web www v1 v2 v3 health healthz ready readyz live livez status metrics internal public static assets service services".split(
    " ",
  ),
)

/** The words a person's report names its subject by (none for a machine alert). */
export const routeWordsOf = (facts: AlertFacts): ReadonlyArray<string> => {
  if (facts.source !== "human") return []
  const words = [facts.service, facts.workload].flatMap((w) => {
    const word = w?.trim().toLowerCase() ?? ""
    return /^[a-z][a-z0-9_-]{2,40}$/.test(word) && !tooCommon.has(word) ? [word] : []
  })
  return [...new Set(words)]
}

const singular = (w: string): string => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w)

// A route as a server logs or labels it: a path that starts at a delimiter (`POST /v1/login`,
// `path="/v1/login"`). A path after a host (`https://authgate/v1/login`) is a call a client
// makes, so a caller's line about the route does not make the caller the subject.
const routePath = /(?:^|[\s"'`=([,;])(\/[a-z0-9_.{}:/-]{2,200})/g

/** The served routes in `text`, each as its lower-case path segments, in order. */
export const routeSegments = (text: string): ReadonlyArray<ReadonlyArray<string>> =>
  [...text.toLowerCase().matchAll(routePath)].flatMap((m) => {
    const path = m[1] ?? ""
    return path.startsWith("//") ? [] : [path.split(/[/?#]/).filter((s) => s !== "")]
  })

// Segments every service has (versions, "api", health checks), which name none of them.
const commonSegment =
  /^(?:v\d+|api|apis|internal|public|health|healthz|healthcheck|status|ready|readyz|live|livez|ping|index\.html)$/

/** The first segment of a route that can name its service (`/api/v2/orders/42` → `orders`). */
export const namingSegment = (segments: ReadonlyArray<string>): string | undefined =>
  segments.find((s) => s.length >= 3 && !commonSegment.test(s))

/** Whether `text` has `word` (or its singular/plural) as a whole segment of a served route. */
export const namesRoute = (text: string, word: string): boolean => {
  if (!text.toLowerCase().includes(word.slice(0, 4))) return false
  const wanted = singular(word)
  return routeSegments(text).some((route) => route.some((s) => s.length >= 3 && singular(s) === wanted))
}

/** Whether `text` names one of the report's words as a route (see the module header). */
export const namesReportRoute = (facts: AlertFacts, text: string): boolean =>
  routeWordsOf(facts).some((w) => namesRoute(text, w))
