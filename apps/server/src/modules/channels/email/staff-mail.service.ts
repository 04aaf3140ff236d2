import nodemailer from 'nodemailer';
import type { StaffEmail } from '../../../platform/staff-mail.ts';
import { findOldestMailbox } from './outbound.repository.ts';
import { type OutboundDeps, smtpUrlFor } from './outbound.service.ts';

/**
 * Sends mail to a person who works in Frontline (an invitation): from the first mailbox's
 * address through its outbound server, or, with no mailbox yet, from `frontline@` the instance's
 * host through `SMTP_URL`. Throws when there is nowhere to send it, so the job is retried and
 * the failure shows in the worker's log; the admin who invited has the link either way.
 */
export async function sendStaffMail(deps: OutboundDeps, mail: StaffEmail) {
  const mailbox = await findOldestMailbox(deps.db);
  const smtpUrl = mailbox ? smtpUrlFor(deps, mailbox) : (deps.config.email.smtpUrl ?? null);
  if (!smtpUrl)
    throw new Error('No outbound mail server: set SMTP_URL or add a mailbox with its own SMTP URL');
  const from = mailbox
    ? { name: mailbox.name, address: mailbox.address }
    : { name: 'Frontline', address: `frontline@${new URL(deps.config.publicUrl).hostname}` };
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  } as object);
  try {
    await transport.sendMail({
      from,
      to: { name: mail.toName, address: mail.to },
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  } finally {
    transport.close();
  }
}
