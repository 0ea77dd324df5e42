/**
 * The AWS resource an endpoint's host names. Clients are configured with a cluster's primary
 * endpoint (`master.catalog-cache.x7kq2p.use1.cache.amazonaws.com`), exporters scrape its nodes
 * (`catalog-cache-001.x7kq2p.0001.use1.cache.amazonaws.com`), and Aurora has writer and reader
 * endpoints (`orders.cluster-ro-c8x2.eu-west-1.rds.amazonaws.com`): the resource is one name in
 * all of them — `catalog-cache`, `orders` — which is how a saturated node is tied to the
 * service configured to use its cluster. Null for any other host. Pure.
 */

// ElastiCache: [master|replica|clustercfg.]<cluster>[-NNN[-NNN]].<id>[.NNNN].<region>.cache.amazonaws.com
const elastiCache =
  /^(?:(?:master|replica|clustercfg)\.)?([a-z][a-z0-9-]{0,60}?)(?:-\d{3,4}(?:-\d{3})?)?\.[a-z0-9]{4,10}(?:\.\d{4})?\.[a-z0-9-]{2,20}\.cache\.amazonaws\.com$/
// RDS: <instance>.<id>.<region>.rds.amazonaws.com; Aurora: <cluster>.cluster[-ro|-custom-x]-<id>.…
const rds =
  /^([a-z][a-z0-9-]{0,62})\.(?:cluster-(?:ro-|custom-[a-z0-9-]+-)?)?[a-z0-9]{6,16}\.[a-z0-9-]{2,20}\.rds\.amazonaws\.com$/
// Amazon MQ / MSK brokers: b-1.<cluster>.<id>.c2.kafka.<region>.amazonaws.com
const msk =
  /^b-\d{1,3}\.([a-z][a-z0-9-]{0,62})\.[a-z0-9]{4,10}\.c\d{1,2}\.kafka\.[a-z0-9-]{2,20}\.amazonaws\.com$/

export const awsResourceOfHost = (host: string): string | null => {
  const h = host.toLowerCase().replace(/:\d{1,5}$/, "")
  if (!h.endsWith(".amazonaws.com")) return null
  return elastiCache.exec(h)?.[1] ?? rds.exec(h)?.[1] ?? msk.exec(h)?.[1] ?? null
}

const awsHost = /\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+){2,9}\.amazonaws\.com\b/gi

/**
 * The AWS resources the endpoints in `text` name (lower-case, distinct): a client configured
 * with a node's endpoint (`sessions-cache-001.x7k2pq.0001.use1.cache.amazonaws.com`) or the
 * primary's (`master.sessions-cache.…`) uses `sessions-cache`, whose failover is then its to see.
 */
export const awsResourcesIn = (text: string): ReadonlyArray<string> => [
  ...new Set(
    [...text.matchAll(awsHost)].flatMap((m) => {
      const r = awsResourceOfHost(m[0])
      return r === null ? [] : [r]
    }),
  ),
]
