/**
 * What intake puts on the dispatch queue: one investigation to start. Serialised with
 * `encodeInvestigationRequest` (SQS body) and decoded strictly on the way out.
 */
import { Schema } from "effect"
import { AlertContext } from "./alert-context.js"
import { Classification } from "./classification.js"
import { InteractionRef } from "./interaction.js"

export const InvestigationRequest = Schema.Struct({
  investigationId: Schema.String,
  /** `{platform}#{channel}#{messageId}` plus `#rN` for an "investigate again" */
  dedupKey: Schema.String,
  context: AlertContext,
  classification: Classification,
  /** Discord only: the deferred interaction response to edit into "🔎 Investigating…". */
  interaction: Schema.NullOr(InteractionRef),
  requestedAt: Schema.DateTimeUtc,
})
export type InvestigationRequest = typeof InvestigationRequest.Type

export const InvestigationRequestJson = Schema.parseJson(InvestigationRequest)
export const encodeInvestigationRequest = Schema.encodeSync(InvestigationRequestJson)
export const decodeInvestigationRequest = Schema.decodeUnknown(InvestigationRequestJson, {
  onExcessProperty: "error",
})
