// The global comment's character count, under the field (the field names it in its description, so a
// screen reader hears it on reaching the field, not on every keystroke). Over the limit, it says so in
// words, and that is announced once, when it happens; and once again when the text fits again.
import { useEffect, useRef } from 'react';
import { GLOBAL_COMMENT_MAX } from '../../../core/contracts/invigilator-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { useT } from '../i18n/use-t.ts';
import { limitCrossing } from './finalization-form.ts';

export function CommentCount({ id, length }: { id: string; length: number }) {
  const t = useT();
  const over = length > GLOBAL_COMMENT_MAX;
  const wasOver = useRef(over);
  useEffect(() => {
    const crossing = limitCrossing(wasOver.current, over);
    wasOver.current = over;
    if (crossing === 'over') announce(t('finalization.errors.comment'));
    if (crossing === 'backUnder') announce(t('finalization.commentBackUnder'));
  }, [over, t]);
  return (
    <p id={id} className={`hint ${over ? 'count-over' : ''}`} data-testid="comment-count">
      {over
        ? t('finalization.commentCountOver', { count: length, excess: length - GLOBAL_COMMENT_MAX })
        : t('finalization.commentCount', { count: length })}
    </p>
  );
}
