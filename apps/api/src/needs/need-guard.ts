import { Injectable } from '@nestjs/common';
import { NEED_GUARDS, NeedFlag, NeedsErrors } from '@app/domain';
import { RatePolicy, RateWindow } from '../redis/rate-window';

const minute = (name: string, limit: number): RatePolicy => ({ name, limit, windowSeconds: NEED_GUARDS.windowSeconds });

const POSTS = minute('needs-resident-posts', NEED_GUARDS.postsPerResidentPerMinute);
const ADDRESS = minute('needs-address', NEED_GUARDS.perAddressPerMinute);
const DEVICE = minute('needs-device', NEED_GUARDS.deviceBurst);
const NEED = minute('needs-need-supports', NEED_GUARDS.needSupportBurst);

/** Where one support came from, as the guard counts it: keyed hashes only (VoteHashes under the walls' scope). */
export interface SupportAttempt {
  readonly needId: string;
  readonly addressHash: string;
  /** Null when the page sent no device id (an API client); the other counts still hold. */
  readonly deviceHash: string | null;
}

/**
 * The needs walls' anti-spam, counted in the public vote's Redis windows: a resident posting over
 * and over, or one address beyond any household, is refused (429); a burst (from one address, one
 * phone's page, or onto one need) is only flagged for the community's review queue, because a
 * community centre's Wi-Fi serves many real residents and a good need can draw a crowd.
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

  /** A support: counts it for the address, the device and the need. */
  async admitSupport(attempt: SupportAttempt): Promise<NeedFlag[]> {
    const [address, need, device] = await this.window.addAll([
      { policy: ADDRESS, key: attempt.addressHash },
      { policy: NEED, key: attempt.needId },
      ...(attempt.deviceHash === null ? [] : [{ policy: DEVICE, key: attempt.deviceHash }]),
    ]);
    const flags = this.addressFlags(address);
    if (device !== undefined && device > NEED_GUARDS.deviceBurst) flags.push(NeedFlag.DeviceBurst);
    if (need !== undefined && need > NEED_GUARDS.needSupportBurst) flags.push(NeedFlag.SupportBurst);
    return flags;
  }

  private addressFlags(count: number | undefined): NeedFlag[] {
    if (count === undefined) return [];
    if (count > NEED_GUARDS.perAddressPerMinute) throw NeedsErrors.rateLimited(NEED_GUARDS.windowSeconds);
    return count > NEED_GUARDS.addressBurst ? [NeedFlag.AddressBurst] : [];
  }
}
