/**
 * Requests the ingress controller refuses for one host (ingress-rejections.ts): 413 body too
 * large, 414 URI too long, 400 headers too large, each tied to the host's Ingress and backend
 * with the limit in force (annotation, else the controller's global key, else nginx's default).
 * Decoys: another host's rejections, a single rejected request, an unrelated error line.
 */
import { describe, expect, it } from "@effect/vitest"
import { ingressRejectionFindings } from "../../../src/agents/eks/ingress-rejections.js"
import type { Ingress } from "../../../src/domain/kubernetes-ingress.js"

const ingress = (
  name: string,
  host: string,
  backend: string,
  annotations: Record<string, string> = {},
): Ingress => ({
  metadata: { name, namespace: "web", labels: {}, annotations, ownerReferences: [] },
  spec: { rules: [{ host, http: { paths: [{ path: "/", backend: { service: { name: backend } } }] } }] },
})

const line = (message: string, at = 0) => ({
  timestampMs: Date.UTC(2026, 9, 1, 2, at),
  message,
  stream: "c",
  group: "",
})
const body = (host: string, bytes: number) =>
  `2026/10/01 02:00:00 [error] 31#31: *1 client intended to send too large body: ${bytes} bytes, client: 1.2.3.4, server: ${host}, request: "POST /up HTTP/1.1", host: "${host}"`

describe("ingressRejectionFindings", () => {
  it("413s for a host with no annotation: the controller's global limit", () => {
    const [f] = ingressRejectionFindings({
      ingresses: [ingress("media-upload", "media.example.org", "media-upload-svc")],
      controllerConfig: { "proxy-body-size": "2m" },
      lines: [line(body("media.example.org", 3_000_000)), line(body("media.example.org", 5_000_000), 1)],
    })
    expect(f?.title).toContain("413")
    expect(f?.title).toContain("web/media-upload")
    expect(f?.title).toContain("media-upload-svc")
    expect(f?.title).toContain('"2m"')
    expect(f?.detail).toContain("no nginx.ingress.kubernetes.io/proxy-body-size annotation")
  })

  it("413s with an annotation: the annotation's limit; no ConfigMap: nginx's default", () => {
    const annotated = ingressRejectionFindings({
      ingresses: [
        ingress("docs", "docs.acme.io", "docs-api", { "nginx.ingress.kubernetes.io/proxy-body-size": "8m" }),
      ],
      controllerConfig: {},
      lines: [line(body("docs.acme.io", 9_000_000)), line(body("docs.acme.io", 9_500_000))],
    })
    expect(annotated[0]?.title).toContain('"8m"')
    const bare = ingressRejectionFindings({
      ingresses: [ingress("docs", "docs.acme.io", "docs-api")],
      controllerConfig: {},
      lines: [line(body("docs.acme.io", 9_000_000)), line(body("docs.acme.io", 9_500_000))],
    })
    expect(bare[0]?.title).toContain('"1m"')
  })

  it("414 and 400 header rejections", () => {
    const uri =
      '[error] client sent too long URI while reading client request line, client: 5.6.7.8, server: api.shop.net, host: "api.shop.net"'
    const header =
      '[info] client sent too long header line: "Cookie: …" while reading client request headers, host: "api.shop.net"'
    const found = ingressRejectionFindings({
      ingresses: [ingress("shop-api", "api.shop.net", "shop-api")],
      controllerConfig: {},
      lines: [line(uri), line(uri), line(header), line(header)],
    })
    expect(found.map((f) => f.title.slice(0, 3)).sort()).toEqual(["400", "414"])
  })

  it("decoys: another host, one rejected request, unrelated errors", () => {
    expect(
      ingressRejectionFindings({
        ingresses: [ingress("media-upload", "media.example.org", "media-upload-svc")],
        controllerConfig: {},
        lines: [
          line(body("other.example.org", 3_000_000)),
          line(body("other.example.org", 3_000_000)),
          line(body("media.example.org", 3_000_000)),
          line('[error] upstream timed out (110) while reading response header, host: "media.example.org"'),
        ],
      }),
    ).toEqual([])
  })
})
