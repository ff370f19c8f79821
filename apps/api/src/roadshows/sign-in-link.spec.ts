import { qrMatrixOf, signInUrl } from './sign-in-link';

describe('a judge’s sign-in link', () => {
  it('keeps the roadshow and the code in the fragment, which browsers never send', () => {
    const url = new URL(signInUrl('https://venue.example', 'r-1', 'K7QM-4XPA'));
    expect(url.pathname).toBe('/judge/');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('code')).toBe('K7QM-4XPA');
    expect(new URLSearchParams(url.hash.slice(1)).get('r')).toBe('r-1');
  });

  it('draws a square QR code with its three finder patterns', () => {
    const { size, rows } = qrMatrixOf(signInUrl('http://127.0.0.1:3000', crypto.randomUUID(), 'K7QM-4XPA'));
    expect(rows).toHaveLength(size);
    for (const row of rows) expect(row).toMatch(new RegExp(`^[01]{${size}}$`));
    const finder = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
    expect(rows.slice(0, 7).map((row) => row.slice(0, 7))).toEqual(finder);
    expect(rows.slice(0, 7).map((row) => row.slice(size - 7))).toEqual(finder);
    expect(rows.slice(size - 7).map((row) => row.slice(0, 7))).toEqual(finder);
  });
});
