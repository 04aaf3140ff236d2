import type { ChatAttachment, RequestConfirmation } from '@frontline/contracts';
import { newClientId } from './connection.ts';
import { h } from './dom.ts';
import { field, isEmail, showErrors } from './fields.ts';
import { type Language, languageNames, languages, type TextKey } from './i18n.ts';
import { UploadError, uploadFile } from './upload.ts';

type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** Pre-chat: name, email (optional), language and the first message. */
export function preChatForm(options: {
  t: Translate;
  language: Language;
  profile: { name: string; email: string | null };
  waitText: string | null;
  onLanguage: (language: Language) => void;
  onStart: (input: { name: string; email: string; language: Language; message: string }) => void;
}) {
  const { t } = options;
  const name = field(
    t('name'),
    h('input', { type: 'text', autocomplete: 'name', value: options.profile.name, required: true }),
  );
  const email = field(
    t('emailOptional'),
    h('input', { type: 'email', autocomplete: 'email', value: options.profile.email ?? '' }),
  );
  const language = field(
    t('language'),
    h(
      'select',
      {
        onchange: (event: Event) => options.onLanguage((event.target as HTMLSelectElement).value as Language),
      },
      languages.map((code) =>
        h('option', { value: code, selected: code === options.language, lang: code }, languageNames[code]),
      ),
    ),
  );
  const message = field(t('message'), h('textarea', { rows: 3, required: true }));
  const submit = (event: Event) => {
    event.preventDefault();
    const isValid = showErrors([
      [name, name.control.value.trim() ? null : t('nameRequired')],
      [email, !email.control.value.trim() || isEmail(email.control.value) ? null : t('emailInvalid')],
      [message, message.control.value.trim() ? null : t('required')],
    ]);
    if (!isValid) return;
    options.onStart({
      name: name.control.value.trim(),
      email: email.control.value.trim(),
      language: language.control.value as Language,
      message: message.control.value.trim(),
    });
  };
  return h(
    'form',
    { novalidate: true, onsubmit: submit },
    h('p', {}, t('intro')),
    // Kept up to date by the widget while the form is open (data-wait marks it).
    h(
      'p',
      { class: 'note', 'data-wait': '' },
      options.waitText ? t('expectedWait', { wait: options.waitText }) : '',
    ),
    name.wrapper,
    email.wrapper,
    language.wrapper,
    message.wrapper,
    h('button', { class: 'primary', type: 'submit' }, t('startChat')),
  );
}

/** When nobody can chat: a request answered by email (name and email required). */
export function offlineForm(options: {
  t: Translate;
  reason: 'closed' | 'no_agents' | 'disabled' | 'open';
  profile: { name: string; email: string | null };
  send: (body: {
    clientId: string;
    name: string;
    email: string;
    message: string;
  }) => Promise<RequestConfirmation>;
  onSent: (confirmation: RequestConfirmation) => void;
}) {
  const { t } = options;
  const clientId = newClientId();
  const name = field(
    t('name'),
    h('input', { type: 'text', autocomplete: 'name', value: options.profile.name, required: true }),
  );
  const email = field(
    t('email'),
    h('input', { type: 'email', autocomplete: 'email', value: options.profile.email ?? '', required: true }),
  );
  const message = field(t('message'), h('textarea', { rows: 4, required: true }));
  const alert = h('div', { class: 'alert', role: 'alert' });
  const button = h('button', { class: 'primary', type: 'submit' }, t('sendRequest'));
  const submit = async (event: Event) => {
    event.preventDefault();
    alert.textContent = '';
    const isValid = showErrors([
      [name, name.control.value.trim() ? null : t('nameRequired')],
      [
        email,
        !email.control.value.trim()
          ? t('emailRequired')
          : isEmail(email.control.value)
            ? null
            : t('emailInvalid'),
      ],
      [message, message.control.value.trim() ? null : t('required')],
    ]);
    if (!isValid) return;
    button.disabled = true;
    try {
      options.onSent(
        await options.send({
          clientId,
          name: name.control.value.trim(),
          email: email.control.value.trim(),
          message: message.control.value.trim(),
        }),
      );
    } catch {
      alert.textContent = t('failed');
      button.disabled = false;
    }
  };
  return h(
    'form',
    { novalidate: true, onsubmit: submit },
    h('p', {}, t(options.reason === 'closed' ? 'offlineClosed' : 'offlineNoAgents')),
    alert,
    name.wrapper,
    email.wrapper,
    message.wrapper,
    button,
  );
}

/** The message box: Enter sends, Shift+Enter is a new line; files are uploaded when picked. */
export function composer(options: {
  t: Translate;
  serverUrl: string;
  token: () => string | null;
  onSend: (body: string, attachments: ChatAttachment[]) => void;
  onTyping: () => void;
  onNotice: (text: string) => void;
}) {
  const { t } = options;
  const input = h('textarea', { rows: 1, 'aria-label': t('composer'), placeholder: t('composer') });
  const fileInput = h('input', {
    type: 'file',
    class: 'sr-only',
    tabindex: -1,
    'aria-hidden': 'true',
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain',
  });
  const send = () => {
    const body = input.value.trim();
    if (!body) return;
    options.onSend(body, []);
    input.value = '';
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  });
  input.addEventListener('input', () => options.onTyping());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    const token = options.token();
    if (!file || !token) return;
    try {
      const attachment = await uploadFile(options.serverUrl, '/api/v1/public/chat/uploads', file, {
        'x-visitor-token': token,
      });
      options.onSend(input.value.trim(), [attachment]);
      input.value = '';
    } catch (error) {
      options.onNotice(t(error instanceof UploadError ? error.reason : 'failed'));
    }
  });
  const element = h(
    'div',
    { class: 'row' },
    input,
    fileInput,
    h(
      'button',
      { class: 'secondary', type: 'button', onclick: () => fileInput.click() },
      h('span', { 'aria-hidden': 'true' }, '📎'),
      h('span', { class: 'sr-only' }, t('attach')),
    ),
    h('button', { class: 'primary', type: 'button', onclick: send }, t('send')),
  );
  return { element, focus: () => input.focus() };
}
