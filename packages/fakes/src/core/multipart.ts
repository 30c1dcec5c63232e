/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
  readonly name: string | undefined;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function parseHeaders(block: string): { name?: string; filename?: string; contentType?: string } {
  const out: { name?: string; filename?: string; contentType?: string } = {};
  for (const line of block.split('\r\n')) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key?.toLowerCase() === 'content-disposition') {
      out.name = /\bname="([^"]*)"/i.exec(value)?.[1];
      out.filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    } else if (key?.toLowerCase() === 'content-type') {
      out.contentType = value;
    }
  }
  return out;
}

/** A small `multipart/form-data` parser: enough to find named fields and file parts in a fake. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = body.subarray(start + delimiter.length, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = parseHeaders(chunk.subarray(0, headerEnd).toString('utf8'));
      // Strip the CRLF after the delimiter line and the one before the next delimiter.
      const data = chunk.subarray(headerEnd + 4, chunk.length - 2);
      parts.push({ name: headers.name, filename: headers.filename, contentType: headers.contentType, data });
    }
    start = next;
  }
  return parts;
}
