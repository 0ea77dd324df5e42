/**
 * Alert templates carry their most precise facts as labels, in many spellings: Alertmanager's
 * `*namespace:* \`payments\`` and `- namespace = payments`, Prometheus `{namespace="payments"}`,
 * Datadog tags `kube_namespace:payments`, CloudWatch dimensions `FunctionName = x`, JSON
 * `"AlarmName":"x"`. They are all read here into one ordered list of pairs, with keys
 * normalised (`kube_namespace` → `kubenamespace`), so extractors ask for a key, not a syntax.
 */
import type { AlertDoc } from "./alert-facts-text.js"

export interface LabelPair {
  /** Lower-cased, without spaces, `_`, `-`, `.` or `/`. */
  readonly key: string
  /** The key as written (for severity labels like "Urgency: high"). */
  readonly rawKey: string
  /** A line label's value is the rest of its line (to " | "); an inline label's value is one token. */
  readonly value: string
}

// `key: rest of line` / `key = rest of line` at the start of a line (keys may hold spaces: "Starts at").
const lineLabel = /^([A-Za-z][\w .\-/]{0,40}?)[ \t]*([:=])[ \t]*(.*)/
// `key=value`, `key: value`, `"key":"value"`, `key = value`, anywhere.
const inlineLabel =
  /(?<![\w.\-/"'])"?([A-Za-z][\w.\-/]{0,62})"?(?:[ \t]*=[ \t]*|:[ \t]*)("[^"\n]{0,256}"|'[^'\n]{0,256}'|[^\s,;()[\]{}<>|"'&]{1,256})/

/** Alerts carry tens of labels; past this many pairs a message is noise, and scanning stops. */
export const maxLabelPairs = 1_000

export const normalizeKey = (key: string): string => key.toLowerCase().replace(/[\s_.\-/]/g, "")

const unquote = (v: string): string => {
  const t = v.trim()
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))
    ? t.slice(1, -1).trim()
    : t
}

