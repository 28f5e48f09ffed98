import { describe, expect, it } from 'vitest';
import { ProfileImportReportSchema, type ProfileImportReport } from '../../../core/contracts/centre-api.ts';
import { afterPreview, pixChange, previewBody } from './profile-preview.ts';

const entry = (
  status: 'imported' | 'replaced' | 'rejected',
  pixBefore: number | null,
  pixAfter: number | null,
): ProfileImportReport['entries'][number] => ({
  index: 0,
  status,
  candidateId: status === 'rejected' ? null : 'cnd_1',
  message: status === 'rejected' ? 'no candidate of the session matches' : null,
  pixBefore,
  pixAfter,
});

const report = (replaced: number): ProfileImportReport =>
  ProfileImportReportSchema.parse({
    dryRun: true,
    imported: 2,
    replaced,
    rejected: 0,
    entries: [entry(replaced > 0 ? 'replaced' : 'imported', replaced > 0 ? 120 : null, 96)],
  });

describe('importing profiles that would replace others', () => {
  it('asks the referent first when the dry run would replace a profile, and imports at once otherwise', () => {
    expect(afterPreview(report(1))).toBe('confirm');
    expect(afterPreview(report(0))).toBe('import');
  });

  it('sends the dry run with the file’s entries as they are', () => {
    const body = { profiles: [{ externalId: '42', profile: {} }] };
    expect(previewBody(body)).toEqual({ profiles: body.profiles, dryRun: true });
    expect(body).not.toHaveProperty('dryRun');
  });

  it('words a replaced profile by its Pix totals, before and after', () => {
    expect(pixChange(entry('replaced', 120, 96))).toEqual({ before: 120, after: 96 });
    expect(pixChange(entry('imported', null, 96))).toBeNull();
    expect(pixChange(entry('rejected', null, null))).toBeNull();
  });
});
