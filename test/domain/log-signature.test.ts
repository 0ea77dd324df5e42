/**
 * Log signatures (fast-check, fixed seeds): lines that differ only in numbers, ids, UUIDs, hex,
 * IPs and ports, timestamps, quoted values or pod hashes share a signature; lines whose words
 * differ never do; and the function is total on any input.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { firstLine, logSignature } from "../../src/domain/log-signature.js"

const k8sAlphabet = "bcdfghjklmnpqrstvwxz2456789"
const from = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((cs) => cs.join(""))

const variable = fc.record({
  n: fc.integer({ min: 0, max: 10_000_000 }),
  f: fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(3)),
  uuid: fc.uuid(),
  // Real trace ids and shas hold both digits and letters.
  hex: from("0123456789abcdef", 8, 40).filter((h) => /\d/.test(h) && /[a-f]/.test(h)),
  ip: fc.ipV4(),
  port: fc.integer({ min: 1, max: 65_535 }),
  ts: fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .chain((d) =>
      fc.constantFrom(
        d.toISOString(),
        d.toISOString().replace("T", " ").replace("Z", ""),
        d.toISOString().slice(0, 19),
      ),
    ),
  // The workload is part of the message; its pods' hashes are not.
  pod: fc.tuple(from(k8sAlphabet, 6, 10), from(k8sAlphabet, 5, 5)).map(([h, s]) => `payments-api-${h}-${s}`),
  word: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
})
type Vars = typeof variable extends fc.Arbitrary<infer A> ? A : never

const templates: ReadonlyArray<(v: Vars) => string> = [
  (v) => `ERROR request ${v.uuid} failed after ${v.n}ms`,
  (v) => `connect ECONNREFUSED ${v.ip}:${v.port}`,
  (v) => `${v.ts} WARN slow query took ${v.f}s on shard ${v.n}`,
  (v) => `Back-off restarting failed container api in pod ${v.pod}_payments`,
  (v) => `commit ${v.hex} could not be applied (exit code ${v.n})`,
  (v) => `user "${v.word}" not found in tenant '${v.word}'`,
  (v) => `${v.ts} FATAL heap used ${v.n}MiB of ${v.n}MiB`,
  (v) => `{"level":"error","msg":"timeout","request_id":"${v.uuid}","latency_ms":${v.n}}`,
  (v) => `${v.ip} - - [${v.ts}] "GET /api/v1/orders/${v.n} HTTP/1.1" 503 ${v.n}`,
]

const words = fc
  .array(fc.stringMatching(/^[a-z]{3,10}$/), { minLength: 1, maxLength: 8 })
  .map((ws) => ws.join(" "))

describe("logSignature", () => {
  it("gives lines that differ only in their variable parts the same signature", () => {
    const prop = fc.property(
      fc.integer({ min: 0, max: templates.length - 1 }),
      variable,
      variable,
      (i, a, b) => {
        const template = templates[i] ?? templates[0]
        if (template === undefined) return false
        expect(logSignature(template(a))).toBe(logSignature(template(b)))
        return true
      },
    )
    fc.assert(prop, { seed: 4242, numRuns: 400 })
  })

  it("never merges lines whose words differ", () => {
    const prop = fc.property(words, words, (a, b) => {
      fc.pre(a !== b)
      expect(logSignature(`ERROR ${a}`)).not.toBe(logSignature(`ERROR ${b}`))
    })
    fc.assert(prop, { seed: 17, numRuns: 400 })
  })

  it("keeps different templates apart even with the same values", () => {
    const prop = fc.property(variable, (v) => {
      const signatures = new Set(templates.map((t) => logSignature(t(v))))
      expect(signatures.size).toBe(templates.length)
    })
    fc.assert(prop, { seed: 99, numRuns: 200 })
  })

  it("is total and bounded on any input", () => {
    const prop = fc.property(fc.string({ maxLength: 5000, unit: "binary" }), (s) => {
      const sig = logSignature(s)
      expect(sig.length).toBeLessThanOrEqual(240)
      expect(logSignature(s)).toBe(sig)
    })
    fc.assert(prop, { seed: 3, numRuns: 300 })
  })

  it("names what it replaced, keeping the words and the HTTP status class", () => {
    expect(
      logSignature("ERROR upstream payments-api unavailable: connect ECONNREFUSED 10.100.12.7:8080"),
    ).toBe("ERROR upstream payments-api unavailable: connect ECONNREFUSED <ip>")
    expect(logSignature("pod payments-api-6c9f7d8b4-q7x2m OOMKilled at 2026-11-27T13:08:08Z")).toBe(
      "pod payments-api-<pod> OOMKilled at <ts>",
    )
    expect(logSignature('10.0.0.1 - - "GET /x HTTP/1.1" 503 12')).toBe('<ip> - - "<str>" <5xx> <n>')
    expect(logSignature('10.0.0.1 - - "GET /x HTTP/1.1" 404 12')).not.toBe(
      logSignature('10.0.0.1 - - "GET /x HTTP/1.1" 503 12'),
    )
    expect(logSignature('{"verb":"patch","user":"ci"}')).toBe('{"verb":"<str>","user":"<str>"}')
    expect(logSignature("it's the user's thing")).toBe("it's the user's thing")
  })

  it("firstLine keeps a multi-line event's exception when the message line is long", () => {
    const head =
      "ERROR [listener-2] c.a.OrderListener - Failed to process message id=6b1e2c0a-93f4-4d7e-8a51-2f0c9d1e7a44 tenant=acme"
    const java = `${head} (error: com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type \`int\`)`
    const python = `${head} (error: pydantic_core._pydantic_core.ValidationError: 1 validation error for Order)`
    const node = `${head} (error: TypeError: Cannot read properties of undefined (reading 'sku'))`
    expect(firstLine(java, 110)).toContain("(error: MismatchedInputException: Cannot deserialize")
    expect(firstLine(python, 110)).toContain("ValidationError: 1 validation error")
    expect(firstLine(node, 110)).toContain("(error: TypeError: Cannot read properties")
    for (const t of [java, python, node]) {
      expect(firstLine(t, 110).length).toBeLessThanOrEqual(110)
      expect(firstLine(t, 110)).toMatch(/^ERROR \[listener-2\]/)
    }
  })

  it("firstLine leaves a short line with an error, and a long line without one, as before", () => {
    expect(firstLine("ERROR failed (error: KeyError: 'x')", 110)).toBe("ERROR failed (error: KeyError: 'x')")
    const long = `ERROR ${"word ".repeat(40)}`
    expect(firstLine(long, 50)).toMatch(/^ERROR word word .*…$/)
    expect(firstLine(long, 50)).toHaveLength(50)
  })

  it("firstLine takes the first non-empty line, clipped", () => {
    expect(firstLine("\n  FATAL ERROR: heap\n  at foo", 80)).toBe("FATAL ERROR: heap")
    expect(firstLine("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`)
  })
})
