/**
 * The prometheus agent's plan, deterministic: fill each configured query template from the
 * alert's facts, ask for the incident window and the same window 1 h and 1 d earlier (range
 * queries, all in parallel, bounded by `answerByMs`), match series across windows by their
 * labels and judge each with the anomaly rule. Only a series that passes the rule becomes a
 * finding; every other outcome (within baseline, no data, no baseline, a refused query, no
 * answer in time) is said in the summary, so silence is never mistaken for health.
 */
import { Clock, Duration, Effect, Either } from "effect"
import type { AgentResult } from "../../domain/agent-result.js"
import type { AgentTask } from "../../domain/agent-task.js"
import { matchesHint } from "../../domain/causes-scope.js"
import type { PrometheusSettings } from "../../domain/config.js"
import type { Finding } from "../../domain/finding.js"
import { type AnomalyRule, judgeAnomaly, withFallbackBaseline } from "../../domain/metric-anomaly.js"
import {
  fillTemplate,
  type MetricQueryKind,
  metricQueryKinds,
  placeholderValues,
} from "../../domain/metric-queries.js"
import { type InstantResult, labelsKey, type MetricSeries } from "../../domain/metric-series.js"
import { redact } from "../../domain/redact.js"
import { mentions } from "../../domain/report-scope.js"
import { namesRoute, routeWordsOf } from "../../domain/route-words.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import { MetricSourceError, type MetricSourceService } from "../../ports/metric-source.js"
import { anomalyFinding, formatValue, kindLabels } from "./anomaly-findings.js"
import { sweepAwsQuotas } from "./aws-quota-sweep.js"
import { sweepBrokerAlarms } from "./broker-alarm-sweep.js"
import { sweepCertificateExpiry } from "./certificate-expiry-sweep.js"
import { sweepConnectionHolders } from "./connection-holder-sweep.js"
import { sweepConsumerCeilings } from "./consumer-ceiling-sweep.js"
import { sweepConsumerStalls } from "./consumer-stall-sweep.js"
import { sweepCpuNeighbours } from "./cpu-neighbour-sweep.js"
import { sweepCredentialRefusals } from "./credential-refusal-sweep.js"
import { sweepCronJobStalls } from "./cronjob-stall-sweep.js"
import { sweepDatastoreLocks } from "./datastore-lock-sweep.js"
import { sweepHpaAtMax } from "./hpa-max-sweep.js"
import { sweepKafkaPartitions } from "./kafka-partition-sweep.js"
import { sweepMemoryLimits } from "./memory-limit-sweep.js"
import { sweepMemoryWithLoad } from "./memory-load-sweep.js"
import { baselineWindows, incidentWindow, type TimeWindow } from "./metric-windows.js"
import { sweepNodeGroupMax } from "./node-group-max-sweep.js"
import { sweepNodePressure } from "./node-pressure-sweep.js"
import { sweepPodIps } from "./pod-ip-sweep.js"
import { sweepProviderErrors } from "./provider-error-sweep.js"
import { sweepQueueBacklogs } from "./queue-backlog-sweep.js"
import { widenRateRanges } from "./rate-ranges.js"
import { sweepReplicaLag } from "./replica-lag-sweep.js"
import { sweepRoleSwitches } from "./role-switch-sweep.js"
import { sweepSaturation } from "./saturation-sweep.js"
import { scanScope, scopeSelectors } from "./scope-scan.js"
import { sweepServerErrors } from "./server-error-sweep.js"
import { sweepStorageDrain } from "./storage-drain-sweep.js"
import { sweepTlsFailures } from "./tls-failure-sweep.js"
import { sweepWaitingPods } from "./waiting-pods-sweep.js"

export type Outcome = Omit<AgentResult, "agent" | "usage" | "durationMs">

/** Consecutive samples averaged for a level: five one-minute steps. */
export const levelSamples = 5

type KindOutcome =
  | {
      readonly _tag: "Judged"
      readonly kind: MetricQueryKind
      readonly findings: ReadonlyArray<Finding>
      readonly note: string
    }
  | { readonly _tag: "Failed"; readonly kind: MetricQueryKind; readonly error: MetricSourceError }
  | { readonly _tag: "Late"; readonly kind: MetricQueryKind }

