import { describe, expect, it } from 'vitest';
import { qcuChallenge } from '../testing/challenge-fixtures.ts';
import { unopenableAttachments, viewerKindOf } from './station-viewers.ts';

describe('which attachments a station opens', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/png', 'image'],
    ['IMAGE/JPEG', 'image'],
    ['text/csv', 'csv'],
    ['application/csv', 'csv'],
    ['text/tab-separated-values', 'csv'],
    ['text/plain', 'text'],
    ['application/json', 'text'],
    ['application/xml', 'text'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
    ['application/vnd.oasis.opendocument.spreadsheet', null],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
    ['application/vnd.oasis.opendocument.text', null],
    ['application/zip', null],
  ])('%s → %s', (mediaType, kind) => {
    expect(viewerKindOf(mediaType)).toBe(kind);
  });

  it('lists the attachments of a challenge that no station can open', () => {
    const file = (fileName: string, mediaType: string) => ({
      hash: 'a'.repeat(64),
      fileName,
      mediaType,
      size: 10,
    });
    const challenge = {
      ...qcuChallenge({ id: 'c1', skill: '@web1', competence: '1.1' }),
      attachments: [
        file('notes.csv', 'text/csv'),
        file('notes.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        file('lettre.odt', 'application/vnd.oasis.opendocument.text'),
      ],
    };
    expect(unopenableAttachments(challenge).map((a) => a.fileName)).toEqual(['notes.xlsx', 'lettre.odt']);
    expect(unopenableAttachments(qcuChallenge({ id: 'c2', skill: '@web1', competence: '1.1' }))).toEqual([]);
  });
});
