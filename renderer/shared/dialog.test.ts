// When a dialog closes, focus goes back to what opened it; when that is gone (a deleted row, a card's
// button its decision removed) or cannot take focus (hidden, inert), to what the screen names instead,
// then to the page's main heading, then to <main>, never to <body>; and never away from where the page
// itself put focus meanwhile.
import { describe, expect, it } from 'vitest';
import { returnFocus, type FocusDocument, type FocusTarget } from './dialog.tsx';

class FakeElement implements FocusTarget {
  attributes = new Map<string, string>();
  private readonly doc: FakeDocument;
  private readonly focusable: boolean;
  readonly name: string;
  isConnected: boolean;
  constructor(doc: FakeDocument, name: string, isConnected = true, focusable = true) {
    this.doc = doc;
    this.name = name;
    this.isConnected = isConnected;
    this.focusable = focusable;
  }
  focus(): void {
    if (this.isConnected && this.focusable) this.doc.activeElement = this;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

class FakeDocument implements FocusDocument {
  readonly body = 'body';
  activeElement: unknown = 'body';
  elements: Record<string, FakeElement> = {};
  querySelector(selector: string): FakeElement | null {
    return this.elements[selector] ?? null;
  }
}

function page(options: { h1?: boolean; main?: boolean } = {}) {
  const doc = new FakeDocument();
  if (options.h1 ?? true) doc.elements['main h1'] = new FakeElement(doc, 'h1');
  if (options.main ?? true) doc.elements.main = new FakeElement(doc, 'main');
  return doc;
}

describe('returnFocus', () => {
  it('goes back to the button that opened the dialog', () => {
    const doc = page();
    const opener = new FakeElement(doc, 'button');
    returnFocus(opener, doc);
    expect(doc.activeElement).toBe(opener);
  });

  it('goes to the main heading when the opener was removed, making it focusable', () => {
    const doc = page();
    const opener = new FakeElement(doc, 'delete button', false);
    returnFocus(opener, doc);
    expect(doc.activeElement).toBe(doc.elements['main h1']);
    expect(doc.elements['main h1']?.attributes.get('tabindex')).toBe('-1');
  });

  it('goes to the main heading when the opener is there but out of reach (hidden, inert)', () => {
    const doc = page();
    returnFocus(new FakeElement(doc, 'hidden button', true, false), doc);
    expect(doc.activeElement).toBe(doc.elements['main h1']);
  });

  it('keeps a tabindex the heading already has', () => {
    const doc = page();
    doc.elements['main h1']?.setAttribute('tabindex', '0');
    returnFocus(null, doc);
    expect(doc.elements['main h1']?.attributes.get('tabindex')).toBe('0');
    expect(doc.activeElement).toBe(doc.elements['main h1']);
  });

  it('goes to <main> when the page has no heading', () => {
    const doc = page({ h1: false });
    returnFocus(null, doc);
    expect(doc.activeElement).toBe(doc.elements.main);
  });

  it('goes to what the screen names when the opener is gone, before the main heading', () => {
    const doc = page();
    const gone = new FakeElement(doc, 'quick button', false);
    const alsoGone = new FakeElement(doc, 'other quick button', false);
    const name = new FakeElement(doc, 'card name');
    returnFocus(gone, doc, { fallback: () => [null, alsoGone, name] });
    expect(doc.activeElement).toBe(name);
  });

  it('still prefers the opener when it is there, and the heading when no fallback takes focus', () => {
    const doc = page();
    const opener = new FakeElement(doc, 'button');
    returnFocus(opener, doc, { fallback: () => [new FakeElement(doc, 'card name')] });
    expect(doc.activeElement).toBe(opener);
    const other = page();
    returnFocus(null, other, { fallback: () => [new FakeElement(other, 'hidden', true, false)] });
    expect(other.activeElement).toBe(other.elements['main h1']);
  });

  it('moves focus still inside the dialog being closed', () => {
    const doc = page();
    const inside = new FakeElement(doc, 'dialog button');
    doc.activeElement = inside;
    const opener = new FakeElement(doc, 'button');
    returnFocus(opener, doc, { inDialog: (element) => element === inside });
    expect(doc.activeElement).toBe(opener);
  });

  it('leaves focus the page put elsewhere meanwhile (a row after a re-scoring)', () => {
    const doc = page();
    const row = new FakeElement(doc, 'row');
    doc.activeElement = row;
    returnFocus(new FakeElement(doc, 'button'), doc, { inDialog: () => false });
    expect(doc.activeElement).toBe(row);
    returnFocus(null, doc);
    expect(doc.activeElement).toBe(row);
  });
});
