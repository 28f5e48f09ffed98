// The challenge browser beside the question. The page itself is drawn by the station over the region
// this panel reserves (a view owned by the main process in Electron, a second page in the harness);
// the panel draws the controls: address bar, back, forward, reload, home, and above the page, one notice
// at a time (the newer replaces the other): the blocked-page message, a download the station refused
// (the file cannot be opened, the page stays usable), or a file it saved, offered with « Ouvrir le
// fichier » (downloaded-file.tsx): a spreadsheet or a document opens in the office viewer's dialog, a
// PDF, an image or a text a page downloaded by itself in the browser's page. The candidate closes a notice, or it goes when they
// leave the page or the question (station-store.ts). A notice is said when the panel is on screen: one
// that arrives while the panel is hidden is said when it is shown again, if it is still there.
// The browser's first page and the view's placement wait until the question is painted: the candidate
// reads the question first, and opening a page (in its own process) must not hold it back.
// The page is outside this screen's tab order (a native view): « Aller dans la page » or F6 enters it,
// F6 in the page comes back here (main/electron/challenge-browser.ts).
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BrowserDownloadRefusal, StationResult } from '../../../core/contracts/station-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { useOverlayOpen } from '../../shared/overlays.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import type { BrowserFileOpened, StationState } from '../state/station-store.ts';
import { afterPaint } from './after-paint.ts';
import {
  DownloadedFileNotice,
  DownloadedFileViewer,
  isOfficeFile,
  SentenceWithName,
  sentenceWithName,
  useKeyboardInNotice,
  type OfficeFileOpened,
} from './downloaded-file.tsx';

type Bounds = { x: number; y: number; width: number; height: number };

