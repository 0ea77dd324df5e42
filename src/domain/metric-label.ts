/**
 * The first of `names` a series carries, without an address's port ("10.0.3.7:9187" → "10.0.3.7"):
 * exporters label the same thing differently (CloudWatch's `dbinstance_identifier`, YACE's
 * `dimension_DBInstanceIdentifier`, postgres_exporter's `datname`), so each reader lists the names
 * it trusts, most specific first, and takes the first one present.
 */
export const firstLabel = (
  labels: Readonly<Record<string, string>>,
  names: ReadonlyArray<string>,
): string | null => {
  for (const l of names) {
    const v = (labels[l] ?? "").trim()
    if (v !== "") return v.replace(/:\d+$/, "")
  }
  return null
}
