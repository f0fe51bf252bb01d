/** A progress indicator that appears only when the work takes longer than ~300 ms. */
import { Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

export const PROGRESS_DELAY_MS = 300;

export function DelayedSpinner({ active, label }: { active: boolean; label: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) return;
    const id = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => {
      clearTimeout(id);
      setShown(false);
    };
  }, [active]);
  if (!active || !shown) return null;
  return <Spinner size="tiny" labelPosition="after" label={label} role="progressbar" aria-label={label} />;
}
