// GUIDs derived from what they identify (a code's id, a transcript's path), so
// exporting the same project twice gives the same GUIDs: name-based UUIDs
// (RFC 9562 version 5) in a namespace of Marginalia's own.

import { v5 } from 'uuid';

const MARGINALIA_NAMESPACE = '3f0d4c1e-7a52-5b0c-9d8e-6a1f2b3c4d5e';

/** A stable GUID for `key` of a given kind (`code`, `source`, `selection`, …). */
export function stableGuid(kind: string, key: string): string {
  return v5(`${kind}\u0000${key}`, MARGINALIA_NAMESPACE);
}

/** GUIDs compare without braces and case: NVivo writes `{ABC…}`, others `abc…`. */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
