export {
  createSmsProvider,
  type OutgoingSms,
  type SentSms,
  type SmsProvider,
  SmsSendError,
} from './sms-provider.ts';
