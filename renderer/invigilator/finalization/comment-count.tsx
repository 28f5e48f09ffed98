// The global comment's character count, under the field (the field names it in its description, so a
// screen reader hears it on reaching the field, not on every keystroke). Over the limit, it says so in
// words, and that is announced once, when it happens; and once again when the text fits again.
import { useEffect, useRef } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useT } from '../i18n/use-t.ts';
import { limitCrossing } from './finalization-rules.ts';

export function CommentCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useT();
  const over = length > max;
  const wasOver = useRef(over);
  useEffect(() => {
    const crossing = limitCrossing(wasOver.current, over);
    wasOver.current = over;
    if (crossing === 'over') announce(t('finalization.errors.comment', { max }));
    if (crossing === 'backUnder') announce(t('finalization.commentBackUnder', { max }));
  }, [over, max, t]);
  return (
    <p id={id} className={`hint ${over ? 'count-over' : ''}`} data-testid="comment-count">
      {over
        ? t('finalization.commentCountOver', { count: length, max, excess: length - max })
        : t('finalization.commentCount', { count: length, max })}
    </p>
  );
}
