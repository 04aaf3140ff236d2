import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { type Config, loadConfig } from '../../../../config.ts';
import type { Db } from '../../../../db/database.ts';

/** A configuration for email tests: its own data dir and a fixed secret key, nothing listening. */
export function testConfig(environment: Record<string, string> = {}): Config {
  return loadConfig({
    FRONTLINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'frontline-email-')),
    FRONTLINE_LOG_LEVEL: 'silent',
    FRONTLINE_SECRET_KEY: 'e'.repeat(64),
    FRONTLINE_SMTP_HOST: '127.0.0.1',
    // A port nothing listens on unless a test starts the listener there.
    FRONTLINE_SMTP_PORT: '1',
    ...environment,
  });
}

/** DNS on a closed network: every lookup fails at once (SPF/DMARC then say `temperror`/`none`). */
export const closedNetworkResolver = async (name: string) => {
  throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

export type SmtpAnswer = { accepted: boolean; code: number; response: string };

/**
 * Delivers a raw message to an SMTP server the way a sending MTA would (nodemailer as the
 * client), and reports the server's final answer instead of throwing on 4xx/5xx.
 */
export async function deliverRaw(
  port: number,
  message: { from: string; to: string[]; raw: Buffer | string },
): Promise<SmtpAnswer> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      envelope: { from: message.from, to: message.to },
      raw: message.raw,
    });
    return { accepted: true, code: Number(info.response.slice(0, 3)), response: info.response };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return {
      accepted: false,
      code: failure.responseCode ?? 0,
      response: failure.response ?? failure.message,
    };
  } finally {
    transport.close();
  }
}

/** A small RFC 5322 message for tests; headers given override the defaults. */
export function buildMessage(options: {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  headers?: Record<string, string>;
  body?: string;
}): string {
  const headers: Record<string, string> = {
    From: options.from ?? 'Ona Žukauskienė <ona@example.lt>',
    To: options.to ?? 'pagalba@shop.example',
    Subject: options.subject ?? 'Siuntinys',
    'Message-ID': `<${options.messageId ?? `${Math.random().toString(36).slice(2)}@example.lt`}>`,
    Date: new Date().toUTCString(),
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
    ...options.headers,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  return `${head}\r\n\r\n${(options.body ?? 'Laba diena, kur mano siuntinys? Užsakiau prieš savaitę.').replace(/\r?\n/g, '\r\n')}\r\n`;
}

/** Payloads of graphile-worker jobs waiting for `task` (its public view hides payloads). */
export async function queuedJobs(db: Db, task: string) {
  const { rows } = await sql<{ payload: Record<string, unknown> }>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task}`.execute(db);
  return rows.map((row) => row.payload);
}

/** Polls until `check` stops throwing (work done by a job worker in the background). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
