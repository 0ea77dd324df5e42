/**
 * A fix told holding, or the loop closed after it, in a support team's long thank-you: "the sales
 * reports have been going out every night since Thursday's fix", "the Square sync has been rock
 * solid since the fix two weeks ago", "they've had zero 'item not found' errors since Friday",
 * "the restaurant confirmed the online menu is showing the right prices now", "thanks for keeping
 * things stable". Nothing is live; the whole message is the good news. A turn ("but", "still",
 * "again") may report, so it must have none ("rock solid since the fix, but the reports stopped
 * again today").
 */
import type { Message } from "./classify-text.js"

const needles = ["since", "confirmed", "keeping"]

/** A good state held since a fix or a day. */
const heldSince =
  /\b(?:has|have) been (?:rock[- ]solid|solid|stable|steady|flawless|smooth|fine|great|perfect|spot on|going out (?:every|each) (?:night|day|morning|hour)|running (?:fine|smoothly|like clockwork)|working (?:fine|great|perfectly|flawlessly))\b[^.!?\n]{0,30}?\bsince (?:the |our |your |that |\w+'s )?(?:fix|patch|hotfix|change|update|deploy|release|upgrade)\b/

/** None of a named failure since a day or a fix. */
const noneSince =
  /\b(?:zero|0|no|not a single|not one) (?:'[^'\n]{1,30}' |"[^"\n]{1,30}" |‘[^’\n]{1,30}’ |“[^”\n]{1,30}” |[\w-]+ ){0,3}(?:errors?|failures?|crashes|complaints|tickets|escalations|timeouts|incidents|issues|outages)\b (?:since|after|following)\b/

/** Someone confirmed it right now. */
const confirmedRight =
  /\bconfirmed (?:that )?(?:the |their |our |it |everything |all )[^.!?\n]{0,60}?\b(?:is|are) (?:showing|displaying|working|printing|syncing|loading)?\s?(?:the )?(?:right|correct|fine|ok|okay|good|accurate)\b|\bconfirmed (?:that )?(?:the |their )[^.!?\n]{0,40}?\b(?:match|matches|add up|works|work|line up) now\b/

/** Thanks for the calm: "thanks for keeping things stable". */
const keptStable =
  /\bthanks? (?:you )?for keeping (?:things|it|everything|us|the \w+) (?:stable|running|up|smooth|calm|green|quiet)\b/

const turns = /\b(?:but|still|however|though|yet|again|except|until)\b/

/** What the message tells of a fix holding, or null. */
export const fixHeld = (message: Message): string | null => {
  const text = message.text.slice(0, 2000)
  if (!needles.some((n) => text.includes(n)) || turns.test(text)) return null
  if (heldSince.test(text) || noneSince.test(text)) return "a fix told holding"
  if (confirmedRight.test(text)) return "the loop closed after a fix"
  if (keptStable.test(text)) return "thanks for the calm"
  return null
}
