/**
 * An optional observer of the reports an investigation releases: the scenario harness (CLI,
 * demo, e2e tests) uses it to print the report as data the moment it is released, without
 * scraping chat. Nothing in production provides it.
 */
import { Context, type Effect } from "effect"
import type { MessageRef } from "./dedup.js"
import type { IncidentReport } from "./incident-report.js"

export interface ReportTapService {
  readonly released: (report: IncidentReport, posted: ReadonlyArray<MessageRef>) => Effect.Effect<void>
  readonly updated: (report: IncidentReport) => Effect.Effect<void>
}

export class ReportTap extends Context.Tag("sre-on-call/ReportTap")<ReportTap, ReportTapService>() {}
