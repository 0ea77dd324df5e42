/**
 * Log-group discovery against the LogSource: the alert's own log groups checked for existence,
 * then the planned prefix/pattern searches (log-group-discovery.ts), each paginated within a
 * bound, a few at a time — never the original's "list 500 groups per investigation and check
 * each name with its own call" (W19). A failing search is noted and the others still count;
 * missing credentials or a refusal fail discovery as a whole, since every call would. When the
 * alert names no cluster (and none is configured), or one with no log groups here, the clusters'
 * own searches (`/aws/containerinsights/`, `/aws/eks/`, the same page bound) find them instead.
 */
import { Effect, Either } from "effect"
import type { AlertFacts } from "../../domain/alert-facts.js"
import {
  type DiscoveryPlan,
  dependencyPlan,
  discoveryPlan,
  type FoundClusters,
  foundClusters,
  type LogGroupSearch,
  type RankedLogGroup,
  rankLogGroups,
} from "../../domain/log-group-discovery.js"
import { kinSearches, rankKin } from "../../domain/log-group-kin.js"
import { alertWords, rankByWords, wordSearches } from "../../domain/log-group-words.js"
import { reportSalientWords } from "../../domain/report-salient-words.js"
import { sharedJobGroups, streamWordsCondition } from "../../domain/shared-job-groups.js"
import { LogSourceError, type LogSourceService } from "../../ports/log-source.js"

export const maxPagesPerSearch = 3
export const maxExplicitGroups = 5
const pageSize = 50
const concurrency = 4

export interface Discovery {
  readonly plan: DiscoveryPlan
  /** Related groups that exist, best first. */
  readonly ranked: ReadonlyArray<RankedLogGroup>
  /** Clusters found by search (the alert's own cluster named none or has no groups here). */
  readonly clusters: FoundClusters
  /** Log groups the alert names that do not exist in this region. */
  readonly missing: ReadonlyArray<string>
  /** Searches that failed (the others still counted). */
  readonly failures: ReadonlyArray<LogSourceError>
  /**
   * The alert's words a shared job group's streams (shared-job-groups.ts) are narrowed to;
   * absent when no such group was taken.
   */
  readonly streamWords?: ReadonlyArray<string>
}

const search = (source: LogSourceService, s: LogGroupSearch) =>
  Effect.gen(function* () {
    const names: Array<string> = []
    let token: string | undefined
    for (let page = 0; page < maxPagesPerSearch; page++) {
      const result = yield* source.describeLogGroups({
        ...(s.by === "prefix" ? { prefix: s.value } : { pattern: s.value }),
        limit: pageSize,
        ...(token === undefined ? {} : { nextToken: token }),
      })
      names.push(...result.groups.map((g) => g.name))
      if (result.nextToken === null) break
      token = result.nextToken
    }
    return names
  })

const exists = (source: LogSourceService, name: string) =>
  source.describeLogGroups({ prefix: name, limit: 5 }).pipe(
    Effect.map((page) => page.groups.some((g) => g.name === name)),
    Effect.catchIf(
      (e) => e.reason === "not_found",
      () => Effect.succeed(false),
    ),
  )

/** A failure every other call would share: no point going on. */
const fatal = (e: LogSourceError): boolean => e.reason === "not_configured" || e.reason === "forbidden"

const leftOf = <A>(r: Either.Either<A, LogSourceError>) => (Either.isLeft(r) ? [r.left] : [])

/** Run a plan's checks and searches; fails only when every call failed or one was refused outright. */
const run = (source: LogSourceService, plan: DiscoveryPlan): Effect.Effect<Discovery, LogSourceError> =>
  Effect.gen(function* () {
    const explicit = plan.explicit.slice(0, maxExplicitGroups)
    const checked = yield* Effect.forEach(explicit, (name) => Effect.either(exists(source, name)), {
      concurrency,
    })
    const searched = yield* Effect.forEach(plan.searches, (s) => Effect.either(search(source, s)), {
      concurrency,
    })
    const failures = [...checked.flatMap(leftOf), ...searched.flatMap(leftOf)]
    const firstFatal = failures.find(fatal)
    if (firstFatal !== undefined) return yield* firstFatal
    const attempts = checked.length + searched.length
    if (attempts > 0 && failures.length === attempts) {
      return yield* failures[0] ?? new LogSourceError({ reason: "unavailable", message: "discovery failed" })
    }
    const answer = (i: number) => {
      const r = checked[i]
      return r === undefined || Either.isLeft(r) ? null : r.right
    }
    const present = explicit.filter((_, i) => answer(i) === true)
    const missing = explicit.filter((_, i) => answer(i) === false)
    const found = searched.flatMap((r) => (Either.isRight(r) ? r.right : []))
    const all = [...present, ...found]
    return { plan, ranked: rankLogGroups(plan, all), clusters: foundClusters(plan, all), missing, failures }
  })

