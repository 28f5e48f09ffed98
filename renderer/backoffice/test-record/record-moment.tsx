// A moment of the test record, on the server's clock to the second (with its date when not the
// test's day), or « heure inconnue » when the station's clock gave none that can be written.
import { useLocale, useT } from '../i18n/use-t.ts';
import { recordTime } from './record-words.ts';

export function Moment({ at, reference }: { at: string | null; reference: string | null }) {
  const t = useT();
  const locale = useLocale();
  const text = recordTime(at, locale, reference);
  if (at === null || text === null) return <span className="muted">{t('testRecord.noneTime')}</span>;
  return <time dateTime={at}>{text}</time>;
}

/** The question an event happened on, or a dash outside the questions. */
export function QuestionNumber({ number }: { number: number | null }) {
  return <>{number === null ? '—' : number}</>;
}
