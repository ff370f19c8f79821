export type ScanContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { readonly type: ScanContentType; readonly magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What a signed scan or a report's attachment may be. */
export const SCAN_CONTENT_TYPES: readonly ScanContentType[] = SIGNATURES.map((signature) => signature.type);

/**
 * What the bytes are, by their magic number; the declared file name and MIME type are the
 * client's word and are not trusted. Undefined for anything but PDF, JPEG and PNG.
 */
export function scanContentType(bytes: Uint8Array): ScanContentType | undefined {
  return SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b))?.type;
}
