import { scanContentType } from './scan-file-type';

describe('scanContentType', () => {
  it('recognizes PDF, JPEG and PNG by their first bytes', () => {
    expect(scanContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(scanContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(scanContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('refuses anything else, however it is named', () => {
    expect(scanContentType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    expect(scanContentType(Buffer.from('<html>%PDF-'))).toBeUndefined();
    expect(scanContentType(Buffer.from('%PDF'))).toBeUndefined();
    expect(scanContentType(Buffer.alloc(0))).toBeUndefined();
  });
});
