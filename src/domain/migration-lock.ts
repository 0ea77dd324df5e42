/**
 * A schema migration's table lock: a DDL statement (ALTER TABLE, CREATE INDEX without
 * CONCURRENTLY, TRUNCATE, …) takes or waits for PostgreSQL's AccessExclusiveLock (MySQL's
 * metadata lock), and every ordinary query on the table queues behind it until its own
 * statement_timeout. The database's log (log_lock_waits) states the whole queue: "process N
 * still waiting for AccessExclusiveLock on relation …", a DETAIL naming the holders and the
 * wait queue, and the STATEMENT; the application sees only "canceling statement due to
 * statement timeout". This module reads those lines, pure, into one finding per database that
 * names the migration's statement, its table, the lock and how many sessions wait behind it.
 */
import { DateTime } from "effect"
import type { Finding } from "./finding.js"
import { type LogLine, linesByGroup } from "./log-clusters.js"
import { sharedWords } from "./log-group-kin.js"
import { serviceOfGroup } from "./log-origin.js"
import { redact } from "./redact.js"
import { utcHhmm } from "./utc-clock.js"

/** A statement that takes a table's strongest lock (CREATE INDEX CONCURRENTLY does not). */
const ddlStatement =
  /\b(alter\s+table|create\s+(?:unique\s+)?index(?!\s+concurrently)|drop\s+(?:table|index(?!\s+concurrently))|truncate|reindex\s+(?:table|index)(?!\s+concurrently)|vacuum\s+full|cluster\s+\w|lock\s+table|rename\s+table)\b/i

