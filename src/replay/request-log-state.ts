/**
 * What a replay server remembers about every request the bot sent it, so tests assert on the
 * wire (method, path, parsed body, whether credentials were presented) rather than on mocks.
 * `awaitCount` lets a test wait for "the first attempt arrived" without sleeping.
 */
import { Effect } from "effect"

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  /** The API operation: `chat.postMessage`, `createMessage`, `SendMessage`, … */
  readonly operation: string
  readonly query: Readonly<Record<string, string>>
  /** The parsed body (JSON or form fields); null when there was none. */
  readonly body: unknown
  /** Whether an Authorization header came, and whether it matched (never the credential itself). */
  readonly authorization: "none" | "valid" | "invalid"
}

export interface RequestLog {
  readonly record: (request: RecordedRequest) => void
  readonly all: () => ReadonlyArray<RecordedRequest>
  /** Resolves once at least `count` requests (matching `operation`, when given) were recorded. */
  readonly awaitCount: (count: number, operation?: string) => Effect.Effect<ReadonlyArray<RecordedRequest>>
}

export const makeRequestLog = (): RequestLog => {
  const requests: Array<RecordedRequest> = []
  const waiters = new Set<() => void>()
  const matching = (operation: string | undefined) =>
    operation === undefined ? requests : requests.filter((r) => r.operation === operation)
  return {
    record: (request) => {
      requests.push(request)
      for (const wake of [...waiters]) wake()
    },
    all: () => [...requests],
    awaitCount: (count, operation) =>
      Effect.async<ReadonlyArray<RecordedRequest>>((resume) => {
        const check = () => {
          const found = matching(operation)
          if (found.length < count) return false
          waiters.delete(wake)
          resume(Effect.succeed([...found]))
          return true
        }
        const wake = () => {
          check()
        }
        if (check()) return
        waiters.add(wake)
        return Effect.sync(() => waiters.delete(wake))
      }),
  }
}

/** Lower-cased Authorization check against an expected `<scheme> <secret>`. */
export const authorizationOf = (
  header: string | undefined,
  expected: string,
): RecordedRequest["authorization"] =>
  header === undefined || header === "" ? "none" : header === expected ? "valid" : "invalid"

/** Query parameters as a plain record (last value wins). */
export const queryOf = (url: string): Record<string, string> => Object.fromEntries(new URL(url).searchParams)

/** The path as sent (still percent-encoded), unlike Hono's decoded `c.req.path`. */
export const rawPathOf = (url: string): string => new URL(url).pathname
