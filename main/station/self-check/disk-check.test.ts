// Free disk space where the station keeps its data: the free bytes travel raw, the screens format them.
import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import { DISK_FAILURE_BYTES, checkDisk } from './disk-check.ts';

const GB = 1024 ** 3;
const check = async (measure: () => Promise<number>) =>
  SelfCheckLineSchema.parse(await checkDisk('/var/lib/pix', measure));

describe('the disk check', () => {
  it('gives the free space, warns under 1 GB and fails under 200 MB', async () => {
    expect(await check(() => Promise.resolve(40.5 * GB))).toMatchObject({
      status: 'ok',
      detail: '40,5 Go libres pour /var/lib/pix',
      code: 'disk.ok',
      params: { bytes: 40.5 * GB, folder: '/var/lib/pix' },
    });
    expect(await check(() => Promise.resolve(0.5 * GB))).toMatchObject({
      status: 'warning',
      code: 'disk.low',
      params: { bytes: 0.5 * GB },
    });
    expect(await check(() => Promise.resolve(DISK_FAILURE_BYTES - 1))).toMatchObject({
      status: 'failure',
      code: 'disk.low',
      params: { bytes: DISK_FAILURE_BYTES - 1 },
    });
  });

  it('fails when the free space cannot be read, with the system’s code', async () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(await check(() => Promise.reject(denied))).toMatchObject({
      status: 'failure',
      code: 'disk.unreadable',
      params: { folder: '/var/lib/pix', error: 'EACCES' },
    });
    expect(await check(() => Promise.reject(new Error('odd')))).toMatchObject({
      code: 'disk.unreadable',
      params: { folder: '/var/lib/pix' },
    });
  });
});
