/**
 * The out-of-scope workloads an in-scope one is configured to reach are read for their crashed
 * containers' last lines (a database that crash-loops on a full disk says so only there): a
 * StatefulSet pod's own DNS name, a Service name, `name.namespace`. Not: a
 * workload of the same name in another namespace, an external host, a workload nobody reaches.
 */
import { describe, expect, it } from "@effect/vitest"
import { dependencyWorkloads } from "../../../src/agents/eks/dependency-workloads.js"
import type { ScopedWorkload } from "../../../src/agents/eks/eks-finding.js"
import { logTargets } from "../../../src/agents/eks/gather.js"
import {
  container,
  crashLooping,
  ctx,
  deployment,
  pod,
  replicaSet,
  running,
  scoped,
} from "./fixtures/objects.js"

const api = (value: string): ReadonlyArray<ScopedWorkload> =>
  scoped({
    deployments: [deployment({ name: "scores-api", replicas: 1, ready: 1 })],
    replicaSets: [replicaSet({ name: "scores-api-5d8f", deployment: "scores-api", revision: 1 })],
    pods: [
      pod({
        name: "scores-api-5d8f-x0k2m",
        owner: { kind: "ReplicaSet", name: "scores-api-5d8f" },
        labels: { app: "scores-api" },
        containers: [container("api", { env: [{ name: "DB_HOST", value }] })],
        statuses: [running("api")],
      }),
    ],
  })
const db = (namespace = "shop"): ReadonlyArray<ScopedWorkload> =>
  scoped(
    {
      deployments: [deployment({ name: "scores-pg", namespace, replicas: 1, ready: 0 })],
      replicaSets: [replicaSet({ name: "scores-pg-7c9d", namespace, deployment: "scores-pg", revision: 1 })],
      pods: [
        pod({
          name: "scores-pg-7c9d-q2w8e",
          owner: { kind: "ReplicaSet", name: "scores-pg-7c9d" },
          namespace,
          labels: { app: "scores-pg" },
          containers: [container("postgres")],
          statuses: [crashLooping("postgres", { reason: "Error", exitCode: 1 })],
        }),
      ],
    },
    false,
  )

describe("dependencyWorkloads", () => {
  it.each([
    "scores-pg-7c9d-q2w8e.scores-pg.shop.svc.cluster.local",
    "scores-pg.shop.svc",
    "scores-pg.shop:5432",
    "postgres://app@scores-pg.shop.svc:5432/scores",
  ])("reaches the workload %s names, and reads its crashed container's previous log", (host) => {
    const workloads = [...api(host), ...db()]
    expect(dependencyWorkloads(workloads).map((w) => w.name)).toEqual(["scores-pg"])
    expect(logTargets(workloads, ctx).filter((t) => t.container === "postgres")).toEqual([
      expect.objectContaining({ pod: "scores-pg-7c9d-q2w8e", previous: true }),
    ])
  })

  it.each([
    ["a namesake in another namespace", "scores-pg.shop.svc", "other"],
    ["an external host", "scores-pg.c9x1.eu-west-1.rds.amazonaws.com", "shop"],
    ["a host nobody runs", "ledger-db.shop.svc", "shop"],
  ])("does not reach %s", (_, host, namespace) => {
    expect(dependencyWorkloads([...api(host), ...db(namespace)])).toEqual([])
  })
})
