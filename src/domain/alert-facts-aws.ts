/**
 * AWS scope for the logs agent: region, account and log groups. AWS Chatbot and SNS write
 * regions by their console names ("US East (N. Virginia)"), so those are mapped to codes.
 * Log groups are only ever taken as written (`/aws/lambda/x`, `log_group=`): the logs agent
 * discovers what exists, and a derived name would be a guess.
 */
import { firstToken, type LabelPair, labelKeys, lookup } from "./alert-facts-labels.js"

export interface AwsFacts {
  readonly region: string | null
  readonly account: string | null
  readonly logGroups: ReadonlyArray<string>
}

const regionShape =
  "(?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d"
// A region code, or an availability zone (`us-east-1a`) naming its region.
const regionCode = new RegExp(`(?<![\\w-])(${regionShape})(?=[a-z]?(?![\\w-]))`)
const regionCodeExact = new RegExp(`^${regionShape}$`)

const regionNames: ReadonlyArray<readonly [string, string]> = [
  ["US East (N. Virginia)", "us-east-1"],
  ["US East (Ohio)", "us-east-2"],
  ["US West (N. California)", "us-west-1"],
  ["US West (Oregon)", "us-west-2"],
  ["Africa (Cape Town)", "af-south-1"],
  ["Asia Pacific (Hong Kong)", "ap-east-1"],
  ["Asia Pacific (Mumbai)", "ap-south-1"],
  ["Asia Pacific (Hyderabad)", "ap-south-2"],
  ["Asia Pacific (Tokyo)", "ap-northeast-1"],
  ["Asia Pacific (Seoul)", "ap-northeast-2"],
  ["Asia Pacific (Osaka)", "ap-northeast-3"],
  ["Asia Pacific (Singapore)", "ap-southeast-1"],
  ["Asia Pacific (Sydney)", "ap-southeast-2"],
  ["Asia Pacific (Jakarta)", "ap-southeast-3"],
  ["Asia Pacific (Melbourne)", "ap-southeast-4"],
  ["Canada (Central)", "ca-central-1"],
  ["Europe (Frankfurt)", "eu-central-1"],
  ["Europe (Zurich)", "eu-central-2"],
  ["Europe (Ireland)", "eu-west-1"],
  ["Europe (London)", "eu-west-2"],
  ["Europe (Paris)", "eu-west-3"],
  ["Europe (Stockholm)", "eu-north-1"],
  ["Europe (Milan)", "eu-south-1"],
  ["Europe (Spain)", "eu-south-2"],
  ["EU (Frankfurt)", "eu-central-1"],
  ["EU (Ireland)", "eu-west-1"],
  ["EU (London)", "eu-west-2"],
  ["EU (Paris)", "eu-west-3"],
  ["EU (Stockholm)", "eu-north-1"],
  ["EU (Milan)", "eu-south-1"],
  ["Middle East (Bahrain)", "me-south-1"],
  ["Middle East (UAE)", "me-central-1"],
  ["Israel (Tel Aviv)", "il-central-1"],
  ["South America (São Paulo)", "sa-east-1"],
  ["South America (Sao Paulo)", "sa-east-1"],
]

const regexSource = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ \\t]{1,5}")
const regionName = new RegExp(`\\b(${regionNames.map(([name]) => regexSource(name)).join("|")})`, "i")
const regionByName = new Map(regionNames.map(([name, code]) => [name.toLowerCase(), code]))

const accountWord = /\baccount(?:[ \t]*id)?[ \t]*[:#=]?[ \t]*(\d{12})(?!\d)/i
const accountInArn = /\barn:aws[\w-]{0,20}:[\w-]{1,40}:[\w-]{0,30}:(\d{12}):/
const accountInEcr = /(?<![\w-])(\d{12})\.dkr\.ecr\./
const twelveDigits = /^\d{12}$/
const logGroupKeys: ReadonlySet<string> = new Set(labelKeys.logGroup)

// A log group name: `/aws/…` standing alone (not the path of a URL) or inside an ARN.
const logGroupPath = /(?<![\w./-])(\/aws\/[\w./#-]{1,510})/g
const logGroupName = /^[\w./#-]{1,512}$/
// Any other root (`/ecs/…`, `/app/…`) only where the text says it is a log group: a metric filter's
// "on /ecs/prod/quotes", "log group /ecs/prod/quotes". A bare path elsewhere may be a URL's or a file's.
const namedLogGroup =
  /\b(?:metric[ \t]+filter[ \t]+[\w.:-]{1,200}[ \t]+(?:on|in|of)|log[ \t-]*group(?:[ \t]+name)?[ \t]*[:=]?)[ \t]+(\/[\w.-]{1,100}\/[\w./#-]{1,400})/gi

// The console names a log group in its URL fragment, encoded once more for the fragment
// (`#logsV2:log-groups/log-group/$252Feks$252Fprod$252Fapi`, `$25` standing for `%`), or in the
// old viewer's `#logEventViewer:group=/aws/…;stream=…`.
const consoleLogGroup =
  /#logsV2:log-groups\/log-group\/([^/?#\s|>]{1,1500})|#log(?:EventViewer|Stream|Events):group=([^;&\s|>]{1,1500})/g

/** A fragment's encoded name decoded (at most twice: `$252F` → `%2F` → `/`); null when not a name. */
const decodeFragmentName = (encoded: string): string | null => {
  let v = encoded.replace(/\$/g, "%")
  for (let i = 0; i < 2 && v.includes("%"); i++) {
    try {
      v = decodeURIComponent(v)
    } catch {
      return null
    }
  }
  return logGroupName.test(v) ? v : null
}

const regionOf = (text: string): string | null => {
  const code = regionCode.exec(text)?.[1]
  if (code !== undefined) return code
  const name = regionName.exec(text)?.[1]
  return name === undefined ? null : (regionByName.get(name.toLowerCase().replace(/\s+/g, " ")) ?? null)
}

const dedupe = (xs: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(xs)]

/** `text` is the document text; `withLinks` also holds the URLs (console links carry regions). */
export const awsFacts = (text: string, withLinks: string, pairs: ReadonlyArray<LabelPair>): AwsFacts => {
  const region =
    lookup(pairs, labelKeys.region, (v) => {
      const t = firstToken(v).toLowerCase()
      return regionCodeExact.test(t) ? t : regionOf(v)
    }) ?? regionOf(withLinks)
  const account =
    lookup(pairs, labelKeys.account, (v) => (twelveDigits.test(firstToken(v)) ? firstToken(v) : null)) ??
    accountWord.exec(text)?.[1] ??
    accountInArn.exec(withLinks)?.[1] ??
    accountInEcr.exec(withLinks)?.[1] ??
    null
  const labelled = pairs.flatMap((p) => {
    if (!logGroupKeys.has(p.key)) return []
    const v = firstToken(p.value).replace(/:\*?$/, "")
    return logGroupName.test(v) ? [v] : []
  })
  const written = [...text.matchAll(logGroupPath)].flatMap((m) => {
    const v = (m[1] ?? "").replace(/[.#-]+$/, "")
    return v.length > "/aws/".length ? [v] : []
  })
  const named = [...text.matchAll(namedLogGroup)].flatMap((m) => {
    const v = (m[1] ?? "").replace(/[.#/-]+$/, "")
    return logGroupName.test(v) ? [v] : []
  })
  const linked = [...withLinks.matchAll(consoleLogGroup)].flatMap((m) => {
    const v = decodeFragmentName(m[1] ?? m[2] ?? "")
    return v === null ? [] : [v]
  })
  return { region, account, logGroups: dedupe([...labelled, ...linked, ...written, ...named]) }
}
