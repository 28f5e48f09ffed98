// The browser tab's title follows the page and the language ("Sessions — Espace centre de
// certification"): it is what a screen reader says first on switching tabs, and what the tab, the
// history and the bookmarks show. index.html's fixed title only lasts until the app starts.
import { useEffect, type RefObject } from 'react';
import { useT } from '../i18n/use-t.ts';

/** The page's title, then the app's name; the app's name alone when the page has no other title. */
export function documentTitle(page: string | null | undefined, appName: string): string {
  const text = (page ?? '').replace(/\s+/g, ' ').trim();
  return text === '' || text === appName ? appName : `${text} — ${appName}`;
}

/** The tab's title from `page`, in the current language (null: the app's name alone). */
export function useDocumentTitle(page: string | null): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = documentTitle(page, appName);
  }, [page, appName]);
}

/**
 * The tab's title from the page's heading as shown (it may hold more than one text, e.g. the centre's
 * name), read after every render: the heading's words change with the page's data and the language.
 */
export function useDocumentTitleFrom(heading: RefObject<HTMLElement | null>): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    const title = documentTitle(heading.current?.textContent, appName);
    if (document.title !== title) document.title = title;
  });
}
