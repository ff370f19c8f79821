import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import ts from 'typescript';
import { labelOf } from './label.decorator';

/**
 * A person reads a refusal, a page or a label; a program reads the refusal's `field`. This scan
 * reads every text written for people, in the API's and the worker's sources, libs/domain and the
 * pages, and finds API names inside them: a camelCase property (`contactPhone 格式不正确`), a path
 * (`rules.tranches`), and in Chinese text an English word that is a DTO property or a kebab-case
 * API value (`理由（reason）`, `方法 trimmed-mean`).
 */

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Where the texts live; libs/scoring is left out: its messages are the engine's English for logs. */
const SOURCE_DIRS = ['apps/api/src', 'apps/worker/src', 'libs/domain/src', 'libs/application/src'];
const PAGE_DIR = 'apps/api/web';

/** Properties whose value is a text for people, and its language. */
const TEXT_KEYS: Readonly<Record<string, Language>> = {
  zh: 'zh',
  en: 'en',
  message_zh: 'zh',
  message_en: 'en',
  messageZh: 'zh',
  messageEn: 'en',
  enItem: 'en',
};

/** Calls whose arguments are a label: `@Label('联系电话', 'contact phone')`. */
const LABEL_CALLS: Readonly<Record<string, readonly Language[]>> = {
  Label: ['zh', 'en', 'en'],
  label: ['zh', 'en', 'en'],
};

/** HTML attributes a person reads or hears. */
const HTML_TEXT_ATTRIBUTES = /\b(?:title|aria-label|placeholder|alt)="([^"]*)"/g;

type Language = 'zh' | 'en';

interface Text {
  readonly file: string;
  readonly language: Language | 'page';
  readonly text: string;
}

const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g;
const PATH = /\b[a-z][A-Za-z0-9]+(?:\.(?:[a-z][A-Za-z0-9]+|\d+))+\b/g;
const KEBAB_VALUE = /\b[a-z]+(?:-[a-z]+)+\b/g;
const ASCII_WORD = /\b[A-Za-z][A-Za-z0-9]+\b/g;
/** A page's `{name}` is filled in before anyone reads it; `?lang=` in an address is typed as it stands. */
const PLACEHOLDER = /\{[A-Za-z]+\}/g;
const QUERY_PARAMETER = /[?&][A-Za-z]+=/g;
/** What stands for an interpolated value: it names nothing. */
const HOLE = '…';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const isSource = (name: string) => name.endsWith('.ts') && !/\.(?:spec|int-spec|e2e-spec|d)\.ts$/.test(name);

/** The text of a literal, a template with its values left out, or the literal branches of an expression. */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('')];
  }
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken)
      return [literalTexts(node.left).join('') + literalTexts(node.right).join('')];
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      return [...literalTexts(node.left), ...literalTexts(node.right)];
    }
  }
  return [];
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function scriptTexts(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: Text[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node)) {
      const language = TEXT_KEYS[propertyName(node.name) ?? ''];
      if (language) for (const text of literalTexts(node.initializer)) texts.push({ file, language, text });
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const languages = LABEL_CALLS[node.expression.text];
      node.arguments.forEach((argument, i) => {
        const language = languages?.[i];
        if (language) for (const text of literalTexts(argument)) texts.push({ file, language, text });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

function htmlTexts(file: string): Text[] {
  const html = readFileSync(join(ROOT, file), 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  const attributes = [...html.matchAll(HTML_TEXT_ATTRIBUTES)].map((match) => match[1]);
  const content = html.replace(/<[^>]*>/g, '\n').split('\n');
  // A page's static text gives both languages side by side: 评委打分 · Judge scoring.
  return [...attributes, ...content]
    .flatMap((text) => text.split(/\s[/·|]\s/))
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ file, language: 'page' as const, text }));
}

/** The properties of every DTO: the names a program sends and reads. */
function dtoPropertyNames(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.dto.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) names.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names;
}

