/** The decoded config.yaml as a service: domain services read their settings from it, never from files or env. */
import { Context } from "effect"
import type { AppConfig } from "./config.js"

export class AppSettings extends Context.Tag("sre-on-call/AppSettings")<AppSettings, AppConfig>() {}
