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
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'spreadsheet'],
    ['application/vnd.ms-excel', 'spreadsheet'],
    ['application/vnd.oasis.opendocument.spreadsheet', 'spreadsheet'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'document'],
    ['APPLICATION/VND.OASIS.OPENDOCUMENT.TEXT', 'document'],
    // Old binary Word, presentations and archives stay unopenable.
    ['application/msword', null],
    ['application/vnd.openxmlformats-officedocument.presentationml.presentation', null],
    ['application/vnd.oasis.opendocument.presentation', null],
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
        file('lettre.doc', 'application/msword'),
        file('diaporama.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'),
      ],
    };
    expect(unopenableAttachments(challenge).map((a) => a.fileName)).toEqual(['lettre.doc', 'diaporama.pptx']);
    expect(unopenableAttachments(qcuChallenge({ id: 'c2', skill: '@web1', competence: '1.1' }))).toEqual([]);
  });
});
