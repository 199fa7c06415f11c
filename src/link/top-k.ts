/** The k best items by `compare`, without sorting the whole list (candidate lists can be long). */
export function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && compare(item, best[i - 1]!) < 0) {
      if (i < k) best[i] = best[i - 1]!;
      i--;
    }
    best[i] = item;
    if (best.length > k) best.length = k;
  }
  return best;
}
