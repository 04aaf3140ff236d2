import type { ChatAttachment, RequestConfirmation } from '@frontline/contracts';
import { newClientId } from './connection.ts';
import { h } from './dom.ts';
import { type Field, field, isEmail, showErrors } from './fields.ts';
import { browserTimeZone, type Language, type TextKey, translate } from './i18n.ts';
import { UploadError, uploadFile } from './upload.ts';

const topics = ['question', 'order', 'billing', 'technical', 'complaint', 'other'] as const;
const messageMinimum = 10;
const maxFiles = 5;

/**
 * The web form (hosted at /contact/form, or embedded with `data-frontline-form`): name, email,
 * topic, message and files; errors per field in the visitor's language — checked here first and
 * again by the server, whose per-field messages are shown the same way.
 */
export function mountWebForm(root: ShadowRoot, serverUrl: string, language: Language) {
  const t = (key: TextKey, values?: Record<string, string | number>) => translate(language, key, values);
  let clientId = newClientId();
  let attachments: ChatAttachment[] = [];

  const name = field(
    t('name'),
    h('input', { type: 'text', name: 'name', autocomplete: 'name', required: true }),
  );
  const email = field(
    t('email'),
    h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true }),
  );
  const topic = field(
    t('topic'),
    h(
      'select',
      { name: 'topic', required: true },
      h('option', { value: '' }, t('topicChoose')),
      topics.map((code) => h('option', { value: code }, t(`topic_${code}`))),
    ),
  );
  const message = field(t('message'), h('textarea', { name: 'message', rows: 6, required: true }));
  const files = field(
    t('attachments'),
    h('input', {
      type: 'file',
      multiple: true,
      accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain',
    }),
  );
  const fileList = h('ul', { class: 'files' });
  files.wrapper.append(fileList);
  // People never see or reach this field; bots that fill every input do.
  const honeypot = h('input', {
    type: 'text',
    name: 'website',
    tabindex: -1,
    autocomplete: 'off',
    id: 'fl-website',
  });
  const alert = h('div', { class: 'alert', role: 'alert' });
  const button = h('button', { class: 'primary', type: 'submit' }, t('submit'));
  const byPath: Record<string, Field<HTMLElement>> = {
    'body.name': name,
    'body.email': email,
    'body.topic': topic,
    'body.message': message,
    'body.attachmentIds': files,
  };

  const renderFiles = () => {
    fileList.replaceChildren(
      ...attachments.map((file) =>
        h(
          'li',
          {},
          file.name,
          ' ',
          h(
            'button',
            { type: 'button', class: 'linkish', onclick: () => removeFile(file.id) },
            t('removeFile', { name: file.name }),
          ),
        ),
      ),
    );
  };
  const removeFile = (id: string) => {
    attachments = attachments.filter((file) => file.id !== id);
    renderFiles();
    files.control.focus();
  };
  files.control.addEventListener('change', async () => {
    const picked = [...(files.control.files ?? [])];
    files.control.value = '';
    files.setError(null);
    for (const file of picked) {
      if (attachments.length >= maxFiles) break;
      try {
        attachments.push(await uploadFile(serverUrl, '/api/v1/public/web-form/uploads', file));
      } catch (error) {
        files.setError(`${file.name}: ${t(error instanceof UploadError ? error.reason : 'failed')}`);
      }
    }
    renderFiles();
  });

  const validate = () =>
    showErrors([
      [name, name.control.value.trim() ? null : t('nameRequired')],
      [
        email,
        !email.control.value.trim()
          ? t('emailRequired')
          : isEmail(email.control.value)
            ? null
            : t('emailInvalid'),
      ],
      [topic, topic.control.value ? null : t('required')],
      [
        message,
        message.control.value.trim().length >= messageMinimum
          ? null
          : t('messageShort', { minimum: messageMinimum }),
      ],
    ]);

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    alert,
    name.wrapper,
    email.wrapper,
    topic.wrapper,
    message.wrapper,
    files.wrapper,
    h(
      'div',
      { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', { for: 'fl-website' }, 'Website'),
      honeypot,
    ),
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.textContent = '';
    if (!validate()) {
      alert.textContent = t('fixFields');
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch(new URL('/api/v1/public/web-form', serverUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({
          clientId,
          name: name.control.value,
          email: email.control.value,
          topic: topic.control.value,
          message: message.control.value,
          language,
          timeZone: browserTimeZone(),
          attachmentIds: attachments.map((file) => file.id),
          website: honeypot.value,
        }),
      });
      if (response.status === 400) {
        const problem = (await response.json()) as { errors?: { path: string; message: string }[] };
        showErrors(
          Object.entries(byPath).map(([path, item]) => [
            item,
            problem.errors?.find((error) => error.path === path)?.message ?? null,
          ]),
        );
        alert.textContent = t('fixFields');
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const confirmation = (await response.json()) as RequestConfirmation;
      clientId = newClientId();
      const done = h(
        'p',
        { class: 'success', role: 'status', tabindex: -1 },
        t('formSent', {
          reference: confirmation.reference,
          // Worded by the server: in the visitor's time zone, business hours respected.
          wait: confirmation.expectedResponseText,
        }),
      );
      form.replaceWith(done);
      done.focus();
    } catch {
      alert.textContent = t('failed');
    } finally {
      button.disabled = false;
    }
  });
  root.append(h('div', { class: 'fl' }, form));
}
