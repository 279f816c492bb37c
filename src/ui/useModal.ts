import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [contenteditable], [tabindex]';

/** Controls of the dialog that Tab can reach (visible, enabled). */
function focusables(d: HTMLDialogElement): HTMLElement[] {
  return [...d.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => e.tabIndex >= 0 && e.getClientRects().length > 0,
  );
}

/**
 * A <dialog> opened as a modal when it mounts. Escape closes it (the browser's `cancel` event, which
 * each dialog handles), Tab and Shift+Tab cycle inside it, and when it goes away focus returns to
 * the control that opened it: the dialog is removed from the page, so the browser cannot do it.
 */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    const trap = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      // Moved by hand, both ways and from anywhere: the browser would leave a modal <dialog> for
      // its own toolbar after the last control.
      e.preventDefault();
      const items = focusables(d);
      if (items.length === 0) return;
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at < 0 ? (e.shiftKey ? items.length - 1 : 0) : at + (e.shiftKey ? -1 : 1);
      items[(next + items.length) % items.length].focus();
    };
    d.addEventListener('keydown', trap);
    return () => {
      d.removeEventListener('keydown', trap);
      if (d.open) d.close();
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);
  return ref;
}
