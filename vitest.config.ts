import { availableParallelism } from "node:os"
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Most of a test file's time was importing (`effect` alone ~0.4 s per fresh process): test files
    // share their worker's module graph instead of each getting a fresh one. Nothing here mocks
    // modules; the one package state that leaked between files is reset by the setup file below.
    isolate: false,
    setupFiles: ["test/support/pristine-effect-vitest.ts"],
    // Vitest's default is one worker fewer than the cores, i.e. one on CI's 2 cores; the main process
    // mostly waits once files are transformed, so every core runs a worker.
    maxWorkers: Math.max(2, availableParallelism()),
    // The JSON report is what .ci/run counts ("N passed, N failed"); the default reporter is for humans.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    // Node 20 is what these machines run; the SDK's "Node 22 soon" notice is known (README) and
    // would otherwise repeat in every test file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
})
