import Handlebars from 'handlebars';
import { LayoutBlock, parseLayoutMarkup } from '../pdf/layout-blocks';
import { AgreementContext } from './agreement-context';
import { AgreementLocale } from './agreement-view.types';
import { AGREEMENT_EN_TEMPLATE } from './templates/agreement-en.template';
import { AGREEMENT_ZH_TEMPLATE } from './templates/agreement-zh.template';

/**
 * An isolated Handlebars environment: helpers or partials registered elsewhere in the process
 * cannot change an agreement. Strict mode turns a misspelt field into an error instead of a
 * silent gap in a contract; only the built-in helpers (if, each) are allowed.
 */
const handlebars = Handlebars.create();
const OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true };

// Compiled once per process; compile() parses on the first call and keeps the result.
const TEMPLATES: Readonly<Record<AgreementLocale, HandlebarsTemplateDelegate<AgreementContext>>> = {
  zh: handlebars.compile<AgreementContext>(AGREEMENT_ZH_TEMPLATE, OPTIONS),
  en: handlebars.compile<AgreementContext>(AGREEMENT_EN_TEMPLATE, OPTIONS),
};

/** The agreement's text as layout blocks, in the order they are drawn. */
export function agreementLayout(locale: AgreementLocale, context: AgreementContext): LayoutBlock[] {
  return parseLayoutMarkup(TEMPLATES[locale](context));
}
