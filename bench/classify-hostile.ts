/**
 * bench/classify-hostile — does the tier-1 classifier stay linear on hostile input? Each input
 * repeats one unit (a word the rules react to, a half-open mention, "[firing:", "db is down "…)
 * to 4 KiB and to 64 KiB (all it reads). For each it reports the classifier's time at both
 * sizes, its growth (64 KiB ÷ 4 KiB: 16× is linear, 256× quadratic) and its cost as a ratio against a
 * baseline run on the same text in the same process (lower-case, split on whitespace, count
 * the words: the least any word-reading classifier must do).
 *
 *   npx tsx bench/classify-hostile.ts
 *
 * This replaces a timed test (standards: performance is measured by benchmarks, never by
 * timed tests); the test keeps the functional half (1 MiB is classified, its head is read).
 * Exit code 0 whatever the figures; the verdict line says whether every growth stayed ≤ 32×.
 */
import { loadavg } from "node:os"
import { classify } from "../src/domain/classify.js"
import { defaultConfig } from "../src/domain/config.js"
import { fillTo, hostileUnits } from "../test/support/hostile-text.js"

/** The median of `runs` timings of `f`, in ms. */
const time = (f: () => unknown, runs: number): number => {
  const samples: Array<number> = []
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now()
    f()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)] ?? 0
}

const baseline = (text: string): number => text.toLowerCase().split(/\s+/).length

// The classifier reads at most the first 64 KiB (maxAnalysedChars in classify-text.ts), so
// growth is measured below that: 4 KiB → 64 KiB. 1 MiB costs what 64 KiB does plus the slice.
const small = 4 << 10
const large = 64 << 10
const rows: Array<string> = []
let worst = 0
for (const unit of hostileUnits) {
  const a = fillTo(unit, small)
  const b = fillTo(unit, large)
  // Warm both paths on the small text first, so the first row does not pay for compilation.
  time(() => classify({ text: a, trigger: "mention" }, defaultConfig.classifier), 5)
  const classifySmall = time(() => classify({ text: a, trigger: "mention" }, defaultConfig.classifier), 21)
  const classifyLarge = time(() => classify({ text: b, trigger: "mention" }, defaultConfig.classifier), 5)
  const baseLarge = time(() => baseline(b), 5)
  const growth = classifyLarge / Math.max(classifySmall, 0.001)
  worst = Math.max(worst, growth)
  rows.push(
    `| ${JSON.stringify(unit)} | ${classifySmall.toFixed(1)} | ${classifyLarge.toFixed(0)} | ${growth.toFixed(1)}× | ${(classifyLarge / Math.max(baseLarge, 0.001)).toFixed(1)}× |`,
  )
}

console.log("## bench/classify-hostile\n")
console.log(
  `command: \`npx tsx bench/classify-hostile.ts\`; node ${process.version}; load average ${loadavg()[0]?.toFixed(1)} at the end; medians of 21 (4 KiB) and 5 (64 KiB) runs\n`,
)
console.log("| unit repeated | 4 KiB ms | 64 KiB ms | growth (linear 16×) | 64 KiB ÷ baseline |")
console.log("|---|---:|---:|---:|---:|")
for (const row of rows) console.log(row)
console.log(
  `\nworst growth ${worst.toFixed(1)}×: ${worst <= 32 ? "linear (every input ≤ 32×)" : "SUPERLINEAR somewhere (> 32×)"}`,
)
