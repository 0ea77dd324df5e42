/**
 * A service failing on lock waits and deadlocks: its own lines say "lock timeout" or nothing at
 * all (it logs in pods, or its 5xx alert names no log group), while the database's log names the
 * session holding the rows (domain/log-lock-holder.ts). The alert's databases' groups (found as
 * db-lock-sweep.ts finds them) are read with one query for the lock lines and the holder's own.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { holderName, lockHolderFilter, lockHoldersOf } from "../../domain/log-lock-holder.js"
import { serviceOfGroup } from "../../domain/log-origin.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { readDatabaseLogs } from "./db-lock-sweep.js"
import type { Range } from "./query-pass.js"

export const lockHolderQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${lockHolderFilter}`,
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

/** One `lock_holder` finding per database of the alert's whose log names a session others wait behind. */
export const sweepLockHolders = (
  source: LogSourceService,
  names: ReadonlyArray<string>,
  namespaces: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
  subject: string | null = null,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const read = yield* readDatabaseLogs(source, names, namespaces, range, answerByMs, lockHolderQuery)
    if (read === null) return []
    return lockHoldersOf(read.lines).flatMap((h): ReadonlyArray<Finding> => {
      // A holder nobody timed out or deadlocked behind is a brief wait, not the failure.
      if (h.deadlocks + h.timeouts === 0 && h.waiters < 3) return []
      const db = serviceOfGroup(h.group) ?? h.group
      const victim = subject ?? read.chosen.find((c) => c.group === h.group)?.service ?? null
      const who = holderName(h)
      // The waiting sessions' own application_name/user names the failing app; the alert's
      // service name (a paging service such as `porting-platform`) only when the log gives none.
      const waiting = h.waiting !== null && h.waiting !== who ? h.waiting : victim
      const identity = [h.user, h.application].filter((x): x is string => x !== null && x !== who)
      const toll = [
        `${h.waiters} session(s) blocked`,
        ...(h.deadlocks > 0 ? [`${h.deadlocks} deadlock(s)`] : []),
        ...(h.timeouts > 0 ? [`${h.timeouts} lock timeout(s)`] : []),
      ].join(", ")
      return [
        {
          id: "",
          agent: "cloudwatch_logs",
          title: redact(
            clipText(
              `${who} (pid ${h.pid}${identity.length > 0 ? `, ${identity.join(", ")}` : ""}) holds the row locks ` +
                `${waiting ?? "other sessions"}'s queries wait on in ${db}: ${toll} (blocking transaction)`,
              240,
            ),
          ),
          detail: redact(
            `In ${h.group} from ${utcHhmm(h.firstMs)} to ${utcHhmm(h.lastMs)} UTC, lock waits and deadlocks name ` +
              `pid ${h.pid} as the session holding the lock; its own lines say it is ${who}` +
              (h.statement === null ? "" : `, running \`${clipText(h.statement, 160)}\``) +
              ". The waiters' timeouts and deadlocks are the symptom: the holder's long transaction is the cause — " +
              "end it (or make it commit in small batches).",
          ),
          severity: h.deadlocks + h.timeouts >= 2 ? "high" : "medium",
          kind: "lock_holder",
          observedAt: DateTime.unsafeMake(h.lastMs),
          resource: `loggroup/${h.group}`,
          // The alert's service's evidence (its queries are the ones waiting), naming the holder,
          // so the causes cite it with the service's lock errors rather than as a bystander database.
          service: victim ?? db,
          link: source.consoleUrl({ logGroups: [h.group], query: lockHolderQuery, ...range }),
          excerpt: h.statement === null ? null : redact(clipText(h.statement, 300)),
        },
      ]
    })
  })
