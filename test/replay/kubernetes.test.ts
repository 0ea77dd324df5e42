/**
 * The Kubernetes replay over plain HTTP, checked against what a real API server answers: list
 * shapes with resourceVersion, gets, implied Namespaces, label and field selectors, Status
 * bodies for 404/403/400, scheduled faults (403, 429 + Retry-After, one-shot 500), the request
 * record, and a scenario section with a missing identity rejected with its place named.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { makeKubernetesReplay } from "../../src/replay/kubernetes.js"
import { isClusterScoped } from "../../src/replay/kubernetes-store.js"
import { get, objects } from "./kubernetes-fixtures.js"

const Json = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const ListBody = Schema.Struct({
  apiVersion: Schema.String,
  kind: Schema.String,
  metadata: Schema.Struct({ resourceVersion: Schema.String }),
  items: Schema.Array(Schema.Struct({ metadata: Schema.Struct({ name: Schema.String }) }, Json)),
})
const StatusBody = Schema.Struct({
  kind: Schema.Literal("Status"),
  apiVersion: Schema.Literal("v1"),
  status: Schema.Literal("Failure"),
  message: Schema.String,
  reason: Schema.String,
  code: Schema.Number,
})

const json = (text: string): unknown => JSON.parse(text)
const names = (text: string) =>
  Schema.decodeUnknownSync(ListBody)(json(text)).items.map((i) => i.metadata.name)
const status = (text: string) => Schema.decodeUnknownSync(StatusBody)(json(text))

describe("makeKubernetesReplay: objects", () => {
  it.scoped("lists carry apiVersion, kind, resourceVersion and items without their own TypeMeta", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      const pods = yield* get(replay, "/api/v1/namespaces/shop/pods")
      const body = Schema.decodeUnknownSync(ListBody)(json(pods.text))
      expect([pods.status, body.apiVersion, body.kind, body.metadata.resourceVersion !== ""]).toEqual([
        200,
        "v1",
        "PodList",
        true,
      ])
      expect(body.items.map((i) => [i.metadata.name, i.kind, i.apiVersion])).toEqual([
        ["api-1", undefined, undefined],
        ["api-2", undefined, undefined],
      ])
      expect(names((yield* get(replay, "/api/v1/pods")).text)).toEqual(["api-1", "api-2", "db-0"])
      expect(
        Schema.decodeUnknownSync(ListBody)(
          json((yield* get(replay, "/apis/apps/v1/namespaces/shop/deployments")).text),
        ).kind,
      ).toBe("DeploymentList")
      expect(
        names((yield* get(replay, "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers")).text),
      ).toEqual(["api"])
      expect(names((yield* get(replay, "/apis/apps/v1/namespaces/data/replicasets")).text)).toEqual([])
    }),
  )

  it.scoped(
    "gets return the object with TypeMeta, a uid and a resourceVersion; namespaces in use exist",
    () =>
      Effect.gen(function* () {
        const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
        const pod = Schema.decodeUnknownSync(Json)(
          json((yield* get(replay, "/api/v1/namespaces/shop/pods/api-1")).text),
        )
        expect([pod.kind, pod.apiVersion]).toEqual(["Pod", "v1"])
        expect(pod.metadata).toMatchObject({
          name: "api-1",
          uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
          resourceVersion: expect.any(String),
        })
        expect(names((yield* get(replay, "/api/v1/namespaces")).text)).toEqual(["data", "shop"])
        expect((yield* get(replay, "/api/v1/namespaces/shop")).status).toBe(200)
        expect((yield* get(replay, "/api/v1/nodes/n1")).status).toBe(200)
      }),
  )

  it.scoped("404s are Status bodies like the API server's", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      const missing = yield* get(replay, "/apis/apps/v1/namespaces/shop/deployments/nope")
      expect([missing.status, status(missing.text)]).toEqual([
        404,
        {
          kind: "Status",
          apiVersion: "v1",
          status: "Failure",
          message: 'deployments "nope" not found',
          reason: "NotFound",
          code: 404,
        },
      ])
      const unknown = yield* get(replay, "/apis/apps/v1/namespaces/shop/widgets")
      expect([unknown.status, status(unknown.text).message]).toEqual([
        404,
        "the server could not find the requested resource",
      ])
      expect((yield* get(replay, "/api/v1/namespaces/shop/secrets")).status).toBe(404)
    }),
  )

  it.scoped("events are matched to their objects: involvedObject.uid is filled from the object", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      const pod = Schema.decodeUnknownSync(
        Schema.Struct({ metadata: Schema.Struct({ uid: Schema.String }) }),
      )(json((yield* get(replay, "/api/v1/namespaces/shop/pods/api-1")).text))
      const byUid = yield* get(
        replay,
        `/api/v1/events?fieldSelector=${encodeURIComponent(`involvedObject.uid=${pod.metadata.uid}`)}`,
      )
      expect(names(byUid.text)).toEqual(["api-1.a"])
    }),
  )
})

describe("makeKubernetesReplay: selectors", () => {
  const q = (s: string) => encodeURIComponent(s)
  it.scoped("label selectors: equality, inequality, set-based and existence", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      const pods = (selector: string) =>
        Effect.map(get(replay, `/api/v1/pods?labelSelector=${q(selector)}`), (r) => names(r.text))
      expect(yield* pods("app=api")).toEqual(["api-1", "api-2"])
      expect(yield* pods("app==api,track!=canary")).toEqual(["api-1"])
      expect(yield* pods("app in (api, db),track notin (stable)")).toEqual(["api-2", "db-0"])
      expect(yield* pods("track")).toEqual(["api-1", "api-2"])
      expect(yield* pods("!track")).toEqual(["db-0"])
      const bad = yield* get(replay, `/api/v1/pods?labelSelector=${q("app in api")}`)
      expect([bad.status, status(bad.text).reason]).toEqual([400, "BadRequest"])
    }),
  )

  it.scoped("field selectors on events and pods; an unsupported field is the API's 400", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      const list = (path: string, selector: string) =>
        Effect.map(get(replay, `${path}?fieldSelector=${q(selector)}`), (r) => names(r.text))
      expect(
        yield* list("/api/v1/namespaces/shop/events", "involvedObject.kind=Pod,involvedObject.name=api-1"),
      ).toEqual(["api-1.a"])
      expect(yield* list("/api/v1/events", "type=Normal,reason=ScalingReplicaSet")).toEqual(["api.b"])
      expect(
        yield* list("/api/v1/events", "involvedObject.namespace=shop,source=deployment-controller"),
      ).toEqual(["api.b"])
      expect(yield* list("/api/v1/pods", "spec.nodeName=n1")).toEqual(["api-1", "db-0"])
      expect(yield* list("/api/v1/pods", "status.phase!=Running")).toEqual(["api-2"])
      const bad = yield* get(replay, `/api/v1/pods?fieldSelector=${q("spec.hostname=x")}`)
      expect([bad.status, status(bad.text).message]).toEqual([
        400,
        "field label not supported: spec.hostname",
      ])
    }),
  )
})

describe("makeKubernetesReplay: faults and the request record", () => {
  it.scoped("forbid answers 403 with an RBAC message naming verb, resource, group and namespace", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      replay.forbid("/apis/autoscaling/**")
      const denied = yield* get(replay, "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers")
      expect([denied.status, status(denied.text).reason, status(denied.text).message]).toEqual([
        403,
        "Forbidden",
        'horizontalpodautoscalers is forbidden: User "system:serviceaccount:sre-on-call:sre-on-call" cannot list resource "horizontalpodautoscalers" in API group "autoscaling" in the namespace "shop"',
      ])
      replay.forbid("/api/v1/namespaces/*/pods/*/log")
      expect(status((yield* get(replay, "/api/v1/namespaces/shop/pods/api-1/log")).text).message).toContain(
        'pods "api-1" is forbidden: User "system:serviceaccount:sre-on-call:sre-on-call" cannot get resource "pods/log"',
      )
      expect((yield* get(replay, "/api/v1/namespaces/shop/pods")).status).toBe(200)
      replay.clearFaults()
      expect(
        (yield* get(replay, "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers")).status,
      ).toBe(200)
    }),
  )

  it.scoped("throttleNext answers 429 with Retry-After, then recovers; failNext is one-shot", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      replay.throttleNext("/api/v1/pods", 2)
      const throttled = yield* get(replay, "/api/v1/pods")
      expect([throttled.status, throttled.headers.get("retry-after"), status(throttled.text).reason]).toEqual(
        [429, "2", "TooManyRequests"],
      )
      expect((yield* get(replay, "/api/v1/pods")).status).toBe(200)
      replay.failNext(/\/nodes/, { status: 500, message: "etcdserver: leader changed" })
      expect([
        (yield* get(replay, "/api/v1/nodes")).status,
        (yield* get(replay, "/api/v1/nodes")).status,
      ]).toEqual([500, 200])
    }),
  )

  it.scoped("records every request with its operation, query and whether the token was right", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "c1", objects })
      yield* get(replay, "/api/v1/namespaces/shop/pods?labelSelector=app%3Dapi")
      yield* get(replay, "/api/v1/nodes/n1", { authorization: "Bearer wrong" })
      expect(replay.requests().map((r) => [r.operation, r.path, r.query, r.authorization])).toEqual([
        ["list pods", "/api/v1/namespaces/shop/pods", { labelSelector: "app=api" }, "valid"],
        ["get nodes", "/api/v1/nodes/n1", {}, "invalid"],
      ])
    }),
  )

  it.scoped("a section with an object missing its identity is rejected with every problem named", () =>
    Effect.gen(function* () {
      const bad = yield* Effect.either(
        makeKubernetesReplay({
          cluster: "c1",
          objects: [
            { apiVersion: "v1", kind: "Pod", metadata: { name: "x" } },
            { kind: "Node", metadata: {} },
          ],
          logs: { "not-a-key": "" },
        }),
      )
      expect(Either.isLeft(bad)).toBe(true)
      const message = Either.isLeft(bad) ? bad.left.message : ""
      expect(message).toContain("objects[0].metadata.namespace: a namespaced Pod needs metadata.namespace")
      expect(message).toContain("objects[1].apiVersion")
      expect(message).toContain("objects[1].metadata.name")
      expect(message).toContain('logs["not-a-key"]')
    }),
  )

  it("a custom resource written without a namespace is cluster-scoped; a known namespaced kind is not", () => {
    expect(isClusterScoped("ClusterIssuer", undefined)).toBe(true)
    expect(isClusterScoped("ClusterPolicy", undefined)).toBe(true)
    expect(isClusterScoped("ProviderConfig", undefined)).toBe(true)
    expect(isClusterScoped("Certificate", "shop")).toBe(false)
    expect(isClusterScoped("Pod", undefined)).toBe(false)
    expect(isClusterScoped("NetworkPolicy", undefined)).toBe(false)
  })
})
