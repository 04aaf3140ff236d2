import type { SmsConfig } from '../../../config.ts';
import { type OutgoingSms, type SentSms, SmsSendError } from './sms-provider.ts';

type TwilioConfig = Extract<SmsConfig, { provider: 'twilio' }>;

/** Twilio answers in well under a second; a hung connection must not hold a job forever. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends one message with Twilio's Messages API: a form-encoded POST with HTTP basic auth
 * (Account SID : Auth Token). `From` is a number; a Messaging Service SID (`MG…`) goes in
 * `MessagingServiceSid` instead, as Twilio requires.
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 */
export async function sendTwilioSms(config: TwilioConfig, sms: OutgoingSms): Promise<SentSms> {
  const form = new URLSearchParams({ To: sms.to, Body: sms.body });
  if (config.from.startsWith('MG')) form.set('MessagingServiceSid', config.from);
  else form.set('From', config.from);
  const url = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SmsSendError(`Twilio could not be reached: ${(error as Error).message}`, true);
  }
  const answer = (await response.json().catch(() => ({}))) as {
    sid?: unknown;
    message?: unknown;
    code?: unknown;
  };
  if (response.ok && typeof answer.sid === 'string') return { providerMessageId: answer.sid };
  const reason = `Twilio answered ${response.status}${answer.code ? ` (error ${String(answer.code)})` : ''}${
    typeof answer.message === 'string' ? `: ${answer.message}` : ''
  }`;
  // 429 and 5xx pass; other 4xx (a wrong number, a blocked recipient, bad credentials) will not.
  throw new SmsSendError(reason, response.status === 429 || response.status >= 500 || response.ok);
}
