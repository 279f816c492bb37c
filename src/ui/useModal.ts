import { type RefObject, useEffect, useRef } from 'react';

/** A <dialog> opened as a modal when it mounts (Escape and backdrop handled by the browser). */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return ref;
}
