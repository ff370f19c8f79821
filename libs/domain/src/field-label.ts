import { BilingualMessage } from './domain-error';

/**
 * How people name an input field, Chinese first (联系电话 / contact phone). A list also gives the
 * English name of one of its items ("budget line"), so its third item reads "budget line 3".
 */
export interface FieldLabel extends BilingualMessage {
  readonly enItem?: string;
}

/** One step of a request path as people read it: a property (labelled or not), or an item of the list before it. */
export type FieldStep = { readonly label: FieldLabel | undefined } | { readonly index: number };

/** What a message says for a field nobody has named: the `field` property of the refusal points at it. */
export const UNNAMED_FIELD: BilingualMessage = { zh: '此项', en: 'this field' };

function itemName(list: FieldLabel | undefined, index: number): BilingualMessage | undefined {
  if (!list) return undefined;
  return { zh: `${list.zh}第 ${index + 1} 项`, en: `${list.enItem ?? list.en} ${index + 1}` };
}

/**
 * The name of the field a path ends at, as people say it: the field's own label, after the list
 * item it sits in when there is one ("预算明细第 3 项的金额" / "amount of budget line 3"). Objects
 * between them add nothing (their fields' labels are specific enough on their own), and items are
 * counted from 1.
 */
export function fieldName(steps: readonly FieldStep[]): BilingualMessage {
  const last = steps.length - 1;
  const leafStep = steps[last];
  if (leafStep === undefined) return UNNAMED_FIELD;
  if ('index' in leafStep) {
    const list = steps[last - 1];
    return (list && 'label' in list ? itemName(list.label, leafStep.index) : undefined) ?? UNNAMED_FIELD;
  }
  const leaf = leafStep.label;
  if (!leaf) return UNNAMED_FIELD;
  for (let i = last - 1; i >= 1; i -= 1) {
    const step = steps[i];
    if (!('index' in step)) continue;
    const list = steps[i - 1];
    const item = list && 'label' in list ? itemName(list.label, step.index) : undefined;
    return item ? { zh: `${item.zh}的${leaf.zh}`, en: `${leaf.en} of ${item.en}` } : { zh: leaf.zh, en: leaf.en };
  }
  return { zh: leaf.zh, en: leaf.en };
}
