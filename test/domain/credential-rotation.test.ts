/**
 * A credential rotation as the change behind refused credentials: the rotation function's lines
 * read (Secrets Manager's four steps for Postgres and MySQL, a custom rotator's words), grouped
 * per secret, tied to a service's refusals only when it came first and shares a user or a
 * distinctive word with it; a rotation of another team's secret, one after the refusals began,
 * a step that changed nothing, a failed rotation and authorization errors are not.
 */
import { describe, expect, it } from "vitest"
import {
  credentialsRefused,
  distinctiveWords,
  type Refusal,
  refusalIn,
  refusedUsers,
  rotationExplains,
  rotationLine,
  rotationPhrase,
  rotationsOf,
  rotationTitle,
} from "../../src/domain/credential-rotation.js"
import { at, finding } from "./build-report-support.js"

const ms = (iso: string) => Date.parse(iso)
const pgGroup = "/aws/lambda/SecretsManagerRDSPostgreSQLRotationSingleUser-orders"
const arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders/orders-db-a1B2c3"
const pgLines = [
  `[INFO]\t2026-05-02T01:00:03.101Z\tabc\tcreateSecret: Successfully put secret for ARN ${arn} and version 4f1c.`,
  `[INFO]\t2026-05-02T01:00:05.220Z\tabc\tsetSecret: Successfully set password for user orders_rw in PostgreSQL DB for secret arn ${arn}.`,
  `[INFO]\t2026-05-02T01:00:07.310Z\tabc\ttestSecret: Successfully signed into PostgreSQL DB for secret arn ${arn}.`,
  `[INFO]\t2026-05-02T01:00:09.400Z\tabc\tfinishSecret: Successfully set AWSCURRENT stage to version 4f1c for secret ${arn}.`,
]
const pgRotation = () =>
  rotationsOf(
    pgLines.flatMap((m, i) => rotationLine(m, ms("2026-05-02T01:00:00Z") + i * 2000, pgGroup) ?? []),
  )

const refusal = (over: Partial<Refusal> = {}): Refusal => ({
  service: "orders-api",
  users: [],
  firstMs: ms("2026-05-02T01:20:00Z"),
  words: "password authentication failed",
  ...over,
})

describe("rotation lines", () => {
  it("reads the four Secrets Manager steps: secret name without its suffix, the user whose password was set", () => {
    const lines = pgLines.map((m) => rotationLine(m, 0, pgGroup))
    expect(lines.map((l) => l?.step)).toEqual(["createSecret", "setSecret", "testSecret", "finishSecret"])
    expect(lines.map((l) => l?.secret)).toEqual(Array(4).fill("prod/orders/orders-db"))
    expect(lines[1]?.user).toBe("orders_rw")
  })

  it("reads MySQL's wording and a custom rotator's", () => {
    const mysql = rotationLine(
      "setSecret: Successfully set password for shop_app in MySQL DB for secret arn arn:aws:secretsmanager:us-east-1:1:secret:shop/mysql-XyZ123.",
      0,
      "/aws/lambda/shop-mysql-rotation",
    )
    expect(mysql).toMatchObject({ step: "setSecret", user: "shop_app", secret: "shop/mysql" })
    const custom = rotationLine(
      "INFO rotation succeeded for secret payments/stripe-api-key (new key id rk_live_…)",
      0,
      "/aws/lambda/payments-key-rotator",
    )
    expect(custom).toMatchObject({ step: "rotated", secret: "payments/stripe-api-key" })
  })

  it("ignores steps that changed nothing, failed rotations and unrelated lines", () => {
    expect(
      rotationLine(`finishSecret: Version 4f1c already marked as AWSCURRENT for ${arn}`, 0, pgGroup),
    ).toBeNull()
    expect(rotationLine(`createSecret: Successfully retrieved secret for ${arn}.`, 0, pgGroup)).toBeNull()
    expect(
      rotationLine("ERROR rotation failed for secret payments/stripe-api-key: timeout", 0, "g"),
    ).toBeNull()
    expect(rotationLine("START RequestId: 5e0b Version: $LATEST", 0, pgGroup)).toBeNull()
    expect(rotationLine("logrotate: rotated /var/log/app.log", 0, "/var/log/logrotate")).toBeNull()
  })

  it("groups a secret's steps into one rotation, done at finishSecret", () => {
    const [r, more] = pgRotation()
    expect(more).toBeUndefined()
    expect(r).toMatchObject({
      secret: "prod/orders/orders-db",
      users: ["orders_rw"],
      startedMs: ms("2026-05-02T01:00:00Z"),
      doneMs: ms("2026-05-02T01:00:06Z"),
      secretsManager: true,
    })
  })

  it("a createSecret alone (the rotation stopped before setSecret) is no rotation", () => {
    const only = rotationLine(pgLines[0] ?? "", 0, pgGroup)
    expect(rotationsOf(only === null ? [] : [only])).toEqual([])
  })
})

