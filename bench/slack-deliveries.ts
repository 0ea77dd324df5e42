/**
 * Signed Slack `app_mention` deliveries for the intake benchmarks, each a DISTINCT event (its
 * own message ts and event id), so every one is claimed by the dedup store — re-sending one
 * delivery would measure the duplicate path instead. Signed when built, i.e. before the timed
 * phase: the signature's timestamp stays well inside the 300 s window of a ≤ 1 min run.
 */
import { signSlackRequest, slackMentionPayload } from "../src/cli/synthetic.js"

/**
 * An app_mention as Slack delivers it (../shared/fixtures/webhooks/slack-app-mention.json): the
 * text again as a rich_text block (a section per line: the mention, then text), and the
 * envelope fields we do not read. Intake must read the blocks and not count the text twice,
 * and the floor must HMAC and parse the same bytes, so both pay for the real size.
 */
const asSlackSendsIt = (payload: ReturnType<typeof slackMentionPayload>, text: string, bot: string) => ({
  token: "verification-token-unused",
  ...payload,
  event: {
    ...payload.event,
    blocks: [
      {
        type: "rich_text",
        block_id: "x7Yq",
        elements: text.split("\n").map((line, i) => ({
          type: "rich_text_section",
          elements: [
            ...(i === 0 ? [{ type: "user", user_id: bot }] : []),
            { type: "text", text: i === 0 ? ` ${line}` : `\n${line}` },
          ],
        })),
      },
    ],
  },
  is_ext_shared_channel: false,
  event_context: "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
})

export const benchSigningSecret = "bench-signing-secret-0123456789abcdef"
export const benchBotUser = "U0SREBOT"
export const benchBotId = "B0SREBOT"
export const benchChannel = "C0BENCH01"

/** An Alertmanager-style alert the tier-1 classifier investigates (no nudge, no Slack call). */
export const alertText = [
  "[FIRING:1] KubePodCrashLooping (eks-prod payments)",
  '*Alert:* Pod payments/payments-api-7d9f8b6c4-x2k9p (api) is in waiting state (reason: "CrashLoopBackOff").',
  "*Severity:* `critical`",
].join("\n")

/**
 * A person's report, for the row that shows what a message without a tool's header costs: it
 * passes every rule of the gate (no header short-cut, src/domain/classify-header.ts).
 */
export const reportText =
  "checkout is returning 502s for some customers since the 14:05 deploy, payments-api pods keep restarting. can someone look?"

export interface Delivery {
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

// One counter for the whole process: no two deliveries share a message ts, across all rows.
let sequence = 0
// Message times a minute in the past (alerts are posted a little before the mention reaches us).
const baseSeconds = Math.floor(Date.now() / 1000) - 60

const nextTs = (): string => {
  const n = sequence++
  return `${baseSeconds + Math.floor(n / 1_000_000)}.${String(n % 1_000_000).padStart(6, "0")}`
}

/**
 * `count` fresh signed deliveries for POST /slack/events. A second process making deliveries
 * passes its own `channel`: message ts are unique per process, so the channel keeps the dedup
 * keys of the two apart.
 */
export const makeDeliveries = (
  count: number,
  channel: string = benchChannel,
  text: string = alertText,
): ReadonlyArray<Delivery> => {
  const now = Date.now()
  return Array.from({ length: count }, () => {
    const ts = nextTs()
    const payload = asSlackSendsIt(
      slackMentionPayload({
        text,
        at: now,
        ts,
        eventId: `Ev${ts.replace(".", "")}`,
        channel,
        botUserId: benchBotUser,
        team: "T0BENCH01",
      }),
      text,
      benchBotUser,
    )
    const body = JSON.stringify(payload)
    // Slack sends Content-Length (so does every HTTP/1.1 client with a known body); without it
    // Hono's bodyLimit must stream the body and rebuild the Request — a cost production never pays.
    const signed = signSlackRequest(benchSigningSecret, now, body, "/slack/events", "application/json", {
      "content-length": String(Buffer.byteLength(body, "utf8")),
    })
    return { headers: signed.headers, body: signed.body }
  })
}

export const slackEventsUrl = "http://localhost/slack/events"
