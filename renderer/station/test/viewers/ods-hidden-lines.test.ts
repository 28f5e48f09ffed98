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