const hasChinese = (text: string) => /\p{Script=Han}/u.test(text);

/** The API names in one text; a page text counts as Chinese when it has Chinese in it. */
function apiNamesIn(text: Text, dtoNames: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const take = (pattern: RegExp) => (rest: string) =>
    rest.replace(pattern, (name) => {
      found.push(name);
      return HOLE;
    });
  let rest = take(PATH)(text.text.replace(PLACEHOLDER, HOLE).replace(QUERY_PARAMETER, HOLE));
  rest = take(CAMEL_CASE)(rest);
  const chinese = text.language === 'zh' || (text.language === 'page' && hasChinese(text.text));
  if (chinese) {
    rest = take(KEBAB_VALUE)(rest);
    found.push(...[...rest.matchAll(ASCII_WORD)].map((match) => match[0]).filter((word) => dtoNames.has(word)));
  }
  return [...new Set(found)];
}

/**
 * Every property a request can send (one its validation knows) without a label, as
 * `file: Class.property`: a refusal about it could only say 此项 / this field.
 */
async function unlabelledProperties(dtoFiles: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of dtoFiles) {
    const exports = (await import(join(ROOT, file))) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value !== 'function') continue;
      for (const { propertyName } of getMetadataStorage().getTargetValidationMetadatas(value, '', true, false)) {
        if (!labelOf(value, propertyName)) found.add(`${file}: ${value.name}.${propertyName}`);
      }
    }
  }
  return [...found];
}

describe('texts for people name no API field', () => {
  const sources = SOURCE_DIRS.flatMap((dir) => filesUnder(dir, isSource));
  const pages = filesUnder(PAGE_DIR, (name) => name.endsWith('.js') || name.endsWith('.html'));
  const texts = [
    ...sources.flatMap(scriptTexts),
    ...pages.filter((f) => f.endsWith('.js')).flatMap(scriptTexts),
    ...pages.filter((f) => f.endsWith('.html')).flatMap(htmlTexts),
  ];
  const dtoNames = dtoPropertyNames(sources);
  const findings = [
    ...new Set(texts.flatMap((text) => apiNamesIn(text, dtoNames).map((name) => `${text.file}: ${name}`))),
  ];

  it('reads the texts of the API, the worker, the shared vocabulary and every page', () => {
    const files = new Set(texts.map((text) => text.file));
    expect(files.size).toBeGreaterThan(50);
    expect(texts.length).toBeGreaterThan(1000);
    expect([...dtoNames]).toEqual(expect.arrayContaining(['contactPhone', 'reason', 'requestedFen']));
  });

  it('finds API names the way a reader would notice them', () => {
    const names = (language: Language | 'page', text: string) => apiNamesIn({ file: '', language, text }, dtoNames);
    expect(names('zh', 'contactPhone 格式不正确')).toEqual(['contactPhone']);
    expect(names('zh', '资格审查不通过时必须填写理由（reason）')).toEqual(['reason']);
    expect(names('zh', 'rules.tranches 各期比例之和必须为 100%')).toEqual(['rules.tranches']);
    expect(names('page', '方法 trimmed-mean，精确值 521/6')).toEqual(['trimmed-mean']);
    expect(names('en', 'to lock without them, send allowMissing: true')).toEqual(['allowMissing']);
    expect(names('en', 'a rejection needs a reason; the applicant sees it')).toEqual([]);
    expect(names('zh', `联系电话须为 6–30 位${HOLE}，UTF-8 编码的 JSON`)).toEqual([]);
  });

  it('finds none', () => {
    expect(findings).toEqual([]);
  });
});

describe('every field a request can send has a label, so a refusal can name it', () => {
  let unlabelled: string[] = [];

  beforeAll(async () => {
    unlabelled = await unlabelledProperties(filesUnder('apps/api/src', (name) => name.endsWith('.dto.ts')));
  });

  it('labels every DTO property', () => {
    expect(unlabelled).toEqual([]);
  });
});
