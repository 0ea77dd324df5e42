/**
 * A person's product word names a Lambda's group after the company's prefix (stop 21): "December
 * autopay still shows "Scheduled"" of `/aws/lambda/<org>-autopay-nacha-builder`, kept beside a
 * sibling that shares more of the report's words, so the errors decide which one fails. Variants:
 * other products and wordings ("stuck at", "say"), ECS groups; decoys: a product word no group
 * holds, a generic screen word ("portal", "app"), a lone group's first word, the people served.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { alertWords, rankByWords, wordSearches } from "../../src/domain/log-group-words.js"
import { salientWords } from "../../src/domain/report-salient-words.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const searched = (text: string) => wordSearches(alertWords(facts(text), text)).map((s) => s.value)
const related = (text: string, groups: ReadonlyArray<string>) =>
  rankByWords(alertWords(facts(text), text), groups, salientWords(text)).map((g) => g.name)

const rent =
  "a few property managers (Maple Court so far) emailed that their tenants' December autopay still shows \"Scheduled\" in the resident portal and nothing has been withdrawn. Bank status page is green. Also tenants are complaining they haven't got their receipt emails?"
const rentGroups = [
  "/aws/lambda/homeco-autopay-nacha-builder",
  "/aws/lambda/homeco-autopay-bank-status-poller",
  "/aws/lambda/homeco-tenant-notifications",
  "/aws/lambda/homeco-tenant-import",
  "/aws/apigateway/homeco-portal-prod",
]

describe("a product word after the company's prefix", () => {
  it("the stuck thing is searched for, and every group led by it is read", () => {
    expect(searched(rent)).toContain("autopay")
    const found = related(rent, rentGroups)
    expect(found).toContain("/aws/lambda/homeco-autopay-nacha-builder")
    expect(found).toContain("/aws/lambda/homeco-autopay-bank-status-poller")
    // The people served ("tenants") and the screen ("portal") lead to no group.
    expect(found).not.toContain("/aws/lambda/homeco-tenant-notifications")
    expect(found).not.toContain("/aws/apigateway/homeco-portal-prod")
  })

  it("other products and wordings: stuck at, say; ECS groups", () => {
    const payout = "hey, since this morning every driver payout is stuck at 'Pending' and nobody got paid"
    expect(searched(payout)).toContain("payout")
    expect(related(payout, ["/ecs/roadly/roadly-payout-file-writer", "/ecs/roadly/roadly-trip-api"])).toEqual(
      ["/ecs/roadly/roadly-payout-file-writer"],
    )
    const refunds = 'customers say their refunds still say "Requested" after a week, can someone look'
    expect(salientWords(refunds).has("refund")).toBe(true)
    expect(
      related(refunds, ["/aws/lambda/shopco-refund-ledger-writer", "/aws/lambda/shopco-cart-api"]),
    ).toEqual(["/aws/lambda/shopco-refund-ledger-writer"])
  })

  it("decoys: a product word no group holds, a generic screen word, a lone group's first word", () => {
    expect(
      related('the loyalty balance still shows "0" for everyone', [
        "/aws/lambda/shopco-refund-ledger-writer",
        "/aws/lambda/shopco-cart-api",
      ]),
    ).toEqual([])
    expect(
      related('the app still shows "Scheduled" and the portal shows "Scheduled" too', [
        "/aws/lambda/homeco-portal-web",
        "/aws/lambda/homeco-app-backend",
      ]),
    ).toEqual([])
    // One group: its first word may be what it is named for, not a company's prefix.
    expect(
      related('checkout says "voucher invalid", every voucher fails', ["/ecs/shop/legacy-voucher-sync-x"]),
    ).toEqual([])
  })
})
