/**
 * A search cluster past its disk watermarks (disk-watermark.ts): OpenSearch's flood stage with its
 * writers' 429s, Elasticsearch's high watermark, the older FORBIDDEN/12 block wording; decoys: a
 * low watermark alone, a write block that is no disk's (an operator's `index.blocks.write`).
 */
import { describe, expect, it } from "vitest"
import {
  diskWatermarksOf,
  isDiskBlockedWrite,
  searchClusterOf,
  watermarkCrossingOf,
} from "../../src/domain/disk-watermark.js"
import type { LogLine } from "../../src/domain/log-clusters.js"

const t0 = Date.parse("2027-03-01T10:00:00Z")
const app = "/aws/containerinsights/prod-eu/application"
const at = (stream: string, seconds: number, message: string): LogLine => ({
  timestampMs: t0 + seconds * 1000,
  message,
  stream,
  group: app,
})
const flood =
  "[WARN ][o.o.c.r.a.DiskThresholdMonitor] [catalog-search-data-2] flood stage disk watermark [95%] exceeded on [aB3][catalog-search-data-2][/usr/share/opensearch/data/nodes/0] free: 4.1gb[2.1%], all indices on this node will be marked read-only"
const high =
  "[2027-03-01T10:00:00,000][WARN ][o.e.c.r.a.DiskThresholdMonitor] [logs-es-hot-1] high disk watermark [90%] exceeded on [Zx9][logs-es-hot-1][/data] free: 18.2gb[8.9%], shards will be relocated away from this node"
const low =
  "[INFO ][o.e.c.r.a.DiskThresholdMonitor] [metrics-es-data-0] low disk watermark [85%] exceeded on [Qq1][metrics-es-data-0][/data] free: 30gb[14.6%], replicas will not be assigned to this node"

describe("watermarkCrossingOf", () => {
  it("reads the stage, threshold, node and free space", () => {
    expect(watermarkCrossingOf(flood)).toEqual({
      stage: "flood",
      threshold: "95%",
      node: "catalog-search-data-2",
      free: "4.1gb[2.1%]",
    })
    expect(watermarkCrossingOf(high)).toMatchObject({
      stage: "high",
      threshold: "90%",
      node: "logs-es-hot-1",
    })
    expect(watermarkCrossingOf(low)).toMatchObject({ stage: "low" })
    expect(watermarkCrossingOf("disk usage at 40% on node-1")).toBeNull()
  })

  it("names the cluster after its node", () => {
    expect(searchClusterOf("catalog-search-data-2")).toBe("catalog-search")
    expect(searchClusterOf("logs-es-hot-1")).toBe("logs")
    expect(searchClusterOf("listings-os-data-1")).toBe("listings-os")
  })

  it("tells a disk's block from another write block", () => {
    expect(
      isDiskBlockedWrite(
        'status=429 error="cluster_block_exception: index [p-v3] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];"',
      ),
    ).toBe(true)
    expect(
      isDiskBlockedWrite(
        "ClusterBlockException[blocked by: [FORBIDDEN/12/index read-only / allow delete (api)];]",
      ),
    ).toBe(false)
    expect(
      isDiskBlockedWrite(
        "cluster_block_exception: blocked by: [FORBIDDEN/12/index read-only-allow-delete (api)]",
      ),
    ).toBe(true)
    expect(isDiskBlockedWrite("cluster_block_exception: blocked by: [FORBIDDEN/8/index write (api)]")).toBe(
      false,
    )
  })
})

describe("diskWatermarksOf", () => {
  const rejected = at(
    "catalog-feeder-7f9c6d8b54-abcde_shop_feeder",
    30,
    'ERROR bulk failed status=429 error="cluster_block_exception: index [catalog-v2] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];"',
  )

  it("names the cluster, the worst stage and the refused writes with their writer", () => {
    const found = diskWatermarksOf([
      at(
        "catalog-search-data-2_search_opensearch",
        0,
        flood.replace("flood stage", "high").replace("[95%]", "[90%]"),
      ),
      at("catalog-search-data-2_search_opensearch", 20, flood),
      rejected,
    ])
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      cluster: "catalog-search",
      stage: "flood",
      threshold: "95%",
      nodes: ["catalog-search-data-2"],
      rejected: 1,
      writers: ["catalog-feeder"],
    })
  })

  it("reports a high watermark without writes refused", () => {
    expect(diskWatermarksOf([at("logs-es-hot-1_logging_elasticsearch", 0, high)])[0]).toMatchObject({
      cluster: "logs",
      stage: "high",
      rejected: 0,
    })
  })

  it("ignores a low watermark alone and a block with no crossing", () => {
    expect(diskWatermarksOf([at("metrics-es-data-0_obs_es", 0, low)])).toEqual([])
    expect(diskWatermarksOf([rejected])).toEqual([])
  })
})
