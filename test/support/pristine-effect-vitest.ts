/**
 * Setup file (vitest.config.ts): gives every test file the `it` of @effect/vitest as the package
 * made it. Test files share their worker's modules (`isolate: false`, which halves `npm test`:
 * `effect` alone takes ~0.4 s to import per file), and @effect/vitest 0.30's `layer(...)` writes its
 * own `effect`/`scoped`/`prop`/`flakyTest`/`layer` onto the one shared Vitest `it` object (fixed
 * upstream in effect-smol #2177). Without this, a file that runs after a `layer(...)` contract would
 * run its `it.effect` tests in that contract's runtime, on its already-advanced TestClock.
 */
import { it } from "@effect/vitest"

const key = Symbol.for("sre-on-call/pristine-effect-vitest")
const store = globalThis as { [key]?: Pick<typeof it, "effect" | "scoped" | "prop" | "flakyTest" | "layer"> }

// The first file in a worker sees the package untouched; later files get those methods back.
store[key] ??= {
  effect: it.effect,
  scoped: it.scoped,
  prop: it.prop,
  flakyTest: it.flakyTest,
  layer: it.layer,
}
Object.assign(it, store[key])
