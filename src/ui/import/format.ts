// Small text helpers shared by the import steps.

import { formatNumber } from '../../domain/format.ts';
import {
  bytesToMb,
  formatImportMessage,
  type ImportMessage,
  type ImportMessageKey,
} from '../../domain/import/index.ts';

export type Lang = 'fr' | 'en';

export const fmtMsg = (
  m:
    | { key: ImportMessageKey; params: Record<string, string | number> }
    | { key: string; params: Record<string, string | number> },
  lang: Lang,
) => formatImportMessage(m as { key: ImportMessageKey; params: Record<string, string | number> }, lang);

export const cellText = (v: unknown, lang: Lang): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? v.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 10 })
      : String(v);

export const baseName = (name: string) => name.replace(/\.[A-Za-z0-9]{1,8}$/, '');

export const isWorkspaceFile = (f: File) => /\.json$/i.test(f.name);

export const fileSize = (bytes: number, lang: Lang) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), { lang })} ${lang === 'fr' ? 'Ko' : 'KB'}`
    : `${formatNumber(bytesToMb(bytes), { lang })} ${lang === 'fr' ? 'Mo' : 'MB'}`;

export const internal = (detail: unknown): ImportMessage => ({
  key: 'import.internal',
  params: { detail: String(detail instanceof Error ? detail.message : detail).slice(0, 200) },
});
