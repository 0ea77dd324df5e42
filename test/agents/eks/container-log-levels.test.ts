/**
 * A container's last lines are rated by the level each line declares before the words it
 * quotes: a WARN that quotes an error (`error='ThrottlingException'`, `err=EOF`) is a warning, so
 * an OOM-killed sidecar's retry warnings do not outrank its OOM kill. Java's "Caused by:" line
 * (the exception under the one the trace opens with) leads the finding.
 */
import { describe, expect, it } from "@effect/vitest"
import { containerLogFinding } from "../../../src/agents/eks/container-logs.js"
import { container, deployment, pod, workloadNamed } from "./fixtures/objects.js"

const w = workloadNamed(
  {
    deployments: [deployment({ name: "tiles", replicas: 1, ready: 0 })],
    pods: [pod({ name: "tiles-0", containers: [container("forwarder")] })],
  },
  "tiles",
)
const finding = (text: string) =>
  containerLogFinding(w, [{ pod: "tiles-0", container: "forwarder", previous: true, text }])

describe("container log levels", () => {
  it.each([
    "2026-11-27T13:01:00Z [ warn] [output:cloudwatch_logs.0] PutLogEvents API responded with error='ThrottlingException'",
    '2026-11-27T13:01:00Z level=warn msg="broker connection lost, reconnecting" err=EOF',
    "2026-11-27T13:01:00Z WARN  upstream call failed, retrying in 2s: connection refused",
    "W1127 13:01:00.123456       1 client.go:88] request failed: timeout, retrying",
  ])("a declared warning that quotes an error stays low: %s", (line) => {
    expect(finding(line)?.severity).toBe("low")
  })

  it.each([
    "2026-11-27T13:01:00Z [error] [output:s3.0] PutObject failed: AccessDenied",
    '2026-11-27T13:01:00Z level=error msg="cannot open WAL segment" err="no space left on device"',
    "2026-11-27T13:01:00Z FATAL could not write to file: No space left on device",
  ])("an error or fatal line is high: %s", (line) => {
    expect(finding(line)?.severity).toBe("high")
  })

  it("leads with Java's Caused by line, the exception under the one the trace opens with", () => {
    const text = [
      "2026-11-27T13:01:00Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
      "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'mapper'",
      "\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:648)",
      "Caused by: java.lang.NoSuchMethodError: 'com.example.Feature com.example.Parser.capabilities()'",
    ].join("\n")
    expect(finding(text)?.title).toContain("NoSuchMethodError")
  })
})
