/**
 * A thread started before the read window whose replies come later ("starting the nodegroup
 * upgrade" … "the drain is still stuck"): with `repliesUntil` the replies are read through it,
 * over the Slack replay; without it, only those inside the window, as before.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, Redacted } from "effect"
import { slackHistory } from "../../../src/adapters/slack/slack-history.js"
import { makeSlackWebApi } from "../../../src/adapters/slack/slack-web-api.js"
import { makeSlackReplay } from "../../../src/replay/slack.js"

const TOKEN = "xoxb-replies-token"
const base = Date.parse("2027-03-02T08:00:00Z") / 1000

const channels = {
  C0INFRA: {
    name: "#infra",
    messages: [
      {
        ts: `${base}.000100`,
        user: "U0OPS",
        text: "rolling the np-batch node pool to the new image on gke-ops-2",
        replies: [
          { ts: `${base + 120}.000200`, user: "U0OPS", text: "first node cordoned" },
          { ts: `${base + 3000}.000300`, user: "U0OPS", text: "drain of the second node is stuck" },
          { ts: `${base + 9000}.000400`, user: "U0OPS", text: "after the window" },
        ],
      },
    ],
  },
}

const setup = Effect.gen(function* () {
  const replay = yield* makeSlackReplay({ token: TOKEN, channels })
  const api = makeSlackWebApi({
    baseUrl: replay.apiUrl,
    token: Effect.succeed(Redacted.make(TOKEN)),
    timeoutMs: 2000,
  })
  return slackHistory(api, Effect.succeed({ userId: "U0SREBOT", botId: "B0SREBOT" }), {
    pageSize: 50,
    maxPages: 5,
    maxThreads: 5,
  })
})

const earlier = {
  oldest: DateTime.unsafeMake((base - 60) * 1000),
  latest: DateTime.unsafeMake((base + 600) * 1000),
}

describe("slackHistory thread replies", () => {
  it.scoped("reads an earlier thread's replies through repliesUntil", () =>
    Effect.gen(function* () {
      const read = yield* setup
      const history = yield* read("C0INFRA", {
        ...earlier,
        repliesUntil: DateTime.unsafeMake((base + 3600) * 1000),
      })
      expect(history.messages.map((m) => m.text)).toEqual([
        "rolling the np-batch node pool to the new image on gke-ops-2",
        "first node cordoned",
        "drain of the second node is stuck",
      ])
    }),
  )

  it.scoped("without it, only the replies inside the window", () =>
    Effect.gen(function* () {
      const read = yield* setup
      const history = yield* read("C0INFRA", earlier)
      expect(history.messages.map((m) => m.text)).toEqual([
        "rolling the np-batch node pool to the new image on gke-ops-2",
        "first node cordoned",
      ])
    }),
  )
})
