/**
 * Callers refusing tokens after the identity service's rollout. The failing workload's pods are
 * Ready and unchanged, its lines say `401 … jwt issuer invalid. expected: https://id.…/`: the
 * tokens changed, not the caller. The service that issues them — named like one (auth-service,
 * keycloak, sso, oauth…), named by the expected issuer's host, or reached through the caller's
 * issuer/JWKS settings — rolled out a revision whose template changed a token setting
 * (JWT_ISSUER lost its trailing slash, a new audience, a new signing key). That rollout is the
 * cause, and the finding says so: "<identity> rollout vN changed JWT_ISSUER … → <callers> reject
 * its tokens". An identity rollout that changed no token setting, or one outside the window, is
 * not blamed here (rollout-changes.ts still reports it as context). Pure.
 */
import type { Finding } from "../../domain/finding.js"
import { identityServiceName, tokenRejections, tokenSettingName } from "../../domain/token-rejection.js"
import { configuredHosts, containersOf } from "./configured-dependencies.js"
import type { ContainerLog } from "./container-logs.js"
import { type AnalysisContext, eksFinding, hhmmss, type ScopedWorkload } from "./eks-finding.js"
import { revisions, rolloutTime } from "./rollout-changes.js"
import { diffTemplates } from "./template-diff.js"
import { resourceOf } from "./workloads.js"

export interface IdentityRolloutInput {
  readonly workloads: ReadonlyArray<ScopedWorkload>
  /** Logs read, keyed by `resourceOf(workload)`. */
  readonly logs: ReadonlyMap<string, ReadonlyArray<ContainerLog>>
  readonly ctx: AnalysisContext
}

/** Settings through which a caller checks tokens: the host they name is the issuer's. */
const checkSetting = /ISSUER|JWKS|OIDC|AUTH|TOKEN|IDP|SSO/i

/** Whether `w` is the service that issues the tokens the callers refuse. */
const issues = (w: ScopedWorkload, callers: ReadonlyArray<ScopedWorkload>, hosts: ReadonlyArray<string>) => {
  if (identityServiceName.test(w.name)) return true
  // `auth.example.com` expected by the caller: the workload named by the host's first label.
  if (hosts.some((h) => h.split(".")[0] === w.name)) return true
  return callers.some((c) =>
    configuredHosts(containersOf(c)).some(
      (h) => checkSetting.test(h.variable) && h.host.split(".")[0] === w.name,
    ),
  )
}

export const identityRolloutFindings = (input: IdentityRolloutInput): ReadonlyArray<Finding> => {
  const refusing = input.workloads.flatMap((w) => {
    const rejections = (input.logs.get(resourceOf(w)) ?? []).flatMap((l) => tokenRejections(l.text))
    return rejections.length === 0 ? [] : [{ w, rejections }]
  })
  const [first] = refusing
  if (first === undefined) return []
  const callers = refusing.map((r) => r.w)
  const hosts = refusing.flatMap((r) => r.rejections.flatMap((x) => x.expectedHost ?? []))
  const reason = first.rejections[0]?.reason ?? "token rejected"
  return input.workloads
    .filter((w) => !callers.includes(w) && w.deployment !== null && issues(w, callers, hosts))
    .flatMap((w) => {
      const [newest, previous] = revisions(w)
      if (newest === undefined || previous === undefined) return []
      const at = rolloutTime(w, newest)
      const { window } = input.ctx
      if (
        at === null ||
        at.epochMillis < window.changesSince.epochMillis ||
        at.epochMillis > window.end.epochMillis
      )
        return []
      const diff = diffTemplates(previous.spec.template, newest.spec.template)
      // `env JWT_ISSUER "https://id…/" → "https://id…"`: only a token setting reaches the callers.
      const changed = diff.env.filter((d) => tokenSettingName.test(/^env (\S+)/.exec(d)?.[1] ?? ""))
      if (changed.length === 0) return []
      const version = /→ (\S+)/.exec(diff.images[0] ?? "")?.[1] ?? `revision ${newest.revision}`
      const names = callers.map((c) => c.name).join(", ")
      const blame = `${w.name} rollout ${version} changed ${changed
        .join("; ")
        .replace(/^env /, "")
        .replace(/; env /g, "; ")}`
      return [
        eksFinding({
          kind: diff.images.length > 0 ? "rollout" : "config_change",
          title: `${blame} → ${names} reject its tokens (401 ${reason})`,
          detail:
            `${w.namespace}/${w.name} issues the tokens ${names} refuse (401 ${reason}); its rollout ` +
            `revision ${previous.revision} → ${newest.revision} at ${hhmmss(at)} changed ${changed.join("; ")}` +
            `${diff.images.length > 0 ? ` with ${diff.images.join(", ")}` : ""}. The callers are unchanged: ` +
            "the tokens they are handed now carry what they do not accept.",
          severity: "high",
          observedAt: at,
          resource: resourceOf(w),
          // The callers' change: their refusals are the symptom it explains, so the report's causes
          // chain it under them (the identity service itself fails nothing).
          service: first.w.name,
          excerpt: changed.join("\n"),
        }),
      ]
    })
}
