// Claimants: who makes a claim. One name per workspace and merge key, so "the US Pentagon" and "the Pentagon" are one.

// Words that qualify a source without changing who it is: articles and the country the source belongs to.
const QUALIFIERS = new Set(['the', 'a', 'an', 'us', 'usa', 'american', 'uk', 'british']);

/**
 * The merge key of a claimant name: lower case, accents, dots and other punctuation dropped, leading articles and
 * country qualifiers removed ("the US Pentagon", "the U.S. Pentagon" and "The Pentagon" share "pentagon").
 */
export function claimantKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && QUALIFIERS.has(words[i])) i++;
  return words.slice(i).join(' ');
}

/** The name a claimant is shown under: the source without a leading article, capitalised ("the Pentagon" → "Pentagon"). */
export function claimantDisplayName(name: string): string {
  const trimmed = name
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an)\s+/i, '');
  return trimmed ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : '';
}

/**
 * The claimant of a claim nobody in the text is said to make: the article's author, else its publication (the site of its
 * address), else the article itself by its title when neither is known.
 */
export function articleClaimant(article: { author: string | null; url: string | null; title: string }): string {
  if (article.author?.trim()) return article.author.trim();
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      // not an address: fall through to the title
    }
  }
  return article.title.trim() || 'Unknown author';
}
