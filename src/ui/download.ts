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
  // The browser may still be reading the Blob after click() returns, and revoking it then
  // cancels the download (Firefox, Safari); FileSaver.js waits 40 seconds for the same reason.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
