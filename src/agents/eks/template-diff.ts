/**
 * What changed between two pod templates (two revisions of a Deployment), container by
 * container: images, env vars (names and values — values redacted, secret-looking names masked,
 * references shown as `secret:name/key`), resource limits and requests, and containers added
 * or removed. Phrased for readers and for the report's rollback action, which parses
 * "image A → B". Pure.
 */
import type { Container, EnvVar } from "../../domain/kubernetes.js"
import type { PodTemplate } from "../../domain/kubernetes-workloads.js"
import { isSecretKey, redact } from "../../domain/redact.js"

export interface TemplateDiff {
  readonly images: ReadonlyArray<string>
  readonly env: ReadonlyArray<string>
  readonly resources: ReadonlyArray<string>
  readonly containers: ReadonlyArray<string>
  readonly restart: boolean
}

export const imageChanged = (d: TemplateDiff): boolean => d.images.length > 0

export const describeDiff = (d: TemplateDiff): ReadonlyArray<string> => [
  ...d.images,
  ...d.env,
  ...d.resources,
  ...d.containers,
  ...(d.restart ? ["restart requested (kubectl rollout restart)"] : []),
]

const clip = (s: string, max = 60): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

interface ImageRef {
  readonly repository: string
  readonly version: string
}

/** `registry:5000/team/app:v1@sha256:…` → repository `registry:5000/team/app`, version `v1` (or a short digest). */
const imageRef = (image: string): ImageRef => {
  const [named = image, digest] = image.split("@")
  const slash = named.lastIndexOf("/")
  const colon = named.lastIndexOf(":")
  const tagged = colon > slash
  const repository = tagged ? named.slice(0, colon) : named
  const tag = tagged ? named.slice(colon + 1) : "latest"
  return {
    repository,
    version: digest === undefined ? tag : `@${digest.replace(/^sha256:/, "").slice(0, 12)}`,
  }
}

const lastSegment = (repository: string): string => repository.slice(repository.lastIndexOf("/") + 1)

/** `v2.13.2 → v2.14.0` when the repository is the same, else `app:v1 → other:v2`. */
export const imageChange = (before: string, after: string): string => {
  const [a, b] = [imageRef(before), imageRef(after)]
  if (a.repository === b.repository) return `image ${a.version} → ${b.version}`
  return `image ${lastSegment(a.repository)}:${a.version} → ${lastSegment(b.repository)}:${b.version}`
}

const envValue = (e: EnvVar): string => {
  const from = e.valueFrom
  if (from?.secretKeyRef !== undefined)
    return `secret:${from.secretKeyRef.name ?? "?"}/${from.secretKeyRef.key ?? "?"}`
  if (from?.configMapKeyRef !== undefined)
    return `configmap:${from.configMapKeyRef.name ?? "?"}/${from.configMapKeyRef.key ?? "?"}`
  if (from?.fieldRef !== undefined) return `field:${from.fieldRef.fieldPath ?? "?"}`
  if (from?.resourceFieldRef !== undefined) return `resource:${from.resourceFieldRef.resource ?? "?"}`
  const value = e.value ?? ""
  if (isSecretKey(e.name)) return "[REDACTED]"
  return clip(redact(value)) || '""'
}

const rawEnv = (e: EnvVar): string => JSON.stringify([e.value ?? null, e.valueFrom ?? null])

const envDiff = (before: ReadonlyArray<EnvVar>, after: ReadonlyArray<EnvVar>): ReadonlyArray<string> => {
  const a = new Map(before.map((e) => [e.name, e]))
  const b = new Map(after.map((e) => [e.name, e]))
  const names = [...new Set([...a.keys(), ...b.keys()])]
  return names.flatMap((name) => {
    const [x, y] = [a.get(name), b.get(name)]
    if (x === undefined) return y === undefined ? [] : [`env ${name} added (${envValue(y)})`]
    if (y === undefined) return [`env ${name} removed (was ${envValue(x)})`]
    if (rawEnv(x) === rawEnv(y)) return []
    const [shownX, shownY] = [envValue(x), envValue(y)]
    return [shownX === shownY ? `env ${name} changed (value redacted)` : `env ${name} ${shownX} → ${shownY}`]
  })
}

const resourceDiff = (before: Container, after: Container): ReadonlyArray<string> =>
  (["limits", "requests"] as const).flatMap((group) => {
    const [a, b] = [before.resources[group], after.resources[group]]
    const word = group === "limits" ? "limit" : "request"
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().flatMap((name) => {
      const [x, y] = [a[name], b[name]]
      if (x === y) return []
      return [`${name} ${word} ${x ?? "none"} → ${y ?? "none"}`]
    })
  })

const restartAnnotation = "kubectl.kubernetes.io/restartedAt"

export const diffTemplates = (before: PodTemplate, after: PodTemplate): TemplateDiff => {
  const all = (t: PodTemplate) => [...t.spec.initContainers, ...t.spec.containers]
  const [a, b] = [all(before), all(after)]
  const several = new Set([...a, ...b].map((c) => c.name)).size > 1
  const tag = (name: string, text: string) => (several ? `${text} (${name})` : text)
  const images: Array<string> = []
  const env: Array<string> = []
  const resources: Array<string> = []
  const containers: Array<string> = []
  for (const next of b) {
    const prev = a.find((c) => c.name === next.name)
    if (prev === undefined) {
      containers.push(
        `container ${next.name} added${next.image === undefined ? "" : ` (${imageRef(next.image).version})`}`,
      )
      continue
    }
    if (prev.image !== undefined && next.image !== undefined && prev.image !== next.image) {
      images.push(tag(next.name, imageChange(prev.image, next.image)))
    }
    env.push(...envDiff(prev.env, next.env).map((d) => tag(next.name, d)))
    resources.push(...resourceDiff(prev, next).map((d) => tag(next.name, d)))
  }
  for (const prev of a)
    if (!b.some((c) => c.name === prev.name)) containers.push(`container ${prev.name} removed`)
  const restartOf = (t: PodTemplate) => t.metadata?.annotations[restartAnnotation]
  return { images, env, resources, containers, restart: restartOf(before) !== restartOf(after) }
}
