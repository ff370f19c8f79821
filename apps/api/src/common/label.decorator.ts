import { Allow, ValidationTypes, getMetadataStorage } from 'class-validator';
import { FieldLabel } from '@app/domain';

const LABEL = 'fieldLabel';

interface LabelContext {
  readonly [LABEL]: FieldLabel;
}

function isLabelContext(context: unknown): context is LabelContext {
  return typeof context === 'object' && context !== null && LABEL in context;
}

/**
 * How people name a DTO property: `@Label('联系电话', 'contact phone')`, and for a list the English
 * name of one item, `@Label('预算明细', 'budget lines', 'budget line')`. Refusals name the field
 * by it, never by its API name (the refusal's `field` carries that). Kept as class-validator
 * metadata of a whitelisting decorator, so a label travels wherever the property's validation
 * does, through inheritance and PartialType alike, and changes nothing about what is accepted.
 */
export function Label(label: FieldLabel): PropertyDecorator;
export function Label(zh: string, en: string, enItem?: string): PropertyDecorator;
export function Label(zhOrLabel: string | FieldLabel, en?: string, enItem?: string): PropertyDecorator {
  const label: FieldLabel =
    typeof zhOrLabel === 'string'
      ? { zh: zhOrLabel, en: en ?? zhOrLabel, ...(enItem === undefined ? {} : { enItem }) }
      : zhOrLabel;
  const context: LabelContext = { [LABEL]: label };
  return Allow({ context });
}

/** The label of a property of a DTO class (or of a class it extends), when it has one. */
export function labelOf(dto: object['constructor'], property: string): FieldLabel | undefined {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const found = metadata.find(
    (m) => m.propertyName === property && m.type === ValidationTypes.WHITELIST && isLabelContext(m.context),
  );
  return (found?.context as LabelContext | undefined)?.[LABEL];
}
