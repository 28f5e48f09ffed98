import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { odsHiddenLines, withoutComments } from './ods-hidden-lines.ts';

const LIMITS = { rows: 2000, columns: 100 };
const ods = (body: string) =>
  zipSync({
    'content.xml': strToU8(
      `<?xml version="1.0"?><office:document-content><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`,
    ),
  });
const hidden = (body: string) => Object.fromEntries(odsHiddenLines(ods(body), LIMITS));

describe('an .ods’s hidden rows and columns', () => {
  it('reads rows and columns hidden by hand or by a filter, repeats counted', () => {
    expect(
      hidden(
        '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>' +
          '<table:table-row/><table:table-row table:number-rows-repeated="2" table:visibility="filter"/></table:table>',
      ),
    ).toEqual({ T: { rows: [1, 2], columns: [2] } });
  });

  it('hides rows of no height and columns of no width, by their automatic style', () => {
    const styles =
      '<office:automatic-styles>' +
      '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.452cm"/></style:style>' +
      '<style:style style:name="ro2" style:family="table-row"><style:table-row-properties style:row-height="0cm"/></style:style>' +
      // LibreOffice works out an optimal height itself on opening: this row is drawn.
      '<style:style style:name="ro3" style:family="table-row"><style:table-row-properties style:row-height="0cm" style:use-optimal-row-height="true"/></style:style>' +
      "<style:style style:name='ro&amp;4' style:family='table-row'><style:table-row-properties style:row-height='0.000in'/></style:style>" +
      '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="2.258cm"/></style:style>' +
      '<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="0px"/></style:style>' +
      // Not a length: no size given.
      '<style:style style:name="co3" style:family="table-column"><style:table-column-properties style:column-width="zero"/></style:style>' +
      // Properties outside a named style (a default style's, or after one's end) give no style that size.
      '<style:default-style style:family="table-row"><style:table-row-properties style:row-height="0cm"/></style:default-style>' +
      '<style:style style:name="ro5" style:family="table-row"/><style:table-row-properties style:row-height="0cm"/>' +
      '</office:automatic-styles>';
    const body =
      '<table:table table:name="T">' +
      '<table:table-column table:style-name="co1"/><table:table-column table:style-name="co2" table:number-columns-repeated="2"/><table:table-column table:style-name="co3"/>' +
      '<table:table-row table:style-name="ro1"/><table:table-row table:style-name="ro2" table:number-rows-repeated="2"/>' +
      '<table:table-row table:style-name="ro3"/><table:table-row table:style-name="ro&amp;4"/><table:table-row table:style-name="ro5"/><table:table-row/></table:table>';
    const found = odsHiddenLines(
      zipSync({
        'content.xml': strToU8(
          `<?xml version="1.0"?><office:document-content>${styles}<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`,
        ),
      }),
      LIMITS,
    );
    expect(Object.fromEntries(found)).toEqual({ T: { rows: [1, 2, 4], columns: [1, 2] } });
  });

  it('skips commented-out rows and CDATA, as SheetJS does', () => {
    expect(
      hidden(
        '<table:table table:name="T"><!-- <table:table-row/> <table:table-row/> -->' +
          '<table:table-row><table:table-cell><text:p><![CDATA[<table:table-row/>]]></text:p></table:table-cell></table:table-row>' +
          '<table:table-row table:visibility="collapse"/></table:table>',
      ),
    ).toEqual({ T: { rows: [1], columns: [] } });
  });

  it('reads a tag whose attribute value holds a ">"', () => {
    expect(
      hidden(
        '<table:table table:name="a > b"><table:table-row table:style-name="x>y" table:visibility="collapse"/></table:table>',
      ),
    ).toEqual({ 'a > b': { rows: [0], columns: [] } });
  });

  it('reads values in single quotes, and no attribute inside another’s value', () => {
    expect(
      hidden(
        "<table:table table:name='Notes'><table:table-row table:visibility='collapse'/>" +
          `<table:table-row table:style-name=' table:visibility="collapse"'/><table:table-row/></table:table>`,
      ),
    ).toEqual({ Notes: { rows: [0], columns: [] } });
  });

  it('removes comments and CDATA in one pass, an unterminated one ending the text', () => {
    expect(withoutComments('a<!--x-->b<![CDATA[<!--]]>c<!--d')).toBe('abc');
    expect(withoutComments('<![CDATA[-->]]>e')).toBe('e');
  });

  it('stays linear on a hostile tag', () => {
    const long = `<table:table table:name="T"><table:table-row ${'a'.repeat(200_000)}`;
    expect(hidden(`${long}<table:table-row table:visibility="collapse"/></table:table>`)).toEqual({
      T: { rows: [0], columns: [] },
    });
  });
});
