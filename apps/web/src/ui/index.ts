// The design system: presentational components only. Nothing here imports features,
// pages, the API client or i18n; every text arrives through props.
// The bundled variable font (latin subsets and more, each loaded only when a page uses its
// characters), served from our own origin like everything else.
import '@fontsource-variable/source-sans-3';
import '@fontsource-variable/source-sans-3/wght-italic.css';
import './tokens.css';
import './base.css';
import './layout.css';
import './dialog.css';

export { Alert, type AlertProps, type AlertTone } from './alert';
export { Badge, type BadgeTone } from './badge';
export { Button, buttonClassName, type ButtonProps, type ButtonSize, type ButtonVariant } from './button';
export { Card, type CardProps } from './card';
export { CheckboxGroup, type CheckboxGroupProps } from './checkbox-group';
export { ConfirmButton, type ConfirmButtonProps } from './confirm-button';
export { CopyField, type CopyFieldProps } from './copy-field';
export {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type CheckboxFieldProps,
  type SelectFieldProps,
  type SelectOption,
  type TextAreaFieldProps,
  type TextFieldProps,
} from './field';
export { initialsOf } from './initials';
export { ListFilter, type ListFilterProps } from './list-filter';
export { HiddenFileInput, type HiddenFileInputProps } from './hidden-file-input';
export { Loading } from './loading';
export { DataTable } from './table';
export { Segmented, type SegmentedProps } from './segmented';
export { ErrorBoundary, type ErrorBoundaryProps } from './error-boundary';
