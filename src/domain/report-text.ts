/**
 * Small text rules shared by the report builder and the renderers: one-line text, clipping on a
 * code-point boundary (never half an emoji), the alert's title and the report's headline.
 */

import type { AlertFacts } from "./alert-facts.js"
import { readDoc } from "./alert-facts-text.js"
import { redact as redactText } from "./redact.js"

export const maxTitleChars = 200

/** Every run of whitespace (newlines included) becomes one space. */
export const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim()

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

/** Where to cut `s` so the first part has at most `max` UTF-16 units and no split code point. */
export const safeCut = (s: string, max: number): number => {
  if (s.length <= max) return s.length
  const cut = Math.max(0, max)
  return cut > 0 && isHighSurrogate(s.charCodeAt(cut - 1)) ? cut - 1 : cut
}

/** At most `max` UTF-16 units (so at most `max` characters wherever they are counted), "…" when cut. */
export const clipText = (s: string, max: number): string =>
  s.length <= max ? s : `${s.slice(0, safeCut(s, Math.max(0, max - 1)))}…`

// How far back a cut may move to end on a whole word: a few words, never most of the text.
const wordSlack = 40

/**
 * Like `clipText`, but the cut ends on a whole word ("… a leak's shape" clipped reads "… a…", never
 * "a lea…"): a cause's words are what people search the report for, and half a word is none.
 */
export const clipAtWord = (s: string, max: number): string => {
  if (s.length <= max) return s
  const hard = safeCut(s, Math.max(0, max - 1))
  const space = s.lastIndexOf(" ", hard)
  const cut = space > 0 && hard - space <= wordSlack ? space : hard
  // A last word that only leads into the next ("a", "the", "of") says nothing alone.
  const kept = s
    .slice(0, cut)
    .replace(/[\s,;:(–—-]+$/, "")
    .replace(/\s+(?:a|an|the|of|to|in|on|at|by|for|and|or)$/i, "")
    .replace(/[\s,;:(–—-]+$/, "")
  return `${kept}…`
}

/** The alert's first meaningful line (mentions and markup gone), redacted, for headers. */
export const alertTitle = (text: string): string => {
  const first = readDoc(text).lines[0]
  return first === undefined ? "(alert with no text)" : clipText(oneLine(redactText(first)), maxTitleChars)
}

/** One line: the top cause's headline, or the alert's name and an honest "no cause established". */
export const headline = (top: string | undefined, facts: AlertFacts, title: string): string =>
  top !== undefined
    ? clipText(oneLine(top), maxTitleChars)
    : clipText(
        `${oneLine(redactText(facts.alertName ?? title))}: no cause established from the evidence gathered`,
        maxTitleChars,
      )
