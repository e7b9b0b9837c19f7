import { resolve } from 'node:path';
import { z } from 'zod';

const booleanish = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().min(1).optional());

/** Every environment variable the app reads; `.env.example` documents each one. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('.data'),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REQUEST_LOG_LEVEL: z.enum(['info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  MEILI_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  MEILI_MASTER_KEY: optionalString,
  MEILI_BIN: optionalString,
  MEILI_MAX_INDEXING_THREADS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(256).optional()),
  MEILI_MAX_INDEXING_MEMORY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+(\.\d+)?(KiB|MiB|GiB|TiB|KB|MB|GB|TB)$/, 'a size such as 512MiB or 2GiB')
      .optional(),
  ),
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/)
    .default('hpen'),
  SEARCH_RELAY: z.enum(['inline', 'off']).default('inline'),
  SEARCH_RELAY_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(100),
  SEARCH_RELAY_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  SEARCH_LAG_DEGRADED_SECONDS: z.coerce.number().int().min(1).default(60),
  SCHEDULER: z.enum(['inline', 'off']).default('inline'),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  REPORTS_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  JWT_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
  MFA_SECRET_KEY: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  COOKIE_SECURE: z.preprocess(emptyToUndefined, booleanish.optional()),
  TRUST_PROXY: z.preprocess(emptyToUndefined, booleanish.optional()).default(false),
  CORS_ORIGINS: optionalString,
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(300_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(0),
  UPLOAD_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SMTP_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  MAIL_FROM: z.string().default('Mạng lưới Trí thức Hải Phòng <no-reply@hpen.local>'),
  SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(['auto', 'true', 'false']).default('auto')),
  SEED_DEMO_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(10).max(128).optional()),
  WEB_DIST_DIR: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  logLevel: Env['LOG_LEVEL'];
  /** The level of the one line per request: below LOG_LEVEL (e.g. debug under info) hides them. */
  requestLogLevel: Env['REQUEST_LOG_LEVEL'];
  database: { driver: 'postgres'; url: string; poolMax: number } | { driver: 'pglite'; dataDir: string };
  meili:
    | { url: string; masterKey: string | undefined }
    | {
        spawn: true;
        binary: string | undefined;
        dataDir: string;
        maxIndexingThreads: number | undefined;
        maxIndexingMemory: string | undefined;
      };
  search: {
    indexPrefix: string;
    /** inline: the outbox relay runs inside the app; off: run `npm run search:relay` as its own process. */
    relay: 'inline' | 'off';
    /** How often an idle relay looks at the outbox; the app's own writes wake it at once. */
    pollMs: number;
    maxBackoffMs: number;
    /** /readyz reports "degraded" when the oldest undelivered change is older than this. */
    lagDegradedSeconds: number;
    /** Delivered outbox rows are deleted after this many days (undelivered ones never). */
    outboxRetentionDays: number;
  };
  /** Stored jobs (reminders, e-mail, digests): inline runs them in the app; off: `npm run scheduler` alone. */
  scheduler: { mode: 'inline' | 'off'; pollMs: number };
  /** The scheduler looks this often whether the stored dashboard figures need recomputing. */
  reports: { refreshSeconds: number };
  jwtSecret: string | undefined;
  /** Encrypts TOTP secrets at rest; generated into DATA_DIR when unset (runtime.ts). */
  mfaSecretKey: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  corsOrigins: string[];
  /** Whole request (headers and body) must arrive within requestMs (408); an idle socket closes after connectionMs (0 = never); an upload that sends nothing for uploadIdleMs is answered 408. */
  timeouts: { requestMs: number; connectionMs: number; uploadIdleMs: number };
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  signInThrottle: { maxPerAccount: number; maxPerIp: number; windowMinutes: number };
  smtpUrl: string | undefined;
  mailFrom: string;
  /** True when the demo seed should run at start (embedded defaults, or asked for). */
  seedDemo: boolean;
  seedDemoPassword: string | undefined;
  webDistDir: string;
}

export class ConfigError extends Error {}

/** Parses the environment once; the only place that reads process.env for the app. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MEILI_URL && !e.MEILI_MASTER_KEY) {
    throw new ConfigError('Invalid configuration:\n  MEILI_MASTER_KEY: required when MEILI_URL is set');
  }
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const embeddedDb = !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    requestLogLevel: e.REQUEST_LOG_LEVEL,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX }
      : { driver: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    meili: e.MEILI_URL
      ? { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY }
      : {
          spawn: true,
          binary: e.MEILI_BIN,
          dataDir: resolve(dataDir, 'meilisearch'),
          maxIndexingThreads: e.MEILI_MAX_INDEXING_THREADS,
          maxIndexingMemory: e.MEILI_MAX_INDEXING_MEMORY,
        },
    search: {
      indexPrefix: e.MEILI_INDEX_PREFIX,
      relay: e.SEARCH_RELAY,
      pollMs: e.SEARCH_RELAY_POLL_MS,
      maxBackoffMs: e.SEARCH_RELAY_MAX_BACKOFF_MS,
      lagDegradedSeconds: e.SEARCH_LAG_DEGRADED_SECONDS,
      outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    },
    scheduler: { mode: e.SCHEDULER, pollMs: e.SCHEDULER_POLL_MS },
    reports: { refreshSeconds: e.REPORTS_REFRESH_SECONDS },
    jwtSecret: e.JWT_SECRET,
    mfaSecretKey: e.MFA_SECRET_KEY,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS
      ? e.CORS_ORIGINS.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    timeouts: { requestMs: e.REQUEST_TIMEOUT_MS, connectionMs: e.CONNECTION_TIMEOUT_MS, uploadIdleMs: e.UPLOAD_IDLE_TIMEOUT_MS },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    signInThrottle: {
      maxPerAccount: e.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      maxPerIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
      windowMinutes: e.SIGN_IN_FAILURE_WINDOW_MINUTES,
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    // Never seed silently against a server database: only the embedded default, or when asked.
    seedDemo: e.SEED_DEMO === 'true' || (e.SEED_DEMO === 'auto' && embeddedDb),
    seedDemoPassword: e.SEED_DEMO_PASSWORD,
    webDistDir: resolve(e.WEB_DIST_DIR ?? 'web/dist'),
  };
}
