/**
 * Reads config.yaml from disk: YAML syntax errors and schema errors both become ConfigInvalid
 * naming the file, the line (for syntax) or the key path (for schema). A missing file is
 * reported as such; callers decide whether embedded defaults are acceptable.
 */
import { readFile } from "node:fs/promises"
import { Effect, Either } from "effect"
import { parseDocument } from "yaml"
import { type AppConfig, ConfigInvalid, decodeConfig } from "../../domain/config.js"

export class ConfigMissing extends Error {
  readonly _tag = "ConfigMissing"
}

export const parseConfigText = (text: string, source: string): Either.Either<AppConfig, ConfigInvalid> => {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
  if (doc.errors.length > 0) {
    return Either.left(
      new ConfigInvalid({ source, problems: doc.errors.map((e) => e.message.split("\n")[0] ?? e.message) }),
    )
  }
  return decodeConfig(doc.toJS(), source)
}

export const loadConfigFile = (path: string): Effect.Effect<AppConfig, ConfigInvalid | ConfigMissing> =>
  Effect.tryPromise({
    try: () => readFile(path, "utf8"),
    catch: (e) =>
      e instanceof Error && "code" in e && e.code === "ENOENT"
        ? new ConfigMissing(`${path} not found`)
        : new ConfigInvalid({
            source: path,
            problems: [`cannot read: ${e instanceof Error ? e.message : String(e)}`],
          }),
  }).pipe(Effect.flatMap((text) => parseConfigText(text, path)))
