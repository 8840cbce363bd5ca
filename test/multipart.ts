const BOUNDARY = '----kantine-test-boundary';

/** The content type of a body made by `multipart`. */
export const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

export interface FilePart {
  filename: string;
  data: Buffer;
}

/** A multipart/form-data body: fields, then the file as `file`. */
export function multipart(fields: Record<string, string>, file?: FilePart): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}
