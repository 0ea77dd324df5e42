/**
 * A search cluster (Elasticsearch, OpenSearch) past its disk watermarks: at the high watermark
 * [90%] it stops allocating shards to the node (health yellow, red when primaries cannot be
 * placed), at the flood stage [95%] it marks every index on the node read-only-allow-delete, so
 * writers' bulk requests fail with `cluster_block_exception` (403 FORBIDDEN/12 or 429
 * TOO_MANY_REQUESTS/12). The writers' 429s and the cluster's red health are symptoms; the full
 * data disk is the cause, named with its cluster (the node's name less its role and ordinal), the
 * stage reached, the node's free space and the writes rejected. A "low disk watermark" alone, or
 * a block naming no disk (a snapshot's, an operator's `index.blocks.write`), is not this class.
 */
import type { LogLine } from "./log-clusters.js"
import { logOrigin } from "./log-origin.js"

export type WatermarkStage = "low" | "high" | "flood"

export interface WatermarkCrossing {
  readonly stage: WatermarkStage
  readonly threshold: string
  readonly node: string | null
  readonly free: string | null
}

export interface DiskWatermark {
  readonly cluster: string
  readonly stage: WatermarkStage
  readonly threshold: string
  readonly nodes: ReadonlyArray<string>
  readonly free: string | null
  /** Writes the block refused (`cluster_block_exception` lines), and who sent them. */
  readonly rejected: number
  readonly writers: ReadonlyArray<string>
  readonly group: string
  readonly firstMs: number
  readonly lastMs: number
  readonly example: string
}

// `[listings-os-data-1] flood stage disk watermark [95%] exceeded on [id][listings-os-data-1][/path] free: 7.8gb[3.9%]`
const crossing =
  /(low|high|flood[ -]stage) disk watermark \[([^\]]{1,16})\] (?:exceeded|passed)(?: on \[[^\]]*\]\[([^\]]+)\])?(?:.*?free: ([\d.]+\s?[kmgt]?b\[[\d.]+%\]))?/i
// The client's side: the index blocked for its disk (`read-only-allow-delete`, the flood stage).
const diskBlock =
  /cluster_block_exception.{0,200}(?:read[-_ ]only[-_ ]allow[-_ ]delete|disk usage exceeded|flood[- ]stage)/i
const nodeInBrackets = /^\[[^\]]*\]\s*\[[^\]]*\]\s*\[([A-Za-z0-9][\w.-]+)\]/

const rank: Record<WatermarkStage, number> = { low: 0, high: 1, flood: 2 }

/** The watermark a cluster's log line says a node crossed, if it says one. */
export const watermarkCrossingOf = (message: string): WatermarkCrossing | null => {
  const m = crossing.exec(message)
  if (m?.[1] === undefined || m[2] === undefined) return null
  const word = m[1].toLowerCase()
  const stage: WatermarkStage = word.startsWith("flood") ? "flood" : word === "high" ? "high" : "low"
  const node = m[3] ?? nodeInBrackets.exec(message)?.[1] ?? null
  return { stage, threshold: m[2], node, free: m[4] ?? null }
}

/** A writer's request refused by an index blocked for its node's disk. */
export const isDiskBlockedWrite = (message: string): boolean => diskBlock.test(message)

/**
 * A node's cluster: its name less its ordinal, its role and ECK's `-es-` marker
 * (`listings-os-data-1` → `listings-os`, `logs-es-hot-1` → `logs`).
 */
export const searchClusterOf = (node: string): string =>
  node
    .replace(/-\d+$/, "")
    .replace(
      /-(?:data|master|cluster-manager|manager|ingest|coord(?:inating)?|hot|warm|cold|default|nodes?)$/i,
      "",
    )
    .replace(/-es$/i, "") || node

/**
 * The clusters past a high or flood-stage watermark in `lines`, worst first, with the writes the
 * block refused in the same lines. A low watermark alone only warns (no shard moves, no block).
 */
export const diskWatermarksOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<DiskWatermark> => {
  const byCluster = new Map<string, Array<{ line: LogLine; c: WatermarkCrossing }>>()
  for (const line of lines) {
    const c = watermarkCrossingOf(line.message)
    if (c === null || c.stage === "low") continue
    const node = c.node ?? logOrigin(line.group, line.stream).service
    if (node === null) continue
    const cluster = searchClusterOf(node)
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), { line, c: { ...c, node } }])
  }
  const blocked = lines.filter((l) => isDiskBlockedWrite(l.message))
  return [...byCluster.entries()]
    .map(([cluster, hits]): DiskWatermark => {
      const worst = [...hits].sort((a, b) => rank[b.c.stage] - rank[a.c.stage])[0] ?? hits[0]
      const times = hits.map((h) => h.line.timestampMs)
      // Writes blocked on this cluster's indices: when only one cluster crossed, every block is its.
      const its = byCluster.size === 1 ? blocked : blocked.filter((l) => l.message.includes(cluster))
      const writers = [
        ...new Set(
          its.flatMap((l) => {
            const s = logOrigin(l.group, l.stream).service
            return s === null ? [] : [s]
          }),
        ),
      ]
      return {
        cluster,
        stage: worst?.c.stage ?? "high",
        threshold: worst?.c.threshold ?? "",
        nodes: [...new Set(hits.flatMap((h) => (h.c.node === null ? [] : [h.c.node])))],
        free: worst?.c.free ?? null,
        rejected: its.length,
        writers,
        group: worst?.line.group ?? "",
        firstMs: Math.min(...times),
        lastMs: Math.max(...times),
        example: worst?.line.message ?? "",
      }
    })
    .sort((a, b) => rank[b.stage] - rank[a.stage] || b.rejected - a.rejected)
}
