/**
 * client-node's typed models back to wire JSON (`ObjectSerializer.serialize`: camelCase keys,
 * dates as RFC 3339) and through our Schemas. A list keeps every item that decodes and logs how
 * many did not, so one odd object never hides the rest of a namespace; a single object that
 * does not decode is an `unavailable` error naming the call.
 */
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js"
import { Effect, Either, ParseResult, Schema } from "effect"
import { ClusterError } from "../../ports/cluster.js"

const ItemsOf = Schema.Struct({
  items: Schema.optionalWith(Schema.Array(Schema.Unknown), { nullable: true, default: () => [] }),
})

const serialize = (data: unknown, type: string): unknown => ObjectSerializer.serialize(data, type)

const undecodable = (label: string, error: ParseResult.ParseError) =>
  new ClusterError({
    reason: "unavailable",
    message: `${label}: undecodable answer (${ParseResult.TreeFormatter.formatErrorSync(error).split("\n")[0] ?? ""})`,
  })

/** `type` is client-node's model name for the list (`V1PodList`, `CoreV1EventList`, …). */
export const decodeList =
  <A, I>(schema: Schema.Schema<A, I>, type: string, label: string) =>
  (list: unknown): Effect.Effect<ReadonlyArray<A>, ClusterError> =>
    Effect.gen(function* () {
      const { items } = yield* Schema.decodeUnknown(ItemsOf)(serialize(list, type)).pipe(
        Effect.mapError((e) => undecodable(label, e)),
      )
      const decoded = items.map((item) => Schema.decodeUnknownEither(schema)(item))
      const skipped = decoded.filter(Either.isLeft)
      if (skipped.length > 0) {
        yield* Effect.logWarning("kubernetes objects skipped: undecodable").pipe(
          Effect.annotateLogs({
            call: label,
            skipped: skipped.length,
            first: String(skipped[0]?.left.message ?? ""),
          }),
        )
      }
      return decoded.filter(Either.isRight).map((d) => d.right)
    })

export const decodeOne =
  <A, I>(schema: Schema.Schema<A, I>, type: string, label: string) =>
  (object: unknown): Effect.Effect<A, ClusterError> =>
    Schema.decodeUnknown(schema)(serialize(object, type)).pipe(Effect.mapError((e) => undecodable(label, e)))
