/**
 * A managed database out of storage behind its clients' failed writes: the client's error lines
 * quote the server's own words for a full volume ("pq: could not extend file …: No space left on
 * device", SQLSTATE 53100, MySQL's "The table … is full" / error 28) while the database's own log
 * group (/aws/rds/instance/<id>/postgresql) says the same. The client's failure is the database's
 * full volume, not a disk of its own: the cause names the database. A pod's own disk full (no
 * server words, or no database log saying it) stays the pod's. Pure.
 */

import { groupDatastore } from "./datastore-failover.js"
import type { Finding } from "./finding.js"
import { textOf } from "./report-scope.js"

/** Words only a database server writes for its storage full, echoed verbatim by its clients' drivers. */
const serverStorageFull =
  /could not (?:extend|write to) file\b[\s\S]{0,200}no space left on device|the table [\s\S]{0,120}\bis full\b|got error 28\b|errno:? ?28\b|\bsqlstate[ =:]*53100\b|\bcode[ =:"]*53100\b|\bdisk_full\b/i

/** Any words for a full volume, the kernel's or the server's. */
const storageFullWords =
  /no space left on device|\benospc\b|\bdisk (?:is )?full\b|the table [\s\S]{0,120}\bis full\b|got error 28\b|\bdisk_full\b/i

/** A finding read from a datastore's own log group (RDS, ElastiCache, MemoryDB, DocumentDB). */
const fromDatastoreLog = (f: Finding): boolean =>
  f.resource?.startsWith("loggroup/") === true && groupDatastore.test(f.resource.slice("loggroup/".length))

/** A client's line quoting a database server's storage-full error. */
export const quotesServerStorageFull = (f: Finding): boolean =>
  !fromDatastoreLog(f) && serverStorageFull.test(textOf(f))

/** A datastore's own log saying its storage is full. */
export const datastoreLogsStorageFull = (f: Finding): boolean =>
  fromDatastoreLog(f) && storageFullWords.test(textOf(f))

/**
 * A datastore's log saying its storage is full while a failing finding of the subject quotes the
 * server's words for it: the database the subject writes to, though its lines never name it
 * (a driver's "pq: could not extend file" carries no host).
 */
export const fullUnderClients = (f: Finding, failing: ReadonlyArray<Finding>): boolean =>
  datastoreLogsStorageFull(f) && failing.some(quotesServerStorageFull)
