import { useEffect, useState } from 'react';
import { currentAccessToken } from '@/lib/api/client';

/**
 * A URL the `<audio>` element (or a download link) can open. Without sign-in that is the API URL
 * itself, so the browser streams it with Range requests. Signed in, the element cannot send the
 * bearer token, so the file is fetched with it and handed over as an object URL (revoked on unmount).
 * `undefined` while that fetch runs; `null` when it failed.
 */
export function useMediaUrl(url: string | null): string | null | undefined {
  const [resolved, setResolved] = useState<{ for: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!url) return;
    let objectUrl: string | null = null;
    let cancelled = false;
    void (async () => {
      const token = await currentAccessToken();
      if (!token) return !cancelled && setResolved({ for: url, url });
      try {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(String(res.status));
        objectUrl = URL.createObjectURL(await res.blob());
        if (cancelled) URL.revokeObjectURL(objectUrl);
        else setResolved({ for: url, url: objectUrl });
      } catch {
        if (!cancelled) setResolved({ for: url, url: null });
      }
    })();
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);
  if (!url) return null;
  return resolved?.for === url ? resolved.url : undefined;
}

/** Downloads `url` as `filename`, with the bearer token when signed in (a plain link cannot send it). */
export async function downloadWithToken(url: string, filename: string): Promise<void> {
  const token = await currentAccessToken();
  if (!token) {
    window.location.assign(url);
    return;
  }
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`The download failed (HTTP ${res.status}).`);
  const objectUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
