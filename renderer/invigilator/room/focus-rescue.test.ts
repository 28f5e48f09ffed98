// When the button just pressed leaves the page (its action done, its card re-sorted), focus goes to
// the same candidate's card or the next action, never to <body>.
import { describe, expect, it } from 'vitest';
import {
  cardFocusTargets,
  focusFirst,
  focusIsLost,
  quoted,
  type RescueDocument,
  type RescueTarget,
} from './focus-rescue.ts';

const BODY = { tagName: 'BODY' };

class FakeElement implements RescueTarget {
  attributes = new Map<string, string>();
  private readonly doc: FakeDocument;
  private readonly focusable: 'always' | 'withTabindex' | 'never';
  constructor(doc: FakeDocument, focusable: 'always' | 'withTabindex' | 'never' = 'always') {
    this.doc = doc;
    this.focusable = focusable;
  }
  focus(): void {
    const takes =
      this.focusable === 'always' || (this.focusable === 'withTabindex' && this.attributes.has('tabindex'));
    if (takes) this.doc.activeElement = this;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

class FakeDocument implements RescueDocument {
  activeElement: unknown = BODY;
  readonly body = BODY;
  elements: Record<string, FakeElement> = {};
  querySelector(selector: string): FakeElement | null {
    return this.elements[selector] ?? null;
  }
}

describe('focus left nowhere', () => {
  it('is focus on <body>, on nothing, or on a modal dialog itself', () => {
    expect(focusIsLost({ activeElement: BODY, body: BODY })).toBe(true);
    expect(focusIsLost({ activeElement: null, body: BODY })).toBe(true);
    expect(focusIsLost({ activeElement: { tagName: 'DIALOG' }, body: BODY })).toBe(true);
    expect(focusIsLost({ activeElement: { tagName: 'BUTTON' }, body: BODY })).toBe(false);
  });
});

describe('focusFirst', () => {
  it('focuses the first target on the page, skipping those that are gone', () => {
    const doc = new FakeDocument();
    doc.elements['.card-open'] = new FakeElement(doc);
    expect(focusFirst(doc, ['[data-testid="quick-confirm"]', '.card-open'])).toBe(true);
    expect(doc.activeElement).toBe(doc.elements['.card-open']);
  });

  it('makes a heading focusable (tabindex=-1) when it is the target', () => {
    const doc = new FakeDocument();
    doc.elements.h2 = new FakeElement(doc, 'withTabindex');
    expect(focusFirst(doc, ['button', 'h2'])).toBe(true);
    expect(doc.activeElement).toBe(doc.elements.h2);
    expect(doc.elements.h2?.attributes.get('tabindex')).toBe('-1');
  });

  it('says so when nothing can take focus, leaving it where it was', () => {
    const doc = new FakeDocument();
    doc.elements.button = new FakeElement(doc, 'never');
    expect(focusFirst(doc, ['button', 'h2'])).toBe(false);
    expect(doc.activeElement).toBe(BODY);
  });
});

describe('a card’s focus', () => {
  it('goes back to the same button if it is still there, else to the card’s name', () => {
    expect(cardFocusTargets({ candidateId: 'cand-1', testId: 'quick-confirm' })).toEqual([
      'li[data-candidate-id="cand-1"] [data-testid="quick-confirm"]',
      'li[data-candidate-id="cand-1"] .card-open',
    ]);
    expect(cardFocusTargets({ candidateId: 'cand-1', testId: null })).toEqual([
      'li[data-candidate-id="cand-1"] .card-open',
    ]);
  });

  it('quotes what goes in a selector', () => {
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});
