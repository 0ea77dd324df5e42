/** A signed webhook body must be a JSON object; anything else is a 400 with a reason, never a throw. */
import { Either } from "effect"
import { MalformedWebhook } from "../../ports/chat-platform.js"

export const parseJsonObject = (rawBody: string): Either.Either<object, MalformedWebhook> => {
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    return Either.left(new MalformedWebhook({ message: "invalid JSON body" }))
  }
  return typeof json === "object" && json !== null && !Array.isArray(json)
    ? Either.right(json)
    : Either.left(new MalformedWebhook({ message: "the JSON body is not an object" }))
}
