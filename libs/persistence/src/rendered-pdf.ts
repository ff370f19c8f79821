import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { InheritedTenantColumn } from './columns';

/**
 * The columns of a PDF the platform rendered and keeps as issued, with its size and sha256, and the
 * key of its row, kept under a parent row (a competition, an order) whose office it inherits.
 */
export abstract class RenderedPdf {
  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @InheritedTenantColumn()
  tenantId?: string;
}
