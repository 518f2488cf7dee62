// Themes view title: Filter by Case Attribute… — counts (and extracts) of the
// cases whose front-matter attribute has a value, e.g. "setting = primary care".
// The server counts (ThemeTreeParams.where); the view's description says so.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../server/src/protocol';
import type { CaseCondition } from '../../core';
import type { ThemesTreeProvider } from './themesTree';

/** Pick an attribute, then a value ("All cases" clears); or pass the conditions (tests). */
export async function filterThemes(client: LanguageClient, themes: ThemesTreeProvider, refresh: () => Promise<void>, where?: CaseCondition[]): Promise<void> {
  if (!where) {
    const data = await client.sendRequest(ReportRequest, {});
    if (!data) return;
    const all = { label: 'All cases', description: 'no filter', attribute: '' };
    const attribute = await vscode.window.showQuickPick([all, ...data.attributes.map((a) => ({ label: a.name, description: a.values.slice(0, 5).join(', ') + (a.values.length > 5 ? ', …' : ''), attribute: a.name }))], {
      title: 'Filter the Themes view by a case attribute',
      placeHolder: 'Count only the cases with this attribute…',
    });
    if (!attribute) return;
    if (attribute.attribute === '') where = [];
    else {
      const values = data.attributes.find((a) => a.name === attribute.attribute)?.values ?? [];
      const value = await vscode.window.showQuickPick(values.map((v) => ({ label: v === '' ? '(empty)' : v, value: v })), { title: `Cases where ${attribute.attribute} is…` });
      if (!value) return;
      where = [{ attribute: attribute.attribute, value: value.value }];
    }
  }
  themes.where = where;
  await refresh();
}
