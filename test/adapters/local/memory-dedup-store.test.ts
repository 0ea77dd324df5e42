/**
 * The in-memory twin against the shared DedupStore contract: it is the reference the other
 * adapters are held to, so it must pass the same suite, model property included.
 */
import { Layer } from "effect"
import { memoryDedupStoreLayer } from "../../../src/adapters/local/memory-dedup-store.js"
import { dedupStoreContract } from "../dedup-store-contract.js"

dedupStoreContract({ name: "memory", shared: Layer.empty, fresh: memoryDedupStoreLayer, propertyRuns: 300 })
