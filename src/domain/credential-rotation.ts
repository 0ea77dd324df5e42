/**
 * A credential rotated while its clients still hold the old value: what the rotation's own
 * records say (a Secrets Manager rotation function's createSecret / setSecret / testSecret /
 * finishSecret steps, a custom rotator's "rotation succeeded"), which users and secret it
 * changed, and whether it is the change behind a service's refused credentials ("password
 * authentication failed for user …", "Access denied for user …", "invalid api key", 401). A
 * rotation is laid at a service's door only when it began before the service's first refusal
 * and the two share a database user or a distinctive word of the service's name (the secret
 * `prod/billing/db-app` and `billing-api`); a rotation of another team's secret, or one after
 * the refusals began, is not. The finding's title carries what rotated, so the cause can say
 * it in its own words (rotationPhrase). Pure.
 */
import type { Finding } from "./finding.js"
import { utcHhmm } from "./utc-clock.js"

/** The rotation steps of the Secrets Manager rotation contract, in order. */
export type RotationStep = "createSecret" | "setSecret" | "testSecret" | "finishSecret" | "rotated"

export interface RotationLine {
  readonly step: RotationStep
  readonly atMs: number
  /** The secret's name (an ARN's name without its random suffix), when the line names it. */
  readonly secret: string | null
  /** The database user whose password was set, when the line names it. */
  readonly user: string | null
  /** Where it was logged (the rotation function's log group). */
  readonly group: string
}

export interface Rotation {
  /** The secret's name, else the log group's (one rotation function, one secret). */
  readonly secret: string
  readonly users: ReadonlyArray<string>
  readonly group: string
  /** The first step's time: the old value may stop working from here (setSecret). */
  readonly startedMs: number
  /** When the new value became current (finishSecret, a rotator's "succeeded"); else the last step. */
  readonly doneMs: number
  readonly steps: ReadonlyArray<RotationStep>
  /** Secrets Manager's own contract (createSecret … finishSecret), not a custom rotator's words. */
  readonly secretsManager: boolean
}

