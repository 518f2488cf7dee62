// Developing themes from the Themes tree (DESIGN.md §12): drag and drop and
// the context-menu refactorings. The language server computes every edit
// (its `workspace/executeCommand` commands) and applies it as one undo step;
// this file only finds the arguments and shows the server's refusals.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import type { ThemeTreeNode, ThemeTreeProject } from '../../server/src/protocol';
import type { ThemesItem, ThemesTreeProvider } from './themesTree';

export const THEMES_MIME = 'application/vnd.code.tree.marginalia.themes';

/** What the server answers to a refactoring command; undefined when it refused (the user saw why). */
export type RefactorResult = { applied: boolean; id?: string } | undefined;

/** Runs a server refactoring; shows the server's sentence when it refuses. */
export async function runRefactor(client: LanguageClient, command: string, args: Record<string, unknown>): Promise<RefactorResult> {
  try {
    const result: RefactorResult | null = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
    // null: the server failed inside (it logged why); nothing was changed.
    if (!result) void vscode.window.showErrorMessage('Marginalia could not change the codebook: see the Marginalia output for why.');
    return result ?? undefined;
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof ResponseError || e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

type Dragged = { id: string; folder: string };

/** A defined code or theme can be dragged; uncategorised codes are not in the codebook yet. */
function draggable(item: ThemesItem): item is Extract<ThemesItem, { type: 'node' }> {
  return item.type === 'node' && item.node.defined && item.node.kind !== 'uncategorised';
}

/** Drop a theme or code onto a theme or code to move it under; onto empty space to move it to the top level. */
export class ThemesDragAndDrop implements vscode.TreeDragAndDropController<ThemesItem> {
  readonly dragMimeTypes = [THEMES_MIME];
  readonly dropMimeTypes = [THEMES_MIME];

  constructor(private readonly client: LanguageClient) {}

  handleDrag(source: readonly ThemesItem[], dataTransfer: vscode.DataTransfer): void {
    const dragged: Dragged[] = source.filter(draggable).map((item) => ({ id: item.node.id, folder: item.project.folder }));
    if (dragged.length > 0) dataTransfer.set(THEMES_MIME, new vscode.DataTransferItem(dragged));
  }

  async handleDrop(target: ThemesItem | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const value = dataTransfer.get(THEMES_MIME)?.value as Dragged[] | undefined;
    if (!value?.length) return;
    // An extract stands for its code; a project (several folders) or empty space for the top level.
    const parent = target && (target.type === 'node' || target.type === 'extract') && target.node.kind !== 'uncategorised' ? target.node.id : null;
    if (target?.type === 'node' && target.node.kind === 'uncategorised') return;
    for (const { id, folder } of value) {
      if (id === parent || (target && target.project.folder !== folder)) continue;
      await runRefactor(this.client, 'marginalia.moveNode', { id, parent, folder });
    }
  }
}

/** The node a command was called on: a tree item, or a code or theme id (then the first project). */
function nodeOf(themes: ThemesTreeProvider, target: ThemesItem | string | undefined): { project: ThemeTreeProject; id: string } | undefined {
  if (typeof target === 'string') {
    const project = themes.getProjects()[0];
    return project && { project, id: target.replace(/^#/, '') };
  }
  if (target?.type === 'node' || target?.type === 'extract') return { project: target.project, id: target.node.id };
  return undefined;
}

function* walk(nodes: readonly ThemeTreeNode[]): Generator<ThemeTreeNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind !== 'uncategorised') yield* walk(node.children);
  }
}

const nodeName = (node: ThemeTreeNode): string => (node.kind === 'code' ? `#${node.id}` : node.label || node.id);

function projectFor(themes: ThemesTreeProvider, target: ThemesItem | undefined): ThemeTreeProject | undefined {
  return target && target.type !== 'extract' && 'project' in target ? target.project : themes.getProjects()[0];
}

export function registerRefactorCommands(client: LanguageClient, themes: ThemesTreeProvider): vscode.Disposable {
  const moveToTheme = async (target?: ThemesItem | string, parent?: string | null): Promise<RefactorResult> => {
    const node = nodeOf(themes, target);
    if (!node) return undefined;
    // From a context menu the second argument is not ours.
    if (parent !== null && typeof parent !== 'string') {
      const tree = [...walk(node.project.nodes)].find((n) => n.id === node.id);
      const inside = new Set(tree ? [...walk(tree.children)].map((n) => n.id) : []);
      const picks = [...walk(node.project.nodes)]
        .filter((n) => n.defined && n.kind !== 'uncategorised' && n.id !== node.id && !inside.has(n.id))
        .map((n) => ({ label: nodeName(n), description: n.kind, id: n.id as string | null }));
      const chosen = await vscode.window.showQuickPick([{ label: '(top level)', description: 'a top-level theme of the codebook', id: null }, ...picks], {
        title: `Move ${tree ? nodeName(tree) : node.id} to Theme`,
        placeHolder: 'The theme (or code) to move it under',
      });
      if (!chosen) return undefined;
      parent = chosen.id;
    }
    return runRefactor(client, 'marginalia.moveNode', { id: node.id, parent, folder: node.project.folder });
  };

  const mergeInto = async (target?: ThemesItem | string, into?: string): Promise<RefactorResult> => {
    const node = nodeOf(themes, target);
    if (!node) return undefined;
    if (typeof into !== 'string') {
      const picks = [...walk(node.project.nodes)].filter((n) => n.kind === 'code' && n.id !== node.id).map((n) => ({ label: `#${n.id}`, description: n.label, id: n.id }));
      const chosen = await vscode.window.showQuickPick(picks, { title: `Merge #${node.id} into…`, placeHolder: `Every #${node.id} becomes the code you choose`, matchOnDescription: true });
      if (!chosen) return undefined;
      into = chosen.id;
    }
    return runRefactor(client, 'marginalia.mergeCode', { from: node.id, into: into.replace(/^#/, ''), folder: node.project.folder });
  };

  const newNode = (kind: 'theme' | 'code') => async (target?: ThemesItem | string, name?: string): Promise<RefactorResult> => {
    const at = nodeOf(themes, target);
    const project = at?.project ?? projectFor(themes, typeof target === 'string' ? undefined : target);
    if (!project) return undefined;
    if (typeof name !== 'string') {
      name = await vscode.window.showInputBox({
        title: kind === 'theme' ? (at ? `New Theme under ${at.id}` : 'New Theme') : at ? `New Code under ${at.id}` : 'New Code',
        prompt: kind === 'theme' ? 'The name of the theme (a heading in the codebook)' : 'The name of the code (its #id is made from it)',
        validateInput: (v) => (v.trim() === '' ? 'Give it a name.' : undefined),
      });
      if (name === undefined) return undefined;
    }
    return runRefactor(client, 'marginalia.newNode', { parent: at?.id ?? null, kind, name, folder: project.folder });
  };

  const deleteCode = async (target?: ThemesItem | string): Promise<RefactorResult> => {
    const node = nodeOf(themes, target);
    return node && runRefactor(client, 'marginalia.deleteCode', { id: node.id, folder: node.project.folder });
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('marginalia.moveToTheme', moveToTheme),
    vscode.commands.registerCommand('marginalia.mergeInto', mergeInto),
    vscode.commands.registerCommand('marginalia.newTheme', newNode('theme')),
    vscode.commands.registerCommand('marginalia.newCode', newNode('code')),
    vscode.commands.registerCommand('marginalia.deleteUnusedCode', deleteCode),
  );
}
