/**
 * The dedup rules as DynamoDB expressions, pure so they can be read next to the domain rules
 * they encode: `claimCondition` is `canClaim`, `transitionExpressions` is `allowedTransitions`
 * restricted to the holder, `releaseCondition` lets only the holder give back a RECEIVED claim.
 *
 * `canClaim` is strict (`now - claimedAt > reclaimAfterMs`), i.e. `claimedAt < now - reclaimAfterMs`.
 * The GATED clause is only present when the request re-claims gated messages: the same truth
 * table as `(:reclaimGated = true AND #s = :gated)` without comparing two constants.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Option } from "effect"
import { allowedTransitions, type ClaimPolicy, type ClaimRequest, DedupState } from "../../domain/dedup.js"
import type { TransitionRequest } from "../../ports/dedup-store.js"
import { toAttributeValue as av } from "./dedup-item.js"

export interface ConditionalWrite {
  readonly ConditionExpression: string
  readonly ExpressionAttributeNames: Record<string, string>
  readonly ExpressionAttributeValues: Record<string, AttributeValue>
}

export interface ConditionalUpdate extends ConditionalWrite {
  readonly UpdateExpression: string
}

/** `state` is a DynamoDB reserved word. */
const stateName = { "#s": "state" }

export const claimCondition = (req: ClaimRequest, policy: ClaimPolicy): ConditionalWrite => {
  const clauses = [
    "attribute_not_exists(pk)",
    "expiresAt <= :now",
    "(#s = :received AND claimedAt < :staleBefore)",
    ...(req.reclaimGated ? ["#s = :gated"] : []),
  ]
  return {
    ConditionExpression: clauses.join(" OR "),
    ExpressionAttributeNames: stateName,
    ExpressionAttributeValues: {
      ":now": av.number(req.now),
      ":received": av.string("RECEIVED"),
      ":staleBefore": av.number(req.now - policy.reclaimAfterMs),
      ...(req.reclaimGated ? { ":gated": av.string("GATED") } : {}),
    },
  }
}

/** The states from which `allowedTransitions` reaches `to`. */
export const predecessorsOf = (to: DedupState): ReadonlyArray<DedupState> =>
  DedupState.literals.filter((from) => allowedTransitions[from].includes(to))

/**
 * Move the holder's live record to `req.to`; none when no state can reach it. An expired
 * record (not yet swept by TTL) is treated as gone, like everywhere else.
 */
export const transitionExpressions = (req: TransitionRequest): Option.Option<ConditionalUpdate> => {
  const from = predecessorsOf(req.to)
  if (from.length === 0) return Option.none()
  const fromValues = Object.fromEntries(from.map((state, i) => [`:from${i}`, av.string(state)]))
  const sets = ["#s = :to", "updatedAt = :now", ...(req.report === undefined ? [] : ["report = :report"])]
  return Option.some({
    UpdateExpression: `SET ${sets.join(", ")}`,
    ConditionExpression: `investigationId = :id AND expiresAt > :now AND #s IN (${Object.keys(fromValues).join(", ")})`,
    ExpressionAttributeNames: stateName,
    ExpressionAttributeValues: {
      ":to": av.string(req.to),
      ":now": av.number(req.now),
      ":id": av.string(req.investigationId),
      ...fromValues,
      ...(req.report === undefined ? {} : { ":report": av.messageRef(req.report) }),
    },
  })
}

export const releaseCondition = (investigationId: string): ConditionalWrite => ({
  ConditionExpression: "investigationId = :id AND #s = :received",
  ExpressionAttributeNames: stateName,
  ExpressionAttributeValues: { ":id": av.string(investigationId), ":received": av.string("RECEIVED") },
})
