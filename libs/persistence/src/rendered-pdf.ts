import { Column } from 'typeorm';

/** The columns of a PDF the platform rendered and keeps as issued, with its size and sha256. */
export abstract class RenderedPdf {
  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;
}
