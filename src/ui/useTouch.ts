import { useEffect, useState } from 'react';

// A touch screen without hover: wording says « touchez » rather than « survolez ».
const QUERY = '(hover: none), (pointer: coarse)';

export function useTouch(): boolean {
  const [touch, setTouch] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(QUERY).matches);
  useEffect(() => {
    const mq = window.matchMedia?.(QUERY);
    if (!mq) return;
    const on = () => setTouch(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return touch;
}
