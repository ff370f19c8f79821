import { yuanFigureOf } from '/vocabulary.js';

// Builds elements with text set through textContent only: project titles and comments come from
// users and are shown on the big screen, so no user text ever goes through innerHTML.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Integer fen (a number, a string or a bigint) to ¥12,345.67, written by the server's own code. */
export function formatYuan(fen) {
  return yuanFigureOf(BigInt(fen));
}

/** Replaces an element's children, skipping null / false the way h() does (DOM append would print "null"). */
export function fill(element, ...children) {
  element.replaceChildren();
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child);
  }
  return element;
}
