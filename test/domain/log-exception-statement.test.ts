/**
 * A traceback shipped one line per event: the bare exception event (`ValueError: …`) is an error
 * line though its class name holds no separate "error" word; a Warning class, a metric named after
 * an exception, prose mentioning one and an info line are not.
 */
import { describe, expect, it } from "@effect/vitest"
import { isExceptionStatement } from "../../src/domain/log-exception-line.js"
import { logLevelOf } from "../../src/domain/log-level.js"

describe("isExceptionStatement and logLevelOf", () => {
  it.each([
    "ValueError: invalid literal for int() with base 10: '14.2'",
    "KeyError: 'reading_kwh'",
    "java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING",
    "TypeError: Cannot read properties of undefined (reading 'id')",
    "  pydantic_core._pydantic_core.ValidationError: 1 validation error for Reading",
    "org.springframework.dao.DataIntegrityViolationException: could not execute statement",
    "ZeroDivisionError: division by zero",
  ])("%s is an error line", (line) => {
    expect(isExceptionStatement(line)).toBe(true)
    expect(logLevelOf(line)).toBe("error")
  })

  it.each([
    ["ValueError count: 0", "info"],
    ["no KeyError seen", "info"],
    ['level=info msg="retrying"', "info"],
    ["DeprecationWarning: pkg_resources is deprecated as an API", "warn"],
    ["LastError: none", "info"],
    ["ConnectionError: 0", "info"],
    ["metrics: ValueError=0 KeyError=0", "info"],
  ])("%s is not an exception statement (decoy)", (line, level) => {
    expect(isExceptionStatement(line)).toBe(false)
    expect(logLevelOf(line)).toBe(level)
  })
})
