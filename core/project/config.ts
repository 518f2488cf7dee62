// marginalia.yml: which file is the codebook and which files are transcripts.
// A bad entry is an error diagnostic on that file and its default is used.

import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import picomatch from 'picomatch';
import { LineIndex } from '../text/lineIndex';
import type { Diagnostic } from '../types';

export const CONFIG_FILE = 'marginalia.yml';

export interface ProjectConfig {
  codebook: string;
  transcripts: string[];
  exclude: string[];
}

export const DEFAULT_CONFIG: ProjectConfig = {
  codebook: 'codebook.md',
  transcripts: ['**/*.md'],
  exclude: [],
};

export interface ParsedConfig {
  config: ProjectConfig;
  diagnostics: Diagnostic[];
}

export function parseConfig(text: string): ParsedConfig {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const config: ProjectConfig = { ...DEFAULT_CONFIG };
  const error = (from: number, to: number, message: string): void => {
    diagnostics.push({ range: lines.range(from, Math.max(from, to)), severity: 'error', message, code: 'invalid-config' });
  };
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      error(e.pos[0], e.pos[1], `marginalia.yml is not valid YAML (${e.message.split('\n')[0]}); the default settings are used.`);
    }
    return { config, diagnostics };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return { config, diagnostics };
  if (!isMap(root)) {
    const r = (root as YamlNode).range ?? [0, text.length];
    error(r[0], r[1], 'marginalia.yml should list settings such as "codebook: codebook.md"; the default settings are used.');
    return { config, diagnostics };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = (pair.key as YamlNode | null)?.range ?? [0, 0];
    const value = pair.value as YamlNode | null;
    const valueRange = value?.range ?? keyRange;
    if (key === 'codebook') {
      if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
        config.codebook = normalisePath(value.value.trim());
      } else {
        error(valueRange[0], valueRange[1], '"codebook" should be the path of the codebook file, such as codebook.md; codebook.md is used.');
      }
    } else if (key === 'transcripts' || key === 'exclude') {
      const patterns = stringList(value);
      if (patterns) config[key] = patterns.map(normalisePath);
      else {
        const fallback = key === 'transcripts' ? '["**/*.md"]' : 'nothing';
        error(valueRange[0], valueRange[1], `"${key}" should be a file pattern or a list of them, such as ["transcripts/**/*.md"]; ${fallback === 'nothing' ? 'nothing is excluded' : `${fallback} is used`}.`);
      }
    } else {
      error(keyRange[0], keyRange[1], `"${key}" is not a Marginalia setting: the settings are codebook, transcripts and exclude.`);
    }
  }
  return { config, diagnostics };
}

function stringList(node: YamlNode | null): string[] | undefined {
  // One pattern may be written alone: transcripts: "*.md".
  if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return [node.value.trim()];
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return undefined;
    out.push(item.value);
  }
  return out;
}

function normalisePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

export type FileRole = 'config' | 'codebook' | 'transcript' | 'other';

/** Decides what a project file is, from its path relative to the project root (with `/`). */
export class FileClassifier {
  private readonly include: (path: string) => boolean;
  private readonly exclude: (path: string) => boolean;

  constructor(readonly config: ProjectConfig) {
    this.include = picomatch(config.transcripts, { dot: false });
    this.exclude = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  }

  classify(relPath: string): FileRole {
    if (relPath === CONFIG_FILE) return 'config';
    if (relPath === this.config.codebook) return 'codebook';
    if (isAlwaysExcluded(relPath) || this.isCodebookName(relPath)) return 'other';
    return this.include(relPath) && !this.exclude(relPath) ? 'transcript' : 'other';
  }

  /** `codebook.md`, or a file named like the configured codebook, in another folder: another project's codebook, never a transcript. */
  private isCodebookName(relPath: string): boolean {
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    return base === DEFAULT_CONFIG.codebook || base === this.config.codebook.slice(this.config.codebook.lastIndexOf('/') + 1);
  }
}

/** README*, CHANGELOG*, node_modules/ and dot-folders are never transcripts. */
export function isAlwaysExcluded(relPath: string): boolean {
  const parts = relPath.split('/');
  const base = parts[parts.length - 1];
  if (/^(readme|changelog)/i.test(base)) return true;
  return parts.some((p, i) => p === 'node_modules' || (p.startsWith('.') && i < parts.length - 1) || (i === parts.length - 1 && p.startsWith('.')));
}
