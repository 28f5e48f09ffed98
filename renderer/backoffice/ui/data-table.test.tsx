import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';

describe('DataTable', () => {
  it('names the table once: a hidden caption and the headers as columns, the rows in the body', () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Postes inscrits"
        className="table-compact"
        testId="stations-table"
        columns={['Poste', <span className="visually-hidden">Révoquer</span>]}
      >
        <tr>
          <td>Poste 01</td>
          <td />
        </tr>
      </DataTable>,
    );
    expect(html).toContain(
      '<table class="table table-compact" data-testid="stations-table"><caption class="visually-hidden">Postes inscrits</caption>',
    );
    expect(html).toContain(
      '<thead><tr><th scope="col">Poste</th><th scope="col"><span class="visually-hidden">Révoquer</span></th></tr></thead><tbody><tr><td>Poste 01</td>',
    );
  });

  it('shows the caption when asked, and is a plain "table" without extra classes', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Par compétence" captionVisible columns={['Compétence']}>
        {null}
      </DataTable>,
    );
    expect(html).toContain('<table class="table"><caption>Par compétence</caption>');
  });
});