export function BrowserPanel({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const browser = useStation((s) => s.browser);
  const blocked = useStation((s) => s.blocked);
  const clearBlocked = useStation((s) => s.clearBlocked);
  const downloaded = useStation((s) => s.downloaded);
  const clearDownloaded = useStation((s) => s.clearDownloaded);
  const phase = useStation((s) => s.status?.exam.phase);
  const question = useStation((s) => s.challenge?.challenge.id ?? null);
  /** The downloaded file open in the office viewer (it stays open if a newer notice comes). */
  const [viewed, setViewed] = useState<Viewing | null>(null);
  const viewing = viewedAt(viewed, question);
  // Closed with the question it was opened at, as the notices are (noticesAfter): not open again there.
  if (viewed && !viewing) setViewed(null);
  const overlayOpen = useOverlayOpen();
  const region = useRef<HTMLDivElement>(null);
  // What the view shows from the first render (a panel shown again shows it at once).
  const [address, setAddress] = useState(() => addressShown(browser));
  const [editing, setEditing] = useState(false);
  const [failed, setFailed] = useState(false);
  const visible = shown && !overlayOpen && phase === 'inProgress';

  // A file shown is named by its name in the field, never by its internal (token) address.
  const shownAddress = addressShown(browser);
  useEffect(() => {
    if (!editing) setAddress(shownAddress);
  }, [shownAddress, editing]);

  // Said once per notice, when the panel is on screen: not again when the language changes or the
  // panel comes back, and the same file not twice within two seconds (a page downloading it in a loop).
  const notice = downloaded ?? blocked;
  useEffect(() => {
    if (!notice || !NOTICES_SAID.admit(notice, noticeKey(notice), visible, performance.now())) return;
    announce(noticeSentence(notice, t));
  }, [notice, visible, t]);

  // Open the browser's home page the first time the panel is shown for this candidate.
  const opened = useRef(false);
  useEffect(() => {
    if (!shown || browser || opened.current) return;
    return afterPaint(() => {
      opened.current = true;
      void api.browserHome({});
    });
  }, [shown, browser, api]);

  useReservedRegion(region, visible);

  const hintId = useId();
  const enterPage = () => void api.browserFocus({});
  const enterPageButton = useRef<HTMLButtonElement>(null);
  const addressField = useRef<HTMLInputElement>(null);
  // The notice's « Fermer » takes the keyboard back to the page's way in (the notice says the
  // candidate can carry on with the page), or to the address bar when no page is shown.
  const closeNotice = (clear: () => void) => () => {
    clear();
    const button = enterPageButton.current;
    (button && !button.disabled ? button : addressField.current)?.focus();
  };
  // A notice that goes by itself (replaced, the page or the question changed) with the keyboard in it.
  const focusAddress = () => addressField.current?.focus();
  // F6 from anywhere on the screen, as browsers move between their panes.
  useEffect(() => {
    if (!visible) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isPaneSwitchKey(event)) return;
      event.preventDefault();
      void api.browserFocus({});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, api]);

  const run = async (action: () => Promise<StationResult<unknown>>) => {
    setFailed(false);
    const result = await action();
    if (!result.ok && result.error.code !== 'URL_BLOCKED') setFailed(true);
  };

  // « Ouvrir le fichier »: an office file in the viewer's dialog (the notice stays, to open it again);
  // the others in the browser's page, where the notice has nothing more to offer.
  const openFile = (file: BrowserFileOpened) => {
    const opening = fileOpening(file);
    if ('viewer' in opening) return setViewed({ file: opening.viewer, question });
    closeNotice(clearDownloaded)();
    void run(() => api.browserNavigate({ url: opening.address }));
  };

  const go = (event: FormEvent) => {
    event.preventDefault();
    const url = addressToOpen(address, browser);
    if (!url) return;
    setEditing(false);
    void run(() => api.browserNavigate({ url }));
  };

  return (
    <section className={`browser ${shown ? '' : 'browser-collapsed'}`} aria-labelledby="browser-title">
      <div className="browser-head">
        <h2 id="browser-title" className="section-title">
          {t('browser.region')}
        </h2>
        <button type="button" className="button button-quiet" onClick={onToggle} aria-expanded={shown}>
          {shown ? t('browser.hide') : t('browser.show')}
        </button>
      </div>
      {shown && (
        <>
          <form className="browser-toolbar" onSubmit={go} role="search">
            <button
              type="button"
              className="icon-button"
              aria-label={t('browser.back')}
              disabled={!browser?.canGoBack}
              onClick={() => void run(() => api.browserBack({}))}
            >
              <span aria-hidden="true">←</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('browser.forward')}
              disabled={!browser?.canGoForward}
              onClick={() => void run(() => api.browserForward({}))}
            >
              <span aria-hidden="true">→</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('browser.reload')}
              onClick={() => void run(() => api.browserReload({}))}
            >
              <span aria-hidden="true">↻</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('browser.home')}
              onClick={() => void run(() => api.browserHome({}))}
            >
              <span aria-hidden="true">⌂</span>
            </button>
            <label htmlFor="browser-address" className="visually-hidden">
              {t('browser.address')}
            </label>
            <input
              id="browser-address"
              ref={addressField}
              className="input browser-address"
              type="text"
              inputMode="url"
              value={address}
              onChange={(e) => {
                setEditing(true);
                setAddress(e.target.value);
              }}
              onBlur={() => setEditing(false)}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="button button-secondary">
              {t('browser.go')}
            </button>
          </form>
          <div className="browser-status">
            <span className="browser-page-title">
              <ViewStatus browser={browser} />
            </span>
            {browser?.loading && <span role="status">{t('browser.loading')}</span>}
            {failed && <span role="alert">{t('browser.failed')}</span>}
            <button
              ref={enterPageButton}
              type="button"
              className="button button-quiet"
              onClick={enterPage}
              disabled={!visible}
              aria-describedby={hintId}
            >
              {t('browser.enterPage')}
            </button>
          </div>
          <p id={hintId} className="hint">
            {t('browser.keyboardHint')}
          </p>
          {/* Always there (empty without a notice): its height moves the page's region (useReservedRegion). */}
          <div className="browser-notices">
            {downloaded && phase === 'inProgress' ? (
              // Keyed: one kind of notice replacing the other is a notice gone (KeepsFocus's cleanup).
              <KeepsFocus key="downloaded" onGone={focusAddress}>
                <DownloadedFileNotice
                  file={downloaded}
                  onOpen={() => openFile(downloaded)}
                  onDismiss={closeNotice(clearDownloaded)}
                />
              </KeepsFocus>
            ) : blocked?.download ? (
              <KeepsFocus key="refused" onGone={focusAddress}>
                <RefusedDownload download={blocked.download} onClose={closeNotice(clearBlocked)} />
              </KeepsFocus>
            ) : (
              blocked && (
                <div className="notice notice-warning browser-blocked" data-testid="browser-blocked">
                  <p className="notice-title">{t('browser.blocked', { url: blocked.url })}</p>
                  <p>{t('browser.blockedNext')}</p>
                </div>
              )
            )}
          </div>
          <div ref={region} className="browser-view" aria-hidden="true" data-testid="browser-view" />
        </>
      )}
      {viewing && <DownloadedFileViewer key={viewing.url} opened={viewing} onClose={() => setViewed(null)} />}
    </section>
  );
}

