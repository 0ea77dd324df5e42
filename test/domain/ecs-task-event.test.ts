/**
 * ECS Task State Change events in a log group: a stopped task's line names its service (or task
 * family), never the cluster, with its stop code and its containers' reasons; a stop that was
 * asked for (a scale-in, every container exiting 0) reads as no error.
 */
import { describe, expect, it } from "vitest"
import { ecsTaskStopLine, subjectOfEcsTaskLine } from "../../src/domain/ecs-task-event.js"
import { logLevelOf } from "../../src/domain/log-level.js"
import { readableLogMessage } from "../../src/domain/log-structured.js"

const event = (detail: object): string =>
  JSON.stringify({ "detail-type": "ECS Task State Change", source: "aws.ecs", detail })

const cluster = "arn:aws:ecs:us-east-2:123456789012:cluster/harbor-prod"

describe("ecsTaskStopLine", () => {
  it("names the service, the stop code and the reason of a task that failed to start (a secret)", () => {
    const line = readableLogMessage(
      event({
        clusterArn: cluster,
        group: "service:quote-pricer",
        lastStatus: "STOPPED",
        stopCode: "TaskFailedToStart",
        stoppedReason:
          "ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: invalid ssm parameters: /prod/quote-pricer/db-url",
      }),
    )
    expect(line).toBe(
      "ECS Task State Change: TaskFailedToStart: ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secrets from ssm: invalid ssm parameters: /prod/quote-pricer/db-url (service:quote-pricer)",
    )
    expect(subjectOfEcsTaskLine(line)).toBe("quote-pricer")
    expect(logLevelOf(line)).not.toBe("info")
  })

  it("falls back to the task definition's family for a task run alone (an image that cannot be pulled)", () => {
    const line = ecsTaskStopLine({
      clusterArn: cluster,
      taskDefinitionArn: "arn:aws:ecs:us-east-2:123456789012:task-definition/nightly-ledger-export:14",
      lastStatus: "STOPPED",
      stopCode: "TaskFailedToStart",
      stoppedReason:
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): manifest unknown",
    })
    expect(line).toContain("(family:nightly-ledger-export)")
    expect(subjectOfEcsTaskLine(line ?? "")).toBe("nightly-ledger-export")
  })

  it("adds a container's own reason and a non-zero exit code (an OOM kill)", () => {
    const line = ecsTaskStopLine({
      group: "service:tile-server",
      lastStatus: "STOPPED",
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      containers: [
        { name: "tiles", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" },
      ],
    })
    expect(line).toBe(
      "ECS Task State Change: EssentialContainerExited: Essential container in task exited (container tiles: OutOfMemoryError: Container killed due to memory usage, exit code 137) (service:tile-server)",
    )
  })

  it("keeps a task the scheduler stopped for failing its health checks a failure", () => {
    const line = ecsTaskStopLine({
      group: "service:kiosk-api",
      stopCode: "ServiceSchedulerInitiated",
      stoppedReason: "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:…)",
    })
    expect(
      line?.startsWith("ECS Task State Change: ServiceSchedulerInitiated: Task failed ELB health checks"),
    ).toBe(true)
  })

  it("reads a scale-in and a container exiting 0 as normal stops, not errors (decoys)", () => {
    const scaleIn = readableLogMessage(
      event({
        group: "service:receipt-mailer",
        lastStatus: "STOPPED",
        stopCode: "ServiceSchedulerInitiated",
        stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1234567890)",
      }),
    )
    const done = readableLogMessage(
      event({
        group: "service:receipt-mailer",
        lastStatus: "STOPPED",
        stopCode: "EssentialContainerExited",
        stoppedReason: "Essential container in task exited",
        containers: [{ name: "mailer", exitCode: 0 }],
      }),
    )
    for (const line of [scaleIn, done]) {
      expect(line.startsWith("ECS task stopped normally")).toBe(true)
      expect(logLevelOf(line)).toBe("info")
      expect(subjectOfEcsTaskLine(line)).toBe("receipt-mailer")
    }
  })

  it("leaves a running task's event and other lines alone", () => {
    expect(ecsTaskStopLine({ group: "service:x", lastStatus: "RUNNING" })).toBeNull()
    expect(subjectOfEcsTaskLine("ERROR checkout failed (service:payments)")).toBeNull()
  })
})
