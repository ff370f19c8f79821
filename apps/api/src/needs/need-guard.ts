import { Injectable } from '@nestjs/common';
import { NEED_GUARDS, NeedFlag, NeedsErrors } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

const minute = (name: string, limit: number): RatePolicy => ({ name, limit, windowSeconds: NEED_GUARDS.windowSeconds });

const POSTS = minute('needs-resident-posts', NEED_GUARDS.postsPerResidentPerMinute);
const ADDRESS = minute('needs-address', NEED_GUARDS.perAddressPerMinute);

/**
 * The needs walls' anti-spam, counted in the public vote's Redis windows: a resident posting over
 * and over, or one address beyond any household, is refused (429); a burst from one address is only
 * flagged for the community, because a community centre's Wi-Fi serves many real residents.
 */
@Injectable()
export class NeedGuard {
  constructor(private readonly window: RateWindow) {}

  /** A post: counts it for the resident and the address. */
  async admitPost(residentId: string, addressHash: string): Promise<NeedFlag[]> {
    const [posts, address] = await this.window.addAll([
      { policy: POSTS, key: residentId },
      { policy: ADDRESS, key: addressHash },
    ]);
    if (posts !== undefined && posts > NEED_GUARDS.postsPerResidentPerMinute) {
      throw NeedsErrors.rateLimited(NEED_GUARDS.windowSeconds);
    }
    return this.addressFlags(address);
  }

  /** A support: counts it for the address. */
  async admitSupport(addressHash: string): Promise<NeedFlag[]> {
    const [address] = await this.window.addAll([{ policy: ADDRESS, key: addressHash }]);
    return this.addressFlags(address);
  }

  private addressFlags(count: number | undefined): NeedFlag[] {
    if (count === undefined) return [];
    if (count > NEED_GUARDS.perAddressPerMinute) throw NeedsErrors.rateLimited(NEED_GUARDS.windowSeconds);
    return count > NEED_GUARDS.addressBurst ? [NeedFlag.AddressBurst] : [];
  }
}
