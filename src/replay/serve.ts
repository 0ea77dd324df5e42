/**
 * Serves a Hono app on loopback (127.0.0.1, ephemeral port) for the lifetime of a Scope. Every
 * replay server uses it, so tests and the demo talk real HTTP to real adapters and never reach
 * the network.
 */
import type { AddressInfo } from "node:net"
import { serve } from "@hono/node-server"
import { Effect, type Scope } from "effect"
import type { Hono } from "hono"

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly url: string
  readonly port: number
}

export const serveLoopback = (
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its env and schema
  app: Hono<any, any, any>,
  port = 0,
): Effect.Effect<LoopbackServer, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.async<{ server: ReturnType<typeof serve>; info: AddressInfo }>((resume) => {
      const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) =>
        resume(Effect.succeed({ server, info })),
      )
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        // Close idle keep-alive sockets too, or close() waits for them.
        if ("closeAllConnections" in server && typeof server.closeAllConnections === "function") {
          server.closeAllConnections()
        }
        server.close(() => resume(Effect.void))
      }),
  ).pipe(Effect.map(({ info }) => ({ url: `http://127.0.0.1:${info.port}`, port: info.port })))
