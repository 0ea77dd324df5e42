/**
 * A rollout that swaps a generated ConfigMap for one whose content does not parse: mounted as a
 * volume (JSON, Jackson), a projected volume (YAML, Go), envFrom (a JSON env value, Node) and a
 * renamed volume; decoys: a swap with no parse error, a parse error with no swap, a parse error
 * naming a file from a ConfigMap the rollout kept.
 */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { configSwap } from "../../../src/agents/eks/rollout-config-swap.js"
import { PodTemplate } from "../../../src/domain/kubernetes-workloads.js"

const decode = Schema.decodeUnknownSync(PodTemplate)

const mounted = (
  configMap: string,
  extra: ReadonlyArray<{ name: string; configMap: string; at: string }> = [],
) =>
  decode({
    spec: {
      containers: [
        {
          name: "app",
          volumeMounts: [
            { name: "settings", mountPath: "/etc/app/settings" },
            ...extra.map((e) => ({ name: e.name, mountPath: e.at })),
          ],
        },
      ],
      volumes: [
        { name: "settings", configMap: { name: configMap } },
        ...extra.map((e) => ({ name: e.name, configMap: { name: e.configMap } })),
      ],
    },
  })

const jackson = [
  "Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character ('}' (code 125)): was expecting double-quote",
  ' at [Source: (File)"/etc/app/settings/toggles.json"; line: 4, column: 63]',
].join("\n")

describe("configSwap", () => {
  it("names the old and new ConfigMap of a volume and the file the parser rejected", () => {
    const s = configSwap(mounted("shop-settings-a1b2c3"), mounted("shop-settings-d4e5f6"), jackson)
    expect(s).toMatchObject({
      from: "shop-settings-a1b2c3",
      to: "shop-settings-d4e5f6",
      file: "toggles.json",
    })
    expect(s?.error).toMatch(/^JsonParseException: Unexpected character/)
  })

  it("reads a projected volume and Go's yaml error", () => {
    const projected = (name: string) =>
      decode({
        spec: {
          containers: [{ name: "worker", volumeMounts: [{ name: "cfg", mountPath: "/config" }] }],
          volumes: [
            { name: "cfg", projected: { sources: [{ configMap: { name } }, { secret: { name: "tls" } }] } },
          ],
        },
      })
    const s = configSwap(
      projected("router-config-7f8g9h"),
      projected("router-config-k2m4n6"),
      'level=fatal msg="load /config/routes.yaml: yaml: line 12: mapping values are not allowed in this context"',
    )
    expect(s).toMatchObject({ from: "router-config-7f8g9h", to: "router-config-k2m4n6", file: "routes.yaml" })
  })

  it("reads envFrom and a JSON.parse error that names no file", () => {
    const envFrom = (name: string) =>
      decode({ spec: { containers: [{ name: "web", envFrom: [{ configMapRef: { name } }] }] } })
    const s = configSwap(
      envFrom("web-env-1"),
      envFrom("web-env-2"),
      "SyntaxError: Unexpected token } in JSON at position 212\n    at JSON.parse (<anonymous>)",
    )
    expect(s).toMatchObject({ from: "web-env-1", to: "web-env-2", file: null })
  })

  it("pairs a lone removed and added ConfigMap when the volume was renamed", () => {
    const named = (volume: string, name: string) =>
      decode({ spec: { containers: [{ name: "api" }], volumes: [{ name: volume, configMap: { name } }] } })
    const s = configSwap(
      named("flags", "api-flags-old"),
      named("feature-flags", "api-flags-new"),
      "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 5 column 1",
    )
    expect(s).toMatchObject({ from: "api-flags-old", to: "api-flags-new" })
  })

  it("decoy: a ConfigMap swap with no parse error", () => {
    expect(configSwap(mounted("a-1"), mounted("a-2"), "ERROR connection refused to db:5432")).toBeNull()
  })

  it("decoy: a parse error while the ConfigMap did not change", () => {
    expect(configSwap(mounted("same-cm"), mounted("same-cm"), jackson)).toBeNull()
  })

  it("decoy: the parser names a file from a ConfigMap the rollout kept", () => {
    const kept = { name: "rules", configMap: "fraud-rules", at: "/etc/app/rules" }
    const text =
      'com.fasterxml.jackson.core.JsonParseException: Unexpected end-of-input\n at [Source: (File)"/etc/app/rules/rules.json"; line: 9]'
    expect(configSwap(mounted("s-1", [kept]), mounted("s-2", [kept]), text)).toBeNull()
  })
})
