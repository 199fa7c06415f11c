import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Block, Mention } from '../../src/model.js';
import { buildGazetteer, extractMentions, parseTopicsFile, resolveTopicName, type TopicsFile } from '../../src/extract/entities.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const fixtures = path.join(here, '../fixtures/extract/entities');
const topicsText = fs.readFileSync(path.join(root, 'content/topics.yaml'), 'utf8');
const topicsFile = parseTopicsFile(topicsText, 'content/topics.yaml');
const gazetteer = buildGazetteer(topicsFile.value);
const empty = buildGazetteer({ topics: [], suppress: [] });

/** One-paragraph article. */
function body(...paragraphs: string[]): { title: string; standfirst: null; blocks: Block[] } {
  return { title: '', standfirst: null, blocks: paragraphs.map((text, i) => ({ type: 'paragraph', text, line: i + 1 })) };
}
const names = (mentions: readonly Mention[]) => [...new Set(mentions.map((m) => m.name))].sort();
const pairs = (mentions: readonly Mention[]) => mentions.map((m) => `${m.text}=${m.name}`);

describe('extractMentions', () => {
  test('should merge aliases into one canonical topic', () => {
    const ms = extractMentions(body('ISIS and Daesh fighters, whom the U.N. calls IS, fled; the UN and Islamic State traded claims.'), gazetteer);
    assert.deepEqual(pairs(ms), ['ISIS=Islamic State', 'Daesh=Islamic State', 'U.N.=United Nations', 'IS=Islamic State', 'UN=United Nations', 'Islamic State=Islamic State']);
  });

  test('should match the longest alias and ignore dots and hyphens in it', () => {
    const ms = extractMentions(body('The US State Department and al-Qaeda; the U.N. Security Council met in Deir ez-Zor.'), gazetteer);
    assert.deepEqual(names(ms), ['Deir Ezzor', 'UN Security Council', 'US State Department', 'al Qaeda']);
  });

  test('should count "US" where it qualifies a noun, and never "us"', () => {
    const ms = extractMentions(body('A U.S.-backed truce, said US President Barack Obama, helps us all.'), gazetteer);
    assert.deepEqual(pairs(ms).filter((p) => !p.endsWith('=Ceasefire')), ['U.S.=United States', 'US=United States', 'Barack Obama=Barack Obama']);
  });

  test('should strip titles from the mention text', () => {
    const ms = extractMentions(body('Secretary of State John Kerry met Foreign Minister Sergei Lavrov and President Assad.'), gazetteer);
    assert.deepEqual(pairs(ms), ['John Kerry=John Kerry', 'Sergei Lavrov=Sergei Lavrov', 'Assad=Bashar al-Assad']);
    assert.equal(ms[0]!.offset, 'Secretary of State '.length);
  });

  test('should strip titles from names the topics file does not know', () => {
    const ms = extractMentions(body('NATO Secretary General Jens Stoltenberg met Turkish President Recep Tayyip Erdogan.'), gazetteer);
    assert.deepEqual(pairs(ms), ['NATO=NATO', 'Jens Stoltenberg=Jens Stoltenberg', 'Recep Tayyip Erdogan=Recep Tayyip Erdogan']);
    assert.deepEqual(ms.map((m) => m.kind), ['organisation', 'person', 'person']);
  });

  test('should merge a surname into the full name given in the same article', () => {
    const ms = extractMentions(body('Turkish President Recep Tayyip Erdogan spoke.', 'Later, Erdogan said he had not apologised.'), gazetteer);
    assert.deepEqual(pairs(ms), ['Recep Tayyip Erdogan=Recep Tayyip Erdogan', 'Erdogan=Recep Tayyip Erdogan']);
  });

  test('should merge "Mr Lavrov" into the full name known from the topics file or the article', () => {
    assert.deepEqual(pairs(extractMentions(body('Mr Lavrov said so.'), gazetteer)), ['Lavrov=Sergei Lavrov']);
    const local = extractMentions(body('Talks with Sergei Lavrov went well, Mr. Lavrov said.'), empty);
    assert.deepEqual(pairs(local), ['Sergei Lavrov=Sergei Lavrov', 'Lavrov=Sergei Lavrov']);
  });

  test('should not take a longer name for the curated one inside it', () => {
    const ms = extractMentions(body('Hafez al-Assad ruled before his son.', 'The Moscow Times reported it.'), gazetteer);
    assert.deepEqual(names(ms), ['Moscow Times']);
  });

  test('should count possessives as mentions, without the possessive in the text', () => {
    const ms = extractMentions(body("Russia's role and Kerry’s visit; NATO’s summit."), gazetteer);
    assert.deepEqual(pairs(ms), ['Russia=Russia', 'Kerry=John Kerry', 'NATO=NATO']);
    assert.equal(ms[1]!.offset, "Russia's role and ".length);
  });

  test('should not take demonyms for mentions of the country', () => {
    const ms = extractMentions(body('Russian jets and Syrian troops, Turkish officials and Western diplomats met Sunni Muslim fighters.'), gazetteer);
    assert.deepEqual(ms, []);
  });

  test('should reject furniture, dates and stray capitalised words', () => {
    const text = [
      'Related', 'Comments About This Article', 'Thursday was calm and in March the Cold War ended again.',
      'Progress has been slow. Civilians began fleeing. Both sides agreed.', 'SLOW PROGRESS', '“Let’s Make a Deal,” he said.',
      'Several factions, God willing, planted an IED.',
    ];
    assert.deepEqual(extractMentions(body(...text), gazetteer), []);
  });

  test('should find names the topics file lacks, with their kind', () => {
    const ms = extractMentions(body(
      'The state-run news channel Ikhbariya and the state news agency SANA showed it; the U.N. cultural agency UNESCO called it a crime.',
      'Shelling hit the villages of Barad and al-Mijimir in Sweida province, according to al-Masdar News and the Associated Press.',
    ), empty);
    const kinds = Object.fromEntries(ms.map((m) => [m.name, m.kind]));
    assert.deepEqual(kinds, {
      Ikhbariya: 'organisation', SANA: 'organisation', 'U.N.': 'organisation', UNESCO: 'organisation', Barad: 'place',
      'al-Mijimir': 'place', Sweida: 'place', 'al-Masdar News': 'organisation', 'Associated Press': 'organisation',
    });
  });

  test('should take "the Observatory" for the organisation named in full earlier, and not before', () => {
    const before = extractMentions(body('The Observatory said so.'), gazetteer);
    assert.deepEqual(before, []);
    const after = extractMentions(body('The Syrian Observatory for Human Rights said so. The Observatory monitors the war.'), gazetteer);
    assert.deepEqual(pairs(after), ['Syrian Observatory for Human Rights=Syrian Observatory for Human Rights', 'Observatory=Syrian Observatory for Human Rights']);
  });

  test('should take an acronym for the organisation or place of the same article whose words it spells', () => {
    const ms = extractMentions(body('Diplomats at the United Nations met. The UN envoy said the Syrian Observatory for Human Rights had counted the dead; SOHR said 40.'), empty);
    assert.deepEqual(pairs(ms), ['United Nations=United Nations', 'UN=United Nations', 'Syrian Observatory for Human Rights=Syrian Observatory for Human Rights', 'SOHR=Syrian Observatory for Human Rights']);
    // With no full name to spell, or only a person's, the acronym is its own topic.
    assert.deepEqual(names(extractMentions(body('The UN envoy met Ulrich Neumann.'), empty)), ['UN', 'Ulrich Neumann']);
  });

  test('should find in Title Case and ALL CAPS lines only names the article established', () => {
    const ms = extractMentions({
      title: 'Clashes Break Out in the Southern Sweida Province',
      standfirst: null,
      blocks: [
        { type: 'subhead', text: 'BATTLE FOR PALMYRA', line: 3 },
        { type: 'paragraph', text: 'Rebels shelled positions in Sweida province.', line: 4 },
      ],
    }, gazetteer);
    assert.deepEqual(ms.map((m) => [m.block, m.text, m.name]), [['title', 'Sweida', 'Sweida'], [0, 'PALMYRA', 'Palmyra'], [1, 'Sweida', 'Sweida']]);
  });

  test('should drop names the topics file suppresses', () => {
    const file: TopicsFile = { topics: [], suppress: ['Joint Implementation Group'] };
    const ms = extractMentions(body('A Joint Implementation Group based in Amman.'), buildGazetteer(file));
    assert.deepEqual(names(ms), ['Amman']);
  });

  test('should give title and standfirst mentions their own block and the lines it is given', () => {
    const ms = extractMentions({ title: 'Kerry in Moscow', standfirst: 'Putin waits.', blocks: [], titleLine: 1, standfirstLine: 2 }, gazetteer);
    assert.deepEqual(ms.map((m) => [m.block, m.line, m.name]), [['title', 1, 'John Kerry'], ['title', 1, 'Moscow'], ['standfirst', 2, 'Vladimir Putin']]);
  });
});

