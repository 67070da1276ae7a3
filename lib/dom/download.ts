/**
 * Offers text as a file download from an extension page (DOM only, no extension API): the popup's
 * CSV, the service report's CSV/JSON, Options' policy and configuration exports.
 */
export function offerDownload(
  fileName: string,
  parts: BlobPart[],
  type: string,
  /** When the object URL is let go; the browser has read it by then. */
  revokeAfterMs = 30_000,
): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
}

/** UTF-8 with a byte order mark, so spreadsheets read accents. */
export const UTF8_BOM = '\ufeff';
