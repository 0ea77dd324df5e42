/**
 * `cli classify`: one JSON line in, one verdict line out, so the gate can be checked against a
 * labelled corpus from the shell (`jq`, `diff`). A bad line becomes an error line naming its
 * number and never stops the run; blank lines are skipped.
 */
import { createInterface } from "node:readline"
import { Either, Schema } from "effect"
import { classify } from "../domain/classify.js"
import type { ClassifierSettings } from "../domain/config.js"
import { Trigger } from "../domain/platform.js"

const Json = Schema.parseJson()
const JsonObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const WithText = Schema.Struct({ text: Schema.String })
const WithTrigger = Schema.Struct({ trigger: Schema.optional(Trigger) })

const triggers = Trigger.literals.join(", ")

const errorLine = (error: string, lineNo: number): string => JSON.stringify({ error, line: lineNo })

/** One input line → one output line (`null` for a blank line). Other keys in the object are ignored. */
export const classifyLine = (line: string, lineNo: number, settings: ClassifierSettings): string | null => {
  if (line.trim() === "") return null
  const json = Schema.decodeUnknownEither(Json)(line)
  if (Either.isLeft(json)) return errorLine("not valid JSON", lineNo)
  const object = Schema.decodeUnknownEither(JsonObject)(json.right)
  if (Either.isLeft(object)) return errorLine('expected a JSON object like {"text": "…"}', lineNo)
  const text = Schema.decodeUnknownEither(WithText)(object.right)
  if (Either.isLeft(text)) return errorLine('"text" must be a string', lineNo)
  const trigger = Schema.decodeUnknownEither(WithTrigger)(object.right)
  if (Either.isLeft(trigger)) return errorLine(`"trigger" must be one of: ${triggers}`, lineNo)
  const c = classify({ text: text.right.text, trigger: trigger.right.trigger ?? "mention" }, settings)
  return JSON.stringify({ verdict: c.verdict, decision: c.decision, reasons: c.reasons })
}

/** Read JSON lines from `input` until it ends, writing one result line per non-blank input line. */
export const runClassify = async (
  settings: ClassifierSettings,
  input: NodeJS.ReadableStream,
  output: (line: string) => void,
): Promise<void> => {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNo = 0
  for await (const line of lines) {
    lineNo += 1
    const result = classifyLine(line, lineNo, settings)
    if (result !== null) output(result)
  }
}