describe('resolveTopicName', () => {
  test('should resolve aliases, surnames and titles to the canonical name', () => {
    assert.deepEqual(resolveTopicName('Daesh', gazetteer), { name: 'Islamic State', kind: 'organisation' });
    assert.deepEqual(resolveTopicName('u.n.', gazetteer), { name: 'United Nations', kind: 'organisation' });
    assert.deepEqual(resolveTopicName('Secretary Kerry', gazetteer), { name: 'John Kerry', kind: 'person' });
    assert.deepEqual(resolveTopicName('Mistura', gazetteer), { name: 'Staffan de Mistura', kind: 'person' });
  });

  test('should make an unknown name a theme', () => {
    assert.deepEqual(resolveTopicName('  Refugee  crisis ', gazetteer), { name: 'Refugee crisis', kind: 'theme' });
  });
});

describe('the five seed articles', () => {
  const ids = ['000', '001', '002', '003', '004'];
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'));
  const mentionsOf = new Map(ids.map((id) => [id, extractMentions(read(`${id}.input.json`), gazetteer)]));

  test('should read content/topics.yaml without diagnostics', () => {
    assert.deepEqual(topicsFile.diagnostics, []);
  });

  for (const id of ids) {
    test(`should match the golden mentions of ${id}`, () => {
      const expectedFile = path.join(fixtures, `${id}.json`);
      const actual = mentionsOf.get(id);
      if (process.env.UPDATE || !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
      assert.deepEqual(actual, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }

  test('should find exactly the hand-made gold entities of each article', () => {
    const gold = read('gold.json') as { articles: Record<string, Record<string, string[]>> };
    for (const id of ids) {
      const expected = Object.entries(gold.articles[id]!).flatMap(([kind, list]) => list.map((n) => `${n} (${kind})`)).sort();
      const actual = [...new Set(mentionsOf.get(id)!.filter((m) => m.kind !== 'theme').map((m) => `${m.name} (${m.kind})`))].sort();
      assert.deepEqual(actual, expected, id);
    }
  });

  test('should list each required topic under exactly the articles whose body mentions it', () => {
    const all = ['000', '001', '002', '003', '004'];
    const expected: Record<string, string[]> = {
      'John Kerry': all, 'Vladimir Putin': all, 'Sergei Lavrov': ['001', '002', '003'],
      'Bashar al-Assad': ['000', '001', '003', '004'], 'Staffan de Mistura': ['001', '004'], 'Barack Obama': ['000', '003'],
      Syria: all, Russia: ['000', '001', '003', '004'], 'United States': all, Ukraine: ['000', '003'], Iran: ['003'],
      Iraq: ['000', '003'], Palmyra: ['000', '001'], Geneva: ['000', '001', '004'], Moscow: all, 'Deir Ezzor': ['004'],
      'Islamic State': all, 'Nusra Front': ['002'], 'United Nations': ['000', '001', '004'],
      'US State Department': ['002', '003', '004'], 'Washington Post': ['002', '004'],
      'Syrian Observatory for Human Rights': ['001', '004'],
    };
    for (const [topic, articles] of Object.entries(expected)) {
      const inBody = ids.filter((id) => mentionsOf.get(id)!.some((m) => m.name === topic && typeof m.block === 'number'));
      const anywhere = ids.filter((id) => mentionsOf.get(id)!.some((m) => m.name === topic));
      assert.deepEqual(inBody, articles, topic);
      assert.deepEqual(anywhere, articles, `${topic} (title or standfirst only)`);
    }
  });

  test('should point every mention at its words in the block', () => {
    for (const id of ids) {
      const input = read(`${id}.input.json`) as { title: string; standfirst: string | null; blocks: Block[] };
      for (const m of mentionsOf.get(id)!) {
        const text = m.block === 'title' ? input.title : m.block === 'standfirst' ? input.standfirst! : input.blocks[m.block]!.text;
        assert.equal(text.slice(m.offset, m.offset + m.text.length), m.text, `${id} ${m.block} ${m.text}`);
        if (typeof m.block === 'number') assert.equal(m.line, input.blocks[m.block]!.line);
      }
    }
  });
});
