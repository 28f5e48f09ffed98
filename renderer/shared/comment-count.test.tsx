// A comment's count, shared by the invigilator screen and the back office (each gives its words): not
// read aloud on every keystroke, over the limit said in words, and the crossing announced once.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentCount, limitCrossing, type CommentCountWords } from './comment-count.tsx';

const words: CommentCountWords = {
  count: ({ count, max }) => `${count} of ${max}`,
  countOver: ({ count, max, excess }) => `${count} of ${max}, ${excess} over`,
  wentOver: ({ max }) => `over ${max}`,
  backUnder: ({ max }) => `within ${max}`,
};
const count = (length: number) =>
  renderToStaticMarkup(<CommentCount id="count" length={length} max={500} words={words} />);

describe('a comment’s count', () => {
  it('is the field’s description, no live region', () => {
    expect(count(12)).toBe('<p id="count" class="hint " data-testid="comment-count">12 of 500</p>');
  });

  it('says how far over the limit the text is, in the words it is given', () => {
    expect(count(523)).toContain('523 of 500, 23 over');
    expect(count(523)).toContain('count-over');
    expect(count(500)).not.toContain('count-over');
  });

  it('has only a crossing of the limit announced (the rule the component’s effect follows), not each keystroke', () => {
    expect(limitCrossing(false, true)).toBe('over');
    expect(limitCrossing(true, true)).toBeNull();
    expect(limitCrossing(true, false)).toBe('backUnder');
    expect(limitCrossing(false, false)).toBeNull();
  });
});
