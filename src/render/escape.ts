/** Escaping for the few places text is placed into markup by hand rather than by Eta or hast. */

/** HTML-escapes text for element content or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON whose bytes hold no `<`: decodes to the same text, and stays inert if someone inlines it in HTML. */
export function safeJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
