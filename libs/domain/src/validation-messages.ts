import { BilingualMessage } from './domain-error';
import { labelsOfValues } from './labels';

type Describe = (name: BilingualMessage, args: readonly unknown[]) => BilingualMessage;

function choices(values: unknown, name: BilingualMessage): BilingualMessage {
  const list = Array.isArray(values)
    ? values
    : values !== null && typeof values === 'object'
      ? Object.values(values)
      : [];
  const labels = labelsOfValues(list);
  if (!labels) return { zh: `${name.zh}不是可选的值`, en: `${name.en} is not one of the allowed values` };
  return {
    zh: `${name.zh}须为以下之一：${labels.map((label) => `「${label.zh}」`).join('、')}`,
    en: `${name.en} must be one of: ${labels.map((label) => `"${label.en}"`).join(', ')}`,
  };
}

/**
 * Bilingual wording for the class-validator constraints the DTOs use, keyed by constraint name.
 * `name` is the field as people call it (its label, see field-label.ts), never its API name: the
 * refusal's `field` carries that.
 */
const CONSTRAINTS: Readonly<Record<string, Describe>> = {
  whitelistValidation: () => ({ zh: '本接口不接受这一项', en: 'this field is not accepted here' }),
  isDefined: (f) => ({ zh: `请填写${f.zh}`, en: `${f.en} is required` }),
  isNotEmpty: (f) => ({ zh: `${f.zh}不能为空`, en: `${f.en} must not be empty` }),
  isString: (f) => ({ zh: `${f.zh}必须是文字`, en: `${f.en} must be text` }),
  isInt: (f) => ({ zh: `${f.zh}必须是整数`, en: `${f.en} must be a whole number` }),
  isNumber: (f) => ({ zh: `${f.zh}必须是数字`, en: `${f.en} must be a number` }),
  isBoolean: (f) => ({ zh: `${f.zh}只能选“是”或“否”`, en: `${f.en} must be yes or no` }),
  isArray: (f) => ({ zh: `${f.zh}必须是一组值`, en: `${f.en} must be a list` }),
  isObject: (f) => ({ zh: `${f.zh}必须是一组字段`, en: `${f.en} must be a set of fields` }),
  isUuid: (f) => ({ zh: `${f.zh}必须是 UUID`, en: `${f.en} must be a UUID` }),
  isDateString: (f) => ({ zh: `${f.zh}必须是 ISO 8601 格式的日期`, en: `${f.en} must be an ISO 8601 date` }),
  isEnum: (f, [values]) => choices(values, f),
  isIn: (f, [values]) => choices(values, f),
  min: (f, [min]) => ({ zh: `${f.zh}不能小于 ${String(min)}`, en: `${f.en} must not be less than ${String(min)}` }),
  max: (f, [max]) => ({ zh: `${f.zh}不能大于 ${String(max)}`, en: `${f.en} must not be greater than ${String(max)}` }),
  minLength: (f, [n]) => ({
    zh: `${f.zh}至少 ${String(n)} 个字符`,
    en: `${f.en} must be at least ${String(n)} characters`,
  }),
  maxLength: (f, [n]) => ({
    zh: `${f.zh}最多 ${String(n)} 个字符`,
    en: `${f.en} must be at most ${String(n)} characters`,
  }),
  arrayMinSize: (f, [n]) => ({
    zh: `${f.zh}至少 ${String(n)} 项`,
    en: `${f.en} must have at least ${String(n)} items`,
  }),
  arrayMaxSize: (f, [n]) => ({ zh: `${f.zh}最多 ${String(n)} 项`, en: `${f.en} must have at most ${String(n)} items` }),
  matches: (f) => ({ zh: `${f.zh}格式不正确`, en: `${f.en} has the wrong format` }),
  nestedValidation: (f) => ({ zh: `${f.zh}的格式不正确`, en: `${f.en} is not in the expected form` }),
};

/**
 * A failed constraint in words. `said` is what the decorator itself says its constraint asks for
 * ("不能为负数" / "must not be negative", given as `{ context: { zh, en } }`), for the constraints
 * whose general wording would say too little (a pattern: "wrong format"; an amount: "at least 1"
 * in fen). A constraint missing above gets a plain "not valid" naming the field, so a new
 * decorator never produces an empty message nor one in class-validator's own English, which names
 * the property by its API name.
 */
export function describeConstraint(
  constraint: string,
  name: BilingualMessage,
  args: readonly unknown[],
  said?: BilingualMessage,
): BilingualMessage {
  if (said) return { zh: `${name.zh}${said.zh}`, en: `${name.en} ${said.en}` };
  const describe = CONSTRAINTS[constraint];
  return describe ? describe(name, args) : { zh: `${name.zh}不符合要求`, en: `${name.en} is not valid` };
}
