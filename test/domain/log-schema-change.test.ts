/**
 * A consumer's validation errors naming a field, and the producer's change of that field shortly
 * before (log-schema-change.ts): the field read from pydantic, JSON Schema, ajv, Jackson, zod and
 * Avro wordings; the change found in another group naming the field. Decoys: no producer change,
 * another producer's change not naming the field, a line naming the field long before, and a
 * change logged after the rejections began.
 */
import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { invalidFieldsOf, rejectionsOf, schemaChangesOf } from "../../src/domain/log-schema-change.js"

const at = (hh: number, mm: number) => Date.UTC(2026, 4, 6, hh, mm, 0)
const line = (group: string, ms: number, message: string): LogLine => ({
  timestampMs: ms,
  stream: "s",
  message,
  group,
})

describe("the fields a validation error names", () => {
  it.each([
    [
      "pydantic v2, real newlines",
      "ValidationError: 240 validation errors for ClaimBatch\nclaims.0.lines.0.ndc_code\n  Field required [type=missing]",
      ["ndc_code"],
    ],
    [
      "pydantic inside a state machine's escaped cause",
      String.raw`{"cause":"{\"errorMessage\": \"2 validation errors for Order\\nitems.3.sku_id\\n  Field required [type=missing\"}"}`,
      ["sku_id"],
    ],
    ["pydantic extra field", "order.legacyRef\n  Extra inputs are not permitted", ["legacyRef"]],
    ["Python jsonschema", "jsonschema.ValidationError: 'tenant_id' is a required property", ["tenant_id"]],
    ["ajv", "data/items/0 must have required property 'priceCents'", ["priceCents"]],
    [
      "Jackson",
      'UnrecognizedPropertyException: Unrecognized field "unit_price" (class com.acme.Line), not marked as ignorable',
      ["unit_price"],
    ],
    [
      "zod",
      '[{"code":"invalid_type","expected":"string","received":"undefined","path":["lines",0,"gtin"],"message":"Required"}]',
      ["gtin"],
    ],
    [
      "Avro",
      "AvroTypeException: Found com.acme.Reading, expecting Reading, missing required field deviceSerial",
      ["deviceSerial"],
    ],
  ])("%s", (_, message, fields) => {
    expect(invalidFieldsOf(message)).toEqual(fields)
  })

  it("decoy: a validation error naming no field", () => {
    expect(invalidFieldsOf("240 validation errors for ClaimBatch (state: NormalizeClaims)")).toEqual([])
  })
})

const consumer = "/aws/lambda/claims-normalizer"
const rejected = (mm: number) =>
  line(
    consumer,
    at(3, mm),
    "[ERROR] ValidationError: 12 validation errors for Batch\nlines.0.ndc_code\n  Field required",
  )

describe("the producer's change behind the rejections", () => {
  it("a mapper renaming the field 14 minutes before, named with the consumer", () => {
    const lines = [
      rejected(0),
      rejected(15),
      line(
        "/aws/lambda/partner-gateway-publisher",
        at(2, 46),
        "mapper 2.7.0 loaded: field alignment (claim line ndc_code -> ndc), emitting schema_version=3.1",
      ),
      line(
        "/aws/lambda/partner-gateway-publisher",
        at(2, 44),
        "published batch claims=231 schema_version=3.0",
      ),
    ]
    const changes = schemaChangesOf(rejectionsOf(lines), lines)
    expect(changes.map((c) => [c.producer, c.field, c.consumer, c.rejection.count])).toEqual([
      ["partner-gateway-publisher", "ndc_code", "claims-normalizer", 2],
    ])
    expect(changes[0]?.line).toContain("ndc_code -> ndc")
  })

  it("an ECS service's deploy dropping a field a Java consumer now does not know", () => {
    const lines = [
      line(
        "/ecs/invoice-ingest",
        at(10, 5),
        'Unrecognized field "vatRate" (class Invoice), not marked as ignorable',
      ),
      line(
        "/ecs/billing-exporter",
        at(9, 50),
        "release 4.2.0: added vatRate to invoice payload (schema version 2.3)",
      ),
    ]
    expect(schemaChangesOf(rejectionsOf(lines), lines).map((c) => [c.producer, c.consumer])).toEqual([
      ["billing-exporter", "invoice-ingest"],
    ])
  })

  it("decoys: no change nearby, another producer's change, an old line, a change after the breakage", () => {
    const lines = [
      rejected(0),
      // Another producer's change that does not name the field.
      line("/aws/lambda/eligibility-sync", at(2, 50), "deploy v3.1.0: plan_code -> planCode"),
      // The field named long before the incident.
      line(
        "/aws/lambda/partner-gateway-publisher",
        at(0, 30),
        "mapper 2.6.0: ndc_code normalised -> 11 digits",
      ),
      // After the first rejection: no cause of it.
      line("/aws/lambda/partner-gateway-publisher", at(3, 5), "rolling back mapper 2.7.0 (ndc_code -> ndc)"),
      // Another consumer's own rejection of the field is no change.
      line(
        "/aws/lambda/claims-auditor",
        at(2, 55),
        "lines.0.ndc_code\n  Field required (schema_version 3.1)",
      ),
    ]
    expect(schemaChangesOf(rejectionsOf(lines), lines)).toEqual([])
    expect(schemaChangesOf(rejectionsOf([rejected(0)]), [rejected(0)])).toEqual([])
  })
})
