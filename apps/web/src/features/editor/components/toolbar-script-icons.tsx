import { Icon } from './toolbar-icons';

/*
 * Superscript and subscript drawn as lines, not as text: a visible "x2" would have to be part
 * of the buttons' names ("Hochgestellt"), which it cannot be (WCAG 2.5.3, label in name).
 */

function ScriptIcon({ raised }: { raised: boolean }) {
  const digit = raised ? 'M15 4.5a2 2 0 1 1 3.4 1.4L15 9.5h4.5' : 'M15 14.5a2 2 0 1 1 3.4 1.4L15 19.5h4.5';
  return (
    <Icon>
      <path d="M4 8l7 10M11 8l-7 10" />
      <path d={digit} strokeWidth="1.6" />
    </Icon>
  );
}

export function SuperscriptIcon() {
  return <ScriptIcon raised />;
}

export function SubscriptIcon() {
  return <ScriptIcon raised={false} />;
}
