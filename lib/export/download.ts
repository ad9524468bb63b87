/** The type of the JSON files the options page saves (settings and data exports, reply packs). */
export const JSON_TYPE = 'application/json';

/**
 * Save a file through the browser's downloads (an extension page). No file-format library here. The
 * object URL outlives the click a while: revoked at once, a large file's download can fail.
 */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
