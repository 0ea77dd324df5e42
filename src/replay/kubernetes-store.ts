/**
 * The replay's object store: a scenario's `kubernetes` section checked leniently (objects pass
 * through as `kubectl get -o yaml` printed them; only apiVersion, kind, metadata.name and — for
 * namespaced kinds — metadata.namespace are required, and a missing one is an error naming its
 * place) and completed the way an API server would have: a uid and resourceVersion on every
 * object, a Namespace for every namespace in use, and each Event's `involvedObject.uid` filled
 * from the object it names by kind/namespace/name.
 */
import { createHash } from "node:crypto"
import { Either, ParseResult, Schema } from "effect"
import { resourceTypes } from "./kubernetes-routes.js"

const NonEmpty = Schema.String.pipe(Schema.minLength(1))
const Json = Schema.Record({ key: Schema.String, value: Schema.Unknown })
const Labels = Schema.Record({
  key: Schema.String,
  value: Schema.Union(Schema.String, Schema.Number, Schema.Boolean),
})

const Identity = Schema.Struct({
  apiVersion: NonEmpty,
  kind: NonEmpty,
  metadata: Schema.Struct({
    name: NonEmpty,
    namespace: Schema.optional(NonEmpty),
    uid: Schema.optional(Schema.String),
    resourceVersion: Schema.optional(Schema.String),
    labels: Schema.optional(Schema.NullOr(Labels)),
  }),
  involvedObject: Schema.optional(
    Schema.Struct({ kind: Schema.optional(Schema.String), name: Schema.optional(Schema.String) }),
  ),
})

export class KubernetesReplayInvalid extends Schema.TaggedError<KubernetesReplayInvalid>()(
  "KubernetesReplayInvalid",
  { problems: Schema.Array(Schema.String) },
) {
  override get message(): string {
    return `kubernetes section is invalid:\n${this.problems.map((p) => `  - ${p}`).join("\n")}`
  }
}

/** Kinds with no namespace (`kubectl api-resources --namespaced=false`, the ones scenarios carry). */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
  "Node",
  "Namespace",
  "PersistentVolume",
  "StorageClass",
  "VolumeAttachment",
  "CSIDriver",
  "CSINode",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PriorityClass",
  "IngressClass",
  "RuntimeClass",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
  "APIService",
])

/** Namespaced kinds the replay serves or scenarios often carry: one without a namespace is a mistake. */
const namespacedKinds: ReadonlySet<string> = new Set([
  ...resourceTypes.filter((t) => t.namespaced).map((t) => t.kind),
  "Ingress",
  "Secret",
  "ServiceAccount",
  "Role",
  "RoleBinding",
  "Lease",
])

/**
 * Whether an object of `kind` lives outside namespaces. A custom resource's kind (cert-manager's
 * ClusterIssuer, Kyverno's ClusterPolicy) is known to no list here: written without a namespace,
 * it is taken as cluster-scoped, as `kubectl get -o yaml` would have printed it.
 */
export const isClusterScoped = (kind: string, namespace: string | undefined): boolean =>
  clusterScopedKinds.has(kind) ||
  /^Cluster[A-Z]/.test(kind) ||
  (namespace === undefined && !namespacedKinds.has(kind))

export interface StoredObject {
  readonly kind: string
  readonly namespace: string | null
  readonly name: string
  readonly uid: string
  readonly labels: Readonly<Record<string, string>>
  /** The object as served by a get (apiVersion and kind included). */
  readonly body: Readonly<Record<string, unknown>>
}

export interface KubernetesStore {
  readonly objects: ReadonlyArray<StoredObject>
  readonly resourceVersion: string
  readonly logs: ReadonlyMap<string, string>
}

export interface KubernetesSectionInput {
  readonly objects?: ReadonlyArray<unknown>
  readonly logs?: Readonly<Record<string, string>>
}

