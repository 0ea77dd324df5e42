/**
 * A Lambda consumer often logs the record it took ("processing 1 record(s) … messageId=…
 * receiveCount=67") on an INFO line and its failure ("Invoke Error {TypeError …}") on another,
 * both under the invocation's request id. The failure alone names no message, so a poison message
 * (message-redelivery.ts) redelivered a hundred times looked like any repeated error. Here each
 * failing line is given the message id and receive count its own invocation stated, so the
 * redelivery reading sees one message failing again and again. Lines of other invocations, and
 * failures whose invocation named no message, are left as they are. Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { lambdaRequestIdOf } from "./log-lambda-prefix.js"

const messageId =
  /\b(?:message[_-]?id|messageid|msg[_-]?id)["']?\s*[=:]\s*["']?([A-Za-z0-9][A-Za-z0-9_-]{7,127})/i
const receiveCount =
  /\b(?:approximate[_-]?)?(?:receive|delivery|redelivery)[_ -]?(?:count|attempts?)["']?\s*[=:]?\s*["']?(\d{1,7})\b/i

const runtimeLine = /^\s{0,8}(?:START|END|REPORT|INIT_START|INIT_REPORT)\b/

/**
 * `failures` with the message id (and receive count) their invocation's `stated` lines gave;
 * a failure that states its own message id keeps it.
 */
export const withInvocationMessage = (
  failures: ReadonlyArray<LogLine>,
  stated: ReadonlyArray<LogLine>,
): ReadonlyArray<LogLine> => {
  const byInvocation = new Map<string, string>()
  for (const line of stated) {
    const request = lambdaRequestIdOf(line.message)
    const id = messageId.exec(line.message)?.[1]
    if (request === null || id === undefined) continue
    const count = receiveCount.exec(line.message)?.[1]
    byInvocation.set(
      `${line.group}\u0000${request}`,
      `messageId=${id}${count === undefined ? "" : ` receiveCount=${count}`}`,
    )
  }
  return failures.map((line) => {
    // The runtime's own START/END/REPORT lines are no failure of the record: counting them would
    // make one failed delivery look like three.
    if (messageId.test(line.message) || runtimeLine.test(line.message)) return line
    const request = lambdaRequestIdOf(line.message)
    const said = request === null ? undefined : byInvocation.get(`${line.group}\u0000${request}`)
    return said === undefined ? line : { ...line, message: `${line.message} (${said})` }
  })
}
