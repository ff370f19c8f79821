import { ReportsError, ReportsErrorCode } from '../reports.error';

export type ColumnAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  /** Share of the text width, in percent. */
  readonly width: number;
  readonly align: ColumnAlign;
}

export type LayoutBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'subtitle'; readonly text: string }
  | { readonly kind: 'meta'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | { readonly kind: 'item'; readonly marker: string; readonly text: string }
  | {
      readonly kind: 'table';
      readonly columns: readonly TableColumn[];
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly footer: readonly string[] | null;
    }
  | { readonly kind: 'signatures'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'space'; readonly points: number };

const CELL = '<|>';
const LINE = /^<([a-z]+)>(.*)$/;
const COLUMN = /^(\d+(?:\.\d+)?)([lcr])$/;
const ALIGN: Readonly<Record<string, ColumnAlign>> = { l: 'left', c: 'center', r: 'right' };

/**
 * Handlebars escapes every value it inserts, so '<' in its output can only come from the
 * template itself: the tags and the cell separator cannot be forged by a project title. The
 * entities are decoded after the line is split.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (entity) => ENTITIES[entity] ?? entity);
}

function fail(lineNo: number, message: string): never {
  throw new ReportsError(ReportsErrorCode.InvalidTemplateOutput, `template line ${lineNo}: ${message}`);
}

interface OpenTable {
  columns: TableColumn[];
  header: string[] | null;
  rows: string[][];
  footer: string[] | null;
}

/**
 * Reads the line-based markup the agreement templates produce: one block per line, `<tag>`
 * first, cells split by `<|>`. Blank lines are ignored so templates can breathe.
 */
export function parseLayoutMarkup(markup: string): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  let table: OpenTable | null = null;
  let signatures: (readonly [string, string])[] | null = null;
  const lines = markup.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '') {
      continue;
    }
    const match = LINE.exec(line);
    if (!match) {
      fail(lineNo, `expected a <tag>, got "${line.slice(0, 40)}"`);
    }
    const tag = match[1];
    const cells = match[2].split(CELL).map((cell) => decode(cell.trim()));
    const text = cells.join(' ');
    if (signatures && tag !== 'sign') {
      blocks.push({ kind: 'signatures', rows: signatures });
      signatures = null;
    }
    if (table && !['th', 'tr', 'tf', 'endtable'].includes(tag)) {
      fail(lineNo, `<${tag}> inside a table`);
    }
    switch (tag) {
      case 'title':
        blocks.push({ kind: 'title', text });
        break;
      case 'subtitle':
        blocks.push({ kind: 'subtitle', text });
        break;
      case 'meta':
        blocks.push({ kind: 'meta', text });
        break;
      case 'h':
        // Article number and title, set apart by an ideographic space as Chinese contracts do.
        blocks.push({ kind: 'heading', text: cells.join('\u3000') });
        break;
      case 'p':
        blocks.push({ kind: 'paragraph', text });
        break;
      case 'field':
      case 'item': {
        if (cells.length !== 2) {
          fail(lineNo, `<${tag}> needs two cells`);
        }
        blocks.push(
          tag === 'field'
            ? { kind: 'field', label: cells[0], value: cells[1] }
            : { kind: 'item', marker: cells[0], text: cells[1] },
        );
        break;
      }
      case 'space':
        blocks.push({ kind: 'space', points: Number(text) || 0 });
        break;
      case 'sign':
        if (cells.length !== 2) {
          fail(lineNo, '<sign> needs two cells');
        }
        signatures ??= [];
        signatures.push([cells[0], cells[1]]);
        break;
      case 'table':
        table = {
          columns: cells.map((spec) => {
            const column = COLUMN.exec(spec);
            if (!column) {
              fail(lineNo, `bad column "${spec}"`);
            }
            return { width: Number(column[1]), align: ALIGN[column[2]] };
          }),
          header: null,
          rows: [],
          footer: null,
        };
        break;
      case 'th':
      case 'tr':
      case 'tf': {
        if (!table) {
          fail(lineNo, `<${tag}> outside a table`);
        }
        if (cells.length !== table.columns.length) {
          fail(lineNo, `<${tag}> has ${cells.length} cells for ${table.columns.length} columns`);
        }
        if (tag === 'th') {
          table.header = cells;
        } else if (tag === 'tf') {
          table.footer = cells;
        } else {
          table.rows.push(cells);
        }
        break;
      }
      case 'endtable':
        if (!table?.header) {
          fail(lineNo, '<endtable> without a table header');
        }
        blocks.push({
          kind: 'table',
          columns: table.columns,
          header: table.header,
          rows: table.rows,
          footer: table.footer,
        });
        table = null;
        break;
      default:
        fail(lineNo, `unknown tag <${tag}>`);
    }
  }
  if (table) {
    fail(lines.length, 'table not closed');
  }
  if (signatures) {
    blocks.push({ kind: 'signatures', rows: signatures });
  }
  return blocks;
}
