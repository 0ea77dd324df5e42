/**
 * A dependency's validation rejection (422 / "Field required" / "unknown field" on a call to
 * another service) is read as such — status, validation, the field — and a status or mechanism
 * word inside an identifier (`extra_forbidden`, `unauthorized_client`, `not_found_error`) is no
 * mechanism. Decoys: a 422 a service's own access log shows it returned (inbound), a real 403.
 */
import { describe, expect, it } from "vitest"
import { modeLabel } from "../../src/domain/causes-labels.js"
import { modeOf } from "../../src/domain/causes-modes.js"
import { dependencyValidationLabel, isDependencyValidation } from "../../src/domain/dependency-validation.js"
import { finding } from "./build-report-support.js"

const line = (title: string) => finding("cloudwatch_logs", { kind: "log_signature", title, severity: "high" })

const pydantic =
  'ERROR SensorIngestError: POST https://field-registry.internal/v3/plots -> 422 Unprocessable Entity: {"detail":[{"type":"missing","loc":["body","plots",0,"plot_ref"],"msg":"Field required"},{"type":"extra_forbidden","loc":["body","plots",0,"plot_id"],"msg":"Extra inputs are not permitted"}]}'
const variants = [
  pydantic,
  // Python requests' HTTPError wording.
  "ERROR requests.exceptions.HTTPError: 422 Client Error: Unprocessable Entity for url: https://ledger-core.svc/api/entries (missing required field 'currency_code')",
  // A Java client with Spring's 400 and a validation message.
  'ERROR WebClientResponseException$BadRequest: 400 Bad Request from POST http://catalog-svc/items: {"message":"Validation failed for argument [0]","errors":[{"field":"skuCode"}]}',
  // Go: an unknown field refused by a strict decoder on the other side.
  'level=error msg="push to inventory-api failed" url=https://inventory-api/v1/stock status=422 body="json: unknown field \\"warehouse\\""',
]

describe("a dependency's validation rejection", () => {
  it("is read from several wordings as a dependency error, not an auth failure", () => {
    for (const v of variants) {
      expect(isDependencyValidation(v.toLowerCase())).toBe(true)
      expect(modeOf(line(v))).toBe("errors")
    }
  })

  it("names the status, validation and the field", () => {
    const label = modeLabel("errors", [line(pydantic)])
    expect(label).toContain("422 Unprocessable Entity")
    expect(label).toContain("validation")
    expect(label).toContain("plot_ref")
    expect(dependencyValidationLabel(variants[1]?.toLowerCase() ?? "")).toContain("currency_code")
    expect(dependencyValidationLabel(variants[3]?.toLowerCase() ?? "")).toContain("warehouse")
  })

  it("leaves out a 422 the service returned to its own client (inbound access log)", () => {
    const inbound = 'INFO: 10.1.2.3:5512 - "POST /v1/orders HTTP/1.1" 422 Unprocessable Entity'
    expect(isDependencyValidation(inbound.toLowerCase())).toBe(false)
    expect(modeLabel("errors", [line(inbound)])).not.toContain("dependency")
  })

  it("does not call a token's validation a schema rejection", () => {
    expect(
      isDependencyValidation("jwt validation failed calling https://idp.example/keys".toLowerCase()),
    ).toBe(false)
  })
})

describe("a status word inside an identifier is no mechanism", () => {
  it("reads extra_forbidden, unauthorized_client, not_found_error as identifiers", () => {
    expect(modeOf(line('ERROR upstream said {"type":"extra_forbidden","loc":["x"]} on batch 7'))).toBe(
      "errors",
    )
    expect(modeOf(line('ERROR batch 9 rejected: {"error":"unauthorized_client_meta","id":4}'))).toBe("errors")
    expect(modeOf(line('ERROR lookup failed: {"code":"not_found_error"} for tenant 3'))).toBe("errors")
  })

  it("still reads a real 403, Forbidden or AccessDeniedException as auth", () => {
    expect(modeOf(line("ERROR GET https://billing-api/v1/plans -> 403 Forbidden"))).toBe("auth")
    expect(modeOf(line("ERROR upstream answered: Forbidden"))).toBe("auth")
    const denied = line("ERROR AccessDeniedException: User: arn:aws:sts::1:assumed-role/r/s is not allowed")
    expect(modeOf(denied)).toBe("auth")
    expect(modeLabel("auth", [denied])).toContain("AccessDenied")
  })
})
