// Names in CLI messages come from files and requests the user did not necessarily write: a
// table or entity name holding ESC or CSI could recolour the terminal, move the cursor or
// forge lines, so every such name is shown with its control characters written out.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

function written(character: string): string {
  const code = character.charCodeAt(0);
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  if (character === '\t') return '\\t';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every terminal control character (C0, DEL, C1) written as an escape. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, written);
}

/** As `escapeControl`, keeping line breaks: for messages whose lines the program laid out itself. */
export function escapeControlKeepingLines(text: string): string {
  return text.replace(CONTROL_EXCEPT_NEWLINE, written);
}
