/**
 * Custom resources (cert-manager's Certificates, an operator's objects) as the Cluster port lists
 * them: which resource to list, and each object with its metadata decoded and its spec and
 * status kept as records for the kind's own Schema (cert-manager.ts) — so an object of an
 * unexpected shape is read as far as it goes instead of failing its whole list.
 */
import { Schema } from "effect"
import { ObjectMeta, opt } from "./kubernetes.js"

/** A custom resource to list: its API group, version and plural (what `kubectl get <plural>.<group>` names). */
export interface CustomResource {
  readonly group: string
  readonly version: string
  readonly plural: string
}

/** Any object as the API returns it: its metadata decoded, the rest kept for a kind's own Schema. */
export const CustomObject = Schema.Struct({
  metadata: ObjectMeta,
  spec: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  status: opt(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
})
export type CustomObject = typeof CustomObject.Type
