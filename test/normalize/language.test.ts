import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findForeignLines } from '../../src/normalize/language.js';

const english = [
  'Ukraine and Poland agreed on Tuesday to reopen a border crossing closed since the spring.',
  'Turkish President Recep Tayyip Erdoğan met Mevlüt Çavuşoğlu and a French attaché in Ankara.',
  'The word "мир" means both peace and world in Russian.',
];

test('should flag a line in another script than the article', () => {
  assert.deepEqual(findForeignLines([...english, 'Подписывайтесь на наш канал в Telegram']), [null, null, null, 'other-script']);
});

test('should flag a same-script line whose lower-case words carry diacritics the article lacks', () => {
  assert.deepEqual(findForeignLines([...english, 'Mời quý độc giả theo dõi VOV.VN trên']), [null, null, null, 'other-language']);
});

test('should not flag lines of an article written in that language', () => {
  const vietnamese = ['Mời quý độc giả theo dõi VOV.VN trên', 'Bộ trưởng Ngoại giao Mỹ đã gặp Tổng thống Nga tại điện Kremlin.'];
  assert.deepEqual(findForeignLines(vietnamese), [null, null]);
});
