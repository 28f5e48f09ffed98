// When a dialog closes, focus goes back to what opened it; when that is gone (a deleted row) or cannot
// take focus (hidden, inert), to the page's main heading, then to <main>, never to <body>.
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
});
