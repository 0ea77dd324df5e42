/**
 * A rollout that moved a probe where the app does not answer: the path (readiness, liveness),
 * the port, proven by the kubelet's Unhealthy events on the new pods or by the app's own access
 * log — not a rollout whose probe stayed put while its pods fail it for being slow, nor a moved
 * probe the new pods pass.
 */
import { describe, expect, it } from "@effect/vitest"
import { probeChangeFinding, probePathRefusals } from "../../../src/agents/eks/probe-changes.js"
import { container, ctx, deployment, event, pod, replicaSet, workloadNamed } from "./fixtures/objects.js"

const withProbe = (probe: Record<string, unknown>, kind = "readinessProbe") => [
  { ...container("web"), [kind]: probe },
]
const http = (path: string, port: number | string = 8080) => ({ httpGet: { path, port } })

const world = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  message: string | null,
  kind = "readinessProbe",
) =>
  workloadNamed(
    {
      deployments: [deployment({ name: "lot-pricer", replicas: 3, ready: 3 })],
      replicaSets: [
        replicaSet({
          name: "lot-pricer-7d9",
          deployment: "lot-pricer",
          revision: 4,
          created: "2026-11-20T10:00:00Z",
          containers: withProbe(before, kind),
        }),
        replicaSet({
          name: "lot-pricer-8f2",
          deployment: "lot-pricer",
          revision: 5,
          created: "2026-11-27T12:58:00Z",
          containers: withProbe(after, kind),
        }),
      ],
      pods: [
        pod({
          name: "lot-pricer-8f2-abcde",
          owner: { kind: "ReplicaSet", name: "lot-pricer-8f2" },
          labels: { app: "lot-pricer" },
        }),
      ],
      events:
        message === null
          ? []
          : [
              event({
                kind: "Pod",
                name: "lot-pricer-8f2-abcde",
                reason: "Unhealthy",
                message,
                count: 40,
                at: "2026-11-27T13:04:00Z",
              }),
            ],
    },
    "lot-pricer",
  )

describe("probeChangeFinding", () => {
  it("readiness path moved, the new pods answer 404: high, names the paths and the status", () => {
    const f = probeChangeFinding(
      world(
        http("/healthz"),
        http("/health/ready"),
        "Readiness probe failed: HTTP probe failed with statuscode: 404",
      ),
      ctx,
    )
    expect(f?.kind).toBe("probe_changed")
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(
      "lot-pricer: rollout to revision 5 changed the readiness probe path /healthz → /health/ready; the new pods' app answers it 404 (Readiness probe failed ×40)",
    )
  })

  it("a liveness probe moved to another port, refused", () => {
    const f = probeChangeFinding(
      world(
        http("/live", 8080),
        http("/live", 9090),
        'Liveness probe failed: Get "http://10.0.0.7:9090/live": dial tcp 10.0.0.7:9090: connect: connection refused',
        "livenessProbe",
      ),
      ctx,
    )
    expect(f?.title).toContain("changed the liveness probe port 8080 → 9090")
  })

  it("no kubelet event read, but the app's own access log answers the new path 404", () => {
    const w = world(http("/ping"), http("/readyz"), null)
    const log =
      '{"level":"info","msg":"request","method":"GET","path":"/readyz","status":404,"ua":"kube-probe/1.30"}'
    expect(probeChangeFinding(w, ctx, log)?.title).toContain("answers it 404")
  })

  it("decoys: the probe did not move (the pods are slow), the probe moved and passes", () => {
    expect(
      probeChangeFinding(
        world(
          http("/ready"),
          http("/ready"),
          'Readiness probe failed: Get "http://x/ready": context deadline exceeded',
        ),
        ctx,
      ),
    ).toBeNull()
    expect(probeChangeFinding(world(http("/healthz"), http("/health/ready"), null), ctx)).toBeNull()
  })
})

describe("probePathRefusals", () => {
  it("plain and JSON access logs answering the path with a 4xx; a 200 is not one", () => {
    const text = [
      '10.0.0.9 - - "GET /readyz HTTP/1.1" 404 19 "-" "kube-probe/1.30"',
      "GET /readyz status=200",
      '{"path":"/readyz","status":404}',
    ].join("\n")
    expect(probePathRefusals(text, "/readyz")).toHaveLength(2)
  })
})
