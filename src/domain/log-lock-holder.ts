/**
 * Row-lock contention read from a database's own log: the failing service's sessions log
 * "process N still waiting for ShareLock … Process holding the lock: M" and "deadlock detected …
 * blocked by process M", yet the cause is not the waiters but session M — a batch job's long
 * transaction, a report holding rows. The log names M only by pid; its own lines (the prefix's
 * `user@db:[M]`, an `application_name=`/`app=` field, a deadlock DETAIL's "Process M: <query>")
 * say which workload it is. This module follows the pid the waiters name most to that workload.
 * A DDL holder is a schema migration's lock (migration-lock.ts), not this finding.
 */

import { type LogLine, linesByGroup } from "./log-clusters.js"
import { ddlOf, holders, pids } from "./migration-lock.js"

export interface LockHolder {
  readonly group: string
  readonly pid: string
  /** The holder's database user, when its own lines carry the prefix. */
  readonly user: string | null
  /** Its application_name, when logged. */
  readonly application: string | null
  /**
   * The waiters' own name: the application_name (else database user) their own lines carry most.
   * The failing app is the one waiting — a paging service's name (`porting-platform`) is not it.
   */
  readonly waiting: string | null
  /** A statement the holder ran, from its own lines or a deadlock report. */
  readonly statement: string | null
  /** Distinct sessions that waited behind it or deadlocked with it. */
  readonly waiters: number
  readonly deadlocks: number
  readonly timeouts: number
  readonly firstMs: number
  readonly lastMs: number
}

/** The Logs Insights filter for these lines (case-insensitive, no lookarounds). */
export const lockHolderFilter =
  "/(?i)(still waiting for|holding the lock|blocked by process|deadlock detected|lock timeout|application_name|duration: .*statement)/"

// RDS's `%t:%r:%u@%d:[%p]:` and the stock `[%p] user@db` prefixes: the line's pid and user.
const rdsPrefix = /(?:([\w.-]*)@[\w.-]*)?:?\[(\d+)\]:\s*(?:LOG|ERROR|DETAIL|STATEMENT|FATAL|WARNING|HINT):/
const stockPrefix =
  /\[(\d+)\](?:-\d+)?\s+(?:([\w.-]+)@[\w.-]+\s+)?(?:LOG|ERROR|DETAIL|STATEMENT|FATAL|WARNING|HINT):/
const blockedBy = /process (\d+) waits for [^;]*?;\s*blocked by process (\d+)/gi
const queryOf = (pid: string) =>
  new RegExp(String.raw`process ${pid}: (.+?)(?=\s+process \d+:|\s+HINT:|$)`, "i")
const appName = /\b(?:application_name|app(?:lication)?)\s*[=:]\s*["']?([A-Za-z][\w.-]{1,62})/i
const ownStatement = /\b(?:statement|execute [^:]*):\s+(.+)$/i

const prefixOf = (message: string): { pid: string; user: string | null } | null => {
  const rds = rdsPrefix.exec(message)
  if (rds?.[2] !== undefined) return { pid: rds[2], user: rds[1] || null }
  const stock = stockPrefix.exec(message)
  return stock?.[1] === undefined ? null : { pid: stock[1], user: stock[2] ?? null }
}

/** The name most of `waiters`' own lines carry: application_name first, else the database user. */
const waitingName = (lines: ReadonlyArray<LogLine>, waiters: ReadonlySet<string>): string | null => {
  const apps = new Map<string, number>()
  const users = new Map<string, number>()
  for (const l of lines) {
    const p = prefixOf(l.message)
    if (p === null || !waiters.has(p.pid)) continue
    const app = appName.exec(l.message)?.[1]
    if (app !== undefined) apps.set(app, (apps.get(app) ?? 0) + 1)
    if (p.user !== null) users.set(p.user, (users.get(p.user) ?? 0) + 1)
  }
  const top = (m: ReadonlyMap<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0]
  return top(apps) ?? top(users) ?? null
}

/** The session most waiters name as holding their lock in one group's lines, if it is named twice. */
const holderOf = (group: string, lines: ReadonlyArray<LogLine>): LockHolder | null => {
  const behind = new Map<string, Set<string>>()
  const add = (holder: string, waiter: string) => {
    if (holder !== waiter) behind.set(holder, new Set([...(behind.get(holder) ?? []), waiter]))
  }
  const named = new Map<string, number>()
  let deadlocks = 0
  let timeouts = 0
  for (const l of lines) {
    const reporter = prefixOf(l.message)?.pid ?? ""
    const h = holders.exec(l.message)
    for (const p of pids(h?.[1])) {
      named.set(p, (named.get(p) ?? 0) + 1)
      for (const w of [reporter, ...pids(h?.[2])]) if (w !== "") add(p, w)
    }
    for (const [, waiter = "", holder = ""] of l.message.matchAll(blockedBy)) {
      named.set(holder, (named.get(holder) ?? 0) + 1)
      add(holder, waiter)
    }
    if (/deadlock detected/i.test(l.message)) deadlocks++
    if (/canceling statement due to lock timeout|lock wait timeout/i.test(l.message)) timeouts++
  }
  const [pid, times] = [...named].sort((a, b) => b[1] - a[1])[0] ?? ["", 0]
  // Named once is one wait, not the session everything queues behind.
  if (times < 2) return null
  const own = lines.filter((l) => prefixOf(l.message)?.pid === pid)
  const user = own.map((l) => prefixOf(l.message)?.user ?? null).find((u) => u !== null) ?? null
  const application = own.map((l) => appName.exec(l.message)?.[1]).find((a) => a !== undefined) ?? null
  const statement =
    own.map((l) => ownStatement.exec(l.message)?.[1]).find((s) => s !== undefined) ??
    lines.map((l) => queryOf(pid).exec(l.message)?.[1]).find((s) => s !== undefined) ??
    null
  // A DDL holding the table is a migration's lock, which migration-lock.ts reports.
  if (statement !== null && ddlOf(statement) !== null) return null
  const waiting = waitingName(lines, behind.get(pid) ?? new Set())
  const times_ = lines.map((l) => l.timestampMs)
  return {
    group,
    pid,
    user,
    application,
    waiting,
    statement: statement?.trim() ?? null,
    waiters: behind.get(pid)?.size ?? 0,
    deadlocks,
    timeouts,
    firstMs: Math.min(...times_),
    lastMs: Math.max(...times_),
  }
}

/** The lock holder of each database group in `lines`, most waiters first. */
export const lockHoldersOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<LockHolder> => {
  return [...linesByGroup(lines)]
    .flatMap(([group, ls]) => {
      const h = holderOf(group, ls)
      return h === null ? [] : [h]
    })
    .sort((a, b) => b.waiters - a.waiters)
}

/** The workload to name: its application_name, else its database user, else its pid. */
export const holderName = (h: LockHolder): string => h.application ?? h.user ?? `pid ${h.pid}`
