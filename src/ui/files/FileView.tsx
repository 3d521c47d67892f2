import { useEffect, useMemo, useRef, useState } from 'react';
import { imageMime, isImage } from '../../project/fileTypes';
import { isDir } from '../../project/model';
import { decodeNetpbm } from '../../project/netpbm';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import { formatBytes } from '../format';
import { bytesOf, downloadPath } from './download';
import './files.css';

/** Hex shown at most; the rest is downloadable. */
const HEX_LIMIT = 64 * 1024;

/** A hex dump: offset, 16 bytes, their ASCII. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const text = useMemo(() => {
    const lines: string[] = [];
    const n = Math.min(bytes.length, HEX_LIMIT);
    for (let off = 0; off < n; off += 16) {
      const row = bytes.subarray(off, Math.min(off + 16, n));
      const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      const ascii = [...row]
        .map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.'))
        .join('');
      lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
    }
    return lines.join('\n');
  }, [bytes]);
  return (
    <pre className="hex-view" data-testid="hex-view">
      {text}
      {bytes.length > HEX_LIMIT &&
        `\n… ${formatBytes(bytes.length - HEX_LIMIT)} more (download the file to see all of it)`}
    </pre>
  );
}

/** An image file: browser-decoded formats as an <img> (SVG too, never as live markup), netpbm by us. */
function ImagePreview({ path, bytes }: { path: string; bytes: Uint8Array }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const mime = imageMime(path);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [natural, setNatural] = useState<string>('');
  const url = useMemo(
    () => (mime ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime })) : null),
    [bytes, mime],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  // netpbm (PPM/PGM/PBM) is decoded by us: browsers do not read it.
  const decoded = useMemo(() => {
    if (mime) return null;
    try {
      return { image: decodeNetpbm(bytes), error: null };
    } catch (e) {
      return { image: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [bytes, mime]);
  useEffect(() => {
    const img = decoded?.image;
    if (!img || !canvas.current) return;
    canvas.current.width = img.width;
    canvas.current.height = img.height;
    canvas.current
      .getContext('2d')!
      .putImageData(new ImageData(img.data, img.width, img.height), 0, 0);
  }, [decoded]);
  const error = decoded?.error ?? loadError;
  if (error)
    return (
      <p className="preview-error" role="alert">
        {error}
      </p>
    );
  const size = decoded?.image ? `${decoded.image.width} × ${decoded.image.height}` : natural;
  return (
    <figure className="image-preview">
      {url ? (
        <img
          src={url}
          alt={path}
          data-testid="file-preview"
          onLoad={(e) =>
            setNatural(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight}`)
          }
          onError={() => setLoadError(`${path} could not be decoded as an image`)}
        />
      ) : (
        <canvas ref={canvas} data-testid="file-preview" aria-label={path} />
      )}
      {size && <figcaption>{size} px</figcaption>}
    </figure>
  );
}

/**
 * What the editor cannot show: a file the last run wrote (with Keep), an image, or binary bytes
 * (size and hex). Text files of the project are edited in Monaco instead.
 */
export function FileView() {
  const preview = useStore((s) => s.previewPath);
  const active = useStore((s) => s.activePath);
  const data = useStore((s) => currentProject(s).files[s.activePath]);
  const change = useStore((s) =>
    s.previewPath ? s.runChanges?.changes[s.previewPath] : undefined,
  );
  const path = preview ?? active;
  // A re-render after a run or an edit re-reads the bytes.
  useStore((s) => s.runChanges);
  const bytes = useMemo(() => (isDir(path) ? null : bytesOf(path)), [path, data, change]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!preview && (typeof data === 'string' || data === undefined)) return null;
  if (!bytes) return null;
  const text = preview && !isImage(path) ? tryText(bytes) : null;
  return (
    <section
      className="file-view"
      aria-label={`File ${path}`}
      data-testid="file-view"
      data-path={path}
    >
      <header className="file-view-header">
        <b>{path}</b>
        <span className="muted">
          {formatBytes(bytes.length)}
          {preview && change
            ? ` · ${change === 'created' ? 'written' : 'changed'} by the last run`
            : ''}
        </span>
        <span className="spacer" />
        {preview && change && (
          <button
            className="small"
            data-testid="keep-file"
            onClick={() => useStore.getState().keepFile(path)}
          >
            Keep in project
          </button>
        )}
        <button className="small" onClick={() => downloadPath(path)}>
          Download
        </button>
        {preview && (
          <button
            className="small"
            aria-label="Close preview"
            onClick={() => useStore.getState().showPreview(null)}
          >
            ✕
          </button>
        )}
      </header>
      <div className="file-view-body">
        {isImage(path) ? (
          <ImagePreview path={path} bytes={bytes} />
        ) : text !== null ? (
          <pre className="text-preview">{text}</pre>
        ) : (
          <HexView bytes={bytes} />
        )}
      </div>
    </section>
  );
}

function tryText(bytes: Uint8Array): string | null {
  if (bytes.length > 1024 * 1024 || bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
