/**
 * An access-key or SMTP-credential rotator (credential-rotation.ts) whose lines name the secret
 * by its path, not an ARN, and the IAM user whose key it replaced: "stored AWSPENDING for
 * prod/x/y", "moved AWSCURRENT", "deactivated previous access key AKIA…". Variants: an SES SMTP
 * key, an API-key rotator deleting the old key; decoys: another service's secret, a rotation
 * after the refusals began, a testSecret that changed nothing.
 */
import { describe, expect, it } from "vitest"
import {
  type Refusal,
  rotationExplains,
  rotationLine,
  rotationsOf,
} from "../../src/domain/credential-rotation.js"

const t0 = Date.parse("2026-08-04T02:00:00Z")
const sec = (s: number) => t0 + s * 1000
const read = (group: string, lines: ReadonlyArray<string>) =>
  rotationsOf(lines.flatMap((m, i) => rotationLine(m, sec(i * 2), group) ?? []))
const refusal = (service: string, firstMs: number): Refusal => ({
  service,
  users: [],
  firstMs,
  words: "credentials refused",
})

const smtpGroup = "/aws/lambda/smtp-key-rotator"
const smtpLines = [
  "[INFO]\tcreateSecret: created access key AKIA****AB12 for IAM user smtp-invoice-sender, stored AWSPENDING for prod/invoice-sender/smtp",
  "[INFO]\ttestSecret: SMTP AUTH succeeded with AWSPENDING credentials",
  "[INFO]\tfinishSecret: moved AWSCURRENT to version 1a2b",
  "[INFO]\tpostRotation: grace period elapsed, deactivated previous access key AKIA****ZZ99 for smtp-invoice-sender",
]

describe("key rotators", () => {
  it("reads an SMTP key rotation: the path-named secret, the IAM user, the old key's deactivation", () => {
    expect(rotationLine(smtpLines[1] ?? "", 0, smtpGroup)).toBeNull()
    const [r, ...more] = read(smtpGroup, smtpLines)
    expect(more).toEqual([])
    expect(r).toMatchObject({
      secret: "prod/invoice-sender/smtp",
      users: ["smtp-invoice-sender"],
      steps: ["createSecret", "finishSecret", "rotated"],
      startedMs: sec(0),
      doneMs: sec(6),
    })
    expect(r && rotationExplains(r, refusal("invoice-sender", sec(30)))).toBe(true)
  })

  it("reads a custom API-key rotator that deletes the old key", () => {
    const [r] = read("/aws/lambda/partner-key-rotation", [
      "rotating key for secret staging/geocoder-client/api-key",
      "deleted old key gk_****91 for secret staging/geocoder-client/api-key",
    ])
    expect(r).toMatchObject({ secret: "staging/geocoder-client/api-key", steps: ["rotated"] })
    expect(r && rotationExplains(r, refusal("geocoder-client", sec(60)))).toBe(true)
  })

  it("does not tie another service's rotation, or one after the refusals began", () => {
    const [r] = read(smtpGroup, smtpLines)
    expect(r && rotationExplains(r, refusal("tenant-portal", sec(30)))).toBe(false)
    expect(r && rotationExplains(r, refusal("invoice-sender", sec(-60)))).toBe(false)
  })
})
