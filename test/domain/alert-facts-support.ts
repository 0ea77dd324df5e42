/**
 * Expectations for AlertFacts list only the facts an alert states; `project` fills every other
 * field with its empty value, so comparing projections also proves nothing extra was guessed.
 * (Keywords and startsAt have their own assertions.)
 */
import type { AlertFacts } from "../../src/domain/alert-facts.js"

type Compared = Omit<AlertFacts, "keywords" | "startsAt">

export type Expected = Partial<Compared> & Pick<Compared, "source">

/** An AlertFacts (or an expectation) with every unlisted fact at its empty value. */
export const project = (f: Expected): Compared => ({
  source: f.source,
  alertName: f.alertName ?? null,
  state: f.state ?? null,
  severityLabel: f.severityLabel ?? null,
  severity: f.severity ?? null,
  namespace: f.namespace ?? null,
  workload: f.workload ?? null,
  pod: f.pod ?? null,
  container: f.container ?? null,
  node: f.node ?? null,
  cluster: f.cluster ?? null,
  service: f.service ?? null,
  region: f.region ?? null,
  account: f.account ?? null,
  logGroups: f.logGroups ?? [],
  links: f.links ?? [],
  dependencies: f.dependencies ?? [],
})
