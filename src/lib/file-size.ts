/** A file size as download links show it: "820 bytes", "84 KB", "1.4 MB" (1 KB = 1,024 bytes). */
export function formatFileSize(bytes: number, locale = 'en'): string {
  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${number(bytes, 0)} bytes`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024), 0)} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}
