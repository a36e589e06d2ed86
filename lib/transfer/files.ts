/**
 * Files in and out of extension pages. Nothing leaves the computer except as a file the clinician saves:
 * exports are Blob URLs opened with <a download>, imports are read from a file the clinician picks.
 */

/** yyyy-mm-dd in local time, for file names. */
export function fileDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const exportFileNames = {
  settings: (now: number) => `sms-prompts-settings-${fileDate(now)}.json`,
  data: (now: number) => `sms-prompts-data-${fileDate(now)}.json`,
  metrics: (now: number) => `sms-prompts-metrics-${fileDate(now)}.csv`,
  pack: (id: string, lang: string, version: string) => `${id}.${lang}-${version}.json`,
};

/** Offers text as a file download (the clinician's click started it). */
export function downloadText(doc: Document, fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadJson(doc: Document, fileName: string, value: unknown): void {
  downloadText(doc, fileName, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
}

/** Larger files than this are refused before reading (a content pack is tens of kB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function readFileText(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(`file too large (${Math.round(file.size / 1024)} kB)`);
  return file.text();
}
