// The design system: presentational components only. Nothing here imports features,
// pages, the API client or i18n; every text arrives through props.
import './tokens.css';
import './base.css';
import './layout.css';

export { Alert, type AlertProps, type AlertTone } from './alert';
export { Badge } from './badge';
export { Button, buttonClassName, type ButtonProps, type ButtonSize, type ButtonVariant } from './button';
export { Card, type CardProps } from './card';
export { ConfirmButton, type ConfirmButtonProps } from './confirm-button';
export { CopyField, type CopyFieldProps } from './copy-field';
export {
  SelectField,
  TextAreaField,
  TextField,
  type SelectFieldProps,
  type SelectOption,
  type TextAreaFieldProps,
  type TextFieldProps,
} from './field';
export { Loading } from './loading';
export { TableFrame } from './table';
