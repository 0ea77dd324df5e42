import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // The JSON report is what .ci/run counts ("N passed, N failed"); the default reporter is for humans.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    // Node 20 is what these machines run; the SDK's "Node 22 soon" notice is known (README) and
    // would otherwise repeat in every test file's output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
})
