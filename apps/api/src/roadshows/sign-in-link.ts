import { create } from 'qrcode';

/** A QR code as rows of dark (1) and light (0) modules; the console draws it, so no image travels. */
export interface QrMatrix {
  readonly size: number;
  readonly rows: string[];
}

/**
 * The tablet's sign-in address for one judge. Roadshow and code sit in the fragment, which the
 * browser never sends: no server or proxy log ever holds a code, and the page clears it from the
 * address bar once read.
 */
export function signInUrl(origin: string, roadshowId: string, code: string): string {
  return `${origin}/judge/#r=${encodeURIComponent(roadshowId)}&code=${encodeURIComponent(code)}`;
}

/** An evaluator's tablet sign-in address: the round and code in the fragment, as for judges. */
export function evaluatorSignInUrl(origin: string, roundId: string, code: string): string {
  return `${origin}/evaluate/#r=${encodeURIComponent(roundId)}&code=${encodeURIComponent(code)}`;
}

/** The roadshow's judge link without a code, for tablets set up before the codes are handed out. */
export function roadshowJudgeUrl(origin: string, roadshowId: string): string {
  return `${origin}/judge/#r=${encodeURIComponent(roadshowId)}`;
}

/** Error correction M (15%): a sheet folded in a pocket still scans. */
export function qrMatrixOf(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let y = 0; y < modules.size; y += 1) {
    let row = '';
    for (let x = 0; x < modules.size; x += 1) row += modules.get(x, y) ? '1' : '0';
    rows.push(row);
  }
  return { size: modules.size, rows };
}
