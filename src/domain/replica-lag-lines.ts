/**
 * The lines of a database replica behind its primary, as its readers and the engines log them:
 * an application's lag check ("reader lag 1096s exceeds soft limit 30s"), MySQL's
 * `Seconds_Behind_Master`, Postgres' "replication lag", a driver skipping a stale replica. Stale
 * reads are a silent failure like a refused credential: nothing errors, the pods are healthy, a
 * person reports data that reverts, and names no service — so these few specific words are read
 * from the shared logs with the other silent failures (credential-failure-lines.ts). Not a Kafka
 * consumer's lag, which no word here names. Pure.
 */

/** Lower-case words of a replica's lag; a line holding one states that a replica fell behind. */
export const replicaLagWords = [
  "replica lag",
  "replication lag",
  "reader lag",
  "replica_lag",
  "replication_lag",
  "replicalag",
  "seconds_behind_master",
  "seconds behind master",
  "seconds_behind_source",
  "seconds behind source",
  "behind the primary",
  "behind primary",
  "replica is behind",
  "standby is behind",
  "replica too stale",
  "replica is stale",
]

/** Whether a line states a replica's lag (the same words, in code). */
export const isReplicaLagLine = (line: string): boolean => {
  const lower = line.toLowerCase().replace(/\s+/g, " ")
  return replicaLagWords.some((w) => lower.includes(w))
}
