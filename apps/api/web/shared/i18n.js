// Chinese first, English on request. The choice is remembered per device; a page may instead take
// it from its address (the hall's big screen: /screen/?roadshow=…&lang=en), which then holds for
// that page until someone presses the switch.
//
// Two ways to put text on a page, one language state:
// - tx(tag, { zh, en }) builds an element that carries both texts; the switch relabels it in place,
//   so forms keep what the user typed (office and apply pages);
// - createText(dictionary).t(key, values) gives the current language's text, for pages that redraw
//   themselves on onLangChange (the judge tablet and the big screen).
import { h } from './dom.js';

const STORAGE_KEY = 'gongyi.lang';
const LANGS = ['zh', 'en'];
const listeners = new Set();
/** The address's choice, when the page asked for it; it outranks the stored one. */
let fromAddress;

export function currentLang() {
  if (fromAddress) return fromAddress;
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Screen readers and fonts follow the page's lang attribute. */
function markDocument() {
  document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
}
markDocument();

/**
 * Takes the language from ?lang=zh|en when the address has one; anything else is ignored. A page
 * without a switch (the hall's screen) passes the language to use when the address names none, so
 * what another page stored on the same machine does not change it.
 */
export function langFromAddress(otherwise) {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) fromAddress = asked;
  else if (LANGS.includes(otherwise)) fromAddress = otherwise;
  markDocument();
}

/** Runs `listener(lang)` after every switch, once the bilingual elements are relabelled. */
export function onLangChange(listener) {
  listeners.add(listener);
}

/** The 中文 / English switch every page carries; the caller places it. */
export function langSwitch() {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lang-switch';
  const label = () => {
    button.textContent = currentLang() === 'zh' ? 'English' : '中文';
    button.setAttribute('aria-label', currentLang() === 'zh' ? 'Switch to English' : '切换到中文');
  };
  button.addEventListener('click', () => {
    const next = currentLang() === 'zh' ? 'en' : 'zh';
    fromAddress = undefined;
    localStorage.setItem(STORAGE_KEY, next);
    markDocument();
    label();
    relabel();
    for (const listener of listeners) listener(currentLang());
  });
  label();
  return button;
}

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

/** A value's label from one of the vocabulary's tables, or the value itself in both languages. */
export function labelOf(table, value) {
  return table[value] ?? { zh: String(value), en: String(value) };
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
}

/**
 * A page's dictionary: key → { zh, en } with {name} placeholders. `t` gives the current
 * language's text; a key missing from the dictionary shows as itself, never as nothing.
 */
export function createText(dictionary) {
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  return {
    t(key, values = {}) {
      const entry = dictionary[key];
      return entry ? fill(pick(entry), values) : key;
    },
  };
}
