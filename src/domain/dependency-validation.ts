/**
 * A dependency's validation rejection: the service called another and got its request refused as
 * malformed — `POST https://…/v2/readings -> 422 Unprocessable Entity: {"detail":[{"type":
 * "missing","loc":[…,"hive_uuid"],"msg":"Field required"}]}` (FastAPI/pydantic), Spring's
 * "400 Bad Request … validation failed for argument", "missing required field 'x'", "unknown
 * field" — after the other side shipped a new schema. What an SRE needs is the status, that it is
 * validation, the field, and the dependency (the cause's "(dependency: …)" names it).
 *
 * Read in lower case (causes-modes.ts' kindAndText). The words must say validation, not just a
 * 400: a bare "400 Bad Request" is too vague to call a schema change. A 422 a service's own access
 * log shows it returned (`"POST /v2/readings HTTP/1.1" 422`) is inbound — a bad client, not a
 * dependency — and is left out: the line must name the call (a URL, an HTTP client's error). Pure.
 */

// The words that say the request's body did not validate.
const validationWords = String.raw`\b422\b|unprocessable[ _]entity|field required|missing required (?:field|property|parameter|attribute)|unknown (?:field|property)|extra inputs are not permitted|additional propert(?:y|ies)(?: are)? not allowed|schema validation|does not match (?:the )?schema|(?:request|payload|body|input) validation (?:failed|error)|validation (?:failed|error)s? for (?:field|argument|object|property)|\bvalidationerror\b`

// An outbound call on the line: a URL, or an HTTP client's own error class.
const outboundWords =
  "https?://|client error|httpclienterror|webclientresponseexception|httperror|response from|request to|calling"

const validation = new RegExp(validationWords)
const outbound = new RegExp(outboundWords)
// The server's access-log shape: a request line with no host, then the status it returned.
const inboundAccessLog = /"(?:get|post|put|patch|delete) \/[^"\s]* http\/[\d.]+" 4\d\d\b/

/** Whether a finding's lower-cased words report a dependency rejecting the call as invalid. */
export const isDependencyValidation = (text: string): boolean =>
  validation.test(text) && outbound.test(text) && !(inboundAccessLog.test(text) && !/https?:\/\//.test(text))

/** The validation words alone (causes-labels.ts matches them, then reads the whole text). */
export const validationRejectionWords = validation

// The field the body lacked or should not have had, in the wordings above.
const fieldPatterns: ReadonlyArray<RegExp> = [
  /"loc":\s*\[[^\]]*?"([\w.-]+)"\s*\],\s*"msg":\s*"field required"/,
  /([\w.-]+):\s*field required/,
  /missing required (?:field|property|parameter|attribute)[\s:'"`\\]+([\w.-]+)/,
  /unknown (?:field|property)[\s:'"`\\]+([\w.-]+)/,
  /field[\s'"`\\]+([\w.-]+)[\s'"`\\]+(?:is )?required/,
]

/** The HTTP status the text states ("422 Unprocessable Entity"), or null. */
export const statusOf = (text: string): string | null => {
  const m = /\b(4\d\d)\b[ \t:]*(unprocessable[ _]entity|bad request)?/.exec(text)
  if (m === null) return null
  return m[1] === "422" ? "422 Unprocessable Entity" : m[1] === "400" ? "400 Bad Request" : (m[1] ?? null)
}

/** "422 Unprocessable Entity: request rejected by the dependency's validation (field hive_uuid)". */
export const dependencyValidationLabel = (text: string): string => {
  const field = fieldPatterns.map((p) => p.exec(text)?.[1]).find((f) => f !== undefined)
  const status = statusOf(text)
  const what = field === undefined ? "" : ` (field ${field.split(".").pop() ?? field})`
  return `${status === null ? "" : `${status}: `}request rejected by the dependency's validation${what}`
}
