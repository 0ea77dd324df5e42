/**
 * The one reading the per-language chatter files share (`classify-portuguese-hindi.ts`,
 * `classify-polish-dutch-romanian.ts`): a whole-message ack or greeting; else, when a word of the
 * language is present, the first frame that matches — unless the message says something fails
 * now, or (beside a problem found) it holds English a report may be written in. Quoted text and
 * "no errors" said in the language are the frame's own, not a live problem. Each language file
 * gives its words; the reading is here once. Read on the text's first 600 characters. Pure.
 */
import type { Message } from "./classify-text.js"

export interface LanguageFrame {
  readonly name: string
  readonly pattern: RegExp
}

export interface LanguageChatter {
  /** An ack, thanks or greeting as the whole message. */
  readonly bare: RegExp
  /** What it is called when `bare` matches. */
  readonly bareName: string
  /** A word every frame's text holds, so other messages skip the frames cheaply. */
  readonly mark: RegExp
  /** What makes talk in the language a report: something failing, missing or wrong now. */
  readonly live: RegExp
  /** What the writer says is none ("nenhum erro", "geen storingen"): global. */
  readonly noneSaid: RegExp
  readonly frames: ReadonlyArray<LanguageFrame>
}

const quotedSpans = /['"‘“][^'"’”“\n]{1,40}['"’”]/g

/** English function words: a message that holds one may report in English what the frames cannot read. */
const english =
  /\b(?:is|are|was|were|the|but|and|since|still|not|for|on|at|keeps?|getting|seeing|it|its|it's)\b/i

/** The chatter a message is in `language`'s words, or null. `strongEvidence`: evidence of a problem found. */
export const languageChatter =
  (language: LanguageChatter) =>
  (message: Message, strongEvidence: boolean): string | null => {
    const text = message.text.slice(0, 600)
    if (!strongEvidence && language.bare.test(text)) return language.bareName
    if (!language.mark.test(text)) return null
    const unquoted = text.replace(quotedSpans, " ").replace(language.noneSaid, " ")
    // Beside a problem found, only a message in the language alone: "tudo certo no deploy, but
    // p99 is 3s on checkout" reports in English.
    if (strongEvidence && english.test(unquoted)) return null
    for (const frame of language.frames) {
      if (!frame.pattern.test(text)) continue
      return language.live.test(unquoted) ? null : frame.name
    }
    return null
  }
