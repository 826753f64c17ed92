import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Decoration, NodeView } from '@tiptap/pm/view';

/** What a reference chip shows, in the words of its kind (utils/cross-refs.ts, utils/figure-refs.ts). */
export interface ChipLook {
  /** 'found', 'missing' (the target is gone) or 'unknown' (not known yet). */
  state: string;
  shown: string;
  spoken: string;
  /** The tooltip. */
  title: string;
  /** Extra class names beside `section-ref section-ref--<state>`. */
  className: string;
  /** Where the chip leads as a link; null: it is no link. */
  href: string | null;
}

/** How one kind of reference draws its chip from the data its decorations hand it (node-context.ts). */
export interface RefChipSpec<V> {
  typeName: string;
  /** The view data the node's decorations carry, or null. */
  viewOf: (decorations: readonly Decoration[]) => V | null;
  /** Until the page gives its data. */
  fallback: V;
  look: (view: V, node: ProseMirrorNode) => ChipLook;
  /** The text is edited (a click selects the chip, Ctrl+click follows) rather than read (the chip is a link). */
  editable: (view: V) => boolean;
  /** Goes to the reference's target; null when it has none. */
  follower: (view: V, node: ProseMirrorNode) => (() => void) | null;
}

/** A click that the browser should handle itself on a link: a new tab or window, a download. */
function opensElsewhere(event: MouseEvent): boolean {
  return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
}

/**
 * The node view of a cross-reference chip (section-ref-view.ts, figure-ref-view.ts): a warning
 * icon, the words shown, the words a screen reader hears; in a text read and to a target that
 * is there, a link (a plain click or Enter stays in the app, Ctrl+click opens a tab), in an
 * edited text a span whose Ctrl+click (Cmd+click) follows.
 */
export function refChipView<V>(spec: RefChipSpec<V>) {
  const isLink = (view: V, node: ProseMirrorNode): boolean =>
    !spec.editable(view) && spec.follower(view, node) !== null;
  return ({ node, decorations }: { node: ProseMirrorNode; decorations: readonly Decoration[] }): NodeView => {
    let view = spec.viewOf(decorations) ?? spec.fallback;
    let current = node;
    // The view is a link or not for its whole life: when that changes, update() asks for a new one.
    const dom: HTMLElement = document.createElement(isLink(view, node) ? 'a' : 'span');
    dom.contentEditable = 'false';
    const icon = document.createElement('span');
    icon.className = 'section-ref__icon';
    icon.setAttribute('aria-hidden', 'true');
    const shown = document.createElement('span');
    shown.setAttribute('aria-hidden', 'true');
    const heard = document.createElement('span');
    heard.className = 'visually-hidden';
    dom.append(icon, shown, heard);

    const render = (): void => {
      const look = spec.look(view, current);
      dom.className = `section-ref${look.className === '' ? '' : ` ${look.className}`} section-ref--${look.state}`;
      icon.textContent = look.state === 'missing' ? '⚠' : '';
      shown.textContent = look.shown;
      heard.textContent = look.spoken;
      dom.title = look.title;
      if (dom instanceof HTMLAnchorElement && look.href !== null) {
        dom.href = look.href;
      }
    };
    render();

    dom.addEventListener('click', (event) => {
      const follow = spec.follower(view, current);
      if (follow === null) {
        return;
      }
      if (dom instanceof HTMLAnchorElement) {
        if (!opensElsewhere(event)) {
          event.preventDefault();
          follow();
        }
      } else if (spec.editable(view) && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        follow();
      }
    });

    return {
      dom,
      update: (updated, updatedDecorations) => {
        if (updated.type.name !== spec.typeName) {
          return false;
        }
        const next = spec.viewOf(updatedDecorations) ?? view;
        if (isLink(next, updated) !== dom instanceof HTMLAnchorElement) {
          return false;
        }
        view = next;
        current = updated;
        render();
        return true;
      },
      // The chip's own content is ours to draw; a selection change is ProseMirror's to read.
      ignoreMutation: (mutation) => mutation.type !== 'selection',
    };
  };
}
