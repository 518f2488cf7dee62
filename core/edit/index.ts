// Edit plans: refactorings of a coding project as plain `{path, offset, length, newText}` data.

export { EditRefused, EditCancelled, PlanFile, PlanFiles, applyPlan, lineEnding, sortEdits } from './plan';
export type { EditPlan, EditSource, TextEditPlan } from './plan';
export { renamePlan, replaceId, checkCodeName, normaliseNewName, idExists } from './rename';
export { addCodePlan, addCodeTargets } from './addCode';
