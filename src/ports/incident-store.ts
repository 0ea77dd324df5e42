/**
 * IncidentStore: the memory of past incidents. The master records every finished
 * investigation (`record`, an upsert by id, so a late revision replaces the first); the
 * incident-history agent asks which past incidents resemble a new alert (`similar`). Ranking is
 * the pure `rankIncidents`; a store only decides which candidates to rank (a DynamoDB store
 * reads a few bounded partitions, never the whole table) and never returns an excluded one.
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { IncidentRecord } from "../domain/incident-record.js"
import type { IncidentMatch, SimilarOptions, SimilarQuery } from "../domain/incident-similarity.js"

export class IncidentStoreError extends Schema.TaggedError<IncidentStoreError>()("IncidentStoreError", {
  reason: Schema.Literal("not_configured", "unavailable", "throttled", "corrupt"),
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
}) {}

export interface SimilarIncidents {
  /** Best first, at most `limit`, never an excluded incident. */
  readonly matches: ReadonlyArray<IncidentMatch>
  /** Past incidents considered (after exclusion): 0 means the store knows nothing relevant. */
  readonly considered: number
}

export interface IncidentStoreService {
  /** Insert or replace the incident with this id. */
  readonly record: (incident: IncidentRecord) => Effect.Effect<void, IncidentStoreError>
  readonly similar: (
    query: SimilarQuery,
    options: SimilarOptions,
  ) => Effect.Effect<SimilarIncidents, IncidentStoreError>
}

export class IncidentStore extends Context.Tag("sre-on-call/IncidentStore")<
  IncidentStore,
  IncidentStoreService
>() {}

export const incidentStoreNotConfigured = "no incident store configured in this deployment"

/** Refuses every call `not_configured`: the agent answers `unhealthy`, the master skips recording. */
export const notConfiguredIncidentStore = (
  message: string = incidentStoreNotConfigured,
): IncidentStoreService => {
  const refuse = () => Effect.fail(new IncidentStoreError({ reason: "not_configured", message }))
  return { record: refuse, similar: refuse }
}

export const notConfiguredIncidentStoreLayer = (
  message: string = incidentStoreNotConfigured,
): Layer.Layer<IncidentStore> => Layer.succeed(IncidentStore, notConfiguredIncidentStore(message))
