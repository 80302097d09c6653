/**
 * Importing CloudFormation templates (YAML with the short-form tags, or JSON), one or several
 * together. Each template's intrinsic functions are evaluated as far as the templates decide them
 * (parameters' defaults, mappings, conditions, exports of the other templates); its resources are
 * translated into the describe bundle AWS would print once the stacks exist, and that bundle goes
 * through importDescribeBundle, the one place that normalises, fills in and validates. Errors and
 * warnings name the template file and path (`Resources.WebSG.Properties.SecurityGroupIngress[1]`).
 */
import type { ModelError } from '../../model/errors.ts';
import { modelError } from '../../model/errors.ts';
import type { Result } from '../../model/result.ts';
import { err, ok } from '../../model/result.ts';
import { importDescribeBundle, type BundleInput, type ImportedBundle } from '../aws/bundle.ts';
import { ImportFailure } from '../aws/cursor.ts';
import { finishDesign, internetGatewayRenames } from './finish.ts';
import { retellError, retellWarning } from './messages.ts';
import { parseTemplate } from './parse.ts';
import { Scope } from './scope.ts';
import { translate } from './translate.ts';

/** At most this many templates in one import: a bound on work, far above any real set of stacks. */
export const MAX_TEMPLATES = 200;

/** Imports one or more CloudFormation templates into a validated design, with the warnings met on the way. */
export function importCloudFormation(sources: BundleInput[]): Result<ImportedBundle, ModelError> {
  try {
    if (!Array.isArray(sources) || sources.length === 0) {
      return err(modelError('import/empty', 'Nothing to import: give at least one CloudFormation template.'));
    }
    if (sources.length > MAX_TEMPLATES) {
      return err(modelError('import/too-large', `${sources.length} templates is more than the ${MAX_TEMPLATES} one import reads.`));
    }
    const scope = new Scope();
    scope.addTemplates(sources.map(parseTemplate));
    const build = translate(scope);
    const renames = internetGatewayRenames(build);
    const stems = scope.templates.map((t) => t.stem);
    const designName = `CloudFormation ${stems.slice(0, 3).join(', ')}${stems.length > 3 ? ', …' : ''}`;
    const imported = importDescribeBundle(build.draft.inputs(), { region: scope.region, designName });
    if (!imported.ok) return err(retellError(imported.error, build.draft, renames));
    const design = finishDesign(imported.value.design, build, renames);
    if (!design.ok) return design;
    const warnings = [...scope.warnings.all(), ...imported.value.warnings.map((w) => retellWarning(w, build.draft, renames))];
    return ok({ design: design.value, warnings });
  } catch (e) {
    if (e instanceof ImportFailure) return err(e.error);
    // A bug or an input beyond what the checks foresaw: still an error, never a crash.
    const reason = e instanceof Error ? e.message : String(e);
    return err(modelError('import/internal', `The CloudFormation import failed unexpectedly: ${reason}`));
  }
}

export type { BundleInput, ImportedBundle } from '../aws/bundle.ts';
