/**
 * A rollout that points the pods at a different ConfigMap — kustomize's and Helm's generated
 * `app-flags-m8t2kd9h4c` names change with their content — whose content no longer parses. The
 * new pods crash with `JsonParseException: Unexpected character`, `yaml: line 7: …` or
 * `invalid character '}'`; the old pods, still on the old ConfigMap, keep serving. The image
 * changed too, so the rollout reads as "new version crashes" unless the finding names the
 * ConfigMap (old → new) and the file the parser rejected: that is what to fix or roll back.
 * Read from the two revisions' ConfigMap references (volumes, projected volumes, envFrom,
 * configMapKeyRef). Not a swap: the same ConfigMap on both sides (a parse error then is the
 * code's or an in-place edit's, config-reload.ts), or a parse error that names a file mounted
 * from a ConfigMap the rollout did not change. The caller only asks when new pods fail. Pure.
 */
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"

export interface ConfigSwap {
  readonly from: string
  readonly to: string
  /** The file (or env key) the parser rejected, when the error names one under the swapped ConfigMap. */
  readonly file: string | null
  /** The parser's words, clipped: `JsonParseException: Unexpected character ('}' …`. */
  readonly error: string
}

interface ConfigRef {
  /** Where the template uses it: the same slot on both sides is the same use. */
  readonly slot: string
  readonly name: string
  /** Where its files appear in the containers (volumes only). */
  readonly mountPaths: ReadonlyArray<string>
}

const refsOf = (t: PodTemplate): ReadonlyArray<ConfigRef> => {
  const containers = [...t.spec.initContainers, ...t.spec.containers]
  const mountsOf = (volume: string) =>
    containers.flatMap((c) =>
      (c.volumeMounts ?? []).flatMap((m) =>
        m.name === volume && m.mountPath !== undefined ? [m.mountPath] : [],
      ),
    )
  const volumes = (t.spec.volumes ?? []).flatMap((v) => {
    const direct = v.configMap?.name
    const projected = (v.projected?.sources ?? []).flatMap((s, i) =>
      s.configMap?.name === undefined ? [] : [{ slot: `volume:${v.name}#${i}`, name: s.configMap.name }],
    )
    const all = direct === undefined ? projected : [{ slot: `volume:${v.name}`, name: direct }, ...projected]
    return all.map((r) => ({ ...r, mountPaths: mountsOf(v.name) }))
  })
  const env = containers.flatMap((c) => [
    ...(c.envFrom ?? []).flatMap((e, i) =>
      e.configMapRef?.name === undefined
        ? []
        : [{ slot: `envFrom:${c.name}#${i}`, name: e.configMapRef.name, mountPaths: [] }],
    ),
    ...c.env.flatMap((e) => {
      const name = e.valueFrom?.configMapKeyRef?.name
      return name === undefined ? [] : [{ slot: `env:${c.name}/${e.name}`, name, mountPaths: [] }]
    }),
  ])
  return [...volumes, ...env]
}

/**
 * The parsers' words for content they cannot read: Jackson, JSON.parse, Go's encoding/json and
 * yaml, Python's json/yaml/toml, SnakeYAML. "failed to parse" alone is too vague to blame a file.
 */
const parseError =
  /\b(?:Json(?:Parse|Mapping|EOF)Exception|MismatchedInputException|JSONDecodeError|TomlDecodeError|YAMLException|(?:Scanner|Parser)Exception|SyntaxError: (?:Unexpected|JSON|Expected)|Unexpected (?:token|character|end of (?:JSON|input))|yaml: line \d+|invalid character '.{1,4}' (?:looking for|after|in)|Expecting (?:value|property name|',' delimiter)|while parsing a (?:block|flow)|mapping values are not allowed|found character that cannot start any token|cannot unmarshal|toml: line \d+)/i

/** File paths a line names (`/etc/booking/flags/flags.json`, `"config.yaml"`). */
const filePaths = (line: string): ReadonlyArray<string> =>
  [
    ...line.matchAll(
      /(?:^|[\s"'(=:[])((?:\/[\w.@-]+)+\.(?:json|ya?ml|toml|properties|conf|ini|cfg|env|hcl|xml))\b/gi,
    ),
  ].flatMap((m) => (m[1] === undefined ? [] : [m[1]]))

const under = (path: string, dir: string): boolean => path.startsWith(dir.endsWith("/") ? dir : `${dir}/`)

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1)

const clip = (s: string, max = 110): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

/** The old and new ConfigMap of each use the rollout changed; a lone removed + added pair when slots were renamed. */
const swapsOf = (
  before: PodTemplate,
  after: PodTemplate,
): ReadonlyArray<{ from: ConfigRef; to: ConfigRef }> => {
  const [a, b] = [refsOf(before), refsOf(after)]
  const bySlot = b.flatMap((to) => {
    const from = a.find((r) => r.slot === to.slot)
    return from === undefined || from.name === to.name ? [] : [{ from, to }]
  })
  if (bySlot.length > 0) return bySlot
  const removed = a.filter((r) => !b.some((x) => x.name === r.name))
  const added = b.filter((r) => !a.some((x) => x.name === r.name))
  const [from] = removed
  const [to] = added
  return removed.length === 1 && added.length === 1 && from !== undefined && to !== undefined
    ? [{ from, to }]
    : []
}

export const configSwap = (
  before: PodTemplate,
  after: PodTemplate,
  /** The workload's own log text. */
  logText: string,
): ConfigSwap | null => {
  const swaps = swapsOf(before, after)
  if (swaps.length === 0) return null
  const lines = logText.split("\n").filter((l) => parseError.test(l))
  if (lines.length === 0) return null
  // The files the parser names, with the lines around the exception (Jackson names it a line later).
  const all = logText.split("\n")
  const paths = all.flatMap((l, i) =>
    parseError.test(l) || parseError.test(all[i - 1] ?? "") ? filePaths(l) : [],
  )
  const unchanged = refsOf(after).filter((r) => !swaps.some((s) => s.to.slot === r.slot))
  for (const { from, to } of swaps) {
    const mine = paths.find((p) => to.mountPaths.some((d) => under(p, d)))
    // The parser named a file mounted from a ConfigMap the rollout kept: not this swap's doing.
    const elsewhere =
      mine === undefined &&
      paths.length > 0 &&
      paths.every((p) => unchanged.some((r) => r.mountPaths.some((d) => under(p, d))))
    if (elsewhere) continue
    const line = lines[0] ?? ""
    const word = line.slice(Math.max(0, line.search(parseError)))
    return {
      from: from.name,
      to: to.name,
      file: mine === undefined ? (paths[0] === undefined ? null : basename(paths[0])) : basename(mine),
      error: clip(word.trim()),
    }
  }
  return null
}
