/**
 * A platform team's talk at the desk that names problems without reporting one: a runbook asked
 * for by the condition it covers, a metric held under load and praised, a planned outage asked
 * after, a rota posted, an old warning retired for good, what a new dashboard covers, views asked
 * on a design. Frames of classify-talk.ts: each stands down when the message also puts a problem
 * in the present.
 */

import type { Frame } from "./classify-talk.js"

const lead = String.raw`^[^\w\n]{0,8}(?:(?:hey|hi|quick q|quick question|sorry)[,:!]?\s+)?`

export const deskTalkFrames: ReadonlyArray<Frame> = [
  {
    // "can you show me the runbook for withdrawal queue stuck?", "where's the playbook for
    // replica lagging?": a document asked for, named after the condition it covers.
    name: "a runbook asked for",
    needles: ["runbook", "playbook", "sop"],
    pattern: new RegExp(
      `${lead}(?:(?:can|could) you (?:please )?(?:show|send|give|link|find|share|pull up) (?:me |us )?|where(?:'s| is) |(?:pls |please )?link (?:me )?to |is there )(?:the |a |our )?(?:runbook|playbook|sop)s? (?:for|on|about) [^?\\n]{1,60}\\?\\s*$`,
    ),
  },
  {
    // "volume 3x normal today, ME p99 still at 6ms. proud of this team": a metric held under
    // load, praised.
    name: "a metric held under load, praised",
    needles: ["proud", "kudos", "great work", "well done", "hats off", "champ"],
    pattern:
      /\b(?:volume|traffic|load|requests|orders|signups|rps|tps)\b[^.!?\n]{0,30}?(?:\b\d+(?:\.\d+)?x\b|\brecord\b|\bdoubled?\b|\btripled?\b)[^\n]{0,80}?\b(?:still|stayed|held|holding|steady|flat)\b[^\n]{0,60}?\b(?:proud of|kudos|great work|well done|hats off|champ)\b/,
    // (Its "still at 6ms" is the metric held, not a problem's "still".)
    live: /\b(?:is|are|keeps?|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable)\b|\bright now\b|\bbut\b/,
  },
  {
    // "is staging down for the planned reset or am I early?": an outage asked after as the plan's.
    name: "a planned outage asked after",
    needles: ["planned", "scheduled"],
    pattern:
      /^[^\w\n]{0,8}(?:is|are) (?:the )?[\w -]{1,30} (?:down|offline|unavailable|read-?only|off) (?:for|because of|due to) (?:the |our |a )?(?:planned|scheduled)\b[^?\n]{0,40}(?:\bor\b[^?\n]{0,40})?\?/,
    // (Its own "is staging down" is the question; people hit or an error code is a report.)
    live: /\bright now\b|\b(?:customers|users|everyone|patients|clients)\b|\b[45]\d\d\b|\bbut\b/,
  },
  {
    // "rota for the bank holiday on-call is up, please check your slots": a schedule posted.
    name: "a rota posted",
    needles: ["rota", "roster", "schedule"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:the |our |new )?[\w -]{0,40} )?(?:rota|roster|schedule)\b[^.!?\n]{0,50}\b(?:is|are) (?:now )?(?:up|out|live|posted|published)\b[^\n]{0,12}(?:please |pls )?(?:check|review|confirm|swap) (?:your|the|any) (?:slots?|shifts?|dates?|weeks?)\b/,
  },
  {
    // "the old SFTP cert warning can be ignored going forward, that server was decommissioned":
    // a warning retired for good.
    name: "an old warning retired",
    needles: ["ignore"],
    pattern:
      /\b(?:old|legacy|stale)\b[^.!?\n]{0,40}\b(?:warnings?|alerts?|alarms?|errors?|notifications?)\b[^.!?\n]{0,30}? (?:can|could|may) (?:safely )?be (?:safely )?ignored\b[^\n]{0,30}\b(?:going forward|from now on|for good|permanently|decommissioned|retired|shut down|turned off)\b/,
  },
  {
    // "latency, error rate, saturation — that's what the new portal dashboard covers now".
    name: "what a dashboard covers",
    needles: ["dashboard", "board", "panel"],
    pattern:
      /\bthat'?s what (?:the |our )?(?:new )?[\w -]{0,30}(?:dashboard|board|panel)s? (?:covers?|shows?|tracks?|has)\b|\b(?:the |our )?new [\w -]{0,30}dashboard (?:now )?(?:covers|tracks|has panels for)\b/,
  },
  {
    // "any opinions on moving md-gateway from kafka to aeron? not urgent": views asked on a design.
    name: "views asked on a design",
    needles: ["opinion", "thoughts", "views", "takes"],
    pattern:
      /^[^\w\n]{0,8}(?:any|your|got any) (?:opinions?|thoughts|views|takes?) on (?:moving|migrating|switching|replacing|using|adopting|going|rewriting|splitting)\b[^?\n]{0,80}\?/,
  },
]
