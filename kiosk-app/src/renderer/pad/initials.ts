/**
 * What the round badge shows instead of a photo: a Chinese name's first character (the surname,
 * how visitors address the staff; 阿 for 阿卜杜热合曼·买买提艾力), or a Latin name's initials.
 * Never more than two characters, so any name fits the circle.
 */
export function initialOf(name: string): string {
  const words = name.trim().split(/[\s·•.-]+/u).filter(Boolean);
  const first = Array.from(words[0] ?? '')[0] ?? '';
  if (!/^[A-Za-z]$/.test(first)) return first;
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
