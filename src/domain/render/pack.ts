/**
 * Fitting text to a platform's limits without losing any of it (weak point W12/16: the original
 * posted one unbounded message). Sections stay whole when they fit, else they split on line
 * boundaries; a single line longer than the limit is hard-wrapped — at a space when there is
 * one, never inside an entity, a link or a code point. Lengths are UTF-16 units, which is never
 * less than the characters a platform counts.
 */
import { safeCut } from "../report-text.js"

const unitsOf = (line: string, atom: RegExp): ReadonlyArray<string> =>
  line.match(new RegExp(`${atom.source}|[\\s\\S]`, "gu")) ?? []

/** A unit longer than the limit (a huge link with a tiny limit) is cut by code points; always progresses. */
const splitUnit = (unit: string, max: number): ReadonlyArray<string> => {
  const out: Array<string> = []
  let rest = unit
  while (rest.length > max) {
    const cut = Math.max(safeCut(rest, max), Math.min(2, rest.length))
    out.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  return rest === "" ? out : [...out, rest]
}

/** `line` in pieces of at most `max` units (see the module header). */
export const hardWrap = (line: string, max: number, atom: RegExp): ReadonlyArray<string> => {
  if (line.length <= max) return [line]
  const pieces: Array<string> = []
  let current = ""
  let lastSpace = -1
  const flush = () => {
    if (lastSpace > max / 2) {
      pieces.push(current.slice(0, lastSpace))
      current = current.slice(lastSpace)
    } else {
      pieces.push(current)
      current = ""
    }
    lastSpace = current.lastIndexOf(" ") + 1
  }
  for (const unit of unitsOf(line, atom)) {
    if (unit.length > max) {
      if (current !== "") pieces.push(current)
      const parts = splitUnit(unit, max)
      pieces.push(...parts.slice(0, -1))
      current = parts[parts.length - 1] ?? ""
      lastSpace = -1
      continue
    }
    while (current !== "" && current.length + unit.length > max) flush()
    current += unit
    if (unit === " ") lastSpace = current.length
  }
  if (current !== "") pieces.push(current)
  return pieces.filter((p) => p.trim() !== "")
}

/**
 * Sections packed into chunks of at most `max` units: sections joined by a blank line while they
 * fit, a section that does not fit the current chunk starts a new one, and a section longer than
 * a chunk flows line by line. No text is dropped (only blank lines at a chunk's edges).
 */
export const packSections = (
  sections: ReadonlyArray<ReadonlyArray<string>>,
  max: number,
  atom: RegExp,
): ReadonlyArray<string> => {
  const chunks: Array<string> = []
  let current = ""
  const flush = () => {
    if (current.trim() !== "") chunks.push(current.replace(/\n+$/, ""))
    current = ""
  }
  for (const section of sections) {
    const whole = section.join("\n")
    if (current !== "" && current.length + 2 + whole.length > max && whole.length <= max) flush()
    section.forEach((line, i) => {
      if (current === "" && line.trim() === "") return
      const sep = current === "" ? "" : i === 0 ? "\n\n" : "\n"
      if (current.length + sep.length + line.length <= max) {
        current += sep + line
        return
      }
      flush()
      const pieces = hardWrap(line, max, atom)
      chunks.push(...pieces.slice(0, -1))
      current = pieces[pieces.length - 1] ?? ""
    })
  }
  flush()
  return chunks
}
