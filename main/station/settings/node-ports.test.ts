import { describe, expect, it } from 'vitest';
import { RegistryUnreadableError } from './managed-sources.ts';
import { queryRegistryKey, REGISTRY_PROBE_KEY } from './node-ports.ts';

const POLICY = 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation';
const exit = (code: number) => Object.assign(new Error(`Command failed: reg.exe (exit ${code})`), { code });

describe('queryRegistryKey', () => {
  it('gives the key’s output, and null for a missing key once reg.exe proves it can read the registry', async () => {
    const asked: string[] = [];
    expect(await queryRegistryKey(POLICY, async (key) => (asked.push(key), 'out'))).toBe('out');
    expect(asked).toEqual([POLICY]);

    asked.length = 0;
    const missing = await queryRegistryKey(POLICY, async (key) => {
      asked.push(key);
      if (key === POLICY) throw exit(1);
      return 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes';
    });
    expect(missing).toBeNull();
    expect(asked).toEqual([POLICY, REGISTRY_PROBE_KEY]);
  });

  it('says the registry is unreadable when reg.exe fails on a key every Windows has (registry tools disabled)', async () => {
    const refused = queryRegistryKey(POLICY, async () => {
      throw exit(1);
    });
    await expect(refused).rejects.toBeInstanceOf(RegistryUnreadableError);
    await expect(refused).rejects.toMatchObject({ cause: expect.objectContaining({ code: 1 }) });
  });

  it('lets any other failure through (reg.exe missing, timed out)', async () => {
    const enoent = Object.assign(new Error('spawn reg.exe ENOENT'), { code: 'ENOENT' });
    await expect(
      queryRegistryKey(POLICY, async () => {
        throw enoent;
      }),
    ).rejects.toBe(enoent);
  });
});
