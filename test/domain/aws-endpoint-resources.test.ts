/**
 * The AWS resources the endpoints in a text name (awsResourcesIn): a configured node endpoint
 * or primary endpoint names its cluster, an Aurora endpoint its cluster; other hosts none.
 */
import { describe, expect, it } from "@effect/vitest"
import { awsResourcesIn } from "../../src/domain/aws-endpoint.js"

describe("awsResourcesIn", () => {
  it("names each resource once, in order", () => {
    expect(
      awsResourcesIn(
        "quote-api is configured to reach quotes-cache-001.ab12cd.0001.euw1.cache.amazonaws.com (CACHE_HOST), " +
          "rediss://master.quotes-cache.ab12cd.euw1.cache.amazonaws.com:6379 and " +
          "postgres://app@trips.cluster-c8x2k1m9.eu-central-1.rds.amazonaws.com:5432/trips",
      ),
    ).toEqual(["quotes-cache", "trips"])
  })

  it("nothing for hosts that are no resource endpoint", () => {
    expect(awsResourcesIn("calls sqs.us-east-1.amazonaws.com and redis.cache.svc.cluster.local")).toEqual([])
  })
})
