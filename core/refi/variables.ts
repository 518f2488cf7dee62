// Case attributes (front matter) ↔ REFI-QDA variables. A variable's type is the
// narrowest that every case's value allows: Boolean, Integer, Float, Date, else Text.

import type { VariableType } from './model';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The text of a front-matter value as a REFI-QDA value would carry it. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(attributeText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function typeOf(value: unknown): VariableType {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : Number.isFinite(value) ? 'Float' : 'Text';
  if (value instanceof Date) return 'Date';
  if (typeof value === 'string' && isDate(value)) return 'Date';
  return 'Text';
}

const ORDER: VariableType[] = ['Integer', 'Float'];

/** The type every value (null/undefined skipped) allows. */
export function variableType(values: unknown[]): VariableType {
  let type: VariableType | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t = typeOf(v);
    if (type === undefined || type === t) type = t;
    else if (ORDER.includes(type) && ORDER.includes(t)) type = 'Float';
    else return 'Text';
  }
  return type ?? 'Text';
}

/** A REFI-QDA value as a front-matter value: numbers and booleans typed, dates and text as strings. */
export function attributeValue(text: string, type: VariableType): unknown {
  const t = text.trim();
  switch (type) {
    case 'Boolean':
      if (/^(true|1)$/i.test(t)) return true;
      if (/^(false|0)$/i.test(t)) return false;
      return text;
    case 'Integer':
      return INTEGER.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
    case 'Float':
      return DECIMAL.test(t) ? Number(t) : text;
    default:
      return text;
  }
}

/** The XML element a value of this type is written in. */
export function valueElement(type: VariableType): string {
  return `${type}Value`;
}
