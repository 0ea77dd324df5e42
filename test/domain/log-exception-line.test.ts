import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { exceptionLineOf, tracebackLead } from "../../src/domain/log-exception-line.js"
import { readableLogMessage } from "../../src/domain/log-structured.js"
import { foldTracebackEvents } from "../../src/domain/log-traceback-fold.js"

const py =
  'Traceback (most recent call last):\n  File "/app/h.py", line 58, in f\n    x = body["kwh"]\nKeyError: \'kwh\''

describe("exceptionLineOf", () => {
  it("names a Python traceback by its last line", () => {
    expect(exceptionLineOf(py)).toBe("KeyError: 'kwh'")
    expect(
      exceptionLineOf(
        'Traceback (most recent call last):\n  File "a.py", line 1\npsycopg2.errors.UndefinedColumn: column "x" does not exist',
      ),
    ).toBe('psycopg2.errors.UndefinedColumn: column "x" does not exist')
  })
  it("names a Java trace by its deepest Caused by", () => {
    const java =
      "org.springframework.beans.factory.BeanCreationException: Error creating bean\n\tat a.b(C.java:1)\nCaused by: java.lang.IllegalStateException: x\nCaused by: java.net.ConnectException: Connection refused"
    expect(exceptionLineOf(java)).toBe("java.net.ConnectException: Connection refused")
  })
  it("names a Node trace by its first line", () => {
    expect(
      exceptionLineOf(
        "TypeError: Cannot read properties of undefined (reading 'id')\n    at handler (/var/task/index.js:12:9)",
      ),
    ).toBe("TypeError: Cannot read properties of undefined (reading 'id')")
  })
  it("finds none in plain multi-line text (decoy)", () => {
    expect(exceptionLineOf("retrying request\nattempt 2 of 3")).toBeNull()
    expect(exceptionLineOf("single line KeyError: 'x'")).toBeNull()
  })
})

describe("readableLogMessage with traces", () => {
  it("quotes a JSON record's exception, not its traceback header", () => {
    const line = JSON.stringify({ level: "ERROR", message: "failed to process record", exception: py })
    expect(readableLogMessage(line)).toBe("ERROR failed to process record (error: KeyError: 'kwh')")
  })
  it("keeps a plain event's first line and adds its exception", () => {
    expect(tracebackLead(`[ERROR] 2026-07-09T01:41:33Z req failed to process\n${py}`)).toBe(
      "[ERROR] 2026-07-09T01:41:33Z req failed to process (error: KeyError: 'kwh')",
    )
    expect(readableLogMessage("just one line")).toBe("just one line")
  })
})

describe("foldTracebackEvents", () => {
  const at = (s: number, message: string, stream = "s1"): LogLine => ({
    timestampMs: s * 1000,
    message,
    stream,
    group: "/ecs/x",
  })
  it("reads a header event by the exception its stream logged next", () => {
    const out = foldTracebackEvents([
      at(1, "ERROR failed to process record (error: Traceback (most recent call last):)"),
      at(2, "ValueError: invalid literal for int() with base 10: 'n/a'"),
    ])
    expect(out[0]?.message).toBe(
      "ERROR failed to process record (error: ValueError: invalid literal for int() with base 10: 'n/a')",
    )
  })
  it("leaves a header alone when the exception is in another stream or much later (decoy)", () => {
    const lines = [
      at(1, "ERROR boom Traceback (most recent call last):"),
      at(2, "KeyError: 'a'", "s2"),
      at(60, "KeyError: 'b'"),
    ]
    expect(foldTracebackEvents(lines)[0]?.message).toBe("ERROR boom Traceback (most recent call last):")
  })
  it("drops a bare header event, with or without its exception, and keeps the exception's own event", () => {
    const exception = at(2, "ValueError: invalid literal for int() with base 10: '14.2'")
    expect(foldTracebackEvents([at(1, "Traceback (most recent call last):"), exception])).toEqual([exception])
    expect(foldTracebackEvents([at(1, "Traceback (most recent call last):")])).toEqual([])
  })
})
