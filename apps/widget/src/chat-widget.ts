import type {
  ChatAgent,
  ChatMessage,
  ChatMode,
  QueueState,
  RequestConfirmation,
  VisitorServerMessage,
} from '@frontline/contracts';
import { composer, offlineForm, preChatForm } from './chat-forms.ts';
import { ChatLog } from './chat-log.ts';
import { ChatConnection, type ConnectionStatus } from './connection.ts';
import { h } from './dom.ts';
import { browserTimeZone, formatWait, type Language, type TextKey, translate } from './i18n.ts';

type Claim = { userId: string; signature: string; name?: string; email?: string };
type View = 'prechat' | 'offline' | 'chat' | 'sent' | '';

/**
 * The chat: a launcher button and a dialog panel in the widget's shadow root. State comes from
 * the server (`welcome` and the events after it); the view is rebuilt only where it changed.
 */
export class ChatWidget {
  private readonly connection: ChatConnection;
  private readonly log: ChatLog;
  private messages = new Map<string, ChatMessage>();
  private visitorId = '';
  private profile = { name: '', email: null as string | null, isVerified: false };
  private chat: {
    conversationId: string;
    agent: ChatAgent | null;
    agentReadAt: string | null;
    endedAt: string | null;
  } | null = null;
  private mode: ChatMode | null = null;
  private queue: QueueState | null = null;
  private status: ConnectionStatus = 'connecting';
  private notice = '';
  private sent: RequestConfirmation | null = null;
  private wantsNewChat = false;
  private view: View = '';
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private stopTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTypingSent = 0;
  private lastReadSent = '';
  private claim: Claim | null = null;
  private claimSentFor = '';
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly title = h('h2', { id: 'fl-title' });
  private readonly avatar = h('span', { class: 'avatar', 'aria-hidden': 'true', hidden: true });
  private readonly closeButton: HTMLButtonElement;
  private readonly statusLine = h('div', { class: 'status', role: 'status' });
  private readonly viewArea = h('div');
  private readonly typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });
  private readonly footer = h('div', { class: 'footer', hidden: true });

  constructor(
    private readonly root: ShadowRoot,
    private readonly serverUrl: string,
    private language: Language,
  ) {
    this.log = new ChatLog(serverUrl, (clientId) => {
      this.connection.retry(clientId);
      this.render();
    });
    this.connection = new ChatConnection(
      serverUrl,
      safeStorage(),
      () => this.language,
      (event) => this.handle(event),
      (status) => {
        this.status = status;
        this.renderStatus();
      },
    );
    this.launcher = h('button', {
      class: 'launcher',
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': 'fl-panel',
      onclick: () => this.toggle(),
    });
    this.closeButton = h('button', { type: 'button', onclick: () => this.close() });
    this.panel = h(
      'section',
      { class: 'panel', id: 'fl-panel', role: 'dialog', 'aria-labelledby': 'fl-title', hidden: true },
      h('div', { class: 'header' }, this.avatar, this.title, this.closeButton),
      this.statusLine,
      h(
        'div',
        { class: 'body' },
        h('div', { role: 'log', 'aria-labelledby': 'fl-title' }, this.log.element),
        this.viewArea,
      ),
      this.typingLine,
      this.footer,
    );
    const container = h('div', { class: 'fl' }, this.launcher, this.panel);
    container.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    root.append(container);
    this.render();
    // A returning visitor reconnects at once (their chat may be going on); a new one when they open it.
    if (this.connection.token || this.connection.outbox.all().length > 0) this.connection.connect();
  }

  private readonly t = (key: TextKey, values?: Record<string, string | number>) =>
    translate(this.language, key, values);

  open() {
    this.connection.connect();
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.render();
    this.focusFirstField();
  }

  private focusFirstField() {
    (this.panel.querySelector('input:not([type=file]), textarea') as HTMLElement | null)?.focus();
  }
  close() {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
    this.render();
  }
  private toggle() {
    if (this.panel.hidden) this.open();
    else this.close();
  }

  setLanguage(language: Language) {
    this.language = language;
    this.connection.send({ type: 'profile', language });
    this.view = '';
    this.render();
  }

  identify(claim: Claim) {
    this.claim = claim;
    this.connection.connect();
    this.sendClaim();
  }

  private sendClaim() {
    if (!this.claim || this.claimSentFor === this.claim.userId) return;
    if (this.connection.send({ type: 'identify', ...this.claim })) this.claimSentFor = this.claim.userId;
  }

  private handle(event: VisitorServerMessage) {
    switch (event.type) {
      case 'welcome':
        this.profile = {
          name: event.visitor.name,
          email: event.visitor.email,
          isVerified: event.visitor.isVerified,
        };
        // A welcome computed a moment before a message committed must not hide that message: merge,
        // unless this is another visitor now (a different user logged in on this browser).
        if (event.visitor.id !== this.visitorId) this.messages.clear();
        this.visitorId = event.visitor.id;
        for (const message of event.chat?.messages ?? []) this.messages.set(message.id, message);
        this.chat = event.chat;
        this.mode = event.mode;
        this.queue = event.queue;
        if (!event.visitor.isVerified) this.claimSentFor = '';
        this.sendClaim();
        this.connection.send({
          type: 'page',
          url: location.href.slice(0, 2000),
          title: document.title.slice(0, 500),
        });
        break;
      case 'ack':
      case 'message':
        this.messages.set(event.message.id, event.message);
        if (event.type === 'message' && event.message.author === 'agent') this.typingLine.textContent = '';
        break;
      case 'chat':
        this.chat = event.chat;
        break;
      case 'agent':
        if (this.chat) this.chat.agent = event.agent;
        this.notice = event.agent ? this.t('agentJoined', { name: event.agent.name }) : '';
        break;
      case 'queue':
        this.queue = event.queue;
        break;
      case 'mode':
        this.mode = event.mode;
        break;
      case 'read':
        if (this.chat) this.chat.agentReadAt = event.agentReadAt;
        break;
      case 'ended':
        if (this.chat) this.chat.endedAt = event.endedAt;
        this.queue = null;
        break;
      case 'profile':
        this.profile = { ...this.profile, name: event.visitor.name, email: event.visitor.email };
        break;
      case 'typing':
        this.showTyping(event.isTyping ? (event.agent?.name ?? this.t('someone')) : null);
        return;
      case 'transcript_queued':
        this.notice = this.t('transcriptSent', { email: event.email });
        break;
      case 'error':
        this.notice = event.code === 'chat.too_fast' ? this.t('tooFast') : event.message;
        break;
      default:
        return;
    }
    this.render();
  }

  private showTyping(name: string | null) {
    clearTimeout(this.typingTimer);
    this.typingLine.textContent = name ? this.t('typing', { name }) : '';
    if (name) this.typingTimer = setTimeout(() => this.showTyping(null), 8000);
  }

  private sortedMessages() {
    return [...this.messages.values()].sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
    );
  }

  private isOngoing() {
    return this.chat !== null && this.chat.endedAt === null;
  }

  private chooseView(): View {
    if (this.sent) return 'sent';
    const hasHistory = this.messages.size > 0 || this.connection.outbox.all().length > 0;
    if (hasHistory && (this.isOngoing() || !this.wantsNewChat)) return 'chat';
    if (!this.mode) return '';
    return this.mode.mode === 'offline' ? 'offline' : 'prechat';
  }

  private renderStatus() {
    const wait = this.queue?.wait ? formatWait(this.queue.wait, this.language) : null;
    const text =
      this.status === 'reconnecting'
        ? this.t('reconnecting')
        : this.notice ||
          (this.queue && this.isOngoing()
            ? wait
              ? this.t('queue', { position: this.queue.position, wait })
              : this.t('queueNoWait', { position: this.queue.position })
            : '');
    this.statusLine.textContent = text;
    this.statusLine.classList.toggle('warn', this.status === 'reconnecting');
  }

  render() {
    const agent = this.chat?.agent;
    // One name; `aria-expanded` tells whether the panel is open.
    this.launcher.textContent = this.t('launcherOpen');
    this.title.textContent = agent && this.isOngoing() ? agent.name : this.t('title');
    this.avatar.hidden = !(agent && this.isOngoing());
    if (agent) {
      this.avatar.textContent = agent.initials;
      this.avatar.style.background = agent.color;
    }
    this.closeButton.setAttribute('aria-label', this.t('close'));
    this.closeButton.textContent = '✕';
    this.renderStatus();
    const messages = this.sortedMessages();
    const view = this.chooseView();
    this.log.render(
      view === 'chat' ? messages : [],
      view === 'chat' ? this.connection.outbox.all() : [],
      this.chat?.agentReadAt ?? null,
      this.t,
      this.language,
    );
    if (view !== this.view) this.renderView(view);
    const waitNote = this.viewArea.querySelector<HTMLElement>('[data-wait]');
    if (waitNote) {
      waitNote.textContent = this.mode?.wait
        ? this.t('expectedWait', { wait: formatWait(this.mode.wait, this.language) })
        : '';
    }
    if (view === 'chat' && this.chat?.endedAt && this.footer.dataset.ended !== 'yes') this.renderFooter();
    this.reportRead(messages);
  }

  private reportRead(messages: ChatMessage[]) {
    const latest = messages.at(-1);
    if (this.panel.hidden || document.visibilityState === 'hidden' || !latest || latest.author === 'visitor')
      return;
    if (latest.id === this.lastReadSent || !this.isOngoing()) return;
    if (this.connection.send({ type: 'read', messageId: latest.id })) this.lastReadSent = latest.id;
  }

  private renderView(view: View) {
    this.view = view;
    this.viewArea.replaceChildren();
    this.footer.hidden = view !== 'chat';
    const waitText = this.mode?.wait ? formatWait(this.mode.wait, this.language) : null;
    if (view === 'prechat') {
      this.viewArea.append(
        preChatForm({
          t: this.t,
          language: this.language,
          profile: this.profile,
          waitText,
          onLanguage: (language) => this.setLanguage(language),
          onStart: (input) => {
            this.connection.send({
              type: 'profile',
              name: input.name,
              language: input.language,
              ...(input.email ? { email: input.email } : {}),
            });
            this.wantsNewChat = false;
            this.connection.sendMessage(input.message, []);
            this.render();
          },
        }),
      );
    } else if (view === 'offline') {
      this.viewArea.append(
        offlineForm({
          t: this.t,
          reason: this.mode?.reason ?? 'no_agents',
          profile: this.profile,
          send: (body) => this.sendRequest(body),
          onSent: (confirmation) => {
            this.sent = confirmation;
            this.render();
          },
        }),
      );
    } else if (view === 'sent' && this.sent) {
      // Worded by the server: in the visitor's time zone, business hours respected.
      const wait = this.sent.expectedResponseText;
      this.viewArea.append(
        h(
          'p',
          { class: 'success', role: 'status' },
          this.t('requestSent', { reference: this.sent.reference, wait }),
        ),
      );
    }
    if (view === 'chat') this.renderFooter();
    // The form arrives with the server's first answer: a keyboard user who opened the panel lands in it.
    if (!this.panel.hidden && this.root.activeElement === this.launcher) this.focusFirstField();
  }

  private renderFooter() {
    const isEnded = Boolean(this.chat?.endedAt);
    this.footer.dataset.ended = isEnded ? 'yes' : 'no';
    const box = composer({
      t: this.t,
      serverUrl: this.serverUrl,
      token: () => this.connection.token,
      onSend: (body, attachments) => {
        this.connection.sendMessage(body, attachments);
        this.render();
      },
      onTyping: () => this.typed(),
      onNotice: (text) => {
        this.notice = text;
        this.renderStatus();
      },
    });
    const transcript = h(
      'button',
      { class: 'linkish', type: 'button', onclick: () => this.askTranscript() },
      this.t('transcript'),
    );
    this.footer.replaceChildren(
      isEnded ? h('p', { class: 'note' }, this.t('ended')) : box.element,
      h(
        'div',
        { class: 'links' },
        isEnded
          ? h(
              'button',
              { class: 'linkish', type: 'button', onclick: () => this.startOver() },
              this.t('newChat'),
            )
          : h(
              'button',
              { class: 'linkish', type: 'button', onclick: () => this.connection.send({ type: 'end' }) },
              this.t('endChat'),
            ),
        transcript,
      ),
    );
  }

  private startOver() {
    this.wantsNewChat = true;
    this.chat = null;
    this.messages.clear();
    this.notice = '';
    this.render();
  }

  private askTranscript() {
    const email = this.profile.email ?? prompt(this.t('email'))?.trim();
    if (email) this.connection.send({ type: 'transcript', email });
  }

  private typed() {
    const now = Date.now();
    if (now - this.lastTypingSent > 3000) {
      this.lastTypingSent = now;
      this.connection.send({ type: 'typing', isTyping: true });
    }
    // Four quiet seconds mean the visitor stopped typing.
    clearTimeout(this.stopTypingTimer);
    this.stopTypingTimer = setTimeout(() => {
      this.lastTypingSent = 0;
      this.connection.send({ type: 'typing', isTyping: false });
    }, 4000);
  }

  private async sendRequest(body: { clientId: string; name: string; email: string; message: string }) {
    const response = await fetch(new URL('/api/v1/public/chat/requests', this.serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-token': this.connection.token ?? '' },
      body: JSON.stringify({ ...body, language: this.language, timeZone: browserTimeZone() }),
    });
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()) as RequestConfirmation;
  }
}

function safeStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