// `arn:aws:secretsmanager:us-east-2:903118224650:secret:prod/billing/db-app-Qx81Lm`: the name
// without the six characters Secrets Manager appends.
const secretArn =
  /arn:aws[\w-]*:secretsmanager:[\w-]*:\d*:secret:([\w/+=.@-]+?)(?:-[A-Za-z0-9]{6})?(?=[\s.,;:)"'\]]|$)/
const steps: ReadonlyArray<RotationStep> = ["createSecret", "setSecret", "testSecret", "finishSecret"]
const stepWord = /\b(createSecret|setSecret|testSecret|finishSecret)\b/
// The steps that change something: a step that only checked or found nothing to do does not.
const stepDone =
  /successfully (?:put secret|set (?:password|awscurrent)|signed into|set the password|updated|rotated|changed)|set awscurrent stage|created (?:a new )?access key|stored awspending|moved awscurrent/i
// An access-key rotator names the IAM user whose key it replaced ("created access key … for IAM user ses-smtp-app").
const iamUser = /\biam user\s+["'`]?([\w+=,.@-]+?)["'`]?(?=[\s,;:)]|$)/i
// A secret named by its path without an ARN ("stored AWSPENDING for prod/mailer/smtp").
const pathSecret = /\b(?:secret|for|of)\s+["'`]?((?:[A-Za-z][\w.+=@-]*\/)+[\w.+=@-]*[A-Za-z0-9])/i
const passwordUser =
  /set (?:the )?password for (?:user |the user |username )?["'`]?([A-Za-z0-9_.$@-]+?)["'`]?(?=[\s.,;:)]|$)/i
// A custom rotator's words: "rotation succeeded for prod/api/stripe-key", "Successfully rotated secret X".
const rotatedWords =
  /\brotation (?:succeeded|successful|completed?|finished|done)\b|\bsuccessfully rotated\b|\brotated (?:secret|key|credentials?|password|token)\b|\b(?:deactivated|deleted|disabled) (?:the )?(?:previous|old|prior) (?:access )?keys?\b/i
const namedSecret =
  /\b(?:secret|key|credentials?)\s+(?:for\s+|named\s+|id\s+)?["'`]?([\w][\w/+=.@-]{2,})["'`]?/i

/** A rotation function's log line, read; null when it records no rotation step that changed something. */
export const rotationLine = (message: string, atMs: number, group: string): RotationLine | null => {
  const arn = secretArn.exec(message)?.[1] ?? pathSecret.exec(message)?.[1] ?? null
  const step = steps.find((s) => s === stepWord.exec(message)?.[1])
  if (step !== undefined) {
    if (!stepDone.test(message)) return null
    const user =
      step === "setSecret"
        ? (passwordUser.exec(message)?.[1] ?? iamUser.exec(message)?.[1] ?? null)
        : (iamUser.exec(message)?.[1] ?? null)
    return { step, atMs, secret: arn, user, group }
  }
  if (!rotatedWords.test(message) || /\b(?:fail|failed|failure|error|unable)\b/i.test(message)) return null
  // An old key's id ("deactivated previous access key AKIA…") is no secret's name.
  const named = arn === null ? (namedSecret.exec(message.replace(rotatedWords, " "))?.[1] ?? null) : null
  return {
    step: "rotated",
    atMs,
    secret: arn ?? (named !== null && /^AKIA|^ASIA/.test(named) ? null : named),
    user: null,
    group,
  }
}

const smSteps: ReadonlySet<RotationStep> = new Set(steps)

/**
 * One rotation per secret and log group, from its lines (any order). A rotation that never
 * changed the value (no setSecret, finishSecret or custom "rotated") is none.
 */
export const rotationsOf = (lines: ReadonlyArray<RotationLine>): ReadonlyArray<Rotation> => {
  const byGroup = new Map<string, Array<RotationLine>>()
  for (const l of lines) byGroup.set(l.group, [...(byGroup.get(l.group) ?? []), l])
  return [...byGroup.entries()].flatMap(([group, ls]) => {
    // A line without the secret's name belongs to the secret its group's other lines name.
    const named = [...new Set(ls.flatMap((l) => (l.secret === null ? [] : [l.secret])))]
    const secrets = named.length === 0 ? [group] : named
    return secrets.flatMap((secret): ReadonlyArray<Rotation> => {
      const mine = ls
        .filter((l) => l.secret === secret || (l.secret === null && (named.length <= 1 || secret === group)))
        .sort((a, b) => a.atMs - b.atMs)
      const changed = mine.some(
        (l) => l.step === "setSecret" || l.step === "finishSecret" || l.step === "rotated",
      )
      const first = mine[0]
      const last = mine[mine.length - 1]
      if (!changed || first === undefined || last === undefined) return []
      const done = [...mine].reverse().find((l) => l.step === "finishSecret" || l.step === "rotated") ?? last
      return [
        {
          secret: secret === group ? group.replace(/^.*\//, "") : secret,
          users: [...new Set(mine.flatMap((l) => (l.user === null ? [] : [l.user])))],
          group,
          startedMs: first.atMs,
          doneMs: done.atMs,
          steps: [...new Set(mine.map((l) => l.step))],
          secretsManager: mine.some((l) => smSteps.has(l.step)),
        },
      ]
    })
  })
}

/**
 * Credentials refused, in lower case: a database refusing the login, a provider refusing the
 * key or token. Authorization (403 on a role, "permission denied" on a file) is not a
 * credential going stale and is left out, unless it says the key or token is the problem.
 */
export const credentialsRefused =
  /password authentication failed|access denied for user|login failed for user|authentication failed for user|invalid (?:username|user name)(?:\/| or )password|wrongpass|invalid password|incorrect password|(?:invalid|incorrect|expired|revoked|bad) (?:api[ _-]?)?(?:key|token|credentials?|secret)\b|(?:api[ _-]?key|token|credentials?|secret)\b[^\n]{0,20}\b(?:is )?(?:invalid|expired|revoked|not valid)|\b401\b|unauthori[sz]ed|sasl authentication failed|authentication (?:failed|failure)|ora-01017|28p01|\b1045\b/

// "for user "billing_app"", "Access denied for user 'app'@'10.0.0.5'", "Login failed for user 'sa'".
const refusedUser = /(?:for user|user)\s+["'`]([A-Za-z0-9_.$-]{2,})["'`]|for user\s+([A-Za-z0-9_.$-]{2,})/gi

/** The users a refusal names (lower-case). */
export const refusedUsers = (text: string): ReadonlyArray<string> =>
  [
    ...new Set(
      [...text.matchAll(refusedUser)].flatMap((m) => {
        const u = (m[1] ?? m[2] ?? "").toLowerCase()
        return u === "" ? [] : [u]
      }),
    ),
  ].filter((u) => !/^(?:null|none|unknown)$/.test(u))

/** A service's refused credentials: who refused them first, and which users the refusals name. */
export interface Refusal {
  /** The service whose lines are refused (its name as findings give it). */
  readonly service: string
  readonly users: ReadonlyArray<string>
  readonly firstMs: number
  /** The refusal's own words, short ("password authentication failed"). */
  readonly words: string
}

const refusalWords = (text: string): string =>
  /password authentication failed/i.test(text)
    ? "password authentication failed"
    : /access denied for user/i.test(text)
      ? "access denied"
      : /login failed for user/i.test(text)
        ? "login failed"
        : /\b401\b|unauthori[sz]ed/i.test(text)
          ? "401 Unauthorized"
          : "credentials refused"

/** A refusal from a line, or null when the line refuses no credential. */
export const refusalIn = (service: string, text: string, atMs: number): Refusal | null =>
  credentialsRefused.test(text.toLowerCase())
    ? { service, users: refusedUsers(text), firstMs: atMs, words: refusalWords(text) }
    : null

// Too generic to tie a secret to a service by.
const vague = new Set(
  "api app apps web www svc service services server worker workers job jobs prod production staging stage dev test main core db rds database postgres postgresql mysql aurora redis secret secrets cred creds credential credentials password passwords key keys token tokens user users rotation rotator lambda function aws secretsmanager manager single multi singleuser multiuser cluster default internal backend frontend".split(
    " ",
  ),
)

/** A name's distinctive words (`billing-api` → billing), lower-case, at least four letters. */
export const distinctiveWords = (name: string): ReadonlyArray<string> => [
  ...new Set(
    name
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !vague.has(w) && /[a-z]/.test(w)),
  ),
]

/** The rotation's database users, without the alternating-users strategy's `_clone`. */
const baseUser = (u: string): string => u.toLowerCase().replace(/_clone$/, "")

/**
 * Whether `rotation` is the change behind `refusal`: it began no later than the first refusal
 * and they share a database user, or the secret's (or its rotation function's) name shares a
 * distinctive word of the service's name.
 */
export const rotationExplains = (rotation: Rotation, refusal: Refusal): boolean => {
  if (rotation.startedMs > refusal.firstMs) return false
  const users = new Set(rotation.users.map(baseUser))
  if (refusal.users.some((u) => users.has(baseUser(u)))) return true
  const own = distinctiveWords(refusal.service)
  const theirs = new Set([...distinctiveWords(rotation.secret), ...distinctiveWords(rotation.group)])
  return own.some((w) => theirs.has(w))
}

const hhmmss = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)}Z`
const hhmm = (ms: number): string => `${utcHhmm(ms)} UTC`

/** What rotated, in words: "Secrets Manager secret prod/billing/db-app (user billing_app)". */
export const rotatedWhat = (rotation: Pick<Rotation, "secret" | "users" | "secretsManager">): string => {
  const users = rotation.users.length === 0 ? "" : ` (user ${rotation.users.join(", ")})`
  return `${rotation.secretsManager ? "Secrets Manager secret" : "secret"} ${rotation.secret}${users}`
}

const marker = " rotated at "

/** A credential_rotation finding's title: "<service>: <what> rotated at 04:00:16Z, before …". */
export const rotationTitle = (service: string, what: string, atMs: number, after: string): string =>
  `${service}:${` ${what}`}${marker}${hhmmss(atMs)}, ${after}`

/**
 * How a cause names a credential_rotation change: "rotation of Secrets Manager secret
 * prod/billing/db-app (user billing_app) at 04:00 UTC" — null for any other finding.
 */
export const rotationPhrase = (f: Finding): string | null => {
  if (f.kind !== "credential_rotation") return null
  const lead = f.title.indexOf(": ")
  const end = f.title.indexOf(marker)
  const what = lead >= 0 && end > lead ? f.title.slice(lead + 2, end) : "credentials"
  const at = f.observedAt === null ? "" : ` at ${hhmm(f.observedAt.epochMillis)}`
  return `rotation of ${what}${at}`
}
