/**
 * rankIncidents: the right past incident first among distractors that each share one thing
 * with the alert, never the current investigation or its own alert/thread, the stated
 * thresholds, and (fast-check, fixed seed) an order that does not depend on the store's order.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isExcluded } from "../../src/domain/incident-record.js"
import { rankIncidents, strengthOf } from "../../src/domain/incident-similarity.js"
import { corpus, current, distractors, incident, query, right } from "./incident-support.js"

const seed = 20261127

describe("rankIncidents", () => {
  it("ranks the right past incident first among ≥ 5 distractors", () => {
    const ranked = rankIncidents(query, corpus, { limit: 10, exclude: current })
    expect(distractors.length).toBeGreaterThanOrEqual(5)
    expect(ranked[0]?.incident.id).toBe("INC-0412")
    expect(ranked[0]?.sameService).toBe(true)
    expect(ranked[0]?.sameAlertName).toBe(true)
    expect(strengthOf(ranked[0] ?? expect.fail("no match"))).toBe("strong")
  })

  it("never returns the current investigation, nor an earlier one of the same alert message", () => {
    const ids = rankIncidents(query, corpus, { limit: 10, exclude: current }).map((m) => m.incident.id)
    expect(ids).not.toContain("inv-current")
    expect(ids).not.toContain("inv-older-same-thread")
    // Without the exclusion both would outrank everything: the exclusion is what keeps them out.
    const open = rankIncidents(query, corpus, {
      limit: 10,
      exclude: { investigationId: "someone-else", alert: null },
    }).map((m) => m.incident.id)
    expect(open.slice(0, 2).sort()).toEqual(["inv-current", "inv-older-same-thread"])
  })

  it("excludes a record answered in the same thread (a thread mention under the alert)", () => {
    const reply = incident({
      id: "inv-thread",
      alert: {
        platform: "slack",
        channel: "C0ALERTS",
        messageId: "1795784999.000100",
        threadId: "1795784700.000200",
      },
    })
    expect(isExcluded(reply, current)).toBe(true)
    expect(
      isExcluded(reply, {
        ...current,
        alert: { ...(current.alert ?? expect.fail("no alert")), channel: "C0OTHER" },
      }),
    ).toBe(false)
  })

  it("rates the same-service old unrelated cause and the other services below strong", () => {
    const ranked = rankIncidents(query, corpus, { limit: 10, exclude: current })
    const byId = new Map(ranked.map((m) => [m.incident.id, m]))
    for (const id of ["INC-0380", "INC-0399", "INC-0201", "INC-0388", "INC-0350"]) {
      const m = byId.get(id)
      if (m !== undefined) expect(strengthOf(m), id).not.toBe("strong")
    }
    const right = byId.get("INC-0412")
    expect(right?.similarity).toBeGreaterThan(byId.get("INC-0201")?.similarity ?? 0)
    // The same service with an old, unrelated cause is not even shown.
    expect(strengthOf(byId.get("INC-0201") ?? expect.fail("INC-0201 not ranked"))).toBe("none")
  })

  it("returns nothing for an alert that shares no term, and honours the limit", () => {
    const none = rankIncidents(
      { alertName: null, service: null, workload: null, namespace: null, cluster: null, text: "zzzqqq" },
      corpus,
      { limit: 10, exclude: current },
    )
    expect(none).toEqual([])
    expect(rankIncidents(query, corpus, { limit: 2, exclude: current })).toHaveLength(2)
    expect(rankIncidents(query, corpus, { limit: 0, exclude: current })).toEqual([])
  })

  it("finds the service named only in a human's words", () => {
    const human = {
      alertName: null,
      service: null,
      workload: null,
      namespace: null,
      cluster: null,
      text: "payments-api keeps restarting, looks OOMKilled again?",
    }
    const ranked = rankIncidents(human, corpus, { limit: 5, exclude: current })
    expect(ranked[0]?.incident.id).toBe("INC-0412")
    expect(ranked[0]?.sameService).toBe(true)
    expect(strengthOf(ranked[0] ?? expect.fail("no match"))).toBe("strong")
  })

  it(`orders the same whatever the store's order (fast-check seed ${seed})`, () => {
    console.info(`incident-similarity property seed: ${seed}`)
    const expected = rankIncidents(query, corpus, { limit: 10, exclude: current }).map((m) => m.incident.id)
    fc.assert(
      fc.property(fc.shuffledSubarray([...corpus], { minLength: corpus.length }), (shuffled) => {
        const ids = rankIncidents(query, shuffled, { limit: 10, exclude: current }).map((m) => m.incident.id)
        expect(ids).toEqual(expected)
        expect(ids[0]).toBe(right.id)
      }),
      { seed, numRuns: 200 },
    )
  })

  it(`never returns an excluded record, whatever it says (fast-check seed ${seed + 1})`, () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.boolean(), (words, byThread) => {
        const self = incident({
          id: byThread ? "inv-x" : "inv-current",
          investigationId: byThread ? "inv-x" : "inv-current",
          title: `${query.text} ${words.join(" ")}`,
          alertName: query.alertName,
          service: query.service,
          alert: byThread ? current.alert : null,
        })
        const ids = rankIncidents(query, [...corpus, self], { limit: 10, exclude: current }).map(
          (m) => m.incident.id,
        )
        expect(ids).not.toContain(self.id)
      }),
      { seed: seed + 1, numRuns: 200 },
    )
  })
})

describe("the same alert, as tools name it", () => {
  it("a sentence-like alert name with a tool prefix is the same alert, so the match is strong", () => {
    const past = incident({
      id: "INC-0612",
      title: "webhook-gateway crash-looping: partner mTLS client certificate expired",
      alertName: "PagerDuty: webhook-gateway outbound partner deliveries failing",
      service: "webhook-gateway",
    })
    const other = incident({
      id: "INC-0701",
      title: "webhook-gateway OOMKilled during retry storm",
      alertName: "KubePodCrashLooping",
      service: "webhook-gateway",
    })
    const text = "webhook-gateway outbound partner deliveries failing (namespace integrations)"
    const [first, second] = rankIncidents(
      {
        ...query,
        alertName: text,
        service: "webhook-gateway",
        workload: null,
        namespace: "integrations",
        text,
      },
      [other, past],
      { limit: 5, exclude: current },
    )
    expect(first?.incident.id).toBe("INC-0612")
    expect(first?.sameAlertName).toBe(true)
    expect(first === undefined ? null : strengthOf(first)).toBe("strong")
    expect(second?.sameAlertName).toBe(false)
  })
})
