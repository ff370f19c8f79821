// Files behind a bearer token (agreements, exports) cannot be plain links: fetch them, then hand
// the bytes to the browser as a download with the server's file name.
import { ApiError } from './api.js';
import { h } from './dom.js';

function fileNameOf(disposition) {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Malformed encoding: fall back to the plain filename.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

/** The file's bytes and the server's name for it, fetched with the bearer token. */
export async function fetchFile(path, { token } = {}) {
  let response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiError(response.status, body);
  }
  return { blob: await response.blob(), name: fileNameOf(response.headers.get('content-disposition')) };
}

export async function downloadFile(path, { token, fallbackName = 'download' } = {}) {
  const { blob, name: served } = await fetchFile(path, { token });
  const name = served ?? fallbackName;
  saveBlob(blob, name);
  return { name, size: blob.size };
}

/**
 * An image behind the bearer token, shown as soon as it arrives; `alt` says what it is. A picture
 * that fails to load leaves the alt text in its place.
 */
export function privateImage(path, { token, alt, className }) {
  const img = h('img', { alt, class: className });
  void fetchFile(path, { token })
    .then(({ blob }) => {
      img.src = URL.createObjectURL(blob);
    })
    .catch(() => undefined);
  return img;
}

/** Hands bytes built or fetched by the page to the browser as a download named `name`. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
