/**
 * batch/v1 CronJobs and Jobs, minimal and lenient like `kubernetes.ts`: what says whether a
 * scheduled job ran, was skipped or was mistimed — the schedule, `suspend`, `concurrencyPolicy`,
 * the CronJob's active runs and last schedule, a Job's deadline, start, completion and
 * conditions (DeadlineExceeded), and the run's pod template env (the hosts it works on).
 */
import { Schema } from "effect"
import { Condition, list, ObjectMeta, ObjectReference, opt } from "./kubernetes.js"
import { PodTemplate } from "./kubernetes-workloads.js"

const JobSpec = Schema.Struct({
  activeDeadlineSeconds: opt(Schema.Number),
  backoffLimit: opt(Schema.Number),
  suspend: opt(Schema.Boolean),
  template: opt(PodTemplate),
})

export const Job = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(JobSpec, { nullable: true, default: () => ({}) }),
  status: Schema.optionalWith(
    Schema.Struct({
      active: opt(Schema.Number),
      succeeded: opt(Schema.Number),
      failed: opt(Schema.Number),
      startTime: opt(Schema.String),
      completionTime: opt(Schema.String),
      conditions: list(Condition),
    }),
    { nullable: true, default: () => ({ conditions: [] }) },
  ),
})
export type Job = typeof Job.Type

export const CronJob = Schema.Struct({
  metadata: ObjectMeta,
  spec: Schema.optionalWith(
    Schema.Struct({
      schedule: opt(Schema.String),
      timeZone: opt(Schema.String),
      suspend: opt(Schema.Boolean),
      concurrencyPolicy: opt(Schema.String),
      startingDeadlineSeconds: opt(Schema.Number),
      jobTemplate: opt(Schema.Struct({ spec: opt(JobSpec) })),
    }),
    { nullable: true, default: () => ({}) },
  ),
  status: Schema.optionalWith(
    Schema.Struct({
      active: list(ObjectReference),
      lastScheduleTime: opt(Schema.String),
      lastSuccessfulTime: opt(Schema.String),
    }),
    { nullable: true, default: () => ({ active: [] }) },
  ),
})
export type CronJob = typeof CronJob.Type