const uidFor = (kind: string, namespace: string | null, name: string): string => {
  const h = createHash("sha1")
    .update(`${kind}/${namespace ?? ""}/${name}`)
    .digest("hex")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const problemsOf = (error: ParseResult.ParseError, at: string): ReadonlyArray<string> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map(
    (i) =>
      `${at}${i.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}: ${i.message}`,
  )

const logKey = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[^/\s]+\/[^/#\s]+(#previous)?$/

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  Either.getOrElse(Schema.decodeUnknownEither(Json)(value), () => ({}))

/** Check and complete a scenario's objects and logs; every problem is listed, by place. */
export const makeKubernetesStore = (
  input: KubernetesSectionInput,
): Either.Either<KubernetesStore, KubernetesReplayInvalid> => {
  const problems: Array<string> = []
  const stored: Array<StoredObject> = []
  const raw = input.objects ?? []
  raw.forEach((object, i) => {
    const decoded = Schema.decodeUnknownEither(Identity, { errors: "all" })(object)
    if (Either.isLeft(decoded)) {
      problems.push(...problemsOf(decoded.left, `objects[${i}]`))
      return
    }
    const { kind, metadata } = decoded.right
    const namespaced = !isClusterScoped(kind, metadata.namespace)
    if (namespaced && metadata.namespace === undefined) {
      problems.push(`objects[${i}].metadata.namespace: a namespaced ${kind} needs metadata.namespace`)
      return
    }
    const namespace = namespaced ? (metadata.namespace ?? null) : null
    const uid = metadata.uid ?? uidFor(kind, namespace, metadata.name)
    const labels = Object.fromEntries(Object.entries(metadata.labels ?? {}).map(([k, v]) => [k, String(v)]))
    const body = record(object)
    stored.push({
      kind,
      namespace,
      name: metadata.name,
      uid,
      labels,
      body: {
        ...body,
        metadata: {
          ...record(body.metadata),
          uid,
          resourceVersion: metadata.resourceVersion ?? String(1000 + i),
        },
      },
    })
  })
  for (const key of Object.keys(input.logs ?? {})) {
    if (!logKey.test(key))
      problems.push(`logs["${key}"]: expected "<namespace>/<pod>/<container>[#previous]"`)
  }
  if (problems.length > 0) return Either.left(new KubernetesReplayInvalid({ problems }))
  return Either.right({
    objects: [...withImpliedNamespaces(stored)].map((o) =>
      o.kind === "Event" ? withInvolvedUid(o, stored) : o,
    ),
    resourceVersion: String(1000 + raw.length + stored.length),
    logs: new Map(Object.entries(input.logs ?? {})),
  })
}

const withImpliedNamespaces = (objects: ReadonlyArray<StoredObject>): ReadonlyArray<StoredObject> => {
  const declared = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.name))
  const used = [...new Set(objects.flatMap((o) => (o.namespace === null ? [] : [o.namespace])))].sort()
  const implied = used
    .filter((ns) => !declared.has(ns))
    .map((name): StoredObject => {
      const uid = uidFor("Namespace", null, name)
      return {
        kind: "Namespace",
        namespace: null,
        name,
        uid,
        labels: { "kubernetes.io/metadata.name": name },
        body: {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: { name, uid, resourceVersion: "1", labels: { "kubernetes.io/metadata.name": name } },
          spec: { finalizers: ["kubernetes"] },
          status: { phase: "Active" },
        },
      }
    })
  return [...objects, ...implied]
}

const InvolvedObject = Schema.Struct(
  { kind: Schema.optional(Schema.String), name: Schema.optional(Schema.String) },
  Json,
)

/** An Event names its object by kind/namespace/name; the uid, when the scenario left it out, comes from that object. */
const withInvolvedUid = (event: StoredObject, objects: ReadonlyArray<StoredObject>): StoredObject => {
  const involved = Either.getOrNull(Schema.decodeUnknownEither(InvolvedObject)(event.body.involvedObject))
  if (involved === null || typeof involved.uid === "string") return event
  const namespace = typeof involved.namespace === "string" ? involved.namespace : null
  const target = objects.find(
    (o) =>
      o.kind === involved.kind &&
      o.name === involved.name &&
      (o.namespace === null || o.namespace === (namespace ?? event.namespace)),
  )
  if (target === undefined) return event
  return { ...event, body: { ...event.body, involvedObject: { ...involved, uid: target.uid } } }
}