const judgeKind = (
  source: MetricSourceService,
  kind: MetricQueryKind,
  asked: string,
  subject: string,
  incident: TimeWindow,
  baselines: ReadonlyArray<TimeWindow>,
  settings: PrometheusSettings,
): Effect.Effect<KindOutcome, MetricSourceError> =>
  Effect.gen(function* () {
    const stepS = settings.step_s
    const read = (q: string) =>
      Effect.forEach([incident, ...baselines], (w) => source.queryRange(q, w.startMs, w.endMs, stepS), {
        concurrency: "unbounded",
      })
    const first = yield* read(asked)
    // Nothing in the incident window: perhaps a counter scraped too sparsely for its rate's
    // range (rate-ranges.ts); asked once more with the ranges widened.
    const wider = (first[0] ?? []).length === 0 ? widenRateRanges(asked) : null
    const second = wider === null ? null : yield* read(wider)
    const useWider = wider !== null && second !== null && (second[0] ?? []).length > 0
    const expr = useWider ? wider : asked
    const [now, ...before] = useWider ? second : first
    const incidentSeries: ReadonlyArray<MetricSeries> = now ?? []
    if (incidentSeries.length === 0) {
      return { _tag: "Judged", kind, findings: [], note: `${kind}: no data in the incident window` } as const
    }
    const rule: AnomalyRule = {
      minRatio: settings.min_ratio,
      minZ: settings.min_z,
      floor: settings.floors[kind],
      windowSamples: levelSamples,
    }
    const findings: Array<Finding> = []
    const quiet: Array<string> = []
    for (const series of incidentSeries) {
      const key = labelsKey(series.labels)
      const baselineSamples = baselines.map((w, i) => ({
        label: w.label,
        samples: before[i]?.find((s) => labelsKey(s.labels) === key)?.samples ?? [],
      }))
      const verdict = judgeAnomaly(
        series.samples,
        withFallbackBaseline(series.samples, baselineSamples),
        rule,
      )
      if (verdict.anomalous) {
        findings.push(
          anomalyFinding(verdict, {
            kind,
            subject,
            labels: series.labels,
            expr,
            incident,
            rule,
            link: source.graphUrl(expr, incident.startMs, incident.endMs),
          }),
        )
      } else {
        // The rule states the floor as a bare number; say it in the signal's own unit (1%, 250 ms).
        const because = verdict.because.replace(
          `below the floor of ${rule.floor}`,
          `below the floor of ${formatValue(kind, rule.floor)}`,
        )
        quiet.push(`${formatValue(kind, verdict.level)}, ${because}`)
      }
    }
    const note =
      findings.length > 0 ? `${kind}: anomalous` : `${kind}: no anomaly (${quiet.slice(0, 2).join("; ")})`
    return { _tag: "Judged", kind, findings, note } as const
  })

const describeFailure = (o: Extract<KindOutcome, { _tag: "Failed" }>): string =>
  `${o.kind}: ${o.error.reason === "bad_query" ? "query refused" : "query failed"} (${o.error.message})`

/** Labels a request counter names its route by, in the exporters we know. */
const routeLabels = ["route", "handler", "path", "endpoint", "uri"] as const

/** The `service` label values of `result`, and those whose series serve `hint` as a route. */
const servicesIn = (result: InstantResult, hint: string | null) => {
  const series = result.type === "vector" ? result.series : []
  const known = series.flatMap((s) => s.labels.service ?? [])
  const serving =
    hint === null
      ? []
      : series.flatMap((s) =>
          routeLabels.some((l) => namesRoute(s.labels[l] ?? "", hint)) ? (s.labels.service ?? []) : [],
        )
  return { known, serving }
}

/**
 * The service to query, when the alert's word for it is not a `service` label value Prometheus
 * knows (one instant query asks which values it knows):
 * - a person names a service by what it does ("search is slow" → `catalog-search`, exact first,
 *   then the shortest) or by what it serves ("login is slow" → `authgate`, whose request series
 *   serve `/v1/login`; one more query, only then);
 * - any alert may name the service it is about in its text besides the resource that alarmed
 *   (an RDS CPU alarm: "Primary PostgreSQL for stellar-catalog-api"): the first one it names.
 * When none does, or a lookup fails, the alert's word is used as it is.
 */
