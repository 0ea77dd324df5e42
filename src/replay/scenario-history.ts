/**
 * A scenario's `history:` entries as the incident store's records, seeding the in-memory store
 * of that run: imported incidents (no investigation id, no alert message), their link and
 * their resolution time as recorded. Pure.
 */
import type { IncidentRecord } from "../domain/incident-record.js"
import type { Scenario } from "./scenario.js"

export const historyRecords = (scenario: Scenario): ReadonlyArray<IncidentRecord> =>
  scenario.history.map((h) => ({
    id: h.id,
    investigationId: null,
    title: h.title,
    summary: h.summary,
    rootCause: h.root_cause,
    causes: [h.root_cause],
    alertName: h.alert_name ?? null,
    service: h.service ?? null,
    namespace: h.namespace ?? null,
    cluster: null,
    severity: null,
    alert: null,
    link: h.link,
    // The format records when it was resolved, not when it fired: the closest known time.
    occurredAt: h.resolved_at,
    resolvedAt: h.resolved_at,
    recordedAt: h.resolved_at,
  }))
