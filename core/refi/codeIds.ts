// Valid, unique code ids made from the names other tools give codes
// (DESIGN.md §10): `CAT - Peer Mentoring (informal)` → `cat-peer-mentoring-informal`,
// `03 Accès aux soins` → `03-accès-aux-soins` (Unicode letters are valid in names).

import { isValidCodeName } from '../codeName';

/** Ids stay short enough to type: at most this many words (a long label is a sentence, not a name). */
const MAX_WORDS = 6;
const MAX_LENGTH = 48;

/** A code name from free text: lower case, every run of other characters one `-`, at most six words. */
export function codeIdFromName(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map((w) => w.replace(/^\p{M}+/u, ''))
    .filter((w) => w !== '');
  let slug = '';
  for (const w of words.slice(0, MAX_WORDS)) {
    if (slug !== '' && slug.length + 1 + w.length > MAX_LENGTH) break;
    slug = slug === '' ? w : `${slug}-${w}`;
  }
  return isValidCodeName(slug) ? slug : 'code';
}

/**
 * Hands out ids that are unique in one codebook. A name taken already gets its
 * parent's id in front (`family/support` for the second "Support", under
 * "Family"), then a number (`support-2`) if that is taken too.
 */
export class CodeIdAllocator {
  private readonly taken = new Set<string>();

  /** Marks an id as used (for example one that must stay as it is). */
  reserve(id: string): void {
    this.taken.add(id);
  }

  allocate(name: string, parentId?: string): string {
    const base = codeIdFromName(name);
    const candidates = [base];
    if (parentId) candidates.push(`${parentId}/${base}`);
    for (const c of candidates) {
      if (!this.taken.has(c)) {
        this.taken.add(c);
        return c;
      }
    }
    const stem = candidates[candidates.length - 1];
    for (let n = 2; ; n++) {
      const c = `${stem}-${n}`;
      if (!this.taken.has(c)) {
        this.taken.add(c);
        return c;
      }
    }
  }
}
