/** Saves bytes or text as a file through a temporary object URL. */
export function downloadFile(name: string, data: Uint8Array | string, type: string) {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a user-chosen file and runs it as a WASI command. */
export async function openWasmFile(file: File, run: (wasm: Uint8Array) => Promise<void>) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await run(bytes);
}
