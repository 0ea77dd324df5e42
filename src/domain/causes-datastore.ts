/**
 * The datastore a connection exhaustion is on, as the subject's own configuration names it. A
 * pool that cannot get a connection ("HikariPool-1 - Connection is not available") and a server
 * refusing new ones ("remaining connection slots are reserved", "too many clients") rarely name
 * the database's host; the eks agent's configured_dependencies finding does
 * ("… is configured to reach orders-db.x1.us-east-2.rds.amazonaws.com (DB_URL)"). The cause
 * names that database, not only the pool that is its symptom. Pure.
 */
import type { Finding } from "./finding.js"

/** "host (VARIABLE)" as configured-dependencies.ts lists them. */
const listed = /([a-z0-9][a-z0-9.-]{1,252}[a-z0-9]) \(([A-Za-z_][A-Za-z0-9_]*)\)/g

// A host or variable that reads as a database (`DB_URL`, `PG_HOST`, `…rds.amazonaws.com`,
// `orders-mysql`), not a cache, a broker or an HTTP API.
const datastoreWords =
  /(?:^|[^a-z])(?:db|database|sql|postgres(?:ql)?|pg|psql|mysql|mariadb|aurora|rds|jdbc|datasource|oracle|mssql)(?:[^a-z]|$)/i

/** The first label of the configured database host, or null when the configuration names none. */
export const configuredDatastore = (findings: ReadonlyArray<Finding>): string | null => {
  const hosts = findings
    .filter((f) => f.kind === "configured_dependencies")
    .flatMap((f) => [...f.title.matchAll(listed)].map((m) => ({ host: m[1] ?? "", variable: m[2] ?? "" })))
  const db = hosts.find((h) => datastoreWords.test(h.variable) || datastoreWords.test(h.host))
  return db === undefined ? null : (db.host.split(".")[0] ?? null)
}
