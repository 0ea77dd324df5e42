/**
 * A client's TLS errors point at the server. "x509: certificate has expired … while connecting to
 * identity-service.auth.svc" is logged by the caller, but the certificate that expired is the
 * server's: the cause names that server and the caller only as the one that saw it. A client's own
 * certificate refused by its peer ("received fatal alert: certificate_expired", "tls: expired
 * certificate" from the server side) is the client's, and stays with it.
 */

import type { Chain } from "./causes-chain.js"
import type { Finding } from "./finding.js"
import { textOf } from "./report-scope.js"

// The client's verification of the server's certificate failing.
const verifyFailed =
  /x509: certificate has expired|failed to verify certificate|certificate verify failed|pkix path validation failed|certificateexpiredexception|cert_has_expired|certificate has expired or is not yet valid|err_cert_date_invalid/i

// The peer refusing the subject's own (client) certificate: not a server certificate.
const ownRefused =
  /received fatal alert: certificate_expired|alert[ _]certificate[ _]expired|tls: expired certificate/i

// Where the client was connecting: a URL, an address key, or the words of a dial.
const serverAt: ReadonlyArray<RegExp> = [
  /\b(?:while )?(?:connecting|connect|connection|dial(?:ing)?(?: tcp)?|calling|call) to\s+["'`]?(?:https?:\/\/)?([a-z][a-z0-9-]{1,62})(?:\.[a-z0-9-]{1,62}){0,8}/gi,
  /\b(?:addr|address|server|host|target|upstream|endpoint|authority)["']?\s*[=:]\s*["']?(?:https?:\/\/)?([a-z][a-z0-9-]{1,62})(?:\.[a-z0-9-]{1,62}){0,8}/gi,
  /https?:\/\/([a-z][a-z0-9-]{1,62})(?:\.[a-z0-9-]{1,62}){0,8}/gi,
]

// A gRPC method's package ("identity.RefreshSession: rpc error"): the service, when no host is named.
const rpcService = /\b([a-z][a-z0-9_-]{2,40})\.[A-Z]\w+: rpc error/

const notServers = new Set(["localhost", "api", "www", "the", "server", "host", "remote", "peer", "upstream"])

const serversIn = (text: string): ReadonlyArray<string> =>
  serverAt.flatMap((p) =>
    [...text.matchAll(p)].flatMap((m) => {
      const n = m[1]?.toLowerCase()
      return n === undefined || notServers.has(n) ? [] : [n]
    }),
  )

const refusesServerCert = (f: Finding): boolean => {
  const text = textOf(f)
  return verifyFailed.test(text) && !ownRefused.test(text)
}

/**
 * The server whose certificate the chain's subject (a client) refuses, or null when the chain is
 * not a certificate failure, names no server, or names only itself.
 */
export const certificateServer = (chain: Chain): string | null => {
  if (!chain.modes.includes("certificate")) return null
  const refusing = chain.roots.filter(refusesServerCert)
  if (refusing.length === 0) return null
  const own = chain.subject.key
  const named = refusing.flatMap((f) => serversIn(textOf(f))).filter((n) => n !== own)
  // The method's case tells the package from the method: read the finding's own text, not textOf's lower case.
  const rpc = refusing.flatMap(
    (f) => rpcService.exec(`${f.title}\n${f.excerpt ?? ""}`)?.[1]?.toLowerCase() ?? [],
  )
  return [...named, ...rpc.filter((n) => n !== own && !notServers.has(n))][0] ?? null
}
