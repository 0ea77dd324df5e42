/**
 * networking.k8s.io/v1 Ingresses (which host and path go to which Service, and the controller
 * annotations that change its limits) and core/v1 ConfigMaps (an ingress controller's defaults,
 * `proxy-body-size: "1m"`). Ingresses are listed as custom objects (their spec kept as a record)
 * and decoded here, so one odd Ingress costs only itself.
 */
import { Option, Schema } from "effect"
import { list, ObjectMeta, opt, StringMap, Text } from "./kubernetes.js"
import type { CustomObject } from "./kubernetes-custom.js"

const Backend = Schema.Struct({
  service: opt(
    Schema.Struct({
      name: Schema.String,
      port: opt(Schema.Struct({ number: opt(Schema.Number), name: opt(Text) })),
    }),
  ),
})

const IngressSpec = Schema.Struct({
  ingressClassName: opt(Schema.String),
  defaultBackend: opt(Backend),
  rules: list(
    Schema.Struct({
      host: opt(Schema.String),
      http: opt(
        Schema.Struct({ paths: list(Schema.Struct({ path: opt(Schema.String), backend: Backend })) }),
      ),
    }),
  ),
})

export interface Ingress {
  readonly metadata: ObjectMeta
  readonly spec: typeof IngressSpec.Type
}

/** An Ingress from its listed object; null when its spec is not an Ingress's. */
export const ingressOf = (o: CustomObject): Ingress | null =>
  Option.getOrNull(
    Option.map(Schema.decodeUnknownOption(IngressSpec)(o.spec ?? {}), (spec) => ({
      metadata: o.metadata,
      spec,
    })),
  )

/** The hosts an Ingress serves. */
export const ingressHosts = (i: Ingress): ReadonlyArray<string> =>
  i.spec.rules.flatMap((r) => (r.host === undefined ? [] : [r.host.toLowerCase()]))

/** The Services an Ingress routes to. */
export const ingressBackends = (i: Ingress): ReadonlyArray<string> => [
  ...new Set([
    ...i.spec.rules.flatMap((r) => (r.http?.paths ?? []).flatMap((p) => p.backend.service?.name ?? [])),
    ...(i.spec.defaultBackend?.service?.name === undefined ? [] : [i.spec.defaultBackend.service.name]),
  ]),
]

/** core/v1 ConfigMap: its string data. */
export const ConfigMap = Schema.Struct({ metadata: ObjectMeta, data: StringMap })
export type ConfigMap = typeof ConfigMap.Type
