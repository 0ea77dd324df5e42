/**
 * A product word a person leans on — repeats or quotes from the screen — that is the first word of
 * a service's name finds its group (stop 20): "calculating delivery…" then "delivery unavailable"
 * of `delivery-quote-svc`. Variants: quoted once, repeated in prose, a plural; decoys: a word said
 * once, a leaned-on word in the middle of a name, generic words.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { alertWords, rankByWords, wordSearches } from "../../src/domain/log-group-words.js"
import { reportSalientWords, salientWords } from "../../src/domain/report-salient-words.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const related = (text: string, groups: ReadonlyArray<string>) =>
  rankByWords(alertWords(facts(text), text), groups, salientWords(text)).map((g) => g.name)

describe("a leaned-on word leading a service's name", () => {
  it("repeated and quoted, late in a long report: searched for and related", () => {
    const text =
      'shop owners keep pinging support: basket sits on "estimating shipping..." for ages and then says "shipping unavailable for this address". a few Leeds shops first, now Bristol too'
    expect(wordSearches(alertWords(facts(text), text)).map((s) => s.value)).toContain("shipping")
    expect(
      related(text, [
        "/ecs/bloomly-prod/shipping-rates-svc",
        "/ecs/bloomly-prod/basket-web",
        "/aws/lambda/img-resizer",
      ]),
    ).toEqual(["/ecs/bloomly-prod/shipping-rates-svc"])
  })

  it("quoted once from the screen, or repeated in prose (a plural counts)", () => {
    expect(
      related('the app shows "Boarding pass not ready" at every gate', ["/ecs/air/boarding-pass-api"]),
    ).toEqual(["/ecs/air/boarding-pass-api"])
    expect(
      related("refunds are stuck: the refund button spins, no refund email", [
        "/aws/lambda/refund-ledger-writer-x",
      ]),
    ).toEqual(["/aws/lambda/refund-ledger-writer-x"])
  })

  it("decoys: a word said once, a leaned-on word not leading the name", () => {
    expect(
      related("the weekly supplier invoice digest did not go out", ["/aws/lambda/invoice-pdf-renderer"]),
    ).toEqual([])
    expect(
      related('checkout says "voucher invalid", every voucher fails', ["/ecs/shop/legacy-voucher-sync-x"]),
    ).toEqual([])
  })

  it("salient words: repeated or quoted, apostrophes are not quotes", () => {
    const s = salientWords("it's the customer's 'priority lane' view; lane lane")
    expect(s.has("priority")).toBe(true)
    expect(s.has("lane")).toBe(true)
    expect(s.has("customer")).toBe(false)
  })
})

describe("a tool's alert leans on no word", () => {
  it("its repeated labels do not tie it to a group sharing one word (the namespace's)", () => {
    const text =
      "[FIRING:1] KubeDeploymentReplicasMismatch (eks-core permit permit-api critical)\nDeployment permit/permit-api has not matched the expected number of replicas.\nLabels: alertname=KubeDeploymentReplicasMismatch, namespace=permit, deployment=permit-api"
    const f = facts(text)
    expect(f.source).not.toBe("human")
    expect(reportSalientWords(f, text).size).toBe(0)
    expect(
      rankByWords(alertWords(f, text), ["/aws/rds/cluster/permit-mysql/error"], reportSalientWords(f, text)),
    ).toEqual([])
  })

  it("a person's report with the same words still leans on them", () => {
    const text = 'the permit page says "permit unavailable" for every resident, permit renewals all fail'
    expect(reportSalientWords(facts(text), text).has("permit")).toBe(true)
  })
})
