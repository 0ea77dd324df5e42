/**
 * A service mesh's security changed, as a GitOps bot or a platform engineer announces it: an
 * mTLS mode (PeerAuthentication STRICT, "STRICT mTLS is now on for …"), a mesh CA or root rotated
 * (Istio's plugged-in cacerts), sidecar injection switched. Such a change touches every in-mesh
 * call at once, so it is announced with the namespaces or policy names it touches, not the
 * alerting service's: the chat scanners take it as a change behind any service's failing calls.
 * Pure.
 */

// The mesh's own security objects and words (Istio, Linkerd).
const meshSecurity =
  /\bpeer ?authentication\b|\bmtls\b|\bmutual tls\b|\bcacerts\b|\bmesh (?:root )?ca\b|\bistio[\w ]{0,20}\b(?:root )?ca\b|\broot ca\b[^.\n]{0,40}\b(?:istio|mesh|linkerd|istiod)\b|\bistio-injection\b|\bsidecar injection\b|\blinkerd[\w ]{0,20}\btrust anchor\b|\bdestinationrule\b[^.\n]{0,60}\btls\b/i

// That it happened (or is being done now), not a question about it.
const happened =
  /\b(?:sync(?:ed)? succeeded|synced|created|applied|rolled out|enabled|is now on|now on|now enforced|turned on|switched (?:to|on)|rotated|rotation|plugged in|is up with|restarted|deployed|merged|updated)\b/i

/** Whether a chat message announces a change to the mesh's mTLS policy, CA or sidecars. */
export const meshChangeAnnounced = (text: string): boolean => meshSecurity.test(text) && happened.test(text)
