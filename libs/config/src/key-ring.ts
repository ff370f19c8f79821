/** One secret and the short id that names it in what it signed or keyed. */
export interface NamedKey {
  readonly id: string;
  readonly secret: string;
}

/**
 * The secrets of one purpose, current first: the first signs or keys everything new, every one
 * still verifies or finds what it made. An operator rotates by putting a new key first and drops
 * the old one once nothing made with it is needed.
 */
export type KeyRing = readonly [NamedKey, ...NamedKey[]];

const FORMAT = 'id:secret[,id:secret…]';
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
const SECRET_MIN_LENGTH = 32;

export type KeyRingParse = { readonly ring: KeyRing } | { readonly problem: string };

/**
 * Reads `id:secret[,id:secret…]`, a value an operator can write on one line of an .env file.
 * A problem names the key by its id or position, never by its secret, since it is printed at boot.
 */
export function parseKeyRing(text: string): KeyRingParse {
  const keys: NamedKey[] = [];
  for (const [index, raw] of text.split(',').entries()) {
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    if (colon < 0) {
      return problem(`第 ${index + 1} 项应为 ${FORMAT}`, `entry ${index + 1}: expected ${FORMAT}`);
    }
    const id = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (!KEY_ID_PATTERN.test(id)) {
      return problem(
        `第 ${index + 1} 项的密钥编号须为 1–16 个字母、数字、_ 或 -`,
        `entry ${index + 1}: the key id must be 1–16 letters, digits, _ or -`,
      );
    }
    if (keys.some((key) => key.id === id)) {
      return problem(`密钥编号 "${id}" 重复`, `key id "${id}" is listed twice`);
    }
    if (secret.length < SECRET_MIN_LENGTH || /\s/.test(secret)) {
      return problem(
        `密钥 "${id}" 须至少 ${SECRET_MIN_LENGTH} 个字符且不含空白`,
        `the secret of key "${id}" must be at least ${SECRET_MIN_LENGTH} characters without spaces`,
      );
    }
    const twin = keys.find((key) => key.secret === secret);
    if (twin) {
      return problem(`密钥 "${id}" 与 "${twin.id}" 相同`, `keys "${twin.id}" and "${id}" have the same secret`);
    }
    keys.push({ id, secret });
  }
  const [current, ...older] = keys;
  return { ring: [current, ...older] };
}

function problem(zh: string, en: string): KeyRingParse {
  return { problem: `${zh} / ${en}` };
}
