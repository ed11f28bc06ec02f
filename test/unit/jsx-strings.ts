/**
 * Finds user-visible text written straight into JSX instead of going through `t()`: text
 * children, string children (`{'Hi'}`, template literals) and string values of the props a
 * user reads or hears (aria-label, title, placeholder, alt...). Parsed with TypeScript, so
 * comments, attribute names and code are never mistaken for text.
 */
import ts from 'typescript';

/** Props whose value is shown or spoken to the user. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

export interface HardCoded {
  file: string;
  line: number;
  text: string;
}

/** Text with at least one letter (any script): punctuation and numbers are not wording. */
const WORDY = /\p{L}/u;

export function findHardCodedStrings(file: string, source: string): HardCoded[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCoded[] = [];
  const report = (node: ts.Node, text: string) => {
    const squashed = text.replace(/\s+/g, ' ').trim();
    if (!WORDY.test(squashed)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file, line: line + 1, text: squashed });
  };
  /** The literal text of a string expression, or null when it is computed (t(), variables). */
  const literal = (node: ts.Expression | undefined): string | null => {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) {
      return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    }
    if (ts.isParenthesizedExpression(node)) return literal(node.expression);
    if (ts.isConditionalExpression(node)) {
      return [literal(node.whenTrue), literal(node.whenFalse)].filter(Boolean).join(' ') || null;
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      // `cond && 'text'` renders its right side; `a ?? 'text'`, `a || 'text'` and `'a' + b`
      // either side; comparisons render nothing of their strings.
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literal(node.right);
      const joins = [
        ts.SyntaxKind.PlusToken,
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
      ];
      if (!joins.includes(op)) return null;
      return [literal(node.left), literal(node.right)].filter(Boolean).join(' ') || null;
    }
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.parent && !ts.isJsxAttribute(node.parent)) {
      const text = literal(node.expression);
      if (text !== null) report(node, text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const value = node.initializer;
      if (VISIBLE_PROPS.has(name) && value) {
        const text = ts.isStringLiteral(value)
          ? value.text
          : ts.isJsxExpression(value)
            ? literal(value.expression)
            : null;
        if (text !== null) report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
