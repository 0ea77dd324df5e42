/**
 * A loopback port nothing listens on (bound, then released), for "the endpoint is down" tests:
 * connections are refused at once, so no test waits on a timeout.
 */
import { createServer } from "node:net"

export const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = address !== null && typeof address === "object" ? address.port : 0
      server.close(() => (port === 0 ? reject(new Error("no port bound")) : resolve(port)))
    })
  })
