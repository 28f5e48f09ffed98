// Pieces every page uses: its title (focused when the page opens, so screen readers start there, and
// repeated in the browser tab's title), the sentence that says what the page is for, the loading and
// failure states, and notices.
import { type ReactNode } from 'react';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import type { Resource } from '../state/use-resource.ts';
import { describeFailure } from './describe-failure.ts';
import { useDocumentTitleFrom } from './document-title.ts';

export function PageTitle({ children, intro }: { children: ReactNode; intro?: ReactNode }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // The tab's title says the same, in the same language.
  useDocumentTitleFrom(heading);
  return (
    <div className="page-title">
      <h1 ref={heading} tabIndex={-1}>
        {children}
      </h1>
      {intro && <p className="lead">{intro}</p>}
    </div>
  );
}

export function ErrorNotice({
  failure,
  children,
  announced = false,
}: {
  failure: ApiFailure | null;
  children?: ReactNode;
  /** The caller says it aloud itself, with more context (a name): no alert role, or it is said twice. */
  announced?: boolean;
}) {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  if (!failure) return null;
  return (
    <div
      className="notice notice-error"
      role={announced ? undefined : 'alert'}
      data-testid="error"
      data-code={failure.code}
    >
      <p>{describeFailure(failure, t, serverMessage)}</p>
      {children}
    </div>
  );
}

/**
 * Loading, or what went wrong with a retry button; the page itself once the data is there. A page
 * whose title comes with its data (`titled={false}`) gets a title saying what went wrong.
 */
export function Loaded<T>({
  resource,
  children,
  titled = true,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
  titled?: boolean;
}) {
  const t = useT();
  if (resource.data !== null) return <>{children(resource.data)}</>;
  if (resource.error) {
    const notFound = resource.error.code === 'NOT_FOUND';
    return (
      <>
        {!titled && <PageTitle>{notFound ? t('notFound.title') : t('app.loadFailedTitle')}</PageTitle>}
        <ErrorNotice failure={resource.error}>
          {notFound ? (
            <a className="button button-secondary" href="#/">
              {t('notFound.home')}
            </a>
          ) : (
            <button type="button" className="button button-secondary" onClick={resource.reload}>
              {t('app.retry')}
            </button>
          )}
        </ErrorNotice>
      </>
    );
  }
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

export function NextStep({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="notice next-step" data-testid="next-step">
      <p className="notice-title">{t('common.nextStep')}</p>
      {children}
    </div>
  );
}
