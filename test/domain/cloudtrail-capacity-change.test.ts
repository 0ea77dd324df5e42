/**
 * CloudTrail records that changed a throttled resource's capacity — and those that did not: a
 * failed call, another resource, a read-only call, a line that is not a record.
 */
import { describe, expect, it } from "vitest"
import { capacityChangeOf } from "../../src/domain/cloudtrail-capacity-change.js"

const record = (o: Record<string, unknown>) =>
  JSON.stringify({
    eventVersion: "1.09",
    eventTime: "2026-11-27T12:40:11Z",
    eventSource: "dynamodb.amazonaws.com",
    userIdentity: {
      type: "AssumedRole",
      arn: "arn:aws:sts::123456789012:assumed-role/terraform-ci/session-9",
    },
    ...o,
  })

describe("capacityChangeOf", () => {
  it("UpdateTable to provisioned capacity on a throttled table", () => {
    const c = capacityChangeOf(
      record({
        eventName: "UpdateTable",
        requestParameters: {
          tableName: "ledger-entries",
          billingMode: "PROVISIONED",
          provisionedThroughput: { readCapacityUnits: 50, writeCapacityUnits: 25 },
        },
      }),
      ["ledger-entries"],
    )
    expect(c).toEqual({
      eventName: "UpdateTable",
      service: "dynamodb",
      resource: "ledger-entries",
      atMs: Date.parse("2026-11-27T12:40:11Z"),
      actor: "terraform-ci",
      settings: ["billingMode PROVISIONED", "readCapacityUnits 50", "writeCapacityUnits 25"],
    })
  })
  it("auto scaling removed from the table (Application Auto Scaling)", () => {
    const c = capacityChangeOf(
      record({
        eventSource: "application-autoscaling.amazonaws.com",
        eventName: "DeregisterScalableTarget",
        userIdentity: { type: "IAMUser", userName: "ops-bot" },
        requestParameters: {
          serviceNamespace: "dynamodb",
          resourceId: "table/ledger-entries",
          scalableDimension: "dynamodb:table:WriteCapacityUnits",
        },
      }),
      ["ledger-entries"],
    )
    expect(c?.eventName).toBe("DeregisterScalableTarget")
    expect(c?.actor).toBe("ops-bot")
  })
  it("none for a failed call, another table, a read-only call or a non-record", () => {
    const update = { eventName: "UpdateTable", requestParameters: { tableName: "ledger-entries" } }
    expect(
      capacityChangeOf(record({ ...update, errorCode: "ValidationException" }), ["ledger-entries"]),
    ).toBeNull()
    expect(capacityChangeOf(record(update), ["payments-idempotency"])).toBeNull()
    expect(
      capacityChangeOf(
        record({ eventName: "DescribeTable", requestParameters: { tableName: "ledger-entries" } }),
        ["ledger-entries"],
      ),
    ).toBeNull()
    expect(capacityChangeOf("UpdateTable ledger-entries", ["ledger-entries"])).toBeNull()
  })
})
