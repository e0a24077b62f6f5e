// A group of checkboxes as a form field: a fieldset named by its legend. antd's Form.Item would put
// aria-required on Checkbox.Group's plain div, which ARIA does not allow there, so the field takes only
// what a fieldset may carry.
import { Checkbox } from 'antd';

interface Props<T extends string | number> {
  legend: string;
  options: { value: T; label: string }[];
  value?: T[];
  onChange?: (value: T[]) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  testId?: string;
}

export function CheckboxFieldset<T extends string | number>(props: Props<T>) {
  return (
    <fieldset
      id={props.id}
      className="custos-checkbox-fieldset"
      aria-describedby={props['aria-describedby']}
      aria-invalid={props['aria-invalid']}
      data-testid={props.testId}
    >
      <legend>{props.legend}</legend>
      <Checkbox.Group<T> options={props.options} value={props.value} onChange={(v) => props.onChange?.(v)} />
    </fieldset>
  );
}
