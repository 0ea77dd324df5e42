/** Everything intake can fail with; the HTTP edge maps each tag to a status in one table. */
import type { MalformedWebhook, WebhookRejected } from "../ports/chat-platform.js"
import type { DedupStoreError } from "../ports/dedup-store.js"
import type { DispatchQueueError } from "../ports/dispatch-queue.js"
import type { SecretUnavailable } from "../ports/secrets.js"
import type { UpstreamUnavailable } from "../ports/upstream-unavailable.js"

export type IntakeError =
  | WebhookRejected
  | MalformedWebhook
  | SecretUnavailable
  | UpstreamUnavailable
  | DedupStoreError
  | DispatchQueueError
