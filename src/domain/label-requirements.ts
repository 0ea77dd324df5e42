/**
 * A label selector's requirements and how the API server evaluates them against an object's
 * labels: one place for the replay's string selectors (`k in (a,b)`, `!k`) and the structured
 * selectors of NetworkPolicies and PodDisruptionBudgets (`matchLabels`, `matchExpressions`). Pure.
 */

export type LabelRequirement =
  | { readonly op: "eq" | "ne"; readonly key: string; readonly value: string }
  | { readonly op: "in" | "notin"; readonly key: string; readonly values: ReadonlyArray<string> }
  | { readonly op: "exists" | "absent"; readonly key: string }

const matchesOne = (r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean => {
  const v = Object.hasOwn(labels, r.key) ? labels[r.key] : undefined
  switch (r.op) {
    case "eq":
      return v === r.value
    case "ne":
      return v !== r.value
    case "in":
      return v !== undefined && r.values.includes(v)
    case "notin":
      return v === undefined || !r.values.includes(v)
    case "exists":
      return v !== undefined
    case "absent":
      return v === undefined
  }
}

export const matchesLabels = (
  requirements: ReadonlyArray<LabelRequirement>,
  labels: Readonly<Record<string, string>>,
): boolean => requirements.every((r) => matchesOne(r, labels))
