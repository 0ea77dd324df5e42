/**
 * A datastore's failover as an events relay posts it in chat (ElastiCache's
 * `FailoverComplete`, an RDS notification "Multi-AZ instance failover completed"): it names the
 * datastore, never the service whose clients it broke, so it is evidence of its own — tied to
 * that service later, by the datastore its configuration or errors name (causes-scope.ts). Only a
 * bot's post or one carrying the provider's event words counts: a person musing about a failover
 * is not its record, and maintenance announced for later is no failover (datastore-failover.ts).
 */
import type { HistoryMessage } from "./chat-history.js"
import type { ChatMatch } from "./chat-scan.js"
import { failoverEventOf } from "./datastore-failover.js"

// The providers' own event words, which a person pasting a notification keeps.
const providerEvent = /rds-event-\d{4}|elasticache:|memorydb:|failovercomplete|failoverstarted/i

const firstLine = (text: string, max = 120): string => {
  const line = (text.split("\n").find((l) => l.trim() !== "") ?? "").trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** The failover `m` records, posted between `fromMs` and `toMs`, as a chat match; else null. */
export const failoverMatch = (
  m: HistoryMessage,
  channel: string,
  fromMs: number,
  toMs: number,
): ChatMatch | null => {
  const at = m.postedAt.epochMillis
  if (at < fromMs || at > toMs || !(m.author.bot || providerEvent.test(m.text))) return null
  // The line that says it (a relay's header line names only the service and the account).
  const text = m.text.replace(/[*_`]/g, "")
  const event = failoverEventOf(text)
  if (event === null) return null
  const switched =
    event.promoted === null
      ? ""
      : `, primary ${event.demoted === null ? "" : `${event.demoted} → `}${event.promoted}`
  const line = text.split("\n").find((l) => failoverEventOf(l) !== null) ?? firstLine(text)
  return {
    kind: "datastore_failover",
    severity: "medium",
    message: m,
    service: event.datastore,
    title: `${event.datastore}: ${event.engine} failover ${event.phase} (reported in ${channel}${switched}): ${firstLine(line, 160)}`,
  }
}
