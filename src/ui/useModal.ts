import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Controls of the dialog that Tab can reach (visible, enabled). */
function focusables(d: HTMLDialogElement): HTMLElement[] {
  return [...d.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.getClientRects().length > 0);
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
      const items = focusables(d);
      if (items.length === 0) return e.preventDefault();
      const [first, last] = [items[0], items[items.length - 1]];
      const current = document.activeElement;
      if (e.shiftKey && (current === first || !d.contains(current))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (current === last || !d.contains(current))) {
        e.preventDefault();
        first.focus();
      }
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
