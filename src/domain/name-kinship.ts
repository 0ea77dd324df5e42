/**
 * An alert's name resolved against the environment's names. An alarm or service name carries
 * what the workload's own name does not: the account or company ("haulwise-"), the environment
 * ("-prod-", "-staging"), the region ("-use1", "-eu-west-1") and what is measured ("-p99-latency",
 * "-5xx"). `haulwise-prod-rate-quote` is about the `rate-quote-engine` Deployment: they share a
 * run of distinctive words ("rate-quote"). One generic word ("api", "service") is no kinship —
 * `payments-api` is not `orders-api`'s kin — and nor is one word of a different product
 * (`rate-card-service` shares only "rate"), nor the company prefix every workload may carry.
 * Pure.
 */

/** Environment, region and account words: they say where, not what. */
const placeWords = new Set(
  "prod production prd live staging stage stg dev develop development test qa uat sandbox preprod nonprod int".split(
    " ",
  ),
)
/** What an alarm measures: they say how it failed, not what failed. */
const measureWords = new Set(
  "p50 p90 p95 p99 p999 latency errors error 5xx 4xx high low alarm alert slo sli availability duration timeout timeouts cpu memory utilization saturation count threshold breach critical warning".split(
    " ",
  ),
)
/** Words too common among workloads to tie one to an alert alone. */
const genericWords = new Set(
  "api app apps web svc service services server worker workers backend frontend core main default http https".split(
    " ",
  ),
)
/** "use1", "euw2", "us-east-1" split as "us","east","1": region codes and their parts. */
const regionWord =
  /^(?:[a-z]{2}[a-z]{1,2}\d|us|eu|ap|sa|ca|me|af|east|west|north|south|central|northeast|southeast)$/

const isPlace = (w: string): boolean => placeWords.has(w) || regionWord.test(w) || /^\d+$/.test(w)

/** The words of a name that say what it is: no place, no measure, no digits. */
export const distinctiveWords = (name: string): ReadonlyArray<string> =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !isPlace(w) && !measureWords.has(w))

/** The longest run of consecutive words both sequences share. */
const longestSharedRun = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): ReadonlyArray<string> => {
  let best: ReadonlyArray<string> = []
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++
      if (k > best.length) best = a.slice(i, i + k)
    }
  return best
}

/**
 * Whether the workload `workload` is what the alert's name `alertName` is about (see the module
 * header): a shared run of two or more words, one of them not generic; or the workload's one
 * distinctive word (5+ letters) when it is all the alert says past its leading word (the
 * company or account prefix).
 */
export const isNameKin = (alertName: string, workload: string): boolean => {
  const a = distinctiveWords(alertName)
  const w = distinctiveWords(workload)
  if (a.length === 0 || w.length === 0 || a.join("-") === w.join("-")) return a.length > 0 && w.length > 0
  const run = longestSharedRun(a, w)
  if (run.length >= 2 && run.some((x) => !genericWords.has(x))) return true
  const own = w.filter((x) => !genericWords.has(x))
  const only = own.length === 1 ? (own[0] ?? "") : ""
  // The alert's own words past a leading prefix must be that one word: `ledger-api` is no kin of
  // `tidepool-prod-ledger-sync`, whose "ledger-sync" says more than "ledger".
  const said = a.filter((x) => !genericWords.has(x))
  const rest = said.length > 1 ? said.slice(1) : said
  return only.length >= 5 && rest.length === 1 && rest[0] === only
}

/** The one name among `names` that is the alert name's kin; null when none is or several are. */
export const kinOf = (alertName: string, names: ReadonlyArray<string>): string | null => {
  const kin = [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => isNameKin(alertName, n))
  return kin.length === 1 ? (kin[0] ?? null) : null
}
