import { resolve } from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./logger";

/**
 * The one module that reads process.env (DESIGN.md habit 6). Everything else
 * receives a typed Config. .env.example lists the variables.
 */
const emptyAsUndefined = (value: unknown): unknown => (value === "" ? undefined : value);

const Env = z
  .object({
    COSMOS_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    COSMOS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    COSMOS_DATABASE: z.preprocess(emptyAsUndefined, z.string().min(1).default("convene")),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default("./data")),
    SCHEDULER_INTERVAL_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(100).max(3_600_000).default(5000),
    ),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).default("info")),
  })
  .refine((env) => env.COSMOS_ENDPOINT === undefined || env.COSMOS_KEY !== undefined, {
    message: "COSMOS_KEY is required when COSMOS_ENDPOINT is set",
    path: ["COSMOS_KEY"],
  });

export type StoreConfig =
  | { kind: "cosmos"; endpoint: string; key: string; databaseId: string }
  | { kind: "sqlite"; file: string };

export interface Config {
  store: StoreConfig;
  schedulerIntervalMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

export class ConfigError extends Error {
  readonly code = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    // Names and reasons only: a value here may be a secret (COSMOS_KEY).
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const store: StoreConfig =
    e.COSMOS_ENDPOINT !== undefined && e.COSMOS_KEY !== undefined
      ? {
          kind: "cosmos",
          endpoint: e.COSMOS_ENDPOINT,
          key: e.COSMOS_KEY,
          databaseId: e.COSMOS_DATABASE,
        }
      : { kind: "sqlite", file: resolve(e.DATA_DIR, "convene.sqlite") };
  return { store, schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS, logLevel: e.LOG_LEVEL };
}
