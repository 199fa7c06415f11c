/**
 * The normalization report (issue 3, item 6): per article, every decision the build made, so an
 * editor can check it and overrule it from front matter (`title:`, `standfirst:`, `keep:`, `drop:`).
 */
import { unpackBody } from './article-body.js';
import type { Article } from './model.js';

/** The report as data, one entry per article. */
export function reportData(articles: readonly Article[]) {
  return [...articles].sort((a, b) => a.source.localeCompare(b.source)).map((a) => {
    const { blocks } = unpackBody(a);
    return {
      source: a.source,
      slug: a.slug,
      title: a.title,
      titleSource: a.titleSource,
      standfirst: a.standfirst,
      date: a.date,
      dateSource: a.dateSource,
      publisher: a.publisher,
      credit: a.credit,
      byline: a.byline,
      paragraphs: blocks.filter((b) => b.type === 'paragraph').length,
      subheads: blocks.filter((b) => b.type === 'subhead').map((b) => ({ line: b.line, text: b.text })),
      removed: a.removed,
      furtherReading: a.furtherReading.length,
      warnings: a.diagnostics.map((d) => `${d.code} ${d.message}`),
    };
  });
}

/** The report as text for the terminal. */
export function formatReport(articles: readonly Article[]): string {
  const out: string[] = [];
  for (const r of reportData(articles)) {
    out.push(`${r.source} -> articles/${r.slug}/`);
    out.push(`  title (${r.titleSource}): ${r.title}`);
    if (r.standfirst) out.push(`  standfirst: ${r.standfirst}`);
    out.push(`  date: ${r.date ?? 'unknown'} (${r.dateSource}); publisher: ${r.publisher ?? 'unknown'}${r.credit ? `; credit: ${r.credit}` : ''}${r.byline ? `; byline: ${r.byline}` : ''}`);
    out.push(`  ${r.paragraphs} paragraphs, ${r.subheads.length} subheads${r.subheads.length ? `: ${r.subheads.map((s) => `"${s.text}" (line ${s.line})`).join(', ')}` : ''}${r.furtherReading ? `, ${r.furtherReading} further-reading links` : ''}`);
    if (r.removed.length) {
      out.push(`  removed ${r.removed.length} line${r.removed.length === 1 ? '' : 's'}:`);
      for (const x of r.removed) out.push(`    line ${String(x.line).padStart(4)}  ${x.reason.padEnd(20)} ${x.text.length > 70 ? `${x.text.slice(0, 67)}...` : x.text}`);
    }
    for (const w of r.warnings) out.push(`  warning: ${w}`);
    out.push('');
  }
  out.push('Overrule any decision in the article\'s front matter: `title:`, `standfirst:`, `keep: [line, ...]`, `drop: [line, ...]`.');
  return out.join('\n');
}
