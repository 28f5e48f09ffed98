// What screen readers hear when something newly needs the invigilator (room-arrivals.ts): the reasons
// just added, not whatever tops the card, all of one look in one message: announced one by one, each
// would replace the last before it is read. Assertive when a candidate is blocked (an alert, one on its
// way, a resume), polite otherwise; the blocked ones first.
import type { Translate } from '../i18n/use-t.ts';
import { BLOCKING } from './attention.ts';
import { candidateName } from '../../shared/namesakes.ts';
import type { Arrival, ArrivalKind } from './room-arrivals.ts';

export interface Announcement {
  message: string;
  politeness: 'polite' | 'assertive';
}

function reasonText(kind: ArrivalKind, arrival: Arrival, t: Translate): string {
  switch (kind) {
    case 'alert': {
      const question = arrival.entry.candidate.alert?.questionNumber;
      return question ? t('attention.alert', { question }) : t('attention.alertUnknownQuestion');
    }
    case 'alertInTransit':
      return t('attention.alertInTransitLong');
    case 'resume':
      return t('attention.resume');
    case 'waiting':
      return t('attention.waiting');
    case 'lockdown':
      return t('attention.lockdown');
    case 'resultRefused':
      return `${t('attention.resultRefused')}. ${t('upload.refused')}`;
  }
}

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);
const urgent = (arrival: Arrival) => arrival.added.some((kind) => BLOCKING.has(kind));

export function arrivalsAnnouncement(
  arrivals: readonly Arrival[],
  t: Translate,
  namesakes: ReadonlySet<string> = new Set(),
): Announcement | null {
  if (arrivals.length === 0) return null;
  const ordered = [...arrivals.filter(urgent), ...arrivals.filter((a) => !urgent(a))];
  const message = ordered
    .map((arrival) =>
      sentence(
        t('room.arrival', {
          name: candidateName(arrival.entry.candidate, namesakes),
          reasons: arrival.added.map((kind) => reasonText(kind, arrival, t)).join(', '),
        }),
      ),
    )
    .join(' ');
  return { message, politeness: ordered.some(urgent) ? 'assertive' : 'polite' };
}
