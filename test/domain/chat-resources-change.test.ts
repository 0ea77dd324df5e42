/**
 * A workload's resources (limits, requests) changed, as a person or a GitOps bot announces it
 * (chat-resources-change.ts); a mention of limits without a change is not.
 */
import { describe, expect, it } from "@effect/vitest"
import { resourcesChanged } from "../../src/domain/chat-resources-change.js"

describe("resourcesChanged", () => {
  it.each([
    "values diff: resources.requests.memory 512Mi -> 256Mi, resources.limits.memory 1Gi -> 384Mi",
    "chore(rightsizing): apply Kubecost recommendations to the billing namespace",
    "lowered the memory limit of pdf-renderer to 300Mi, it never used more than 200",
    "requests/limits tuned for the ingest workers (Goldilocks recommendations)",
    "cpu limit for search-indexer cut from 2 to 500m",
    "right-sizing pass done on the analytics namespace",
  ])("%s → a resources change", (text) => {
    expect(resourcesChanged(text)).toBe(true)
  })

  it.each([
    "what is the memory limit of pdf-renderer?",
    "deployed pdf-renderer 2.1.0",
    "pdf-renderer OOMKilled again",
  ])("%s → no resources change", (text) => {
    expect(resourcesChanged(text)).toBe(false)
  })
})
