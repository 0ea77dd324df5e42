import { Effect } from "effect"
import { makeOursRuntime } from "./bench/intake-app.js"
import { makeDeliveries } from "./bench/slack-deliveries.js"
import { memoryDedupStoreLayer } from "./src/adapters/local/memory-dedup-store.js"
import { Intake, marks } from "./src/domain/intake.js"

const { runtime } = await makeOursRuntime({ dedup: memoryDedupStoreLayer(), log: "off" })
const intake = await runtime.runPromise(Intake)
const ds = makeDeliveries(10000).map((d) => {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.headers)) headers[k.toLowerCase()] = v
  return { headers, rawBody: d.body }
})
const sums = new Map<string, number[]>()
let i = 0
for (const d of ds) {
  marks.length = 0
  const t0 = performance.now()
  await runtime.runPromiseExit(intake.handle("slack", d).pipe(Effect.annotateLogs("requestId", "r")))
  const t1 = performance.now()
  if (i++ < 4000) continue
  let prev = t0
  for (const [l, t] of [...marks, ["end", t1] as [string, number]]) {
    const a = sums.get(l) ?? []
    a.push((t - prev) * 1000)
    sums.set(l, a)
    prev = t
  }
}
let total = 0
for (const [l, xs] of sums) {
  xs.sort((a, b) => a - b)
  const m = xs[Math.floor(xs.length / 2)] ?? 0
  total += m
  console.log(l.padEnd(20), m.toFixed(1), "µs median")
}
console.log("sum of medians", total.toFixed(1))
await runtime.dispose()
