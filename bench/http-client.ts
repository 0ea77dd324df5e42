/**
 * The load generator for bench/intake's HTTP transport, run as a child process (forked with
 * IPC) so its CPU is not the server's: the server's CPU per request is then exactly what the
 * bench process spends. Each "run" message: make `n` fresh signed deliveries (before the
 * clock starts), send them to `url` over keep-alive `node:http` with `concurrency` in flight
 * (closed loop), and answer with every latency, the wall time and what went wrong.
 */
import { Agent, request } from "node:http"
import { makeDeliveries } from "./slack-deliveries.js"

export interface ClientRun {
  readonly type: "run"
  readonly url: string
  readonly n: number
  readonly concurrency: number
  /** check every body is `{ok: true, …}` (and carries an investigationId when asked) */
  readonly checkBodies: boolean
  readonly wantInvestigationId: boolean
  /** the message text every delivery carries */
  readonly text: string
}

export interface ClientResult {
  readonly type: "result"
  readonly latenciesMs: ReadonlyArray<number>
  readonly wallMs: number
  readonly failures: number
  readonly problems: ReadonlyArray<string>
}

// Deliveries from this process carry their own channel (see makeDeliveries).
export const httpClientChannel = "C0BENCHHTTP"

const agents = new Map<number, Agent>()
const agentFor = (concurrency: number) => {
  let agent = agents.get(concurrency)
  if (agent === undefined) {
    agent = new Agent({ keepAlive: true, maxSockets: concurrency })
    agents.set(concurrency, agent)
  }
  return agent
}

const post = (url: URL, agent: Agent, headers: Readonly<Record<string, string>>, body: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        )
        res.on("error", reject)
      },
    )
    req.on("error", reject)
    req.end(body)
  })

const bodyProblem = (text: string, wantInvestigationId: boolean): string | null => {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body !== "object" || body === null) return `not a JSON object: ${text}`
    const ok = "ok" in body && body.ok === true
    const id = "investigationId" in body && typeof body.investigationId === "string"
    return ok && (id || !wantInvestigationId) ? null : `unexpected answer: ${text}`
  } catch {
    return `not JSON: ${text}`
  }
}

const run = async (m: ClientRun): Promise<ClientResult> => {
  const url = new URL(m.url)
  const agent = agentFor(m.concurrency)
  const deliveries = makeDeliveries(m.n, httpClientChannel, m.text)
  const latenciesMs: Array<number> = []
  const problems: Array<string> = []
  let failures = 0
  let next = 0
  const worker = async () => {
    for (;;) {
      const d = deliveries[next++]
      if (d === undefined) return
      const t0 = performance.now()
      try {
        const res = await post(url, agent, d.headers, d.body)
        latenciesMs.push(performance.now() - t0)
        const problem =
          res.status !== 200
            ? `HTTP ${res.status}: ${res.text}`
            : m.checkBodies
              ? bodyProblem(res.text, m.wantInvestigationId)
              : null
        if (problem !== null) {
          failures++
          if (problems.length < 3) problems.push(problem)
        }
      } catch (e) {
        failures++
        if (problems.length < 3) problems.push(e instanceof Error ? e.message : String(e))
      }
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: Math.min(m.concurrency, m.n) }, worker))
  return { type: "result", latenciesMs, wallMs: performance.now() - started, failures, problems }
}

const isRun = (m: unknown): m is ClientRun =>
  typeof m === "object" && m !== null && "type" in m && m.type === "run"

// Only as a forked child (this module is also imported for its types and channel).
if (process.send !== undefined && process.argv.includes("--bench-http-client")) {
  process.on("message", (m: unknown) => {
    if (!isRun(m)) return
    void run(m).then((r) => process.send?.(r))
  })
  process.on("disconnect", () => process.exit(0))
}
