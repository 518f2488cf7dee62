// Edit plans: refactorings of a coding project as plain `{path, offset, length, newText}` data.

export { EditRefused, EditCancelled, PlanFile, PlanFiles, applyPlan, asOneEdit, lineEnding, sortEdits } from './plan';
export type { EditPlan, EditSource, TextEditPlan } from './plan';
export { renamePlan, replaceId, checkCodeName, normaliseNewName, idExists } from './rename';
export { addCodePlan, addCodeTargets } from './addCode';
export { movePlan, newNodePlan, deletePlan, mergePlan, uncodePlan } from './refactor';
export { groupsOf } from './coding';
export type { Group } from './coding';
