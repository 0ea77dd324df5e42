/** `cli classify`: JSON lines in, one verdict (or error) line out per non-blank line. */
import { Readable } from "node:stream"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { classifyLine, runClassify } from "../../src/cli/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"

const settings = Schema.decodeSync(ClassifierSettings)({})

describe("classifyLine", () => {
  it("answers a good line with verdict, decision and reasons, in that key order", () => {
    expect(classifyLine('{"text":"<@U1> db is slow"}', 1, settings)).toBe(
      '{"verdict":"alert","decision":"investigate","reasons":["problem report: \'db is slow\'"]}',
    )
    expect(classifyLine('{"text":"thanks!"}', 2, settings)).toBe(
      '{"verdict":"chatter","decision":"gate","reasons":["chatter: thanks"]}',
    )
  })

  it("ignores other keys and honours a valid trigger", () => {
    const plain = classifyLine('{"text":"thanks!"}', 1, settings)
    expect(classifyLine('{"label":"chatter","source":"human","text":"thanks!","n":[1,2]}', 1, settings)).toBe(
      plain,
    )
    expect(classifyLine('{"text":"thanks!","trigger":"reaction"}', 1, settings)).toBe(
      '{"verdict":"chatter","decision":"investigate","reasons":["explicit trigger: reaction","chatter: thanks"]}',
    )
  })

  it("names the line of a bad input", () => {
    expect(classifyLine("{not json", 3, settings)).toBe('{"error":"not valid JSON","line":3}')
    for (const notObject of ["[1,2]", "42", "null", '"text"'])
      expect(classifyLine(notObject, 4, settings)).toBe(
        '{"error":"expected a JSON object like {\\"text\\": \\"…\\"}","line":4}',
      )
    expect(classifyLine('{"txt":"hi"}', 5, settings)).toBe('{"error":"\\"text\\" must be a string","line":5}')
    expect(classifyLine('{"text":42}', 6, settings)).toBe('{"error":"\\"text\\" must be a string","line":6}')
    expect(classifyLine('{"text":"hi","trigger":"poke"}', 7, settings)).toBe(
      '{"error":"\\"trigger\\" must be one of: mention, reaction, thread_mention, command, message_command, synthetic","line":7}',
    )
    expect(classifyLine('{"text":"hi","trigger":null}', 8, settings)).toMatch(/"trigger\\" must be one of/)
  })

  it("skips blank lines", () => {
    expect(classifyLine("", 1, settings)).toBeNull()
    expect(classifyLine("  \t ", 2, settings)).toBeNull()
  })
})

describe("runClassify", () => {
  it("reads every line of the stream and numbers lines as they appear", async () => {
    const input = Readable.from(['{"text":"db is slow"}\n\nnope\r\n', '{"text":"ok"}\n'])
    const out: Array<string> = []
    await runClassify(settings, input, (line) => out.push(line))
    expect(out).toEqual([
      '{"verdict":"alert","decision":"investigate","reasons":["problem report: \'db is slow\'"]}',
      '{"error":"not valid JSON","line":3}',
      '{"verdict":"chatter","decision":"gate","reasons":["chatter: acknowledgement"]}',
    ])
  })
})
