import { BilingualMessage } from './domain-error';

type Describe = (field: string, args: readonly unknown[]) => BilingualMessage;

/**
 * Bilingual wording for the class-validator constraints the DTOs use, keyed by constraint name.
 * A constraint missing here falls back to class-validator's English text with a generic Chinese
 * lead, so a new decorator never produces an empty message.
 */
const CONSTRAINTS: Readonly<Record<string, Describe>> = {
  whitelistValidation: (f) => ({ zh: `不允许的字段 ${f}`, en: `property ${f} is not allowed` }),
  isDefined: (f) => ({ zh: `缺少必填字段 ${f}`, en: `${f} is required` }),
  isNotEmpty: (f) => ({ zh: `${f} 不能为空`, en: `${f} must not be empty` }),
  isString: (f) => ({ zh: `${f} 必须是文本`, en: `${f} must be a string` }),
  isInt: (f) => ({ zh: `${f} 必须是整数`, en: `${f} must be an integer` }),
  isNumber: (f) => ({ zh: `${f} 必须是数字`, en: `${f} must be a number` }),
  isBoolean: (f) => ({ zh: `${f} 必须是布尔值`, en: `${f} must be a boolean` }),
  isArray: (f) => ({ zh: `${f} 必须是数组`, en: `${f} must be an array` }),
  isObject: (f) => ({ zh: `${f} 必须是对象`, en: `${f} must be an object` }),
  isUuid: (f) => ({ zh: `${f} 必须是 UUID`, en: `${f} must be a UUID` }),
  isDateString: (f) => ({ zh: `${f} 必须是 ISO 8601 日期`, en: `${f} must be an ISO 8601 date` }),
  isEnum: (f, [values]) => ({
    zh: `${f} 必须是以下之一：${list(values)}`,
    en: `${f} must be one of: ${list(values)}`,
  }),
  isIn: (f, [values]) => ({ zh: `${f} 必须是以下之一：${list(values)}`, en: `${f} must be one of: ${list(values)}` }),
  min: (f, [min]) => ({ zh: `${f} 不能小于 ${String(min)}`, en: `${f} must not be less than ${String(min)}` }),
  max: (f, [max]) => ({ zh: `${f} 不能大于 ${String(max)}`, en: `${f} must not be greater than ${String(max)}` }),
  minLength: (f, [n]) => ({ zh: `${f} 至少 ${String(n)} 个字符`, en: `${f} must be at least ${String(n)} characters` }),
  maxLength: (f, [n]) => ({ zh: `${f} 最多 ${String(n)} 个字符`, en: `${f} must be at most ${String(n)} characters` }),
  arrayMinSize: (f, [n]) => ({ zh: `${f} 至少 ${String(n)} 项`, en: `${f} must have at least ${String(n)} items` }),
  arrayMaxSize: (f, [n]) => ({ zh: `${f} 最多 ${String(n)} 项`, en: `${f} must have at most ${String(n)} items` }),
  matches: (f) => ({ zh: `${f} 格式不正确`, en: `${f} has the wrong format` }),
  nestedValidation: (f) => ({ zh: `${f} 必须是对象或对象数组`, en: `${f} must be an object or an array of objects` }),
};

function list(values: unknown): string {
  if (Array.isArray(values)) return values.map(String).join(', ');
  if (values !== null && typeof values === 'object') return Object.values(values).map(String).join(', ');
  return String(values);
}

export function describeConstraint(
  constraint: string,
  field: string,
  args: readonly unknown[],
  fallbackEn: string,
): BilingualMessage {
  const describe = CONSTRAINTS[constraint];
  return describe ? describe(field, args) : { zh: `${field} 不符合要求：${fallbackEn}`, en: fallbackEn };
}
