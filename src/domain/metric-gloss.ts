/**
 * What a metric measures, in the words an SRE would use, read from its name alone (exporters
 * name things consistently: `container_cpu_cfs_throttled_periods_total`, `process_open_fds`,
 * `pg_replication_lag_seconds`, `kafka_consumergroup_lag_sum`). A finding about a metric found
 * by scanning the alert's scope says both, so a reader and cause inference (causes-modes.ts)
 * read "CPU throttling", not only a metric name. Pure; null when the name says nothing known.
 */

const glosses: ReadonlyArray<readonly [RegExp, string]> = [
  [/cfs_throttled/, "CPU throttling"],
  [/open_fds|file_descriptors|_fds(?:_|$)|filefd_allocated/, "open file descriptors"],
  [/replication_lag|replica_lag|replay_lag|replicalag|wal_lag/, "replication lag"],
  [/consumergroup_lag|consumer_lag|consumer_group_lag|records_lag/, "consumer lag"],
  [/timex_offset|clock_skew|ntp_offset|time_offset/, "clock offset (NTP)"],
  [/goroutines/, "goroutines"],
  [/queued_tasks|task_queue|queue_size|pending_tasks|executor_queue/, "executor queue (thread pool backlog)"],
  [/active_threads|threads_busy|busy_threads|pool_active|executor_active/, "busy threads (thread pool)"],
  [/dead_letter|_dlq/, "dead-letter queue"],
  [/approximatenumberofmessages|messages_visible|queue_depth|queue_length|backlog/, "queue backlog"],
  [/cpuutilization|cpu_utilization|cpu_usage|cpu_seconds|cpu_percent/, "CPU use"],
  [/gc_(?:pause|duration)|gc_seconds/, "GC pauses"],
  [/oom|memory|_rss|heap/, "memory use"],
  [/connections|_conns?(?:_|$)|stat_activity/, "connections"],
  // RDS's TransactionLogsDiskUsage, Postgres' WAL: the log a stuck replication slot keeps.
  [/transaction_?logs?|wal_(?:size|bytes|files)|xlog|replication_slot/, "transaction log (WAL) disk use"],
  [/disk|filesystem|volume_stats|fs_(?:used|usage)/, "disk use"],
  [/restart/, "restarts"],
  [/(?:error|fail|exception|reject)/, "errors"],
  [/latency|duration|response_time/, "latency"],
]

export const glossOf = (metric: string): string | null => {
  const name = metric.toLowerCase()
  return glosses.find(([pattern]) => pattern.test(name))?.[1] ?? null
}

/**
 * Counters are read as a per-second rate: OpenMetrics names every counter `_total`. A `_sum` is
 * not one by its name alone: kafka-exporter's `…_lag_sum` is a gauge (lag summed over
 * partitions); a summary's `_sum`/`_count` pair is left out of the scan (metricsToScan).
 */
export const isCounter = (metric: string): boolean => !metric.includes(":") && metric.endsWith("_total")