describe("refused credentials", () => {
  it.each([
    ['FATAL: password authentication failed for user "orders_rw"', ["orders_rw"]],
    [
      "java.sql.SQLException: Access denied for user 'shop_app'@'10.2.3.4' (using password: YES)",
      ["shop_app"],
    ],
    ["Login failed for user 'reporting'.", ["reporting"]],
    ["stripe: 401 Unauthorized: Invalid API Key provided: rk_live_****", []],
    ["WRONGPASS invalid username-password pair or user is disabled.", []],
  ])("%s", (line, users) => {
    expect(credentialsRefused.test(line.toLowerCase())).toBe(true)
    expect(refusedUsers(line)).toEqual(users)
  })

  it("is not authorization, a filesystem or a timeout", () => {
    for (const line of [
      "AccessDenied: User arn:aws:sts::1:assumed-role/x is not authorized to perform: s3:GetObject",
      "open /data/cache: permission denied",
      "403 Forbidden: role lacks scope orders:write",
      "HikariPool-1 - Connection is not available, request timed out after 30000ms",
    ])
      expect(refusalIn("orders-api", line, 0), line).toBeNull()
  })
})

describe("a rotation explains a service's refusals", () => {
  it("when the user it set is the one refused", () => {
    const [r] = pgRotation()
    expect(r && rotationExplains(r, refusal({ service: "checkout", users: ["orders_rw"] }))).toBe(true)
  })

  it("when the secret shares a distinctive word of the service's name", () => {
    const [r] = pgRotation()
    expect(r && rotationExplains(r, refusal())).toBe(true)
    expect(distinctiveWords("orders-api")).toEqual(["orders"])
    expect(distinctiveWords("SecretsManagerRDSPostgreSQLRotationSingleUser-billing")).toContain("billing")
  })

  it("not another team's secret, nor one rotated after the refusals began", () => {
    const [r] = pgRotation()
    expect(r && rotationExplains(r, refusal({ service: "payments-api", users: ["payments_app"] }))).toBe(
      false,
    )
    expect(r && rotationExplains(r, refusal({ firstMs: ms("2026-05-02T00:59:00Z") }))).toBe(false)
  })

  it("not by generic words (api, db, prod) alone", () => {
    const [r] = rotationsOf([
      {
        step: "finishSecret",
        atMs: 0,
        secret: "prod/db/api-credentials",
        user: null,
        group: "/aws/lambda/rotation",
      },
    ])
    expect(r && rotationExplains(r, refusal({ service: "search-api", firstMs: 10 }))).toBe(false)
  })
})

describe("how a cause names it", () => {
  it("reads what rotated and when from the finding it made", () => {
    const f = finding("cloudwatch_logs", {
      kind: "credential_rotation",
      title: rotationTitle(
        "orders-api",
        "Secrets Manager secret prod/orders/orders-db (user orders_rw)",
        ms("2026-05-02T01:00:09Z"),
        'before its first "password authentication failed" at 01:20:00Z',
      ),
      observedAt: at("2026-05-02T01:00:09Z"),
    })
    expect(rotationPhrase(f)).toBe(
      "rotation of Secrets Manager secret prod/orders/orders-db (user orders_rw) at 01:00 UTC",
    )
    expect(rotationPhrase({ ...f, kind: "rollout" })).toBeNull()
  })
})
