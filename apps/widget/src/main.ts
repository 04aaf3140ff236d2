import { ChatWidget } from './chat-widget.ts';
import { mountWebForm } from './form-view.ts';
import { type Language, pickLanguage } from './i18n.ts';
import { styles } from './styles.ts';

/**
 * The embed: `<script src="https://support.example.com/widget.js" async></script>`.
 *
 * - The chat launcher appears unless `data-chat="off"`; `data-lang` fixes the language (else the
 *   browser's). Forms mount into every `[data-frontline-form]` element.
 * - JS API, callable before the script has loaded when the page defines the queueing stub:
 *   `window.Frontline = window.Frontline || function () { (Frontline.q = Frontline.q || []).push(arguments); };`
 *   then `Frontline('open')`, `Frontline('close')`, `Frontline('setLanguage', 'lt')`,
 *   `Frontline('identify', { userId, signature, name, email })` (signature: hex HMAC-SHA256 of the
 *   user id with the site's identity secret, computed by the site's backend) and
 *   `Frontline('form', element)` to mount the web form into an element.
 */
type Claim = { userId: string; signature: string; name?: string; email?: string };
type FrontlineApi = ((command: string, ...args: unknown[]) => void) & {
  q?: IArguments[];
  isLoaded?: boolean;
};

declare global {
  interface Window {
    Frontline?: FrontlineApi;
  }
}

function isolatedRoot(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  root.append(style);
  return root;
}

function start() {
  const previous = window.Frontline;
  if (previous?.isLoaded) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
  const serverUrl = new URL(script?.src ?? location.href).origin;
  let language: Language = pickLanguage(
    script?.dataset.lang,
    navigator.language,
    document.documentElement.lang,
  );
  let chat: ChatWidget | null = null;

  const mountForm = (target: Element | null) => {
    if (!(target instanceof HTMLElement) || target.shadowRoot) return;
    mountWebForm(isolatedRoot(target), serverUrl, pickLanguage(target.dataset.lang, language));
  };
  const startChat = () => {
    if (chat || script?.dataset.chat === 'off') return;
    const host = document.createElement('div');
    host.id = 'frontline-chat';
    document.body.append(host);
    chat = new ChatWidget(isolatedRoot(host), serverUrl, language);
  };

  const api: FrontlineApi = (command, ...args) => {
    if (command === 'open') chat?.open();
    else if (command === 'close') chat?.close();
    else if (command === 'identify') chat?.identify(args[0] as Claim);
    else if (command === 'setLanguage') {
      language = pickLanguage(String(args[0]));
      chat?.setLanguage(language);
    } else if (command === 'form')
      mountForm(typeof args[0] === 'string' ? document.querySelector(args[0]) : (args[0] as Element));
  };
  api.isLoaded = true;
  window.Frontline = api;

  const boot = () => {
    startChat();
    for (const element of document.querySelectorAll('[data-frontline-form]')) mountForm(element);
    for (const queued of previous?.q ?? []) api(...(Array.from(queued) as [string, ...unknown[]]));
  };
  if (document.body) boot();
  else document.addEventListener('DOMContentLoaded', boot, { once: true });
}

start();
