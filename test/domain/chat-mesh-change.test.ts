/**
 * A mesh's mTLS policy, CA or sidecar injection changed, as announced in chat (chat-mesh-change.ts);
 * questions and unrelated TLS talk are not.
 */
import { describe, expect, it } from "@effect/vitest"
import { meshChangeAnnounced } from "../../src/domain/chat-mesh-change.js"

describe("meshChangeAnnounced", () => {
  it.each([
    "Application **mesh-policies** sync succeeded (rev `a41c9e2`). Created: security.istio.io/PeerAuthentication payments/default (mtls: STRICT)",
    "fyi STRICT mTLS is now on for ledger + search",
    "istiod is up with the new cacerts, roots rotated",
    "Rotated the mesh root CA on prod-eu this evening",
    "enabled istio-injection on the reporting namespace and restarted everything",
    "Linkerd trust anchor rotated on eks-core",
    "applied DestinationRule for ranker with tls mode ISTIO_MUTUAL",
  ])("%s → a mesh change", (text) => {
    expect(meshChangeAnnounced(text)).toBe(true)
  })

  it.each([
    "does anyone know whether we use mTLS between ledger and search?",
    "rotated the RDS CA on orders-db",
    "deployed ledger-api v2.3.1",
    "cert-manager renewed the api.example.com certificate",
  ])("%s → not a mesh change", (text) => {
    expect(meshChangeAnnounced(text)).toBe(false)
  })
})
