import { randomUUID } from 'node:crypto';
import type { SmsConfig } from '../../../config.ts';
import { sendTwilioSms } from './twilio-provider.ts';

/** One text message to one phone. `to` is E.164 (`+37061234567`). */
export type OutgoingSms = { to: string; body: string };

/** What the provider answered: its id for the message (Twilio's `SM…` SID). */
export type SentSms = { providerMessageId: string };

/**
 * A way to send text messages. Implementations throw `SmsSendError`; `isRetryable` says whether
 * trying again later may help (the provider was down or busy) or never will (a bad number).
 */
export type SmsProvider = {
  name: 'log' | 'twilio';
  send: (sms: OutgoingSms) => Promise<SentSms>;
};

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
  ) {
    super(message);
  }
}

/**
 * The configured provider: Twilio's REST API, or (the default, for development) one that only
 * writes the message to the log so nothing leaves the machine.
 *
 * @example createSmsProvider({ provider: 'log' }, console.info).send({ to: '+37061234567', body: 'Hi' })
 */
export function createSmsProvider(config: SmsConfig, log: (line: string) => void): SmsProvider {
  if (config.provider === 'twilio') {
    return { name: 'twilio', send: (sms) => sendTwilioSms(config, sms) };
  }
  return {
    name: 'log',
    send: async (sms) => {
      log(`SMS (log provider, not sent) to ${sms.to}: ${sms.body}`);
      return { providerMessageId: `log-${randomUUID()}` };
    },
  };
}