const resolvedValues = (task: AgentTask, source: MetricSourceService, answerByMs: number) => {
  const values = placeholderValues(task.facts)
  const hint = values.service?.toLowerCase() ?? null
  if (hint === null) return Effect.succeed(values)
  const use = (best: string | undefined) =>
    best === undefined
      ? values
      : { ...values, service: best, workload: values.workload === hint ? best : values.workload }
  const shortest = (names: ReadonlyArray<string>) =>
    [...new Set(names)].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]
  const text = task.alert.text
  const firstNamed = (names: ReadonlyArray<string>) =>
    names
      .filter((n) => n.length >= 4 && mentions(text, n))
      .sort(
        (a, b) => text.toLowerCase().indexOf(a.toLowerCase()) - text.toLowerCase().indexOf(b.toLowerCase()),
      )[0]
  return Effect.flatMap(Clock.currentTimeMillis, (now) =>
    Effect.gen(function* () {
      const { known } = servicesIn(yield* source.query("count by (service) (http_requests_total)", now), null)
      if (known.includes(hint)) return values
      if (task.facts.source !== "human") return use(firstNamed(known))
      const named = shortest(known.filter((n) => matchesHint(n.toLowerCase(), hint)))
      if (named !== undefined) return use(named)
      if (routeWordsOf(task.facts).length === 0) return values
      const byRoute = yield* source.query(
        `count by (service, ${routeLabels.join(", ")}) (http_requests_total)`,
        now,
      )
      return use(shortest(servicesIn(byRoute, hint).serving))
    }).pipe(
      Effect.timeout(Duration.millis(Math.max(0, Math.min(2_000, answerByMs - now)))),
      Effect.orElseSucceed(() => values),
    ),
  )
}

/**
 * The report's text when the alert names no service of its own — a person's report (whose
 * "service" is only a word of theirs) or an alert with no service, workload or pod — else null.
 */
const namelessReport = (task: AgentTask): string | null =>
  task.facts.source === "human" ||
  (task.facts.service === null && task.facts.workload === null && task.facts.pod === null)
    ? task.alert.text
    : null

