// Saving generated files from the browser: a Blob behind a temporary object URL, no network.
export function downloadFile(fileName: string, content: string | Uint8Array, type: string): void {
  const part: BlobPart = typeof content === 'string' ? content : Uint8Array.from(content);
  const blob = new Blob([part], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
