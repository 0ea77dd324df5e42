/**
 * dynalite (in-process DynamoDB for tests and local runs) ships no types. Only what we call is
 * declared: the factory returns a plain `http.Server` that still has to `listen`.
 */
declare module "dynalite" {
  import type { Server } from "node:http"

  namespace dynalite {
    interface Options {
      /** ms a table stays CREATING (default 500; 0 makes tests fast) */
      readonly createTableMs?: number
      readonly deleteTableMs?: number
      readonly updateTableMs?: number
      readonly maxItemSizeKb?: number
      /** LevelDB directory; in-memory when absent */
      readonly path?: string
      readonly verbose?: boolean
      readonly debug?: boolean
    }
  }

  function dynalite(options?: dynalite.Options): Server
  export = dynalite
}
