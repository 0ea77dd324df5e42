/** Hands investigation requests from intake to dispatch: SQS in AWS, an in-process Queue locally. */
import { Context, type Effect, Schema } from "effect"
import type { InvestigationRequest } from "../domain/investigation-request.js"

export class DispatchQueueError extends Schema.TaggedError<DispatchQueueError>()("DispatchQueueError", {
  message: Schema.String,
  cause: Schema.optional(Schema.Defect),
}) {}

export interface DispatchQueueService {
  readonly enqueue: (request: InvestigationRequest) => Effect.Effect<void, DispatchQueueError>
}

export class DispatchQueue extends Context.Tag("sre-on-call/DispatchQueue")<
  DispatchQueue,
  DispatchQueueService
>() {}
