// pdfkit 0.20 accepts an already-parsed fontkit Font; this is the one call the renderer makes.
// fontkit ships no types and @types/fontkit is not installed.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    layout(text: string): unknown;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
