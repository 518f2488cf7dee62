// Reads a coding project as it was at a git ref, without touching the working
// tree: file names from `git ls-tree`, contents from one `git cat-file --batch`.

import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { decodeFile, loadFrom, type LoadedProject, type ProjectReader, type ReadResult } from './loader';

export class GitError extends Error {}

function git(cwd: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) throw new GitError('git is not installed or cannot be run.');
  if (r.status !== 0) throw new GitError(String(r.stderr).trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout;
}

export interface GitProject {
  /** The repository's top folder. */
  top: string;
  /** The project folder relative to the top, with `/` and a trailing `/` (or '' at the top). */
  prefix: string;
}

export function gitProject(folder: string): GitProject {
  let top: string;
  try {
    top = String(git(folder, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message)) {
      throw new GitError(`"${folder}" is not in a git repository: diff and agree compare versions of the coding kept in git (run "git init" and commit, or use a clone).`);
    }
    throw e;
  }
  const rel = relative(top, folder).split('\\').join('/');
  return { top, prefix: rel ? `${rel}/` : '' };
}

/** Checks that `ref` names a commit, with a sentence an analyst understands if not. */
export function verifyRef(project: GitProject, ref: string): void {
  try {
    git(project.top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`"${ref}" is not a branch, tag or commit in this repository.`);
  }
}

/** The project's files as they are at `ref` (paths relative to the project folder), for host/loader.ts. */
export function gitReader(project: GitProject, ref: string): ProjectReader {
  verifyRef(project, ref);
  return {
    list: () =>
      String(git(project.top, ['ls-tree', '-r', '-z', '--name-only', '--full-name', ref, '--', project.prefix || '.']))
        .split('\0')
        .filter(Boolean)
        .map((p) => p.slice(project.prefix.length)),
    read: (paths) => readBlobs(project, ref, paths),
  };
}

/** The project at `ref`, loaded into an index (nothing in the working tree is read or touched). */
export function loadProjectAtRef(project: GitProject, ref: string): LoadedProject {
  return loadFrom(gitReader(project, ref));
}

function readBlobs(project: GitProject, ref: string, paths: string[]): Map<string, ReadResult> {
  const out = new Map<string, ReadResult>();
  if (paths.length === 0) return out;
  const data = git(project.top, ['cat-file', '--batch'], paths.map((p) => `${ref}:${project.prefix}${p}`).join('\n') + '\n');
  let at = 0;
  for (const path of paths) {
    const nl = data.indexOf(10, at);
    const header = data.subarray(at, nl).toString();
    at = nl + 1;
    const m = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.set(path, { skipped: 'it is not in this commit', missing: true });
      continue;
    }
    const size = Number(m[2]);
    const bytes = data.subarray(at, at + size);
    at += size + 1;
    // A symbolic link or submodule is not a file of the project.
    out.set(path, m[1] === 'blob' ? decodeFile(bytes) : { skipped: 'it is not a regular file' });
  }
  return out;
}

/** Branches, remote branches and tags, for choosing a ref to compare with. */
export function gitRefs(project: GitProject): string[] {
  return String(git(project.top, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'])).split('\n').filter(Boolean);
}
