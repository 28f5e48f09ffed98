// The global comment's count (shared/comment-count.tsx), in the back office's words.
import { GLOBAL_COMMENT_MAX } from '../../../core/contracts/invigilator-api.ts';
import { CommentCount as SharedCommentCount, type CommentCountWords } from '../../shared/comment-count.tsx';
import { useT, type Translate } from '../i18n/use-t.ts';

export function commentCountWords(t: Translate): CommentCountWords {
  return {
    count: ({ count }) => t('finalization.commentCount', { count }),
    countOver: ({ count, excess }) => t('finalization.commentCountOver', { count, excess }),
    wentOver: () => t('finalization.errors.comment'),
    backUnder: () => t('finalization.commentBackUnder'),
  };
}

export function CommentCount({ id, length }: { id: string; length: number }) {
  const t = useT();
  return <SharedCommentCount id={id} length={length} max={GLOBAL_COMMENT_MAX} words={commentCountWords(t)} />;
}