/** The saturation sweep in the time left before `answerByMs`; late, it says so and finds nothing. */
const sweepBy = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
  answerByMs: number,
  // A report naming no service: which service's 5xx rose (server-error-sweep.ts); null skips it.
  nameless: string | null = null,
  // The services whose error rate was already judged anomalous: not reported twice.
  judgedErrors: ReadonlySet<string> = new Set(),
) =>
  Effect.flatMap(Clock.currentTimeMillis, (now) =>
    // Beside what is full, whether nodes ran out of pod IPs (pods stuck ContainerCreating).
    // And whether an AWS API ran out of rate or provisioned capacity (aws-quota-sweep.ts).
    Effect.all(
      [
        sweepSaturation(source, incident, stepS),
        sweepPodIps(source, incident, stepS),
        sweepAwsQuotas(source, incident, stepS),
        // And whether a certificate (a partner's mTLS client certificate) expired (certificate-expiry-sweep.ts).
        sweepCertificateExpiry(source, incident, stepS),
        // And whether a third party (an email, SMS, payment provider) rate-limited or failed our calls.
        sweepProviderErrors(source, incident, stepS),
        // And whether a datastore's primary switched: its role gauges flipped (role-switch-sweep.ts).
        sweepRoleSwitches(source, incident, stepS),
        // And whether a service's own counters say its calls fail their TLS handshake (tls-failure-sweep.ts).
        sweepTlsFailures(source, incident, stepS),
        // And whether pods cannot start for their spec's configuration (waiting-pods-sweep.ts).
        sweepWaitingPods(source, incident, stepS),
        // And whether pods wait on a node group at its max size, or a workload is short of the
        // pods it asks for (node-group-max-sweep.ts, capacity-shortfall-sweep.ts).
        sweepNodeGroupMax(source, incident, stepS),
        // And whether a message broker's resource alarm blocked its publishers (broker-alarm-sweep.ts).
        sweepBrokerAlarms(source, incident, stepS),
        // And whether a Kafka cluster's partitions went offline / under-replicated (kafka-partition-sweep.ts).
        sweepKafkaPartitions(source, incident, stepS),
        // And whether an identity provider refused a service's own credential (credential-refusal-sweep.ts).
        sweepCredentialRefusals(source, incident, stepS),
        // And whether a database replica fell behind its primary, making reads stale (replica-lag-sweep.ts).
        sweepReplicaLag(source, incident, stepS),
        // And whether a node was under disk/memory/PID pressure, evicting pods (node-pressure-sweep.ts).
        sweepNodePressure(source, incident, stepS),
        // And who holds a shared database's connections when it is full (connection-holder-sweep.ts).
        sweepConnectionHolders(source, incident, stepS),
        // And whether a consumer group stopped consuming: lag growing, offset flat (consumer-stall-sweep.ts).
        sweepConsumerStalls(source, incident, stepS),
        // And whether a consumer group consumes at a ceiling below its topic's production (consumer-ceiling-sweep.ts).
        sweepConsumerCeilings(source, incident, stepS),
        // And whether an SQS queue backs up with its deletes at zero: no consumer (queue-backlog-sweep.ts).
        sweepQueueBacklogs(source, incident, stepS),
        // And whether a database counted deadlocks and lock waits (datastore-lock-sweep.ts).
        sweepDatastoreLocks(source, incident, stepS),
        // And whether an HPA stood at its max with its pods CPU-throttled (hpa-max-sweep.ts).
        sweepHpaAtMax(source, incident, stepS),
        // And whether a CronJob was suspended or stopped scheduling, its data going stale (cronjob-stall-sweep.ts).
        sweepCronJobStalls(source, incident, stepS),
        // And whether memory reached its limit moving with a load surge (memory-load-sweep.ts).
        sweepMemoryWithLoad(source, incident, stepS),
        // And whether a database ran out of storage, or a replication slot is eating it (storage-drain-sweep.ts).
        sweepStorageDrain(source, incident, stepS),
        // And whether a neighbour (a DaemonSet upgraded) jumped in CPU and starved the pods beside it
        // (cpu-neighbour-sweep.ts).
        sweepCpuNeighbours(source, incident, stepS),
        nameless === null
          ? Effect.succeed({ findings: [], note: "" })
          : sweepServerErrors(source, incident, stepS, nameless, judgedErrors),
      ],
      { concurrency: 4 },
    ).pipe(
      Effect.map(
        ([
          full,
          ips,
          aws,
          certs,
          providers,
          roles,
          tls,
          waiting,
          nodeGroups,
          brokers,
          kafka,
          credentials,
          replicas,
          pressure,
          holders,
          stalls,
          ceilings,
          queues,
          locks,
          hpas,
          cronjobs,
          surges,
          drains,
          neighbours,
          fivexx,
        ]) => ({
          findings: [
            ...full.findings,
            ...ips.findings,
            ...aws.findings,
            ...certs.findings,
            ...providers.findings,
            ...roles.findings,
            ...tls.findings,
            ...waiting.findings,
            ...(nodeGroups?.findings ?? []),
            ...(brokers?.findings ?? []),
            ...(kafka?.findings ?? []),
            ...(credentials?.findings ?? []),
            ...(replicas?.findings ?? []),
            ...(pressure?.findings ?? []),
            ...(holders?.findings ?? []),
            ...(stalls?.findings ?? []),
            ...(ceilings?.findings ?? []),
            ...(queues?.findings ?? []),
            ...(locks?.findings ?? []),
            ...(hpas?.findings ?? []),
            ...(cronjobs?.findings ?? []),
            ...(surges?.findings ?? []),
            ...(drains?.findings ?? []),
            ...(neighbours?.findings ?? []),
            ...(fivexx?.findings ?? []),
          ],
          note: [
            ips.findings.length === 0 ? full.note : `${full.note}; ${ips.note}`,
            aws.note,
            certs.note,
            providers.note,
            roles.note,
            tls.note,
            waiting.note,
            nodeGroups?.note ?? "",
            brokers?.note ?? "",
            kafka?.note ?? "",
            credentials?.note ?? "",
            replicas?.note ?? "",
            pressure?.note ?? "",
            holders?.note ?? "",
            stalls?.note ?? "",
            ceilings?.note ?? "",
            queues?.note ?? "",
            locks?.note ?? "",
            hpas?.note ?? "",
            cronjobs?.note ?? "",
            surges?.note ?? "",
            drains?.note ?? "",
            neighbours?.note ?? "",
            fivexx?.note ?? "",
          ]
            .filter((n) => n !== "")
            .join("; "),
        }),
      ),
      Effect.timeoutOption(Duration.millis(Math.max(0, answerByMs - now))),
      Effect.map((o) =>
        o._tag === "Some" ? o.value : { findings: [], note: "saturation sweep: no answer in time" },
      ),
    ),
  )

