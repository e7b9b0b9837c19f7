import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './errors.js';

/**
 * The one place that reads multipart uploads: routes say what they accept, this answers every
 * way an upload goes wrong with the right status (415, 400, 408, 413) and never leaves a partial
 * file behind.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** An upload that sends no bytes for this long is answered 408 (UPLOAD_IDLE_TIMEOUT_MS). */
    uploadIdleTimeoutMs: number;
  }
}

export interface UploadRules {
  /** The form field that carries the file(s). */
  fileField: string;
  maxFileBytes: number;
  maxFiles: number;
  maxFields?: number;
  /** The route's own 413 for a file over maxFileBytes (its code and wording). */
  tooLarge: () => AppError;
}

const uploadErrors = {
  notMultipart: (what: string) => new AppError(415, 'bad_request.unsupported_media_type', `Send multipart/form-data with ${what}`),
  noBoundary: () => new AppError(400, 'bad_request.multipart_boundary', 'The multipart/form-data content type has no boundary'),
  malformed: () => new AppError(400, 'bad_request.multipart_malformed', 'The multipart body is malformed or ends early'),
  stalled: () => new AppError(408, 'request_timeout', 'The upload stopped sending data; please try again'),
  tooManyFiles: (max: number) => new AppError(413, 'upload.too_many_files', `Send at most ${max} file${max === 1 ? '' : 's'}`),
  tooManyFields: () => new AppError(413, 'upload.too_many_fields', 'The form has too many fields'),
  wrongField: (field: string, expected: string) =>
    new AppError(400, 'validation_failed', 'The request body is invalid', {
      fields: [{ path: field, code: 'custom', message: `Files go in the \`${expected}\` field` }],
    }),
};

/** Maps what busboy and @fastify/multipart throw to our errors; anything else goes on unchanged. */
function uploadError(error: unknown, rules: UploadRules): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return rules.tooLarge();
  if (code === 'FST_FILES_LIMIT') return uploadErrors.tooManyFiles(rules.maxFiles);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return uploadErrors.tooManyFields();
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_JSON_FIELD_ERROR') return uploadErrors.malformed();
  // busboy's own errors (unexpected end of form, malformed part header) are plain Errors.
  if (error instanceof Error && !('statusCode' in error)) return uploadErrors.malformed();
  return error;
}

/** The boundary of a multipart request, or the reason it cannot be read. */
function ensureMultipart(request: FastifyRequest, what: string): string {
  if (!request.isMultipart()) throw uploadErrors.notMultipart(what);
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers['content-type'] ?? '');
  if (!match) throw uploadErrors.noBoundary();
  return (match[1] ?? match[2])!;
}

/**
 * Runs `work` (which must already have piped the body to the parser) until it finishes or the
 * client sends nothing for the idle time; then `onStall` cleans up and the request is answered
 * 408 with the connection closed (the rest never comes). A form whose body does not end with the
 * closing boundary was cut short: busboy does not always say so, so this checks the last bytes.
 */
async function readBody<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  boundary: string,
  work: Promise<T>,
  onStall: () => Promise<void>,
): Promise<T> {
  const ms = request.server.uploadIdleTimeoutMs;
  const closing = `--${boundary}--`;
  let tail = '';
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(uploadErrors.stalled()), ms);
    };
    request.raw.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.subarray(-1024).toString('latin1')).slice(-1024);
      arm();
    });
    arm();
  });
  try {
    const result = await Promise.race([work, stalled]);
    if (!tail.includes(closing)) throw uploadErrors.malformed();
    return result;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 408) {
      work.catch(() => {});
      reply.header('connection', 'close');
      await onStall();
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The text fields of a multipart form, checked by a schema as a JSON body is: 400 validation_failed
 * with a field error per issue (never a silent cut or default).
 */
export function parseFormFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new AppError(400, 'validation_failed', 'The request body is invalid', {
    fields: parsed.error.issues.map((i) => ({
      path: i.path.join('.'),
      code: (i as { params?: { code?: string } }).params?.code ?? i.code,
      message: i.message,
    })),
  });
}

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/** Small files (evidence): read into memory with the text fields. */
export async function readUploadInMemory(
  request: FastifyRequest,
  reply: FastifyReply,
  rules: UploadRules,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const boundary = ensureMultipart(request, `the files in \`${rules.fileField}\``);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const read = async () => {
    const limits = { fileSize: rules.maxFileBytes, files: rules.maxFiles, fields: rules.maxFields ?? 10 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== rules.fileField) {
        part.file.resume();
        throw uploadErrors.wrongField(part.fieldname, rules.fileField);
      }
      const bytes = await part.toBuffer();
      files.push({ filename: part.filename.slice(0, 200), bytes });
    }
  };
  try {
    await readBody(request, reply, boundary, read(), async () => {});
  } catch (error) {
    throw uploadError(error, rules);
  }
  return { fields, files };
}

