/**
 * Pod logs as the replay serves them (scenarios/FORMAT.md): `#previous` keys, sinceTime keeping
 * timestamped lines at or after it plus the untimestamped lines that follow a kept one,
 * sinceSeconds on the replay clock, tailLines, timestamps prefixing only timestamped lines,
 * and the kubelet's 400s for a multi-container pod without a container, an unknown container
 * and a previous instance that does not exist.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { makeKubernetesReplay } from "../../src/replay/kubernetes.js"
import { parseLogLines, renderLog } from "../../src/replay/kubernetes-logs.js"
import { get } from "./kubernetes-fixtures.js"

const pods = [
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api-1", namespace: "shop" },
    spec: { containers: [{ name: "app" }, { name: "envoy" }], initContainers: [{ name: "migrate" }] },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "solo", namespace: "shop" },
    spec: { containers: [{ name: "only" }] },
  },
]

const previous = `2026-11-27T13:07:51Z INFO starting
2026-11-27T13:08:02Z ERROR boom
    at handler (app.js:10)
    at main (app.js:2)
2026-11-27T13:08:07Z FATAL out of memory
`

const logs = {
  "shop/api-1/app#previous": previous,
  "shop/api-1/app": "preamble without a time\n2026-11-27T13:09:00Z INFO up again\n",
  "shop/solo/only": "hello\n",
}

const Status = Schema.Struct({ message: Schema.String, code: Schema.Number })
const message = (text: string) => Schema.decodeUnknownSync(Status)(JSON.parse(text)).message

describe("pod logs", () => {
  it.scoped("previous=true reads the #previous key; the current instance is the plain key", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs })
      const prev = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log?container=app&previous=true")
      expect([prev.status, prev.headers.get("content-type"), prev.text]).toEqual([
        200,
        "text/plain",
        previous,
      ])
      const current = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log?container=app")
      expect(current.text).toBe("preamble without a time\n2026-11-27T13:09:00Z INFO up again\n")
    }),
  )

  it.scoped(
    "sinceTime keeps timestamped lines at or after it and the untimestamped lines following a kept one",
    () =>
      Effect.gen(function* () {
        const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs })
        const since = yield* get(
          replay,
          "/api/v1/namespaces/shop/pods/api-1/log?container=app&previous=true&sinceTime=2026-11-27T13:08:02Z",
        )
        expect(since.text).toBe(
          "2026-11-27T13:08:02Z ERROR boom\n    at handler (app.js:10)\n    at main (app.js:2)\n2026-11-27T13:08:07Z FATAL out of memory\n",
        )
        const later = yield* get(
          replay,
          "/api/v1/namespaces/shop/pods/api-1/log?container=app&sinceTime=2026-11-27T13:00:00Z",
        )
        expect(later.text).toBe("2026-11-27T13:09:00Z INFO up again\n")
      }),
  )

  it.scoped("sinceSeconds counts back from the replay clock; tailLines keeps the last lines", () =>
    Effect.gen(function* () {
      const now = Date.parse("2026-11-27T13:08:10Z")
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs }, { now: () => now })
      const recent = yield* get(
        replay,
        "/api/v1/namespaces/shop/pods/api-1/log?container=app&previous=true&sinceSeconds=5",
      )
      expect(recent.text).toBe("2026-11-27T13:08:07Z FATAL out of memory\n")
      const tail = yield* get(
        replay,
        "/api/v1/namespaces/shop/pods/api-1/log?container=app&previous=true&tailLines=2",
      )
      expect(tail.text).toBe("    at main (app.js:2)\n2026-11-27T13:08:07Z FATAL out of memory\n")
      const both = yield* get(
        replay,
        "/api/v1/namespaces/shop/pods/api-1/log?container=app&previous=true&sinceSeconds=1&sinceTime=2026-11-27T13:00:00Z",
      )
      expect(both.status).toBe(400)
    }),
  )

  it.scoped("timestamps=true prefixes only the lines that have a recorded timestamp", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs })
      const stamped = yield* get(
        replay,
        "/api/v1/namespaces/shop/pods/api-1/log?container=app&timestamps=true",
      )
      expect(stamped.text).toBe(
        "preamble without a time\n2026-11-27T13:09:00.000000000Z 2026-11-27T13:09:00Z INFO up again\n",
      )
    }),
  )

  it.scoped("a multi-container pod needs a container: a 400 naming the choices, like the kubelet", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs })
      const missing = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log")
      expect([missing.status, message(missing.text)]).toEqual([
        400,
        "a container name must be specified for pod api-1, choose one of: [app envoy] or one of the init containers: [migrate]",
      ])
      const unknown = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log?container=nope")
      expect(message(unknown.text)).toBe("container nope is not valid for pod api-1")
      const solo = yield* get(replay, "/api/v1/namespaces/shop/pods/solo/log")
      expect([solo.status, solo.text]).toEqual([200, "hello\n"])
    }),
  )

  it.scoped("previous=true with no previous instance is the kubelet's 400; an unknown pod is 404", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects: pods, logs })
      const none = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log?container=envoy&previous=true")
      expect([none.status, message(none.text)]).toEqual([
        400,
        'previous terminated container "envoy" in pod "api-1" not found',
      ])
      const ghost = yield* get(replay, "/api/v1/namespaces/shop/pods/ghost/log?container=app")
      expect([ghost.status, message(ghost.text)]).toEqual([404, 'pods "ghost" not found'])
      const empty = yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log?container=envoy")
      expect([empty.status, empty.text]).toEqual([200, ""])
    }),
  )
})

describe("renderLog", () => {
  it("limitBytes truncates the rendered body", () => {
    expect(renderLog(parseLogLines("abcdef\nghi\n"), { limitBytes: 4 })).toBe("abcd")
  })
})
