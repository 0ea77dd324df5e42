/**
 * A moment as findings and causes print it: "14:02", UTC (every timestamp in the system is UTC;
 * the reader's timezone is the chat client's business). Pure.
 */

/** Hours and minutes of an epoch-milliseconds moment, UTC ("14:02"). */
export const utcHhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16)
