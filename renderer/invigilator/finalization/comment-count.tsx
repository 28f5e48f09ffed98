// The global comment's count (shared/comment-count.tsx), in the invigilator screen's words.
import { CommentCount as SharedCommentCount, type CommentCountWords } from '../../shared/comment-count.tsx';
import { useT, type Translate } from '../i18n/use-t.ts';

export function commentCountWords(t: Translate): CommentCountWords {
  return {
    count: (values) => t('finalization.commentCount', values),
    countOver: (values) => t('finalization.commentCountOver', values),
    wentOver: (values) => t('finalization.errors.comment', values),
    backUnder: (values) => t('finalization.commentBackUnder', values),
  };
}

export function CommentCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useT();
  return <SharedCommentCount id={id} length={length} max={max} words={commentCountWords(t)} />;
}
