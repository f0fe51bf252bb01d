/** A link to a built help page, in the UI language, opening beside the pane. */
import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { helpHref, type HelpPage } from '../help';
import { useI18n } from '../i18n';

export function HelpLink({ page, anchor, children }: { page: HelpPage; anchor?: string; children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <Link href={helpHref(page, lang, anchor)} target="_blank" rel="noopener noreferrer">
      {children}
    </Link>
  );
}
