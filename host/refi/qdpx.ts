// The .qdpx container: a zip with project.qde and the text sources in
// sources/ (fflate). Reading accepts `sources/` or `Sources/` and any case of
// `project.qde`, as real exports differ.

import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { RefiProject } from '../../core/refi/model';
import { parseProjectXml, projectToXml, RefiFormatError } from './qdeXml';

/** The bytes of a .qdpx for this project (text sources with internal:// paths go into sources/). */
export function qdpxBytes(project: RefiProject): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(projectToXml(project)) };
  for (const s of project.sources) {
    const internal = s.plainTextPath?.startsWith('internal://') ? s.plainTextPath.slice('internal://'.length) : undefined;
    if (internal) files[`sources/${internal}`] = strToU8(s.text);
  }
  // Level 1: most of the size gain for a fraction of the time (large projects are mostly text).
  return zipSync(files, { level: 1, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

/** Reads a .qdpx; every problem is a RefiFormatError with a sentence for the analyst. */
export function readQdpx(bytes: Uint8Array): RefiProject {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    throw new RefiFormatError(`It is not a readable zip archive, so not a REFI-QDA project (${e instanceof Error ? e.message : String(e)}).`);
  }
  const byLowerName = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) byLowerName.set(name.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase(), data);
  const qde = byLowerName.get('project.qde') ?? [...byLowerName].find(([n]) => n.endsWith('.qde'))?.[1];
  if (!qde) throw new RefiFormatError('It has no project.qde inside, so it is not a REFI-QDA project.');
  const decode = (data: Uint8Array, what: string): string => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF+/, '');
    } catch {
      throw new RefiFormatError(`${what} is not UTF-8 text.`);
    }
  };
  const readSource = (path: string): string | undefined => {
    const name = path.replace(/^internal:\/\//, '').replace(/\\/g, '/').toLowerCase();
    const data = byLowerName.get(`sources/${name}`) ?? byLowerName.get(name);
    return data === undefined ? undefined : decode(data, `The source ${path}`);
  };
  return parseProjectXml(decode(qde, 'project.qde'), readSource);
}

