/** Files fetched with the bearer token (not plain links) are handed to the browser as blobs. */
export interface BlobFile {
  blob: Blob;
  filename: string;
}

/** Saves the file under its name. */
export function saveFile({ blob, filename }: BlobFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Opens the file in a tab opened beforehand, inside the click (a tab opened after an await
 * is blocked as a pop-up). Falls back to saving it when no tab could be opened.
 */
export function openFileIn(target: Window | null, file: BlobFile) {
  if (!target || target.closed) {
    saveFile(file);
    return;
  }
  const url = URL.createObjectURL(file.blob);
  target.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "1,2 MB", "350 kB". */
export function formatBytes(bytes: number, locale: string): string {
  const format = (value: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / 1024 / 1024, 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'kB');
  return format(bytes, 'B');
}
