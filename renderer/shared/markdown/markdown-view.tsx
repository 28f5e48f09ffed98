// Shows sanitized Markdown as React elements (never innerHTML), with answer fields placed at their
// `${name}` placeholders and links routed to a handler (the station opens them in the challenge
// browser: the candidate screens themselves never navigate).
import { createElement, Fragment, memo, useMemo, type MouseEvent, type ReactNode } from 'react';
import { ALLOWED_TAGS, FIELD_MARK, renderSafeMarkdown } from './safe-markdown.ts';

type AllowedTag = (typeof ALLOWED_TAGS)[number];
const ALLOWED = new Set<string>(ALLOWED_TAGS);
const VOID = new Set(['br', 'hr', 'img']);
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export interface MarkdownViewProps {
  markdown: string;
  /** Field names placed in the text, and how to draw each one. */
  fields?: readonly string[];
  renderField?: (name: string) => ReactNode;
  onLink?: (url: string) => void;
  /** Read after each link's text by screen readers ("opens in the browser"). */
  linkHint?: string;
  resolveImage?: (src: string) => string | null;
  /** The words shown in place of an image that is not shown (safe-markdown.ts). */
  missingImage?: (alt: string) => string;
  /** Markdown headings start below the page's own headings: h1 becomes h(1 + offset). */
  headingOffset?: number;
  className?: string;
}

/** Memoized: the same text with the same fields is not converted again on every redraw. */
export const MarkdownView = memo(function MarkdownView(props: MarkdownViewProps) {
  const { markdown, fields, resolveImage, missingImage } = props;
  const rendered = useMemo(
    () =>
      renderSafeMarkdown(markdown, {
        fields: fields ?? [],
        resolveImage: resolveImage ?? (() => null),
        ...(missingImage ? { missingImage } : {}),
      }),
    [markdown, fields, resolveImage, missingImage],
  );
  const children = Array.from(rendered.fragment.childNodes).map((node, i) =>
    toReact(node, String(i), rendered.slots, props),
  );
  return <div className={props.className}>{children}</div>;
});

function toReact(node: Node, key: string, slots: string[], props: MarkdownViewProps): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return textWithFields(node.textContent ?? '', key, slots, props);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  let tag = element.tagName.toLowerCase();
  if (!ALLOWED.has(tag)) return null;
  if (HEADINGS.includes(tag)) {
    const level = Math.min(6, Number(tag.slice(1)) + (props.headingOffset ?? 2));
    tag = `h${level}`;
  }
  const attributes: Record<string, unknown> = { key };
  switch (tag as AllowedTag) {
    case 'a': {
      const href = element.getAttribute('href');
      if (href) {
        attributes.href = href;
        attributes.onClick = (event: MouseEvent) => {
          event.preventDefault();
          props.onLink?.(href);
        };
      }
      break;
    }
    case 'img':
      attributes.src = element.getAttribute('src');
      attributes.alt = element.getAttribute('alt') ?? '';
      break;
    case 'td':
    case 'th':
      for (const name of ['colspan', 'rowspan'] as const) {
        const value = Number(element.getAttribute(name));
        if (Number.isInteger(value) && value > 1)
          attributes[name === 'colspan' ? 'colSpan' : 'rowSpan'] = value;
      }
      if (tag === 'th') attributes.scope = element.closest('thead') ? 'col' : 'row';
      break;
    case 'ol': {
      const start = Number(element.getAttribute('start'));
      if (Number.isInteger(start)) attributes.start = start;
      break;
    }
  }
  const title = element.getAttribute('title');
  if (title) attributes.title = title;
  if (VOID.has(tag)) return createElement(tag, attributes);
  const children = Array.from(element.childNodes).map((child, i) =>
    toReact(child, `${key}.${i}`, slots, props),
  );
  if (tag === 'a' && attributes.href && props.linkHint) {
    children.push(
      <span key="hint" className="visually-hidden">
        {` (${props.linkHint})`}
      </span>,
    );
  }
  return createElement(tag, attributes, ...children);
}

function textWithFields(text: string, key: string, slots: string[], props: MarkdownViewProps): ReactNode {
  if (!text.includes('\uE000')) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(FIELD_MARK)) {
    const index = match.index;
    if (index > last) parts.push(text.slice(last, index));
    const name = slots[Number(match[1])];
    if (name !== undefined) parts.push(<Fragment key={`f${index}`}>{props.renderField?.(name)}</Fragment>);
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment key={key}>{parts}</Fragment>;
}