const ident = String.raw`(?:"[^"]{1,63}"|\x60[^\x60]{1,63}\x60|[A-Za-z_][\w$]{0,62})`
const qualified = String.raw`(${ident}(?:\.${ident})?)`
const tableAfter: ReadonlyArray<RegExp> = [
  new RegExp(String.raw`\balter\s+table\s+(?:only\s+)?(?:if\s+exists\s+)?${qualified}`, "i"),
  new RegExp(
    String.raw`\bindex\s+(?:if\s+not\s+exists\s+)?(?:${ident}\s+)?on\s+(?:only\s+)?${qualified}`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:truncate(?:\s+table)?|drop\s+table(?:\s+if\s+exists)?|reindex\s+table|vacuum\s+full(?:\s+\w+)*?|lock\s+table|rename\s+table|cluster)\s+(?:only\s+)?${qualified}`,
    "i",
  ),
]

const unquote = (name: string): string => {
  const last = name.split(".").pop() ?? name
  return last.replace(/^["\x60]|["\x60]$/g, "")
}

/** The DDL statement a text states, and the table it locks; null when it states none. */
export const ddlOf = (text: string): { readonly statement: string; readonly table: string | null } | null => {
  const m = ddlStatement.exec(text)
  if (m === null) return null
  const statement = text.slice(m.index).replace(/\s+/g, " ").trim().replace(/;$/, "")
  const table = tableAfter
    .map((re) => re.exec(statement)?.[1])
    .find((t): t is string => t !== undefined && !/^(?:only|if|table|full)$/i.test(t))
  return { statement, table: table === undefined ? null : unquote(table) }
}

/**
 * A migration tool's run and the migration's id, from a tool's log line or a chat message:
 * Flyway's version, Alembic's revision, a Rails/Knex/Prisma/Django migration name.
 */
export const migrationOf = (
  text: string,
): { readonly tool: string | null; readonly id: string | null } | null => {
  const patterns: ReadonlyArray<readonly [string | null, RegExp]> = [
    ["flyway", /migrating schema [^\n]{0,80}? to version "?([\w.]+)/i],
    ["flyway", /\b(V\d+(?:[._]\d+)*)__\w+/],
    ["alembic", /running upgrade [0-9a-f]{6,40}(?: \(.*?\))? -> ([0-9a-f]{6,40})/i],
    ["liquibase", /\b(?:liquibase|changelog lock|databasechangeloglock)\b()/i],
    ["rails", /^==\s*(\d{8,14}) \w+: migrating/im],
    ["prisma", /applying migration [`'"]?(\d{8,14}_\w+)/i],
    ["django", /\bapplying ([a-z_]+\.\d{4}_\w+)/i],
    [
      null,
      /\b(?:running|migrating|applying)\s+(?:migration\s+)?[`'"]?(\d{8,14}_\w+?)(?:\.(?:js|ts|sql|rb|py|go))?\b/i,
    ],
    ["flyway", /\bflyway\b[^\n]{0,60}?\b(?:to|version)\s+"?(\d[\w.]*)/i],
    [null, /\bmigrat(?:e|ion|ions|ing)\b[^\n]{0,40}?\b(V?\d{3,14}(?:_\w+)?|[0-9a-f]{12})\b/i],
  ]
  for (const [tool, re] of patterns) {
    const m = re.exec(text)
    if (m !== null) {
      const id = m[1] === undefined || m[1] === "" ? null : m[1]
      return { tool: tool ?? toolNamed(text), id }
    }
  }
  return /\bmigrat(?:e|ion|ions|ing|or)\b/i.test(text) ? { tool: toolNamed(text), id: null } : null
}

const toolNamed = (text: string): string | null =>
  /\b(flyway|liquibase|alembic|knex|prisma|sqitch|goose|golang-migrate|atlas|django|rails|sequelize|typeorm|ecto)\b/i
    .exec(text)?.[1]
    ?.toLowerCase() ?? null

/**
 * A service's words for a database that stalls its queries: a statement or lock timeout
 * (SQLSTATE 57014 / 55P03, psycopg's QueryCanceled, Hibernate's QueryTimeoutException), a lock
 * wait, MySQL's metadata lock.
 */
export const databaseStallWords =
  /statement timeout|lock timeout|querycanceled|querytimeoutexception|\b57014\b|\b55p03\b|still waiting for \w*lock|metadata lock|lock wait timeout/i

/**
 * A migration lock on a database named with one of `names`' distinctive words (`billing-db-prod`
 * for `billing-api`), or said to be the database of one of them (found by its namespace), explains the statement timeouts of `stalled` evidence: the database of the
 * service whose queries wait, though nothing it logs names the instance.
 */
export const explainsStall = (
  lock: Finding,
  stalled: ReadonlyArray<Finding>,
  names: ReadonlyArray<string>,
): boolean => {
  if (lock.kind !== "migration_lock" || lock.service === null) return false
  const db = lock.service
  const user = /^The database of ([\w.-]+)\./.exec(lock.detail)?.[1]?.toLowerCase()
  const stalls = stalled.some((f) => databaseStallWords.test(`${f.title}\n${f.detail}\n${f.excerpt ?? ""}`))
  return stalls && names.some((n) => n.toLowerCase() === user || sharedWords(db, n).length >= 1)
}

/** The lock words for the logs query filter (Logs Insights regex: case-insensitive, no lookarounds). */
export const migrationLockFilter =
  "/(?i)(still waiting for|acquired \\w+lock|wait queue|lock timeout|metadata lock|statement: +(alter|create|drop|truncate|reindex|vacuum|cluster|lock)|statement timeout|STATEMENT:)/"

/** PostgreSQL's log prefix as RDS writes it (`%t:%r:%u@%d:[%p]:`) and plain `[pid]` ones. */
const pgLine =
  /(?:([\w.-]*)@([\w.-]*))?:?\[(\d+)\]:\s*(LOG|ERROR|DETAIL|STATEMENT|FATAL|WARNING|HINT):\s+(.*)$/
/** The stock `%m [%p] ` prefix, with `%q%u@%d ` after it when set: `… UTC [4711] app@shop LOG:  …`. */
const pgStockLine =
  /\[(\d+)\](?:-\d+)?\s+(?:([\w.-]+)@([\w.-]+)\s+)?(LOG|ERROR|DETAIL|STATEMENT|FATAL|WARNING|HINT):\s+(.*)$/
const waiting =
  /process (\d+) (still waiting for|acquired) (\w+) on relation (\d+) of database (\d+)(?: after ([\d.]+) ms)?/i
/** `Process holding the lock: 4711. Wait queue: 4712, 4713.` (shared with log-lock-holder.ts). */
export const holders = /process(?:es)? holding the lock: ([\d, ]+)\.(?:\s*wait queue: ([\d, ]+)\.?)?/i
const mysqlMdl = /waiting for table metadata lock/i
/** A later line of a multi-line event: `DETAIL:  Process holding the lock: …`, `STATEMENT:  …`. */
const continuation = /^\s*(DETAIL|STATEMENT|HINT|CONTEXT):\s+(.*)$/i

interface PgEntry {
  readonly line: LogLine
  readonly user: string | null
  readonly pid: string
  readonly level: string
  readonly text: string
}

/** The pids of a "4711, 4712" list. */
export const pids = (s: string | undefined): ReadonlyArray<string> =>
  s === undefined ? [] : s.split(/[,\s]+/).filter((p) => /^\d+$/.test(p))

interface Migration {
  readonly pid: string | null
  readonly user: string | null
  readonly statement: string
  readonly table: string | null
  readonly at: number
}

const strong = /accessexclusivelock|exclusivelock|sharelock/i

/** What one database group's lines state; null when no migration lock is among them. */
const lockOf = (group: string, lines: ReadonlyArray<LogLine>) => {
  const sorted = [...lines].sort((a, b) => a.timestampMs - b.timestampMs)
  const entries: Array<PgEntry> = sorted.flatMap((line) => {
    // One event may hold the whole report (RDS exports a LOG with its DETAIL and STATEMENT as
    // one multi-line event): the prefix is on its first line only, the rest are its parts.
    const [head = "", ...rest] = line.message.split(/\r?\n/)
    const rds = pgLine.exec(head)
    const stock = rds === null ? pgStockLine.exec(head) : null
    const pid = rds?.[3] ?? stock?.[1]
    const level = rds?.[4] ?? stock?.[4]
    const text = rds?.[5] ?? stock?.[5]
    if (pid === undefined || level === undefined || text === undefined) return []
    const user = (rds?.[1] ?? stock?.[2]) || null
    const parts = rest.flatMap((r) => {
      const m = continuation.exec(r)
      return m?.[1] === undefined || m[2] === undefined
        ? []
        : [{ line, user, pid, level: m[1].toUpperCase(), text: m[2] }]
    })
    return [{ line, user, pid, level: level.toUpperCase(), text }, ...parts]
  })
  const ddlByPid = new Map<string, Migration>()
  const waits: Array<{ pid: string; mode: string; relation: string; acquired: boolean; at: number }> = []
  const held = new Set<string>()
  const queueOf = new Map<string, Set<string>>()
  const queued = new Set<string>()
  let timeouts = 0
  for (const e of entries) {
    const statement = /^statement:\s+(.*)$/i.exec(e.text)?.[1] ?? (e.level === "STATEMENT" ? e.text : null)
    const ddl = statement === null ? null : ddlOf(statement)
    if (ddl !== null && !ddlByPid.has(e.pid)) {
      ddlByPid.set(e.pid, { pid: e.pid, user: e.user, ...ddl, at: e.line.timestampMs })
    }
    const w = waiting.exec(e.text)
    if (w?.[1] !== undefined && w[2] !== undefined && w[3] !== undefined && w[4] !== undefined) {
      waits.push({
        pid: w[1],
        mode: w[3],
        relation: w[4],
        acquired: /acquired/i.test(w[2]),
        at: e.line.timestampMs,
      })
    }
    const h = holders.exec(e.text)
    if (h !== null) {
      for (const p of pids(h[1])) held.add(p)
      for (const p of pids(h[2])) queued.add(p)
      // Who waits behind which holder: the reporting session and the queue it names.
      for (const holder of pids(h[1]))
        queueOf.set(holder, new Set([...(queueOf.get(holder) ?? []), e.pid, ...pids(h[2])]))
    }
    if (/canceling statement due to (?:statement|lock) timeout/i.test(e.text)) timeouts++
  }
  // MySQL's processlist: a DDL and the sessions "Waiting for table metadata lock".
  const mdl = sorted.filter((l) => mysqlMdl.test(l.message))
  const mdlDdl = mdl.map((l) => ({ l, ddl: ddlOf(l.message) })).find((x) => x.ddl !== null)
  const waitingPids = new Set(waits.filter((w) => !w.acquired).map((w) => w.pid))
  // The migration: a DDL whose session waits for (or acquired) a strong lock, or holds the lock others wait for.
  // Several DDLs in one log (a quick ALTER that ran, then the index build that holds the table):
  // the one with the most sessions still queued behind it, not merely the first.
  const cleared = new Set(waits.filter((w) => w.acquired).map((w) => w.pid))
  const stillQueued = (pid: string | null) =>
    pid === null ? 0 : [...(queueOf.get(pid) ?? [])].filter((p) => p !== pid && !cleared.has(p)).length
  const ddls = [...ddlByPid.values()].sort((a, b) => stillQueued(b.pid) - stillQueued(a.pid))
  const migration =
    ddls.find((d) => stillQueued(d.pid) > 0) ??
    ddls.find((d) => waits.some((w) => w.pid === d.pid && strong.test(w.mode))) ??
    ddls.find((d) => d.pid !== null && held.has(d.pid)) ??
    (mdlDdl?.ddl == null ? null : { pid: null, user: null, ...mdlDdl.ddl, at: mdlDdl.l.timestampMs })
  if (migration === null) return null
  const own = waits.find((w) => w.pid === migration.pid)
  const holds =
    migration.pid !== null &&
    (held.has(migration.pid) || waits.some((w) => w.pid === migration.pid && w.acquired))
  const behind = [...new Set([...waitingPids, ...queued])].filter((p) => p !== migration.pid && !held.has(p))
  // A wait that cleared (every waiter later logged "acquired … after 2000 ms") with nothing
  // canceled is a DDL that briefly queued and ran, not contention: no finding.
  if (
    mdlDdl === undefined &&
    timeouts === 0 &&
    behind.every((p) => cleared.has(p)) &&
    (migration.pid === null ||
      !waits.some((w) => w.pid === migration.pid && !w.acquired && !cleared.has(w.pid)))
  )
    return null
  // Who holds what the migration waits for (a long report, an idle transaction), as the log names them.
  const userOfPid = new Map(entries.flatMap((e) => (e.user === null ? [] : [[e.pid, e.user] as const])))
  const blockers =
    migration.pid === null || holds
      ? []
      : [...held]
          .filter((p) => p !== migration.pid)
          .map((p) => (userOfPid.has(p) ? `${p} (${userOfPid.get(p)})` : p))
  return {
    group,
    migration,
    mode:
      own?.mode ??
      (migration.pid === null
        ? "metadata lock"
        : // A plain CREATE INDEX blocks writes only (ShareLock); the other DDL takes the table whole.
          /^create\s/i.test(migration.statement)
          ? "ShareLock"
          : "AccessExclusiveLock"),
    holds,
    blockers,
    waiters: migration.pid === null ? Math.max(0, mdl.length - 1) : behind.length,
    timeouts,
    // From the migration's own statement or the first wait behind it, not an earlier DDL's.
    firstMs: Math.min(
      migration.at,
      ...waits.filter((w) => w.pid === migration.pid || behind.includes(w.pid)).map((w) => w.at),
    ),
  }
}

const shorten = (s: string, max = 90): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/**
 * One `migration_lock` finding per database log group whose lines show a DDL statement holding
 * or queued for its table's strong lock; `service` names the database (its group's instance),
 * unless `serviceOf` ties the group to the service whose database it is.
 */
export const migrationLockFindings = (
  agent: Finding["agent"],
  lines: ReadonlyArray<LogLine>,
  link: (group: string) => string | null,
  userOf: (group: string) => string | null = () => null,
): ReadonlyArray<Finding> => {
  return [...linesByGroup(lines)]
    .flatMap(([group, ls]) => {
      const lock = lockOf(group, ls)
      return lock === null ? [] : [lock]
    })
    .sort((a, b) => b.waiters - a.waiters || a.group.localeCompare(b.group))
    .map((lock) => {
      const db = serviceOfGroup(lock.group) ?? lock.group
      const m = lock.migration
      const table = m.table === null ? "its table" : m.table
      const who = m.user === null ? "" : ` (${m.user}${m.pid === null ? "" : `, pid ${m.pid}`})`
      const state = lock.holds
        ? `holds ${lock.mode} on ${table}`
        : lock.blockers.length > 0
          ? `waits for ${lock.mode} on ${table} behind pid ${lock.blockers.join(", ")}`
          : `waits for ${lock.mode} on ${table}`
      const queue =
        lock.waiters > 0
          ? `; ${lock.waiters} quer${lock.waiters === 1 ? "y" : "ies"} queued behind it (lock queue)`
          : ""
      const title = `schema migration \`${shorten(m.statement, 70)}\` on ${db}${who} ${state}${queue}`
      const user = userOf(lock.group)
      const detail =
        (user === null ? "" : `The database of ${user}. `) +
        `In ${lock.group} from ${utcHhmm(lock.firstMs)} UTC, the migration's DDL \`${shorten(m.statement, 200)}\` ` +
        (lock.holds
          ? `holds ${lock.mode} on ${table}, `
          : `is queued for ${lock.mode} on ${table}${lock.blockers.length > 0 ? ` behind a long transaction (pid ${lock.blockers.join(", ")})` : ""}, `) +
        // A plain CREATE INDEX's ShareLock lets reads through; only the writes queue.
        `and every later ${/^sharelock$/i.test(lock.mode) ? "write" : "read or write"} on the table queues behind it` +
        (lock.timeouts > 0 ? `; ${lock.timeouts} statement(s) were canceled by their timeout.` : ".") +
        " Cancel or pause the migration (or the transaction blocking it), then rerun it with a short lock_timeout."
      return {
        id: "",
        agent,
        title: redact(title),
        detail: redact(detail),
        severity: lock.waiters >= 3 || lock.timeouts > 0 ? "critical" : "high",
        kind: "migration_lock",
        observedAt: DateTime.unsafeMake(lock.firstMs),
        resource: `loggroup/${lock.group}`,
        service: db,
        link: link(lock.group),
        excerpt: redact(m.statement),
      } satisfies Finding
    })
}
