/**
 * The Logs Insights subset (parse + run), CloudWatch filter patterns and the console deep link:
 * the pure pieces the replay and the agent share.
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import { consoleEscape, consoleHost, insightsConsoleUrl } from "../../src/domain/log-console-link.js"
import { matchesFilterPattern, parseFilterPattern } from "../../src/domain/log-filter-pattern.js"
import { parseInsightsQuery } from "../../src/domain/log-insights-parse.js"
import {
  formatInsightsTimestamp,
  type InsightsRow,
  parseInsightsTimestamp,
  runInsights,
} from "../../src/domain/log-insights-run.js"

const t0 = Date.UTC(2026, 10, 27, 13, 0, 0)
const event = (minute: number, message: string, stream = "s1"): InsightsRow => ({
  "@timestamp": formatInsightsTimestamp(t0 + minute * 60_000),
  "@message": message,
  "@logStream": stream,
  "@log": "123456789012:/app",
  "@ptr": `p${minute}`,
})
const events = [
  event(0, "INFO started"),
  event(1, "ERROR db timeout", "s2"),
  event(2, "WARN slow"),
  event(3, "error: Connection refused", "s2"),
  event(7, "ERROR db timeout"),
]
const run = (query: string) =>
  Either.map(parseInsightsQuery(query), (commands) => runInsights(commands, events))
const rowsOf = (query: string) => Either.getOrThrow(run(query)).rows

describe("Logs Insights subset", () => {
  it("filters with a case-insensitive regex, projects fields, sorts and limits", () => {
    const rows = rowsOf(
      "fields @timestamp, @message | filter @message like /(?i)(error|refused)/ | sort @timestamp desc | limit 2",
    )
    expect(rows).toEqual([
      { "@timestamp": "2026-11-27 13:07:00.000", "@message": "ERROR db timeout", "@ptr": "p7" },
      { "@timestamp": "2026-11-27 13:03:00.000", "@message": "error: Connection refused", "@ptr": "p3" },
    ])
    expect(Either.getOrThrow(run("filter @message like /ERROR/")).matched).toBe(2)
  })

  it('supports like "text", not like, =, !=, ispresent, and/or/not and parentheses', () => {
    const messages = (q: string) => rowsOf(`fields @message | ${q}`).map((r) => r["@message"])
    expect(messages('filter @message like "db timeout"')).toEqual(["ERROR db timeout", "ERROR db timeout"])
    expect(messages("filter @message not like /ERROR|error/")).toEqual(["INFO started", "WARN slow"])
    expect(messages('filter @logStream = "s2" and not @message like /refused/')).toEqual(["ERROR db timeout"])
    expect(
      messages('filter (@logStream != "s2" or @message like /refused/) and ispresent(@ptr)'),
    ).toHaveLength(4)
  })

  it("counts by a field and by time bins", () => {
    expect(
      rowsOf("filter @message like /(?i)error/ | stats count(*) by @logStream | sort count(*) desc"),
    ).toEqual([
      { "@logStream": "s2", "count(*)": "2" },
      { "@logStream": "s1", "count(*)": "1" },
    ])
    expect(rowsOf("stats count() as n by bin(5m)")).toEqual([
      { "bin(5m)": "2026-11-27 13:00:00.000", n: "4" },
      { "bin(5m)": "2026-11-27 13:05:00.000", n: "1" },
    ])
  })

  it("refuses what it does not support, with the reason", () => {
    expect(run("parse @message 'x=*' as x")).toEqual(Either.left("unsupported command 'parse'"))
    expect(Either.isLeft(run("filter @message like /unterminated"))).toBe(true)
    expect(Either.isLeft(run("stats avg(x)"))).toBe(true)
    expect(Either.isLeft(run("fields @message |"))).toBe(true)
    expect(Either.isLeft(run("limit 0"))).toBe(true)
  })

  it("writes and reads Insights timestamps", () => {
    expect(formatInsightsTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe("2026-01-02 03:04:05.006")
    expect(parseInsightsTimestamp("2026-01-02 03:04:05.006")).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6))
    expect(parseInsightsTimestamp("yesterday")).toBeNull()
  })
})

describe("filter patterns", () => {
  const matches = (pattern: string, message: string) =>
    matchesFilterPattern(Either.getOrThrow(parseFilterPattern(pattern)), message)

  it("requires every term, matches quoted phrases, any of ?alternatives, none of -exclusions", () => {
    expect(matches("ERROR timeout", "ERROR db timeout")).toBe(true)
    expect(matches("ERROR timeout", "ERROR refused")).toBe(false)
    expect(matches('"db timeout"', "ERROR db timeout")).toBe(true)
    expect(matches('"db timeout"', "timeout in db")).toBe(false)
    expect(matches("?ERROR ?WARN", "WARN slow")).toBe(true)
    expect(matches("?ERROR ?WARN", "INFO ok")).toBe(false)
    expect(matches("ERROR -timeout", "ERROR db timeout")).toBe(false)
    expect(matches("error", "ERROR db timeout")).toBe(false)
    expect(matches("", "anything")).toBe(true)
    expect(matches("%ERR[A-Z]+%", "ERROR x")).toBe(true)
  })

  it("refuses JSON and space-delimited patterns and broken quotes", () => {
    expect(Either.isLeft(parseFilterPattern('{ $.level = "error" }'))).toBe(true)
    expect(Either.isLeft(parseFilterPattern("[ip, user]"))).toBe(true)
    expect(Either.isLeft(parseFilterPattern('"unterminated'))).toBe(true)
  })
})

describe("the Logs Insights console link", () => {
  it("escapes values the console's way and carries groups, query and absolute UTC times", () => {
    expect(consoleEscape("/aws/x y:é")).toBe("*2Faws*2Fx*20y*3A*C3*A9")
    const url = insightsConsoleUrl({
      region: "eu-west-1",
      logGroups: ["/aws/lambda/a", "/ecs/b"],
      query: "fields @message | limit 5",
      startMs: Date.UTC(2026, 10, 27, 12, 35),
      endMs: Date.UTC(2026, 10, 27, 13, 10),
    })
    expect(url).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights" +
        "$3FqueryDetail$3D~(end~'2026-11-27T13*3A10*3A00.000Z~start~'2026-11-27T12*3A35*3A00.000Z" +
        "~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields*20*40message*20*7C*20limit*205" +
        "~source~(~'*2Faws*2Flambda*2Fa~'*2Fecs*2Fb))",
    )
  })

  it("uses the partition's console host", () => {
    expect(consoleHost("cn-north-1")).toBe("console.amazonaws.cn")
    expect(consoleHost("us-gov-west-1")).toBe("console.amazonaws-us-gov.com")
    expect(consoleHost("ap-southeast-2")).toBe("ap-southeast-2.console.aws.amazon.com")
  })
})
