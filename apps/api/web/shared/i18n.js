// Chinese first, English on request; the choice is remembered per device.
const STORAGE_KEY = 'gongyi.lang';

export function currentLang() {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/**
 * `dictionary` maps a key to { zh, en }. Elements with data-i18n="key" get their text replaced,
 * data-i18n-placeholder / data-i18n-label set those attributes.
 */
export function createI18n(dictionary) {
  const listeners = new Set();
  const t = (key, values = {}) => {
    const entry = dictionary[key];
    const text = entry ? entry[currentLang()] : key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  };
  const apply = (root = document) => {
    document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
    for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
    for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
      element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
    }
    for (const element of root.querySelectorAll('[data-i18n-label]')) {
      element.setAttribute('aria-label', t(element.dataset.i18nLabel));
    }
  };
  const toggle = () => {
    localStorage.setItem(STORAGE_KEY, currentLang() === 'zh' ? 'en' : 'zh');
    apply();
    for (const listener of listeners) listener(currentLang());
  };
  return { t, apply, toggle, onChange: (listener) => listeners.add(listener) };
}

/** The 中文 / English switch every page carries. */
export function mountLangSwitch(i18n, container = document.body) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lang-switch';
  const label = () => {
    button.textContent = currentLang() === 'zh' ? 'English' : '中文';
    button.setAttribute('aria-label', currentLang() === 'zh' ? 'Switch to English' : '切换到中文');
  };
  button.addEventListener('click', () => {
    i18n.toggle();
    label();
  });
  label();
  container.prepend(button);
  return button;
}
