// A word-processor file's content as React elements (never HTML from the file): headings below the
// dialog's title, paragraphs, lists, tables, bold/italic; images only from inside the file; links as
// words (and their address), never followed: the station does not navigate from a viewer.
import { createElement, Fragment, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  missingImageCount,
  plainText,
  type Block,
  type DocumentContent,
  type Inline,
  type TableCell,
} from './document-model.ts';
import { MissingImagesAdvice } from './viewer-messages.tsx';

export function DocumentArticle({ content, name }: { content: DocumentContent; name: string }) {
  const { t } = useTranslation();
  const advice = useContext(MissingImagesAdvice);
  const tables = { count: 0 };
  if (content.blocks.length === 0) return <p>{t('test.attachments.empty')}</p>;
  // Each image not shown is marked where it was; what to do about them is said once, before the text.
  const missing = advice ? missingImageCount(content.blocks) : 0;
  return (
    <article className="viewer-document" aria-label={t('test.attachments.document.label', { name })}>
      {missing > 0 && (
        <div className="notice notice-info" data-testid="document-missing-images">
          <p>
            {advice === 'reported'
              ? t('test.attachments.document.missingImagesReported', { count: missing })
              : t('test.attachments.document.missingImages', { count: missing })}
          </p>
        </div>
      )}
      {renderBlocks(content.blocks, t, tables)}
      {content.truncated && <p className="hint">{t('test.attachments.document.truncated')}</p>}
    </article>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function renderBlocks(blocks: Block[], t: T, tables: { count: number }): ReactNode[] {
  return blocks.map((block, i) => renderBlock(block, String(i), t, tables));
}

/** A list item's or cell's content: one paragraph is shown as its text, more as blocks. */
function renderFlow(blocks: Block[], t: T, tables: { count: number }): ReactNode {
  const [only] = blocks;
  if (blocks.length === 1 && only?.kind === 'paragraph') return renderInlines(only.content, t);
  return renderBlocks(blocks, t, tables);
}

function renderBlock(block: Block, key: string, t: T, tables: { count: number }): ReactNode {
  switch (block.kind) {
    case 'heading':
      // The dialog's title is an h2: the document's first level is an h3.
      return createElement(`h${Math.min(6, block.level + 2)}`, { key }, renderInlines(block.content, t));
    case 'paragraph':
      return <p key={key}>{renderInlines(block.content, t)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderFlow(item, t, tables)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'table': {
      tables.count += 1;
      return (
        <div
          key={key}
          className="document-table"
          role="region"
          tabIndex={0}
          aria-label={t('test.attachments.document.table', { n: tables.count })}
        >
          <table>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>{row.map((cell, c) => renderCell(cell, c, row, t, tables))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

function renderCell(
  cell: TableCell,
  key: number,
  row: TableCell[],
  t: T,
  tables: { count: number },
): ReactNode {
  const spans = {
    ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
  };
  const content = renderFlow(cell.blocks, t, tables);
  if (!cell.header)
    return (
      <td key={key} {...spans}>
        {content}
      </td>
    );
  // A row of headers heads its columns; a header among data cells heads its row.
  const scope = row.every((c) => c.header) ? 'col' : 'row';
  return (
    <th key={key} scope={scope} {...spans}>
      {content}
    </th>
  );
}

function renderInlines(content: Inline[], t: T): ReactNode[] {
  return content.map((inline, i) => renderInline(inline, i, t));
}

function renderInline(inline: Inline, key: number, t: T): ReactNode {
  switch (inline.kind) {
    case 'text': {
      let node: ReactNode = inline.text;
      if (inline.script) node = createElement(inline.script, null, node);
      if (inline.strike) node = <s>{node}</s>;
      if (inline.underline) node = <u>{node}</u>;
      if (inline.italic) node = <em>{node}</em>;
      if (inline.bold) node = <strong>{node}</strong>;
      return <Fragment key={key}>{node}</Fragment>;
    }
    case 'break':
      return <br key={key} />;
    case 'image':
      return (
        <img
          key={key}
          className="document-image"
          src={inline.src}
          alt={inline.alt || t('test.attachments.document.imageNoAlt')}
        />
      );
    case 'missingImage':
      // Spaced from the words around it: an image often sits right against them.
      return (
        <span key={key} className="muted">
          {' '}
          {inline.alt
            ? t('test.attachments.document.missingImage', { alt: inline.alt })
            : t('test.attachments.document.missingImageNoAlt')}{' '}
        </span>
      );
    case 'link': {
      const label = plainText(inline.content).trim();
      return (
        <span key={key} className="document-link">
          {renderInlines(inline.content, t)}
          {inline.url && inline.url !== label && <span className="document-link-url"> ({inline.url})</span>}
        </span>
      );
    }
  }
}
