// Rename a code or theme id in the codebook and in every transcript at once.
// Edits touch exactly the names, never a byte around them. A theme whose id is
// the slug of its heading keeps its heading text and gains an explicit {#id}.

import { isValidCodeName, normalizeCodeName } from '../codeName';
import { EditCancelled, EditRefused, sortEdits, type EditPlan, type EditSource, type TextEditPlan } from './plan';

/** The name as typed, without a leading `#` and surrounding spaces, in NFC (as the index compares names). */
export function normaliseNewName(input: string): string {
  return normalizeCodeName(input.trim().replace(/^#/, ''));
}

/** Refuses a name that cannot be a code name. */
export function checkCodeName(input: string): string {
  const name = normaliseNewName(input);
  if (!isValidCodeName(name)) {
    throw new EditRefused(`"${input}" cannot be a code name: start with a letter or digit, then use letters, digits, - _ . or /.`);
  }
  return name;
}

/** Whether `id` names a codebook node or a code used in a transcript. */
export function idExists(source: EditSource, id: string): boolean {
  return source.index.node(id) !== undefined || source.index.useCount(id) > 0;
}

export function renamePlan(source: EditSource, id: string, newNameInput: string): EditPlan {
  const newName = checkCodeName(newNameInput);
  if (newName === id) return { edits: [] };
  if (idExists(source, newName)) {
    throw new EditRefused(`#${newName} already exists: to make the two one code, merge #${id} into #${newName} (marginalia.mergeCode).`);
  }
  return { edits: replaceId(source, id, newName, true) };
}

/**
 * Edits that write `newName` wherever `id` is written: every codebook
 * declaration (duplicates too, so the codebook stays consistent; with
 * `declarations`) and every `#id` in the transcripts.
 */
export function replaceId(source: EditSource, id: string, newName: string, declarations: boolean): TextEditPlan[] {
  const index = source.index;
  const edits: TextEditPlan[] = [];
  if (declarations) {
    for (const node of index.codebookNodes()) {
      if (node.id !== id) continue;
      if (node.explicitId) edits.push({ path: index.codebookPath, offset: node.idStart + 1, length: node.idEnd - node.idStart - 1, newText: newName });
      else edits.push({ path: index.codebookPath, offset: node.idEnd, length: 0, newText: ` {#${newName}}` });
    }
  }
  for (const ref of index.tokensOf(id)) {
    if (source.cancelled?.()) throw new EditCancelled('cancelled');
    edits.push({ path: ref.path, offset: ref.token.start + 1, length: ref.token.end - ref.token.start - 1, newText: newName });
  }
  return sortEdits(edits);
}
