// Bilingual text that follows the 中文 / English switch without re-rendering a page: every
// translated element carries both texts (data-zh / data-en) and relabel() picks one. Forms keep
// what the user typed when the language changes.
import { currentLang } from './i18n.js';
import { h } from './dom.js';

/** { zh, en } → the one to show now. */
export function pick(pair) {
  return currentLang() === 'en' ? pair.en : pair.zh;
}

/** Attributes that make an element's whole text bilingual; the element must hold text only. */
export function bi(pair) {
  return { 'data-zh': pair.zh, 'data-en': pair.en };
}

/** Attributes for a bilingual aria-label (controls whose visible text is a symbol or a value). */
export function biLabel(pair) {
  return { 'data-zh-aria': pair.zh, 'data-en-aria': pair.en, 'aria-label': pick(pair) };
}

/** An element whose text is the pair, e.g. tx('span', { zh: '提交', en: 'Submit' }). */
export function tx(tag, pair, attributes = {}) {
  return h(tag, { ...attributes, ...bi(pair) }, pick(pair));
}

/** Switches every bilingual element under root to the current language. */
export function relabel(root = document) {
  const en = currentLang() === 'en';
  for (const element of root.querySelectorAll('[data-zh]')) {
    element.textContent = en ? element.dataset.en : element.dataset.zh;
  }
  for (const element of root.querySelectorAll('[data-zh-aria]')) {
    element.setAttribute('aria-label', en ? element.dataset.enAria : element.dataset.zhAria);
  }
  for (const element of root.querySelectorAll('[data-zh-placeholder]')) {
    element.setAttribute('placeholder', en ? element.dataset.enPlaceholder : element.dataset.zhPlaceholder);
  }
}

/**
 * A page's dictionary: key → { zh, en } with {name} placeholders. `say` builds an element,
 * `pair` gives both texts (for attributes, confirmations and composed messages).
 */
export function createText(dictionary) {
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  const pair = (key, values = {}) => {
    const entry = dictionary[key];
    if (!entry) return { zh: key, en: key };
    return { zh: fill(entry.zh, values), en: fill(entry.en, values) };
  };
  return {
    pair,
    say: (key, values = {}, tag = 'span', attributes = {}) => tx(tag, pair(key, values), attributes),
    now: (key, values = {}) => pick(pair(key, values)),
  };
}
