import { describe, expect, it } from 'vitest';
import { RequestIdSchema } from '../../../core/contracts/invigilator-api.ts';
import { newRequestId } from './request-id.ts';

describe('request ids', () => {
  it('are UUIDs the server accepts, even from the worst random bytes', () => {
    for (const fill of [0x00, 0xff, 0x5a]) {
      const id = newRequestId((b) => b.fill(fill));
      expect(RequestIdSchema.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
