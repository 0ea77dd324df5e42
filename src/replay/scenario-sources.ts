/**
 * The data sources a scenario describes, served by their replay servers: where the specialists
 * read in this run. A section the scenario leaves out stays unconfigured, so its agent answers
 * `unhealthy` with the reason, exactly as in a deployment without that source.
 */
import { Effect, type Scope } from "effect"
import { makeCloudWatchLogsReplay } from "./cloudwatch-logs.js"
import { makeKubernetesReplay } from "./kubernetes.js"
import { makePrometheusReplay, replaySeriesFromScenario } from "./prometheus.js"
import type { Scenario } from "./scenario.js"

/** Loopback endpoints of the replayed sources; null where the scenario has no such section. */
export interface ReplayEndpoints {
  readonly kubernetes: { readonly kubeconfig: string; readonly cluster: string } | null
  readonly cloudwatch: { readonly endpoint: string; readonly region: string } | null
  readonly prometheus: { readonly url: string } | null
}

export interface ScenarioSources {
  readonly endpoints: ReplayEndpoints
}

export const scenarioSources = (
  scenario: Scenario,
  now: () => number,
): Effect.Effect<ScenarioSources, { readonly message: string }, Scope.Scope> =>
  Effect.gen(function* () {
    const k = scenario.kubernetes
    const kubernetes =
      k === undefined
        ? null
        : yield* makeKubernetesReplay({ cluster: k.cluster, objects: k.objects, logs: k.logs }, { now })
    const c = scenario.cloudwatch
    const cloudwatch =
      c === undefined ? null : yield* makeCloudWatchLogsReplay({ region: c.region, logGroups: c.log_groups })
    const p = scenario.prometheus
    const prometheus =
      p === undefined ? null : yield* makePrometheusReplay({ series: replaySeriesFromScenario(p), now })
    return {
      endpoints: {
        kubernetes:
          kubernetes === null ? null : { kubeconfig: kubernetes.kubeconfig, cluster: kubernetes.cluster },
        cloudwatch: cloudwatch === null ? null : { endpoint: cloudwatch.url, region: cloudwatch.region },
        prometheus: prometheus === null ? null : { url: prometheus.url },
      },
    }
  })