/** The log groups related to an alert, best first; `cluster` is the configured one, if any. */
export const discoverLogGroups = (
  source: LogSourceService,
  facts: AlertFacts,
  prefixes: ReadonlyArray<string>,
  alertText = "",
  cluster: string | null = null,
): Effect.Effect<Discovery, LogSourceError> => {
  const plan = discoveryPlan(facts, prefixes, alertText, cluster)
  return run(source, plan).pipe(
    Effect.flatMap((found) =>
      found.ranked.length > 0 || plan.names.length === 0 ? Effect.succeed(found) : kin(source, plan, found),
    ),
    // Still nothing: the groups named with the alert's own words (log-group-words.ts).
    Effect.flatMap((found) =>
      found.ranked.length > 0
        ? Effect.succeed(found)
        : byWords(source, alertWords(facts, alertText), found, reportSalientWords(facts, alertText)),
    ),
  )
}

/**
 * The groups named with the alert's distinctive words, and the shared job groups (AWS Batch's)
 * when their streams can be narrowed to those words; `found` as it was when none is.
 */
const byWords = (
  source: LogSourceService,
  words: ReadonlyArray<string>,
  found: Discovery,
  salient: ReadonlySet<string>,
) => {
  if (words.length === 0) return Effect.succeed(found)
  const streamScope = streamWordsCondition(words)
  const jobSearches =
    streamScope === null
      ? []
      : sharedJobGroups.map((g) => ({ by: "prefix" as const, value: g, why: "a shared job group" }))
  return Effect.all(
    [
      Effect.forEach(wordSearches(words), (s) => Effect.either(search(source, s)), { concurrency }),
      Effect.forEach(jobSearches, (s) => Effect.either(search(source, s)), { concurrency }),
    ],
    { concurrency: 2 },
  ).pipe(
    Effect.map(([searched, jobs]): Discovery => {
      const named = rankByWords(
        words,
        searched.flatMap((r) => (Either.isRight(r) ? r.right : [])),
        salient,
      )
      const shared = jobs
        .flatMap((r) => (Either.isRight(r) ? r.right : []))
        .filter((g) => sharedJobGroups.includes(g))
        .map(
          (name): RankedLogGroup => ({
            name,
            score: 0,
            reason: "the shared job group, read for the streams named with the alert's words",
            service: null,
            shared: true,
          }),
        )
      return {
        ...found,
        ranked: [...named, ...shared],
        failures: [...found.failures, ...searched.flatMap(leftOf), ...jobs.flatMap(leftOf)],
        ...(shared.length > 0 && streamScope !== null ? { streamWords: words } : {}),
      }
    }),
  )
}

/** Nothing named after the alert's names: the groups of what is named with their words (log-group-kin.ts). */
const kin = (source: LogSourceService, plan: DiscoveryPlan, found: Discovery) =>
  Effect.forEach(kinSearches(plan.names), (s) => Effect.either(search(source, s)), { concurrency }).pipe(
    Effect.map((searched): Discovery => {
      const groups = searched.flatMap((r) => (Either.isRight(r) ? r.right : []))
      return {
        ...found,
        ranked: rankKin(plan, groups),
        failures: [...found.failures, ...searched.flatMap(leftOf)],
      }
    }),
  )

/** The log groups of dependencies the alerting service blames, other than `exclude`. */
export const discoverDependencyGroups = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  exclude: ReadonlyArray<string>,
): Effect.Effect<Discovery, LogSourceError> =>
  run(source, dependencyPlan(names)).pipe(
    Effect.map((d) => ({ ...d, ranked: d.ranked.filter((g) => !exclude.includes(g.name)) })),
  )
