import path from 'node:path';
import { z } from 'zod';

/** The server's roles; one process may run several. */
export const serverRoles = ['web', 'worker', 'mail'] as const;
export type ServerRole = (typeof serverRoles)[number];

const environmentSchema = z.object({
  // Not z.url(): a Unix-socket URL (`postgresql://user@/db?host=/run/postgresql`) has no host part.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgresql:// connection URL')
    .optional(),
  FRONTLINE_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  FRONTLINE_ROLES: z
    .string()
    .default('web,worker,mail')
    .transform((value) => value.split(',').map((role) => role.trim()))
    .pipe(z.array(z.enum(serverRoles)).min(1)),
  FRONTLINE_ADMIN_EMAIL: z.string().email().optional(),
  FRONTLINE_ADMIN_PASSWORD: z.string().min(10).optional(),
  FRONTLINE_PUBLIC_URL: z.string().url().optional(),
  FRONTLINE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime in hours; sliding, renewed on use. */
  FRONTLINE_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Largest accepted request body, in bytes. */
  FRONTLINE_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  /** Marks cookies Secure; on by default when the public URL is https. */
  FRONTLINE_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  FRONTLINE_WEB_DIST: z.string().optional(),
  /** ISO country for phone numbers written without a country code, e.g. `LT`. */
  FRONTLINE_DEFAULT_PHONE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as LT')
    .optional(),
  /** The `mail` role's SMTP listener (inbound mail routed by recipient to a mailbox). */
  FRONTLINE_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  FRONTLINE_SMTP_HOST: z.string().min(1).optional(),
  /**
   * PEM certificate (chain) and private key files for the SMTP listener: with both set it offers
   * STARTTLS, so sending servers can encrypt; without them STARTTLS is not advertised.
   */
  FRONTLINE_SMTP_TLS_CERT: z.string().min(1).optional(),
  FRONTLINE_SMTP_TLS_KEY: z.string().min(1).optional(),
  /** Largest accepted inbound email, in bytes (SMTP SIZE; bigger gets 552). */
  FRONTLINE_MAIL_MAX_BYTES: z.coerce.number().int().positive().default(26_214_400),
  /** Outbound mail relay, e.g. `smtp://127.0.0.1:2526`; a mailbox may set its own. */
  SMTP_URL: z.string().url().optional(),
  /**
   * 32-byte key (base64 or hex) encrypting stored secrets such as IMAP passwords. Without it a key
   * file is generated in the data dir; several instances on one database must share one key.
   */
  FRONTLINE_SECRET_KEY: z.string().min(32).optional(),
  /** Where text messages go: `log` writes them to the log (development), `twilio` sends them. */
  FRONTLINE_SMS_PROVIDER: z.enum(['log', 'twilio']).default('log'),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC…)')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  /** The sending number (E.164, e.g. +37060000000) or a Messaging Service SID (MG…). */
  TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, 'must be an E.164 number or MG… SID')
    .optional(),
  /** Twilio's API address; tests point it at a local fake. */
  FRONTLINE_TWILIO_BASE_URL: z.string().url().default('https://api.twilio.com'),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  roles: ServerRole[];
  admin: { email: string | undefined; password: string | undefined };
  publicUrl: string;
  logLevel: z.infer<typeof environmentSchema>['FRONTLINE_LOG_LEVEL'];
  sessionHours: number;
  bodyLimit: number;
  secureCookies: boolean;
  webDist: string | undefined;
  defaultPhoneCountry: string | undefined;
  email: {
    smtpPort: number;
    smtpHost: string;
    maxMessageBytes: number;
    /** Files (absolute paths) of the listener's STARTTLS certificate and key; null: no STARTTLS. */
    smtpTls: { certFile: string; keyFile: string } | null;
    smtpUrl: string | undefined;
    secretKey: string | undefined;
  };
  sms: SmsConfig;
};

export type SmsConfig =
  | { provider: 'log' }
  | { provider: 'twilio'; accountSid: string; authToken: string; from: string; baseUrl: string };

export class ConfigError extends Error {}

/** Reads configuration from the environment; the only place that touches `process.env`. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  if (
    env.FRONTLINE_SMS_PROVIDER === 'twilio' &&
    !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM)
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  FRONTLINE_SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM',
    );
  }
  if (Boolean(env.FRONTLINE_SMTP_TLS_CERT) !== Boolean(env.FRONTLINE_SMTP_TLS_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  FRONTLINE_SMTP_TLS_CERT and FRONTLINE_SMTP_TLS_KEY must be set together',
    );
  }
  const publicUrl = env.FRONTLINE_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.FRONTLINE_DATA_DIR),
    port: env.PORT,
    host: env.HOST,
    roles: [...new Set(env.FRONTLINE_ROLES)],
    admin: { email: env.FRONTLINE_ADMIN_EMAIL, password: env.FRONTLINE_ADMIN_PASSWORD },
    publicUrl,
    logLevel: env.FRONTLINE_LOG_LEVEL,
    sessionHours: env.FRONTLINE_SESSION_HOURS,
    bodyLimit: env.FRONTLINE_BODY_LIMIT,
    secureCookies: env.FRONTLINE_SECURE_COOKIES
      ? env.FRONTLINE_SECURE_COOKIES === 'true'
      : publicUrl.startsWith('https:'),
    webDist: env.FRONTLINE_WEB_DIST,
    defaultPhoneCountry: env.FRONTLINE_DEFAULT_PHONE_COUNTRY,
    email: {
      smtpPort: env.FRONTLINE_SMTP_PORT,
      smtpHost: env.FRONTLINE_SMTP_HOST ?? env.HOST,
      maxMessageBytes: env.FRONTLINE_MAIL_MAX_BYTES,
      smtpTls:
        env.FRONTLINE_SMTP_TLS_CERT && env.FRONTLINE_SMTP_TLS_KEY
          ? {
              certFile: path.resolve(env.FRONTLINE_SMTP_TLS_CERT),
              keyFile: path.resolve(env.FRONTLINE_SMTP_TLS_KEY),
            }
          : null,
      smtpUrl: env.SMTP_URL,
      secretKey: env.FRONTLINE_SECRET_KEY,
    },
    sms:
      env.FRONTLINE_SMS_PROVIDER === 'twilio'
        ? {
            provider: 'twilio',
            accountSid: env.TWILIO_ACCOUNT_SID!,
            authToken: env.TWILIO_AUTH_TOKEN!,
            from: env.TWILIO_FROM!,
            baseUrl: env.FRONTLINE_TWILIO_BASE_URL.replace(/\/+$/, ''),
          }
        : { provider: 'log' },
  };
}