// Each match resumes at its value's start, so a value holding a pair ("Tags: cluster:eu-prod")
// yields that pair too; values are short and pairs capped, so the scan stays linear.
const pushInline = (s: string, pairs: Array<LabelPair>): void => {
  const re = new RegExp(inlineLabel.source, "g")
  for (let m = re.exec(s); m !== null && pairs.length < maxLabelPairs; m = re.exec(s)) {
    const [whole, rawKey, value] = m
    if (rawKey === undefined || value === undefined) return
    // An unquoted value ending a sentence ("… env:prod provider:twilio.") keeps no full stop.
    const bare = /^["']/.test(value) ? unquote(value) : value.replace(/(?<!\.)\.$/, "")
    pairs.push({ key: normalizeKey(rawKey), rawKey, value: bare })
    re.lastIndex = m.index + whole.length - value.length
  }
}

/** Every label pair of the document, in text order (URLs were blanked out beforehand). */
export const scanLabels = (doc: AlertDoc): ReadonlyArray<LabelPair> => {
  const pairs: Array<LabelPair> = []
  for (const line of doc.plain.split("\n")) {
    if (pairs.length >= maxLabelPairs) break
    const m = lineLabel.exec(line)
    if (m === null) {
      pushInline(line, pairs)
      continue
    }
    const [, rawKey = "", , rest = ""] = m
    // "Service: Payments Platform | Urgency: high": a line value ends at a " | " separator.
    const value = unquote(rest.split(/[ \t]\|[ \t]/)[0] ?? "")
    pairs.push({ key: normalizeKey(rawKey), rawKey: rawKey.trim(), value })
    // The whole line again: "Job x failed. severity: warning" also holds an inline pair.
    pushInline(line, pairs)
  }
  return pairs
}

/**
 * The first valid value for the highest-priority key: keys are tried in order, and for each
 * key the pairs in text order; `accept` turns a raw value into a fact or rejects it.
 */
export const lookup = <A>(
  pairs: ReadonlyArray<LabelPair>,
  keys: ReadonlyArray<string>,
  accept: (value: string, pair: LabelPair) => A | null,
): A | null => {
  for (const key of keys) {
    for (const pair of pairs) {
      if (pair.key !== key) continue
      const fact = accept(pair.value, pair)
      if (fact !== null) return fact
    }
  }
  return null
}

/** The first whitespace-separated token of a value, without trailing sentence punctuation. */
export const firstToken = (value: string): string =>
  (value.trim().split(/\s/)[0] ?? "").replace(/[.,;:!?]+$/, "")

export const labelKeys = {
  alertName: ["alertname", "alarmname", "alertrule", "monitorname"],
  // `exported_<label>`: the label the metric itself carried, renamed because the scrape target
  // has one of that name (ingress-nginx: `namespace` is the controller's, `exported_namespace`
  // the Ingress's) — so it is what the series is about, and comes first.
  namespace: [
    "exportednamespace",
    "namespace",
    "kubenamespace",
    "k8snamespacename",
    "kubernetesnamespace",
    "kubernetesnamespacename",
    // Istio's request metrics: the caller's side of an `istio_requests_total` alert.
    "sourceworkloadnamespace",
  ],
  pod: ["pod", "podname", "kubepod", "kubepodname", "k8spodname", "kubernetespodname"],
  container: ["container", "containername", "kubecontainer", "kubecontainername", "k8scontainername"],
  node: [
    "node",
    "nodename",
    "kubenode",
    "kubenodename",
    "k8snodename",
    "kubernetesnode",
    "kubernetesnodename",
  ],
  cluster: ["cluster", "clustername", "kubecluster", "kubeclustername", "k8sclustername", "eksclustername"],
  /** Priority order: an explicit workload kind beats a Prometheus `job` (often the scrape job). */
  workload: [
    "workload",
    "deployment",
    "kubedeployment",
    "k8sdeploymentname",
    "statefulset",
    "kubestatefulset",
    "k8sstatefulsetname",
    "daemonset",
    "kubedaemonset",
    "k8sdaemonsetname",
    "jobname",
    "kubejob",
    "kubejobname",
    "k8sjobname",
    // kube-state-metrics' kube_cronjob_* series label the CronJob `cronjob`.
    "cronjob",
    "kubecronjob",
    "k8scronjobname",
    "job",
    "horizontalpodautoscaler",
    "hpa",
    // Istio's request metrics (`source_workload`): the caller whose requests fail, last.
    "sourceworkload",
  ],
  service: [
    "exportedservice",
    "service",
    "servicename",
    "app",
    "appname",
    "application",
    "appkubernetesioname",
    "kubeservice",
    "functionname",
    "dbinstanceidentifier",
    "dbclusteridentifier",
    // An Ingress is most often named after the Service it routes to, a consumer group after
    // the service consuming.
    "ingress",
    "consumergroup",
  ],
  /** A third party or dependency the alert is about (`provider:paynetix` on a provider-error monitor). */
  dependency: [
    "provider",
    "vendor",
    "partner",
    "upstream",
    "dependency",
    "downstream",
    "thirdparty",
    "externalservice",
    "peerservice",
    // Istio's request metrics: the callee of a `source_workload`'s failing requests.
    "destinationworkload",
    "destinationservicename",
  ],
  region: ["region", "awsregion"],
  account: ["account", "accountid", "awsaccount", "awsaccountid"],
  logGroup: ["loggroup", "loggroupname", "loggroups"],
  severity: ["severity", "sev", "priority", "urgency", "alertseverity"],
  state: ["status", "state", "newstatevalue"],
  startsAt: [
    "startsat",
    "startedat",
    "starttime",
    "activesince",
    "firingsince",
    "triggeredat",
    "statechangetime",
  ],
  endsAt: ["endsat", "endedat", "endtime", "resolvedat"],
} as const
