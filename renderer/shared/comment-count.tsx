// A comment's character count, under its field (the field names it in its description, so a screen
// reader hears it on reaching the field, not on every keystroke). Over the limit, it says so in words,
// and that is announced once, when it happens; and once again when the text fits again. Each app gives
// its own words (their messages differ).
import { useEffect, useRef } from 'react';
import { announce } from './announcer.tsx';

/**
 * What to say when a comment's length crosses its limit, once, rather than its count on every
 * keystroke: it went over, it is back within, or nothing to say.
 */
export function limitCrossing(wasOver: boolean, isOver: boolean): 'over' | 'backUnder' | null {
  if (isOver === wasOver) return null;
  return isOver ? 'over' : 'backUnder';
}

/** The sentences, in the app's language, for a text of `count` characters against `max`. */
export interface CommentCountWords {
  /** Within the limit: « 12 / 500 caractères ». */
  count(values: { count: number; max: number }): string;
  /** Over it, in words (no bare « ! »): « 523 / 500 caractères : 23 de trop ». */
  countOver(values: { count: number; max: number; excess: number }): string;
  /** Announced once when the text goes over. */
  wentOver(values: { max: number }): string;
  /** Announced once when it fits again. */
  backUnder(values: { max: number }): string;
}

export function CommentCount({
  id,
  length,
  max,
  words,
}: {
  id: string;
  length: number;
  max: number;
  words: CommentCountWords;
}) {
  const over = length > max;
  const wasOver = useRef(over);
  const wordsRef = useRef(words);
  wordsRef.current = words;
  useEffect(() => {
    const crossing = limitCrossing(wasOver.current, over);
    wasOver.current = over;
    if (crossing === 'over') announce(wordsRef.current.wentOver({ max }));
    if (crossing === 'backUnder') announce(wordsRef.current.backUnder({ max }));
  }, [over, max]);
  return (
    <p id={id} className={`hint ${over ? 'count-over' : ''}`} data-testid="comment-count">
      {over
        ? words.countOver({ count: length, max, excess: length - max })
        : words.count({ count: length, max })}
    </p>
  );
}
