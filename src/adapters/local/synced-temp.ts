/**
 * Writes that never leave a half-written file: `text` goes to a temp file beside `path`, synced,
 * then `place` moves it into position (a rename replaces, a hard link only creates); the temp is
 * removed whatever happens. Shared by the file-backed dedup, trace and incident stores.
 */
import { randomUUID } from "node:crypto"
import { open, rename, rm } from "node:fs/promises"
import { basename, dirname, join } from "node:path"

export const withSyncedTemp = async <A>(
  path: string,
  text: string,
  place: (temp: string) => Promise<A>,
): Promise<A> => {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    const handle = await open(temp, "wx")
    try {
      await handle.writeFile(text, "utf8")
      await handle.sync()
    } finally {
      await handle.close()
    }
    return await place(temp)
  } finally {
    await rm(temp, { force: true })
  }
}

/** `text` at `path`, replacing whatever was there in one rename. */
export const replaceFile = (path: string, text: string): Promise<void> =>
  withSyncedTemp(path, text, (temp) => rename(temp, path))
