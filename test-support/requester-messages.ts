// Which messages can a requester or a signed-out visitor meet? Read from the code itself, so a new
// message on a requester page is known the moment it is written: the pages, layouts and emails of
// the requester side are read whole, and from there every import is followed to the declarations
// actually used (a shared reviewer module adds only what the requester side takes from it).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import ts from "typescript";

/** Read whole: everything in them is shown to requesters or visitors. */
export const REQUESTER_SIDE = [
  "app/(public)",
  "app/(requester)",
  "app/layout.tsx",
  "app/error.tsx",
  "app/not-found.tsx",
  "components/apply",
  "components/auth",
  "components/layout",
  "components/ui",
  "lib/domain/request",
  "lib/form-state.ts",
  "lib/i18n/labels.ts",
  "lib/mail",
];

/**
 * Reached from the requester side but shown only to reviewers: the routing reasons and flags are
 * worked out when a request is submitted and stored for the review pages.
 */
export const REVIEWER_FACING_MODULES = ["lib/domain/review/routing.ts", "lib/domain/review/flags.ts"];

/** Emails that go to reviewers, not requesters, though their wording sits with the requesters' emails. */
export const REVIEWER_EMAIL_MESSAGES = [
  "email-joint-subject",
  "email-joint-heading",
  "email-joint-body",
  "email-joint-reason",
  "email-answered-subject",
  "email-answered-heading",
  "email-answered-body",
  "email-review-action",
];

type TModule = {
  declarations: Map<string, ts.Node[]>;
  imports: Map<string, { file: string | null; name: string }>;
  reExports: { file: string | null; names: Map<string, string> | "all" }[];
  statements: ts.Statement[];
};

/** The message keys among `keys` that code under `entries` (whole) and what it imports (as used) can show. */
export function requesterMessageKeys(root: string, keys: readonly string[], entries: readonly string[] = REQUESTER_SIDE): Set<string> {
  const found = new Set<string>();
  const modules = new Map<string, TModule>();
  const visited = new Set<string>();
  const queue: { file: string; name: string }[] = entries.flatMap((entry) => sourceFiles(path.join(root, entry))).map((file) => ({ file, name: "*" }));

  const load = (file: string) => {
    let module = modules.get(file);
    if (!module) {
      module = parseModule(root, file);
      modules.set(file, module);
    }
    return module;
  };

  const matchText = (text: string) => {
    if (keys.includes(text)) found.add(text);
    // A prefix completed elsewhere ("option-requester-kind" + "-" + a choice).
    else if (text.includes("-") && !text.endsWith("-")) for (const key of keys) if (key.startsWith(`${text}-`)) found.add(key);
  };

  const matchTemplate = (template: ts.TemplateExpression) => {
    if (!template.head.text.includes("-")) return; // `${id}-hint` is an element id, not a message
    const parts = [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`^${parts.join("[a-z0-9-]+")}$`);
    for (const key of keys) if (pattern.test(key)) found.add(key);
  };

  while (queue.length > 0) {
    const { file, name } = queue.shift()!;
    const id = `${file}#${name}`;
    if (visited.has(id)) continue;
    visited.add(id);
    const module = load(file);

    const follow = (identifier: string) => {
      if (module.declarations.has(identifier)) queue.push({ file, name: identifier });
      const imported = module.imports.get(identifier);
      if (imported?.file) queue.push({ file: imported.file, name: imported.name });
    };

    const walk = (node: ts.Node): void => {
      if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) matchText(node.text);
      else if (ts.isTemplateExpression(node)) matchTemplate(node);
      else if (ts.isIdentifier(node) && !isPropertyName(node)) follow(node.text);
      else if (ts.isShorthandPropertyAssignment(node)) follow(node.name.text);
      ts.forEachChild(node, walk);
    };

    if (name === "*") {
      module.statements.forEach(walk);
      continue;
    }
    const nodes = module.declarations.get(name);
    if (nodes) nodes.forEach(walk);
    else if (module.imports.has(name))
      follow(name); // export { COUNTRIES } of an imported name
    else
      for (const reExport of module.reExports) {
        if (!reExport.file) continue;
        if (reExport.names === "all") queue.push({ file: reExport.file, name });
        else if (reExport.names.has(name)) queue.push({ file: reExport.file, name: reExport.names.get(name)! });
      }
  }
  for (const key of REVIEWER_EMAIL_MESSAGES) found.delete(key);
  return found;
}

function isPropertyName(node: ts.Identifier) {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isJsxAttribute(parent) && parent.name === node) ||
    ((ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node)
  );
}

function parseModule(root: string, file: string): TModule {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const module: TModule = { declarations: new Map(), imports: new Map(), reExports: [], statements: [...source.statements] };
  const declare = (name: string, node: ts.Node) => module.declarations.set(name, [...(module.declarations.get(name) ?? []), node]);
  const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      const from = resolve(root, file, statement.moduleSpecifier.text);
      if (clause.name) module.imports.set(clause.name.text, { file: from, name: "default" });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) module.imports.set(bindings.name.text, { file: from, name: "*" });
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements)
          if (!element.isTypeOnly) module.imports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? resolve(root, file, statement.moduleSpecifier.text) : undefined;
      if (from === undefined) continue; // export { local }: the local declaration or import answers for it
      const clause = statement.exportClause;
      const names = clause && ts.isNamedExports(clause) ? new Map(clause.elements.map((e) => [e.name.text, (e.propertyName ?? e.name).text])) : "all";
      module.reExports.push({ file: from, names });
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) declare(statement.name.text, statement);
      if (isDefault(statement)) declare("default", statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) for (const name of bindingNames(declaration.name)) declare(name, declaration);
    } else if (ts.isExportAssignment(statement)) {
      declare("default", statement);
    }
  }
  return module;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function resolve(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  if (base.includes(`${path.sep}generated${path.sep}`)) return null;
  if (REVIEWER_FACING_MODULES.some((module) => path.join(root, module) === `${base}.ts`)) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function sourceFiles(entry: string): string[] {
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: update REQUESTER_SIDE`);
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(entry, item.name);
    if (item.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name) ? [full] : [];
  });
}
