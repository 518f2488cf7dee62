// The Themes view: the codebook hierarchy, each node with its extract count
// (DESIGN.md §4 `total`) and cases; codes expand to their extracts. Items keep
// stable ids so a refresh while typing never collapses what the user expanded.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { countsLine, escapeMarkdown } from '../../core';
import type { CaseCondition } from '../../core';
import { SegmentsRequest, type SegmentItem, type ThemeTreeNode, type ThemeTreeProject } from '../../server/src/protocol';

export type ThemesItem =
  | { type: 'project'; project: ThemeTreeProject }
  | { type: 'createCodebook'; project: ThemeTreeProject }
  | { type: 'node'; project: ThemeTreeProject; node: ThemeTreeNode }
  | { type: 'extract'; project: ThemeTreeProject; node: ThemeTreeNode; segment: SegmentItem; index: number };

export class ThemesTreeProvider implements vscode.TreeDataProvider<ThemesItem> {
  private projects: ThemeTreeProject[] = [];
  /** The case filter (Filter by Case Attribute…): counts and extracts of these cases only. */
  where: CaseCondition[] = [];
  private readonly changed = new vscode.EventEmitter<ThemesItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  setProjects(projects: ThemeTreeProject[]): void {
    this.projects = projects;
    this.changed.fire(undefined);
  }

  getProjects(): readonly ThemeTreeProject[] {
    return this.projects;
  }

  getChildren(element?: ThemesItem): vscode.ProviderResult<ThemesItem[]> {
    if (!element) {
      if (this.projects.length === 1) return this.nodes(this.projects[0], this.projects[0].nodes);
      return this.projects.map((project) => ({ type: 'project', project }));
    }
    if (element.type === 'project') return this.nodes(element.project, element.project.nodes);
    if (element.type === 'extract' || element.type === 'createCodebook') return [];
    const children = this.nodes(element.project, element.node.children);
    if (element.node.kind !== 'code') return children;
    return this.extracts(element.project, element.node).then((extracts) => [...children, ...extracts]);
  }

  getTreeItem(element: ThemesItem): vscode.TreeItem {
    if (element.type === 'project') {
      const item = new vscode.TreeItem(element.project.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.project.folder;
      item.description = `${element.project.transcripts} transcripts · ${element.project.extracts} extracts`;
      return item;
    }
    if (element.type === 'createCodebook') {
      const item = new vscode.TreeItem('Create codebook…', vscode.TreeItemCollapsibleState.None);
      item.id = `${element.project.folder}|createCodebook`;
      item.description = 'no codebook yet';
      item.tooltip = 'Create codebook.md: headings are themes, list items starting with #name are codes.';
      item.iconPath = new vscode.ThemeIcon('new-file');
      item.command = { command: 'marginalia.createCodebook', title: 'Create codebook' };
      return item;
    }
    if (element.type === 'extract') {
      const { segment } = element;
      const item = new vscode.TreeItem(preview(segment.text), vscode.TreeItemCollapsibleState.None);
      item.id = `${element.project.folder}|${element.node.kind}|${element.node.id}|${segment.uri}|${segment.range.start.line}:${segment.range.start.character}|${element.index}`;
      item.description = segment.case;
      item.tooltip = new vscode.MarkdownString().appendText(`${segment.text}\n\n— ${segment.case} (${segment.file})`);
      item.iconPath = new vscode.ThemeIcon('quote');
      item.contextValue = 'extract';
      item.command = {
        command: 'marginalia.openExtract',
        title: 'Open extract',
        arguments: [segment.uri, segment.range],
      };
      return item;
    }
    const { node } = element;
    const hasChildren = node.children.length > 0 || (node.kind === 'code' && node.direct > 0);
    const name = node.kind === 'code' ? `#${node.id}` : node.label || node.id;
    // Top-level themes open expanded, so the tree reads like the paper's table of themes.
    const topLevel = element.project.nodes.includes(node) && node.kind === 'theme';
    const state = !hasChildren ? vscode.TreeItemCollapsibleState.None : topLevel ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(name, state);
    item.id = `${element.project.folder}|${node.kind}|${node.id}`;
    item.description = `${countsLine(node)}${node.kind === 'code' && node.label ? ` — ${node.label}` : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(name)}**`);
    if (node.kind === 'code' && node.label) tooltip.appendText(` — ${node.label}`);
    if (node.definition) tooltip.appendText(`\n\n${node.definition}`);
    if (!node.defined && node.kind === 'code') tooltip.appendText('\n\nNot in the codebook yet (uncategorised).');
    tooltip.appendText(`\n\n${item.description}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'theme' ? 'symbol-namespace' : node.kind === 'uncategorised' ? 'question' : 'tag');
    item.contextValue = node.kind === 'code' ? (node.defined ? 'code' : 'uncategorisedCode') : node.kind;
    if (node.location) {
      item.command = {
        command: 'vscode.open',
        title: 'Go to codebook entry',
        arguments: [vscode.Uri.parse(node.location.uri), { selection: toRange(node.location.range), preserveFocus: true }],
      };
    }
    return item;
  }

  private nodes(project: ThemeTreeProject, nodes: ThemeTreeNode[]): ThemesItem[] {
    const items: ThemesItem[] = nodes.map((node) => ({ type: 'node', project, node }));
    // Inductive coding starts without a codebook: offer to create one above the uncategorised codes.
    if (nodes === project.nodes && !project.hasCodebook && nodes.length > 0) items.unshift({ type: 'createCodebook', project });
    return items;
  }

  private async extracts(project: ThemeTreeProject, node: ThemeTreeNode): Promise<ThemesItem[]> {
    const segments = await this.client.sendRequest<SegmentItem[]>(SegmentsRequest, { folder: project.folder, id: node.id, descendants: false, where: this.where });
    return segments.map((segment, index) => ({ type: 'extract', project, node, segment, index }));
  }
}

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function preview(text: string): string {
  return text.length > 90 ? `“${text.slice(0, 89).trimEnd()}…”` : `“${text}”`;
}