export const investigate = (
  task: AgentTask,
  source: MetricSourceService,
  settings: PrometheusSettings,
  answerByMs: number,
): Effect.Effect<Outcome, MetricSourceError> =>
  Effect.gen(function* () {
    const values = yield* resolvedValues(task, source, answerByMs)
    // What findings and the summary are about: the service when the alert names one.
    const subject = values.service ?? values.workload ?? values.namespace ?? values.pod ?? "the alert's scope"
    const planned: Array<{ kind: MetricQueryKind; expr: string }> = []
    const skipped: Array<string> = []
    for (const kind of metricQueryKinds) {
      const template = settings.queries[kind]
      if (template === null) continue
      Either.match(fillTemplate(template, values), {
        onLeft: (f) =>
          skipped.push(
            f._tag === "Missing"
              ? `${kind} (the alert names no ${f.names.join(", ")})`
              : `${kind} (${f.problem})`,
          ),
        onRight: (expr) => planned.push({ kind, expr }),
      })
    }
    const selectors = settings.scan_metrics > 0 ? scopeSelectors(values) : []
    const now = yield* Clock.currentTimeMillis
    const incident = incidentWindow(task, now, settings.step_s * 1000)
    if (planned.length === 0 && selectors.length === 0) {
      const reason = `no metric query applies: ${skipped.length === 0 ? "none configured" : skipped.join("; ")}`
      // Naming no service (a node's disk, a queue's backlog), the alert may still be about a
      // shared resource that is full: the sweep needs no name.
      const swept = yield* sweepBy(source, incident, settings.step_s, answerByMs, namelessReport(task))
      return swept.findings.length === 0
        ? ({ status: "skipped", findings: [], summary: "", reason, scanned: [] } satisfies Outcome)
        : ({
            status: "ok",
            findings: swept.findings,
            summary: `${swept.note}; ${reason}.`,
            reason: null,
            scanned: [],
          } satisfies Outcome)
    }
    const baselines = baselineWindows(incident)
    const remaining = Duration.millis(Math.max(0, answerByMs - now))
    const rule = (floor: number): AnomalyRule => ({
      minRatio: settings.min_ratio,
      minZ: settings.min_z,
      floor,
      windowSamples: levelSamples,
    })
    // The scan runs beside the signals, in the same time; a failed scan only leaves its note.
    const scan =
      selectors.length === 0
        ? Effect.succeed(null)
        : scanScope(
            source,
            { subject, selectors, incident, rule: rule(0) },
            baselines,
            settings.step_s,
            settings.scan_metrics,
            now,
          ).pipe(
            Effect.timeoutOption(remaining),
            Effect.map((o) =>
              o._tag === "Some" ? o.value : { findings: [], scanned: [], note: "scan: no answer in time" },
            ),
            Effect.orElseSucceed(() => ({
              findings: [],
              scanned: [],
              note: "scan: the metric list could not be read",
            })),
          )
    const [outcomes, scanned] = yield* Effect.all(
      [
        Effect.forEach(
          planned,
          ({ kind, expr }) =>
            judgeKind(source, kind, expr, subject, incident, baselines, settings).pipe(
              Effect.catchAll((error) => Effect.succeed<KindOutcome>({ _tag: "Failed", kind, error })),
              Effect.timeoutTo({
                duration: remaining,
                onSuccess: (o): KindOutcome => o,
                onTimeout: (): KindOutcome => ({ _tag: "Late", kind }),
              }),
            ),
          { concurrency: 4 },
        ),
        scan,
      ],
      { concurrency: 2 },
    )
    const failed = outcomes.filter((o): o is Extract<KindOutcome, { _tag: "Failed" }> => o._tag === "Failed")
    const notConfigured = failed.find((o) => o.error.reason === "not_configured")
    if (notConfigured !== undefined) return yield* notConfigured.error
    const judged = outcomes.filter((o): o is Extract<KindOutcome, { _tag: "Judged" }> => o._tag === "Judged")
    if (judged.length === 0 && planned.length > 0) {
      // Nothing answered: an error the report shows as such, never "no anomaly".
      const first = failed[0]
      return yield* first !== undefined && failed.length === outcomes.length
        ? first.error
        : new MetricSourceError({
            reason: "unavailable",
            message: `no metric query answered before the report was due (${[
              ...failed.map(describeFailure),
              ...outcomes.filter((o) => o._tag === "Late").map((o) => `${o.kind}: no answer in time`),
            ].join("; ")})`,
          })
    }
    // Then what is full right now among shared resources, in the time that is left.
    const judgedErrors = new Set(
      judged.flatMap((o) =>
        o.kind === "error_rate" ? o.findings.flatMap((f) => (f.service === null ? [] : [f.service])) : [],
      ),
    )
    const swept = yield* sweepBy(
      source,
      incident,
      settings.step_s,
      answerByMs,
      namelessReport(task),
      judgedErrors,
    )
    // And whether the alert's own workload reached its memory limit or was OOMKilled: absolute,
    // so it holds where the anomaly judge had no baseline (memory-limit-sweep.ts).
    const left = Math.max(0, answerByMs - (yield* Clock.currentTimeMillis))
    const limited = yield* sweepMemoryLimits(
      source,
      incident,
      settings.step_s,
      [
        ...new Set(
          [values.service, values.workload].flatMap((n) => (n === null || n === undefined ? [] : [n])),
        ),
      ],
      values.namespace ?? null,
    ).pipe(
      Effect.timeoutOption(Duration.millis(left)),
      Effect.map((o) => (o._tag === "Some" ? o.value : { findings: [], note: "" })),
    )
    const scannedFindings = scanned?.findings ?? []
    const findings = [
      ...judged.flatMap((o) => o.findings),
      ...scannedFindings,
      ...swept.findings,
      ...limited.findings,
    ]
    const notes = [
      ...judged.map((o) => o.note),
      ...(scanned === null ? [] : [scanned.note]),
      swept.note,
      ...(limited.note === "" ? [] : [limited.note]),
      ...failed.map(describeFailure),
      ...outcomes.filter((o) => o._tag === "Late").map((o) => `${o.kind}: no answer in time`),
      ...skipped.map((s) => `skipped ${s}`),
    ]
    const window = `${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC vs 1 h and 1 d earlier`
    const headline =
      findings.length === 0
        ? `No metric anomaly for ${subject} (${window}).`
        : `${findings.length} metric anomal${findings.length === 1 ? "y" : "ies"} for ${subject} (${window}): ` +
          `${[
            ...judged.filter((o) => o.findings.length > 0).map((o) => kindLabels[o.kind]),
            ...scannedFindings.map((f) => f.resource?.split("/").pop() ?? "a scanned metric"),
            ...swept.findings.map((f) => f.title),
            ...limited.findings.map((f) => f.title),
          ].join(", ")}.`
    return {
      status: "ok",
      findings,
      summary: redact(`${headline} ${notes.join("; ")}.`),
      reason: null,
      scanned: [
        ...planned.map(({ kind, expr }) => redact(`promql/${kind}: ${expr}`)),
        ...(scanned?.scanned ?? []),
      ],
    } satisfies Outcome
  })
