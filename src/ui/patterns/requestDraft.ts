// What is wrong with request JSON that is still being typed, said with where it breaks, so
// the editor can name the spot and Run can say why it is off.
import { jsonErrorOffset, lineColumn } from '../../store/jsonErrorOffset';

/** Why `text` is not yet a request (with line and column for a syntax error); undefined when it is one. */
export function requestDraftProblem(text: string): string | undefined {
  const offset = jsonErrorOffset(text);
  if (offset !== undefined) {
    const { line, column } = lineColumn(text, offset);
    return `The request JSON does not parse at line ${line}, column ${column}`;
  }
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? undefined : 'The request JSON is not an object ({ … })';
}