/**
 * busboy reports a body that ends inside a file part by emitting an error on the file stream,
 * possibly before anyone listens, and the stream then never ends. Once the whole body has arrived
 * every byte has been handed to the file stream, so a file stream still open then is truncated.
 */
function failIfBodyEndsFirst(request: FastifyRequest, part: MultipartFile) {
  const check = () =>
    setImmediate(() => {
      const state = (part.file as unknown as { _readableState?: { ended?: boolean } })._readableState;
      if (!part.file.destroyed && state && !state.ended) part.file.destroy(uploadErrors.malformed());
    });
  if (request.raw.readableEnded) check();
  else request.raw.once('end', check);
}

export interface SavedUpload {
  filename: string;
  size: number;
  sha256: string;
  path: string;
}

/**
 * Large files (member lists): streamed to `destination()` with their hash. Null when the form has
 * no file; `accept` may refuse it by name before anything is written.
 */
export async function saveUploadToDisk(
  request: FastifyRequest,
  reply: FastifyReply,
  rules: UploadRules & { destination: () => Promise<string>; accept?: (filename: string) => void },
): Promise<SavedUpload | null> {
  const boundary = ensureMultipart(request, `the file in \`${rules.fileField}\``);
  // Decided before the body is read: the body must flow to the parser from its first byte.
  const target = await rules.destination();
  let path: string | undefined;
  const removePartial = async () => {
    if (path) await rm(path, { force: true });
  };
  const writeFile = async (part: MultipartFile, target: string): Promise<SavedUpload> => {
    rules.accept?.(part.filename);
    path = target;
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    // A body that ended inside this part: @fastify/multipart hands it over already destroyed.
    if (part.file.destroyed) throw uploadErrors.malformed();
    failIfBodyEndsFirst(request, part);
    try {
      await pipeline(part.file, count, createWriteStream(path, { mode: 0o600 }));
      if (part.file.truncated) throw rules.tooLarge();
    } catch (error) {
      // Also when the client went away after a 408: the write ends here, so the file goes here.
      await removePartial();
      throw error;
    }
    return { filename: part.filename.slice(0, 200), size, sha256: hash.digest('hex'), path };
  };
  const save = async (): Promise<SavedUpload | null> => {
    let saved: SavedUpload | null = null;
    // The whole form is read, so a body that ends early or breaks a limit is reported, not ignored.
    for await (const part of request.parts({
      limits: { fileSize: rules.maxFileBytes, files: rules.maxFiles, fields: rules.maxFields ?? 10 },
    })) {
      if (part.type === 'field') continue;
      if (part.fieldname !== rules.fileField) {
        part.file.resume();
        throw uploadErrors.wrongField(part.fieldname, rules.fileField);
      }
      try {
        saved = await writeFile(part, target);
      } catch (error) {
        part.file.resume();
        throw error;
      }
    }
    return saved;
  };
  try {
    return await readBody(request, reply, boundary, save(), removePartial);
  } catch (error) {
    await removePartial();
    throw uploadError(error, rules);
  }
}
