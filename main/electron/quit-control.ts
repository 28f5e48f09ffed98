// Who may close the station: the invigilator, with the local invigilator code (a small prompt opened by
// Ctrl+Alt+Shift+K) or with the invigilator screen's "Fermer le poste" (a closeStation command the
// station services obey only when no test is under way), or the shell itself for a reason it states
// (refusing to start, the system shutting down). Any other way out the app can catch (window close,
// Alt+F4, Cmd+Q, app quit) is refused.
import { app, BrowserWindow } from 'electron';
import { InvigilatorCodeGuard, quitNeedsCode } from '../station/lockdown/invigilator-code.ts';
import { APP_ORIGIN } from './app-protocol.ts';
import { TOP_LEVEL } from './kiosk-window.ts';
import { QUIT_PAGE, quitPromptPage, readQuitForm, type QuitPromptState } from './shell-pages.ts';

export interface QuitControlOptions {
  codeHash(): string | null;
  testUnderWay(): boolean;
  parent(): BrowserWindow | null;
  /** Runs before the app exits (close the station services, mark a clean exit). */
  beforeQuit(reason: string): Promise<void>;
  log(message: string): void;
}

export class QuitControl {
  readonly #options: QuitControlOptions;
  readonly #guard: InvigilatorCodeGuard;
  #authorized = false;
  #quitting = false;
  #prompt: BrowserWindow | null = null;

  constructor(options: QuitControlOptions) {
    this.#options = options;
    this.#guard = new InvigilatorCodeGuard({ hash: () => options.codeHash() });
    app.on('before-quit', (event) => {
      if (!this.#authorized) event.preventDefault();
    });
  }

  /** Windows may close only once quitting is authorized. */
  mayClose(): boolean {
    return this.#authorized;
  }

  openPrompt(): void {
    if (this.#prompt && !this.#prompt.isDestroyed()) {
      this.#prompt.focus();
      return;
    }
    const parent = this.#options.parent();
    const prompt = new BrowserWindow({
      width: 620,
      height: 460,
      ...(parent ? { parent, modal: true } : {}),
      show: false,
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      backgroundColor: '#f4f6fb',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
    });
    prompt.setAlwaysOnTop(true, TOP_LEVEL, 2);
    prompt.setContentProtection(true);
    prompt.once('ready-to-show', () => prompt.show());
    prompt.on('closed', () => {
      if (this.#prompt === prompt) this.#prompt = null;
    });
    this.#prompt = prompt;
    void prompt.loadURL(`${APP_ORIGIN}${QUIT_PAGE}`).catch(() => undefined);
    this.#options.log('invigilator prompt opened');
  }

  /** The prompt page (GET shows it, POST submits the code). Served by the app protocol handler. */
  async handle(request: Request): Promise<Response> {
    const html = (state: QuitPromptState) =>
      new Response(quitPromptPage(state), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const ask = () => html({ kind: 'ask', codeSet: this.#options.codeHash() !== null });
    if (request.method !== 'POST') return ask();
    const form = readQuitForm(await request.text());
    if (form.action === 'cancel') {
      this.#closePrompt();
      return ask();
    }
    const mode = quitNeedsCode({
      codeSet: this.#options.codeHash() !== null,
      testUnderWay: this.#options.testUnderWay(),
    });
    if (mode === 'refused') {
      return html({
        kind: 'refused',
        reason:
          'Un test est en cours et aucun code surveillant n’est configuré sur ce poste : terminez ou suspendez le test depuis l’écran du surveillant.',
      });
    }
    if (mode === 'code') {
      const attempt = await this.#guard.attempt(form.code);
      if (attempt === 'wrong') {
        this.#options.log('invigilator prompt: wrong code');
        return html({ kind: 'wrong' });
      }
      if (attempt === 'wait') return html({ kind: 'wait', seconds: Math.ceil(this.#guard.waitMs() / 1000) });
    }
    void this.quit('invigilator code');
    return html({ kind: 'closing' });
  }

  /** Closes the station for a stated reason (invigilator code or command, refusal to start, shutdown). */
  async quit(reason: string): Promise<void> {
    if (this.#quitting) return;
    this.#quitting = true;
    this.#options.log(`station closing: ${reason}`);
    try {
      await this.#options.beforeQuit(reason);
    } finally {
      this.#authorized = true;
      app.quit();
    }
  }

  #closePrompt(): void {
    const prompt = this.#prompt;
    this.#prompt = null;
    // Closed after the response is delivered, so the page never shows a torn request.
    setTimeout(() => {
      if (prompt && !prompt.isDestroyed()) prompt.destroy();
    }, 50);
  }
}