/**
 * Gives the keyboard to `onGone` when its notice leaves the screen by itself while focus is in it (a
 * newer notice, another page, the next question), instead of leaving it on nothing (<body>).
 */
function KeepsFocus({ onGone, children }: { onGone: () => void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const gone = useRef(onGone);
  gone.current = onGone;
  // A layout effect's cleanup runs before its elements leave the document: the focus is still there.
  useLayoutEffect(() => {
    const element = box.current;
    return () => {
      rescueFocus(element, document.activeElement, () => gone.current());
    };
  }, []);
  return (
    <div ref={box} className="browser-notice-box">
      {children}
    </div>
  );
}

/** Calls `moveFocus` when `active` is inside `container` (the notice about to go); says whether it did. */
export function rescueFocus(
  container: Pick<Node, 'contains'> | null,
  active: Element | null,
  moveFocus: () => void,
): boolean {
  if (!container || !active || !container.contains(active)) return false;
  moveFocus();
  return true;
}

/** What the panel's notices are said as: one notice once, and the same file not twice in two seconds. */
export class NoticeAnnouncements {
  static readonly SAME_FILE_MS = 2_000;
  readonly #said = new WeakSet<object>();
  readonly #lastByKey = new Map<string, number>();

  /**
   * Whether to say `notice` (about `key`: a file, a page) now. Not while the panel is hidden (it is
   * said when shown, if still there); each notice once; the same key at most once in two seconds.
   */
  admit(notice: object, key: string, visible: boolean, now: number): boolean {
    if (!visible || this.#said.has(notice)) return false;
    this.#said.add(notice);
    for (const [k, at] of this.#lastByKey)
      if (now - at >= NoticeAnnouncements.SAME_FILE_MS) this.#lastByKey.delete(k);
    if (this.#lastByKey.has(key)) return false;
    this.#lastByKey.set(key, now);
    return true;
  }
}

/** For the whole screen: a panel that comes back (after a pause, a focused question) says nothing again. */
const NOTICES_SAID = new NoticeAnnouncements();

type PanelNotice = BrowserFileOpened | NonNullable<StationState['blocked']>;

/** What makes two notices about the same thing: the saved file, the refused file, the blocked page. */
export function noticeKey(notice: PanelNotice): string {
  if ('type' in notice) return `file ${notice.url}`;
  return `${notice.download ? 'refused' : 'blocked'} ${notice.url}`;
}

/**
 * A download the station refused: the file could not be opened, nothing was blocked and the page is
 * still there. Said in the candidate's words, by problem (the station's French reason is never shown).
 */
function RefusedDownload({ download, onClose }: { download: BrowserDownloadRefusal; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { inside, onFocus, onBlur } = useKeyboardInNotice();
  return (
    <div
      className="notice browser-notice browser-refused-download"
      data-testid="browser-refused-download"
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <p id={titleId} className="notice-title">
        <SentenceWithName
          sentence={(fileName) => t('browser.downloadRefused', { fileName })}
          name={download.fileName ?? t('browser.unnamedFile')}
          whole={inside}
        />
      </p>
      <p>{t(refusedDownloadNext(download))}</p>
      <button type="button" className="button button-secondary" onClick={onClose} aria-describedby={titleId}>
        {t('browser.closeNotice')}
      </button>
    </div>
  );
}

/** What to do next, by problem: each says what the candidate can look for, or carry on with. */
const REFUSED_DOWNLOAD_NEXT = {
  type: 'browser.downloadRefusedType',
  size: 'browser.downloadRefusedSize',
  quota: 'browser.downloadRefusedQuota',
  oldWord: 'browser.downloadRefusedOldWord',
  macroOrTemplate: 'browser.downloadRefusedMacroOrTemplate',
} as const satisfies Record<BrowserDownloadRefusal['problem'], string>;

function refusedDownloadNext(download: BrowserDownloadRefusal) {
  return REFUSED_DOWNLOAD_NEXT[download.problem];
}

/**
 * Where « Ouvrir le fichier » opens `file`: a spreadsheet or a document in the office viewer's dialog;
 * a PDF, an image or a text (one a page downloaded by itself) at its saved copy's address in the
 * browser's page, as the candidate's click on its link shows it.
 */
export function fileOpening(file: BrowserFileOpened): { viewer: OfficeFileOpened } | { address: string } {
  return isOfficeFile(file) ? { viewer: file } : { address: file.url };
}

/** A downloaded file open in the office viewer, and the question it was opened at. */
export type Viewing = { file: OfficeFileOpened; question: string | null };

/** The file still open at `question`: none once the candidate went to another question. */
export function viewedAt(viewing: Viewing | null, question: string | null): OfficeFileOpened | null {
  return viewing && viewing.question === question ? viewing.file : null;
}

/** What a screen reader hears of a notice (as the panel shows it). */
export function noticeSentence(notice: PanelNotice, t: TFunction): string {
  // The names go in after the translation, as the notices show them (SentenceWithName).
  if ('type' in notice)
    return sentenceWithName((name) => t('test.downloaded.title', { name }), notice.fileName);
  if (!notice.download) return t('browser.blocked', { url: notice.url });
  const fileName = notice.download.fileName ?? t('browser.unnamedFile');
  const refused = sentenceWithName((name) => t('browser.downloadRefused', { fileName: name }), fileName);
  return `${refused}. ${t(refusedDownloadNext(notice.download))}`;
}

/** Keeps the station's browser view over `region` (in CSS pixels of this page), or hidden. */
function useReservedRegion(region: RefObject<HTMLDivElement | null>, visible: boolean): void {
  const api = useStationApi();
  useEffect(() => {
    let last = '';
    let frame = 0;
    const send = (bounds: Bounds | null) => {
      const key = JSON.stringify(bounds);
      if (key === last) return;
      last = key;
      void api.browserSetBounds({ bounds });
    };
    const measure = () => {
      frame = 0;
      const element = region.current;
      if (!visible || !element) return send(null);
      send(visibleRect(element, element.closest<HTMLElement>('.browser')));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // Hidden at once; placed once the page around it is painted (then on every change of layout).
    let first = () => {};
    if (visible) first = afterPaint(measure);
    else measure();
    // The region's own size, and the size of what is above it in the panel (a notice that comes, goes
    // or wraps moves the region down or up without always resizing it: its height has a minimum).
    const observer = new ResizeObserver(schedule);
    const element = region.current;
    for (const child of element?.parentElement?.children ?? []) observer.observe(child);
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', schedule, true);
    return () => {
      first();
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, true);
      send(null);
    };
  }, [api, region, visible]);
}

/**
 * The part of the element inside the window and its panel: a native view must not spill over the
 * page's edges, nor out of the panel when a long notice leaves the region less than its minimum height
 * (a small screen: the region then overflows the panel, the view stops at the panel's edge).
 */
function visibleRect(element: HTMLElement, panel: HTMLElement | null): Bounds | null {
  const rect = element.getBoundingClientRect();
  const box = panel?.getBoundingClientRect();
  const left = Math.max(0, rect.left, box?.left ?? 0);
  const top = Math.max(0, rect.top, box?.top ?? 0);
  const right = Math.min(window.innerWidth, rect.right, box?.right ?? Number.POSITIVE_INFINITY);
  const bottom = Math.min(window.innerHeight, rect.bottom, box?.bottom ?? Number.POSITIVE_INFINITY);
  if (right - left < 1 || bottom - top < 1) return null;
  return {
    x: Math.round(left),
    y: Math.round(top),
    width: Math.round(right - left),
    height: Math.round(bottom - top),
  };
}

/** F6 without modifiers (the same key leaves the page: challenge-browser.ts). */
export function isPaneSwitchKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
) {
  return event.key === 'F6' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/**
 * What the status line says is shown: a downloaded file by its name (isolated, shortened if long, as
 * the notices name files), a page by its title (its host when it has none: the station says it), and
 * « Aucune page ouverte » only when there is no page at all.
 */
function ViewStatus({ browser }: { browser: StationState['browser'] }) {
  const { t } = useTranslation();
  if (browser?.file)
    return <SentenceWithName sentence={(name) => t('browser.fileShown', { name })} name={browser.file} />;
  // The station gives an untitled page's host as its title; a blank page has neither.
  const title = browser?.title || hostOf(browser?.url ?? '');
  return <>{title ? t('browser.viewArea', { title }) : t('browser.noPage')}</>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** What the address field shows of the view: a file's name, else the page's address. */
export function addressShown(browser: StationState['browser']): string {
  return browser?.file ?? browser?.url ?? '';
}

/**
 * Where « Aller » goes with the field's `text`: what the candidate typed, as an address; the file
 * shown again when the field still holds its name (it stands for the file, not for a site).
 */
export function addressToOpen(text: string, browser: StationState['browser']): string | null {
  if (browser?.file && text === browser.file) return browser.url || null;
  return normalizeAddress(text);
}

/** What the candidate typed, as an address: "wikipedia.org" means https://wikipedia.org/. */
export function normalizeAddress(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return `https://${text}`;
}
