import type { ReactNode } from 'react';

/** A 20 px line icon in the current text colour; decorative, the button carries the name. */
export function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="editor-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function BulletListIcon() {
  return (
    <Icon>
      <circle cx="5" cy="6" r="1" fill="currentColor" />
      <circle cx="5" cy="12" r="1" fill="currentColor" />
      <circle cx="5" cy="18" r="1" fill="currentColor" />
      <path d="M10 6h10M10 12h10M10 18h10" />
    </Icon>
  );
}

export function OrderedListIcon() {
  return (
    <Icon>
      <path d="M4 4h2v5M4 9h4M4 14h3.5l-3.5 5h4" strokeWidth="1.6" />
      <path d="M12 6h8M12 12h8M12 18h8" />
    </Icon>
  );
}

export function QuoteIcon() {
  return (
    <Icon>
      <path d="M5 4v16" />
      <path d="M10 8h9M10 12h9M10 16h6" />
    </Icon>
  );
}

export function LinkIcon() {
  return (
    <Icon>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
    </Icon>
  );
}

export function HardBreakIcon() {
  return (
    <Icon>
      <path d="M19 5v6a3 3 0 0 1-3 3H6" />
      <path d="m9 10-4 4 4 4" />
    </Icon>
  );
}

export function TableIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9.5h18M3 15h18M9 4v16M15 4v16" />
    </Icon>
  );
}

export function UndoIcon() {
  return (
    <Icon>
      <path d="m9 14-5-5 5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  );
}

export function RedoIcon() {
  return (
    <Icon>
      <path d="m15 14 5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Icon>
  );
}

/**
 * Letter icons for bold, italic and underline, drawn rather than written: they are symbols
 * (the button's name is the word), in the letters people know from their word processor:
 * F, K, U in German, B, I, U in English.
 */
export function BoldIcon({ german }: { german: boolean }) {
  return (
    <Icon>
      {german ? (
        <path d="M8 4v16M8 4h9M8 11.5h7" strokeWidth="3" />
      ) : (
        <path d="M7 4h6a4 4 0 0 1 0 8H7zM7 12h7a4 4 0 0 1 0 8H7z" strokeWidth="2.6" />
      )}
    </Icon>
  );
}

export function ItalicIcon({ german }: { german: boolean }) {
  return (
    <Icon>
      {german ? <path d="M11 4 8 20M19 4l-9.5 9M12 11.5 15 20" /> : <path d="M11 4h7M6 20h7M15 4 9 20" />}
    </Icon>
  );
}

export function UnderlineIcon() {
  return (
    <Icon>
      <path d="M7 4v7a5 5 0 0 0 10 0V4M5 21h14" />
    </Icon>
  );
}

export function ImageIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <circle cx="9" cy="9.5" r="1.5" />
      <path d="m21 16-5-5-9 9" />
    </Icon>
  );
}

/** An image with a text line beside it: its description. */
export function AltTextIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="11" height="10" rx="1.5" />
      <path d="m14 11-3-3-6 6" />
      <path d="M3 19h18M17 6h4M17 10h4" />
    </Icon>
  );
}

export function FootnoteIcon() {
  return (
    <Icon>
      <path d="M3 9h10M3 14h10M3 19h6" />
      <path d="M17 5l2-1.5V10M16.5 10h4" strokeWidth="1.6" />
    </Icon>
  );
}

/** A cross-reference: an arrow pointing into a page with a heading line. */
export function CrossRefIcon() {
  return (
    <Icon>
      <path d="M13 4h6a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-6" />
      <path d="M15 9h2.5" />
      <path d="M3 12h10M9.5 8.5 13 12l-3.5 3.5" />
    </Icon>
  );
}

/** "Quelle zitieren": quotation marks, the sign of a quoted source. */
export function CitationIcon() {
  return (
    <Icon>
      <path d="M4 12h5v6H4zM4 12c0-3.5 1.5-5.5 5-6.5" />
      <path d="M14 12h5v6h-5zM14 12c0-3.5 1.5-5.5 5-6.5" />
    </Icon>
  );
}

/** "Mehr": the menu's arrow, pointing down where it opens. */
export function ChevronDownIcon() {
  return (
    <Icon>
      <path d="M7 10l5 5 5-5" />
    </Icon>
  );
}

/** A tick before a menu entry that is on (bold, a heading level), as menus show it. */
export function CheckIcon() {
  return (
    <Icon>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </Icon>
  );
}
