import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CODES } from '../../src/diagnostics.js';
import { parseCalendarDate, parseFrontMatter } from '../../src/normalize/front-matter.js';

describe('parseFrontMatter', () => {
  it('should read the contract keys and give the body its file line', () => {
    const fm = parseFrontMatter('---\ndate: 2016-03-24\npublisher: VOV.VN\nsummary: A line\n---\nHeadline\n', 'a.txt');
    assert.deepEqual(fm.data, { date: '2016-03-24', publisher: 'VOV.VN', standfirst: 'A line' });
    assert.equal(fm.body, 'Headline\n');
    assert.equal(fm.bodyLine, 6);
    assert.deepEqual(fm.diagnostics, []);
  });

  it('should treat a file without front matter as all body from line 1', () => {
    const fm = parseFrontMatter('Just text\n', 'a.txt');
    assert.equal(fm.bodyLine, 1);
    assert.deepEqual(fm.data, {});
  });

  it('should count lines right for empty front matter', () => {
    assert.equal(parseFrontMatter('---\n---\nBody', 'a.md').bodyLine, 3);
  });

  it('should locate invalid YAML at its file line', () => {
    const fm = parseFrontMatter('---\ndate: 2016-03-24\ntitle: [unclosed\n---\nBody', 'a.md');
    const [d] = fm.diagnostics;
    assert.equal(d?.code, CODES.YAML_SYNTAX);
    assert.equal(d?.severity, 'error');
    assert.equal(d?.line, 3);
  });

  it('should refuse impossible dates that js-yaml would roll over', () => {
    const fm = parseFrontMatter('---\ndate: 2016-02-30\n---\nBody', 'a.md');
    assert.equal(fm.diagnostics[0]?.code, CODES.INVALID_DATE);
    assert.equal(fm.diagnostics[0]?.line, 2);
    assert.equal(fm.data.date, undefined);
  });

  it('should report wrong types with their line and what to write', () => {
    const fm = parseFrontMatter('---\ndate: yesterday\ntopics: 42\n---\nBody', 'a.md');
    assert.deepEqual(fm.diagnostics.map((d) => [d.code, d.line]), [[CODES.INVALID_DATE, 2], [CODES.FRONT_MATTER_TYPE, 3]]);
    assert.match(fm.diagnostics[1]!.hint, /topics: \[/);
  });

  it('should warn about unknown keys with a did-you-mean', () => {
    const fm = parseFrontMatter('---\ntitel: Hello\n---\nBody', 'a.md');
    assert.equal(fm.diagnostics[0]?.severity, 'warning');
    assert.equal(fm.diagnostics[0]?.code, CODES.UNKNOWN_KEY);
    assert.match(fm.diagnostics[0]!.hint, /"title"/);
  });

  it('should not mutate a later parse of the same text (gray-matter caching)', () => {
    const text = '---\ntitle: Same\n---\nBody';
    const a = parseFrontMatter(text, 'a.md');
    (a.data as Record<string, unknown>).title = 'changed';
    assert.equal(parseFrontMatter(text, 'a.md').data.title, 'Same');
  });
});

describe('parseCalendarDate', () => {
  it('should keep the calendar day of a date-time as written, whatever its offset', () => {
    assert.deepEqual(parseCalendarDate('2016-03-24T01:30:00+03:00'), { value: '2016-03-24' });
    assert.deepEqual(parseCalendarDate('2016-03-24T23:30:00-08:00'), { value: '2016-03-24' });
  });

  it('should refuse a date-time without an offset and free text', () => {
    assert.equal(typeof parseCalendarDate('2016-03-24T10:00:00'), 'string');
    assert.equal(typeof parseCalendarDate('March 24'), 'string');
  });
});
