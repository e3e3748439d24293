import { Types } from 'mongoose';
import { useTestShop } from '../../test/test-shop';
import { deleteExpiredTokens } from './housekeeping';
import { OneTimeTokenModel } from './one-time-token.model';
import { RefreshTokenModel } from './refresh-token.model';

describe('Token housekeeping', () => {
  useTestShop();

  it('deletes tokens expired over a day ago and keeps the rest', async () => {
    const userId = new Types.ObjectId();
    const now = new Date('2026-11-28T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    await RefreshTokenModel.create([
      { tokenHash: 'old', userId, familyId: 'f1', expiresAt: daysAgo(2) },
      { tokenHash: 'recent', userId, familyId: 'f1', expiresAt: daysAgo(0.5) },
      { tokenHash: 'valid', userId, familyId: 'f2', expiresAt: daysAgo(-10) },
    ]);
    await OneTimeTokenModel.create([
      { tokenHash: 'old-reset', purpose: 'password_reset', userId, expiresAt: daysAgo(3) },
      { tokenHash: 'new-reset', purpose: 'password_reset', userId, expiresAt: daysAgo(-0.01) },
    ]);

    expect(await deleteExpiredTokens(now)).toBe(2);
    expect((await RefreshTokenModel.find().lean()).map((token) => token.tokenHash).sort()).toEqual(['recent', 'valid']);
    expect((await OneTimeTokenModel.find().lean()).map((token) => token.tokenHash)).toEqual(['new-reset']);
  });
});
